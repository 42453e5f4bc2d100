from __future__ import annotations

from datetime import date

import ruextract
from ruextract import Document, Timex
from ruextract.events import EventStage

from .conftest import name_of, only


def test_stage_passive_voice_gives_patient_and_place(event_nlp):
    doc = event_nlp("Вчера в Казани были задержаны трое грабителей.")
    event = only(doc, "ARREST")
    assert event.trigger.text == "задержаны"
    assert event.arg_spans["patient"].text == "трое грабителей"
    assert name_of(doc, event.args["place"]) == "Казань"
    assert "agent" not in event.args


def test_stage_nominalisation_takes_genitive_patient(event_nlp):
    doc = event_nlp("Задержание двух хакеров прошло в Омске.")
    event = only(doc, "ARREST")
    assert event.trigger.text == "Задержание"
    assert event.arg_spans["patient"].text == "двух хакеров"
    assert name_of(doc, event.args["place"]) == "Омск"


def test_stage_participle_describes_its_noun(event_nlp):
    doc = event_nlp("Задержанный в Самаре мужчина признался в краже.")
    event = only(doc, "ARREST")
    assert event.arg_spans["patient"].text == "мужчина"


def test_stage_time_from_a_timex_in_the_clause(event_nlp):
    text = "Пятого мая в Казани задержали двух грабителей."
    doc = event_nlp.pipe([text]).__next__()
    # the time stage is someone else's: put a timex in by hand and rerun our stage
    doc.timexes = [Timex(id="t1", start=0, end=10, text=text[:10], type="DATE", value="2021-05-05")]
    EventStage().process([doc])
    assert only(doc, "ARREST").args["time"] == "t1"


def test_stage_works_without_timexes():
    no_time = ruextract.load(exclude=("time",))
    doc = no_time("Пятого мая в Казани задержали двух грабителей.")
    assert "time" not in only(doc, "ARREST").args


def test_stage_empty_document_has_no_events(event_nlp):
    doc = event_nlp("")
    assert doc.error is None
    assert doc.events == [] and doc.records == []


def test_stage_without_tokens_assigns_empty_list():
    doc = Document(text="Нет токенов.", published=date(2021, 1, 1))
    doc.events = ["stale"]  # type: ignore[list-item]
    EventStage().process([doc])
    assert doc.events == []


def test_stage_a_phrase_trigger_needs_its_words_close_together(event_nlp):
    from ruextract.events.syntax import Tree

    parse = event_nlp.without("events", "links", "relations", "records")
    doc = parse("Петров подал заявление, а через много лет долгой работы в правительстве пришла отставка.")
    words = [token.text for token in doc.tokens]
    verb, noun = words.index("подал"), words.index("отставка")
    stage = event_nlp["events"]
    near = parse("Петров подал в отставку.")
    near_words = [token.text for token in near.tokens]
    assert stage.candidate(Tree(near), near_words.index("подал"))[0] == "RESIGNATION"
    doc.tokens[noun].head = verb  # a parse that hangs a far word on the verb
    found = stage.candidate(Tree(doc), verb)
    assert found is None or found[0] != "RESIGNATION"
