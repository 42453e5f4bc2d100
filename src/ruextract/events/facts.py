"""FactRuEval Meeting and Deal facts from our events.

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

from bisect import bisect_left

from ..document import Document
from ..records import Fact, Span

FACT_OF = {"MEETING": "Meeting", "ACQUISITION": "Deal", "AGREEMENT": "Deal"}
PARTICIPANT_ROLES = ("agent", "patient", "recipient", "participant", "source")
PARTICIPANT_TYPES = {"Meeting": {"PER", "ORG"}, "Deal": {"PER", "ORG", "LOC"}}
OURS = frozenset(FACT_OF.values())
# with fewer than two participants from the arguments, the names of the trigger's sentence
SENTENCE_FALLBACK = {"Meeting": {"PER"}, "Deal": {"ORG"}}
MIN_PARTICIPANTS = 2


def event_facts(doc: Document) -> list[Fact]:
    if not doc.tokens:
        return []
    starts = [token.start for token in doc.tokens]
    entity_of: dict[int, str] = {}  # token -> entity id, for the named mentions
    mention_of: dict[str, dict[int, Span]] = {}
    types = {entity.id: entity.type for entity in doc.entities}
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.kind not in ("name", "alias"):
                continue
            first = bisect_left(starts, mention.start)
            for index in range(first, bisect_left(starts, mention.end)):
                entity_of.setdefault(index, entity.id)
                mention_of.setdefault(entity.id, {})[index] = mention
    children: dict[int, list[int]] = {}
    for index, token in enumerate(doc.tokens):
        if token.head is not None and token.head != index:
            children.setdefault(token.head, []).append(index)

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
            for child in children.get(index, []):
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
