"""Corpus input and output.

Readers take folders of ``.txt``, JSONL lines ``{"id","text","published",...}``, CSV and Parquet
tables (a text column plus optional id and published columns) and standard input. They yield one
item per input document, each with a stable id, and never raise for a bad document: a line that
is not JSON, or a file that is not UTF-8, comes out as a ``BadInput`` that the pipeline turns into
an error record in its place.

Writers (``open_writer``) write the output contract as JSONL, a JSON array, or a Parquet dataset
folder. JSONL and Parquet runs resume: the ids already in the output are skipped, so a killed
run restarted with the same output finishes the rest without duplicates.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

CORPUS_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".parquet")


@dataclass(frozen=True)
class Columns:
    """Where a table keeps its documents' fields."""

    text: str = "text"
    id: str = "id"
    published: str = "published"


class BadInput(ValueError):
    """An input that could not be read as a document; carried through as an error record."""

    def __init__(self, id: str, message: str):
        super().__init__(message)
        self.id = id


def read_path(path: Path, columns: Columns = Columns(), id: str | None = None) -> Iterator[Any]:
    """Documents from a folder or one file: a folder recursively (sorted), ``.jsonl``/``.ndjson``
    line by line, ``.csv`` and ``.parquet`` row by row, anything else as one text."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in CORPUS_SUFFIXES:
                yield from read_path(child, columns, str(child.relative_to(path).with_suffix("")))
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with path.open("rb") as stream:
            yield from read_jsonl(stream, source=id or path.name)
    elif suffix == ".csv":
        yield from read_csv(path, columns, id or path.name)
    elif suffix == ".parquet":
        yield from read_parquet(path, columns, id or path.name)
    else:
        yield read_text(path, id or path.stem)


def read_text(path: Path, id: str) -> dict[str, Any] | BadInput:
    try:
        return {"id": id, "text": path.read_bytes().decode("utf-8-sig")}
    except UnicodeDecodeError as error:
        return BadInput(id, f"{path.name} is not UTF-8 ({error.reason} at byte {error.start}): "
                            f"convert it, e.g. iconv -f cp1251 -t utf-8")


def _row(row: dict[str, Any], columns: Columns, default_id: str) -> dict[str, Any]:
    item = {key: value for key, value in row.items() if value is not None}
    item["text"] = row.get(columns.text)
    item["id"] = str(row.get(columns.id) or default_id)
    published = row.get(columns.published)
    item["published"] = str(published)[:10] if published not in (None, "") else None
    return item


def read_csv(path: Path, columns: Columns, source: str) -> Iterator[dict[str, Any] | BadInput]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as stream:
        reader = csv.DictReader(stream)
        if columns.text not in (reader.fieldnames or []):
            raise ValueError(f"{path} has no {columns.text!r} column (its columns: "
                             f"{reader.fieldnames}): name the text column with --text-column")
        for number, row in enumerate(reader, start=1):
            yield _row(row, columns, f"{source}:{number}")


def read_parquet(path: Path, columns: Columns, source: str) -> Iterator[dict[str, Any] | BadInput]:
    parquet = _pyarrow_parquet()
    table = parquet.ParquetFile(path)
    names = table.schema_arrow.names
    if columns.text not in names:
        raise ValueError(f"{path} has no {columns.text!r} column (its columns: {names}): "
                         f"name the text column with --text-column")
    wanted = [name for name in (columns.text, columns.id, columns.published) if name in names]
    number = 0
    for batch in table.iter_batches(batch_size=256, columns=wanted):
        for row in batch.to_pylist():
            number += 1
            yield _row(row, columns, f"{source}:{number}")


def read_jsonl(stream: IO[bytes], source: str = "stdin") -> Iterator[dict[str, Any] | BadInput]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            item = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield BadInput(where, f"line {where} is not UTF-8")
            continue
        except json.JSONDecodeError as error:
            yield BadInput(where, f"line {where} is not JSON: {error.msg}")
            continue
        if not isinstance(item, dict):
            yield BadInput(where, f"line {where} is a JSON {type(item).__name__}, not an object")
            continue
        item.setdefault("id", where)
        yield item


def read_stdin(stream: IO[bytes]) -> Iterator[dict[str, Any] | BadInput]:
    """JSONL if the first non-blank character is ``{``, else the whole input is one text."""
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BytesIO(data))
        return
    try:
        yield {"id": "stdin", "text": data.decode("utf-8-sig")}
    except UnicodeDecodeError as error:
        yield BadInput("stdin", f"standard input is not UTF-8 ({error.reason})")


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise ImportError("Parquet needs pyarrow: pip install 'ruextract[corpus]'") from None
    return parquet


# writing


class JsonlWriter:
    """One output object per line, flushed per write; appends to (and resumes) an existing file."""

    def __init__(self, path: Path, *, resume: bool = True):
        self.path = path
        self.done: set[str] = set()
        if resume and path.exists():
            _drop_partial_last_line(path)
            with path.open(encoding="utf-8") as stream:
                self.done = {json.loads(line)["id"] for line in stream if line.strip()}
        self.stream = path.open("a" if resume else "w", encoding="utf-8")

    def write(self, outputs: Iterable[dict[str, Any]]) -> None:
        for output in outputs:
            self.stream.write(json.dumps(output, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.close()


def _drop_partial_last_line(path: Path) -> None:
    """A run killed mid-write can leave half a line: cut the file back to its last newline."""
    with path.open("rb+") as stream:
        stream.seek(0, os.SEEK_END)
        size = position = stream.tell()
        while position > 0:
            step = min(65536, position)
            stream.seek(position - step)
            chunk = stream.read(step)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                position = position - step + newline + 1
                break
            position -= step
        if position != size:
            stream.truncate(position)


class JsonArrayWriter:
    def __init__(self, stream: IO[str]):
        self.stream, self.count = stream, 0
        self.done: set[str] = set()
        stream.write("[")

    def write(self, outputs: Iterable[dict[str, Any]]) -> None:
        for output in outputs:
            separator = "," if self.count else ""
            self.stream.write(separator + "\n" + json.dumps(output, ensure_ascii=False, indent=2))
            self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n")
        self.stream.flush()
        if self.stream is not sys.stdout:
            self.stream.close()


PARQUET_COLUMNS = ("entities", "quotes", "timexes", "events", "values", "relations", "facts", "records")


class ParquetWriter:
    """A Parquet dataset folder of part files, each written whole (temporary name, then rename),
    so a killed run leaves only complete parts. Columns: id, published, error_type,
    error_message and the contract's lists as JSON strings (``ruextract.tables`` flattens them)."""

    def __init__(self, path: Path, *, resume: bool = True):
        self.parquet = _pyarrow_parquet()
        import pyarrow

        self.pyarrow = pyarrow
        self.path = path
        if path.exists() and not path.is_dir():
            raise ValueError(f"{path} exists and is not a Parquet dataset folder")
        path.mkdir(parents=True, exist_ok=True)
        parts = sorted(path.glob("part-*.parquet"))
        if not resume:
            for part in parts:
                part.unlink()
            parts = []
        self.done = {
            id for part in parts for id in self.parquet.read_table(part, columns=["id"])["id"].to_pylist()
        }
        self.number = len(parts)

    def write(self, outputs: Iterable[dict[str, Any]]) -> None:
        rows = [parquet_row(output) for output in outputs]
        if not rows:
            return
        table = self.pyarrow.Table.from_pylist(rows, schema=self.schema())
        final = self.path / f"part-{self.number:06d}.parquet"
        temporary = final.with_suffix(".tmp")
        self.parquet.write_table(table, temporary)
        temporary.replace(final)
        self.number += 1

    def schema(self) -> Any:
        pa = self.pyarrow
        fields = [("id", pa.string()), ("published", pa.string()), ("error_type", pa.string()),
                  ("error_message", pa.string())]
        return pa.schema(fields + [(name, pa.string()) for name in PARQUET_COLUMNS])

    def close(self) -> None:
        pass


def parquet_row(output: dict[str, Any]) -> dict[str, Any]:
    error = output.get("error") or {}
    row = {"id": output["id"], "published": output.get("published"),
           "error_type": error.get("type"), "error_message": error.get("message")}
    for name in PARQUET_COLUMNS:
        row[name] = json.dumps(output.get(name, []), ensure_ascii=False)
    return row


def open_writer(path: Path | None, format: str = "jsonl", *, resume: bool = True) -> Any:
    """A writer for ``path`` (None: standard output). ``.parquet`` is a dataset folder; ``format``
    chooses between JSONL and a JSON array for other paths. JSON arrays cannot resume."""
    if path is None:
        return JsonArrayWriter(sys.stdout) if format == "json" else _StdoutJsonl()
    if path.suffix.lower() == ".parquet":
        return ParquetWriter(path, resume=resume)
    if format == "json":
        if path.exists() and resume:
            raise ValueError(f"{path} exists and a JSON array cannot be resumed: use JSONL, "
                             f"another output, or --overwrite")
        return JsonArrayWriter(path.open("w", encoding="utf-8"))
    return JsonlWriter(path, resume=resume)


class _StdoutJsonl(JsonlWriter):
    def __init__(self) -> None:
        self.done = set()
        self.stream = sys.stdout

    def close(self) -> None:
        self.stream.flush()
