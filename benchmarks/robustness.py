"""Every document of the gold corpora through the pipeline once: crashes and invalid outputs.

    python benchmarks/robustness.py --data /work/shared/data [--limit N] [--batch-size 8]

For each document of nerel/train, nerel/dev and factru/dev it checks what the property tests
check on random text: the output is a valid contract object (``Output.model_validate``), every
``start``/``end`` indexes the text exactly (mentions, roles, quote cue/source/content, timexes,
event triggers, relation evidence), nothing raises, and no document comes back with an error
record. It prints one line per problem (document id and what went wrong, never corpus text)
and a summary per file; the exit code is 1 if anything failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ruextract
from ruextract import Output

FILES = ("nerel/train.jsonl", "nerel/dev.jsonl", "factru/dev.jsonl")


def spans(value: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield where, value
        for key, item in value.items():
            yield from spans(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from spans(item, f"{where}[{index}]")


def problems(text: str, out: dict[str, Any]) -> list[str]:
    found = []
    try:
        Output.model_validate(out)
    except Exception as error:  # noqa: BLE001 - reported, not raised
        found.append(f"invalid contract: {error}".splitlines()[0])
    if out.get("error"):
        found.append(f"error record {out['error']['type']}: {out['error']['message'][:200]}")
    for where, span in spans(out):
        start, end = span["start"], span["end"]
        if not (0 <= start <= end <= len(text)) or text[start:end] != span["text"]:
            found.append(f"offsets of {where} ({start}, {end}) do not index the text")
    return found


def read(path: Path, limit: int | None) -> list[dict[str, Any]]:
    docs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            docs.append({"id": str(item["id"]), "text": item["text"]})
            if limit and len(docs) >= limit:
                break
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--limit", type=int, help="documents per file (default: all)")
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args(argv)

    nlp = ruextract.load()
    failed = 0
    for name in FILES:
        path = args.data / name
        if not path.exists():
            print(f"{name}: missing, skipped", file=sys.stderr)
            continue
        docs = read(path, args.limit)
        texts = {doc["id"]: doc["text"] for doc in docs}
        bad = crashes = 0
        started = time.perf_counter()
        try:
            outs = [doc.output() for doc in nlp.pipe(docs, batch_size=args.batch_size)]
        except Exception:  # the run itself raised: one document at a time, to find which
            traceback.print_exc()
            outs = []
            for doc in docs:
                try:
                    outs.append(nlp(doc["text"], id=doc["id"]).output())
                except Exception as error:  # noqa: BLE001
                    crashes += 1
                    print(f"{name} {doc['id']}: raised {type(error).__name__}: {error}")
        elapsed = time.perf_counter() - started
        if len(outs) != len(docs) - crashes:
            print(f"{name}: {len(outs)} outputs for {len(docs)} inputs")
            bad += 1
        for out in outs:
            found = problems(texts.get(out["id"], ""), out)
            if found:
                bad += 1
                for problem in found:
                    print(f"{name} {out['id']}: {problem}")
        counts = {kind: sum(len(out.get(kind, [])) for out in outs)
                  for kind in ("entities", "quotes", "timexes", "events", "relations")}
        print(f"{name}: {len(docs)} documents, {crashes} raised, {bad} with problems, "
              f"{elapsed:.1f}s ({len(docs) / elapsed:.1f} docs/s); records: "
              + ", ".join(f"{count} {kind}" for kind, count in counts.items()))
        failed += crashes + bad
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
