"""The NEREL tagger's parts that need no trained pack: BIO decoding and the padded convolution."""

from __future__ import annotations

import numpy as np

from ruextract.document import Document
from ruextract.ner.nerel import bio_ranges, convolve, token_inputs


def test_bio_ranges_reads_spans_and_starts_one_at_a_stray_inside_tag():
    assert bio_ranges(np.array([0, 1, 2, 0, 2, 2, 1, 1])) == [(1, 3), (4, 6), (6, 7), (7, 8)]
    assert bio_ranges(np.array([], dtype=np.int64)) == []


def test_convolve_keeps_padding_rows_zero_and_sees_only_its_window():
    x = np.zeros((7, 1), dtype=np.float32)
    x[3] = 1.0  # one token: its neighbours within width 3 see it
    weight = np.ones((3, 1, 1), dtype=np.float32)
    keep = np.ones((7, 1), dtype=np.float32)
    keep[0] = keep[6] = 0
    out = convolve(x, weight, np.zeros(1, dtype=np.float32), keep)
    assert out[:, 0].tolist() == [0, 0, 1, 1, 1, 0, 0]


def test_token_inputs_flag_quoted_words_and_separate_sentences(nlp):
    doc = nlp.without(*[name for name in nlp.names if name not in ("segment", "morph", "ner")])(
        "Он читал «Белую зиму». Потом уснул.")
    inputs = token_inputs(doc, {}, 0)
    quoted = [token.text for token, flags in zip(doc.tokens, inputs.flags) if flags[0]]
    assert quoted == ["Белую", "зиму"]
    # sentences lie apart by the padding: the second sentence's first row is not right after the first's last
    second = doc.sentences[1].tokens[0]
    assert inputs.rows[second] - inputs.rows[second - 1] > 1
    assert token_inputs(Document(text=""), {}, 0).length == 0


def test_nerel_stage_pickles_without_the_tagger_it_loaded():
    import pickle

    from ruextract.ner.nerel import NerelStage

    stage = NerelStage()
    assert stage.tagger is not None  # loaded
    copy = pickle.loads(pickle.dumps(stage))
    assert copy._tagger is None and len(pickle.dumps(stage)) < 100_000
    assert copy.tagger.types == stage.tagger.types  # loads again on use


def test_tagger_reads_navecs_own_vectors_of_its_words():
    from ruextract.ner.nerel import NerelTagger
    from ruextract.resources import shared_resources

    navec = shared_resources().navec
    tagger = NerelTagger({"types": [], "shapes": [], "pos": [], "case": []}, {}, navec)
    words = ["москва", "суд", "москва", "<unk>"]
    ids = np.array([navec.vocab[word] for word in words])
    got = tagger.vectors(ids)
    assert got.dtype == np.float32 and got.shape == (4, 300)
    assert all(np.array_equal(row, navec[word]) for row, word in zip(got, words))
