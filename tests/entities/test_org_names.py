"""Organisation names NER tags in pieces or that an abbreviation stands for: a unit's abbreviation
before its parent ("ГУ" + "МВД России"), a regional branch ("... по г. Москве"), and an
abbreviation of a name that ends in its country ("СК" / "Следственный комитет России")."""

from __future__ import annotations

import ruextract


def names(doc: ruextract.Document) -> dict[str, str]:
    """Mention text -> its entity's name."""
    return {mention.text: entity.name for entity in doc.entities for mention in entity.mentions}


def test_a_units_abbreviation_and_its_regional_branch_are_one_organisation(nlp):
    doc = nlp("Сотрудники ГУ МВД России по г. Москве задержали подозреваемого.")
    assert names(doc)["ГУ МВД России по г. Москве"] == "ГУ МВД России по г. Москве"
    assert names(doc)["МВД России"] == "МВД России"  # the parent stays a mention of its own


def test_a_branch_named_with_or_without_the_city_word_is_one_organisation(nlp):
    doc = nlp("Сотрудник УВД по городу Казани сообщил об аварии. Позже в УВД по г. Казани "
              "уточнили, что пострадавших нет.")
    found = names(doc)
    assert found["УВД по городу Казани"] == found["УВД по г. Казани"]


def test_a_country_after_por_is_no_branch(nlp):
    doc = nlp("Спецпосланник ООН по Сирии прибыл в Женеву.")
    assert names(doc)["ООН"] == "ООН"


def test_an_abbreviation_joins_a_name_that_ends_in_its_country(nlp):
    doc = nlp("Следственный комитет России возбудил дело. По данным СК, улик достаточно.")
    found = names(doc)
    assert found["СК"] == found["Следственный комитет России"]
