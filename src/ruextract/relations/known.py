"""Feature ids instead of feature strings on the hot path, with the same sums.

A feature builder (``features.pair_features``, ``events.argmodel.pair_features``,
``events.triggermodel.trigger_features``) is written as a sequence of blocks: small functions of a
few values (types, a lemma, a path) that return a few feature strings. Through ``STRINGS`` it
returns the strings (training, tests); through a model's ``KnownIds`` it returns the model's
vocabulary ids of those strings, the unknown ones left out, each block's answer remembered by
its values. Either way the ids come in the same order as ``linear.sparse_logits`` would look
them up, so ``id_logits`` adds the same weight rows in the same order: the same bits.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

import numpy as np

CACHED_BLOCKS = 20_000  # a block's remembered answers are forgotten past this many


class _StringTable:
    """A block's strings for a key: ``block(*key)`` (``block(key)`` for a word block)."""

    __slots__ = ("block", "spread")

    def __init__(self, block: Callable[..., list[str]], spread: bool):
        self.block, self.spread = block, spread

    def __getitem__(self, key) -> list[str]:
        return self.block(*key) if self.spread else self.block(key)


class _IdTable(dict):
    """A block's known vocabulary ids per key, each computed once (up to CACHED_BLOCKS keys)."""

    __slots__ = ("block", "spread", "lookup")

    def __missing__(self, key) -> list[int]:
        if len(self) >= CACHED_BLOCKS:
            self.clear()
        names = self.block(*key) if self.spread else self.block(key)
        found = self[key] = [number for number in map(self.lookup, names) if number is not None]
        return found


class Strings:
    """The feature strings themselves."""

    def __init__(self):
        self._bundles: dict[int, tuple] = {}  # by the id of a module-level tuple of blocks

    def bundle(self, blocks: tuple) -> tuple:
        """A table per block of ``blocks`` (a module-level tuple, known by its id of ``(block, spread)``; ``spread``: the key
        is a tuple of the block's arguments, else its one argument): ``table[key]`` is the
        block's answer for ``key``."""
        found = self._bundles.get(id(blocks))
        if found is None:
            found = self._bundles[id(blocks)] = tuple(self._table(block, spread) for block, spread in blocks)
        return found

    def _table(self, block: Callable[..., list[str]], spread: bool):
        return _StringTable(block, spread)


STRINGS = Strings()


class KnownIds(Strings):
    """A model's vocabulary ids of each block's known features, remembered per block and key
    (the lists a table gives are shared: extend with them, never change them)."""

    def __init__(self, vocab: dict[str, int]):
        super().__init__()
        self.lookup = vocab.get

    def _table(self, block: Callable[..., list[str]], spread: bool) -> _IdTable:
        table = _IdTable()
        table.block, table.spread, table.lookup = block, spread, self.lookup
        return table


def id_logits(weights: np.ndarray, bias: np.ndarray, known: list[list[int]]) -> np.ndarray:
    """``linear.sparse_logits`` of features already turned into known vocabulary ids."""
    logits = np.tile(bias, (len(known), 1))
    lengths = np.fromiter(map(len, known), dtype=np.int64, count=len(known))
    total = int(lengths.sum())
    if total:
        rows = weights[np.fromiter(chain.from_iterable(known), dtype=np.int64, count=total)]
        if lengths.all():
            logits += np.add.reduceat(rows, np.concatenate(([0], np.cumsum(lengths)[:-1])), axis=0)
        else:  # some item has no known feature: reduceat would misread its empty slice
            np.add.at(logits, np.repeat(np.arange(len(known)), lengths), rows)
    return logits
