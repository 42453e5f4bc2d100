"""A two-letter initial with its period ("Дж. Джонс", "Дж.Джонс") is part of the full name it
abbreviates (``names.person_parts``); a two-letter name without a period is not an initial."""

from __future__ import annotations


def test_a_two_letter_initial_joins_the_full_name(nlp):
    doc = nlp("Советник Джеймс Джонс уходит в отставку. Ранее Дж.Джонс заявлял, что устал. "
              "Дж. Джонс работал в Белом доме.")
    names = {m.text: e.name for e in doc.entities for m in e.mentions}
    assert names["Дж.Джонс"] == names["Дж. Джонс"] == "Джеймс Джонс"
