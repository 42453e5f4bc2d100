from ruextract.entities import EntityStage


def test_repair_finds_a_name_missed_in_another_sentence(resolve, entity_of):
    doc = resolve(
        "Глава компании Виктор Зуев объявил о продаже завода. "
        "Зуева спросили о сроках, но он не ответил."
    )
    entity = entity_of(doc, "Виктор Зуев")
    assert entity is not None and any(mention.text == "Зуева" for mention in entity.mentions)


def test_repair_one_type_for_one_name(resolve):
    doc = resolve(
        "Компания Ростелеком объявила о росте прибыли. Акции Ростелекома выросли на бирже, "
        "а аналитики Ростелеком похвалили."
    )
    types = {entity.type for entity in doc.entities if "Ростелеком" in entity.name}
    assert len(types) <= 1


def test_repair_brackets_split_a_name_and_its_transliteration(resolve, entity_of):
    doc = resolve("В суде выступил Томас Бергер (Thomas Berger), адвокат истца.")
    entity = entity_of(doc, "Томас Бергер")
    assert entity is not None and any(m.text == "Thomas Berger" for m in entity.mentions)


def test_repair_city_in_brackets_is_not_the_country(resolve, entity_of):
    doc = resolve("Форум прошел в городе Лион (Франция) в начале месяца.")
    france = entity_of(doc, "Франция")
    assert france is None or all(m.text != "Лион" for m in france.mentions)


def test_repair_organisation_extended_by_its_country(resolve, entity_of):
    doc = resolve(
        "Решение одобрил Конгресс. Позже представители Конгресса США заявили о поддержке Канады."
    )
    entity = entity_of(doc, "Конгресса США")
    assert entity is not None and entity.type == "ORG"
    assert any(m.text == "Конгресс" for m in entity.mentions)
    assert entity_of(doc, "США") is not None


def test_repair_person_span_is_cut_at_commas(handmade):
    words = [("Забили", "VERB"), ("Петров", "PROPN"), (",", "PUNCT"), ("Сидоров", "PROPN")]
    doc = handmade(words, [(1, 4, "PER")])
    EntityStage().process([doc])
    assert sorted(m.text for e in doc.entities for m in e.mentions) == ["Петров", "Сидоров"]
    assert len(doc.entities) == 2


def test_repair_table_name_missed_by_ner(handmade):
    words = [("Делегация", "NOUN"), ("Франции", "PROPN", "франция"), ("прибыла", "VERB")]
    doc = handmade(words, [])
    EntityStage(names_only=True).process([doc])
    assert [(e.type, [m.text for m in e.mentions]) for e in doc.entities] == [("LOC", ["Франции"])]
