from __future__ import annotations

from ruextract.relations.features import candidate_pairs
from ruextract.relations.mentions import Mention


def mention(ref: str, type: str, token: int, sentence: int) -> Mention:
    return Mention(token * 10, token * 10 + 5, type, ref, token, token + 1, token, sentence)


def test_a_sentence_without_persons_pairs_with_the_person_named_last():
    # s0: person A; s1: person B, place; s2: profession only ("Он стал министром"); s5: profession
    mentions = [mention("A", "PER", 0, 0), mention("B", "PER", 5, 1), mention("L", "LOC", 7, 1),
                mention("J", "PROFESSION", 12, 2), mention("K", "PROFESSION", 40, 5)]
    allowed = {("PER", "PROFESSION"), ("PER", "LOC")}
    pairs = {(mentions[a].ref, mentions[b].ref) for a, b, _n, _r in candidate_pairs(mentions, allowed)}
    assert ("B", "J") in pairs  # the last person before the person-less sentence
    assert ("A", "J") not in pairs
    assert ("B", "K") not in pairs  # three sentences back is too far
    assert ("B", "L") in pairs  # in-sentence pairs as before
    assert ("A", "L") not in pairs  # a sentence with a person pairs within itself only
    in_sentence = {(mentions[a].ref, mentions[b].ref)
                   for a, b, _n, _r in candidate_pairs(mentions, allowed, cross=False)}
    assert in_sentence == {("B", "L")}


def test_pair_features_name_the_word_both_mentions_hang_from_and_each_ones_governor(parse_nlp):
    from ruextract.relations.features import Context, pair_features
    from ruextract.relations.mentions import TokenIndex

    text = "Иван Петров работает в компании Ромашка."
    doc = parse_nlp(text)
    index = TokenIndex(doc)
    person = index.mention(0, len("Иван Петров"), "PER", "p")
    start = text.index("Ромашка")
    company = index.mention(start, start + len("Ромашка"), "ORG", "o")
    features = pair_features(Context(doc), person, company, 0)
    assert "Ctop:PER>ORG:работать" in features  # the verb both hang from
    assert "Chg:PER>ORG:nsubj:работать" in features  # the person is its subject


def test_pair_features_name_the_mention_holding_each_one_and_the_types_between(parse_nlp):
    from ruextract.relations.features import Context, pair_features
    from ruextract.relations.mentions import TokenIndex

    text = "Иван Петров, министр финансов Бразилии, посетил завод Ромашка."
    doc = parse_nlp(text)
    index = TokenIndex(doc)

    def at(words: str, type: str, ref: str):
        start = text.index(words)
        return index.mention(start, start + len(words), type, ref)

    person = at("Иван Петров", "PER", "p")
    position = at("министр финансов Бразилии", "PROFESSION", "j")
    country = at("Бразилии", "LOC", "c")
    plant = at("Ромашка", "ORG", "o")
    mentions = [person, position, country, plant]
    features = pair_features(Context(doc, mentions), person, country, 1)
    assert "Tin:PER>LOC:PROFESSION" in features  # the country lies inside the position
    assert "Hin:PER>LOC:-" in features  # nothing holds the person
    assert "Bt:PER>ORG:LOC|PROFESSION" in pair_features(Context(doc, mentions), person, plant, 2)
    assert "Thas:PER>PROFESSION:LOC" in pair_features(Context(doc, mentions), person, position, 0)
    assert "In:PROFESSION>LOC:t_in_h:end" in pair_features(Context(doc, mentions), position, country, 0)
    ministry = at("финансов", "ORG", "m")
    inner = pair_features(Context(doc, mentions + [ministry]), ministry, country, 0)
    assert "Box:ORG>LOC:PROFESSION" in inner  # side by side inside the position
    assert not any(name.startswith("Box:") for name in features)
    # without the document's mentions the context adds none of these
    assert not any(name.startswith(("Tin:", "Hin:", "Bt:")) for name in pair_features(Context(doc), person, country, 1))
