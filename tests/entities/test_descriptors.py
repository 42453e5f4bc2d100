def test_descriptors_apposition_binds_role_to_person(resolve, entity_of):
    doc = resolve("Министр финансов Андрей Соколов представил бюджет.")
    entity = entity_of(doc, "Андрей Соколов")
    assert entity is not None
    assert [role.text for role in entity.roles] == ["Министр финансов"]
    assert any(m.kind == "descriptor" and m.text == "Министр финансов" for m in entity.mentions)


def test_descriptors_bare_role_goes_to_the_person_with_that_role(resolve, entity_of):
    doc = resolve(
        "Губернатор области Олег Ветров посетил больницу. Губернатор пообещал выделить деньги."
    )
    entity = entity_of(doc, "Олег Ветров")
    descriptors = [m.text for m in entity.mentions if m.kind == "descriptor"]
    assert descriptors.count("Губернатор") == 1 and "Губернатор области" in descriptors


def test_descriptors_not_attached_across_incompatible_country(resolve, entity_of):
    doc = resolve(
        "Президент Франции Жан Дюбуа прибыл в Берлин. Американский президент заявил о поддержке."
    )
    entity = entity_of(doc, "Жан Дюбуа")
    assert entity is not None
    assert all("Американский" not in mention.text for mention in entity.mentions)


def test_descriptors_not_attached_to_an_organisation(resolve):
    doc = resolve("Компания Ростелеком объявила о росте. Директор заявил о новых планах.")
    for entity in doc.entities:
        if entity.type != "PER":
            assert all(mention.kind != "descriptor" for mention in entity.mentions)


def test_descriptors_names_only_switch_leaves_them_out(resolve_names):
    doc = resolve_names("Министр финансов Андрей Соколов представил бюджет. Он доволен.")
    kinds = {m.kind for e in doc.entities for m in e.mentions}
    assert kinds <= {"name", "alias"}


def test_descriptors_institution_is_an_organisation(resolve, entity_of):
    doc = resolve("На место прибыла полиция. Правительство Японии выразило соболезнования.")
    police = entity_of(doc, "полиция")
    assert police is not None and police.type == "ORG"
    government = entity_of(doc, "Правительство Японии")
    assert government is not None and government.type == "ORG"


def test_descriptors_institution_takes_its_adjectives_and_genitive_words(resolve):
    doc = resolve("Столичная мэрия и парламент страны обсудили бюджет. "
                  "В правительстве Калужской области промолчали.")
    spans = {m.text for e in doc.entities if e.type == "ORG" for m in e.mentions}
    assert {"Столичная мэрия", "парламент страны", "правительстве Калужской области"} <= spans


def test_descriptors_role_phrases_of_one_class_name_one_person(resolve, entity_of):
    doc = resolve(
        "Министр иностранных дел Олег Ветров встретился с послом. "
        "Глава МИД заявил, что переговоры прошли успешно."
    )
    entity = entity_of(doc, "Олег Ветров")
    assert any(m.text == "Глава МИД" and m.kind == "descriptor" for m in entity.mentions)


def test_descriptors_bare_leader_role_goes_to_the_main_person(resolve, entity_of):
    doc = resolve(
        "Олег Ветров провел совещание. Ветров потребовал ускорить работу. "
        "Президент также отметил рост экономики. Министр заявил о планах."
    )
    entity = entity_of(doc, "Олег Ветров")
    descriptors = [m.text for m in entity.mentions if m.kind == "descriptor"]
    assert descriptors == ["Президент"]


def test_descriptors_former_holder_is_someone_else(resolve, entity_of):
    doc = resolve(
        "Президент Олег Ветров открыл форум. Бывший президент выступил с критикой. "
        "Президенты соседних стран прислали приветствия."
    )
    entity = entity_of(doc, "Олег Ветров")
    texts = [m.text for m in entity.mentions if m.kind == "descriptor"]
    assert texts == ["Президент"]


def test_descriptors_bare_institution_takes_the_country_the_text_is_about(resolve, entity_of):
    doc = resolve("Выборы в Чили назначены на май. Чилийская оппозиция недовольна, а чилийские "
                  "студенты вышли на улицы. Правительство призвало граждан сохранять спокойствие.")
    assert entity_of(doc, "Правительство").name == "правительство Чили"


def test_descriptors_bare_institution_keeps_its_noun_when_no_country_dominates(resolve, entity_of):
    doc = resolve("Делегации Чили и Перу встретились в Женеве. Правительство призвало к диалогу.")
    assert entity_of(doc, "Правительство").name.lower() == "правительство"


def test_descriptors_head_of_a_region_is_its_governor_not_the_mayor(resolve, entity_of):
    doc = resolve(
        "Глава города Иван Смирнов открыл мост. Губернатор области Олег Петров приехал позже. "
        "Глава региона сказал, что мост нужен всем."
    )
    assert any(m.text == "Глава региона" for m in entity_of(doc, "Олег Петров").mentions)
    assert not any(m.text == "Глава региона" for m in entity_of(doc, "Иван Смирнов").mentions)


def test_descriptors_a_role_of_one_class_and_body_names_the_same_person(resolve, entity_of):
    doc = resolve(
        "Пресс-секретарь министерства Ольга Зимина прокомментировала решение. "
        "Представитель министерства отметила, что проверка продолжится."
    )
    assert any(m.text == "Представитель министерства" for m in entity_of(doc, "Ольга Зимина").mentions)
