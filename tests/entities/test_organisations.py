def test_organisations_type_noun_and_bare_name_join(handmade):
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


def test_organisations_country_as_adjective_or_genitive_is_one(resolve, entity_of):
    doc = resolve(
        "Правительство Японии одобрило закон. Позже японское правительство выделило деньги."
    )
    entity = entity_of(doc, "Правительство Японии")
    assert entity is not None and entity.type == "ORG"
    assert any(m.text == "японское правительство" for m in entity.mentions)
