from __future__ import annotations

import json

import numpy as np
import pytest

from ruextract.errors import ModelNotFound
from ruextract.linear import read_pack, softmax, sparse_logits

VOCAB = {"a": 0, "b": 1, "c": 2}
WEIGHTS = np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 3.0]], dtype=np.float32)
BIAS = np.array([0.5, -0.5], dtype=np.float32)


def test_sparse_logits_sum_known_rows_and_ignore_unknown_features():
    logits = sparse_logits(VOCAB, WEIGHTS, BIAS, [["a", "b"], ["zzz"], ["c", "a", "nope"]])
    assert logits.tolist() == [[1.5, 1.5], [0.5, -0.5], [4.5, 2.5]]


def test_sparse_logits_of_no_pairs_and_of_pairs_without_features():
    assert sparse_logits(VOCAB, WEIGHTS, BIAS, []).shape == (0, 2)
    assert sparse_logits(VOCAB, WEIGHTS, BIAS, [[], []]).tolist() == [[0.5, -0.5]] * 2


def test_softmax_rows_sum_to_one_even_for_large_logits():
    probabilities = softmax(np.array([[1000.0, 1000.0], [0.0, np.log(3.0)]]))
    assert np.allclose(probabilities, [[0.5, 0.5], [0.25, 0.75]])


def test_read_pack_says_which_model_is_missing_or_of_another_protocol(tmp_path):
    with pytest.raises(ModelNotFound, match="the test model"):
        read_pack(tmp_path / "missing.npz", "the test model", 1)
    path = tmp_path / "old.npz"
    np.savez(path, meta=np.array(json.dumps({"protocol": 0})), weights=WEIGHTS)
    with pytest.raises(ModelNotFound, match="protocol 1"):
        read_pack(path, "the test model", 1)
    np.savez(path, meta=np.array(json.dumps({"protocol": 1, "x": 2})), weights=WEIGHTS)
    meta, arrays = read_pack(path, "the test model", 1)
    assert meta["x"] == 2 and arrays["weights"].tolist() == WEIGHTS.tolist()


def test_bucket_names_the_first_edge_a_count_does_not_exceed_for_any_edges():
    from ruextract.linear import bucket

    for edges in [(0, 1, 2, 4), [0, 1, 2, 4]]:  # a tuple is remembered, a list is not
        assert [bucket(value, edges) for value in (-1, 0, 1, 3, 4, 5, 3)] == ["0", "0", "1", "4", "4", "more", "4"]
    assert bucket(3, (2, 5)) == "5" and bucket(3, (3, 5)) == "3"  # the same count, other edges
