"""What our trained classifiers share: weight packs and sparse linear scoring, numpy only.

The relation classifier (``relations.model``), the other-name model (``relations.aliases``), the
event-argument classifier (``events.argmodel``) and the trigger classifier (``events.triggermodel``)
are logistic regressions over feature strings: an item's logits are the bias plus the weight rows
of its known features.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelNotFound


_BUCKETS: dict[tuple[Any, Any], str] = {}  # (value, edges) -> bucket, for hashable edges


def bucket(value: int, edges: Sequence[int]) -> str:
    """A count as a feature value: the first edge it does not exceed, else "more". Remembered
    per (value, edges) when ``edges`` is hashable (the feature builders ask for the same few
    counts tens of thousands of times a batch)."""
    try:
        return _BUCKETS[value, edges]
    except KeyError:
        found = _BUCKETS[value, edges] = _bucket(value, edges)
        if len(_BUCKETS) > 4096:
            _BUCKETS.clear()
        return found
    except TypeError:  # edges in a list
        return _bucket(value, edges)


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return "more"


def read_pack(path: Path | str, what: str, protocol: int) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """A ``.npz`` weight pack's ``meta`` (json) and its arrays; ModelNotFound naming ``what`` when
    the file is missing or written for another protocol."""
    path = Path(path)
    if not path.exists():
        raise ModelNotFound(what, str(path))
    with np.load(path, allow_pickle=False) as pack:
        meta = json.loads(str(pack["meta"]))
        if meta.get("protocol") != protocol:
            raise ModelNotFound(f"{what} of protocol {protocol}", str(path))
        return meta, {name: pack[name] for name in pack.files if name != "meta"}


def write_pack(path: Path | str, meta: dict[str, Any], vocab: dict[str, int], **arrays: np.ndarray) -> None:
    """A ``.npz`` weight pack: ``meta`` as json, the feature strings of ``vocab`` in index order
    (newline-joined UTF-8 bytes) and the named arrays."""
    names = sorted(vocab, key=vocab.get)
    np.savez_compressed(path, meta=np.array(json.dumps(meta, ensure_ascii=False)),
                        vocab=np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8), **arrays)


def read_vocab(pack: dict[str, np.ndarray]) -> dict[str, int]:
    """The feature string -> index table ``write_pack`` stored."""
    return {feature: number for number, feature in enumerate(bytes(pack["vocab"]).decode("utf-8").split("\n"))}


def sparse_logits(vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray,
                  features: list[list[str]]) -> np.ndarray:
    """(pairs, labels): ``bias`` plus, per pair, the sum of the ``weights`` rows of its features
    that ``vocab`` knows (unknown feature strings add nothing)."""
    logits = np.tile(bias, (len(features), 1))
    get = vocab.get
    known = [[number for number in map(get, names) if number is not None] for names in features]
    lengths = np.fromiter(map(len, known), dtype=np.int64, count=len(known))
    total = int(lengths.sum())
    if total:
        rows = weights[np.fromiter(chain.from_iterable(known), dtype=np.int64, count=total)]
        if lengths.all():
            logits += np.add.reduceat(rows, np.concatenate(([0], np.cumsum(lengths)[:-1])), axis=0)
        else:  # some pair has no known feature: reduceat would misread its empty slice
            np.add.at(logits, np.repeat(np.arange(len(known)), lengths), rows)
    return logits


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise probabilities (in place on ``logits``)."""
    logits -= logits.max(axis=1, keepdims=True)
    np.exp(logits, out=logits)
    logits /= logits.sum(axis=1, keepdims=True)
    return logits
