from __future__ import annotations

import numpy as np
import pytest

from ruextract.errors import ModelNotFound
from ruextract.events import EventStage
from ruextract.events.syntax import Tree
from ruextract.events.triggermodel import TriggerModel, default_trigger_model, trigger_features


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
