def test_names_case_forms_and_surname_join_full_name(resolve, entity_of):
    doc = resolve(
        "Министр встретился с Андреем Соколовым. Соколов рассказал о планах. "
        "Позже А. Соколов уехал."
    )
    entity = entity_of(doc, "Андреем Соколовым")
    assert entity is not None and entity.name == "Андрей Соколов"
    texts = {mention.text for mention in entity.mentions}
    assert {"Соколов", "А. Соколов"} <= texts


def test_names_two_people_with_one_surname_stay_apart(resolve, entity_of):
    doc = resolve("Иван Петров и Мария Петрова пришли на выборы. Иван Петров проголосовал первым.")
    ivan, maria = entity_of(doc, "Иван Петров"), entity_of(doc, "Мария Петрова")
    assert ivan is not None and maria is not None and ivan.id != maria.id


def test_names_abbreviation_joins_its_expansion(resolve, entity_of):
    doc = resolve(
        "Сотрудники Федеральной службы безопасности задержали троих. "
        "В ФСБ сообщили, что задержанные дали показания."
    )
    entity = entity_of(doc, "ФСБ")
    assert entity is not None and entity.type == "ORG"
    assert any(mention.text == "Федеральной службы безопасности" for mention in entity.mentions)


def test_names_abbreviation_from_initials_without_table(resolve, entity_of):
    doc = resolve(
        "Новый доклад опубликовала Ассоциация независимых фермеров Кубани (АНФК). "
        "Председатель АНФК выступил в Краснодаре."
    )
    entity = entity_of(doc, "АНФК")
    assert entity is not None and len(entity.mentions) >= 2


def test_names_country_short_forms_join(resolve, entity_of):
    doc = resolve("Делегация Российской Федерации прибыла в Женеву. Россия готова к переговорам.")
    entity = entity_of(doc, "Россия")
    assert entity is not None and entity.name == "Россия"
    assert any(mention.text == "Российской Федерации" for mention in entity.mentions)


def test_names_repair_finds_a_name_missed_in_another_sentence(resolve, entity_of):
    doc = resolve(
        "Глава компании Виктор Зуев объявил о продаже завода. "
        "Зуева спросили о сроках, но он не ответил."
    )
    entity = entity_of(doc, "Виктор Зуев")
    assert entity is not None and any(mention.text == "Зуева" for mention in entity.mentions)


def test_names_repair_one_type_for_one_name(resolve):
    doc = resolve(
        "Компания Ростелеком объявила о росте прибыли. Акции Ростелекома выросли на бирже, "
        "а аналитики Ростелеком похвалили."
    )
    types = {entity.type for entity in doc.entities if "Ростелеком" in entity.name}
    assert len(types) <= 1


def test_names_brackets_split_a_name_and_its_transliteration(resolve, entity_of):
    doc = resolve("В суде выступил Томас Бергер (Thomas Berger), адвокат истца.")
    entity = entity_of(doc, "Томас Бергер")
    assert entity is not None and any(m.text == "Thomas Berger" for m in entity.mentions)


def test_names_city_in_brackets_is_not_the_country(resolve, entity_of):
    doc = resolve("Форум прошел в городе Лион (Франция) в начале месяца.")
    france = entity_of(doc, "Франция")
    assert france is None or all(m.text != "Лион" for m in france.mentions)


def test_names_organisation_extended_by_its_country(resolve, entity_of):
    doc = resolve(
        "Решение одобрил Конгресс. Позже представители Конгресса США заявили о поддержке Канады."
    )
    entity = entity_of(doc, "Конгресса США")
    assert entity is not None and entity.type == "ORG"
    assert any(m.text == "Конгресс" for m in entity.mentions)
    assert entity_of(doc, "США") is not None


def test_names_person_span_is_cut_at_commas():
    from ruextract import Document, NerSpan, Sentence, Token
    from ruextract.entities import EntityStage

    words = ["Забили", "Петров", ",", "Сидоров", "."]
    text, tokens = "", []
    for word in words:
        start = len(text) + (1 if text and word not in ",." else 0)
        text = text + (" " if start > len(text) else "") + word
        tokens.append(
            Token(
                start=start,
                end=start + len(word),
                text=word,
                lemma=word.lower(),
                pos="PROPN" if word[0].isupper() else "PUNCT",
                feats={},
            )
        )
    span = NerSpan(
        start=tokens[1].start,
        end=tokens[3].end,
        text=text[tokens[1].start : tokens[3].end],
        type="PER",
    )
    doc = Document(
        text=text,
        tokens=tokens,
        ner=[span],
        sentences=[Sentence(start=0, end=len(text), tokens=(0, len(tokens)))],
    )
    EntityStage().process([doc])
    assert sorted(m.text for e in doc.entities for m in e.mentions) == ["Петров", "Сидоров"]
    assert len(doc.entities) == 2


def test_names_organisation_with_its_type_noun_joins_the_bare_name(handmade):
    from ruextract.entities import EntityStage

    words = [
        ("Лидер", "NOUN"),
        ("партии", "NOUN"),
        ("«", "PUNCT"),
        ("Рассвет", "PROPN"),
        ("»", "PUNCT"),
        ("и", "CCONJ"),
        ("сторонники", "NOUN"),
        ("Рассвета", "PROPN"),
    ]
    doc = handmade(words, [(1, 4, "ORG"), (7, 8, "ORG")])
    EntityStage(names_only=True).process([doc])
    assert len(doc.entities) == 1 and len(doc.entities[0].mentions) == 2


def test_names_country_as_adjective_or_genitive_is_one_organisation(resolve, entity_of):
    doc = resolve(
        "Правительство Японии одобрило закон. Позже японское правительство выделило деньги."
    )
    entity = entity_of(doc, "Правительство Японии")
    assert entity is not None and entity.type == "ORG"
    assert any(m.text == "японское правительство" for m in entity.mentions)
