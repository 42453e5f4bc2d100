"""``Pipeline.pipe(..., n_process=N)``: batches processed in worker processes, output in order.

Each worker unpickles the pipeline once (its ``Resources`` travel as a reference and load their
models lazily, once per worker). Batches go out in input order and are collected in the same
order, with at most ``IN_FLIGHT`` batches per worker outstanding, so memory stays bounded however
long the stream. Documents cross the process boundary as JSON (faster and smaller than pickle for
pydantic models). Workers are forked where the platform allows it (no ``if __name__ ==
"__main__"`` guard needed in scripts, and models already loaded are shared copy-on-write);
elsewhere they are spawned.

If a worker process dies (out of memory, a crash in a native library), the batches it held are
retried one document at a time in fresh workers; a document that kills a worker again comes out
with a ``WorkerCrashed`` error. Nothing is lost, nothing is duplicated.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from .document import Document
from .records import ErrorInfo

if TYPE_CHECKING:
    from .pipeline import Pipeline

IN_FLIGHT = 2
START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
_worker_pipeline: Pipeline | None = None


def _start_worker(payload: bytes | Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pickle.loads(payload) if isinstance(payload, bytes) else payload


def _process(batch: list[str]) -> list[str]:
    assert _worker_pipeline is not None, "worker started without a pipeline"
    docs = [Document.model_validate_json(doc) for doc in batch]
    _worker_pipeline._run(docs)
    return [doc.model_dump_json() for doc in docs]


class Workers:
    def __init__(self, pipeline: Pipeline, n_process: int):
        self.payload: bytes | Pipeline = pipeline  # a forked worker inherits the object as is
        try:
            if START_METHOD != "fork":
                self.payload = pickle.dumps(pipeline)
        except Exception as error:
            raise TypeError(
                f"n_process > 1 needs a picklable pipeline, but {error}: give the stage "
                f"__getstate__/__setstate__ (or __reduce__), or use n_process=1"
            ) from error
        self.n_process = n_process
        if START_METHOD == "fork":  # load the models once here; the forked workers share them
            pipeline._run([Document(text="Прогрев моделей перед запуском процессов.")])
        self.pool = self._start()
        self.finished = 0  # batches that came back: a pool broken before any did cannot start

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.n_process,
            mp_context=multiprocessing.get_context(START_METHOD),
            initializer=_start_worker,
            initargs=(self.payload,),
        )

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        if self.pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()

    def submit(self, docs: list[Document]) -> tuple[ProcessPoolExecutor, Future[list[str]]]:
        return self.pool, self.pool.submit(_process, [doc.model_dump_json() for doc in docs])

    def collect(
        self, docs: list[Document], sent: tuple[ProcessPoolExecutor, Future[list[str]]]
    ) -> list[Document]:
        pool, future = sent
        try:
            done = [Document.model_validate_json(doc) for doc in future.result()]
        except BrokenProcessPool:
            self._restart(pool)
            return [self._alone(doc) for doc in docs]
        self.finished += 1
        return done

    def _alone(self, doc: Document) -> Document:
        pool, future = self.submit([doc])
        try:
            done = Document.model_validate_json(future.result()[0])
        except BrokenProcessPool:
            self._restart(pool)
            if not self.finished:
                self._check_workers_start()
            doc.error = ErrorInfo(
                type="WorkerCrashed",
                message="a worker process died twice on this document (out of memory, or a crash "
                "in a native library); the other documents were processed",
            )
            return doc
        self.finished += 1
        return done

    def _check_workers_start(self) -> None:
        """Tell a poisoned document from workers that cannot run at all."""
        try:
            self.pool.submit(_process, [Document(text="").model_dump_json()]).result()
        except BrokenProcessPool as error:
            raise RuntimeError(
                "ruextract worker processes die before finishing any document: run with "
                "n_process=1 to see the error"
            ) from error
        self.finished += 1

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def run_in_processes(
    pipeline: Pipeline, batches: Iterable[list[Document]], n_process: int
) -> Iterator[list[Document]]:
    workers = Workers(pipeline, n_process)
    pending: deque[tuple[list[Document], tuple[ProcessPoolExecutor, Future[list[str]]]]] = deque()
    try:
        for batch in batches:
            pending.append((batch, workers.submit(batch)))
            if len(pending) >= n_process * IN_FLIGHT:
                yield workers.collect(*pending.popleft())
        while pending:
            yield workers.collect(*pending.popleft())
    finally:
        workers.close()
