from __future__ import annotations

import numpy as np
import pytest

from ruextract.errors import ModelNotFound
from ruextract.relations import RelationModel


def tiny_model() -> RelationModel:
    """Two labels, two sparse features, a 1-d projection (so 2 dense inputs)."""
    return RelationModel(
        labels=["NONE", "WORKS_AS"],
        vocab={"T:PER>PROFESSION": 0, "D:0": 1},
        sparse=np.array([[0.0, 3.0], [0.0, 1.0]], dtype=np.float32),
        dense=np.array([[0.0, 2.0], [0.0, 0.0]], dtype=np.float32),
        bias=np.array([1.0, 0.0], dtype=np.float32),
        projection=np.ones((300, 1), dtype=np.float32),
        allowed={("PER", "PROFESSION")},
        threshold=0.5,
        meta={"id": "tiny"},
    )


def test_model_save_load_round_trip(tmp_path):
    path = tmp_path / "tiny.npz"
    tiny_model().save(path)
    loaded = RelationModel.load(path)
    assert loaded.labels == ["NONE", "WORKS_AS"]
    assert loaded.vocab == {"T:PER>PROFESSION": 0, "D:0": 1}
    assert loaded.allowed == {("PER", "PROFESSION")}
    assert loaded.meta["id"] == "tiny" and loaded.threshold == 0.5


def test_model_numpy_inference_known_output(tmp_path):
    path = tmp_path / "tiny.npz"
    tiny_model().save(path)
    model = RelationModel.load(path)
    features = [["T:PER>PROFESSION", "D:0", "unknown"], ["unknown"], ["D:0"]]
    dense = np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    probabilities = model.scores(features, dense)
    # row 0: logits [1, 4]; row 1: [1, 0]; row 2: [1, 1 + 2]
    expected = np.array([[1.0, 4.0], [1.0, 0.0], [1.0, 3.0]])
    expected = np.exp(expected) / np.exp(expected).sum(axis=1, keepdims=True)
    assert np.allclose(probabilities, expected, atol=1e-3)
    labels = [label for label, _p in model.predict(features, dense)]
    assert labels == ["WORKS_AS", "NONE", "WORKS_AS"]


def test_model_missing_pack_says_so(tmp_path):
    with pytest.raises(ModelNotFound):
        RelationModel.load(tmp_path / "absent.npz")


def test_model_shipped_pack_loads():
    from ruextract.resources import models_dir

    model = RelationModel.load(models_dir() / "relations" / "relations.npz")
    assert model.labels[0] == "NONE" and len(model.labels) > 40
    assert model.sparse.shape == (len(model.vocab), len(model.labels))


def test_model_per_type_threshold_and_one_head_constraint_survive_a_round_trip(tmp_path):
    model = tiny_model()
    model.thresholds = {"WORKS_AS": 0.99}
    model.one_head = frozenset({"WORKS_AS"})
    path = tmp_path / "tiny.npz"
    model.save(path)
    loaded = RelationModel.load(path)
    assert loaded.threshold_of("WORKS_AS") == 0.99 and loaded.threshold_of("OTHER") == 0.5
    # a pair that passes the global threshold fails the type's own
    assert loaded.predict([["T:PER>PROFESSION", "D:0"]], np.zeros((1, 2), np.float32))[0][0] == "NONE"
    # two persons for one position: only the likelier one stays; another position keeps its own
    items = [("WORKS_AS", "p1", "job", 0.6), ("WORKS_AS", "p2", "job", 0.9), ("WORKS_AS", "p1", "job2", 0.4)]
    assert loaded.constrain(items) == [("WORKS_AS", "p2", "job", 0.9), ("WORKS_AS", "p1", "job2", 0.4)]
