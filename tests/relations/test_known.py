from __future__ import annotations

import numpy as np

from ruextract.linear import sparse_logits
from ruextract.relations.known import STRINGS, KnownIds, id_logits


def _block(kind: str, word: str) -> list[str]:
    return [f"{kind}:{word}", "bias"]


def _word(word: str) -> list[str]:
    return ["w:" + word]


BLOCKS = ((_block, True), (_word, False))


def test_known_ids_give_the_known_vocabulary_ids_of_a_blocks_strings_in_order():
    vocab = {"bias": 0, "a:x": 1, "w:y": 2}
    block, word = KnownIds(vocab).bundle(BLOCKS)
    assert block["a", "x"] == [1, 0]
    assert block["b", "x"] == [0]  # "b:x" is unknown
    assert word["y"] == [2] and word["z"] == []
    strings_block, strings_word = STRINGS.bundle(BLOCKS)
    assert strings_block["a", "x"] == ["a:x", "bias"] and strings_word["z"] == ["w:z"]


def test_id_logits_equal_sparse_logits_of_the_same_features_bit_for_bit():
    rng = np.random.default_rng(3)
    vocab = {f"f{number}": number for number in range(50)}
    weights = rng.normal(size=(50, 4)).astype(np.float32)
    bias = rng.normal(size=4).astype(np.float32)
    rows = [[f"f{number}" for number in rng.integers(0, 60, size=size)] for size in (5, 0, 12, 1)]
    known = [[vocab[name] for name in row if name in vocab] for row in rows]
    assert np.array_equal(id_logits(weights, bias, known), sparse_logits(vocab, weights, bias, rows))
    full = [row for row in known if row]
    assert np.array_equal(id_logits(weights, bias, full),
                          sparse_logits(vocab, weights, bias, [[f"f{n}" for n in row] for row in full]))
