"""Fixtures for the event tests: a parsed-and-NER'd pipeline plus our own event and record stages."""

from __future__ import annotations

import pytest

import ruextract
from ruextract.events import EventStage
from ruextract.events.records import RecordStage


@pytest.fixture(scope="session")
def event_nlp() -> ruextract.Pipeline:
    nlp = ruextract.load()  # the default pipeline has the event and record stages
    assert isinstance(nlp["events"], EventStage) and isinstance(nlp["records"], RecordStage)
    return nlp


def only(doc: ruextract.Document, type: str) -> ruextract.Event:
    found = [event for event in doc.events if event.type == type]
    assert len(found) == 1, [(event.type, event.trigger.text) for event in doc.events]
    return found[0]


def name_of(doc: ruextract.Document, ref: str) -> str:
    return next(entity.name for entity in doc.entities if entity.id == ref)


def records_of(doc: ruextract.Document, type: str) -> list[ruextract.Record]:
    """The document's records of one type, in order."""
    return [record for record in doc.records if record.type == type]
