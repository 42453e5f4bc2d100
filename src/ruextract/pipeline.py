"""``Pipeline``: named stages run in order over batches of documents.

A stage is any object with ``name``, ``requires`` and ``provides`` (sets of ``Document`` field
names) and one method, ``process(docs)``, which fills the fields it provides on every document of
the batch. Stages assign their fields (never append), so a stage can be run again on a document.

One output per input, always: a stage that fails on a batch is retried document by document; a
document that still fails gets ``error`` set, later stages skip it, and it is still yielded in
its place.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, Protocol, runtime_checkable

from pydantic import ValidationError

from .document import Document
from .errors import DocumentTooLarge, PipelineConfigError
from .records import ErrorInfo

# what every Document has before any stage ran
INPUT_FIELDS = frozenset({"id", "text", "published", "meta"})
DEFAULT_MAX_CHARS = 1_000_000


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def process(self, docs: list[Document]) -> None: ...


DocumentInput = str | dict[str, Any] | Document


class Pipeline:
    def __init__(self, stages: Iterable[Stage] = (), *, max_chars: int = DEFAULT_MAX_CHARS):
        self.stages: list[Stage] = list(stages)
        self.max_chars = max_chars
        self.check()

    # composition

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __getitem__(self, name: str) -> Stage:
        return self.stages[self._index(name)]

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def add(self, stage: Stage, *, before: str | None = None, after: str | None = None) -> Pipeline:
        if before is not None and after is not None:
            raise PipelineConfigError("give either before= or after=, not both")
        if stage.name in self.names:
            raise PipelineConfigError(
                f"a stage named {stage.name!r} is already in the pipeline: use replace()"
            )
        if before is not None:
            position = self._index(before)
        elif after is not None:
            position = self._index(after) + 1
        else:
            position = len(self.stages)
        return self._changed(self.stages[:position] + [stage] + self.stages[position:])

    def remove(self, name: str) -> Pipeline:
        position = self._index(name)
        return self._changed(self.stages[:position] + self.stages[position + 1 :])

    def replace(self, name: str, stage: Stage) -> Pipeline:
        position = self._index(name)
        return self._changed(self.stages[:position] + [stage] + self.stages[position + 1 :])

    def without(self, *names: str) -> Pipeline:
        """A new pipeline of the same stage objects (same loaded models, nothing reloaded) minus
        ``names``, e.g. ``nlp.without("events", "relations", "records")(text)``; ``self`` is
        unchanged. KeyError for an unknown name, PipelineConfigError if a remaining stage needs
        what a left-out one provides."""
        unknown = sorted(set(names) - set(self.names))
        if unknown:
            raise KeyError(f"no stage named {', '.join(unknown)}; the stages are {self.names}")
        return Pipeline([stage for stage in self.stages if stage.name not in names],
                        max_chars=self.max_chars)

    def _changed(self, stages: list[Stage]) -> Pipeline:
        self.stages, old = stages, self.stages
        try:
            self.check()
        except PipelineConfigError:
            self.stages = old
            raise
        return self

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no stage named {name!r}; the stages are {self.names}") from None

    def check(self) -> None:
        """Every stage's requirements are met by the input or an earlier stage; all gaps at once."""
        have = set(INPUT_FIELDS)
        problems = []
        for stage in self.stages:
            if not isinstance(stage, Stage):
                problems.append(f"{stage!r} is not a stage (needs name, requires, provides, process)")
                continue
            missing = set(stage.requires) - have
            if missing:
                problems.append(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides"
                )
            have |= set(stage.provides)
        if problems:
            raise PipelineConfigError("; ".join(problems))

    # running

    def __call__(
        self, item: DocumentInput, *, published: date | str | None = None, id: str | None = None
    ) -> Document:
        """Process one document: a text, a dict with at least ``text``, or a ``Document``."""
        if not isinstance(item, (str, dict, Document)):
            raise TypeError(
                f"expected a str, a dict with 'text' or a ruextract.Document, got "
                f"{type(item).__name__}" + (": decode bytes first, e.g. data.decode('utf-8')"
                                            if isinstance(item, (bytes, bytearray)) else "")
            )
        doc = self._document(item, 0, published=published, id=id)
        self._run([doc])
        return doc

    def pipe(
        self,
        items: Iterable[DocumentInput],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        progress: bool = False,
    ) -> Iterator[Document]:
        """Process a stream of documents; yields exactly one Document per input, in input order.

        Inputs that are not documents (bytes, None, a dict without text) come out as documents
        with ``error`` set, so a batch run never loses its place. ``n_process`` > 1 runs batches
        in that many worker processes (see ``ruextract.parallel``); ``progress`` shows a tqdm bar
        on stderr. The input is read lazily: memory stays bounded for any stream length.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if n_process < 1:
            raise ValueError(f"n_process must be at least 1, got {n_process}")
        batches = self._batches(items, batch_size)
        if n_process == 1:
            done: Iterator[list[Document]] = (self._processed(batch) for batch in batches)
        else:
            from .parallel import run_in_processes

            done = run_in_processes(self, batches, n_process)
        docs = (doc for batch in done for doc in batch)
        if progress:
            from tqdm.auto import tqdm

            docs = tqdm(docs, unit="doc", desc="ruextract")
        yield from docs

    def _batches(self, items: Iterable[DocumentInput], batch_size: int) -> Iterator[list[Document]]:
        batch: list[Document] = []
        for index, item in enumerate(items):
            batch.append(self._document(item, index))
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def _processed(self, batch: list[Document]) -> list[Document]:
        self._run(batch)
        return batch

    def _document(
        self, item: Any, index: int, *, published: date | str | None = None, id: str | None = None
    ) -> Document:
        try:
            doc = coerce_document(item)
        except (TypeError, ValueError) as error:
            doc = Document(id=_input_id(item, index), text="", error=error_info(error))
        if id is not None:
            doc.id = id
        if not doc.id:
            doc.id = str(index)
        if published is not None:
            doc.published = date.fromisoformat(published) if isinstance(published, str) else published
        if doc.error is None and len(doc.text) > self.max_chars:
            doc.error = error_info(DocumentTooLarge(len(doc.text), self.max_chars))
        return doc

    def _run(self, docs: list[Document]) -> None:
        from .resources import one_blas_thread

        # see one_blas_thread: small matrices, threads only wait; see no_collection
        with one_blas_thread(), no_collection():
            self._run_stages(docs)

    def _run_stages(self, docs: list[Document]) -> None:
        for stage in self.stages:
            live = [doc for doc in docs if doc.error is None]
            if not live:
                return
            try:
                stage.process(live)
            except Exception:
                if len(live) == 1:
                    self._process_one(stage, live[0])
                else:
                    for doc in live:
                        self._process_one(stage, doc)

    @staticmethod
    def _process_one(stage: Stage, doc: Document) -> None:
        try:
            stage.process([doc])
        except Exception as error:
            doc.error = error_info(error, stage.name)

    def __repr__(self) -> str:
        return f"Pipeline({self.names})"


_paused = 0  # batches running with the collector paused by us
_paused_lock = threading.Lock()
FULL_COLLECTION_EVERY = 32  # batches (see no_collection)
_settled = 0  # batches settled since our last full collection


@contextmanager
def no_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a batch runs, restarted after it.

    The stages make almost no cyclic garbage (reference counting frees a batch's objects), but
    they fill long-lived caches (morphology parses, lemmas, word features): each full collection
    walks them all again. On NEREL dev a run made four full collections costing about 0.4 s of
    CPU, an eighth of the run, and freed nothing. A collector the host program disabled stays
    disabled; with batches in several threads, the last to finish restarts it.

    Restarted, the collector would at once scan everything the batch left alive (its documents,
    the caches' new entries: ~100,000 objects a batch of 32 news documents, 0.02-0.07 s each
    time, freeing nothing: a NEREL dev run makes no cyclic garbage). So before the restart the
    batch's objects join the oldest generation unscanned (``gc.freeze()`` then
    ``gc.unfreeze()``: two list moves), and every ``FULL_COLLECTION_EVERY`` batches a full
    collection runs instead, which frees any cycles a long stream (or the host between batches)
    made. A host that freezes objects itself (``gc.get_freeze_count()``, e.g. our service
    after loading) keeps the plain restart: its frozen objects stay frozen.
    """
    global _paused
    with _paused_lock:
        ours = _paused > 0 or gc.isenabled()
        if ours:
            _paused += 1
            gc.disable()
    try:
        yield
    finally:
        if ours:
            with _paused_lock:
                _paused -= 1
                if _paused == 0:
                    _settle()
                    gc.enable()


def _settle() -> None:
    """What a batch left alive, into the oldest generation unscanned; a full collection every
    ``FULL_COLLECTION_EVERY`` batches (see ``no_collection``)."""
    global _settled
    if gc.get_freeze_count():
        return
    _settled += 1
    if _settled >= FULL_COLLECTION_EVERY:
        _settled = 0
        gc.collect()
    else:
        gc.freeze()
        gc.unfreeze()


def coerce_document(item: Any) -> Document:
    """A Document from a text, a dict (JSONL line) or a Document; TypeError/ValueError otherwise."""
    if isinstance(item, Document):
        return item
    if isinstance(item, ValueError):  # an input a reader could not read (ruextract.io.BadInput)
        raise item
    if isinstance(item, str):
        return Document(text=item)
    if isinstance(item, dict):
        if not isinstance(item.get("text"), str):
            raise TypeError("a document dict needs a 'text' string")
        fields = {key: item[key] for key in ("id", "text", "published") if item.get(key) is not None}
        if "id" in fields:
            fields["id"] = str(fields["id"])
        meta = {key: value for key, value in item.items() if key not in ("id", "text", "published")}
        try:
            return Document(**fields, meta=meta)
        except ValidationError as error:
            raise ValueError(_validation_message(error)) from None
    kind = type(item).__name__
    hint = ": decode bytes first" if isinstance(item, (bytes, bytearray)) else ""
    raise TypeError(f"expected a str, a dict with 'text' or a Document, got {kind}{hint}")


def _input_id(item: Any, index: int) -> str:
    if isinstance(item, dict) and item.get("id") is not None:
        return str(item["id"])
    return str(getattr(item, "id", None) or index)


def _validation_message(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in error.errors()
    )


def error_info(error: BaseException, stage: str | None = None) -> ErrorInfo:
    message = str(error) or repr(error)
    if stage:
        message = f"in stage {stage!r}: {message}"
    return ErrorInfo(type=type(error).__name__, message=message)
