"""The HTTP service: ``ruextract serve`` (FastAPI + uvicorn, ``pip install "ruextract[service]"``).

    POST /extract   {"id", "text", "published"} -> one output object (the JSON contract)
                    {"documents": [{"id", "text", "published"}, ...]} -> {"documents": [...]},
                    one output per input, in input order; ?exclude=quotes&exclude=time skips
                    stages for this request (same loaded models)
    GET  /health    {"status": "ok", "version", "stages"}
    GET  /schema    the output JSON Schema (``ruextract.output_schema()``)
    GET  /docs      OpenAPI documentation (FastAPI's), /openapi.json the spec

One pipeline is loaded at startup and shared by the request threads (a ``Pipeline`` is safe to
call from several threads); the pipeline runs in a fixed pool of ``threads`` threads (default:
one per CPU), never on the event loop.
A document the pipeline cannot process is still a 200 with an ``error`` record in its place,
as in the library. HTTP errors have one shape, ``{"error": {"type", "message"}}``:

    400 BadRequest        the body is not JSON (or not UTF-8, or empty)
    413 RequestTooLarge   the body is over ``max_bytes``, or a batch over ``max_documents``
    422 ValidationError   JSON, but not a document or a batch (FastAPI's validation errors)
    404, 405              unknown path or method
    500 InternalError     a bug; never the answer to bad input

FastAPI is imported lazily: the core library does not need it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from .document import Output, output_schema
from .errors import PipelineConfigError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from .pipeline import Pipeline

DEFAULT_MAX_BYTES = 4 * 1024 * 1024  # a 1,000,000-character Cyrillic document is about 2 MB
DEFAULT_MAX_DOCUMENTS = 1000
DEFAULT_BATCH_SIZE = 32
ENV_MAX_BYTES = "RUEXTRACT_MAX_BYTES"  # how serve() passes options to each worker process
ENV_MAX_DOCUMENTS = "RUEXTRACT_MAX_DOCUMENTS"
ENV_THREADS = "RUEXTRACT_THREADS"
WARM_UP = "Президент России Владимир Путин 25 октября 2020 года заявил: «Мы ответим»."

ERROR_TYPES = {
    400: "BadRequest",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "RequestTooLarge",
    422: "ValidationError",
    500: "InternalError",
}


def default_threads() -> int:
    """As many pipeline threads as CPUs (at most 8). numpy and the C parts release the GIL, and
    the stages run one BLAS thread each: on 2 cores, 8 clients posting NEREL/FactRuEval
    articles got 17.9 req/s (p99 0.55 s) with 1 thread, 25.1 (p99 0.42 s) with 2 and 23.5
    (p99 0.48 s) with 4 (benchmarks/load.py, 20 s each)."""
    return max(1, min(8, os.cpu_count() or 1))


# request and response bodies


class InputDocument(BaseModel):
    """One document: its text, an optional id (default: its position) and publication date."""

    model_config = ConfigDict(extra="forbid")

    id: str | int | None = Field(default=None, description="echoed in the output; default: position")
    text: str
    published: date | None = Field(default=None, description="YYYY-MM-DD, anchors relative dates")


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[InputDocument]


class BatchOutput(BaseModel):
    documents: list[Output]


class ErrorBody(BaseModel):
    type: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


def _request_kind(value: Any) -> str:
    return "batch" if isinstance(value, dict) and "documents" in value else "document"


ExtractRequest = Annotated[
    Annotated[InputDocument, Tag("document")] | Annotated[Batch, Tag("batch")],
    Discriminator(_request_kind),
]
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": kind}
    for status, kind in ERROR_TYPES.items()
    if status in (400, 413, 422, 500)
}


def error_response(status: int, message: str, type: str | None = None) -> Any:
    from fastapi.responses import JSONResponse

    body = {"error": {"type": type or ERROR_TYPES.get(status, "HTTPError"), "message": message}}
    return JSONResponse(body, status_code=status)


# the app


def create_app(
    pipeline: Pipeline | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_documents: int = DEFAULT_MAX_DOCUMENTS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    load: Callable[[], Pipeline] | None = None,
    threads: int | None = None,
) -> FastAPI:
    """The FastAPI app around one pipeline: ``pipeline``, or ``load()`` (default
    ``ruextract.load()``) called once at startup, its models warmed up before the first request.

    ``max_bytes`` caps a request body (413 past it), ``max_documents`` a batch's length;
    ``threads`` (default: CPUs, see ``default_threads``) run the pipeline, the event loop never.
    """
    from fastapi import FastAPI, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
    from starlette.exceptions import HTTPException

    from . import __version__

    if max_bytes < 1 or max_documents < 1 or (threads is not None and threads < 1):
        raise ValueError("max_bytes, max_documents and threads must be at least 1")
    state: dict[str, Any] = {}
    if pipeline is not None:
        state["pipeline"] = pipeline

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # a fixed set of threads runs the pipeline: concurrent requests share one Pipeline, and a
        # bounded pool keeps memory flat (each new thread can cost a malloc arena, numpy buffers)
        executor = state["executor"] = ThreadPoolExecutor(
            threads or default_threads(), thread_name_prefix="ruextract")
        if "pipeline" not in state:
            from starlette.concurrency import run_in_threadpool

            def start() -> Pipeline:
                from . import load as default_load

                nlp = (load or default_load)()
                nlp(WARM_UP, published="2020-10-26")  # models load now, not on a request
                return nlp

            state["pipeline"] = await run_in_threadpool(start)
            # the loaded models and tables live as long as the process: keep them out of the
            # garbage collector's full scans (shorter pauses for every request in flight)
            gc.freeze()
        try:
            yield
        finally:
            del state["executor"]
            executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="ruextract",
        version=__version__,
        summary="Typed, linked records from Russian news text",
        description=(__doc__ or "").split("FastAPI is imported lazily")[0],
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, max_bytes=max_bytes)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        detail = error.detail if isinstance(error.detail, str) else str(error.detail)
        if error.status_code == 400 and detail == "There was an error parsing the body":
            detail += ": send UTF-8 JSON"  # FastAPI's words for a body it could not decode
        response: JSONResponse = error_response(error.status_code, detail)
        if error.headers:
            response.headers.update(error.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        return validation_response(error.errors())  # type: ignore[no-any-return]

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> JSONResponse:
        return error_response(500, f"{type(error).__name__}: {error}")  # type: ignore[no-any-return]

    @app.post(
        "/extract",
        response_class=JSONResponse,
        response_model=None,
        responses={200: {"model": Output | BatchOutput,
                         "description": "one output object, or {'documents': [...]} for a batch"},
                   **ERROR_RESPONSES},
        summary="Extract records from one document or a batch",
    )
    async def extract(
        request: ExtractRequest,
        exclude: list[str] = Query(  # noqa: B008 - FastAPI's way to declare a query list
            default=[],
            description="stages to skip for this request, e.g. exclude=quotes; the models stay "
                        "loaded, the lists those stages fill come back empty"),
    ) -> Any:
        if isinstance(request, Batch) and len(request.documents) > max_documents:
            return error_response(
                413, f"a batch of {len(request.documents)} documents is over the limit of "
                f"{max_documents}: send smaller batches")
        nlp = state["pipeline"]
        if exclude:
            try:
                nlp = nlp.without(*exclude)
            except (KeyError, PipelineConfigError) as error:
                return error_response(422, f"exclude: {str(error).strip(chr(34) + chr(39))}")
        loop = asyncio.get_running_loop()
        body = await loop.run_in_executor(state.get("executor"), run, nlp, request)
        return Response(body, media_type="application/json")

    def run(nlp: Pipeline, request: InputDocument | Batch) -> bytes:  # in the executor
        if isinstance(request, Batch):
            items = [_item(document) for document in request.documents]
            docs = nlp.pipe(items, batch_size=batch_size)
            result: dict[str, Any] = {"documents": [doc.output() for doc in docs]}
        else:
            result = next(nlp.pipe([_item(request)], batch_size=1)).output()
        return json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode()

    @app.get("/health", summary="Liveness: the pipeline is loaded")
    def health() -> dict[str, Any]:
        nlp = state["pipeline"]
        return {"status": "ok", "version": __version__, "stages": nlp.names}

    @app.get("/schema", summary="JSON Schema of the output contract")
    def schema() -> dict[str, Any]:
        return output_schema()

    return app


def _item(document: InputDocument) -> dict[str, Any]:
    item: dict[str, Any] = {"text": document.text}
    if document.id is not None:
        item["id"] = str(document.id)
    if document.published is not None:
        item["published"] = document.published
    return item


def validation_response(problems: Any) -> Any:
    """FastAPI's validation errors in our shape: 400 for a body that is not JSON, else 422."""
    problems = list(problems)
    if any(problem.get("type") == "json_invalid" for problem in problems):
        detail = problems[0].get("ctx", {}).get("error") or problems[0].get("msg")
        return error_response(400, f"the body is not valid JSON: {detail}")
    if any(tuple(problem.get("loc", ())) == ("body",) and problem.get("type") == "missing"
           for problem in problems):
        return error_response(400, 'empty body: send {"text": ...} or {"documents": [...]}')
    if any(isinstance(problem.get("input"), (bytes, bytearray)) for problem in problems):
        return error_response(400, "the body is not JSON: send it as application/json")
    messages = []
    for problem in problems[:10]:
        where = ".".join(str(part) for part in problem.get("loc", ()))
        messages.append(f"{where}: {problem.get('msg')}")
    more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
    return error_response(422, "; ".join(messages) + more)


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` gets 413, whether its Content-Length
    says so up front or a chunked body grows past it (it is never read whole)."""

    def __init__(self, app: Any, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        from starlette.exceptions import HTTPException

        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = (
            f"the request body is over the limit of {self.max_bytes:,} bytes: send fewer or "
            f"shorter documents (or start the service with a larger --max-bytes)"
        )
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await error_response(400, "bad Content-Length header")(scope, receive, send)
                    return
                if declared > self.max_bytes:
                    await error_response(413, too_large)(scope, receive, send)
                    return
        received = 0

        async def limited_receive() -> dict[str, Any]:
            nonlocal received
            message: dict[str, Any] = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:  # FastAPI passes HTTPExceptions through as they are
                    raise HTTPException(413, too_large)
            return message

        await self.app(scope, limited_receive, send)


# running it


def app_from_environment() -> FastAPI:
    """The app each uvicorn worker process builds (``serve`` passes its options by environment)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # request threads run in parallel; BLAS threads would oversubscribe
    return create_app(
        max_bytes=int(os.environ.get(ENV_MAX_BYTES, DEFAULT_MAX_BYTES)),
        max_documents=int(os.environ.get(ENV_MAX_DOCUMENTS, DEFAULT_MAX_DOCUMENTS)),
        threads=int(os.environ[ENV_THREADS]) if os.environ.get(ENV_THREADS) else None,
    )


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    max_documents: int = DEFAULT_MAX_DOCUMENTS,
    threads: int | None = None,
    log_level: str = "info",
) -> None:
    """Run the service with uvicorn: ``workers`` processes, each with its own pipeline (about
    400 MB each), loaded once at startup, and ``threads`` threads running it (default: CPUs)."""
    import uvicorn

    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    os.environ[ENV_MAX_BYTES] = str(max_bytes)
    os.environ[ENV_MAX_DOCUMENTS] = str(max_documents)
    if threads is not None:
        os.environ[ENV_THREADS] = str(threads)
    uvicorn.run(
        "ruextract.service:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )


def add_serve_parser(commands: Any) -> argparse.ArgumentParser:
    """The ``ruextract serve`` subcommand, for ``cli.build_parser``'s subparsers."""
    serve_parser: argparse.ArgumentParser = commands.add_parser(
        "serve",
        help="run the HTTP service (needs: pip install 'ruextract[service]')",
        description=(
            "Serve POST /extract (one document or a batch → the JSON contract), GET /health, "
            "GET /schema and OpenAPI docs at /docs, with one pipeline per worker process."
        ),
    )
    serve_parser.add_argument("--host", default="127.0.0.1",
                              help="address to bind (default 127.0.0.1; 0.0.0.0 for all)")
    serve_parser.add_argument("--port", type=int, default=8000, help="default 8000")
    serve_parser.add_argument("--workers", type=int, default=1, metavar="N",
                              help="worker processes, each with its own models (default 1)")
    serve_parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                              help=f"largest request body; 413 past it (default {DEFAULT_MAX_BYTES})")
    serve_parser.add_argument("--max-documents", type=int, default=DEFAULT_MAX_DOCUMENTS,
                              metavar="N", help=f"largest batch (default {DEFAULT_MAX_DOCUMENTS})")
    serve_parser.add_argument("--threads", type=int, metavar="N",
                              help="threads running the pipeline in each worker (default: CPUs, "
                                   "at most 8)")
    serve_parser.set_defaults(run=run_serve)
    return serve_parser


def run_serve(args: argparse.Namespace) -> int:
    import sys

    if min(args.workers, args.max_bytes, args.max_documents, args.threads or 1) < 1:
        print("ruextract: --workers, --threads, --max-bytes, --max-documents must be at least 1",
              file=sys.stderr)
        return 2
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as error:
        print(f"ruextract: the service needs FastAPI and uvicorn ({error}): "
              f"pip install 'ruextract[service]'", file=sys.stderr)
        return 2
    serve(args.host, args.port, args.workers, args.max_bytes, max_documents=args.max_documents,
          threads=args.threads)
    return 0

