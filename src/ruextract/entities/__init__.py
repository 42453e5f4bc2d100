"""Entities from NER spans: one entity per normalised name, surnames joined to full names.

This is the first, name-only resolution: mentions whose normal forms are equal are one entity,
and a one-word person mention ("Путина") joins the person whose full name ends in the same word
("Владимир Путин"). The canonical name is the fullest normal form; the type is the majority type.
"""

from __future__ import annotations

from collections import Counter

from ..document import Document, NerSpan
from ..ner import normal_name
from ..records import Entity, Mention
from ..resources import Resources, shared_resources


class EntityStage:
    name = "entities"
    requires = frozenset({"ner", "tokens.pos", "tokens.feats", "tokens.head"})
    provides = frozenset({"entities"})

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or shared_resources()

    def process(self, docs: list[Document]) -> None:
        vocab = self.resources.morph_vocab
        for doc in docs:
            named = [(span, normal_name(doc, span.start, span.end, span.type, vocab)) for span in doc.ner]
            doc.entities = group_mentions(named)


def _key(name: str) -> str:
    return name.lower().replace("ё", "е")


def group_mentions(named: list[tuple[NerSpan, str]]) -> list[Entity]:
    groups: dict[str, list[tuple[NerSpan, str]]] = {}
    for span, name in named:
        groups.setdefault(_key(name), []).append((span, name))

    # a one-word person name joins the single multi-word person name ending in it
    person_keys = [key for key, members in groups.items() if _majority(members) == "PER"]
    for key in person_keys:
        if " " in key:
            continue
        fuller = [other for other in person_keys if " " in other and other.split()[-1] == key]
        if len(fuller) == 1 and key in groups:
            groups[fuller[0]].extend(groups.pop(key))

    entities = []
    ordered = sorted(groups.values(), key=lambda members: min(span.start for span, _n in members))
    for members in ordered:
        members.sort(key=lambda member: member[0].start)
        names = [name for _span, name in members]
        canonical = max(names, key=lambda name: (len(name.split()), names.count(name)))
        entities.append(
            Entity(
                id=f"e{len(entities) + 1}",
                type=_majority(members),
                name=canonical,
                mentions=[Mention(start=s.start, end=s.end, text=s.text) for s, _n in members],
                aliases=sorted(set(names) - {canonical}),
            )
        )
    return entities


def _majority(members: list[tuple[NerSpan, str]]) -> str:
    counts = Counter(span.type for span, _name in members)
    return max(counts, key=lambda type: (counts[type], type == "PER"))
