"""Does the grammar point forward? The tense of the finite verb nearest to an expression.

News look back: "25 октября" is the last 25 October, unless the sentence says the event is
still to come ("пройдёт 25 октября", "будет представлена в конце декабря"). A future cue of
the lexicon next to the expression decides ("запланированной даты", "должен пройти"); else the
nearest finite verb of the sentence does (pymorphy3 tags, through natasha's ``MorphVocab``,
loaded once and shared with the pipeline).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .scan import Token

WINDOW = 40  # tokens looked at on each side of the expression, within its sentence
# endings of finite verb forms: past (-л, -ла...) and non-past (-ет, -ит, -ут...); other words
# are not looked up
VERB_ENDINGS = (
    "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись",
    "ет", "ёт", "ит", "ут", "ют", "ат", "ят", "ется", "ётся", "ится", "утся", "ются", "атся", "ятся",
    "ем", "им", "ешь", "ишь", "ете", "ите",
)  # fmt: skip
MODAL = frozenset({"может", "могут", "можем", "можете", "можешь", "могу", "хочет", "хотят"})
Tagger = Callable[[str], Sequence[Any]]  # word -> pymorphy3 tags, most likely first


def _default_tagger() -> Tagger:
    from ..resources import shared_resources

    vocab = shared_resources().morph_vocab  # a pymorphy3 MorphAnalyzer
    return vocab.tag  # type: ignore[no-any-return]


CACHE_SIZE = 50_000
_MISSING = object()


class TenseReader:
    def __init__(self, tagger: Tagger | None = None, modal: frozenset[str] = MODAL):
        self._tag = tagger
        self.modal = modal  # present forms that speak of what may come: skipped
        self._cache: dict[str, str | None] = {}

    def tense(self, word: str) -> str | None:
        """ "futr", "past", "pres" for a finite verb form, else None (cached)."""
        cached = self._cache.get(word, _MISSING)  # one lookup: another thread may clear()
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        tense = None
        if word.endswith(VERB_ENDINGS):
            if self._tag is None:
                self._tag = _default_tagger()
            tags = self._tag(word)
            if tags and tags[0].POS == "VERB":
                tense = str(tags[0].tense) if tags[0].tense else None  # plain str: picklable
        if len(self._cache) >= CACHE_SIZE:  # a long-lived service must not grow without bound
            self._cache.clear()
        self._cache[word] = tense
        return tense

    def is_noun(self, word: str) -> bool:
        """Is the word most likely a noun ("1000 гостей") or a numeral?"""
        if self._tag is None:
            self._tag = _default_tagger()
        tags = self._tag(word)
        return bool(tags) and tags[0].POS in ("NOUN", "NUMR")

    def forward(self, tokens: list[Token], first: int, last: int, cues: Sequence[int]) -> bool:
        """Does the sentence of tokens[first:last] speak of the future?

        Outward from the expression, nearest first (the left side first at equal distance): a
        future cue ("намечена на пятницу") or a verb in the future says yes, a verb in the past or
        present says no; modal verbs say nothing ("может смягчить до запланированной даты").
        """
        sentence = tokens[first].sent
        cue_set = set(cues)
        for distance in range(1, WINDOW + 1):
            for index in (first - distance, last - 1 + distance):
                if not 0 <= index < len(tokens) or tokens[index].sent != sentence:
                    continue
                if index in cue_set:
                    return True
                token = tokens[index]
                if token.cat != "_":
                    continue
                tense = self.tense(token.word)
                if tense == "futr":
                    return True
                if tense == "past" or (tense == "pres" and token.word not in self.modal):
                    return False  # "считают, что это улучшит": the nearer verb is the date's
        return False
