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
