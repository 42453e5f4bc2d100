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


def _event(doc, type: str, trigger: str):
    return next(event for event in doc.events if event.type == type and event.trigger.text == trigger)


def test_seed_article_events_of_the_issue(seed_doc):
    """Issue #7's seed events, from general rules and models (published 2020-10-26)."""
    names = {entity.id: entity.name for entity in seed_doc.entities}
    times = {timex.id: (timex.value, timex.mod) for timex in seed_doc.timexes}
    thanks = _event(seed_doc, "THANKS", "поблагодарил")
    assert names[thanks.args["agent"]] == "Владимир Путин" and names[thanks.args["recipient"]] == "США"
    assert times[thanks.args["time"]] == ("2020-02", "END")
    arrest = _event(seed_doc, "ARREST", "задержаны")
    assert arrest.arg_spans["patient"].text == "два террориста ИГИЛ"
    assert times[arrest.args["time"]][0] == "2019-12-27" and names[arrest.args["place"]] == "Санкт-Петербург"
    assert "ФБР" in arrest.arg_spans["cause"].text
    holidays = _event(seed_doc, "ATTACK", "теракты")
    assert holidays.modality == "prevented" and times[holidays.args["time"]][0] == "2019-12-31/2020-01-08"
    release = _event(seed_doc, "RELEASE", "освободили")  # "они его освободили": the citizen, not Путин
    assert release.arg_spans["patient"].text == "американского гражданина" and "patient" not in release.args
    transfer = _event(seed_doc, "TRANSFER", "передали")
    assert transfer.arg_spans["patient"].text == "американского гражданина"
    assert "США" in transfer.arg_spans["recipient"].text and names[transfer.args["place"]] == "Москва"


def test_seed_article_records_read_as_sentences(seed_doc):
    summaries = {record.type: [] for record in seed_doc.records}
    for record in seed_doc.records:
        summaries[record.type].append(record.summary)
    assert "Путин поблагодарил США за предоставленную информацию (конец февраля 2020)" in summaries["THANKS"]
    # an infinitive keeps the verb it completes, with the relative clause's antecedent as subject
    assert any("помогла предотвратить теракт" in summary for summary in summaries["PREVENTION"])
