from __future__ import annotations

from ruextract.evaluate.gold import nerel_document
from ruextract.evaluate.predictions import Example
from ruextract.evaluate.relations import evaluate_relations, predicted_items, score_relations

# Gold: mentions T1 "Петров" (0, 6), T2 "ЗАО" (10, 13), T3 "он" (20, 22), T4 "ЗАО" (30, 33);
# NEREL links mentions: WORKPLACE(T1, T2) and again WORKPLACE(T3, T4) for the same referents.
GOLD_LINE = {
    "id": "d",
    "text": "x" * 40,
    "entities": [
        {"id": "T1", "type": "PERSON", "start": 0, "end": 6, "text": ""},
        {"id": "T2", "type": "ORGANIZATION", "start": 10, "end": 13, "text": ""},
        {"id": "T3", "type": "PERSON", "start": 20, "end": 22, "text": ""},
        {"id": "T4", "type": "ORGANIZATION", "start": 30, "end": 33, "text": ""},
    ],
    "relations": [
        {"id": "R1", "type": "WORKPLACE", "head": "T1", "tail": "T2"},
        {"id": "R2", "type": "WORKPLACE", "head": "T3", "tail": "T4"},
    ],
}

# The library's entities: e1 = Петров + он, e2 = both ЗАО mentions
ENTITIES = [
    {"id": "e1", "type": "PER", "name": "Петров", "mentions": [
        {"start": 0, "end": 6, "text": ""},
        {"start": 20, "end": 22, "text": "", "kind": "pronoun"}]},
    {"id": "e2", "type": "ORG", "name": "ЗАО", "mentions": [
        {"start": 10, "end": 13, "text": ""}, {"start": 30, "end": 33, "text": ""}]},
]


def output(*relations):
    return {"id": "d", "entities": ENTITIES, "relations": [
        {"type": type, "head": head, "tail": tail} for type, head, tail in relations]}


def scores_for(*relations, gold_entities=False):
    example = Example(gold=nerel_document(GOLD_LINE), predicted=output(*relations))
    return evaluate_relations([example], gold_entities=gold_entities)


def test_relations_entity_level_prediction_matches_one_gold_mention_pair():
    # one predicted WORKPLACE(e1, e2) stands for both gold pairs but counts once (one to one):
    # TP 1, pred 1, gold 2 -> P 1, R 1/2
    micro = scores_for(("WORKPLACE", "e1", "e2"))["micro"]
    assert (micro["tp"], micro["pred"], micro["gold"]) == (1, 1, 2)
    assert (micro["p"], micro["r"]) == (1.0, 0.5)


def test_relations_direction_and_type_must_match():
    assert scores_for(("WORKPLACE", "e2", "e1"))["micro"]["tp"] == 0
    wrong_type = scores_for(("MEMBER_OF", "e1", "e2"))
    assert wrong_type["micro"]["tp"] == 0
    # per type: MEMBER_OF has 1 pred and no gold, WORKPLACE 2 gold and no pred
    assert wrong_type["per_type"]["MEMBER_OF"]["pred"] == 1
    assert wrong_type["per_type"]["WORKPLACE"]["gold"] == 2
    assert wrong_type["macro"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_relations_duplicates_count_once_and_unknown_entities_match_nothing():
    micro = scores_for(("WORKPLACE", "e1", "e2"), ("WORKPLACE", "e1", "e2"))["micro"]
    assert (micro["tp"], micro["pred"]) == (1, 1)
    assert predicted_items(output(("WORKPLACE", "e9", "e2")))[0][1] == set()


def test_relations_gold_entities_mode_uses_gold_ids():
    # predictions name gold mentions; R1 right, R2 reversed: TP 1, pred 2, gold 2
    micro = scores_for(("WORKPLACE", "T1", "T2"), ("WORKPLACE", "T4", "T3"),
                       gold_entities=True)["micro"]
    assert (micro["tp"], micro["pred"], micro["gold"]) == (1, 2, 2)
    assert micro["f1"] == 0.5


def test_relations_span_items_and_empty_sides():
    gold = [{("WORKS_AS", (0, 6), (8, 14))}]
    entity_level = [[("WORKS_AS", {(0, 6)}, {(8, 14), (40, 46)})]]
    assert score_relations(gold, entity_level)["micro"]["f1"] == 1.0
    assert score_relations(gold, [[]])["micro"] == {
        "p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 1}
    assert score_relations([[]], [[]])["micro"]["f1"] == 0.0
    assert score_relations([], [])["per_type"] == {}


def test_relations_event_and_timex_ids_resolve_to_trigger_and_timex_spans():
    # gold: AGENT(T1 "Петров" -> T5 trigger at 24-28), POINT_IN_TIME(T5 -> T6 date at 34-38)
    line = {**GOLD_LINE,
            "entities": GOLD_LINE["entities"] + [
                {"id": "T5", "type": "EVENT", "start": 24, "end": 28, "text": ""},
                {"id": "T6", "type": "DATE", "start": 34, "end": 38, "text": ""}],
            "relations": [{"id": "R1", "type": "AGENT", "head": "T1", "tail": "T5"},
                          {"id": "R2", "type": "POINT_IN_TIME", "head": "T5", "tail": "T6"}]}
    predicted = {"id": "d", "entities": ENTITIES,
                 "events": [{"id": "v1", "type": "ARREST", "trigger": {"start": 24, "end": 28, "text": ""}}],
                 "timexes": [{"id": "t1", "type": "DATE", "value": "2020", "start": 34, "end": 38, "text": ""}],
                 "relations": [{"type": "AGENT", "head": "e1", "tail": "v1"},
                               {"type": "POINT_IN_TIME", "head": "v1", "tail": "t1"},
                               {"type": "POINT_IN_TIME", "head": "v1", "tail": "t9"}]}
    scores = evaluate_relations([Example(gold=nerel_document(line), predicted=predicted)])
    assert (scores["micro"]["tp"], scores["micro"]["pred"], scores["micro"]["gold"]) == (2, 3, 2)
    assert predicted_items(predicted)[2][2] == set()


def test_relations_event_overlap_lets_a_shorter_trigger_stand_for_its_gold_event():
    # gold EVENT 24-38 (a trigger with its object); our trigger is 24-28, linked to the right agent
    line = {**GOLD_LINE,
            "entities": GOLD_LINE["entities"] + [
                {"id": "T5", "type": "EVENT", "start": 24, "end": 38, "text": ""}],
            "relations": [{"id": "R1", "type": "AGENT", "head": "T1", "tail": "T5"}]}
    predicted = {"id": "d", "entities": ENTITIES,
                 "events": [{"id": "v1", "type": "ARREST", "trigger": {"start": 24, "end": 28, "text": ""}},
                            {"id": "v2", "type": "ARREST", "trigger": {"start": 30, "end": 33, "text": ""}}],
                 "relations": [{"type": "AGENT", "head": "e1", "tail": "v1"},
                               {"type": "AGENT", "head": "e1", "tail": "v2"}]}
    example = Example(gold=nerel_document(line), predicted=predicted)
    assert evaluate_relations([example])["micro"]["tp"] == 0  # exact trigger spans
    scores = evaluate_relations([example], event_overlap=True)
    # one to one: the gold event stands for one of the two overlapping triggers only
    assert (scores["micro"]["tp"], scores["micro"]["pred"], scores["micro"]["gold"]) == (1, 2, 1)


def test_relations_an_entity_related_to_itself_stands_for_its_two_mentions():
    # gold: ALTERNATIVE_NAME between two mentions of e1 (T1 0-6 and T3 20-22)
    line = {**GOLD_LINE, "relations": [{"id": "R1", "type": "ALTERNATIVE_NAME", "head": "T1", "tail": "T3"}]}
    gold = nerel_document(line)
    spans = {entity.id: entity.span for entity in gold.entities}
    mention = lambda key: {"start": spans[key][0], "end": spans[key][1], "text": ""}  # noqa: E731
    right = {"type": "ALTERNATIVE_NAME", "head": "e1", "tail": "e1",
             "head_mention": mention("T1"), "tail_mention": mention("T3")}
    wrong = {**right, "head_mention": mention("T3"), "tail_mention": mention("T1")}  # direction
    for relation, tp in ((right, 1), (wrong, 0)):
        predicted = {"id": "d", "entities": ENTITIES, "relations": [relation]}
        assert evaluate_relations([Example(gold=gold, predicted=predicted)])["micro"]["tp"] == tp


def test_relations_the_mention_a_relation_was_read_from_stands_for_its_argument():
    # gold WORKPLACE(T1, T4); e2 has no mention at 30-33 in this prediction, but the relation
    # says it was read from that mention (an adjective for a place reads the same way)
    entities = [ENTITIES[0], {**ENTITIES[1], "mentions": [{"start": 10, "end": 13, "text": ""}]}]
    line = {**GOLD_LINE, "relations": [{"id": "R1", "type": "WORKPLACE", "head": "T1", "tail": "T4"}]}
    relation = {"type": "WORKPLACE", "head": "e1", "tail": "e2"}
    for extra, tp in (({}, 0), ({"tail_mention": {"start": 30, "end": 33, "text": ""}}, 1)):
        predicted = {"id": "d", "entities": entities, "relations": [{**relation, **extra}]}
        scores = evaluate_relations([Example(gold=nerel_document(line), predicted=predicted)])
        assert scores["micro"]["tp"] == tp
