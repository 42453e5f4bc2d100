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
