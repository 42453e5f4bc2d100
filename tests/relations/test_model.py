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
    assert model.sparse.shape[0] == len(model.vocab)
    probabilities = model.scores([["bias"], []], np.zeros((2, model.dense.shape[0]), np.float32))
    assert probabilities.shape == (2, len(model.labels)) and np.allclose(probabilities.sum(axis=1), 1.0)


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


def tiny_network() -> RelationModel:
    """The tiny model with a hidden layer of 3 ReLU units between its features and its labels."""
    model = tiny_model()
    model.sparse = np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 0.0]], dtype=np.float32)
    model.dense = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    model.bias = np.array([0.0, 0.5, -1.0], dtype=np.float32)
    model.output = np.array([[0.0, 1.0], [0.0, -1.0], [1.0, 1.0]], dtype=np.float32)
    model.output_bias = np.array([0.25, 0.0], dtype=np.float32)
    return model


def test_network_pack_round_trips_and_scores_through_its_relu_layer(tmp_path):
    path = tmp_path / "network.npz"
    tiny_network().save(path)
    model = RelationModel.load(path)
    features = [["T:PER>PROFESSION"], ["D:0", "unknown"], []]
    dense = np.array([[0.0, 0.0], [0.0, 3.0], [2.0, 0.0]], dtype=np.float32)
    # hidden = relu(sparse rows + dense @ W + bias): [1, 0, 0], [0, 2.5, 2], [2, 0.5, 0]
    hidden = np.array([[1.0, 0.0, 0.0], [0.0, 2.5, 2.0], [2.0, 0.5, 0.0]])
    logits = hidden @ np.array([[0.0, 1.0], [0.0, -1.0], [1.0, 1.0]]) + [0.25, 0.0]
    expected = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert np.allclose(model.scores(features, dense), expected, atol=1e-3)


def test_network_pack_with_a_mismatched_output_layer_says_to_retrain(tmp_path):
    model = tiny_network()
    model.output = model.output[:2]  # 2 rows for 3 hidden units
    path = tmp_path / "broken.npz"
    model.save(path)
    with pytest.raises(ModelNotFound, match="train_relations"):
        RelationModel.load(path)


def test_numpy_inference_matches_the_training_network():
    torch = pytest.importorskip("torch")  # training only; the package never imports it
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "train_relations.py"
    spec = importlib.util.spec_from_file_location("train_relations", script)
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    torch.manual_seed(0)
    net = train.MLP(5, 2, 4, 3, 0.5)
    net.eval()
    rows = [[0, 3], [1], [], [2, 3, 4]]
    dense = np.random.default_rng(0).normal(size=(4, 2)).astype(np.float32)
    indices, offsets = train.flat_indices(rows)
    with torch.no_grad():
        expected = torch.softmax(net(torch.from_numpy(indices), torch.from_numpy(offsets),
                                     torch.from_numpy(dense)), dim=1).numpy()
    layers = net.weights()
    model = RelationModel(labels=["NONE", "A", "B"], vocab={f"f{i}": i for i in range(5)},
                          projection=np.ones((300, 1), dtype=np.float32), allowed=set(), **layers)
    found = model.scores([[f"f{i}" for i in row] for row in rows], dense)
    assert np.allclose(found, expected, atol=1e-5)


def test_network_with_a_regression_beside_it_averages_the_two_probabilities(tmp_path):
    network, regression = tiny_network(), tiny_model()
    mixed = tiny_network()
    mixed.sparse = np.hstack([network.sparse, regression.sparse])
    mixed.dense = np.hstack([network.dense, regression.dense])
    mixed.bias = np.concatenate([network.bias, regression.bias])
    path = tmp_path / "mixed.npz"
    mixed.save(path)
    loaded = RelationModel.load(path)
    features = [["T:PER>PROFESSION", "D:0"], ["unknown"]]
    dense = np.array([[1.0, 0.0], [0.0, 2.0]], dtype=np.float32)
    expected = (network.scores(features, dense) + regression.scores(features, dense)) / 2
    assert np.allclose(loaded.scores(features, dense), expected, atol=1e-3)


def test_model_end_to_end_thresholds_apply_only_when_asked_and_survive_a_round_trip(tmp_path):
    model = tiny_model()
    model.end_to_end = {"threshold": 0.5, "thresholds": {"WORKS_AS": 0.99}, "tagged": 0.6}
    path = tmp_path / "tiny.npz"
    model.save(path)
    loaded = RelationModel.load(path)
    features, dense = [["T:PER>PROFESSION", "D:0"]], np.zeros((1, 2), np.float32)
    assert loaded.predict(features, dense)[0][0] == "WORKS_AS"  # gold mentions: the pack's own thresholds
    assert loaded.predict(features, dense, end_to_end=True)[0][0] == "NONE"
    assert loaded.tagged_confidence(0.8) == 0.6
    # a pack without end-to-end decoding reads predicted mentions with its own thresholds
    tiny_model().save(path)
    plain = RelationModel.load(path)
    assert plain.predict(features, dense, end_to_end=True)[0][0] == "WORKS_AS" and plain.tagged_confidence(0.8) == 0.8
