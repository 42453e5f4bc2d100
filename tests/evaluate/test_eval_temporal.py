from __future__ import annotations

from ruextract.evaluate.gold import GoldDocument, GoldEntity, GoldTimex
from ruextract.evaluate.predictions import Example
from ruextract.evaluate.temporal import evaluate_time, score_time_detection, score_time_values


def timex(start, end, value, type="DATE", mod=None):
    return GoldTimex(start=start, end=end, type=type, value=value, mod=mod)


def test_temporal_detection_exact_and_overlap():
    # gold 0-10, 20-25, 30-35; pred 0-10 (exact), 21-23 (inside 20-25), 21-24 (inside it too),
    # 50-55 (spurious), 0-10 again (duplicate, once).
    # exact: TP 1, pred 4, gold 3 -> P 1/4, R 1/3
    # overlap: 0-10 and one of the two inside 20-25: TP 2 -> P 2/4, R 2/3
    gold = [[(0, 10), (20, 25), (30, 35)]]
    pred = [[(0, 10), (21, 23), (21, 24), (50, 55), (0, 10)]]
    scores = score_time_detection(gold, pred)
    assert (scores["exact"]["tp"], scores["exact"]["pred"], scores["exact"]["gold"]) == (1, 4, 3)
    assert (scores["overlap"]["p"], scores["overlap"]["r"]) == (0.5, 2 / 3)
    assert score_time_detection([[]], [[]])["exact"]["f1"] == 0.0


def test_temporal_values_are_shares_of_gold_expressions():
    gold = [[
        timex(0, 10, "2020-01-02"),  # found with the right value and type
        timex(20, 30, "2019", mod="AFTER"),  # found, right value, wrong mod, wrong type
        timex(40, 45, "P2Y", type="DURATION"),  # found, wrong value, right type
        timex(60, 70, "2020-01"),  # missed
    ]]
    pred = [[
        timex(0, 10, "2020-01-02"),
        timex(22, 30, "2019", type="TIME"),
        timex(40, 45, "P3Y", type="DURATION"),
        timex(80, 90, "2021"),  # spurious: values are accuracies over gold, it costs nothing here
    ]]
    scores = score_time_values(gold, pred)
    # detected 3/4; value 2/4; value and mod 1/4; type 2/4
    assert scores == {"gold": 4, "detected": 0.75, "value": 0.5, "value_mod": 0.25, "type": 0.5}
    assert score_time_values([[]], [pred[0]]) == {
        "gold": 0, "detected": 0.0, "value": 0.0, "value_mod": 0.0, "type": 0.0}


def test_temporal_evaluate_reads_nerel_spans_and_contract_timexes():
    nerel = GoldDocument(id="n", text="", format="nerel", entities=[
        GoldEntity(id="T1", type="DATE", start=0, end=10, text=""),
        GoldEntity(id="T2", type="TIME", start=12, end=15, text=""),
        GoldEntity(id="T3", type="PERSON", start=20, end=25, text=""),
    ])
    side = GoldDocument(id="v", text="", format="side", timexes=[timex(0, 4, "2020")])
    output = {"id": "n", "timexes": [
        {"id": "t1", "start": 0, "end": 10, "text": "", "type": "DATE", "value": "2020"}]}
    scores = evaluate_time([
        Example(gold=nerel, predicted=output),
        Example(gold=side, predicted={"id": "v", "timexes": [
            {"id": "t1", "start": 0, "end": 4, "text": "", "type": "DATE", "value": "2020"}]}),
    ])
    # NEREL DATE + TIME are gold (2), PERSON is not; one exact hit: P 1, R 1/2
    assert scores["detection"]["exact"]["p"] == 1.0 and scores["detection"]["exact"]["r"] == 0.5
    assert scores["values"]["value"] == 1.0
