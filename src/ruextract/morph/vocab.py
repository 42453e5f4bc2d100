"""natasha's morphology vocabulary (over pymorphy3, see ``ruextract._pymorphy``) and a cached
lemmatizer."""

from __future__ import annotations

import heapq
from functools import lru_cache
from typing import Any

from slovnet.conll import parse_conll_tag

from .._pymorphy import use_pymorphy3

use_pymorphy3()

from natasha.morph.lemma import FEATS, NORMAL_POSES, lemmatize  # noqa: E402
from natasha.morph.vocab import MorphForm as NatashaMorphForm  # noqa: E402
from natasha.morph.vocab import MorphVocab as NatashaMorphVocab  # noqa: E402
from natasha.morph.vocab import ud_feats, ud_pos  # noqa: E402
from pymorphy2.analyzer import MorphAnalyzer as PymorphyAnalyzer  # noqa: E402
from pymorphy2.analyzer import Parse as PymorphyParse  # noqa: E402

__all__ = ["Lemmatizer", "MorphForm", "MorphVocab", "lemmatize", "lemmatize_form"]

# pymorphy tag text -> UD pos, feats (pairs) and the same feats as a dict (read-only, shared)
_UD: dict[str, tuple[str, tuple[tuple[str, str], ...], dict[str, str]]] = {}
CACHE_SIZE = 10_000  # words whose analyses (and forms) a MorphVocab keeps, as natasha's does


def _ud_reading(tag: Any) -> tuple[str, tuple[tuple[str, str], ...], dict[str, str]]:
    """natasha's UD reading of a pymorphy tag, computed once per tag."""
    reading = _UD.get(tag._str)  # the tag's text: its grammemes, in their order
    if reading is None:
        if len(_UD) >= 100_000:  # bounded (a few thousand seen in practice)
            _UD.clear()
        feats = tuple(ud_feats(tag))
        reading = _UD[tag._str] = (ud_pos(tag), feats, dict(feats))
    return reading


class MorphForm(NatashaMorphForm):
    """natasha's ``MorphForm`` (a pymorphy parse with UD ``pos``, ``feats`` and ``normal``), whose
    UD reading of each pymorphy tag is computed once: a few thousand distinct tags stand behind
    every parse of every word. Each form still gets a ``feats`` dict of its own."""

    def __new__(cls, *args):  # noqa: D102  (natasha's, with the tag's reading cached)
        self = PymorphyParse.__new__(cls, *args)
        self.normal = self.normal_form
        reading = _ud_reading(self.tag)
        self.pos = reading[0]
        self.feats = dict(reading[1])
        return self


class MorphVocab(NatashaMorphVocab):
    """natasha's vocabulary, safe on any string: pymorphy3 calls ``unicodedata.name`` on letters,
    which raises ValueError for letters without a name (e.g. U+17000); such a word gets no
    analyses (an unknown word) instead of failing its document."""

    def __init__(self) -> None:
        PymorphyAnalyzer.__init__(self, result_type=MorphForm)
        # the same analyzer (its dictionary, units and estimator) with pymorphy's own result
        # type, plain tuples: see ``analyses``
        self._plain = object.__new__(PymorphyAnalyzer)
        self._plain.__dict__.update(self.__dict__)
        self._plain._result_type = None
        # natasha caches ``parse`` (10,000 words); here both are cached per word, and a word's
        # forms are built from its cached analyses
        self._analyses = lru_cache(maxsize=CACHE_SIZE)(self._analyse)
        self._forms = lru_cache(maxsize=CACHE_SIZE)(self._build_forms)

    def parse(self, word: str) -> list[Any]:
        return self._forms(word)

    __call__ = parse

    def analyses(self, word: str) -> list[tuple[Any, ...]]:
        """``parse(word)`` as pymorphy's plain (word, tag, normal form, score, methods) tuples, in
        the same order: no ``MorphForm`` (and its feats dict) per analysis, for callers that read
        only tags and normal forms (``lemmatize_form``, for every word of every document)."""
        return self._analyses(word)

    def _analyse(self, word: str) -> list[tuple[Any, ...]]:
        try:
            return PymorphyAnalyzer.parse(self._plain, word)
        except ValueError:
            return []

    def _build_forms(self, word: str) -> list[Any]:
        result_type = self._result_type
        return [result_type(*analysis) for analysis in self._analyses(word)]

    def _inflect(self, form: Any, required_grammemes: Any) -> list[Any]:
        """pymorphy's ``_inflect`` (what ``form.inflect(grammemes)`` calls), choosing among the
        lexeme's plain tuples: only the chosen form becomes a ``MorphForm``, not every form of
        the lexeme (a noun has a dozen)."""
        lexeme = self._plain.get_lexeme(form)
        possible = [other for other in lexeme if required_grammemes <= other[1].grammemes]
        if not possible:
            required_grammemes = self.TagClass.fix_rare_cases(required_grammemes)
            possible = [other for other in lexeme if required_grammemes <= other[1].grammemes]
        grammemes = form[1].updated_grammemes(required_grammemes)

        def similarity(other: Any) -> float:
            tag = other[1]
            return len(grammemes & tag.grammemes) - 0.1 * len(grammemes ^ tag.grammemes)

        result_type = self._result_type
        return [result_type(*best) for best in heapq.nlargest(1, possible, key=similarity)]

    def tag(self, word: str) -> list[Any]:
        try:
            return NatashaMorphVocab.tag(self, word)
        except ValueError:
            return []


@lru_cache(maxsize=4096)
def parse_tag(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """slovnet's "NOUN|Case=Nom|Number=Sing" as pos and feats (a few hundred distinct tags)."""
    pos, feats = parse_conll_tag(tag)
    return pos, tuple(feats.items())


def lemmatize_form(vocab: Any, word: str, pos: str, feats: dict[str, str]) -> str:
    """natasha's ``lemmatize``, the same result in fewer steps: the normal form of the parse
    whose pos and feats equal the tagger's, else of the first parse with the most agreement
    (pos up to PROPN = NOUN, AUX = VERB, SCONJ = CCONJ; one point per equal feature among case,
    gender, number, aspect, number form, person, tense, variant); else the word. Lower-cased,
    ё as е."""
    word = word.lower().replace("ё", "е")
    wanted_pos = NORMAL_POSES.get(pos, pos)
    wanted = [(key, value) for key, value in feats.items() if key in FEATS]
    best, top = None, 0
    if isinstance(vocab, MorphVocab):  # the analyses as plain tuples, read through _UD
        forms = [(reading[0], reading[2], normal)
                 for reading, normal in ((_ud_reading(parse[1]), parse[2]) for parse in vocab.analyses(word))]
    else:
        forms = [(form.pos, form.feats, form.normal) for form in vocab(word)]
    for form_pos, form_feats, normal in forms:
        if form_pos == pos and form_feats == feats:
            best = normal
            break
        score = (NORMAL_POSES.get(form_pos, form_pos) == wanted_pos) + sum(
            1 for key, value in wanted if key in form_feats and form_feats[key] == value)
        if score > top:
            best, top = normal, score
    if best is None:
        return word
    return best.lower().replace("ё", "е")


UNINFLECTED = frozenset({"PUNCT", "SYM"})  # their lemma is the lower-cased word


class Lemmatizer:
    """Lemma of a word given the tagger's UD pos and feats, cached (bounded)."""

    def __init__(self, vocab: MorphVocab, cache_size: int = 50_000):
        self.vocab = vocab
        self._lemma = lru_cache(maxsize=cache_size)(self._compute)
        self._tagged = lru_cache(maxsize=cache_size)(self._analyse)

    def _compute(self, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
        return lemmatize_form(self.vocab, word, pos, dict(feats))

    def tagged(self, word: str, tag: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
        """pos, feats (as pairs) and lemma of a word the tagger gave a slovnet tag
        ("NOUN|Case=Nom|Number=Sing"), cached by (word, tag): news repeats both."""
        return self._tagged(word, tag)

    def _analyse(self, word: str, tag: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
        pos, feats = parse_tag(tag)
        # what ``self(word, pos, feats)`` gives, without its cache: a tag is one (pos, feats)
        lemma = word.lower() if pos in UNINFLECTED else lemmatize_form(self.vocab, word, pos or "X", dict(feats))
        return pos, feats, lemma

    def __call__(self, word: str, pos: str | None, feats: dict[str, Any]) -> str:
        if pos in UNINFLECTED:
            return word.lower()
        # slovnet decodes each tag to feats in one fixed order: no sorting needed for the key
        return self._lemma(word, pos or "X", tuple(feats.items()))
