from ruextract.entities.tables import load_tables, name_key


def test_tables_countries_short_forms_and_adjectives():
    tables = load_tables()
    usa = tables.lookup(name_key("Соединенные Штаты"))
    assert usa is not None and usa.type == "LOC"
    assert tables.lookup(name_key("США")) == usa == tables.lookup(name_key("Америка"))
    assert tables.adjectives["американск"] == usa


def test_tables_metonyms_point_at_countries():
    tables = load_tables()
    assert tables.seats[name_key("Кремль")].name == "Россия"
    assert tables.capitals[name_key("Вашингтон")].name == "США"


def test_tables_every_organisation_is_typed_org():
    tables = load_tables()
    nato = tables.lookup(name_key("НАТО"))
    assert nato is not None and nato.type == "ORG"
