"""``ruextract.fast_slovnet.FastCNNEncoder`` computes what slovnet's CNN encoder computes."""

from __future__ import annotations

import numpy as np
import pytest

from ruextract.fast_slovnet import FastCNNEncoder
from ruextract.resources import (
    MORPH_FILE,
    NER_FILE,
    SYNTAX_FILE,
    natasha_data_dir,
    shared_resources,
)

SENTENCES = [
    ["Мэр", "города", "Иван", "Петров", "в", "среду", "встретился", "с", "жителями", "."],
    ["Он", "сказал", ",", "что", "«", "всё", "будет", "хорошо", "»", "."],
    ["Да"],
]


def slovnet_original(kind: str, name: str):
    """The model as slovnet itself loads it: its own encoder, its own vocabulary."""
    from slovnet import api

    loader = {"morph": api.Morph, "syntax": api.Syntax, "ner": api.NER}[kind]
    return loader.load(str(natasha_data_dir() / name)).navec(shared_resources().navec)


def test_fast_encoder_equals_slovnet_on_random_batches_with_padding():
    encoder = shared_resources().morph_tagger.infer.model.encoder
    assert isinstance(encoder, FastCNNEncoder)
    original = slovnet_original("morph", MORPH_FILE).infer.model.encoder
    rng = np.random.default_rng(0)
    x = rng.normal(size=(5, 9, 330)).astype(np.float32)
    mask = np.zeros((5, 9), dtype=bool)
    mask[1, 4:] = mask[3, 1:] = True  # padded positions
    expected = original(x, mask)
    got = encoder(x, mask)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    assert np.allclose(got, expected, atol=1e-4)
    assert not got[1, 4:].any()


@pytest.mark.parametrize(
    "kind,name,attribute",
    [("morph", MORPH_FILE, "morph_tagger"), ("syntax", SYNTAX_FILE, "syntax_parser"),
     ("ner", NER_FILE, "ner_tagger")],
)
def test_fast_encoder_gives_slovnets_outputs(kind, name, attribute):
    original = slovnet_original(kind, name)
    ours = getattr(shared_resources(), attribute)
    items = [" ".join(words) for words in SENTENCES] if kind == "ner" else SENTENCES  # NER takes text
    for expected, got in zip(original.map(items), ours.map(items)):
        assert got == expected


def test_models_share_one_word_table_with_slovnets_ids():
    resources = shared_resources()
    encoders = [resources.morph_tagger.infer.encoder, resources.syntax_parser.infer.encoder,
                resources.ner_tagger.infer.encoder]
    original = slovnet_original("morph", MORPH_FILE).infer.encoder
    words = ["Москва", "МОСКВА", "москве", "2020", "«", "Jean-Paul", "ёлка", "ЁЛКА", "qwertyйцук"]
    for encoder in encoders:
        assert encoder.item(words) == original.item(words)
    assert encoders[0].table is encoders[1].table is encoders[2].table


def test_word_table_empties_when_full():
    from ruextract.fast_slovnet import WordIds

    resources = shared_resources()
    shapes = resources.morph_tagger.infer.encoder.shapes_vocab
    table = WordIds(resources.words_vocab, shapes, size=3)
    ids = [table(word) for word in ["а", "б", "в", "г", "а"]]
    assert ids[0] == ids[4] and len(table._ids) <= 3


def test_fast_embedding_and_encoder_equal_slovnet_on_word_ids():
    """The distinct-words path: repeated words, padding, every model."""
    resources = shared_resources()
    for kind, name, attribute in [("morph", MORPH_FILE, "morph_tagger"),
                                  ("syntax", SYNTAX_FILE, "syntax_parser"),
                                  ("ner", NER_FILE, "ner_tagger")]:
        original = slovnet_original(kind, name).infer
        ours = getattr(resources, attribute).infer
        batch = next(iter(original.encoder([SENTENCES[0], SENTENCES[0][:4] * 2, SENTENCES[2]])))
        assert batch.pad_mask.any()
        expected = original.model.encoder(
            original.model.emb(batch.word_id, batch.shape_id), batch.pad_mask)
        got = ours.model.encoder(ours.model.emb(batch.word_id, batch.shape_id), batch.pad_mask)
        assert np.allclose(got, expected, atol=1e-4), kind


def test_first_products_kept_across_batches_equal_a_fresh_product_and_stay_bounded():
    from ruextract.fast_slovnet import FastEmbedding, FirstProducts

    model = shared_resources().morph_tagger.infer.model
    embedding: FastEmbedding = model.emb
    stacked = model.encoder.layers[0].stacked
    products = FirstProducts(stacked, capacity=5)
    first = embedding(np.array([[10, 20, 30, 40]]), np.array([[1, 1, 2, 1]]))
    second = embedding(np.array([[20, 50, 30, 60, 70, 80]]), np.array([[1, 1, 2, 1, 1, 1]]))
    one_new = embedding(np.array([[10, 90]]), np.array([[1, 1]]))  # one word not seen before
    for words in (first, second, one_new):
        got = products(words)
        assert np.array_equal(got, words.embed() @ stacked)  # bit for bit, cached rows or not
    assert len(products.rows) == 5 and products.table.shape[0] == 5


def test_fast_crf_decodes_the_tags_slovnets_crf_decodes():
    from slovnet.exec.model import CRF

    from ruextract.fast_slovnet import FastCRF

    fast = shared_resources().ner_tagger.infer.model.head.crf
    assert isinstance(fast, FastCRF)
    original = CRF.__new__(CRF)
    original.transitions = fast.transitions
    rng = np.random.default_rng(1)
    tags = fast.transitions.array.shape[0]
    for trial in range(200):
        batch, length = int(rng.integers(1, 6)), int(rng.integers(1, 12))
        emissions = rng.standard_normal((batch, length, tags)).astype(np.float32)
        if trial % 3 == 0:
            emissions = np.round(emissions)  # ties between tags
        lengths = rng.integers(0, length + 1, size=batch)  # padding, and an empty row
        mask = np.arange(length)[None, :] < lengths[:, None]
        for expected, got in zip(original.decode(emissions, mask), fast.decode(emissions, mask), strict=True):
            assert got.dtype == expected.dtype and np.array_equal(got, expected)


def test_fast_embedding_gives_slovnets_word_and_shape_vectors_bit_for_bit():
    model = shared_resources().ner_tagger.infer.model
    words, shapes = np.array([[5, 7, 249_000, 5, 0, 1]]), np.array([[1, 3, 2, 1, 0, 4]])
    keys = model.emb(words, shapes).keys
    got = model.emb.embed(keys)
    expected = model.emb.embedding(*np.divmod(keys, model.emb.shapes))
    assert got.dtype == expected.dtype and got.shape == expected.shape == (5, 330)
    assert np.array_equal(got, expected)


def test_fast_layer_sums_each_window_as_the_zero_padded_convolution_does():
    layer = shared_resources().syntax_parser.infer.model.encoder.layers[1]
    rng = np.random.default_rng(1)
    x = rng.normal(size=(3, 7, layer.stacked.shape[0])).astype(np.float32)
    x[1, 5:] = 0  # a padded tail
    padded = np.pad(x, ((0, 0), (layer.padding, layer.padding), (0, 0)))
    expected = padded[:, 0:7] @ layer.kernel[0]
    for k in range(1, len(layer.kernel)):
        expected += padded[:, k:k + 7] @ layer.kernel[k]
    expected = layer.finish(expected)
    assert np.array_equal(layer(x), expected)


def test_shape_of_is_slovnets_word_shape():
    from slovnet.shape import word_shape

    from ruextract.fast_slovnet import shape_of

    for word in ["Москва", "МВД", "москва", "Jean-Paul", "2020", "«", "...", "Ростов-на-Дону", "x"]:
        assert shape_of(word) == word_shape(word)
