"""Corpus input and output: folders, CSV, Parquet, resumable writes, one record per input."""

from __future__ import annotations

import csv
import io
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ruextract.cli import main
from ruextract.io import Columns, JsonlWriter, read_path


def run_cli(monkeypatch, argv):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    return main(argv)


def test_io_folder_reads_every_corpus_file_sorted_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Первый.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Второй.", encoding="utf-8")
    (tmp_path / "b" / "d.jsonl").write_text('{"id": "x", "text": "Третий."}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("не корпус", encoding="utf-8")
    items = list(read_path(tmp_path))
    assert [item["id"] for item in items] == ["a", "b/c", "x"]


def test_io_csv_and_parquet_rows_with_named_columns(tmp_path):
    rows = [{"body": "Мэр Казани открыл школу.", "key": "k1", "date": "2021-03-01"},
            {"body": "Второй текст.", "key": "", "date": ""}]
    with (tmp_path / "news.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["key", "body", "date"])
        writer.writeheader()
        writer.writerows(rows)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "news.parquet")
    columns = Columns(text="body", id="key", published="date")
    for name in ("news.csv", "news.parquet"):
        items = list(read_path(tmp_path / name, columns))
        assert [(item["id"], item["text"], item["published"]) for item in items] == [
            ("k1", "Мэр Казани открыл школу.", "2021-03-01"), (f"{name}:2", "Второй текст.", None)
        ]
    with pytest.raises(ValueError, match="--text-column"):
        list(read_path(tmp_path / "news.csv"))


def test_io_jsonl_writer_drops_a_half_written_last_line_and_resumes(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "entities": []}\n{"id": "b", "ent', encoding="utf-8")
    writer = JsonlWriter(path)
    assert writer.done == {"a"}
    writer.write([{"id": "b"}])
    writer.close()
    assert [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()] == ["a", "b"]


def garbage_corpus(tmp_path):
    """100 documents, one of each kind of garbage among them."""
    lines = [json.dumps({"id": f"d{index}", "text": f"Мэр города номер {index} открыл парк."},
                        ensure_ascii=False) for index in range(100)]
    lines[10] = json.dumps({"id": "empty", "text": ""})
    lines[20] = "\u0000\u0001 not json at all"
    lines[30] = json.dumps({"id": "huge", "text": "Слово. " * 200_000})
    lines[40] = json.dumps({"id": "binary", "text": "\udcff\x00\x01\x02"}, ensure_ascii=True)
    path = tmp_path / "corpus.jsonl"
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    data = data.replace(b"open", b"\xff\xfeopen", 1)  # a broken encoding inside one line
    path.write_bytes(data + b"\n")
    return path


def test_io_garbage_corpus_gives_exactly_one_record_per_input_in_order(monkeypatch, tmp_path):
    corpus = garbage_corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    assert run_cli(monkeypatch, ["extract", str(corpus), "-o", str(out), "--quiet"]) == 0
    outputs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(outputs) == 100
    assert outputs[10]["id"] == "empty" and "error" not in outputs[10]
    assert outputs[20]["id"] == "corpus.jsonl:21" and outputs[20]["error"]["type"] == "BadInput"
    assert outputs[30]["error"]["type"] == "DocumentTooLarge"
    assert [output["id"] for output in outputs[:10]] == [f"d{index}" for index in range(10)]


def test_io_restarted_run_finishes_the_rest_without_duplicates(monkeypatch, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{index}", "text": f"Текст {index}."}) + "\n"
                              for index in range(40)), encoding="utf-8")
    for out in (tmp_path / "out.jsonl", tmp_path / "out.parquet"):
        first = [json.dumps({"id": f"d{index}"}) for index in range(15)]
        if out.suffix == ".jsonl":  # a run killed after 15 documents and half a line
            out.write_text("\n".join(first) + '\n{"id": "d15", "ent', encoding="utf-8")
        assert run_cli(monkeypatch, ["extract", str(corpus), "-o", str(out), "--quiet"]) == 0
        if out.suffix == ".parquet":  # killed before the end: run again on the same folder
            assert run_cli(monkeypatch, ["extract", str(corpus), "-o", str(out), "--quiet"]) == 0
            ids = pq.read_table(out)["id"].to_pylist()
        else:
            ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
        assert sorted(ids, key=lambda id: int(id[1:])) == [f"d{index}" for index in range(40)]
        assert len(ids) == len(set(ids))


def test_io_parquet_keeps_every_contract_list_as_json(monkeypatch, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Министр Иван Петров, 58 лет, заявил, что "
                                  "полиция задержала двух человек."}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    out = tmp_path / "out.parquet"
    assert run_cli(monkeypatch, ["extract", str(corpus), "-o", str(out), "--quiet"]) == 0
    (row,) = pq.read_table(out).to_pylist()
    for name in ("entities", "quotes", "timexes", "events", "relations", "values", "facts", "records"):
        assert isinstance(json.loads(row[name]), list), name
    assert json.loads(row["records"]) and json.loads(row["values"])


def test_io_overwrite_starts_afresh_and_json_array_refuses_to_resume(monkeypatch, tmp_path, capsys):
    corpus = tmp_path / "one.txt"
    corpus.write_text("Текст.", encoding="utf-8")
    out = tmp_path / "out.json"
    assert run_cli(monkeypatch, ["extract", str(corpus), "-o", str(out), "--format", "json", "--quiet"]) == 0
    assert run_cli(monkeypatch, ["extract", str(corpus), "-o", str(out), "--format", "json", "--quiet"]) == 2
    assert "cannot be resumed" in capsys.readouterr().err
    assert run_cli(monkeypatch, ["extract", str(corpus), "-o", str(out), "--format", "json",
                                 "--overwrite", "--quiet"]) == 0
    assert [output["id"] for output in json.loads(out.read_text(encoding="utf-8"))] == ["one"]
