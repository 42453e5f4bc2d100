from __future__ import annotations

import pytest

import ruextract


@pytest.fixture(scope="module")
def nlp():
    return ruextract.load()


def owned(doc):
    names = {entity.id: entity.name for entity in doc.entities}
    return {(names[fact.args["Owner"]], names[fact.args["Property"]])
            for fact in doc.facts if fact.type == "Ownership"}


@pytest.mark.parametrize("text", [
    "Компания «Ромашка» принадлежит Ивану Петрову.",          # принадлежать: dative owner
    "Иван Петров владеет компанией «Ромашка».",               # владеть: instrumental property
    "Иван Петров, совладелец компании «Ромашка», заявил об этом.",  # an owner's position
    "В 2004 году Иван Петров основал компанию «Ромашка».",     # a founding event
])
def test_ownership_from_verbs_positions_and_founding(nlp, text):
    assert owned(nlp(text)) == {("Иван Петров", "Ромашка")}


def test_an_employee_is_no_owner(nlp):
    doc = nlp("Иван Петров, директор компании «Ромашка», заявил об этом.")
    assert any(fact.type == "Occupation" for fact in doc.facts)
    assert owned(doc) == set()


def test_ownership_facts_point_at_entities_and_text(nlp):
    doc = nlp("Иван Петров владеет компанией «Ромашка».")
    (fact,) = [fact for fact in doc.facts if fact.type == "Ownership"]
    assert all(doc.text[span.start:span.end] == span.text for span in fact.slots.values())
    assert set(fact.slots) == {"Owner", "Property"}
