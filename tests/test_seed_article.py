"""The seed article end to end: what issue #2 asks of the core pipeline."""

from __future__ import annotations


def entity_names(doc, type):
    return {entity.name for entity in doc.entities if entity.type == type}


def test_seed_article_person_is_one_entity_with_full_name(seed_doc):
    people = [entity for entity in seed_doc.entities if "Путин" in entity.name]
    assert len(people) == 1
    putin = people[0]
    assert putin.type == "PER" and putin.name == "Владимир Путин"
    assert sum(mention.text == "Путин" for mention in putin.mentions) >= 6


def test_seed_article_locations_and_organisations(seed_doc):
    assert {"США", "Россия", "Сирия", "Москва", "Санкт-Петербург"} <= entity_names(seed_doc, "LOC")
    assert {"ФБР", "ИГИЛ"} <= entity_names(seed_doc, "ORG")


def test_seed_article_every_offset_indexes_the_text(seed_doc, seed_text):
    assert seed_doc.text == seed_text
    for token in seed_doc.tokens:
        assert seed_text[token.start : token.end] == token.text
    for entity in seed_doc.entities:
        for mention in entity.mentions:
            assert seed_text[mention.start : mention.end] == mention.text
    output = seed_doc.output()
    for entity in output["entities"]:
        for mention in entity["mentions"]:
            assert seed_text[mention["start"] : mention["end"]] == mention["text"]


def test_seed_article_output_follows_the_contract(seed_doc):
    output = seed_doc.output()
    assert list(output)[:7] == [
        "id", "published", "entities", "quotes", "timexes", "events", "relations"
    ]
    assert output["id"] == "seed" and output["published"] == "2020-10-26"
    assert "error" not in output
