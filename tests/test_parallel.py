from __future__ import annotations

import os

import ruextract
from ruextract import Document, Pipeline
from ruextract.segment import SegmentStage

TEXTS = [
    "Мэр Москвы Сергей Собянин открыл парк.",
    None,
    "",
    "Глава МИД России Сергей Лавров прибыл в Берлин.",
    b"bytes",
    {"id": "own", "text": "ФБР передало сведения."},
] * 3


def test_parallel_output_equals_sequential_output_in_order(nlp):
    sequential = [doc.output() for doc in nlp.pipe(TEXTS, batch_size=2)]
    parallel = [doc.output() for doc in nlp.pipe(TEXTS, batch_size=2, n_process=2)]
    assert parallel == sequential
    assert [output["id"] for output in parallel][:6] == ["0", "1", "2", "3", "4", "own"]


class DieOn:
    """A stage that kills its worker process on one marked document."""

    name = "die"
    requires = frozenset({"tokens"})
    provides = frozenset()

    def process(self, docs: list[Document]) -> None:
        if any("УБИТЬ-ПРОЦЕСС" in doc.text for doc in docs) and os.getpid() != PARENT:
            os._exit(13)


PARENT = os.getpid()


def test_parallel_worker_crash_loses_only_the_document_that_caused_it():
    pipeline = Pipeline([SegmentStage(), DieOn()])
    texts = [f"Документ номер {index}." for index in range(12)]
    texts[5] = "Этот документ: УБИТЬ-ПРОЦЕСС."
    docs = list(pipeline.pipe(texts, batch_size=3, n_process=2))
    assert [doc.id for doc in docs] == [str(index) for index in range(12)]
    assert [doc.error.type if doc.error else None for doc in docs] == (
        [None] * 5 + ["WorkerCrashed"] + [None] * 6
    )
    assert all(doc.tokens for index, doc in enumerate(docs) if index != 5)


def test_parallel_first_document_killing_its_worker_is_not_mistaken_for_a_broken_start():
    pipeline = Pipeline([SegmentStage(), DieOn()])
    docs = list(pipeline.pipe(["УБИТЬ-ПРОЦЕСС", "Второй документ."], batch_size=1, n_process=2))
    assert [doc.error.type if doc.error else None for doc in docs] == ["WorkerCrashed", None]


def test_parallel_rejects_zero_processes():
    import pytest

    with pytest.raises(ValueError, match="n_process"):
        list(ruextract.Pipeline([SegmentStage()]).pipe(["a"], n_process=0))


def test_parallel_a_used_default_pipeline_stays_picklable(nlp, seed_text):
    """Spawned workers (macOS, Windows) receive the pipeline pickled, caches and all."""
    import pickle

    nlp(seed_text)
    again = pickle.loads(pickle.dumps(nlp))
    assert again.names == nlp.names
