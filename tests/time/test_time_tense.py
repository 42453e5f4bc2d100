"""Tense: a date without a year looks back, unless the sentence points forward."""

from __future__ import annotations

from datetime import date

import pytest

from ruextract.time.lexicon import load_lexicon
from ruextract.time.scan import scan
from ruextract.time.tense import TenseReader

PUBLISHED = date(2020, 10, 26)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Концерт пройдёт 25 сентября.", "2021-09-25"),
        ("Концерт прошёл 25 сентября.", "2020-09-25"),
        ("Премьера запланирована на 25 ноября.", "2020-11-25"),
        ("25 ноября театр покажет премьеру.", "2020-11-25"),
        ("Театр показал премьеру 25 сентября, а следующая будет в марте.", "2020-09-25"),
        ("Полуфинал состоится в среду.", "2020-10-28"),
    ],
)
def test_tense_future_moves_dates_forward(extract, text, value):
    assert extract(text, PUBLISHED)[0].value == value


class FakeTag:
    def __init__(self, pos, tense):
        self.POS, self.tense = pos, tense


def test_tense_reads_the_nearest_finite_verb_with_any_tagger():
    tags = {"пройдёт": FakeTag("VERB", "futr"), "прошёл": FakeTag("VERB", "past")}
    reader = TenseReader(
        tagger=lambda word: [tags.get(word.replace("е", "ё"), FakeTag("NOUN", None))]
    )
    tokens = scan("Концерт пройдёт 25 сентября.", load_lexicon()).tokens
    assert reader.forward(tokens, 2, 4, [])
    tokens = scan("Концерт прошёл 25 сентября.", load_lexicon()).tokens
    assert not reader.forward(tokens, 2, 4, [])
