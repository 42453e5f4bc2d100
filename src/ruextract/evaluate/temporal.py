"""Time-expression scores: detection against NEREL, values against a normalised gold set.

**Detection.** Gold spans are NEREL's DATE and TIME mentions; predicted spans are all the contract's
``timexes`` (any type: NEREL's DATE also covers durations and periods). Detection is untyped:
exact P/R/F1 counts identical (start, end) pairs; overlap P/R/F1 matches spans sharing at least one
character, one to one (a maximum bipartite matching per document, as for NER). Duplicate spans
count once.

**Values.** Gold lines ``{"doc_id","start","end","type","value","mod"?,"anchor"}`` (see
``gold.read_time_values``). For each gold expression we ask whether some predicted timex overlaps
it and has:

- ``detected``: any value (the share of gold expressions found at all);
- ``value``: the same ``value`` string (value accuracy);
- ``value_mod``: the same ``value`` and the same ``mod`` (both None counts as the same);
- ``type``: the same ``type`` (type accuracy).

Each is a share of all gold expressions, so a missed expression counts as wrong. A predicted timex
may serve two gold expressions it overlaps (these are accuracies over gold, not a matching).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .gold import NEREL_TIME_TYPES, GoldDocument, GoldTimex
from .ner import overlap_matching
from .predictions import Example, Output, results
from .report import prf, prf_row, ratio, table

Offsets = tuple[int, int]


def score_time_detection(
    gold: Sequence[Iterable[Offsets]], pred: Sequence[Iterable[Offsets]]
) -> dict[str, Any]:
    """``{"exact": {p, r, f1, tp, pred, gold}, "overlap": {...}}``."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted ones")
    exact = overlap = predicted = expected = 0
    for gold_spans, pred_spans in zip(gold, pred):
        gold_set, pred_set = sorted(set(gold_spans)), sorted(set(pred_spans))
        exact += len(set(gold_set) & set(pred_set))
        overlap += len(overlap_matching(gold_set, pred_set))
        predicted += len(pred_set)
        expected += len(gold_set)
    return {"exact": prf(exact, predicted, expected), "overlap": prf(overlap, predicted, expected)}


def score_time_values(
    gold: Sequence[Iterable[GoldTimex]], pred: Sequence[Iterable[GoldTimex]]
) -> dict[str, Any]:
    """``{"gold": n, "detected", "value", "value_mod", "type"}``: shares of the gold expressions."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted ones")
    hits = {"detected": 0, "value": 0, "value_mod": 0, "type": 0}
    total = 0
    for gold_timexes, pred_timexes in zip(gold, pred):
        pred_list = list(pred_timexes)
        for timex in gold_timexes:
            total += 1
            near = [p for p in pred_list if max(timex.start, p.start) < min(timex.end, p.end)]
            hits["detected"] += bool(near)
            hits["value"] += any(p.value == timex.value for p in near)
            hits["value_mod"] += any(p.value == timex.value and p.mod == timex.mod for p in near)
            hits["type"] += any(p.type == timex.type for p in near)
    return {"gold": total, **{key: ratio(count, total) for key, count in hits.items()}}


def gold_spans(doc: GoldDocument) -> set[Offsets]:
    return {entity.span for entity in doc.entities if entity.type in NEREL_TIME_TYPES}


def predicted_timexes(output: Output) -> list[GoldTimex]:
    return [
        GoldTimex(start=t["start"], end=t["end"], type=t.get("type", ""),
                  value=str(t.get("value")), mod=t.get("mod"), anchor=t.get("anchor"))
        for t in results(output, "timexes")
    ]


def evaluate_time(examples: Sequence[Example]) -> dict[str, Any]:
    """Detection for NEREL documents, values for documents of a time-value gold set."""
    scores: dict[str, Any] = {}
    corpus = [example for example in examples if example.gold.format == "nerel"]
    if corpus:
        scores["detection"] = score_time_detection(
            [gold_spans(example.gold) for example in corpus],
            [{(t.start, t.end) for t in predicted_timexes(example.predicted)}
             for example in corpus],
        )
    valued = [example for example in examples if example.gold.format == "side"]
    if valued:
        scores["values"] = score_time_values(
            [example.gold.timexes for example in valued],
            [predicted_timexes(example.predicted) for example in valued],
        )
    if not scores:
        raise ValueError("time gold is a NEREL corpus (DATE/TIME spans) or a time-value file")
    return scores


def time_table(scores: dict[str, Any]) -> str:
    parts = []
    if "detection" in scores:
        rows = [prf_row(mode, values) for mode, values in scores["detection"].items()]
        parts.append(table(("", "P", "R", "F1", "TP", "pred", "gold"), rows,
                           title="Time expressions, detection (NEREL DATE + TIME)"))
    if "values" in scores:
        values = scores["values"]
        rows = [[key, values[key]] for key in ("detected", "value", "value_mod", "type")]
        parts.append(table(("", "accuracy"), rows,
                           title=f"Time expressions, values ({values['gold']} gold)"))
    return "\n\n".join(parts)
