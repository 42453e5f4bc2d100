"""A two-letter initial with its period ("Дж. Смит", "Дж.Смит") is part of the full name it
abbreviates (``names.person_parts``); a two-letter name without a period is not an initial."""

from __future__ import annotations


def test_a_two_letter_initial_joins_the_full_name(nlp):
    doc = nlp("Тренер Джордж Смит покинул клуб. Позже Дж.Смит сказал, что устал. "
              "Дж. Смит работал в Лондоне.")
    names = {m.text: e.name for e in doc.entities for m in e.mentions}
    assert names["Дж.Смит"] == names["Дж. Смит"] == "Джордж Смит"
