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


def test_repair_role_word_is_cut_from_a_person_span(handmade):
    words = [("Поп-звезда", "PROPN"), ("Мадонна", "PROPN"), ("выступила", "VERB"), (".", "PUNCT"),
             ("Мадонна", "PROPN"), ("спела", "VERB")]
    doc = handmade(words, [(0, 2, "PER"), (4, 5, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Мадонна"]


def test_repair_role_word_stays_without_the_name_seen_alone(handmade):
    words = [("Поп-звезда", "PROPN"), ("Мадонна", "PROPN"), ("выступила", "VERB")]
    doc = handmade(words, [(0, 2, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Поп-звезда Мадонна"]


def test_repair_first_name_is_not_cut_from_a_person_span(handmade):
    words = [("Роза", "PROPN"), ("Сябитова", "PROPN"), ("выступила", "VERB"), (".", "PUNCT"),
             ("Сябитова", "PROPN"), ("спела", "VERB")]
    doc = handmade(words, [(0, 2, "PER"), (4, 5, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Роза Сябитова"]


def test_repair_person_span_with_two_names_seen_apart_is_split(handmade):
    words = [("Олег", "PROPN"), ("Белов", "PROPN"), ("Иван", "PROPN"), ("Краснов", "PROPN"),
             (".", "PUNCT"), ("Белов", "PROPN"), ("встретил", "VERB"), ("Краснова", "PROPN")]
    doc = handmade(words, [(0, 4, "PER"), (5, 6, "PER"), (7, 8, "PER")])
    EntityStage().process([doc])
    assert sorted(entity.name for entity in doc.entities) == ["Иван Краснов", "Олег Белов"]


def test_repair_person_span_of_four_words_stays_without_evidence(handmade):
    words = [("Олег", "PROPN"), ("Белов", "PROPN"), ("Иван", "PROPN"), ("Краснов", "PROPN")]
    doc = handmade(words, [(0, 4, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Олег Белов Иван Краснов"]


def test_repair_unclosed_bracket_splits_an_organisation_span(handmade):
    words = [("Кубинская", "ADJ"), ("федерация", "NOUN"), ("(", "PUNCT"), ("Federación", "PROPN"),
             ("Cubana", "PROPN"), (")", "PUNCT")]
    doc = handmade(words, [(0, 5, "ORG")])
    EntityStage().process([doc])
    assert sorted(m.text for e in doc.entities for m in e.mentions) == [
        "Federación Cubana", "Кубинская федерация"]
    assert len(doc.entities) == 1


def test_repair_organisation_named_after_a_person_is_one_name(resolve, entity_of):
    doc = resolve("Комитет защиты Ивана Петрова провёл пикет.")
    committee = entity_of(doc, "Комитет защиты Ивана Петрова")
    assert committee is not None and committee.type == "ORG"


def test_repair_a_name_and_its_abbreviation_tagged_as_one_span_are_two_names(handmade):
    words = [("Northern", "PROPN"), ("River", "PROPN"), ("Monitoring", "PROPN"),
             ("Group", "PROPN"), (",", "PUNCT"), ("NRMG", "PROPN")]
    doc = handmade(words, [(0, 6, "ORG")])
    EntityStage().process([doc])
    assert {mention.text for entity in doc.entities for mention in entity.mentions} == {
        "Northern River Monitoring Group", "NRMG"}


def test_repair_a_quote_mark_that_closes_nothing_in_a_name_is_left_out():
    from types import SimpleNamespace

    from ruextract.entities.repair import _without_stray_marks

    def span(*words: str) -> tuple[str, ...]:
        ctx = SimpleNamespace(tokens=[SimpleNamespace(text=word) for word in words])
        first, last = _without_stray_marks(ctx, 0, len(words))
        return tuple(words[first:last])

    assert span("Движение", "за", "перемены", '"') == ("Движение", "за", "перемены")
    assert span("«", "Единая") == ("Единая",)
    assert span("ООО", "«", "Вектор", "»") == ("ООО", "«", "Вектор", "»")
    assert span("РИА", '"', "Новости", '"') == ("РИА", '"', "Новости", '"')


def test_repair_a_common_noun_tagged_as_a_name_is_no_name(resolve):
    doc = resolve("Агентство «Интерфакс» сообщило об аварии. СМИ сообщили, что мэр ушёл.")
    assert not any(m.text == "СМИ" and m.kind == "name" for e in doc.entities for m in e.mentions)
