"""Of two equally full spellings of one name, the canonical name is the running text's, not a
caption's or a headline's (``build._canonical``)."""

from __future__ import annotations


def test_the_running_texts_spelling_wins_a_tie_with_a_captions(nlp):
    doc = nlp("Султан Омана выступил с речью.\nСаид бин Ахмед Аль Мансури\n\nВ понедельник Саид бен "
              "Ахмед Аль Мансури сообщил, что уходит. Он правил 20 лет.")
    names = {m.text: e.name for e in doc.entities for m in e.mentions}
    assert names["Саид бин Ахмед Аль Мансури"] == "Саид бен Ахмед Аль Мансури"
