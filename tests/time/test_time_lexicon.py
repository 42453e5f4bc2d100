"""The tables of models/time load once and say what the grammar expects."""

from __future__ import annotations

import pytest

from ruextract.time.lexicon import load_lexicon


def test_lexicon_is_loaded_once():
    assert load_lexicon() is load_lexicon()


@pytest.mark.parametrize(
    "word, cat, value",
    [
        ("декабря", "M", 12),
        ("среду", "K", 3),
        ("года", "G", "Y"),
        ("лет", "Y", "Y"),
        ("неделю", "U", "W"),
        ("веке", "U", "CE"),
        ("утром", "P", "MO"),
        ("утра", "@", "MO"),
        ("прошлом", "R", -1),
        ("следующий", "R", 1),
        ("ежегодно", "Z", "P1Y"),
        ("конце", "B", "END"),
        ("полгода", "U", ("M", 6)),
        ("полтора", "w", 1.5),
        ("несколько", "w", "X"),
    ],
)
def test_lexicon_word_meanings(word, cat, value):
    lex = load_lexicon().words[word]
    assert (lex.cat, lex.value) == (cat, value)


def test_lexicon_holidays_and_phrases():
    phrases = load_lexicon().phrases
    assert any(phrase.lex.cat == "Q" for phrase in phrases["новогодние"])
    assert any(phrase.lex.cat == "A" for phrase in phrases["в"])
