from __future__ import annotations

from ruextract import Document
from ruextract.events.merge import merge_model_arguments
from ruextract.records import Event, Relation, Span


def _doc(**args) -> Document:
    text = "Иван задержал Петра в Омске."
    doc = Document(text=text)
    doc.events = [Event(id="ev1", type="ARREST", trigger=Span(start=5, end=13, text="задержал"), **args)]
    doc.relations = [Relation(type="TAKES_PLACE_IN", head="ev1", tail="e3"),
                     Relation(type="AGENT", head="e1", tail="ev1"),
                     Relation(type="PARTICIPANT_IN", head="e2", tail="ev1")]
    return doc


def test_merge_model_fills_empty_roles():
    doc = _doc()
    merge_model_arguments(doc, {"place": "model", "agent": "rules", "participant": "model"})
    assert doc.events[0].args == {"place": "e3", "agent": "e1", "participant": "e2"}


def test_merge_policy_decides_who_wins_a_role_both_fill():
    doc = _doc(args={"place": "e9", "agent": "e8"})
    merge_model_arguments(doc, {"place": "model", "agent": "rules"})
    assert doc.events[0].args["place"] == "e3" and doc.events[0].args["agent"] == "e8"


def test_merge_never_replaces_a_phrase_the_rules_found():
    doc = _doc(arg_spans={"agent": Span(start=0, end=4, text="Иван")})
    merge_model_arguments(doc, {"agent": "model"})
    assert "agent" not in doc.events[0].args and doc.events[0].arg_spans["agent"].text == "Иван"


def test_merge_participant_already_an_argument_is_not_repeated():
    doc = _doc(args={"patient": "e2"})
    merge_model_arguments(doc, {"participant": "model"})
    assert "participant" not in doc.events[0].args
