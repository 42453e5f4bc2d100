def test_aliases_demonyms_and_actor_adjectives_join_the_country(resolve, entity_of):
    doc = resolve(
        "Переговоры с Францией продолжаются. Французская сторона предложила новый план, "
        "а французы настаивают на его принятии."
    )
    entity = entity_of(doc, "Францией")
    assert entity is not None and entity.name == "Франция"
    kinds = {mention.text: mention.kind for mention in entity.mentions}
    assert kinds.get("Французская сторона") == "alias" and kinds.get("французы") == "alias"


def test_aliases_capital_as_actor_is_the_country_as_place_is_the_city(resolve, entity_of):
    doc = resolve("Министр прилетел в Лондон. Лондон заявил протест Москве.")
    city = [e for e in doc.entities if e.name == "Лондон"]
    country = entity_of(doc, "Лондон")
    assert city and any(m.text == "Лондон" and m.kind == "name" for m in city[0].mentions)
    actors = [e for e in doc.entities if e.name == "Великобритания"]
    assert actors and any(m.kind == "alias" for m in actors[0].mentions)
    assert country is not None


def test_aliases_seat_of_power_stands_for_the_government(resolve, entity_of):
    doc = resolve("Кремль не стал комментировать заявление. Россия ответит позже.")
    entity = entity_of(doc, "Кремль")
    assert entity is not None and entity.name == "Россия"


def test_aliases_adjective_of_a_country_the_text_never_names_is_its_mention(resolve, entity_of):
    doc = resolve("Итальянский прокурор Марко Росси допросил свидетелей.")
    italy = entity_of(doc, "Итальянский")
    assert italy is not None and italy.type == "LOC" and italy.name == "Италия"


def test_aliases_adjective_of_a_named_country_stays_out_of_its_mentions(resolve, entity_of):
    doc = resolve("Италия ответила. Итальянский прокурор Марко Росси допросил свидетелей.")
    italy = entity_of(doc, "Италия")
    assert italy is not None and [mention.text for mention in italy.mentions] == ["Италия"]


def test_aliases_seat_of_power_as_a_place_is_an_organisation(resolve, entity_of):
    doc = resolve("В Кремле заявили, что решение принято.")
    assert entity_of(doc, "Кремле").type == "ORG"
