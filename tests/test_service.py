"""The HTTP service, through FastAPI's TestClient (no network): every status code, batch order,
the size limit, /schema, /health, and a fuzz of the OpenAPI request schema plus arbitrary JSON:
never a 500, every error in the one shape.

Requests are drawn from the service's own OpenAPI spec by ``from_openapi`` below, a strategy for
the JSON Schema subset FastAPI emits for our models (hypothesis-jsonschema 0.23 fails on
current hypothesis, and schemathesis builds on it); a keyword it does not know fails the test,
so the fuzz cannot silently drift from the spec."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from typing import Any

import pytest

fastapi = pytest.importorskip("fastapi")

from contract import check_output  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import ruextract  # noqa: E402
from ruextract.service import (  # noqa: E402
    DEFAULT_MAX_BYTES,
    add_serve_parser,
    create_app,
)

MAX_BYTES = 20_000
MAX_DOCUMENTS = 8
EXAMPLES = int(os.environ.get("RUEXTRACT_FUZZ_EXAMPLES", "150"))
SERVICE_FUZZ = settings(
    max_examples=max(EXAMPLES // 3, 30),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)
ARTICLE = (
    "Президент России Владимир Путин 25 октября 2020 года заявил: «Мы ответим». "
    "Об этом сообщил пресс-секретарь Кремля Дмитрий Песков."
)


@pytest.fixture(scope="module")
def client(nlp: ruextract.Pipeline) -> Iterator[TestClient]:
    app = create_app(nlp, max_bytes=MAX_BYTES, max_documents=MAX_DOCUMENTS)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def assert_error(response: Any, status: int, type: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message"}, body
    assert body["error"]["type"] == type
    assert body["error"]["message"]


# 200


def test_service_extract_one_document_is_the_library_output(
    client: TestClient, nlp: ruextract.Pipeline
) -> None:
    response = client.post(
        "/extract", json={"id": "a1", "text": ARTICLE, "published": "2020-10-26"}
    )
    assert response.status_code == 200
    out = response.json()
    assert out == nlp(ARTICLE, published="2020-10-26", id="a1").output()
    check_output(ARTICLE, out)
    assert any(entity["name"] == "Владимир Путин" for entity in out["entities"])
    assert out["timexes"][0]["value"] == "2020-10-25"


def test_service_batch_keeps_input_order(client: TestClient) -> None:
    texts = [ARTICLE, "", "Вчера в Москве.", "«Да», — сказал он.", "x" * 10]
    documents = [{"id": f"n{index}", "text": text} for index, text in enumerate(texts)]
    documents.reverse()
    documents.append({"text": "без id"})
    documents.append({"id": 7, "text": "числовой id", "published": None})
    response = client.post("/extract", json={"documents": documents})
    assert response.status_code == 200
    outs = response.json()["documents"]
    assert [out["id"] for out in outs] == ["n4", "n3", "n2", "n1", "n0", "5", "7"]
    for document, out in zip(documents, outs):
        check_output(document["text"], out)


def test_service_document_over_max_chars_is_an_error_record(nlp: ruextract.Pipeline) -> None:
    small = ruextract.Pipeline(nlp.stages, max_chars=10)
    with TestClient(create_app(small)) as client:
        response = client.post("/extract", json={"id": "big", "text": "а" * 11})
    assert response.status_code == 200  # errors are records, as in the library
    assert response.json()["error"]["type"] == "DocumentTooLarge"


def test_service_exclude_skips_stages_for_one_request(client: TestClient) -> None:
    response = client.post("/extract?exclude=quotes&exclude=time", json={"text": ARTICLE})
    assert response.status_code == 200
    out = response.json()
    assert out["quotes"] == [] and out["timexes"] == [] and out["entities"]
    full = client.post("/extract", json={"text": ARTICLE}).json()  # the next request: all stages
    assert full["quotes"] and full["timexes"]


@pytest.mark.parametrize("exclude", ["nosuchstage", "ner"], ids=["unknown", "needed-by-entities"])
def test_service_exclude_422(client: TestClient, exclude: str) -> None:
    response = client.post(f"/extract?exclude={exclude}", json={"text": ARTICLE})
    assert_error(response, 422, "ValidationError")
    assert exclude in response.json()["error"]["message"]


def test_service_health(client: TestClient, nlp: ruextract.Pipeline) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "version": ruextract.__version__, "stages": nlp.names
    }


def test_service_schema_is_the_output_schema(client: TestClient) -> None:
    response = client.get("/schema")
    assert response.status_code == 200
    assert response.json() == ruextract.output_schema()


def test_service_openapi_docs(client: TestClient, spec: dict[str, Any]) -> None:
    assert {"/extract", "/health", "/schema"} <= set(spec["paths"])
    responses = spec["paths"]["/extract"]["post"]["responses"]
    assert {"200", "400", "413", "422", "500"} <= set(responses)
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # ours, not FastAPI's
    assert client.get("/docs").status_code == 200


# errors


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"", b"\xff\xfe{\x00", b'{"text": "a"', b"[1, 2"],
    ids=["broken", "empty", "not-utf8", "unclosed", "array"],
)
def test_service_400_for_a_body_that_is_not_json(client: TestClient, body: bytes) -> None:
    response = client.post("/extract", content=body, headers={"content-type": "application/json"})
    assert_error(response, 400, "BadRequest")


def test_service_400_for_a_body_not_sent_as_json(client: TestClient) -> None:
    response = client.post("/extract", content=b"hello", headers={"content-type": "text/plain"})
    assert_error(response, 400, "BadRequest")


@pytest.mark.parametrize(
    "body",
    [
        {"text": 5},
        {"id": "a"},
        {"text": "a", "published": "2020-13-01"},
        {"text": "a", "unknown": 1},
        {"documents": "a"},
        {"documents": [{"text": "a"}, {"id": "b"}]},
        [1, 2],
        "text",
        1,
    ],
)
def test_service_422_for_json_that_is_not_a_request(client: TestClient, body: Any) -> None:
    response = client.post("/extract", json=body)
    assert_error(response, 422, "ValidationError")


def test_service_422_for_null(client: TestClient) -> None:
    response = client.post("/extract", content=b"null", headers={"content-type": "application/json"})
    assert_error(response, 422, "ValidationError")


def test_service_422_names_the_field(client: TestClient) -> None:
    response = client.post("/extract", json={"documents": [{"text": "a"}, {"text": 1}]})
    assert_error(response, 422, "ValidationError")
    assert "documents.1.text" in response.json()["error"]["message"]


def test_service_413_past_the_size_limit(client: TestClient) -> None:
    assert client.post("/extract", json={"text": "а" * (MAX_BYTES // 4)}).status_code == 200
    response = client.post("/extract", json={"text": "а" * MAX_BYTES})
    assert_error(response, 413, "RequestTooLarge")


def test_service_413_for_a_chunked_body_past_the_limit(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what arrives
        yield b'{"text": "'
        for _ in range(MAX_BYTES // 1000 + 1):
            yield b"a" * 1000
        yield b'"}'

    response = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert_error(response, 413, "RequestTooLarge")


def test_service_413_for_too_many_documents(client: TestClient) -> None:
    documents = [{"text": "a"}] * (MAX_DOCUMENTS + 1)
    assert_error(client.post("/extract", json={"documents": documents}), 413, "RequestTooLarge")


def test_service_404_and_405(client: TestClient) -> None:
    assert_error(client.get("/nowhere"), 404, "NotFound")
    assert_error(client.get("/extract"), 405, "MethodNotAllowed")


def test_service_500_for_a_bug_has_the_same_shape(nlp: ruextract.Pipeline) -> None:
    class Broken:
        names = ["broken"]

        def pipe(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("a bug")

    with TestClient(create_app(Broken()), raise_server_exceptions=False) as client:  # type: ignore[arg-type]
        assert_error(client.post("/extract", json={"text": "a"}), 500, "InternalError")


def test_service_default_limit_fits_the_largest_document() -> None:
    assert DEFAULT_MAX_BYTES > 2 * 1_000_000 + 100  # 1,000,000 Cyrillic characters, as UTF-8


def test_service_serve_subcommand_options() -> None:
    parser = argparse.ArgumentParser()
    add_serve_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--port", "9001", "--workers", "2", "--max-bytes", "100"])
    assert (args.host, args.port, args.workers, args.max_bytes) == ("127.0.0.1", 9001, 2, 100)
    assert callable(args.run)


# fuzz: the OpenAPI request schema, then any JSON


def from_openapi(schema: dict[str, Any], spec: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid under ``schema`` ($ref into ``spec``'s components, anyOf/oneOf, objects with
    required and optional properties, arrays, strings (format date), integers, null)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return from_openapi(spec["components"]["schemas"][name], spec)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([from_openapi(option, spec) for option in schema[key]])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "string" and schema.get("format") == "date":
        return st.dates().map(lambda day: day.isoformat())
    if kind == "string" and "format" not in schema:
        return st.text(max_size=80) | st.sampled_from([ARTICLE, "«Да», — сказал он вчера."])
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum"), max_value=schema.get("maximum"))
    if kind == "array":
        return st.lists(from_openapi(schema["items"], spec), max_size=4)
    if kind == "object" and schema.get("additionalProperties") is False:
        properties = {name: from_openapi(value, spec)
                      for name, value in schema.get("properties", {}).items()}
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {name: value for name, value in properties.items() if name in required},
            optional={name: value for name, value in properties.items() if name not in required},
        )
    raise NotImplementedError(f"from_openapi does not know {schema}")


def test_service_fuzz_openapi_requests(client: TestClient, spec: dict[str, Any]) -> None:
    body_schema = spec["paths"]["/extract"]["post"]["requestBody"]["content"]["application/json"]

    @SERVICE_FUZZ
    @given(body=from_openapi(body_schema["schema"], spec))
    def check(body: Any) -> None:
        response = client.post("/extract", json=body)
        if response.status_code == 413:  # a generated batch over MAX_DOCUMENTS or MAX_BYTES
            assert_error(response, 413, "RequestTooLarge")
            return
        assert response.status_code == 200, (body, response.text)
        documents = body["documents"] if "documents" in body else [body]
        outs = response.json()["documents"] if "documents" in body else [response.json()]
        assert len(outs) == len(documents)
        for document, out in zip(documents, outs):
            check_output(document["text"], out)

    check()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "text", "published", "documents", "x"]) | st.text(max_size=5),
                      children, max_size=4),
    max_leaves=12,
)


def test_service_fuzz_any_json_never_500(client: TestClient) -> None:
    @SERVICE_FUZZ
    @given(raw=JSON.map(lambda value: json.dumps(value).encode()) | st.binary(max_size=50))
    def check(raw: bytes) -> None:
        response = client.post("/extract", content=raw, headers={"content-type": "application/json"})
        assert response.status_code in (200, 400, 413, 422), (raw, response.text)
        if response.status_code != 200:
            assert set(response.json()) == {"error"}

    check()
