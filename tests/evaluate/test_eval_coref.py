from __future__ import annotations

from fractions import Fraction

import pytest

from ruextract.evaluate.coref import clean_clusters, gold_clusters, predicted_clusters, score_coref
from ruextract.evaluate.gold import factru_document


def spans(*names: str) -> list[tuple[int, int]]:
    """One mention per letter: "a" is (0, 1), "b" is (1, 2), ..."""
    return [(ord(name) - ord("a"), ord(name) - ord("a") + 1) for name in names]


def close(value: float, fraction: Fraction | float) -> bool:
    return value == pytest.approx(float(fraction))


def test_coref_muc_vilain_example():
    # Vilain et al. 1995: key {A B C D}; response {A B} {C D}.
    # recall = (4 - 2 parts) / (4 - 1) = 2/3; precision = ((2-1) + (2-1)) / ((2-1) + (2-1)) = 1
    scores = score_coref([[spans("a", "b", "c", "d")]], [[spans("a", "b"), spans("c", "d")]])
    assert close(scores["muc"]["r"], Fraction(2, 3)) and scores["muc"]["p"] == 1.0
    assert close(scores["muc"]["f1"], Fraction(4, 5))


def test_coref_b_cubed_and_muc_bagga_baldwin_example():
    # Bagga & Baldwin 1998: key {1-5} {6 7} {8 9 A B C}; response {1-5} {6 7 8 9 A B C}
    key = [spans(*"abcde"), spans(*"fg"), spans(*"hijkl")]
    response = [spans(*"abcde"), spans(*"fghijkl")]
    scores = score_coref([key], [response])
    # B3 precision = (5 * 5/5 + 2 * 2/7 + 5 * 5/7) / 12 = (5 + 29/7) / 12 = 16/21; recall = 1
    assert close(scores["b3"]["p"], Fraction(16, 21)) and scores["b3"]["r"] == 1.0
    # MUC: recall (4 + 1 + 4) / 9 = 1; precision (4 + (7 - 2)) / (4 + 6) = 9/10
    assert scores["muc"]["r"] == 1.0 and close(scores["muc"]["p"], Fraction(9, 10))
    # CEAF-e: phi({1-5},{1-5}) = 1, phi({8..C},{6..C}) = 10/12 beats phi({6 7},{6..C}) = 4/9,
    # total 11/6: recall 11/6 / 3 = 11/18, precision 11/6 / 2 = 11/12, F1 = 11/15
    assert close(scores["ceafe"]["r"], Fraction(11, 18))
    assert close(scores["ceafe"]["p"], Fraction(11, 12))
    assert close(scores["ceafe"]["f1"], Fraction(11, 15))
    mean = (scores["muc"]["f1"] + scores["b3"]["f1"] + scores["ceafe"]["f1"]) / 3
    assert scores["conll_f1"] == pytest.approx(mean)


def test_coref_ceaf_e_needs_the_optimal_alignment_not_greedy():
    # key K1 {a b c d}, K2 {e f}; response R1 {a b c e f}, R2 {d}
    # phi(K1,R1) = 2*3/9 = 2/3, phi(K2,R1) = 2*2/7 = 4/7, phi(K1,R2) = 2*1/5 = 2/5, phi(K2,R2) = 0
    # greedy takes the best pair K1-R1 (2/3) and is left with K2-R2 (0): total 2/3, P = R = 1/3;
    # optimal K1-R2 + K2-R1 = 2/5 + 4/7 = 34/35: P = R = 17/35
    scores = score_coref([[spans(*"abcd"), spans(*"ef")]], [[spans(*"abcef"), spans("d")]])
    assert close(scores["ceafe"]["p"], Fraction(17, 35))
    assert close(scores["ceafe"]["r"], Fraction(17, 35))


def test_coref_perfect_and_empty_inputs():
    doc = [spans("a", "b"), spans("c")]
    perfect = score_coref([doc], [doc])
    assert all(perfect[m] == {"p": 1.0, "r": 1.0, "f1": 1.0} for m in ("b3", "ceafe", "muc"))
    assert perfect["conll_f1"] == 1.0
    for gold, pred in (([], []), ([[]], [[]]), ([doc], [[]]), ([[]], [doc])):
        scores = score_coref(gold, pred)  # 0/0 is 0.0, nothing raises
        assert scores["conll_f1"] == 0.0
    assert score_coref([doc], [[]])["mentions"] == {"gold": 3, "pred": 0, "common": 0}
    with pytest.raises(ValueError):
        score_coref([doc], [])


def test_coref_twinless_mentions_count_against_both_sides():
    # key {a b}; response {a c}: b is missed, c is spurious (kept on its side only)
    scores = score_coref([[spans("a", "b")]], [[spans("a", "c")]])
    # MUC: {a b} splits into {a} and the unmatched b -> (2 - 2) / 1 = 0; symmetric precision 0
    assert scores["muc"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    # B3: recall (1^2 / 2) / 2 = 1/4; precision (1^2 / 2) / 2 = 1/4
    assert close(scores["b3"]["r"], 0.25) and close(scores["b3"]["p"], 0.25)
    # CEAF-e: phi = 2*1/4 = 1/2, one cluster each side: P = R = 1/2
    assert close(scores["ceafe"]["f1"], 0.5)
    assert close(scores["conll_f1"], (0 + 0.25 + 0.5) / 3)


def test_coref_singletons_kept_by_default_and_droppable():
    # key {a} {b}; response {a b}
    kept = score_coref([[spans("a"), spans("b")]], [[spans("a", "b")]])
    # MUC: singletons have no links: recall 0/0 = 0; precision (2 - 2) / 1 = 0
    assert kept["muc"]["f1"] == 0.0
    # B3 recall (1 + 1) / 2 = 1; precision (1/2 + 1/2) / 2 = 1/2
    assert kept["b3"]["r"] == 1.0 and close(kept["b3"]["p"], 0.5)
    # CEAF-e: phi({a},{a b}) = 2/3 for one of them: recall 2/3 / 2 = 1/3, precision 2/3 / 1
    assert close(kept["ceafe"]["r"], Fraction(1, 3)) and close(kept["ceafe"]["p"], Fraction(2, 3))
    # without singletons the key is empty: every recall is 0/0 = 0
    dropped = score_coref([[spans("a"), spans("b")]], [[spans("a", "b")]], singletons=False)
    assert dropped["b3"]["r"] == 0.0 and dropped["mentions"]["gold"] == 0


def test_coref_repeated_mentions_stay_in_their_first_cluster():
    cleaned = clean_clusters([spans("a", "b", "a"), spans("b", "c"), []])
    assert cleaned == [spans("a", "b"), spans("c")]
    # JSON gives lists, not tuples: accepted
    assert score_coref([[[[0, 1], [1, 2]]]], [[[(0, 1), (1, 2)]]])["conll_f1"] == 1.0


def test_coref_factru_gold_clusters_and_predicted_entities(factru_line):
    doc = factru_document(factru_line)
    # coref c1 = entities 2 and 3; c2 is a Project only (dropped); entity 1 is in no coref
    # object: a singleton, by its outer span 6-14
    assert gold_clusters(doc) == [[(16, 28), (42, 51)], [(6, 14)]]
    output = {"id": "f1", "entities": [
        {"id": "e1", "type": "PER", "name": "Пётр Сидоров", "mentions": [
            {"start": 16, "end": 28, "text": "", "kind": "name"},
            {"start": 42, "end": 51, "text": "", "kind": "alias"}]},
    ]}
    assert predicted_clusters(output) == [[(16, 28), (42, 51)]]
