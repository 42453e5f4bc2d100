from __future__ import annotations

import itertools
import random

from ruextract.evaluate.matching import max_matching, max_weight_assignment


def test_matching_max_matching_reroutes_an_earlier_pair():
    # left 0 may take right 0 or 1, left 1 only right 0: taking (0, 0) first would leave
    # left 1 alone; the augmenting path moves left 0 to right 1, so both are matched
    assert max_matching({0: [0, 1], 1: [0]}) == {0: 1, 1: 0}


def test_matching_max_matching_empty_and_isolated_nodes():
    assert max_matching({}) == {}
    assert max_matching({"a": [], "b": ["x"], "c": ["x"]}) in ({"b": "x"}, {"c": "x"})


def test_matching_assignment_beats_greedy():
    # greedy takes the heaviest pair (a, x) = 0.9 and then nothing (b only likes x): 0.9;
    # the optimum is (a, y) + (b, x) = 0.8 + 0.7 = 1.5
    weights = {("a", "x"): 0.9, ("a", "y"): 0.8, ("b", "x"): 0.7}
    assert max_weight_assignment(weights) == {"a": "y", "b": "x"}


def test_matching_assignment_equals_brute_force_on_random_matrices():
    rng = random.Random(7)
    for _trial in range(300):
        rows, columns = rng.randint(1, 5), rng.randint(1, 5)
        weights = {
            (r, c): rng.choice([0, 0, 1, 2, rng.random()])
            for r in range(rows)
            for c in range(columns)
        }
        positive = {pair: w for pair, w in weights.items() if w > 0}
        found = max_weight_assignment(positive)
        assert len(set(found.values())) == len(found)
        total = sum(weights[pair] for pair in found.items())
        if rows <= columns:
            best = max(
                sum(weights[r, c] for r, c in zip(range(rows), perm))
                for perm in itertools.permutations(range(columns), rows)
            )
        else:
            best = max(
                sum(weights[r, c] for r, c in zip(perm, range(columns)))
                for perm in itertools.permutations(range(rows), columns)
            )
        assert abs(total - best) < 1e-9


def test_matching_assignment_of_nothing_is_empty():
    assert max_weight_assignment({}) == {}
    assert max_weight_assignment({("a", "x"): 0.0}) == {}
