from __future__ import annotations

from ruextract.events import EventStage, Lexicon


def test_lexicon_ships_at_least_thirty_types():
    lexicon = Lexicon.load()
    assert len(lexicon.types) >= 30
    assert lexicon.verbs["задержать"] == "ARREST"
    assert lexicon.nouns["теракт"] == "ATTACK"


def test_lexicon_builds_phrases_from_data():
    lexicon = Lexicon.build(
        {"RESIGNATION": {"nouns": ["отставка"], "phrases": ["подать + отставка"], "genitive": "agent"}},
        {"light": ["совершить"]},
    )
    assert lexicon.types["RESIGNATION"].genitive == "agent"
    assert {phrase.lemmas for phrase in lexicon.phrases["подать"]} == {frozenset({"подать", "отставка"})}
    assert "совершить" in lexicon.light


def _gated(rates: dict, **gate) -> EventStage:
    table = {"_gate": {"min_seen": 5, "min_rate": 0.2, "extend_seen": 3, "extend_rate": 0.5, **gate},
             "ELECTION": {"plural": ["выбор"], "nouns": ["назначение"]},
             "STATEMENT": {"nouns": ["заявление"], "nerel": False}}
    return EventStage(Lexicon.build(table, {}, rates), triggers=False)  # the rate gate alone


def test_lexicon_rates_drop_a_lemma_rarely_an_event(event_nlp):
    doc = event_nlp.pipe(["Назначение препарата обсуждали на выборах."]).__next__()
    stage = _gated({"lemmas": {"назначение/N": [1, 20], "выбор/N": [9, 10]}})
    stage.process([doc])
    assert [event.trigger.text for event in doc.events] == ["выборах"]


def test_lexicon_rates_never_drop_a_type_nerel_does_not_annotate(event_nlp):
    doc = event_nlp.pipe(["Заявление прозвучало вечером."]).__next__()
    _gated({"lemmas": {"заявление/N": [0, 50]}}).process([doc])
    assert [event.type for event in doc.events] == ["STATEMENT"]


def test_lexicon_extends_a_trigger_by_dependents_the_event_usually_spans(event_nlp):
    doc = event_nlp.pipe(["Прошли президентские выборы."]).__next__()
    _gated({"extend": {"amod президентский": [8, 10]}}).process([doc])
    assert [event.trigger.text for event in doc.events] == ["президентские выборы"]
    _gated({"extend": {"amod президентский": [2, 10]}}).process([doc])
    assert [event.trigger.text for event in doc.events] == ["выборы"]
