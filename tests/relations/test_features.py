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
