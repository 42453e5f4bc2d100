"""Fact scores against FactRuEval: slot-level P/R/F1 for Occupation, Meeting, Deal and Ownership.

**Predicted facts.** The relations stage will write, per document, a list of fact records; as a
prediction file that is JSONL with one line per document, ``{"id": doc_id, "facts": [fact, ...]}``
(a contract object with an extra ``"facts"`` list works too). A fact is::

    {"type": "Occupation" | "Meeting" | "Deal" | "Ownership",
     "slots": {role: value | [value, ...]}}
    value = "a name or phrase"            matched by text
          | {"start": int, "end": int}    matched by span (a "text" key beside them is ignored)

for example ``{"type": "Occupation", "slots": {"Who": "Юрий Лужков", "Position": {"start": 301,
"end": 305}, "Where": "Москва"}}`` or ``{"type": "Deal", "slots": {"Participant": ["Газпром",
"Белтрансгаз"]}}``. A list gives one slot per value (roles such as Participant take several).

**Scored roles** (``FACT_ROLES``): Occupation Who, Where, Position (``Job`` is read as Position;
a role with a number after it, ``Participant2``, is that role: a contract ``Fact`` has one span
per slot name);
Meeting Participant; Deal Participant; Ownership Owner, Property. Other roles, and FactRuEval's
attribute slots (Модальность, Фаза, Сложность, Type), are not scored on either side.

**Slot values.** Texts compare by a normal key: lower case, ё -> е, the words (``\\w+``) sorted, so
"Лужков Юрий" equals "Юрий Лужков" and punctuation or quotes do not matter. A gold obj slot
accepts its normalised name and any of its ``alternatives`` as text, and any mention of its
referent as a span; a gold span slot accepts its span's text or its alternatives' texts, and any
span that overlaps one of them (by at least one character).

**Matching.** Per document and fact type, each gold fact is paired with at most one predicted fact
and vice versa, choosing the pairing that matches the most slots in total (Kuhn–Munkres); inside a
pair, slots match one to one (same role, matching value). True positives are the matched slots;
precision divides them by all predicted slots of the type, recall by all gold slots. Identical
facts count once on both sides (FactRuEval's gold repeats a few facts that differ only in their
attribute slots).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .gold import GoldFact, GoldSlot
from .matching import max_matching, max_weight_assignment
from .predictions import Example, Output, results
from .report import PRF_HEADER, by_label, prf, prf_row, table

FACT_ROLES = {
    "Occupation": ("Who", "Where", "Position"),
    "Meeting": ("Participant",),
    "Deal": ("Participant",),
    "Ownership": ("Owner", "Property"),
}
ROLE_ALIASES = {"Job": "Position"}

PredSlot = tuple[str, Any]  # role, value (str or (start, end))


def text_key(text: str) -> str:
    """Lower case, ё -> е, the words sorted: "Лужков Юрий" and "юрий лужков" have one key."""
    return " ".join(sorted(re.findall(r"\w+", text.lower().replace("ё", "е"))))


def score_facts(
    gold: Sequence[Iterable[GoldFact]], pred: Sequence[Iterable[dict[str, Any]]]
) -> dict[str, Any]:
    """Slot-level scores: ``{"per_type": {...}, "micro": {...}, "macro": {...}, "per_role":
    {"Occupation.Who": {p, r, f1, tp, pred, gold}, ...}}``."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted ones")
    counts = {key: [0, 0, 0] for key in FACT_ROLES}
    role_counts = {
        f"{type}.{role}": [0, 0, 0] for type, roles in FACT_ROLES.items() for role in roles
    }
    for gold_facts, pred_facts in zip(gold, pred):
        gold_slots = _unique_gold(gold_facts)
        pred_slots = _unique_predicted(pred_facts)
        for type in FACT_ROLES:
            golds = [slots for fact_type, slots in gold_slots if fact_type == type]
            preds = [slots for fact_type, slots in pred_slots if fact_type == type]
            matched = {(g, p): _slot_matching(golds[g], preds[p])
                       for g in range(len(golds)) for p in range(len(preds))}
            weights = {pair: len(pairs) for pair, pairs in matched.items() if pairs}
            for g, p in max_weight_assignment(weights).items():
                for slot_index in matched[g, p]:
                    role = golds[g][slot_index].role
                    counts[type][0] += 1
                    role_counts[f"{type}.{role}"][0] += 1
            for role, _value in (slot for fact in preds for slot in fact):
                counts[type][1] += 1
                role_counts[f"{type}.{role}"][1] += 1
            for slot in (slot for fact in golds for slot in fact):
                counts[type][2] += 1
                role_counts[f"{type}.{slot.role}"][2] += 1
    scores = by_label({type: tuple(values) for type, values in counts.items()})
    scores["per_role"] = {key: prf(*values) for key, values in role_counts.items()}
    return scores


def _unique_gold(facts: Iterable[GoldFact]) -> list[tuple[str, list[GoldSlot]]]:
    """Gold facts as (type, scored slots); facts with the same scored slots once."""
    unique: dict[tuple[Any, ...], tuple[str, list[GoldSlot]]] = {}
    for fact in facts:
        if fact.type not in FACT_ROLES:
            continue
        slots = [slot for slot in fact.slots if slot.role in FACT_ROLES[fact.type]]
        unique.setdefault((fact.type, *sorted(slots, key=repr)), (fact.type, slots))
    return list(unique.values())


def _unique_predicted(facts: Iterable[dict[str, Any]]) -> list[tuple[str, list[PredSlot]]]:
    """Predicted facts as (type, [(role, value), ...]) in scored roles; identical facts once."""
    seen, unique = set(), []
    for fact in facts:
        type = fact.get("type")
        if type not in FACT_ROLES:
            continue
        slots = []
        for role, values in (fact.get("slots") or {}).items():
            role = ROLE_ALIASES.get(role, role)
            if role not in FACT_ROLES[type]:
                role = re.sub(r"\d+$", "", role)  # "Participant2": a second Participant
            if role not in FACT_ROLES[type]:
                continue
            for value in values if isinstance(values, list) else [values]:
                slots.append((role, _value(value)))
        key = json.dumps([type, sorted(slots, key=repr)], ensure_ascii=False, default=str)
        if key not in seen:
            seen.add(key)
            unique.append((type, slots))
    return unique


def _value(value: Any) -> str | tuple[int, int]:
    if isinstance(value, dict):
        return int(value["start"]), int(value["end"])
    if isinstance(value, str):
        return value
    raise ValueError(f"a slot value is a text or a {{'start', 'end'}} span, got {value!r}")


def _slot_matching(gold: list[GoldSlot], pred: list[PredSlot]) -> list[int]:
    """Indices of the gold slots matched one to one by predicted slots."""
    edges = {
        g: [p for p, (role, value) in enumerate(pred) if role == slot.role and matches(slot, value)]
        for g, slot in enumerate(gold)
    }
    return list(max_matching(edges))


def matches(slot: GoldSlot, value: str | tuple[int, int]) -> bool:
    """A predicted value fills a gold slot: equal text keys, or overlapping spans."""
    if isinstance(value, str):
        key = text_key(value)
        return bool(key) and any(text_key(text) == key for text in slot.texts)
    start, end = value
    return any(max(start, s) < min(end, e) for s, e in slot.spans)


def predicted_facts(output: Output) -> list[dict[str, Any]]:
    return results(output, "facts")


def evaluate_facts(examples: Sequence[Example]) -> dict[str, Any]:
    return score_facts(
        [example.gold.facts for example in examples],
        [predicted_facts(example.predicted) for example in examples],
    )


def facts_table(scores: dict[str, Any]) -> str:
    rows = [prf_row(type, values) for type, values in scores["per_type"].items()]
    rows.append(prf_row("micro", scores["micro"]))
    rows.append(prf_row("macro", scores["macro"]))
    text = table(PRF_HEADER, rows, title="Facts, slot level")
    role_rows = [prf_row(role, values) for role, values in scores["per_role"].items()]
    return text + "\n\n" + table(PRF_HEADER, role_rows, title="Facts by role")
