"""Event arguments from the better of two sources, per role: the parse rules (``arguments.py``) and
the relation model's AGENT / PARTICIPANT_IN / POINT_IN_TIME / TAKES_PLACE_IN links to our triggers.

The relation stage runs after the event stage, so this step runs after it too (in the record stage)
and reads the model's links from ``Document.relations``. ``models/events/merge.json`` says, per
role, which source wins when both have a value; the other fills a role the winner left empty. On
NEREL dev (gold entities and end to end) the model was the better source of times, places and
participants, the rules of agents.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from functools import lru_cache

from ..document import Document
from ..resources import models_dir

# relation type -> (our role, the event is the relation's head)
MODEL_ROLES = {"AGENT": ("agent", False), "PARTICIPANT_IN": ("participant", False),
               "POINT_IN_TIME": ("time", True), "TAKES_PLACE_IN": ("place", True)}
PARTICIPANTS = ("patient", "recipient", "participant")


def _indefinite_personal(doc: Document, event) -> bool:
    """"арестовали в Сирии": a plural verb without a subject names no agent."""
    starts = [token.start for token in doc.tokens]
    first, last = bisect_left(starts, event.trigger.start), bisect_left(starts, event.trigger.end)
    span = range(first, max(last, first + 1))
    index = next((i for i in span if i < len(doc.tokens) and doc.tokens[i].head not in span), None)
    if index is None:
        return False
    token = doc.tokens[index]
    if token.pos not in ("VERB", "AUX") or token.feats.get("Number") != "Plur" or token.feats.get("VerbForm") != "Fin":
        return False
    nearby = doc.tokens[max(index - 8, 0):index + 8]
    return not any(other.head == index and other.rel in ("nsubj", "nsubj:pass") for other in nearby)


@lru_cache(maxsize=1)
def merge_policy() -> dict[str, str]:
    table = json.loads((models_dir() / "events" / "merge.json").read_text(encoding="utf-8"))
    return {role: source for role, source in table.items() if not role.startswith("_")}


def merge_model_arguments(doc: Document, policy: dict[str, str] | None = None) -> None:
    """Fill (or, where the policy prefers the model, replace) event arguments from the model's links."""
    policy = merge_policy() if policy is None else policy
    events = {event.id: event for event in doc.events}
    if not events:
        return
    linked: dict[str, dict[str, list[str]]] = {}
    for relation in doc.relations:
        if relation.type not in MODEL_ROLES:
            continue
        role, event_is_head = MODEL_ROLES[relation.type]
        event_id, value = (relation.head, relation.tail) if event_is_head else (relation.tail, relation.head)
        if event_id in events:
            linked.setdefault(event_id, {}).setdefault(role, []).append(value)
    for event_id, roles in linked.items():
        event = events[event_id]
        for role, values in roles.items():
            if role == "participant":
                taken = {event.args.get(name) for name in PARTICIPANTS} | {event.args.get("agent")}
                values = [value for value in values if value not in taken]
                if not values or any(name in event.args or name in event.arg_spans for name in PARTICIPANTS) \
                        and policy.get("participant") != "model":
                    continue
            elif not values:
                continue
            if role in event.args and policy.get(role) != "model":
                continue
            if role in event.arg_spans:
                continue  # the rules found a phrase there that is no entity: the model cannot know better
            if role == "agent" and _indefinite_personal(doc, event):
                continue
            event.args[role] = values[0]
            event.arg_spans.pop(role, None)
