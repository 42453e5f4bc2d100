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
