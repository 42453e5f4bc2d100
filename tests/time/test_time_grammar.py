"""The grammar: leftmost-longest matches, trimmed by the interpreter when it must be."""

from __future__ import annotations

import re

import pytest

from ruextract.time.grammar import RULES, parse
from ruextract.time.interpret import Interpreter
from ruextract.time.lexicon import load_lexicon
from ruextract.time.scan import scan


def spans(text):
    scanned = scan(text, load_lexicon())
    interpret = Interpreter(load_lexicon())
    tokens = scanned.tokens
    return [
        (match.rule.name, text[tokens[match.start].start : tokens[match.end - 1].end])
        for match, _ in parse(scanned.cats, lambda match: interpret(match, tokens))
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Фестиваль шёл с 1 по 5 мая 2019 года.", [("day_range", "с 1 по 5 мая 2019 года")]),
        (
            "Им дали 1 год 6 месяцев и 1 год 5 месяцев.",
            [("duration", "1 год 6 месяцев"), ("duration", "1 год 5 месяцев")],
        ),
        ("Утром 6 апреля штаб собрался.", [("part_date", "Утром 6 апреля")]),
        ("Это было в ночь на 19 декабря.", [("night", "в ночь на 19 декабря")]),
        (
            "Он умер в возрасте 61 года, двумя неделями ранее заболел.",
            [("ago", "двумя неделями ранее")],
        ),
    ],
)
def test_grammar_leftmost_longest(text, expected):
    assert spans(text) == expected


def test_grammar_rules_never_match_nothing():
    for rule in RULES:
        assert not re.fullmatch(rule.pattern, ""), rule.name
