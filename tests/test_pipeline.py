from __future__ import annotations

import pytest

import ruextract
from ruextract import Document, Pipeline, PipelineConfigError
from ruextract.segment import SegmentStage


class Upper:
    """A tiny stage for composition tests: stores the text upper-cased in meta."""

    name = "upper"
    requires = frozenset({"tokens"})
    provides = frozenset({"meta.upper"})

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.meta["upper"] = doc.text.upper()


class Exploding:
    name = "explode"
    requires = frozenset({"text"})
    provides = frozenset()

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            if "бомба" in doc.text:
                raise RuntimeError("boom")


def test_pipeline_runs_stages_in_order():
    pipeline = Pipeline([SegmentStage(), Upper()])
    doc = pipeline("Мама мыла раму.")
    assert [token.text for token in doc.tokens] == ["Мама", "мыла", "раму", "."]
    assert doc.meta["upper"] == "МАМА МЫЛА РАМУ."


def test_pipeline_reports_every_unmet_requirement_at_once():
    with pytest.raises(PipelineConfigError) as error:
        Pipeline([Upper(), Upper.__new__(type("Other", (Upper,), {"name": "other"}))])
    message = str(error.value)
    assert "'upper' requires ['tokens']" in message and "'other' requires ['tokens']" in message


def test_pipeline_add_remove_replace_keep_it_valid():
    pipeline = Pipeline([SegmentStage()])
    pipeline.add(Upper())
    assert pipeline.names == ["segment", "upper"]
    with pytest.raises(PipelineConfigError):
        pipeline.remove("segment")  # upper would lose its tokens
    assert pipeline.names == ["segment", "upper"]
    pipeline.replace("upper", Exploding())
    assert pipeline.names == ["segment", "explode"]
    pipeline.add(Upper(), before="explode")
    assert pipeline.names == ["segment", "upper", "explode"]
    with pytest.raises(KeyError, match="no stage named 'missing'"):
        pipeline.remove("missing")


def test_pipeline_stage_can_run_alone():
    doc = Document(text="Он пришёл. Она ушла.")
    SegmentStage().process([doc])
    assert len(doc.sentences) == 2


def test_pipeline_pipe_keeps_order_and_isolates_a_failing_document():
    pipeline = Pipeline([SegmentStage(), Exploding()])
    texts = ["раз", "два бомба", "три", None, b"bytes", {"id": "x", "text": "четыре"}]
    docs = list(pipeline.pipe(texts, batch_size=4))
    assert [doc.id for doc in docs] == ["0", "1", "2", "3", "4", "x"]
    assert [doc.error is None for doc in docs] == [True, False, True, False, False, True]
    assert docs[1].error.type == "RuntimeError" and "explode" in docs[1].error.message
    assert docs[0].tokens and docs[2].tokens and docs[5].tokens
    assert "decode bytes" in docs[4].error.message


def test_pipeline_call_rejects_non_text_with_a_clear_type_error():
    pipeline = Pipeline([SegmentStage()])
    with pytest.raises(TypeError, match="decode bytes first"):
        pipeline(b"\xd0\x9c")
    with pytest.raises(TypeError, match="got NoneType"):
        pipeline(None)


def test_pipeline_too_large_document_gets_an_error_record():
    pipeline = Pipeline([SegmentStage()], max_chars=100)
    doc = pipeline("слово " * 50)
    assert doc.error is not None and doc.error.type == "DocumentTooLarge"
    assert "max_chars" in doc.error.message
    assert doc.output() == {"id": "0", "published": None, "error": doc.error.model_dump()}


def test_pipeline_published_accepts_iso_string_and_bad_dates_become_errors():
    pipeline = Pipeline([SegmentStage()])
    assert str(pipeline("текст", published="2020-10-26").published) == "2020-10-26"
    bad = list(pipeline.pipe([{"text": "текст", "published": "26.10.2020"}]))[0]
    assert bad.error is not None and "published" in bad.error.message


def test_pipeline_rejects_batch_size_zero():
    with pytest.raises(ValueError, match="batch_size"):
        list(Pipeline([SegmentStage()]).pipe(["a"], batch_size=0))


def test_load_builds_default_stages_in_order():
    assert ruextract.load().names == [
        "segment", "morph", "syntax", "ner", "nerel", "entities", "time", "quotes", "events", "links",
        "relations", "records",
    ]
    assert "quotes" not in ruextract.load(exclude=("quotes",)).names
    with pytest.raises(PipelineConfigError, match="tokens.head"):
        ruextract.load(exclude=("syntax",))


def test_pipeline_output_does_not_depend_on_the_hash_seed(seed_text, tmp_path):
    """Set iteration order changes with PYTHONHASHSEED; no result may depend on it."""
    import os
    import subprocess
    import sys

    script = (
        "import sys, ruextract\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "print(ruextract.load()(text, published='2020-10-26').model_dump_json())\n"
    )
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    outputs = {
        subprocess.run([sys.executable, "-c", script, str(path)], check=True, capture_output=True,
                       text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_pipeline_without_shares_stages_and_leaves_the_original_whole():
    nlp = ruextract.load()
    lean = nlp.without("events", "links", "relations", "records")
    assert lean.names == ["segment", "morph", "syntax", "ner", "nerel", "entities", "time", "quotes"]
    assert lean["ner"] is nlp["ner"] and "events" in nlp
    doc = lean("Министр заявил, что 5 мая полиция задержала троих.", published="2021-05-06")
    assert doc.quotes and doc.timexes and not doc.events
    with pytest.raises(KeyError, match="no stage named nope"):
        nlp.without("nope")
    with pytest.raises(PipelineConfigError, match="tokens.head"):
        nlp.without("syntax")


class CollectorWatch:
    """Records whether Python's cyclic garbage collector was running while the batch ran."""

    name = "watch"
    requires = frozenset({"text"})
    provides = frozenset()

    def __init__(self):
        self.seen: list[bool] = []

    def process(self, docs: list[Document]) -> None:
        import gc

        self.seen.append(gc.isenabled())


def test_pipeline_pauses_the_garbage_collector_during_a_batch_and_restarts_it():
    import gc

    watch = CollectorWatch()
    pipeline = Pipeline([watch, Exploding()])
    assert gc.isenabled()
    docs = list(pipeline.pipe(["Первый текст.", "Здесь бомба.", "Третий."], batch_size=2))
    assert watch.seen == [False, False]
    assert gc.isenabled()  # also after a stage failed inside the batch
    assert docs[1].error is not None


def test_pipeline_leaves_a_collector_the_host_disabled_disabled():
    import gc

    watch = CollectorWatch()
    gc.disable()
    try:
        Pipeline([watch])("Текст.")
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert watch.seen == [False]


class CycleMaker:
    """A stage that leaves one reference cycle of garbage per document."""

    name = "cycles"
    requires = frozenset({"text"})
    provides = frozenset()

    def process(self, docs: list[Document]) -> None:
        for _ in docs:
            loop: list = []
            loop.append(loop)


def test_pipeline_sends_a_batchs_objects_to_the_oldest_generation_unscanned(monkeypatch):
    import gc

    from ruextract import pipeline as module

    monkeypatch.setattr(module, "_settled", 0)
    scans: list[int] = []

    def watch(phase, info):
        if phase == "start":
            scans.append(info["generation"])

    gc.callbacks.append(watch)
    try:
        docs = list(Pipeline([CycleMaker()]).pipe([f"Текст {n}." for n in range(40)], batch_size=4))
    finally:
        gc.callbacks.remove(watch)
    assert len(docs) == 40 and gc.isenabled()
    assert 2 not in scans  # ten batches, no full collection ...
    assert gc.collect() >= 40  # ... and their cycles wait for the next one


def test_pipeline_runs_a_full_collection_every_so_many_batches(monkeypatch):
    import gc

    from ruextract import pipeline as module

    monkeypatch.setattr(module, "FULL_COLLECTION_EVERY", 3)
    monkeypatch.setattr(module, "_settled", 0)
    gc.collect()
    list(Pipeline([CycleMaker()]).pipe([f"Текст {n}." for n in range(6)], batch_size=2))
    assert module._settled == 0
    assert gc.collect() < 6  # the third batch's full collection freed the three batches' six cycles


def test_pipeline_leaves_objects_the_host_froze_frozen():
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        Pipeline([CycleMaker()])("Текст.")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
