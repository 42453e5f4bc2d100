from ruextract.entities import EntityStage


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


def test_names_man_first_name_in_the_genitive_is_normalised(resolve, entity_of):
    doc = resolve("По словам шерифа Эда Гонзалеса, стрелок задержан.")
    entity = entity_of(doc, "Эда Гонзалеса")
    assert entity is not None and entity.name == "Эд Гонзалес"


def test_names_transliteration_variants_join(handmade):
    words = [("Вентворт", "PROPN"), ("Миллер", "PROPN"), ("и", "CCONJ"), ("Уэнтуорт", "PROPN"),
             ("Миллер", "PROPN"), (";", "PUNCT"), ("Миллер", "PROPN")]
    doc = handmade(words, [(0, 2, "PER"), (3, 5, "PER"), (6, 7, "PER")])
    EntityStage().process([doc])
    assert len(doc.entities) == 1


def test_names_surname_one_letter_apart_joins_the_full_name(handmade):
    words = [("Екатерина", "PROPN"), ("Сабирова", "PROPN"), ("и", "CCONJ"), ("Сабурова", "PROPN")]
    doc = handmade(words, [(0, 2, "PER"), (3, 4, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Екатерина Сабирова"]


def test_names_short_surnames_one_letter_apart_stay_apart(handmade):
    words = [("Иван", "PROPN"), ("Ким", "PROPN"), ("и", "CCONJ"), ("Кем", "PROPN")]
    doc = handmade(words, [(0, 2, "PER"), (3, 4, "PER")])
    EntityStage().process([doc])
    assert len(doc.entities) == 2


def test_names_different_first_names_with_variant_surnames_stay_apart(handmade):
    words = [("Иван", "PROPN"), ("Сабиров", "PROPN"), ("и", "CCONJ"), ("Олег", "PROPN"),
             ("Сабуров", "PROPN")]
    doc = handmade(words, [(0, 2, "PER"), (3, 5, "PER")])
    EntityStage().process([doc])
    assert len(doc.entities) == 2


def test_names_spanish_ll_variants_join(handmade):
    words = [("Диего", "PROPN"), ("Кабельо", "PROPN"), ("и", "CCONJ"), ("Кабейо", "PROPN")]
    doc = handmade(words, [(0, 2, "PER"), (3, 4, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Диего Кабельо"]


def test_names_first_and_middle_name_part_joins(handmade):
    words = [("Джон", "PROPN"), ("Бадди", "PROPN"), ("Смит", "PROPN"), ("и", "CCONJ"),
             ("Бадди", "PROPN"), ("Смит", "PROPN")]
    doc = handmade(words, [(0, 3, "PER"), (4, 6, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Джон Бадди Смит"]


def test_names_person_canonical_name_leaves_the_nickname_out(handmade):
    words = [("Джон", "PROPN"), ("«", "PUNCT"), ("Бадди", "PROPN"), ("»", "PUNCT"),
             ("Смит", "PROPN"), ("пришёл", "VERB")]
    doc = handmade(words, [(0, 5, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Джон Смит"]


def test_names_first_name_and_patronymic_join_the_full_name(handmade):
    words = [("Иван", "PROPN"), ("Петров", "PROPN"), ("и", "CCONJ"), ("Иван", "PROPN"),
             ("Сергеевич", "PROPN")]
    doc = handmade(words, [(0, 2, "PER"), (3, 5, "PER")])
    EntityStage().process([doc])
    assert [entity.name for entity in doc.entities] == ["Иван Петров"]


def test_names_woman_surname_in_an_oblique_case_joins_her_full_name(resolve, entity_of):
    doc = resolve("Надежда Белкина пришла в суд. По словам Белкиной, заседание перенесли.")
    entity = entity_of(doc, "Белкиной")
    assert entity is not None and entity.name == "Надежда Белкина"


def test_names_woman_name_in_the_accusative_is_normalised_in_every_word(resolve, entity_of):
    doc = resolve("Суд оставил Анну Белову под стражей.")
    entity = entity_of(doc, "Анну Белову")
    assert entity is not None and entity.name == "Анна Белова"


def test_names_title_before_a_first_name_joins_the_full_name(resolve, entity_of):
    doc = resolve("Эмир Катара шейх Хамад бен Халифа Аль Тани объявил об отставке. "
                  "Шейх Хамад сказал, что доволен.")
    entity = entity_of(doc, "Хамад")
    assert entity is not None and entity.name == "Хамад бен Халифа Аль Тани"


def test_names_father_name_after_ben_is_no_surname(resolve, entity_of):
    doc = resolve("Хамад бен Халифа Аль Тани объявил, что власть перейдёт к Тамиму бен Хамаду. "
                  "Хамад сказал, что доволен.")
    son, father = entity_of(doc, "Тамиму бен Хамаду"), entity_of(doc, "Хамад")
    assert son is not None and father is not None and son.id != father.id
    assert father.name == "Хамад бен Халифа Аль Тани"


def test_names_plural_name_keeps_its_number_in_the_nominative(resolve, entity_of):
    doc = resolve("Об этом пишет корреспондент Известий. Туристы вернулись с Филиппин.")
    assert entity_of(doc, "Известий").name == "Известия"
    assert entity_of(doc, "Филиппин").name == "Филиппины"
