"""Coreference scores: MUC, B-cubed, CEAF-e and the CoNLL F1 (their mean), as the CoNLL-2012
reference scorer (Pradhan et al. 2014, v8) computes them.

Input, on both sides: documents -> clusters -> mention spans ``(start, end)``; mentions are the same
when their spans are equal. Following the reference scorer:

- **Mentions on one side only** ("twinless") are kept, not added to the other side: a gold mention
  the system missed lowers recall, a predicted mention the gold lacks lowers precision (B-cubed and
  CEAF-e through the cluster sizes; MUC through the links it breaks or adds).
- **Singletons** are scored as given by default (``singletons=True``): FactRuEval annotates them
  and B-cubed and CEAF-e reward finding them; MUC ignores them by construction. With
  ``singletons=False`` clusters of one mention are dropped on both sides first, as in the
  CoNLL-2012 shared task, whose gold had none.
- **Repeated mentions**: a span listed in two clusters of the same side belongs to the first one
  only (the reference scorer also keeps one); repeats inside a cluster count once; empty clusters
  are dropped.
- Numerators and denominators are summed over documents before dividing (micro average), and a
  zero denominator gives 0.0.

MUC (Vilain et al. 1995): recall = sum_K (|K| - |p(K)|) / sum_K (|K| - 1), where p(K) is the
partition of gold cluster K by the predicted clusters, a mention no predicted cluster holds being a
part of its own; precision swaps the sides.
B-cubed (Bagga & Baldwin 1998): recall = sum_K sum_R |K & R|^2 / |K| / sum_K |K|; precision swaps.
CEAF-e (Luo 2005): phi(K, R) = 2 |K & R| / (|K| + |R|); the one-to-one alignment of gold and
predicted clusters with the largest total phi (found exactly, Kuhn–Munkres) gives recall =
total / #gold clusters and precision = total / #predicted clusters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from .gold import FACTRU_LABELS, GoldDocument
from .matching import max_weight_assignment
from .predictions import Example, Output, results
from .report import f1, ratio, table

Mention = tuple[int, int]
Clusters = list[list[Mention]]


def score_coref(
    gold: Sequence[Sequence[Sequence[tuple[int, int]]]],
    pred: Sequence[Sequence[Sequence[tuple[int, int]]]],
    *,
    singletons: bool = True,
) -> dict[str, Any]:
    """MUC, B-cubed, CEAF-e and CoNLL F1 over documents (``gold[i]``, ``pred[i]``: one document).

    Returns ``{"muc": {"p","r","f1"}, "b3": {...}, "ceafe": {...}, "conll_f1": float,
    "mentions": {"gold", "pred", "common"}}``.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted ones")
    totals = Counter()
    for gold_doc, pred_doc in zip(gold, pred):
        key = clean_clusters(gold_doc, singletons=singletons)
        response = clean_clusters(pred_doc, singletons=singletons)
        for metric, (recall, precision) in (
            ("muc", (_muc(key, response), _muc(response, key))),
            ("b3", (_b_cubed(key, response), _b_cubed(response, key))),
            ("ceafe", _ceaf_e(key, response)),
        ):
            totals[metric, "r", "num"] += recall[0]
            totals[metric, "r", "den"] += recall[1]
            totals[metric, "p", "num"] += precision[0]
            totals[metric, "p", "den"] += precision[1]
        gold_mentions = {m for cluster in key for m in cluster}
        pred_mentions = {m for cluster in response for m in cluster}
        totals["mentions", "gold"] += len(gold_mentions)
        totals["mentions", "pred"] += len(pred_mentions)
        totals["mentions", "common"] += len(gold_mentions & pred_mentions)

    scores: dict[str, Any] = {}
    for metric in ("muc", "b3", "ceafe"):
        p = ratio(totals[metric, "p", "num"], totals[metric, "p", "den"])
        r = ratio(totals[metric, "r", "num"], totals[metric, "r", "den"])
        scores[metric] = {"p": p, "r": r, "f1": f1(p, r)}
    scores["conll_f1"] = sum(scores[metric]["f1"] for metric in ("muc", "b3", "ceafe")) / 3
    scores["mentions"] = {kind: totals["mentions", kind] for kind in ("gold", "pred", "common")}
    return scores


def clean_clusters(
    clusters: Sequence[Sequence[tuple[int, int]]], *, singletons: bool = True
) -> Clusters:
    """Clusters as lists of ``(start, end)`` tuples; a repeated mention stays in its first one."""
    seen: set[Mention] = set()
    cleaned = []
    for cluster in clusters:
        members = []
        for start, end in cluster:
            mention = (int(start), int(end))
            if mention not in seen:
                seen.add(mention)
                members.append(mention)
        if len(members) > (0 if singletons else 1):
            cleaned.append(members)
    return cleaned


def _muc(key: Clusters, response: Clusters) -> tuple[float, float]:
    """(numerator, denominator) of MUC recall of ``response`` against ``key``."""
    where = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    numerator = denominator = 0
    for cluster in key:
        parts = {where[m] for m in cluster if m in where}
        unmatched = sum(m not in where for m in cluster)
        numerator += len(cluster) - (len(parts) + unmatched)
        denominator += len(cluster) - 1
    return numerator, denominator


def _b_cubed(key: Clusters, response: Clusters) -> tuple[float, float]:
    """(numerator, denominator) of B-cubed recall of ``response`` against ``key``."""
    where = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    numerator = 0.0
    for cluster in key:
        shared = Counter(where[m] for m in cluster if m in where)
        numerator += sum(count * count for count in shared.values()) / len(cluster)
    return numerator, sum(len(cluster) for cluster in key)


def _ceaf_e(key: Clusters, response: Clusters) -> tuple[tuple[float, int], tuple[float, int]]:
    """((numerator, denominator) of recall, (numerator, denominator) of precision) of CEAF-e."""
    return _ceaf_e_total(key, response), _ceaf_e_total(key, response, precision=True)


def _ceaf_e_total(
    key: Clusters, response: Clusters, *, precision: bool = False
) -> tuple[float, int]:
    where = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    weights = {}
    for k, cluster in enumerate(key):
        shared = Counter(where[m] for m in cluster if m in where)
        for r, count in shared.items():
            weights[k, r] = 2 * count / (len(cluster) + len(response[r]))
    assignment = max_weight_assignment(weights)
    total = sum(weights[pair] for pair in assignment.items())
    return total, len(response) if precision else len(key)


# corpus adapters


def gold_clusters(doc: GoldDocument) -> Clusters:
    """FactRuEval: one cluster per ``coref`` object, of its Person/Org/LocOrg/Location mentions'
    outer spans; a mention no coref object names is a singleton."""
    entities = {e.id: e for e in doc.entities if e.type in FACTRU_LABELS}
    clusters = [[entities[id].span for id in ids if id in entities] for ids in doc.coref]
    named = {id for ids in doc.coref for id in ids}
    clusters += [[entity.span] for id, entity in entities.items() if id not in named]
    return [cluster for cluster in clusters if cluster]


def predicted_clusters(output: Output) -> Clusters:
    """One cluster per predicted entity: all its mentions, of every kind."""
    return [
        [(mention["start"], mention["end"]) for mention in entity.get("mentions", [])]
        for entity in results(output, "entities")
    ]


def evaluate_coref(examples: Sequence[Example], *, singletons: bool = True) -> dict[str, Any]:
    missing = [example.gold.id for example in examples if example.gold.format != "factru"]
    if missing:
        raise ValueError(
            f"coreference gold comes from FactRuEval lines (with 'coref'); {missing[0]} is not one"
        )
    return score_coref(
        [gold_clusters(example.gold) for example in examples],
        [predicted_clusters(example.predicted) for example in examples],
        singletons=singletons,
    )


def coref_table(scores: dict[str, Any]) -> str:
    names = {"muc": "MUC", "b3": "B-cubed", "ceafe": "CEAF-e"}
    rows = [
        [names[metric], scores[metric]["p"], scores[metric]["r"], scores[metric]["f1"]]
        for metric in names
    ]
    rows.append(["CoNLL F1", "", "", scores["conll_f1"]])
    text = table(("", "P", "R", "F1"), rows, title="Coreference")
    if "mentions" in scores:
        mentions = scores["mentions"]
        text += (
            f"\nmentions: {mentions['gold']} gold, {mentions['pred']} predicted, "
            f"{mentions['common']} with the same span"
        )
    return text
