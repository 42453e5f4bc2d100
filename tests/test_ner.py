from __future__ import annotations

import pytest

from ruextract.ner import bio_spans


@pytest.mark.parametrize(
    "tags, spans",
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "B-ORG"], [(0, 2, "ORG"), (2, 3, "ORG")]),
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
        ([], []),
    ],
)
def test_ner_bio_spans_read_tags_back_to_ranges(tags, spans):
    assert list(bio_spans(tags)) == spans


@pytest.mark.parametrize(
    "text, type, normal",
    [
        ("Мы сотрудничаем с Соединенными Штатами.", "LOC", "Соединенные Штаты"),
        ("Встреча Владимира Путина и Си Цзиньпина.", "PER", "Владимир Путин"),
        ("Сведения получены от ФБР.", "ORG", "ФБР"),
        ("Он работал в Федеральном бюро расследований.", "ORG", "Федеральное бюро расследований"),
        ("Делегация прибыла в Санкт-Петербург из Москвы.", "LOC", "Москва"),
    ],
)
def test_ner_entity_names_are_normalised(nlp, text, type, normal):
    doc = nlp(text)
    names = {(entity.type, entity.name) for entity in doc.entities}
    assert (type, normal) in names, names
