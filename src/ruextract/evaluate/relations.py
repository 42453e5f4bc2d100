"""Relation scores against NEREL: P/R/F1 per relation type, micro and macro.

Gold items are ``(type, head, tail)``; predicted items are ``(type, heads, tails)``, where ``heads``
and ``tails`` are the sets of keys the predicted arguments stand for. A predicted relation matches a
gold one when the types are equal, the gold head is in ``heads`` and the gold tail in ``tails``
(relations are directed). Matching is one to one, per document and type (a maximum bipartite
matching), so a prediction never counts twice. Duplicates count once on both sides.

Two modes:

- **end to end** (default): keys are spans ``(start, end)``. A gold argument is its NEREL
  mention's outer span; a predicted argument is an id of the prediction: an entity id stands for
  the spans of all that entity's mentions, an event id for its trigger's span, a timex id for its
  own span (event roles: AGENT, POINT_IN_TIME, ...), a value id for its span; the relation's
  ``head_mention`` / ``tail_mention`` (the mentions it was read from, e.g. the adjective
  "российский" standing for Россия) count too, and a relation of an entity to itself (two names
  of one entity, ALTERNATIVE_NAME) stands for those two mentions only. The spans must match
  exactly. NEREL links mentions, the
  library links entities: a predicted relation between two entities matches one gold relation
  between some mentions of them, and a second gold relation between other mentions of the same
  pair stays a false negative.
- **gold entities given** (``gold_entities=True``): predictions name NEREL entity ids ("T12")
  directly, as a relation classifier run on gold mentions would; keys are those ids.

``event_overlap=True`` (end to end): an event stands for the gold EVENT span its trigger is
matched to by the trigger scorer's one-to-one overlap matching (``ruextract evaluate events``),
so an argument linked to the right event counts when the trigger's extent differs from NEREL's
("задержаны" for "задержаны два террориста").
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from typing import Any

from .gold import GoldDocument
from .matching import max_matching
from .ner import overlap_matching
from .predictions import Example, Output, results
from .report import PRF_HEADER, by_label, prf_row, table

GoldRelationItem = tuple[str, Hashable, Hashable]
PredRelationItem = tuple[str, Collection[Hashable], Collection[Hashable]]


def score_relations(
    gold: Sequence[Iterable[GoldRelationItem]], pred: Sequence[Iterable[PredRelationItem]]
) -> dict[str, Any]:
    """``{"per_type": {type: {p, r, f1, tp, pred, gold}}, "micro": {...}, "macro": {p, r, f1}}``."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted ones")
    counts: dict[str, list[int]] = {}
    for gold_items, pred_items in zip(gold, pred):
        gold_set = set(gold_items)
        pred_set = {(type, frozenset(heads), frozenset(tails)) for type, heads, tails in pred_items}
        for type in {item[0] for item in gold_set} | {item[0] for item in pred_set}:
            golds = sorted((item for item in gold_set if item[0] == type), key=repr)
            preds = sorted((item for item in pred_set if item[0] == type), key=repr)
            edges = {
                g: [p for p, (_t, heads, tails) in enumerate(preds)
                    if head in heads and tail in tails]
                for g, (_t, head, tail) in enumerate(golds)
            }
            total = counts.setdefault(type, [0, 0, 0])
            total[0] += len(max_matching(edges))
            total[1] += len(preds)
            total[2] += len(golds)
    return by_label({type: tuple(values) for type, values in counts.items()})


def gold_items(doc: GoldDocument, *, gold_entities: bool = False) -> set[GoldRelationItem]:
    spans = {entity.id: entity.span for entity in doc.entities}
    if gold_entities:
        return {(r.type, r.head, r.tail) for r in doc.relations}
    return {(r.type, spans[r.head], spans[r.tail]) for r in doc.relations
            if r.head in spans and r.tail in spans}


def argument_spans(output: Output) -> dict[str, set[tuple[int, int]]]:
    """Every id a relation may name -> the spans it stands for: an entity's mentions, an event's
    trigger, a time expression's or a value's own span."""
    spans: dict[str, set[tuple[int, int]]] = {}
    for timex in results(output, "timexes"):
        if "id" in timex and "start" in timex:
            spans.setdefault(timex["id"], set()).add((timex["start"], timex["end"]))
    for event in results(output, "events"):
        trigger = event.get("trigger") or {}
        if "id" in event and "start" in trigger:
            spans.setdefault(event["id"], set()).add((trigger["start"], trigger["end"]))
    for value in results(output, "values"):
        if "id" in value and "start" in value:
            spans.setdefault(value["id"], set()).add((value["start"], value["end"]))
    for entity in results(output, "entities"):
        spans[entity["id"]] = {(m["start"], m["end"]) for m in entity.get("mentions", [])}
    return spans


def predicted_items(output: Output, *, gold_entities: bool = False,
                    gold_events: Sequence[tuple[int, int]] = ()) -> list[PredRelationItem]:
    """``gold_events``: the gold EVENT spans an event's trigger may stand for (by overlap)."""
    relations = results(output, "relations")
    if gold_entities:
        return [(r["type"], {r["head"]}, {r["tail"]}) for r in relations]
    spans = argument_spans(output)
    if gold_events:
        events = [(event["id"], event["trigger"]) for event in results(output, "events")
                  if event.get("trigger") and "id" in event]
        triggers = [(trigger["start"], trigger["end"]) for _id, trigger in events]
        for gold, pred in overlap_matching(list(gold_events), triggers).items():
            spans[events[pred][0]] = spans.get(events[pred][0], set()) | {gold_events[gold]}
    items = []
    for r in relations:
        heads, tails = spans.get(r["head"], set()), spans.get(r["tail"], set())
        head_mention, tail_mention = r.get("head_mention"), r.get("tail_mention")
        if r["head"] == r["tail"] and head_mention and tail_mention:
            # two names of one entity (ALTERNATIVE_NAME): the two mentions it names
            heads, tails = set(), set()
        # the mention a relation was read from stands for its argument too ("российский" for Россия)
        if head_mention:
            heads = heads | {(head_mention["start"], head_mention["end"])}
        if tail_mention:
            tails = tails | {(tail_mention["start"], tail_mention["end"])}
        items.append((r["type"], heads, tails))
    return items


def evaluate_relations(
    examples: Sequence[Example], *, gold_entities: bool = False, event_overlap: bool = False
) -> dict[str, Any]:
    def events(doc: GoldDocument) -> list[tuple[int, int]]:
        if not event_overlap:
            return []
        return sorted({entity.span for entity in doc.entities if entity.type == "EVENT"})

    return score_relations(
        [gold_items(example.gold, gold_entities=gold_entities) for example in examples],
        [predicted_items(example.predicted, gold_entities=gold_entities,
                         gold_events=events(example.gold)) for example in examples],
    )


def relations_table(scores: dict[str, Any]) -> str:
    rows = [prf_row(type, values) for type, values in scores["per_type"].items()]
    rows.append(prf_row("micro", scores["micro"]))
    rows.append(prf_row("macro", scores["macro"]))
    return table(PRF_HEADER, rows, title="Relations")
