from __future__ import annotations

import pytest

from ruextract.segment import segment


@pytest.mark.parametrize(
    "text",
    [
        "Путин\u00a0заявил, что\u200bвсё хорошо.\r\nВторая строка 😀 с эмодзи 👨‍👩‍👧.",
        "\ufeffТекст с BOM и \x00 нулём \x07 и\u00adмягким переносом.",
        "",
        "   \n\t  ",
    ],
)
def test_segment_offsets_index_the_original_text(text):
    sentences, tokens = segment(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.text.strip() and "\u200b" not in token.text and "\x00" not in token.text
    for sentence in sentences:
        first, last = sentence.tokens
        assert tokens[first].start >= sentence.start and tokens[last - 1].end <= sentence.end


def test_segment_splits_sentences_and_words():
    sentences, tokens = segment("Мы ответим. Он ушёл.")
    assert len(sentences) == 2
    assert [token.text for token in tokens] == ["Мы", "ответим", ".", "Он", "ушёл", "."]


def test_segment_a_line_without_a_full_stop_is_a_sentence_of_its_own():
    text = "Петров покинул клуб\nИван Петров\n3 июня совет директоров принял решение:\nРасторгнуть контракт, \nкак он просил."
    sentences, _tokens = segment(text)
    assert [text[sentence.start : sentence.end] for sentence in sentences] == [
        "Петров покинул клуб", "Иван Петров",
        "3 июня совет директоров принял решение:\nРасторгнуть контракт, \nкак он просил.",
    ]


def test_segment_empty_text_has_no_sentences():
    assert segment("") == ([], [])
    assert segment(" \n ") == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "Кто-то сказал: цена выросла на 3,5% (до 1/2 от «нормы»)...",
        "Ура!!! :) Смотри yahoo! и snake_case, а ещё ΔP и mβж -- вот.",
        "«Да», — ответил он.\u00a0Т.е. 2020—2021 гг.?!",
        "",
        "   ",
        "один",
    ],
)
def test_token_bounds_are_razdels_tokens(text):
    from razdel import tokenize

    from ruextract.segment import token_bounds

    assert token_bounds(text) == [(token.start, token.stop) for token in tokenize(text)]


def test_token_bounds_join_touching_atoms_only_where_razdels_rules_say():
    from ruextract.segment import token_bounds

    text = "кто-то 3.5 :) а, б"
    assert [text[start:stop] for start, stop in token_bounds(text)] == ["кто-то", "3.5", ":)", "а", ",", "б"]


def test_blank_characters_are_found_by_the_quick_check_and_nothing_else():
    from ruextract.segment import BLANK, BLANK_CHARS

    assert all(BLANK_CHARS.fullmatch(chr(code)) for code in BLANK)
    assert not any(BLANK_CHARS.search(char) for char in "\n\r\t aя-«\u00a0\u2014")
    sentences, tokens = segment("Мэр\u200bгорода пришёл.")  # read as a space, offsets kept
    assert [token.text for token in tokens] == ["Мэр", "города", "пришёл", "."]
