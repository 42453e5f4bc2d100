from __future__ import annotations

import numpy as np
import pytest

from ruextract.errors import ModelNotFound
from ruextract.events import EventStage
from ruextract.events.syntax import Tree
from ruextract.events.triggermodel import GENERIC, TriggerModel, default_trigger_model, trigger_features


def _events(nlp, text: str, stage: EventStage) -> list[tuple[str, str]]:
    doc = nlp.pipe([text]).__next__()
    return [(event.type, event.trigger.text) for event in stage.extract(doc)[0]]


def test_trigger_model_keeps_a_trial_and_drops_a_process_of_something(event_nlp):
    stage = EventStage()
    assert _events(event_nlp, "Суд начал процесс над бывшим мэром города.", stage) == [("TRIAL", "процесс")]
    assert _events(event_nlp, "Этот процесс займёт не более трёх лет.", stage) == []
    # a planned infinitive is kept by the form rules, whatever the classifier says
    assert _events(event_nlp, "Боевики планировали взорвать мост.", stage) == [("EXPLOSION", "взорвать")]
    # the lemma's rate alone keeps both
    assert _events(event_nlp, "Этот процесс займёт не более трёх лет.", EventStage(triggers=False)) == [
        ("TRIAL", "процесс")]


def test_trigger_model_features_read_the_words_context(event_nlp):
    doc = event_nlp.pipe(["Выборы прошли в воскресенье."]).__next__()
    tree = Tree(doc)
    features = trigger_features(tree, 0, "ELECTION", 0.62)
    assert {"k:выбор/N", "t:ELECTION", "r:0.7", "rel:N:nsubj", "h:пройти", "w-1:<s>"} <= set(features)
    assert trigger_features(tree, 0, "ELECTION", None)[3] == "r:unseen"


def test_trigger_model_pack_round_trips(tmp_path):
    model = TriggerModel(vocab={"bias": 0, "k:выбор/N": 1}, weights=np.array([[0, -1], [0, 3]], dtype=np.float32),
                         bias=np.zeros(2, dtype=np.float32), threshold=0.3, meta={})
    model.save(tmp_path / "t.npz", id="test")
    loaded = TriggerModel.load(tmp_path / "t.npz")
    assert loaded.threshold == 0.3 and loaded.meta["id"] == "test"
    probabilities = loaded.probabilities([["bias", "k:выбор/N"], ["bias"], ["unknown"]])
    assert probabilities[0] > 0.85 and probabilities[1] < 0.3 and probabilities[2] == pytest.approx(0.5)
    assert loaded.probabilities([]).shape == (0,)


def test_trigger_model_missing_pack_says_where_it_looked(tmp_path):
    with pytest.raises(ModelNotFound, match="trigger model"):
        TriggerModel.load(tmp_path / "absent.npz")


def test_trigger_model_ships_with_the_package():
    model = default_trigger_model()
    assert model is not None and 0 < model.threshold < 1 and len(model.vocab) > 1000


def _open_model(open_threshold: float | None) -> TriggerModel:
    """A toy classifier: only a word ending in "-ция" (suffix feature) is an event."""
    return TriggerModel(vocab={"bias": 0, "s3:N:ция": 1}, weights=np.array([[0, -3], [0, 6]], dtype=np.float32),
                        bias=np.zeros(2, dtype=np.float32), threshold=0.5, meta={}, open_threshold=open_threshold)


def test_open_vocabulary_word_the_taxonomy_lacks_becomes_a_generic_event(event_nlp):
    text = "Вчера прошла эвакуация жителей из посёлка."
    assert _events(event_nlp, text, EventStage(triggers=_open_model(0.5))) == [(GENERIC, "эвакуация")]
    # a pack without an open-vocabulary threshold judges the taxonomy's words only
    assert _events(event_nlp, text, EventStage(triggers=_open_model(None))) == []


def test_open_vocabulary_generic_event_gets_arguments_from_the_rules(event_nlp):
    doc = event_nlp.pipe(["Эвакуация жителей Бердска прошла 5 мая."]).__next__()
    events, _spans = EventStage(triggers=_open_model(0.5)).extract(doc)
    assert [event.type for event in events] == [GENERIC]
    assert "time" in events[0].args


def test_trigger_model_clusters_name_the_nearest_centroid_of_each_group(tmp_path):
    centroids = np.array([[1, 0], [0, 1], [1, 0], [0.6, 0.8], [0, 1]], dtype=np.float32)
    model = TriggerModel(vocab={"bias": 0}, weights=np.zeros((1, 2), dtype=np.float32), bias=np.zeros(2, dtype=np.float32),
                         threshold=0.5, meta={}, open_threshold=0.4, centroids=centroids, sizes=(2, 3))
    vectors = {"война": np.array([0.9, 0.1]), "мир": np.array([0.1, 0.9])}
    assert model.clusters(["война", "мир", "абв"], vectors.get) == [["2.0", "3.0"], ["2.1", "3.2"], []]
    model.save(tmp_path / "t.npz", id="test")
    loaded = TriggerModel.load(tmp_path / "t.npz")
    assert loaded.open_threshold == 0.4 and loaded.sizes == (2, 3)
    assert loaded.clusters(["мир"], vectors.get) == [["2.1", "3.2"]]
    # a pack without centroids gives no cluster features
    assert _open_model(0.5).clusters(["мир"], vectors.get) == [[]]


def test_trigger_features_carry_the_lemma_ending_and_clusters(event_nlp):
    doc = event_nlp.pipe(["Эвакуация прошла быстро."]).__next__()
    features = trigger_features(Tree(doc), 0, GENERIC, None, ["64.7"])
    assert {"s3:N:ция", "t:EVENT", "e:N:64.7", "te:EVENT:64.7"} <= set(features)


def test_a_word_kept_once_in_a_document_needs_a_lower_bar_elsewhere_with_the_echo(event_nlp):
    """The toy classifier is sure of "эвакуация" after "массовая" only; the echo keeps its other use."""
    def model(echo: float | None) -> TriggerModel:
        return TriggerModel(vocab={"bias": 0, "s3:N:ция": 1, "w-1:массовый": 2},
                            weights=np.array([[0, -3], [0, 2.8], [0, 2]], dtype=np.float32),
                            bias=np.zeros(2, dtype=np.float32), threshold=0.5, meta={"echo": echo}, open_threshold=0.5)

    text = "Началась массовая эвакуация. Эвакуация продлится неделю."
    first = (GENERIC, "массовая эвакуация")  # the span takes in the adjective NEREL counts
    assert _events(event_nlp, text, EventStage(triggers=model(None))) == [first]
    assert _events(event_nlp, text, EventStage(triggers=model(0.5))) == [first, (GENERIC, "Эвакуация")]
    # the echo lowers the bar of the same word only
    assert _events(event_nlp, "Началась массовая эвакуация. Операция продлится неделю.",
                   EventStage(triggers=model(0.5))) == [first]


def test_trigger_model_looks_each_lemma_up_once():
    model = TriggerModel(vocab={"bias": 0}, weights=np.zeros((1, 2), dtype=np.float32), bias=np.zeros(2, dtype=np.float32),
                         threshold=0.5, meta={}, centroids=np.array([[1, 0], [0, 1]], dtype=np.float32), sizes=(2,))
    asked = []

    def vector(lemma: str):
        asked.append(lemma)
        return {"война": np.array([0.9, 0.1])}.get(lemma)

    assert model.clusters(["война", "абв", "война"], vector) == [["2.0"], [], ["2.0"]]
    assert model.clusters(["абв", "война"], vector) == [[], ["2.0"]]
    assert sorted(asked) == ["абв", "война"]
