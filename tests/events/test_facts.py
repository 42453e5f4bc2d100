from __future__ import annotations


def _facts(doc, type):
    return [fact for fact in doc.facts if fact.type == type]


def test_facts_meeting_of_two_named_people(event_nlp):
    doc = event_nlp("Иван Петров встретился с Сергеем Ивановым в Омске.")
    (meeting,) = _facts(doc, "Meeting")
    assert sorted(span.text for span in meeting.slots.values()) == ["Иван Петров", "Сергеем Ивановым"]
    assert set(meeting.slots) == {"Participant", "Participant2"}


def test_facts_one_side_alone_is_no_deal(event_nlp):
    doc = event_nlp("Покупка обсуждалась весь день.")
    assert _facts(doc, "Deal") == []


def test_facts_scorer_reads_numbered_roles():
    from ruextract.evaluate.facts import _unique_predicted

    (fact,) = _unique_predicted([{"type": "Deal", "slots": {"Participant": "А", "Participant2": "Б"}}])
    assert fact == ("Deal", [("Participant", "А"), ("Participant", "Б")])
