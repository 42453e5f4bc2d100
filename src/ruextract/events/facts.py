"""FactRuEval Meeting and Deal facts from our events, and Ownership (``ownership_facts``).

A MEETING event (встреча, переговоры, встретиться) is a Meeting; an ACQUISITION or AGREEMENT
event (покупка, сделка, подписать соглашение) is a Deal. Their Participants are the named
entities among the event's agent, patient, recipient, participant and source, the names inside
an argument phrase ("акций Facebook"), and the names conjoined with any of them ("встреча Путина
и Обамы"); when these are fewer than two, the persons (Meeting) or organisations (Deal) named in
the trigger's sentence. A fact needs two participants: one side of a meeting or a deal is not
the fact. On FactRuEval dev (slots): Meeting F1 0.286, Deal 0.304.

``Fact.slots`` holds one span per role, so the participants are ``Participant``,
``Participant2``, ...; the facts scorer reads a role with a number after it as the role.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Collection, Iterator
from functools import lru_cache

from ..document import Document
from ..records import Fact, Span
from .syntax import Tree

FACT_OF = {"MEETING": "Meeting", "ACQUISITION": "Deal", "AGREEMENT": "Deal"}
PARTICIPANT_ROLES = ("agent", "patient", "recipient", "participant", "source")
PARTICIPANT_TYPES = {"Meeting": {"PER", "ORG"}, "Deal": {"PER", "ORG", "LOC"}}
OURS = frozenset({*FACT_OF.values(), "Ownership"})
# with fewer than two participants from the arguments, the names of the trigger's sentence
SENTENCE_FALLBACK = {"Meeting": {"PER"}, "Deal": {"ORG"}}
MIN_PARTICIPANTS = 2


def event_facts(doc: Document) -> list[Fact]:
    if not doc.tokens or not any(event.type in FACT_OF for event in doc.events):
        return []  # (no meeting or deal: nothing below would be read)
    starts = [token.start for token in doc.tokens]
    entity_of: dict[int, str] = {}  # token -> entity id, for the named mentions
    mention_of: dict[str, dict[int, Span]] = {}
    types = {entity.id: entity.type for entity in doc.entities}
    for index, entity_id, mention in _name_tokens(doc, starts):
        entity_of.setdefault(index, entity_id)
        mention_of.setdefault(entity_id, {})[index] = mention
    children = Tree(doc).children

    facts, seen = [], set()
    for event in doc.events:
        type = FACT_OF.get(event.type)
        if type is None:
            continue
        wanted = PARTICIPANT_TYPES[type]
        trigger = bisect_left(starts, event.trigger.start)
        found: dict[str, Span] = {}

        def add(entity_id: str, near: int) -> None:
            if entity_id in found or types.get(entity_id) not in wanted:
                return
            mentions = mention_of.get(entity_id)
            if mentions:
                index = min(mentions, key=lambda position: abs(position - near))
                mention = mentions[index]
                found[entity_id] = Span(start=mention.start, end=mention.end, text=mention.text)

        tokens: list[int] = []
        for role in PARTICIPANT_ROLES:
            ref = event.args.get(role)
            if ref is not None:
                add(ref, trigger)
                tokens += [index for index, mention in mention_of.get(ref, {}).items()
                           if abs(index - trigger) < 40]
            span = event.arg_spans.get(role)
            if span is not None:
                phrase = range(bisect_left(starts, span.start), bisect_left(starts, span.end))
                for index in phrase:
                    if index in entity_of:
                        add(entity_of[index], index)
                tokens += list(phrase)
        for index in tokens:  # "Путина и Обамы": the conjuncts of a participant
            for child in children[index]:
                if doc.tokens[child].rel == "conj" and child in entity_of:
                    add(entity_of[child], child)
        if len(found) < 2:
            # the sentence's other names of the wanted types take part ("встреча в Кремле: Путин, Си")
            sentence = next((sentence for sentence in doc.sentences
                             if sentence.start <= event.trigger.start < sentence.end), None)
            if sentence is not None and SENTENCE_FALLBACK.get(type):
                for index in range(*sentence.tokens):
                    if index in entity_of and types.get(entity_of[index]) in SENTENCE_FALLBACK[type]:
                        add(entity_of[index], index)
        if len(found) < MIN_PARTICIPANTS:
            continue
        slots = {("Participant" if number == 0 else f"Participant{number + 1}"): span
                 for number, span in enumerate(found.values())}
        key = (type, frozenset(found))
        if key in seen:
            continue
        seen.add(key)
        facts.append(Fact(type=type, slots=slots, args={role: ref for role, ref in zip(slots, found)},
                          confidence=0.6))
    return facts


# Ownership


@lru_cache(maxsize=1)
def ownership_table() -> dict:
    from ..resources import models_dir

    return json.loads((models_dir() / "events" / "ownership.json").read_text(encoding="utf-8"))


def ownership_facts(doc: Document) -> list[Fact]:
    """FactRuEval Ownership (Owner, Property) from three sources, in this order:

    - an Occupation whose position is an owner's (совладелец агентства X, основатель X): the
      person owns the organisation of the position;
    - a FOUNDING or ACQUISITION event (X основал Y; X купил Y): its agent owns the organisation
      of its patient (the name inside a patient phrase too: "акции Facebook");
    - владеть / принадлежать with the owner and the property as their dependents.
    The property is an organisation (or a named facility); one fact per (owner, property).
    """
    if not doc.tokens:
        return []
    table = ownership_table()
    entities = {entity.id: entity for entity in doc.entities}
    starts = [token.start for token in doc.tokens]
    entity_at: dict[int, tuple[str, Span]] = {}  # token -> (entity id, its named mention)
    for index, entity_id, mention in _name_tokens(doc, starts):
        entity_at.setdefault(index, (entity_id, mention))
    found: dict[tuple[str, str], tuple[Span, Span, float]] = {}

    def add(owner: str | None, owner_span: Span | None, prop: str | None, prop_span: Span | None,
            confidence: float) -> None:
        if owner is None or prop is None or owner == prop or owner_span is None or prop_span is None:
            return
        if entities.get(prop) is None or entities[prop].type != "ORG":
            return
        found.setdefault((owner, prop), (owner_span, prop_span, confidence))

    owner_nouns = set(table["owner_nouns"])
    for fact in doc.facts:
        if fact.type != "Occupation" or "Where" not in fact.slots:
            continue
        position = fact.slots["Position"]
        first = bisect_left(starts, position.start)
        lemmas = {token.lemma for token in doc.tokens[first:bisect_left(starts, position.end)]}
        if lemmas & owner_nouns:
            add(fact.args.get("Who"), fact.slots.get("Who"), fact.args.get("Where"),
                fact.slots["Where"], 0.7)

    owner_events = set(table["owner_events"])
    for event in doc.events:
        if event.type not in owner_events or "agent" not in event.args:
            continue
        owner = event.args["agent"]
        owner_span = _nearest(entities.get(owner), event.trigger.start)
        prop = event.args.get("patient")
        prop_span = _nearest(entities.get(prop), event.trigger.start) if prop else None
        if prop_span is None and "patient" in event.arg_spans:
            phrase = event.arg_spans["patient"]
            for index in range(bisect_left(starts, phrase.start), bisect_left(starts, phrase.end)):
                if index in entity_at:
                    prop, prop_span = entity_at[index]
                    break
        add(owner, owner_span, prop, prop_span, 0.6)

    verbs = table["owner_verbs"]
    frames = [(index, frame) for index, token in enumerate(doc.tokens)
              if (frame := verbs.get(token.lemma or "")) is not None]
    children = Tree(doc).children if frames else []  # the tree only where an owning verb is
    for index, frame in frames:
        sides = {}
        for side in ("owner", "property"):
            for child in children[index]:
                if doc.tokens[child].rel in frame[side]:
                    named = _name_in(child, children, entity_at, doc)
                    if named is not None:
                        sides[side] = named
                        break
        if len(sides) == 2:
            add(*sides["owner"], *sides["property"], 0.6)

    return [
        Fact(type="Ownership", slots={"Owner": owner_span, "Property": prop_span},
             args={"Owner": owner, "Property": prop}, confidence=confidence)
        for (owner, prop), (owner_span, prop_span, confidence) in found.items()
    ]


def _name_tokens(doc: Document, starts: list[int]) -> Iterator[tuple[int, str, Span]]:
    """(token, entity id, mention) for every token of every named mention (name or alias)."""
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.kind in ("name", "alias"):
                span = Span(start=mention.start, end=mention.end, text=mention.text)
                for index in range(bisect_left(starts, mention.start), bisect_left(starts, mention.end)):
                    yield index, entity.id, span


def _name_in(index: int, children: list[list[int]], entity_at: dict, doc: Document):
    """The name at a dependent or in its apposition (компанией «Ромашка»)."""
    if index in entity_at:
        return entity_at[index]
    for child in children[index]:
        if doc.tokens[child].rel in ("appos", "flat:name", "nmod") and child in entity_at:
            return entity_at[child]
    return None


def nearest_mention(entity, position: int, kinds: Collection[str] | None = None):
    """The entity's mention (of one of ``kinds``; of any kind when None) nearest to ``position``."""
    if entity is None:
        return None
    mentions = [mention for mention in entity.mentions if kinds is None or mention.kind in kinds]
    return min(mentions, key=lambda mention: abs(mention.start - position), default=None)


def _nearest(entity, position: int) -> Span | None:
    """The nearest name (or alias) of the entity as a plain span."""
    mention = nearest_mention(entity, position, ("name", "alias"))
    return None if mention is None else Span(start=mention.start, end=mention.end, text=mention.text)
