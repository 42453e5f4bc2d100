"""Hostile and odd input: each gets a clear result or a clear error, and a batch loses nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "The quick brown fox jumps over the lazy dog. Barack Obama visited Paris.",
        "Он сказал: «мы ответим тем же, и это",
        "«»«»»»«« „“ \" — — ,,,",
        "\x00\x01\x02 управляющие \x1b[31m символы \x7f",
        "👍" * 500,
        "слово" * 5000,  # one 25,000-letter word
        "1234567890 " * 300,
        "заявил ¡",  # NER tags the lone mark as a person (found by the property test)
    ],
)
def test_bad_input_never_crashes_and_offsets_hold(nlp, text):
    doc = nlp(text)
    assert doc.error is None
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert set(doc.output()) >= {"id", "entities", "quotes", "timexes", "events", "relations"}


def test_bad_input_five_megabytes_gets_a_clear_error(nlp):
    doc = nlp("Москва — столица России. " * 210_000)
    assert doc.error is not None and doc.error.type == "DocumentTooLarge"


def test_bad_input_poisoned_batch_returns_every_other_document(nlp):
    items = ["Путин прилетел в Москву.", None, b"\xff\xfe", 42, {"text": None},
             {"id": "ok", "text": "Мэр Казани открыл школу."}, ""]
    docs = list(nlp.pipe(items, batch_size=3))
    assert len(docs) == len(items)
    assert [doc.error is None for doc in docs] == [True, False, False, False, False, True, True]
    assert docs[0].entities and docs[5].id == "ok"
    for doc in docs[1:5]:
        assert doc.output()["error"]["message"]
