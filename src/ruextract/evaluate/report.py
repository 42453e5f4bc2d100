"""Precision, recall, F1 as plain dicts, and plain-text tables of them.

Every ratio whose denominator is zero is 0.0 (spaCy's ``PRFScore`` and the CoNLL reference scorer do
the same); the counts travel with the ratios, so an empty gold or an empty prediction is visible
(``"gold": 0``) instead of hiding behind a score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    return ratio(2 * precision * recall, precision + recall)


def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    """P/R/F1 from counts: ``tp`` matched items, ``pred`` predicted items, ``gold`` gold items."""
    return {
        "p": ratio(tp, pred),
        "r": ratio(tp, gold),
        "f1": ratio(2 * tp, pred + gold),
        "tp": tp,
        "pred": pred,
        "gold": gold,
    }


def by_label(counts: Mapping[str, tuple[int, int, int]]) -> dict[str, Any]:
    """``{"per_type": {label: prf}, "micro": prf, "macro": {p, r, f1}}`` from (tp, pred, gold).

    Micro sums the counts over labels; macro averages each label's P, R and F1 (its F1 is the mean
    of the labels' F1s, not the F1 of the mean P and R). Labels with neither gold nor predicted
    items are left out of the macro average.
    """
    per_type = {label: prf(*counts[label]) for label in sorted(counts)}
    seen = [scores for scores in per_type.values() if scores["pred"] or scores["gold"]]
    totals = [sum(column) for column in zip(*counts.values())] if counts else [0, 0, 0]
    return {
        "per_type": per_type,
        "micro": prf(*totals),
        "macro": {
            key: ratio(sum(scores[key] for scores in seen), len(seen)) for key in ("p", "r", "f1")
        },
    }


def table(header: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None) -> str:
    """A plain-text table; floats print as percentages with one decimal."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [
        max([len(name), *(len(row[index]) for row in cells)]) for index, name in enumerate(header)
    ]

    def line(values: Sequence[str]) -> str:
        first, *rest = values
        return "  ".join([first.ljust(widths[0]), *(v.rjust(w) for v, w in zip(rest, widths[1:]))])

    out = [title] if title else []
    out += [line(header), line(["-" * width for width in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out)


def prf_row(name: str, scores: Mapping[str, float]) -> list[Any]:
    """A table row ``name p r f1 [tp pred gold]`` (counts left blank when the scores have none)."""
    counts = [scores.get(key, "") for key in ("tp", "pred", "gold")]
    return [name, scores["p"], scores["r"], scores["f1"], *counts]


PRF_HEADER = ("", "P", "R", "F1", "TP", "pred", "gold")


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{100 * value:.1f}"
    return str(value)
