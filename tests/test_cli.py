from __future__ import annotations

import io
import json
import sys

import pytest

from ruextract.cli import main


def run(monkeypatch, capsys, argv, stdin=b""):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_extract_text_file_with_published_date(monkeypatch, capsys, tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("Мэр Москвы Сергей Собянин открыл парк.", encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, ["extract", str(path), "--published", "2021-05-01"])
    assert code == 0
    [line] = out.splitlines()
    output = json.loads(line)
    assert output["id"] == "news" and output["published"] == "2021-05-01"
    assert {"Москва", "Сергей Собянин"} <= {entity["name"] for entity in output["entities"]}
    assert "done, 1 documents" in err


def test_cli_extract_jsonl_keeps_order_and_reports_bad_lines(monkeypatch, capsys, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd.", "published": "2020-01-01"}\n'
        b"not json\n\n[1, 2]\n"
        b'{"id": "b", "text": "Berlin."}\n'
    )
    out_path = tmp_path / "out.json"
    code, out, err = run(
        monkeypatch, capsys, ["extract", str(path), "--format", "json", "-o", str(out_path), "--quiet"]
    )
    assert code == 0 and out == "" and err == ""
    outputs = json.loads(out_path.read_text(encoding="utf-8"))
    assert [output["id"] for output in outputs] == ["a", "corpus.jsonl:2", "corpus.jsonl:4", "b"]
    assert [("error" in output) for output in outputs] == [False, True, True, False]
    assert "not JSON" in outputs[1]["error"]["message"]


def test_cli_extract_reads_stdin_text(monkeypatch, capsys):
    code, out, _err = run(monkeypatch, capsys, ["extract", "--quiet"], "ФБР задержало двоих.".encode())
    assert code == 0 and json.loads(out)["entities"][0]["name"] == "ФБР"


def test_cli_extract_non_utf8_file_is_an_error_record_not_a_crash(monkeypatch, capsys, tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Путин прибыл в Москву".encode("cp1251"))
    code, out, _err = run(monkeypatch, capsys, ["extract", str(path), "--quiet"])
    assert code == 0 and "iconv" in json.loads(out)["error"]["message"]


def test_cli_usage_errors_exit_non_zero(monkeypatch, capsys, tmp_path):
    code, _out, err = run(monkeypatch, capsys, ["extract", str(tmp_path / "missing.txt")])
    assert code == 2 and "no such file" in err
    with pytest.raises(SystemExit) as exit:
        main(["extract", "--published", "yesterday"])
    assert exit.value.code == 2


def test_cli_schema_prints_the_contract_schema(monkeypatch, capsys):
    code, out, _err = run(monkeypatch, capsys, ["schema"])
    schema = json.loads(out)
    assert code == 0
    assert {"id", "published", "entities", "quotes", "timexes", "events", "relations", "error"} <= set(
        schema["properties"]
    )
