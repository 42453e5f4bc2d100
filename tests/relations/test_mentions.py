from __future__ import annotations

from ruextract.relations.mentions import TokenIndex, coarse_type, dependency_path


def test_mentions_token_index_maps_characters_to_tokens(parse_nlp):
    doc = parse_nlp("Глава банка Пётр Орлов уехал.")
    index = TokenIndex(doc)
    start = doc.text.index("Пётр Орлов")
    mention = index.mention(start, start + len("Пётр Орлов"), "PER", "e1")
    assert (mention.first, mention.last) == (2, 4)
    assert doc.tokens[mention.head].text in ("Пётр", "Орлов")
    assert mention.sentence == 0


def test_mentions_dependency_path_is_symmetric_in_length(parse_nlp):
    doc = parse_nlp("Глава банка Пётр Орлов уехал.")
    there, _inner = dependency_path(doc, 0, 1)
    back, _inner = dependency_path(doc, 1, 0)
    assert there.count("^") == back.count("_") and there.count("_") == back.count("^")


def test_mentions_coarse_types():
    assert coarse_type("CITY") == "LOC" and coarse_type("PERSON") == "PER" and coarse_type("EVENT") == "EVENT"


def test_stage_adds_ages_place_adjectives_and_positions_on_our_own_entities(relation_nlp):
    doc = relation_nlp("Пётр Ильин, 58 лет, встретился в Нарве с нарвскими студентами и бывшим мэром.")
    by_type = {}
    for mention in relation_nlp["relations"].mentions(doc):
        by_type.setdefault(mention.type, []).append(doc.text[mention.start:mention.end])
    assert "58 лет" in by_type.get("AGE", [])
    assert "нарвскими" in by_type.get("LOC", [])
    # a position phrase leaves out adjectives that describe the person ("бывший")
    assert "мэром" in by_type.get("PROFESSION", [])


def test_gold_typed_entities_get_no_extra_mentions(parse_nlp):
    from ruextract.records import Entity as E, Mention as M
    from ruextract.relations import RelationStage

    doc = parse_nlp("Пётр Ильин, 58 лет, живёт в Нарве.")
    start = doc.text.index("Пётр Ильин")
    doc.entities = [E.model_construct(id="T1", type="PERSON", name="Пётр Ильин", aliases=[], roles=[],
                                      mentions=[M(start=start, end=start + 10, text="Пётр Ильин")])]
    assert [m.type for m in RelationStage().mentions(doc)] == ["PERSON"]
