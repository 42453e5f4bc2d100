"""The scanner: tokens with offsets into the original text and one category letter each."""

from __future__ import annotations

from datetime import date

import pytest

from ruextract.time.lexicon import load_lexicon
from ruextract.time.scan import scan


@pytest.mark.parametrize(
    "text, cats",
    [
        ("27 декабря 2019 года", "dMyG"),
        ("в 10:35 утром", "vTP"),
        ("через два с половиной часа", "cwshH"),
        ("5-летний срок", "L_"),
        ("пятилетний срок", "L_"),
        ("в XIX веке", "vVU"),
        ("в 90-е годы", "vEG"),
        ("01.02.21", "F"),
        ("в ноябре-декабре", "vM-M"),
        ("в настоящее время", "A"),
        ("в новогодние праздники", "vQ"),
        ("на прошлой неделе", "aRU"),
        ("три дня назад", "wUb"),
        ("Москва, 1 мая.", "X,dM."),
    ],
)
def test_scan_categories(text, cats):
    assert scan(text, load_lexicon()).cats == cats


@pytest.mark.parametrize(
    "text",
    [
        "Он\u00a0уехал 5\u00a0мая.\r\n\nНовая строка 😀 в 10:35.",
        "\ufeffТекст\u200bс\u00adпереносом 1 мая",
        "",
        "   ",
    ],
)
def test_scan_offsets_index_the_original_text(text):
    for token in scan(text, load_lexicon()).tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert text[token.start : token.end].strip()


def test_scan_skips_web_addresses():
    scanned = scan("См. https://example.ru/2016-06-30/news и www.site.ru/2019", load_lexicon())
    assert "F" not in scanned.cats and "y" not in scanned.cats


@pytest.mark.parametrize("today, year", [(date(2025, 1, 1), 1930), (date(2031, 1, 1), 2030)])
def test_scan_two_digit_year_pivot_follows_the_current_year(today, year):
    token = scan("01.02.30", load_lexicon(), today=today).tokens[0]
    assert token.value == (year, 2, 1)


def test_scan_runs_of_sentence_ends_are_one_boundary():
    scanned = scan("Он ушёл в 1990 году.\n\n\nОна пришла в мае!", load_lexicon())
    assert scanned.cats.count(".") == 2
    assert [token.sent for token in scanned.tokens][-1] == 1


def test_scan_skips_sentences_without_triggers_but_counts_them():
    scanned = scan("Он ушёл в 1990 году. Потом было тихо. Она пришла в мае.", load_lexicon())
    assert "тихо" not in [token.word for token in scanned.tokens]
    assert scanned.tokens[-2].sent == 2  # "мае" is in the third sentence
