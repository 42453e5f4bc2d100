"""Text to time tokens: one regex pass, each token given a one-letter category.

The grammar (``grammar.py``) is a set of regular expressions over the string of these
letters, so the whole alphabet is here, in one table:

    numbers    d 1-31   y a year 1000-2099   n another number   w a number word ("три",
               "несколько": value X)   o an ordinal ("первого", "90-й")
    calendar   F a numeric date (27.12.2019, 2019-12-27)   T a clock time (10:35)
               M month   K weekday   S season   E decade (90-е, девяностые)   V roman numeral
               before "век"   Q holiday or named period (merged phrase)
               P part of day, adverb ("утром")   @ part of day, noun ("утра", "ночь")
               C noon or midnight
    units      G year word ("года", "г")   Y "лет"   H hour word   U another unit ("дня",
               "неделю", "веке", "выходные"; "полгода" carries its amount)
               L a duration adjective ("пятилетний", "12-часовой")
    relations  R relative adjective (прошлый -1, этот 0, следующий +1)   l последний /
               ближайший   t тот   j же   q каждый   A deictic adverb or vague phrase
               ("вчера", "накануне", "в настоящее время")   B начало / середина / конец /
               половина   Z ежегодно...   b назад, ранее, позже   W времени, мск   r рождения
               h половиной   g раз
    function   v в   s с   p по   u до   a на   z за   k к   f после   O от   D между
               c через, спустя   e течение, протяжении   x около, примерно, почти
               m более, менее, свыше   N не   i и   J ещё, уже, вплоть
    the rest   _ a lower-case word   X a capitalised word   . sentence end or line break
               , comma   - dash   / slash   ; other punctuation

Offsets are always those of the original text. Web addresses are skipped whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from .lexicon import Lexicon, fold

TOKEN = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)\S+)
    |(?P<iso>\d{4}-\d{2}-\d{2})(?![\d-])
    |(?P<dmy>\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))(?![\d]|[./]\d)
    |(?P<clock>\d{1,2}:\d{2}(?::\d{2})?)(?![\d:])
    |(?P<dotclock>\d{1,2}\.\d{2})(?![\d.,]\d)
    |(?P<decade>\d{1,3}0-(?:е|х|ые|ых|ым|ми))(?!\w)
    |(?P<ordinal>\d{1,4}-(?:й|го|ого|ому|му|м|ом|е|я|ю|ая|ой|ый|ий))(?!\w)
    |(?P<adjective>\d+(?:[.,]\d+)?-[^\W\d_]+)
    |(?P<number>\d+(?:[.,]\d+)?)
    |(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)
    |(?P<newline>\n)
    |(?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)
SENTENCE_BREAK = re.compile(r"(?:[.!?…]+(?=\s)|\n)\s*")
DIGIT = re.compile(r"\d")
WORD = re.compile(r"[^\W\d_]+")
ROMAN = re.compile(r"[IVXLХІ]+")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "Х": 10, "І": 1}
SENTENCE_END = frozenset(".!?…")
DASHES = frozenset("-–—−")
DOT_CLOCK_BEFORE = frozenset({"в", "около", "к", "до", "с", "после"})
DOT_CLOCK_AFTER = frozenset({"по", "утра", "вечера", "ночи", "дня", "мск", "часов", "часа"})


@dataclass(slots=True)
class Token:
    start: int
    end: int
    cat: str
    value: Any
    word: str  # folded text
    sent: int  # sentence number (sentence ends and line breaks)
    upper: bool = False  # starts with a capital letter


@dataclass
class Scan:
    tokens: list[Token]
    cats: str  # one letter per token
    future: list[int]  # tokens that are future cues ("будет", "состоится", "должен" + not "был")


def scan(text: str, lexicon: Lexicon, today: date | None = None) -> Scan:
    """Tokens of ``text`` with their categories; ``today`` sets the two-digit-year pivot.

    Only sentences with a trigger (a digit, a month, a unit of time, "вчера"...) are
    tokenised: the others cannot hold an expression. A skipped stretch still counts its
    sentences and leaves a boundary, so nothing joins across it.
    """
    pivot = (today or date.today()).year % 100
    tokens: list[Token] = []
    future: list[int] = []
    sent = 0
    skipped = 0
    for start, end in _sentences(text):
        if not _triggered(text, start, end, lexicon):
            skipped += 1
            continue
        if skipped:
            sent += skipped
            if tokens and tokens[-1].cat != ".":
                tokens.append(Token(start, start, ".", None, "", sent - 1))
            skipped = 0
        sent = _tokenize(text, start, end, lexicon, pivot, sent, tokens, future)
    _romans(tokens)
    return Scan(tokens, "".join([token.cat for token in tokens]), future)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences, each with its closing punctuation or line break."""
    spans, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _triggered(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    chunk = text[start:end]
    if DIGIT.search(chunk):
        return True
    chunk = chunk.lower().replace("ё", "е")
    triggers = lexicon.triggers
    if any(word in triggers for word in WORD.findall(chunk)):
        return True
    return any(stem in chunk for stem in lexicon.adjective_stems)


def _tokenize(
    text: str,
    first: int,
    last: int,
    lexicon: Lexicon,
    pivot: int,
    sent: int,
    tokens: list[Token],
    future: list[int],
) -> int:
    """Append the tokens of text[first:last]; the sentence number after them."""
    words, phrases, cues = lexicon.words, lexicon.phrases, lexicon.future_cues
    matches = list(TOKEN.finditer(text, first, last))
    index = 0
    while index < len(matches):
        match = matches[index]
        kind = match.lastgroup
        start, end = match.span()
        surface = match.group()
        index += 1
        upper = surface[:1].isupper()
        if kind == "word":
            word = surface.lower()
            if "ё" in word:
                word = word.replace("ё", "е")
            if word in phrases:
                phrase = _phrase(lexicon, word, upper, matches, index)
                if phrase is not None:
                    lex, used = phrase
                    end = matches[index + used - 1].end()
                    index += used
                    tokens.append(Token(start, end, lex.cat, lex.value, word, sent, upper))
                    continue
            lex = words.get(word)
            if lex is not None:
                cat, value = lex.cat, lex.value
            else:
                if word in cues or (
                    word in lexicon.obligation
                    and not _followed_by(matches, index, lexicon.obligation_past)
                ):
                    future.append(len(tokens))
                if "-" in word:
                    parts = _hyphenated(lexicon, surface, start, sent)
                    if parts:
                        tokens.extend(parts)
                        continue
                cat, value = _unknown_word(lexicon, word, surface, upper)
        elif kind == "url":
            continue
        elif kind == "newline" or kind == "punct":
            word = surface
            cat, value = _punct(surface)
            if cat == "." and tokens and tokens[-1].cat == ".":
                tokens[-1].end = max(tokens[-1].end, end)  # a run of sentence ends is one boundary
                continue
        else:
            word = surface
            cat, value = _number(kind, surface, pivot, lexicon, tokens)
            if cat == "T" and kind == "dotclock" and index < len(matches):
                following = fold(matches[index].group())
                if following.isalpha() and following not in DOT_CLOCK_AFTER:
                    cat, value = "n", float(surface)  # "до 11.29 миллиарда"
        tokens.append(Token(start, end, cat, value, word, sent, upper))
        if cat == ".":
            sent += 1
    return sent


def _followed_by(matches: list[re.Match[str]], index: int, words: frozenset[str]) -> bool:
    return index < len(matches) and fold(matches[index].group()) in words


def _phrase(
    lexicon: Lexicon, word: str, upper: bool, matches: list[re.Match[str]], index: int
) -> tuple[Any, int] | None:
    """The longest phrase starting with ``word``: (its Lex, how many more tokens it takes)."""
    best = None
    following: list[str] = []  # the folded words after ``word``, as far as a phrase has looked

    def folded(offset: int) -> str:
        while len(following) <= offset:
            following.append(fold(matches[index + len(following)].group()))
        return following[offset]

    for phrase in lexicon.phrases.get(word, ()):
        if phrase.title and not upper:
            continue
        rest = phrase.words[1:]
        if index + len(rest) > len(matches):
            continue
        found = all(folded(offset) in alternatives for offset, alternatives in enumerate(rest))
        if found and (best is None or len(rest) > best[1]):
            best = (phrase.lex, len(rest))
    return best


def _hyphenated(lexicon: Lexicon, surface: str, start: int, sent: int) -> list[Token]:
    """ "ноябре-декабре" as three tokens, when every part is a word of ours."""
    parts = surface.split("-")
    if not all(fold(part) in lexicon.words for part in parts):
        return []
    tokens = []
    at = start
    for number, part in enumerate(parts):
        if number:
            tokens.append(Token(at, at + 1, "-", None, "-", sent))
            at += 1
        lex = lexicon.words[fold(part)]
        tokens.append(
            Token(at, at + len(part), lex.cat, lex.value, fold(part), sent, part[:1].isupper())
        )
        at += len(part)
    return tokens


def _unknown_word(lexicon: Lexicon, word: str, surface: str, upper: bool) -> tuple[str, Any]:
    """A word not in the tables: a compound duration adjective, a roman numeral or just a word."""
    adjective = lexicon.compound_adjective.match(word)
    if adjective is not None:
        prefix, stem = adjective.groups()
        return "L", (lexicon.compound_prefixes[prefix], lexicon.adjective_stems[stem])
    numeral = surface.split("-")[0]  # "XX-го"
    if upper and ROMAN.fullmatch(numeral):
        return "X", _roman(numeral)  # becomes V before a century word (see _romans)
    return ("X" if upper else "_"), None


def _roman(surface: str) -> int:
    total = 0
    values = [ROMAN_VALUES[char] for char in surface]
    for position, value in enumerate(values):
        following = values[position + 1] if position + 1 < len(values) else 0
        total += -value if value < following else value
    return total


def _romans(tokens: list[Token]) -> None:
    for token, following in pairwise(tokens):
        if token.cat == "X" and token.value and following.cat == "U" and following.value == "CE":
            token.cat = "V"


def _punct(surface: str) -> tuple[str, Any]:
    if surface == "\n" or surface in SENTENCE_END:
        return ".", None
    if surface == ",":
        return ",", None
    if surface in DASHES:
        return "-", None
    if surface == "/":
        return "/", None
    return ";", None


def _number(
    kind: str | None, surface: str, pivot: int, lexicon: Lexicon, before: list[Token]
) -> tuple[str, Any]:
    if kind == "iso":
        year, month, day = (int(part) for part in surface.split("-"))
        return _full_date(year, month, day)
    if kind == "dmy":
        day, month, year = (int(part) for part in re.split(r"[./]", surface))
        if year < 100:
            year += 2000 if year <= pivot else 1900
        return _full_date(year, month, day)
    if kind == "clock":
        parts = [int(part) for part in surface.split(":")]
        if parts[0] <= 24 and all(part <= 59 for part in parts[1:]):
            return "T", tuple(parts + [0] * (3 - len(parts)))
        return "n", None
    if kind == "dotclock":
        hour, minute = (int(part) for part in surface.split("."))
        if before and before[-1].word in DOT_CLOCK_BEFORE and hour <= 23 and minute <= 59:
            return "T", (hour, minute, 0)
        return "n", float(surface)
    if kind == "decade":
        number = int(surface.split("-")[0])
        if number >= 1000:
            return "E", number // 10
        if number < 100:
            return "E", (200 if number < 20 else 190) + number // 10
        return "n", None
    if kind == "ordinal":
        number = int(surface.split("-")[0])
        return ("y", number) if 1000 <= number <= 2099 else ("o", number)
    if kind == "adjective":
        amount, _, rest = surface.partition("-")
        for stem, unit in lexicon.adjective_stems.items():
            if rest.lower().startswith(stem):
                return "L", (float(amount.replace(",", ".")), unit)
        return "n", None  # "3-кратный"
    # a plain number
    if "," in surface or "." in surface:
        return "n", float(surface.replace(",", "."))
    number = int(surface)
    if len(surface) == 4 and 1000 <= number <= 2099:
        return "y", number
    if 1 <= number <= 31 and len(surface) <= 2:
        return "d", number
    return "n", number


def _full_date(year: int, month: int, day: int) -> tuple[str, Any]:
    try:
        date(year, month, day)
    except ValueError:
        return "n", None
    return "F", (year, month, day)
