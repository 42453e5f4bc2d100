"""Fixtures for the relation tests: a parse-only pipeline and a full one with our stages."""

from __future__ import annotations

import pytest

import ruextract
from ruextract.events import EventStage
from ruextract.relations import RelationStage, parse_pipeline


@pytest.fixture(scope="session")
def parse_nlp() -> ruextract.Pipeline:
    return parse_pipeline()


@pytest.fixture(scope="session")
def relation_nlp() -> ruextract.Pipeline:
    nlp = ruextract.load()  # the default pipeline has the event and relation stages
    assert isinstance(nlp["events"], EventStage) and isinstance(nlp["relations"], RelationStage)
    return nlp
