"""natasha's morphology vocabulary (over pymorphy3, see ``ruextract._pymorphy``) and a cached
lemmatizer."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .._pymorphy import use_pymorphy3

use_pymorphy3()

from natasha.morph.lemma import lemmatize  # noqa: E402
from natasha.morph.vocab import MorphVocab as NatashaMorphVocab  # noqa: E402

__all__ = ["Lemmatizer", "MorphVocab", "lemmatize"]


class MorphVocab(NatashaMorphVocab):
    """natasha's vocabulary, safe on any string: pymorphy3 calls ``unicodedata.name`` on letters,
    which raises ValueError for letters without a name (e.g. U+17000); such a word gets no
    analyses (an unknown word) instead of failing its document."""

    def parse(self, word: str) -> list[Any]:
        try:
            return NatashaMorphVocab.parse(self, word)
        except ValueError:
            return []

    __call__ = parse

    def tag(self, word: str) -> list[Any]:
        try:
            return NatashaMorphVocab.tag(self, word)
        except ValueError:
            return []


UNINFLECTED = frozenset({"PUNCT", "SYM"})  # their lemma is the lower-cased word


class Lemmatizer:
    """Lemma of a word given the tagger's UD pos and feats, cached (bounded)."""

    def __init__(self, vocab: MorphVocab, cache_size: int = 50_000):
        self.vocab = vocab
        self._lemma = lru_cache(maxsize=cache_size)(self._compute)

    def _compute(self, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
        return lemmatize(self.vocab, word, pos, dict(feats))

    def __call__(self, word: str, pos: str | None, feats: dict[str, Any]) -> str:
        if pos in UNINFLECTED:
            return word.lower()
        # slovnet decodes each tag to feats in one fixed order: no sorting needed for the key
        return self._lemma(word, pos or "X", tuple(feats.items()))
