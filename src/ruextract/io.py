"""Reading documents from files and streams: plain text, JSONL lines ``{"id","text","published",...}``.

Readers yield one item per input document and never raise for a bad document: a line that is not
JSON, or a file that is not UTF-8, comes out as a ``BadInput`` that the pipeline turns into an
error record in its place.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


class BadInput(ValueError):
    """An input that could not be read as a document; carried through as an error record."""

    def __init__(self, id: str, message: str):
        super().__init__(message)
        self.id = id


def read_path(path: Path) -> Iterator[dict[str, Any] | BadInput]:
    """Documents from one file: ``.jsonl``/``.ndjson`` line by line, anything else as one text."""
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open("rb") as stream:
            yield from read_jsonl(stream, source=path.name)
        return
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield BadInput(path.stem, f"{path.name} is not UTF-8 ({error.reason} at byte "
                                  f"{error.start}): convert it, e.g. iconv -f cp1251 -t utf-8")
        return
    yield {"id": path.stem, "text": text}


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
        import io

        yield from read_jsonl(io.BytesIO(data))
        return
    try:
        yield {"id": "stdin", "text": data.decode("utf-8-sig")}
    except UnicodeDecodeError as error:
        yield BadInput("stdin", f"standard input is not UTF-8 ({error.reason})")
