"""Event arguments as relations and as ``Event.args``: the argument classifier merged with the
parse rules, in the record stage (after the relation stage).

This step owns the AGENT / PARTICIPANT_IN / POINT_IN_TIME / TAKES_PLACE_IN relations: it drops
the relation stage's links of those types, runs the argument classifier (``argmodel.py``) over
every event's candidates and writes each argument it finds as a relation (AGENT and
PARTICIPANT_IN point from the argument to the event, POINT_IN_TIME and TAKES_PLACE_IN from the
event to the time or place, as in NEREL); with ``relations_from_rules`` the rules' entity
arguments are written too. ``Event.args`` keeps one value per role: ``models/events/merge.json``
says, per role, whether the rules or the classifier's likeliest value wins when both have one; the
other fills a role the winner left empty.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Container, Sequence
from functools import lru_cache

from ..document import Document
from ..records import Relation, Span, Value
from ..resources import models_dir
from .argmodel import EVENT_IS_HEAD, Argument, ArgumentModel, find_arguments
from .lexicon import Lexicon

# relation type -> our role
MODEL_ROLES = {"AGENT": "agent", "PARTICIPANT_IN": "participant", "POINT_IN_TIME": "time", "TAKES_PLACE_IN": "place"}
RULE_TYPES = {"agent": "AGENT", "patient": "PARTICIPANT_IN", "recipient": "PARTICIPANT_IN",
              "participant": "PARTICIPANT_IN", "time": "POINT_IN_TIME", "place": "TAKES_PLACE_IN"}
PARTICIPANTS = ("patient", "recipient", "participant")


def _trigger_head(doc: Document, event) -> int | None:
    """The token of the event's trigger that heads the others."""
    starts = [token.start for token in doc.tokens]
    first, last = bisect_left(starts, event.trigger.start), bisect_left(starts, event.trigger.end)
    span = range(first, max(last, first + 1))
    return next((i for i in span if i < len(doc.tokens) and doc.tokens[i].head not in span), None)


def _indefinite_personal(doc: Document, event) -> bool:
    """"арестовали в Сирии": a plural verb without a subject names no agent."""
    index = _trigger_head(doc, event)
    if index is None:
        return False
    token = doc.tokens[index]
    if token.pos not in ("VERB", "AUX") or token.feats.get("Number") != "Plur" or token.feats.get("VerbForm") != "Fin":
        return False
    nearby = doc.tokens[max(index - 8, 0):index + 8]
    return not any(other.head == index and other.rel in ("nsubj", "nsubj:pass") for other in nearby)


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return Lexicon.load()


def annotated_word(doc: Document, event, rate: float | None) -> bool:
    """True when the event's trigger word is one NEREL train marks as an EVENT at least ``rate``
    of the times it occurs (``rates.json``): of a type NEREL does not annotate as a whole
    (``no_relations_for``), some words are ("выступление", "доставить", "вручить")."""
    if rate is None:
        return False
    index = _trigger_head(doc, event)
    if index is None:
        return False
    token = doc.tokens[index]
    lemma = (token.lemma or token.text).lower().replace("ё", "е")
    found = _lexicon().event_rate(f"{lemma}/{'V' if token.pos in ('VERB', 'AUX') else 'N'}")
    return found is not None and found >= rate


@lru_cache(maxsize=1)
def merge_settings() -> dict:
    return json.loads((models_dir() / "events" / "merge.json").read_text(encoding="utf-8"))


def merge_policy() -> dict[str, str]:
    return {role: source for role, source in merge_settings().get("roles", {}).items()}


def merge_model_arguments(doc: Document, policy: dict[str, str] | None = None,
                          model: ArgumentModel | None = None) -> None:
    """Replace the event-argument relations with the classifier's and fill ``Event.args``."""
    settings = merge_settings()
    doc.relations = [relation for relation in doc.relations if relation.type not in MODEL_ROLES]
    if not doc.events:
        return
    values = value_candidates(doc, settings.get("value_types", ()))
    arguments = find_arguments(doc, model, values=[(ref, value.type, value.start, value.end)
                                                   for ref, value in values.items()])
    # a value is an argument in relations only: Event.args names entities, timexes and events
    fill_arguments(doc, [argument for argument in arguments if argument.ref not in values],
                   merge_policy() if policy is None else policy)
    relations = argument_relations(doc, arguments, frozenset(settings.get("no_relations_for", ())),
                                   settings.get("relations_from_rules", False), values,
                                   settings.get("relations_for_rate"))
    named = {ref for relation in relations for ref in (relation.head, relation.tail)}
    known = {value.id for value in doc.values}
    doc.values += [value for ref, value in values.items() if ref in named and ref not in known]
    doc.relations += relations


def value_candidates(doc: Document, types: Sequence[str]) -> dict[str, Value]:
    """The typed spans of ``types`` (a position, a facility) that are no entity's mention, as
    values the argument classifier may link: the relation stage's values (``doc.values``) and the
    NEREL tagger's other spans (``doc.nerel``) under new ids (``v<n>``, after the values'; a span
    already a value keeps its id, so running the merge again adds none twice)."""
    if not types:
        return {}
    taken = {(mention.start, mention.end) for entity in doc.entities for mention in entity.mentions}
    found: dict[str, Value] = {}
    for value in doc.values:
        if value.type in types and (value.start, value.end) not in taken:
            found[value.id] = value
            taken.add((value.start, value.end))
    number = len(doc.values)
    for span in doc.nerel or []:
        if span.type in types and (span.start, span.end) not in taken:
            number += 1
            found[f"v{number}"] = Value(id=f"v{number}", type=span.type, start=span.start, end=span.end,
                                        text=doc.text[span.start:span.end])
            taken.add((span.start, span.end))
    return found


def fill_arguments(doc: Document, arguments: list[Argument], policy: dict[str, str]) -> None:
    """Fill (or, where the policy prefers the model, replace) each event's roles with the
    classifier's likeliest value."""
    events = {event.id: event for event in doc.events}
    linked: dict[str, dict[str, list[str]]] = {}
    for argument in sorted(arguments, key=lambda item: -item.confidence):
        if argument.event in events:
            linked.setdefault(argument.event, {}).setdefault(MODEL_ROLES[argument.type], []).append(argument.ref)
    for event_id, roles in linked.items():
        event = events[event_id]
        for role, values in roles.items():
            # one entity, one role: "поблагодарил США" makes США the recipient, not also the place
            taken = {value for name, value in event.args.items() if name != role}
            values = [value for value in values if value not in taken]
            if not values:
                continue
            if role == "participant":
                if any(name in event.args or name in event.arg_spans for name in PARTICIPANTS) \
                        and policy.get("participant") != "model":
                    continue
            if role in event.args and policy.get(role) != "model":
                continue
            if role in event.arg_spans:
                continue  # the rules found a phrase there that is no entity: the model cannot know better
            if role == "agent" and _indefinite_personal(doc, event):
                continue
            event.args[role] = values[0]
            event.arg_spans.pop(role, None)


def argument_relations(doc: Document, arguments: list[Argument], skip: frozenset[str] = frozenset(),
                       from_rules: bool = False, values: Container[str] = (), rate: float | None = None
                       ) -> list[Relation]:
    """Every argument as a relation with its event (once per type, event and argument); an
    argument may name an entity, a timex or one of ``values``. Events of the ``skip`` types get
    none unless their trigger word is an EVENT in NEREL train at least ``rate`` of the time
    (``annotated_word``)."""
    events = {event.id: event for event in doc.events}
    skip = frozenset(skip)
    skipped = {event.id for event in doc.events if event.type in skip and not annotated_word(doc, event, rate)}
    known = {entity.id for entity in doc.entities} | {timex.id for timex in doc.timexes} | set(values)
    evidence_of = {(argument.event, argument.ref): argument.mention for argument in arguments}
    items = [(argument.type, argument.event, argument.ref) for argument in arguments]
    if from_rules:
        items += [(RULE_TYPES[role], event.id, ref) for event in doc.events
                  for role, ref in event.args.items() if role in RULE_TYPES]
    out, seen = [], set()
    for type, event_id, ref in items:
        event = events.get(event_id)
        if event is None or event_id in skipped or ref not in known or (type, event_id, ref) in seen:
            continue
        if type == "AGENT" and _indefinite_personal(doc, event):
            continue  # as in Event.args: "арестовали в Сирии" names no agent
        seen.add((type, event_id, ref))
        mention = evidence_of.get((event_id, ref))
        start, end = event.trigger.start, event.trigger.end
        if mention is not None:
            start, end = min(start, mention.start), max(end, mention.end)
        trigger = Span(start=event.trigger.start, end=event.trigger.end, text=event.trigger.text)
        argument = None if mention is None else Span(start=mention.start, end=mention.end,
                                                     text=doc.text[mention.start:mention.end])
        head, tail = (event_id, ref) if type in EVENT_IS_HEAD else (ref, event_id)
        head_mention, tail_mention = (trigger, argument) if type in EVENT_IS_HEAD else (argument, trigger)
        out.append(Relation(type=type, head=head, tail=tail, head_mention=head_mention, tail_mention=tail_mention,
                            evidence=Span(start=start, end=end, text=doc.text[start:end])))
    return out
