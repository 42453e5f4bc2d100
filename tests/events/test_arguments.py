from __future__ import annotations


from .conftest import name_of, only


def test_arguments_agent_recipient_and_cause(event_nlp):
    doc = event_nlp("Иван Петров поблагодарил Германию за помощь.")
    event = only(doc, "THANKS")
    assert name_of(doc, event.args["agent"]) == "Иван Петров"
    assert name_of(doc, event.args["recipient"]) == "Германия"
    assert event.arg_spans["cause"].text == "помощь"


def test_arguments_participant_and_place_of_a_meeting(event_nlp):
    doc = event_nlp("Мэр Томска встретился с послом Франции в Томске.")
    event = only(doc, "MEETING")
    spans = event.arg_spans
    assert spans["participant"].text == "послом Франции"
    assert name_of(doc, event.args["place"]) == "Томск"


def test_arguments_preposition_k_with_inanimate_is_no_recipient(event_nlp):
    doc = event_nlp("Суд приговорил бывшего мэра Рязани к пяти годам заключения.")
    event = only(doc, "CONVICTION")
    assert "recipient" not in event.args and "recipient" not in event.arg_spans
    assert event.arg_spans["patient"].text == "бывшего мэра Рязани"


def test_arguments_name_beside_a_title_is_the_argument(event_nlp):
    doc = event_nlp("В Москве умер композитор Иван Петров.")
    event = only(doc, "DEATH")
    assert name_of(doc, event.args["patient"]) == "Иван Петров"  # who dies undergoes it
    assert "agent" not in event.args


def test_arguments_place_named_inside_a_locative_phrase(event_nlp):
    doc = event_nlp("Мужчину задержали в городе Омске.")
    assert name_of(doc, only(doc, "ARREST").args["place"]) == "Омск"
