"""A foreign name that does not decline keeps its ending in the canonical name ("Эдера Маседу"
-> "Эдер Маседу", not "Эдер Масед"), while declined names still lose theirs (``build._declines``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Гол Эдера Маседу принёс победу.", "Эдера Маседу", "Эдер Маседу"),
        ("Письмо Жака Тати нашли в архиве.", "Жака Тати", "Жак Тати"),
        ("Сергею Шойгу вручили орден.", "Сергею Шойгу", "Сергей Шойгу"),
        ("Владимиру Путину вручили орден.", "Владимиру Путину", "Владимир Путин"),
    ],
)
def test_a_name_keeps_an_ending_it_does_not_decline_with(nlp, text, mention, name):
    doc = nlp(text)
    assert {m.text: e.name for e in doc.entities for m in e.mentions}[mention] == name
