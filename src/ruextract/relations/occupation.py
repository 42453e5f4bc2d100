"""Occupation facts (FactRuEval's Who / Position / Where) from relations around position phrases.

Who: a person with WORKS_AS to a position phrase — from the model, or from the apposition rule
("министр иностранных дел России Сергей Лавров", "Сергей Лавров, министр ...": a position right
before or after the name). Where: the organisation or place the position (or the person) has
WORKPLACE to, else the one named inside the position phrase.
"""

from __future__ import annotations

from ..document import Document
from ..records import Span
from .mentions import Mention, coarse_type

WHERE_TYPES = {"ORG", "LOC"}
# the least model probability of a WORKS_AS link that makes an Occupation, and of a WORKPLACE (or
# like) link that names its Where: NEREL's tuned thresholds take more than FactRuEval wants
WORKS_AS_CONFIDENCE = 0.4
WHERE_CONFIDENCE = 0.5


def apposition_works_as(doc: Document, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(person, position) pairs where the position phrase touches the name."""
    pairs = []
    positions = [mention for mention in mentions if mention.type == "PROFESSION"]
    persons = [mention for mention in mentions if coarse_type(mention.type) == "PER"]
    for person in persons:
        for position in positions:
            if position.sentence != person.sentence:
                continue
            gap = doc.text[position.end:person.start] if position.end <= person.start else None
            after = doc.text[person.end:position.start] if person.end <= position.start else None
            if gap is not None and gap.strip() in ("", "—", "-"):
                pairs.append((person, position))
            elif after is not None and after.strip() in (",", "—", "-", "(") and position.first - person.last <= 2:
                pairs.append((person, position))
    return pairs


def occupations(doc: Document, mentions: list[Mention], found: list) -> list[dict]:
    """Occupation facts as plain dicts: who (entity id), position (Span), where (entity id or None)."""
    works_as: dict[tuple[int, int], tuple[Mention, Mention, float]] = {}
    for item in found:
        if item.head.sentence != item.tail.sentence:  # FactRuEval's facts are stated in one sentence
            continue
        if item.type == "WORKS_AS" and coarse_type(item.head.type) == "PER" and item.tail.type == "PROFESSION" \
                and item.confidence >= WORKS_AS_CONFIDENCE:
            works_as[(item.head.start, item.tail.start)] = (item.head, item.tail, item.confidence)
    for person, position in apposition_works_as(doc, mentions):
        works_as.setdefault((person.start, position.start), (person, position, 0.8))

    workplace: dict[tuple[int, int], list[tuple[float, Mention]]] = {}
    for item in found:
        if item.head.sentence != item.tail.sentence:
            continue
        if item.confidence < WHERE_CONFIDENCE:
            continue
        if item.type in ("WORKPLACE", "HEADQUARTERED_IN", "MEMBER_OF") and coarse_type(item.tail.type) in WHERE_TYPES:
            key = (item.head.start, item.head.end)
            workplace.setdefault(key, []).append((item.confidence, item.tail))

    entity_ids = {entity.id for entity in doc.entities}
    facts: list[dict] = []
    seen: dict[tuple[str, str], dict] = {}
    for person, position, confidence in sorted(works_as.values(), key=lambda item: item[1].start):
        if person.ref not in entity_ids:
            continue
        where = _best(workplace.get((position.start, position.end))) or _best(
            workplace.get((person.start, person.end)))
        if where is None:
            inside = [m for m in mentions if coarse_type(m.type) in WHERE_TYPES
                      and position.start <= m.start and m.end <= position.end]
            where = inside[-1] if inside else None
        position_text = doc.text[position.start:position.end]
        position_start = position.start
        if where is not None and position.start < where.start < position.end:
            # "глава правительства Израиля": the role words end where the place begins
            position_text = doc.text[position.start:where.start].rstrip(" ,")
        elif where is not None and where.start == position.start and where.end < position.end:
            # "российский президент": the place comes first
            position_text = doc.text[where.end:position.end].lstrip()
            position_start = position.end - len(position_text)
        # one fact per person and position word in a document (FactRuEval's convention);
        # a later mention may name the place the first one left out
        key = (person.ref, (doc.tokens[position.head].lemma or "").lower())
        if key in seen:
            earlier = seen[key]
            if earlier["where"] is None and where is not None and where.ref in entity_ids:
                earlier["where"] = where.ref
                earlier["where_span"] = _named_span(doc, where, position)
            continue
        seen[key] = fact = {
            "who": person.ref,
            "who_span": _named_span(doc, person, position),
            "position": Span(start=position.start, end=position.end, text=doc.text[position.start:position.end]),
            "position_text": position_text or doc.text[position.start:position.end],
            "position_start": position_start if position_text else position.start,
            "where": where.ref if where is not None and where.ref in entity_ids else None,
            "where_span": _named_span(doc, where, position)
            if where is not None else None,
            "confidence": round(float(confidence), 3),
        }
        facts.append(fact)
    return facts


def _best(candidates: list[tuple[float, Mention]] | None) -> Mention | None:
    if not candidates:
        return None
    return max(candidates, key=lambda item: item[0])[1]



def _named_span(doc: Document, where: Mention, position: Mention) -> Span:
    """The span of ``where`` if it is a name; for a place adjective ("российский"), a pronoun or a
    descriptor, the nearest name mention of its entity ("России", "Оливер Кан")."""
    entity = next((entity for entity in doc.entities if entity.id == where.ref), None)
    spans = [(where.start, where.end)]
    if entity is not None and not any((m.start, m.end) == spans[0] and getattr(m, "kind", "name") == "name"
                                      for m in entity.mentions):
        spans = [(m.start, m.end) for m in entity.mentions if getattr(m, "kind", "name") == "name"] or spans
    start, end = min(spans, key=lambda span: abs(span[0] - position.start))
    return Span(start=start, end=end, text=doc.text[start:end])
