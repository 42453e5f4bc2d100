from __future__ import annotations

import pytest

from ruextract.evaluate.gold import nerel_document
from ruextract.evaluate.ner import gold_items, predicted_items, score_ner


def test_ner_nested_gold_spans_all_count():
    # gold: ORG "мэрии Москвы" (0-12) with LOC "Москвы" (6-12) inside it; the system finds the LOC
    gold = [{(0, 12, "ORG"), (6, 12, "LOC")}]
    pred = [{(6, 12, "LOC")}]
    exact = score_ner(gold, pred)["exact"]
    # LOC 1/1/1, ORG 0 of 1 gold; micro P = 1/1, R = 1/2, F1 = 2/3
    assert exact["per_type"]["LOC"]["f1"] == 1.0
    assert exact["per_type"]["ORG"] == {
        "p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 1}
    assert exact["micro"]["p"] == 1.0 and exact["micro"]["r"] == 0.5
    assert exact["micro"]["f1"] == pytest.approx(2 / 3)
    # macro F1 = mean(1.0, 0.0) = 0.5; macro P = mean(1.0, 0.0) = 0.5 (ORG: 0/0 is 0.0)
    assert exact["macro"] == {"p": 0.5, "r": 0.5, "f1": 0.5}


def test_ner_discontinuous_gold_scores_by_outer_span(nerel_line):
    doc = nerel_document(nerel_line)
    gold = gold_items(doc)
    # T5 "ЗАО ... Лютик" has fragments 24-27 and 38-43: it is the item (24, 43, ORG)
    assert gold == {(4, 10, "LOC"), (11, 22, "PER"), (24, 35, "ORG"), (24, 43, "ORG")}
    scores = score_ner([gold], [{(24, 43, "ORG")}])
    assert scores["exact"]["per_type"]["ORG"]["tp"] == 1  # outer span matches exactly
    # predicting only the first fragment: no exact match; it overlaps both ORG golds but
    # counts once (one to one): TP 1, P 1/1, R 1/2
    fragment = score_ner([gold], [{(24, 27, "ORG")}])
    assert fragment["exact"]["per_type"]["ORG"]["tp"] == 0
    assert fragment["overlap"]["per_type"]["ORG"] == {
        "p": 1.0, "r": 0.5, "f1": pytest.approx(2 / 3), "tp": 1, "pred": 1, "gold": 2}


def test_ner_duplicate_predictions_count_once():
    gold = [[(0, 5, "PER")]]
    pred = [[(0, 5, "PER"), (0, 5, "PER"), (0, 5, "PER")]]
    micro = score_ner(gold, pred)["exact"]["micro"]
    assert (micro["tp"], micro["pred"], micro["gold"], micro["p"]) == (1, 1, 1, 1.0)


def test_ner_overlap_is_one_to_one():
    # one long prediction over two gold names: 1 TP, 1 FN -> P 1/1, R 1/2
    wide = score_ner([{(0, 5, "PER"), (6, 10, "PER")}], [{(0, 10, "PER")}])["overlap"]["micro"]
    assert (wide["tp"], wide["p"], wide["r"]) == (1, 1.0, 0.5)
    # two predictions inside one gold name: 1 TP, 1 FP -> P 1/2, R 1/1
    split = score_ner([{(0, 10, "PER")}], [{(0, 4, "PER"), (5, 10, "PER")}])["overlap"]["micro"]
    assert (split["tp"], split["p"], split["r"]) == (1, 0.5, 1.0)
    # overlap needs the same type
    typed = score_ner([{(0, 10, "PER")}], [{(0, 10, "ORG")}])["overlap"]["micro"]
    assert typed["tp"] == 0


def test_ner_overlap_finds_the_largest_matching():
    # gold A 0-10, B 10-20; pred x 5-15 overlaps both, y 0-3 overlaps only A.
    # pairing x with A first would leave y alone; the maximum matching is y-A, x-B: 2 TPs
    scores = score_ner([{(0, 10, "LOC"), (10, 20, "LOC")}], [{(5, 15, "LOC"), (0, 3, "LOC")}])
    assert scores["overlap"]["micro"]["tp"] == 2
    assert scores["exact"]["micro"]["tp"] == 0


def test_ner_empty_predictions_and_empty_gold_give_zeros_not_errors():
    nothing = score_ner([{(0, 5, "PER"), (6, 9, "LOC")}], [set()])["exact"]
    assert nothing["micro"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 2}
    assert nothing["macro"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    spurious = score_ner([set()], [{(0, 5, "PER")}])["exact"]["micro"]
    assert (spurious["p"], spurious["r"], spurious["f1"]) == (0.0, 0.0, 0.0)
    empty = score_ner([], [])["overlap"]
    assert empty["per_type"] == {} and empty["micro"]["f1"] == 0.0 and empty["macro"]["f1"] == 0.0
    with pytest.raises(ValueError):
        score_ner([set()], [])


def test_ner_predicted_items_are_name_mentions_typed_by_entity():
    output = {"id": "d", "entities": [
        {"id": "e1", "type": "PER", "name": "Иван Петров", "mentions": [
            {"start": 0, "end": 11, "text": "Иван Петров", "kind": "name"},
            {"start": 20, "end": 22, "text": "он", "kind": "pronoun"},
            {"start": 30, "end": 36, "text": "Петров"},  # no kind: a name
        ]},
        {"id": "e2", "type": "ORG", "name": "ООО", "mentions": [
            {"start": 40, "end": 50, "text": "компания", "kind": "descriptor"}]},
    ]}
    assert predicted_items(output) == {(0, 11, "PER"), (30, 36, "PER")}
    assert predicted_items({"id": "d", "error": {"type": "X", "message": "m"}}) == set()
