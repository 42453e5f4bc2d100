"""Session fixtures: one loaded default pipeline shared by every test."""

from __future__ import annotations

from pathlib import Path

import pytest

import ruextract

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> ruextract.Pipeline:
    return ruextract.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp: ruextract.Pipeline, seed_text: str) -> ruextract.Document:
    return nlp(seed_text, published="2020-10-26", id="seed")
