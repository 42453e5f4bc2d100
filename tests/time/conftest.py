"""Fixtures of the time tests: one extractor (tables and morphology loaded once)."""

from __future__ import annotations

from datetime import date

import pytest

from ruextract.time import TimeExtractor

# a Tuesday; the guidelines' own example anchor
ANCHOR = date(2013, 2, 12)


@pytest.fixture(scope="session")
def extract() -> TimeExtractor:
    return TimeExtractor()


@pytest.fixture(scope="session")
def only():
    """only(timexes, text): the timex whose text is ``text`` (exactly one)."""

    def find(timexes, text):
        found = [timex for timex in timexes if " ".join(timex.text.split()) == text]
        assert len(found) == 1, f"{text!r} not found once in {[(t.text, t.value) for t in timexes]}"
        return found[0]

    return find


@pytest.fixture(scope="session")
def anchor() -> date:
    return ANCHOR
