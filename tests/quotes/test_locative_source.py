"""A press office before the speech verb is the source even when the parser hangs it on a word of
the reported clause (``clauses.locative_source``)."""

from __future__ import annotations


def test_a_press_office_before_the_cue_names_the_speaker(nlp):
    doc = nlp("В пресс-центре ГУ МВД России по г. Москве уточнили, что Иван Петров был задержан "
              "сотрудниками уголовного розыска в Тверской области.")
    quote = doc.quotes[0]
    speaker = next(entity for entity in doc.entities if entity.id == quote.speaker)
    assert speaker.name == "ГУ МВД России по г. Москве"


def test_an_unnamed_organisation_as_the_place_is_the_source(nlp):
    doc = nlp("В ведомстве пояснили, что проверка продолжается.")
    assert [quote.source.text for quote in doc.quotes] == ["ведомстве"]
    assert doc.quotes[0].content.text == "проверка продолжается"


def test_an_interview_as_the_place_is_no_source(nlp):
    doc = nlp("В интервью губернатор заявил, что уходит.")
    assert [quote.source.text for quote in doc.quotes] == ["губернатор"]
