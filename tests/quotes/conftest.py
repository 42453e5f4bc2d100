"""A pipeline with the quote stage (our own object: the shared ``nlp`` fixture is not mutated),
and golden-markup helpers."""

from __future__ import annotations

import pytest

import ruextract
from ruextract.quotes import QuoteStage


@pytest.fixture(scope="session")
def quote_nlp() -> ruextract.Pipeline:
    nlp = ruextract.load()
    assert isinstance(nlp["quotes"], QuoteStage)  # a default stage
    return nlp


@pytest.fixture(scope="session")
def seed_quotes(quote_nlp: ruextract.Pipeline, seed_text: str) -> ruextract.Document:
    return quote_nlp(seed_text, published="2020-10-26", id="seed")


def partition(markup: str, roles: str) -> tuple[str, dict[str, str]]:
    """Razdel-style golden markup: ``|`` cuts the text into pieces; every second piece is a part
    of the quote, named in order by ``roles`` ("content cue source")."""
    pieces = markup.split("|")
    names = roles.split()
    if len(pieces) != 2 * len(names) + 1:
        raise ValueError(f"{markup!r}: {len(pieces) // 2} marked pieces for roles {names}")
    parts = {name: pieces[2 * number + 1] for number, name in enumerate(names)}
    return "".join(pieces), parts


def as_tuples(doc: ruextract.Document) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (
            quote.kind,
            quote.content.text,
            quote.cue.text if quote.cue else None,
            quote.source.text if quote.source else None,
        )
        for quote in doc.quotes
    ]


def speaker_name(doc: ruextract.Document, quote: ruextract.Quote) -> str | None:
    names = {entity.id: entity.name for entity in doc.entities}
    return names.get(quote.speaker) if quote.speaker else None


def speaker_names(doc: ruextract.Document) -> list[str | None]:
    """Every quote's speaker name, in order."""
    return [speaker_name(doc, quote) for quote in doc.quotes]
