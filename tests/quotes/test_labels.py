"""Descriptive speakers: an unnamed source phrase becomes an entity with a nominative label."""

from .conftest import speaker_name, speaker_names


def _speaker(doc, quote):
    return next(entity for entity in doc.entities if entity.id == quote.speaker)


def test_labels_unnamed_authority_is_an_organisation(quote_nlp):
    doc = quote_nlp("Власти Венесуэлы заявили, что выборы пройдут в срок.")
    entity = _speaker(doc, doc.quotes[0])
    assert (entity.name, entity.type) == ("власти Венесуэлы", "ORG")
    assert [mention.kind for mention in entity.mentions] == ["descriptor"]


def test_labels_quantifier_is_left_out_and_the_phrase_is_nominative(quote_nlp):
    doc = quote_nlp("По словам ряда российских экспертов, цены вырастут.")
    entity = _speaker(doc, doc.quotes[0])
    assert (entity.name, entity.type) == ("российские эксперты", "PER")


def test_labels_one_label_is_one_entity(quote_nlp):
    doc = quote_nlp("Врачи сообщили, что пациент здоров. Позже врачи добавили, что его выпишут.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["врачи", "врачи"]
    assert doc.quotes[0].speaker == doc.quotes[1].speaker
    assert len({entity.id for entity in doc.entities}) == len(doc.entities)


def test_labels_inanimate_source_does_not_take_the_previous_speaker(quote_nlp):
    doc = quote_nlp("«Я невиновен», — сказал Иван Петров. По данным следствия, он был на месте.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["Иван Петров", "следствие"]


def test_labels_words_after_the_head_stay_as_written(quote_nlp):
    doc = quote_nlp("Родители погибшей приехали на суд. Они заявили, что не простят убийцу.")
    names = {entity.id: entity.name for entity in doc.entities}
    assert names[doc.quotes[0].speaker] == "родители погибшей"


def test_labels_leave_out_sam_and_one_of(quote_nlp):
    doc = quote_nlp("Задержан 30-летний житель одного из сёл области. Он сказал, что поджёг траву.")
    names = {entity.id: entity.name for entity in doc.entities}
    assert names[doc.quotes[0].speaker] == "30-летний житель"


def test_labels_bare_noun_repeats_the_fuller_label_before_it(quote_nlp):
    doc = quote_nlp("Как отмечает британская пресса, министр подал в отставку. "
                    "Позже пресса сообщила, что он уехал из страны.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["британская пресса"] * 2


def test_labels_informants_of_a_medium_speak_as_themselves(quote_nlp):
    doc = quote_nlp("По данным источников СМИ, решение об отставке уже принято.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["источники СМИ"]


def test_labels_role_in_the_genitive_is_replaced_by_the_person_it_points_to(quote_nlp):
    doc = quote_nlp("Иван Петров отметил 110-летие. Петров живёт в деревне. «Он очень счастлив», "
                    "— сказал племянник долгожителя.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["племянник Ивана Петрова"]


def test_labels_medium_name_keeps_the_adjective_before_it(quote_nlp):
    doc = quote_nlp("Спецслужбы арестовали лидера движения. Об этом сообщили государственные "
                    "СМИ Египта.")
    assert [(quote.source.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("государственные СМИ Египта", "государственные СМИ Египта")]


def test_labels_take_the_named_complement_the_phrase_has_elsewhere(quote_nlp):
    doc = quote_nlp("Управление культуры Калужской области подготовило доклад. Как сообщили в "
                    "управлении культуры, музеи откроются в срок.")
    assert speaker_names(doc) == ["управление культуры Калужской области"]


def test_labels_with_a_country_adjective_take_no_complement_from_elsewhere(quote_nlp):
    doc = quote_nlp("СМИ Северной Кореи молчат. Южнокорейские СМИ сообщили, что пуск был неудачным.")
    assert speaker_names(doc) == ["южнокорейские СМИ"]
