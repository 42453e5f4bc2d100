"""Run the pipeline over a Dask bag or dataframe of documents, on one machine or a cluster.

    import dask.bag as db
    from ruextract.dask import extract_bag

    bag = db.read_text("corpus/*.jsonl").map(json.loads)
    outputs = extract_bag(bag).compute()          # one contract dict per document, in order

Each worker process builds one pipeline, the first time a partition reaches it, and keeps it for
every later partition (``map_partitions``); its models load once per worker. Partition order and
order within partitions are kept, and every input gives exactly one output (failures become error
records, as everywhere in ruextract).
"""

from __future__ import annotations

import threading
from typing import Any

from .pipeline import Pipeline

_pipelines: dict[tuple[Any, ...], Pipeline] = {}
_lock = threading.Lock()


def worker_pipeline(**options: Any) -> Pipeline:
    """The pipeline of this worker process for these ``ruextract.load`` options (built once)."""
    key = tuple(sorted(options.items()))
    with _lock:
        if key not in _pipelines:
            from . import load

            _pipelines[key] = load(**options)
        return _pipelines[key]


def _process_partition(
    items: list[Any], batch_size: int, options: dict[str, Any], partition: int = 0
) -> list[dict]:
    """Outputs of one partition; an input without an id gets ``"<partition>:<position>"``."""
    nlp = worker_pipeline(**options)
    outputs = []
    for position, doc in enumerate(nlp.pipe(list(items), batch_size=batch_size)):
        if doc.id == str(position) and not _has_id(items[position]):
            doc.id = f"{partition}:{position}"
        outputs.append(doc.output())
    return outputs


def _has_id(item: Any) -> bool:
    return isinstance(item, dict) and item.get("id") is not None or bool(getattr(item, "id", None))


def extract_bag(bag: Any, *, batch_size: int = 32, **options: Any) -> Any:
    """A bag of texts or ``{"id","text","published"}`` dicts -> a bag of output contract dicts."""
    import dask.bag
    from dask import delayed

    process = delayed(_process_partition, pure=True)
    return dask.bag.from_delayed([
        process(part, batch_size, options, number) for number, part in enumerate(bag.to_delayed())
    ])


def _process_frame(frame: Any, text: str, id: str | None, published: str | None,
                   batch_size: int, options: dict[str, Any]) -> Any:
    import pandas

    items = [
        {"id": None if id is None else row.get(id), "text": row[text],
         "published": None if published is None else _date(row.get(published))}
        for row in frame.to_dict("records")
    ]
    outputs = _process_partition(items, batch_size, options, frame.index[0] if len(frame) else 0)
    return pandas.DataFrame({"id": [output["id"] for output in outputs],
                             "output": outputs}, index=frame.index)


def extract_dataframe(frame: Any, *, text: str = "text", id: str | None = "id",
                      published: str | None = "published", batch_size: int = 32,
                      **options: Any) -> Any:
    """A dask dataframe with a text column -> one with ``id`` and ``output`` (contract dicts)."""
    import pandas

    columns = set(frame.columns)
    if text not in columns:
        raise ValueError(f"no {text!r} column in {sorted(columns)}: pass text=<the text column>")
    meta = pandas.DataFrame({"id": pandas.Series(dtype=object), "output": pandas.Series(dtype=object)})
    return frame.map_partitions(
        _process_frame, text, id if id in columns else None,
        published if published in columns else None, batch_size, options, meta=meta,
    )


def _date(value: Any) -> str | None:
    if value is None or value != value:  # None or NaN/NaT
        return None
    return str(value)[:10]
