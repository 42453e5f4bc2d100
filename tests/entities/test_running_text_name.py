"""Of two equally full spellings of one name, the canonical name is the running text's, not a
caption's or a headline's (``build._canonical``)."""

from __future__ import annotations


def test_the_running_texts_spelling_wins_a_tie_with_a_captions(nlp):
    doc = nlp("Эмир Катара отрёкся от престола.\nХасан бин Али Аль Сани\n\nВо вторник Хасан бен Али "
              "Аль Сани объявил, что уходит. Он правил 18 лет.")
    names = {m.text: e.name for e in doc.entities for m in e.mentions}
    assert names["Хасан бин Али Аль Сани"] == "Хасан бен Али Аль Сани"
