from __future__ import annotations

from .conftest import only


def test_modality_planned_from_a_planning_verb(event_nlp):
    doc = event_nlp("Боевики планировали взорвать мост.")
    assert only(doc, "EXPLOSION").modality == "planned"


def test_modality_prevented_object_of_a_preventing_verb(event_nlp):
    doc = event_nlp("Полиция предотвратила нападение на банк.")
    attack = only(doc, "ATTACK")
    prevention = only(doc, "PREVENTION")
    assert attack.modality == "prevented"
    assert prevention.args["event"] == attack.id


def test_modality_negated_by_particle(event_nlp):
    doc = event_nlp("Полиция не задержала подозреваемого.")
    assert only(doc, "ARREST").modality == "negated"


def test_modality_happened_by_default(event_nlp):
    doc = event_nlp("Полиция задержала подозреваемого.")
    assert only(doc, "ARREST").modality == "happened"


def test_modality_plan_of_the_arrested_is_prevented(event_nlp):
    doc = event_nlp("Задержаны двое мужчин, которые планировали взорвать мост.")
    assert only(doc, "EXPLOSION").modality == "prevented"


def test_modality_arrest_elsewhere_in_the_sentence_prevents_nothing(event_nlp):
    doc = event_nlp("Полиция задержала вора, а соседи планировали взорвать мост.")
    assert only(doc, "EXPLOSION").modality == "planned"


def test_modality_plan_governs_only_its_own_verb(event_nlp):
    doc = event_nlp("Адвокат пытается обжаловать арест клиента.")
    assert only(doc, "ARREST").modality != "planned"
