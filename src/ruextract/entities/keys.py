"""Comparison keys for words and names: case endings off, ё as е, initials for abbreviations.

Two mentions name the same thing when their words share keys. A word's keys are its lower-cased
stem (a case ending cut off, at least three letters kept) and its lemma's stem, so "Путина",
"Путину" and "Путин", or "Соединенными Штатами" and "Соединённые Штаты", share keys without a
dictionary look-up per pair.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Token

# case endings of nouns and adjectives, longest first; surname suffixes (-ов, -ин) are not here
_ENDING = re.compile(
    r"(ями|ами|ыми|ими|ого|его|ому|ему|иях|ией|ием|ях|ах|ам|ям|ом|ем|ой|ей|ий|ый|ых|их|ым|им"
    r"|ую|юю|ая|яя|ое|ее|ие|ые|ью|ия|ии|ию|а|я|о|е|у|ю|ы|и|ь|й)$"
)
MIN_STEM = 3
SHORT_NAME_ENDINGS = frozenset("аяуюеыи")  # one-letter case endings of a short name

# words left out when an abbreviation is read off a name's initials ("по", "и", "в")
FUNCTION_WORDS = frozenset(
    "и в во на по о об от для при с со к из за под над против of the and for de du la".split()  # noqa: SIM905
)


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    if is_abbreviation(word):  # abbreviations do not decline, and "РАН" is not "Ранее"
        return fold(word) + "!"
    short_name = word[:1].isupper() and 3 <= len(word) <= MIN_STEM + 1 and word.isalpha()
    word = fold(word)
    head, dash, last = word.rpartition("-")  # "санкт-петербурге": the last part declines
    if short_name and not dash and last[-1] in SHORT_NAME_ENDINGS:
        return last[:-1]  # a short name declines too: "Ына" / "Ыну" / "Ын", "Кима" / "Ким"
    if len(last) <= MIN_STEM or not last.isalpha():
        return word
    cut = _ENDING.sub("", last)
    return head + dash + (cut if len(cut) >= MIN_STEM else last)


@lru_cache(maxsize=100_000)
def word_keys(text: str, lemma: str | None) -> frozenset[str]:
    keys = {stem(text)}
    if lemma and not is_abbreviation(text):
        keys.add(stem(lemma))
    return frozenset(keys)


def token_keys(token: Token) -> frozenset[str]:
    return word_keys(token.text, token.lemma)


@lru_cache(maxsize=100_000)
def is_abbreviation(text: str) -> bool:
    """ФБР, США, ООН, G-20 style: two to seven letters, all capitals (digits and '-' allowed)."""
    letters = [char for char in text if char.isalpha()]
    signs = [char for char in text if char.isalnum()]
    return (
        bool(letters)
        and 2 <= len(signs) <= 7
        and len(text) <= 8
        and all(char.isupper() for char in letters)
    )


def initials(words: list[str]) -> set[str]:
    """Abbreviations a multi-word name may have: initials of all words, or of content words."""
    parts = [part for word in words for part in re.split(r"[-\s]+", word) if part]
    if len(parts) < 2:
        return set()
    every = "".join(part[0] for part in parts if part[0].isalpha())
    content = "".join(
        part[0] for part in parts if fold(part) not in FUNCTION_WORDS and part[0].isalpha()
    )
    return {fold(every), fold(content)} - {""}
