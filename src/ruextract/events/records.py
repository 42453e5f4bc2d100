"""Records: each event (and each occupation the relation stage found) as a sentence to read.

The summary keeps the article's own words and inflection: the trigger with its auxiliaries and
negation, and each argument's mention nearest the trigger (with its preposition), in text
order; the time goes last in parentheses, as a readable date ("конец февраля 2020"). Roles map
to canonical names: entity names, timex values, argument phrases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..document import Document
from ..records import Event, Record, Span

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]
MONTHS_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                     "сентябрь", "октябрь", "ноябрь", "декабрь"]
MODS = {"START": "начало", "MID": "середина", "END": "конец"}
MODALITY_NOTE = {"planned": "планировалось", "prevented": "предотвращено", "negated": "не произошло",
                 "reported": "по сообщению"}
KEPT_CHILDREN = {"aux", "aux:pass", "cop"}
CORE_ROLES = ("agent", "patient", "recipient", "participant")


def readable_time(value: str, mod: str | None = None) -> str:
    """TIMEX3 values as Russian dates: 2019-12-27 -> "27 декабря 2019", 2020-02 END -> "конец февраля 2020"."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        year, month, day = match.groups()
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match:
        year, month = match.groups()
        if mod in MODS:
            return f"{MODS[mod]} {MONTHS[int(month) - 1]} {year}"
        return f"{MONTHS_NOMINATIVE[int(month) - 1]} {year}"
    if "/" in value:
        first, _slash, last = value.partition("/")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", last):
            return f"{readable_time(first)} – {readable_time(last)}"
    match = re.fullmatch(r"\d{4}", value)
    if match:
        return f"{MODS[mod] + ' ' if mod in MODS else ''}{value} год{'а' if mod in MODS else ''}"
    return value


class RecordStage:
    name = "records"
    requires = frozenset({"events", "entities", "tokens"})
    provides = frozenset({"records"})

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.records = event_records(doc) + occupation_records(doc)


def event_records(doc: Document) -> list[Record]:
    entities = {entity.id: entity for entity in doc.entities}
    timexes = {timex.id: timex for timex in doc.timexes}
    events = {event.id: event for event in doc.events}
    arg_spans = {event.id: event.arg_spans for event in doc.events}
    records = []
    for event in doc.events:
        pieces: list[Span] = [_trigger_with_auxiliaries(doc, event)]  # in the trigger's sentence
        before: list[Span] = []  # arguments named elsewhere: agents first, the rest after
        after: list[Span] = []
        roles: dict[str, str] = {}
        time = place = None

        def add(role: str, span: Span) -> None:
            if _same_sentence(doc, span.start, event.trigger.start):
                pieces.append(_with_preposition(doc, span, event.trigger))
            elif role == "agent":
                before.append(span)
            else:
                after.append(span)

        for role, ref in event.args.items():
            if role == "time":
                if ref in timexes:
                    time = readable_time(timexes[ref].value, timexes[ref].mod)
                elif ref in entities:
                    time = entities[ref].name
                roles[role] = time or ref
            elif ref in entities:
                roles[role] = entities[ref].name
                mention = _nearest_mention(entities[ref], event.trigger.start)
                if mention is not None and _same_sentence(doc, mention.start, event.trigger.start):
                    if mention.kind != "name":  # "я", "российский лидер": say who
                        mention = Span(start=mention.start, end=mention.end, text=entities[ref].name)
                    add(role, mention)
                if role == "place":
                    place = entities[ref].name
            elif ref in events:
                roles[role] = f"{events[ref].type} «{events[ref].trigger.text}»"
                add(role, events[ref].trigger)
        for role, span in arg_spans.get(event.id, {}).items():
            span = span if isinstance(span, Span) else Span(**span)
            roles.setdefault(role, span.text)
            add(role, span)
        summary = _join(doc, pieces, before, after, event)
        if time:
            summary += f" ({time})"
        if event.modality in MODALITY_NOTE:
            summary += f" [{MODALITY_NOTE[event.modality]}]"
        core = sum(1 for role in roles if role in ("agent", "patient", "recipient", "participant"))
        records.append(Record(
            type=event.type, summary=summary, roles=roles, time=time, place=place,
            evidence=[Span(start=span.start, end=span.end, text=doc.text[span.start:span.end])
                      for span in _dedupe([event.trigger, *before, *pieces[1:], *after])],
            confidence=round(min(0.5 + 0.15 * core + (0.1 if time else 0.0), 0.95), 2),
        ))
    return records


def occupation_records(doc: Document) -> list[Record]:
    entities = {entity.id: entity for entity in doc.entities}
    records = []
    for fact in doc.facts:
        if fact.type != "Occupation":
            continue
        who = entities.get(fact.args.get("Who", ""))
        if who is None:
            continue
        where = entities.get(fact.args.get("Where", ""))
        position = fact.slots["Position"]
        roles = {"Who": who.name, "Position": position.text}
        summary = f"{who.name} — {roles['Position']}"
        if where is not None:
            roles["Where"] = where.name
            if where.name.lower() not in roles["Position"].lower():
                summary += f" ({where.name})"
        records.append(Record(type="Occupation", summary=summary, roles=roles,
                              place=None, evidence=[position], confidence=round(fact.confidence, 2)))
    return records


def _trigger_with_auxiliaries(doc: Document, event: Event) -> Span:
    start, end = event.trigger.start, event.trigger.end
    index = bisect_left([token.start for token in doc.tokens], start)
    for other in doc.tokens[max(index - 3, 0):index]:
        if other.head == index and (other.rel in KEPT_CHILDREN or (other.lemma or "") == "не"):
            start = min(start, other.start)
    return Span(start=start, end=end, text=doc.text[start:end])


def _nearest_mention(entity, position: int):
    return min(entity.mentions, key=lambda mention: abs(mention.start - position), default=None)


def _same_sentence(doc: Document, a: int, b: int) -> bool:
    starts = [sentence.start for sentence in doc.sentences]
    return bool(starts) and bisect_right(starts, a) == bisect_right(starts, b)


def _with_preposition(doc: Document, span: Span, trigger: Span) -> Span:
    """The span with the preposition before it, when the span depends on the trigger's clause."""
    if doc.text[span.start:span.end] != span.text:  # a name standing in for a pronoun
        return span
    starts = [token.start for token in doc.tokens]
    index = bisect_left(starts, span.start)
    if not 0 < index < len(doc.tokens) or doc.tokens[index - 1].pos != "ADP":
        return span
    last = bisect_left(starts, span.end)
    trigger_index = bisect_left(starts, trigger.start)
    governors = {trigger_index, doc.tokens[trigger_index].head if trigger_index < len(doc.tokens) else None}
    if not any(doc.tokens[member].head in governors for member in range(index, last)):
        return span
    start = doc.tokens[index - 1].start
    return Span(start=start, end=span.end, text=doc.text[start:span.end])


def _dedupe(spans: list[Span]) -> list[Span]:
    seen, out = set(), []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span)
    return out


def _join(doc: Document, pieces: list[Span], before: list[Span], after: list[Span], event: Event) -> str:
    kept: list[Span] = []
    for span in sorted(_dedupe(pieces), key=lambda span: (span.start, -span.end)):
        if kept and span.start < kept[-1].end:  # nested in or overlapping the previous piece
            if span.end > kept[-1].end and doc.text[kept[-1].start:kept[-1].end] == kept[-1].text:
                kept[-1] = Span(start=kept[-1].start, end=span.end, text=doc.text[kept[-1].start:span.end])
            continue
        kept.append(span)
    text = " ".join(" ".join(span.text.split()) for span in [*before, *kept, *after])
    return text[:1].upper() + text[1:] if text else event.type
