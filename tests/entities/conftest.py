"""Pipelines for the entity tests: the default one with our stage, full and names-only."""

from __future__ import annotations

import pytest

import ruextract
from ruextract.entities import EntityStage


@pytest.fixture(scope="session")
def resolve() -> ruextract.Pipeline:
    return ruextract.load().replace("entities", EntityStage(trace=True))


@pytest.fixture(scope="session")
def resolve_names() -> ruextract.Pipeline:
    return ruextract.load().replace("entities", EntityStage(names_only=True))


def find_entity(doc: ruextract.Document, text: str) -> ruextract.Entity | None:
    """The entity one of whose mentions reads ``text``."""
    for entity in doc.entities:
        if any(mention.text == text for mention in entity.mentions):
            return entity
    return None


@pytest.fixture(scope="session")
def entity_of():  # type: ignore[no-untyped-def]
    return find_entity


def build_doc(
    words: list[tuple[str, ...]], spans: list[tuple[int, int, str]]
) -> ruextract.Document:
    """A document made by hand: (word, pos[, lemma]) joined by spaces, NER spans over words."""
    text, tokens = "", []
    for word, pos, *lemma in words:
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        tokens.append(
            ruextract.Token(
                start=start,
                end=start + len(word),
                text=word,
                pos=pos,
                lemma=lemma[0] if lemma else word.lower(),
                feats={},
            )
        )
    ner = [
        ruextract.NerSpan(
            start=tokens[first].start,
            end=tokens[last - 1].end,
            text=text[tokens[first].start : tokens[last - 1].end],
            type=type,
        )
        for first, last, type in spans
    ]
    sentence = ruextract.Sentence(start=0, end=len(text), tokens=(0, len(tokens)))
    return ruextract.Document(text=text, tokens=tokens, ner=ner, sentences=[sentence])


@pytest.fixture(scope="session")
def handmade():  # type: ignore[no-untyped-def]
    return build_doc
