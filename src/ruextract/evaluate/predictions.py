"""Predictions are the library's own output: one ``Document.output()`` object per document.

They come from a file (``ruextract extract`` output: JSONL, or one JSON array) or from running the
default pipeline over the gold texts in memory. ``examples()`` pairs every gold document with its
prediction, spaCy-``Example`` style; a document with no prediction, or whose prediction is an
``"error"`` object, is scored as predicting nothing (and counted in ``coverage()``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .gold import GoldDocument, read_jsonl

Output = dict[str, Any]  # one object of the public JSON contract


@dataclass(frozen=True)
class Example:
    """A gold document and the prediction for it."""

    gold: GoldDocument
    predicted: Output

    @property
    def failed(self) -> bool:
        return "error" in self.predicted


def read_predictions(path: str | Path) -> dict[str, Output]:
    """Contract objects by document id, from a JSONL file or a JSON array (``--format json``)."""
    with open(path, encoding="utf-8-sig") as stream:
        head = stream.read(1)
        while head.isspace():
            head = stream.read(1)
        if head == "[":
            stream.seek(0)
            items = json.load(stream)
        else:
            items = None
    if items is None:
        items = list(read_jsonl(path))
    predictions: dict[str, Output] = {}
    for item in items:
        if not isinstance(item, dict) or "id" not in item:
            raise ValueError(f"{path}: every prediction needs an 'id' (got {str(item)[:60]})")
        predictions.setdefault(str(item["id"]), item)  # the first one for an id wins
    return predictions


def predict(
    documents: Iterable[GoldDocument],
    *,
    nlp: Any = None,
    batch_size: int = 16,
    quiet: bool = True,
) -> dict[str, Output]:
    """Run a pipeline (the default one, ``ruextract.load()``, unless given) over gold texts."""
    if nlp is None:
        import ruextract

        nlp = ruextract.load()
    items = ({"id": doc.id, "text": doc.text, "published": doc.published} for doc in documents)
    predictions = {}
    for count, doc in enumerate(nlp.pipe(items, batch_size=batch_size), start=1):
        predictions[doc.id] = doc.output()
        if not quiet and count % 20 == 0:
            print(f"ruextract evaluate: {count} documents processed", file=sys.stderr)
    return predictions


def examples(gold: Iterable[GoldDocument], predictions: dict[str, Output]) -> list[Example]:
    """One Example per gold document, in gold order; a missing prediction is an error object."""
    paired = []
    for doc in gold:
        predicted = predictions.get(doc.id) or {
            "id": doc.id,
            "error": {"type": "Missing", "message": "no prediction for this document"},
        }
        paired.append(Example(gold=doc, predicted=predicted))
    return paired


def coverage(paired: list[Example]) -> dict[str, int]:
    """How many gold documents were scored, and how many of them had no or a failed prediction."""
    missing = sum(example.predicted.get("error", {}).get("type") == "Missing" for example in paired)
    failed = sum(example.failed for example in paired) - missing
    return {"documents": len(paired), "missing": missing, "failed": failed}


def results(output: Output, field: str) -> list[dict[str, Any]]:
    """One list of the contract (entities, quotes, ...); empty for a failed document."""
    if "error" in output:
        return []
    return list(output.get(field) or [])
