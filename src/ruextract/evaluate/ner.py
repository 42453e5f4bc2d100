"""Named-entity scores: exact-span and overlap P/R/F1 per type, micro and macro.

Items are ``(start, end, label)`` triples, one set per document:

- gold: every mention whose corpus type maps to PER, ORG or LOC (``gold.NEREL_LABELS``,
  ``gold.FACTRU_LABELS``). Nested mentions are all gold (``мэрии Москвы`` ORG and ``Москвы`` LOC
  are two items). A discontinuous mention counts by its outer start and end.
- predicted: every entity mention of kind ``"name"`` (or with no kind), labelled with its entity's
  type. Descriptors, pronouns and aliases are coreference's business, not NER's.

Duplicates count once on both sides (items are sets): predicting the same span twice neither adds
a true positive nor a false one.

**Exact**: a predicted item is correct when the same (start, end, label) is gold.
**Overlap**: a predicted item may match a gold item of the same label whose span it shares at least
one character with, and matching is one to one: the true positives are the largest number of
(gold, predicted) pairs in which no item is used twice (a maximum bipartite matching, per document
and label). So one long prediction covering two gold names scores one true positive and one false
negative, and two predictions inside one gold name score one true positive and one false positive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .gold import GoldDocument
from .matching import max_matching
from .predictions import Example, Output, results
from .report import PRF_HEADER, by_label, prf_row, table

Item = tuple[int, int, str]  # start, end, label


def score_ner(gold: Sequence[Iterable[Item]], pred: Sequence[Iterable[Item]]) -> dict[str, Any]:
    """Exact and overlap scores; ``gold[i]`` and ``pred[i]`` are the items of document ``i``.

    Returns ``{"exact": {...}, "overlap": {...}}``, each ``{"per_type": {label: {p, r, f1, tp,
    pred, gold}}, "micro": {...}, "macro": {p, r, f1}}``.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted ones")
    exact: dict[str, list[int]] = {}
    overlap: dict[str, list[int]] = {}
    for gold_items, pred_items in zip(gold, pred):
        gold_set, pred_set = set(gold_items), set(pred_items)
        for label in {item[2] for item in gold_set | pred_set}:
            gold_spans = sorted((s, e) for s, e, item_label in gold_set if item_label == label)
            pred_spans = sorted((s, e) for s, e, item_label in pred_set if item_label == label)
            sizes = [len(pred_spans), len(gold_spans)]
            tp_exact = len(set(gold_spans) & set(pred_spans))
            tp_overlap = len(overlap_matching(gold_spans, pred_spans))
            for counts, tp in ((exact, tp_exact), (overlap, tp_overlap)):
                total = counts.setdefault(label, [0, 0, 0])
                for index, value in enumerate([tp, *sizes]):
                    total[index] += value
    return {
        "exact": by_label({label: tuple(counts) for label, counts in exact.items()}),
        "overlap": by_label({label: tuple(counts) for label, counts in overlap.items()}),
    }


def overlap_matching(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """The largest one-to-one matching of overlapping spans: ``{gold index: pred index}``."""
    edges = {
        g: [p for p, (ps, pe) in enumerate(pred) if max(gs, ps) < min(ge, pe)]
        for g, (gs, ge) in enumerate(gold)
    }
    return max_matching(edges)


def gold_items(doc: GoldDocument) -> set[Item]:
    return {(e.start, e.end, e.label) for e in doc.entities if e.label is not None}


def predicted_items(output: Output) -> set[Item]:
    return {
        (mention["start"], mention["end"], entity["type"])
        for entity in results(output, "entities")
        for mention in entity.get("mentions", [])
        if mention.get("kind", "name") == "name"
    }


def evaluate_ner(examples: Sequence[Example]) -> dict[str, Any]:
    return score_ner(
        [gold_items(example.gold) for example in examples],
        [predicted_items(example.predicted) for example in examples],
    )


def ner_table(scores: dict[str, Any]) -> str:
    parts = []
    for mode in ("exact", "overlap"):
        block = scores[mode]
        rows = [prf_row(label, values) for label, values in block["per_type"].items()]
        rows.append(prf_row("micro", block["micro"]))
        rows.append(prf_row("macro", block["macro"]))
        parts.append(table(PRF_HEADER, rows, title=f"NER, {mode} spans"))
    return "\n\n".join(parts)
