from __future__ import annotations

import pytest

from ruextract.evaluate.facts import score_facts, text_key
from ruextract.evaluate.gold import GoldFact, GoldSlot


def occupation(who: str, where: str, id: str = "x", who_spans=(), position=None) -> GoldFact:
    slots = [
        GoldSlot(role="Who", kind="obj", texts=(who,), spans=tuple(who_spans)),
        GoldSlot(role="Where", kind="obj", texts=(where,), spans=()),
    ]
    if position:
        slots.append(GoldSlot(role="Position", kind="span", texts=(position[2],),
                              spans=((position[0], position[1]),)))
    return GoldFact(id=id, type="Occupation", slots=tuple(slots))


def test_facts_text_key_ignores_case_yo_punctuation_and_word_order():
    assert text_key("Семёнов, Пётр") == text_key("пётр семенов") == "петр семенов"
    assert text_key("«Газпром»") == text_key("газпром")


def test_facts_slots_match_by_text_alternatives_and_span_overlap():
    gold = [[GoldFact(id="x", type="Occupation", slots=(
        GoldSlot(role="Who", kind="obj", texts=("Лужков Юрий", "Лужков"), spans=((50, 56),)),
        GoldSlot(role="Position", kind="span", texts=("мэра",), spans=((10, 14),)),
        GoldSlot(role="Where", kind="obj", texts=("Москва",), spans=((15, 21),)),
    ))]]
    pred = [[{"type": "Occupation", "slots": {
        "Who": "Юрий Лужков",  # word order does not matter
        "Job": {"start": 11, "end": 13},  # Job is Position; overlaps 10-14
        "Where": "Петербург",  # wrong
    }}]]
    scores = score_facts(gold, pred)
    # 2 of 3 slots: P = R = 2/3
    occ = scores["per_type"]["Occupation"]
    assert (occ["tp"], occ["pred"], occ["gold"]) == (2, 3, 3)
    assert occ["f1"] == pytest.approx(2 / 3)
    assert scores["per_role"]["Occupation.Where"]["tp"] == 0
    assert scores["per_role"]["Occupation.Position"]["tp"] == 1
    # an alternative text, and a span on a mention of the referent, also fill Who
    for who in ("лужков", {"start": 52, "end": 60}):
        again = score_facts(gold, [[{"type": "Occupation", "slots": {"Who": who}}]])
        assert again["per_type"]["Occupation"]["tp"] == 1


def test_facts_slots_of_different_facts_do_not_combine():
    # gold: (A works at X), (B works at Y); pred: (A works at Y) pairs with one gold fact only:
    # 1 slot of 2 predicted, 1 of 4 gold. Pooling slots across facts would wrongly give 2.
    gold = [[occupation("A", "X", id="1"), occupation("B", "Y", id="2")]]
    pred = [[{"type": "Occupation", "slots": {"Who": "A", "Where": "Y"}}]]
    occ = score_facts(gold, pred)["per_type"]["Occupation"]
    assert (occ["tp"], occ["pred"], occ["gold"]) == (1, 2, 4)


def test_facts_alignment_is_optimal():
    # gold G1 (Who A, Where X), G2 (Who A, Where Y); pred P1 (Who A), P2 (Who A, Where X).
    # In list order G1 would take P1 (1 slot) and leave G2-P2 (1 slot): 2. The best pairing is
    # G1-P2 (2 slots) + G2-P1 (1 slot) = 3
    gold = [[occupation("A", "X", id="1"), occupation("A", "Y", id="2")]]
    pred = [[{"type": "Occupation", "slots": {"Who": "A"}},
             {"type": "Occupation", "slots": {"Who": "A", "Where": "X"}}]]
    assert score_facts(gold, pred)["per_type"]["Occupation"]["tp"] == 3


def test_facts_multi_valued_roles_duplicates_and_unscored_roles():
    deal = GoldFact(id="d", type="Deal", slots=(
        GoldSlot(role="Participant", kind="obj", texts=("Газпром",), spans=()),
        GoldSlot(role="Participant", kind="obj", texts=("Белтрансгаз",), spans=()),
    ))
    pred = {"type": "Deal",
            "slots": {"Participant": ["ОАО «Газпром»", "Газпром"], "Type": "покупка"}}
    # "ОАО «Газпром»" is not "газпром" (OAO is a word); "Газпром" matches; Type is not scored;
    # the identical second fact counts once: TP 1, pred 2, gold 2
    deal_scores = score_facts([[deal]], [[pred, dict(pred)]])["per_type"]["Deal"]
    assert (deal_scores["tp"], deal_scores["pred"], deal_scores["gold"]) == (1, 2, 2)


def test_facts_empty_sides_and_unknown_types():
    gold = [[occupation("A", "X")]]
    assert score_facts(gold, [[]])["micro"] == {
        "p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 2}
    spurious = score_facts([[]], [[{"type": "Meeting", "slots": {"Participant": "A"}},
                                   {"type": "isPartOf", "slots": {"Whole": "B"}}]])
    assert spurious["micro"]["pred"] == 1 and spurious["micro"]["f1"] == 0.0
    nothing = score_facts([], [])
    assert nothing["micro"]["f1"] == 0.0 and nothing["macro"]["f1"] == 0.0
    with pytest.raises(ValueError):
        score_facts([[]], [[{"type": "Meeting", "slots": {"Participant": 5}}]])


def test_facts_repeated_gold_facts_count_once():
    # the same Occupation annotated twice (differing only in unscored attributes): 2 gold slots
    gold = [[occupation("A", "X", id="1"), occupation("A", "X", id="2")]]
    pred = [[{"type": "Occupation", "slots": {"Who": "A", "Where": "X"}}]]
    occ = score_facts(gold, pred)["per_type"]["Occupation"]
    assert (occ["tp"], occ["pred"], occ["gold"]) == (2, 2, 2)
