"""The time grammar's word tables: ``models/time/*.json`` read once into one ``Lexicon``.

Every word form maps to one ``Lex``: the one-letter category the grammar matches (the alphabet
is documented in ``scan.py``) and the value the interpreter reads (a month number, a unit, a
day offset...). Multi-word entries (holidays, "в настоящее время") are ``Phrase``s, keyed by
their first word and merged into one token by the scanner.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..resources import models_dir

# categories (see scan.py) of which every expression has at least one (digits aside)
TRIGGER_CATEGORIES = frozenset("MKSEQP@CGYHULAZ")
FUNCTION_CATEGORIES = frozenset("vspuakzfODceiJNxmjt")


@dataclass(frozen=True)
class Lex:
    cat: str
    value: Any = None


@dataclass(frozen=True)
class Deixis:
    """What a deictic word or vague phrase means: a day counted from the anchor ("вчера"), or
    from the date mentioned last ("накануне"; days None: that date as given, "тогда"), or a
    vague reference ("в настоящее время": PRESENT_REF)."""

    base: str | None = None  # "anchor" | "ref"
    days: int | None = None  # how many units from the base ("прошлогодний": -1 year)
    vague: str | None = None
    mod: str | None = None
    unit: str = "D"


@dataclass(frozen=True)
class Holiday:
    key: str
    dates: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()  # (first, last) (month, day)
    # pairs; a period may end in the next year; several pairs: the nearest occurrence wins
    easter: str | None = None  # "orthodox" | "western": days counted from that Easter
    offsets: tuple[int, int] = (0, 0)
    part: str | None = None  # a part of day (new year's night)


@dataclass(frozen=True)
class Phrase:
    words: tuple[frozenset[str], ...]
    lex: Lex
    title: bool = False  # counts only when its first word is capitalised


@dataclass
class Lexicon:
    words: dict[str, Lex] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    adjective_stems: dict[str, str] = field(default_factory=dict)
    compound_prefixes: dict[str, float] = field(default_factory=dict)
    compound_adjective: re.Pattern[str] = re.compile("(?!)")  # "пятилетний": (prefix)(stem)
    future_cues: frozenset[str] = frozenset()
    age_cues: frozenset[str] = frozenset()
    age_skip: frozenset[str] = frozenset()
    period_nouns: frozenset[str] = frozenset()
    age_stems: tuple[str, ...] = ()  # "возраст", "пенси": "до 60 лет" after them is an age
    penalty_stems: tuple[str, ...] = ()  # "лишени": "до 10 лет лишения свободы" is not
    distance_nouns: frozenset[str] = frozenset()  # "в десяти минутах ходьбы" is a distance
    just_past: frozenset[str] = frozenset()
    month_adjectives: frozenset[str] = frozenset()  # "октябрьский": a name when capitalised
    triggers: frozenset[str] = (
        frozenset()
    )  # words without which a sentence holds no expression  # "минувший": the latest one, not the previous week's
    obligation: frozenset[str] = frozenset()  # "должен" (future unless "был" follows)
    obligation_past: frozenset[str] = frozenset()

    def add(self, forms: Any, cat: str, value: Any = None) -> None:
        """Register word forms; a form already registered keeps its first meaning."""
        for form in [forms] if isinstance(forms, str) else forms:
            self.words.setdefault(fold(form), Lex(cat, value))

    def add_phrase(self, words: list[list[str]], lex: Lex, title: bool = False) -> None:
        phrase = Phrase(tuple(frozenset(fold(w) for w in alts) for alts in words), lex, title)
        for first in phrase.words[0]:
            self.phrases.setdefault(first, []).append(phrase)


def fold(word: str) -> str:
    """The lookup key of a word: lower case, ё as е."""
    return word.lower().replace("ё", "е")


def _read(folder: Path, name: str) -> dict[str, Any]:
    with open(folder / name, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def build_lexicon(folder: Path) -> Lexicon:
    calendar = _read(folder, "calendar.json")
    units = _read(folder, "units.json")
    numbers = _read(folder, "numbers.json")
    cues = _read(folder, "cues.json")
    holidays = _read(folder, "holidays.json")
    lex = Lexicon()

    # phrases first: their words keep their own meaning when they stand alone
    for entry in cues["phrases"]:
        if entry.get("ignore"):  # "по сей день": not a date, and its words must not make one
            phrase_lex = Lex("_")
        elif "cat" in entry:  # "во время" works as a preposition
            phrase_lex = Lex(entry["cat"])
        elif "value" in entry:
            phrase_lex = Lex("A", Deixis(vague=entry["value"], mod=entry.get("mod")))
        elif entry.get("ref"):  # "в то время": the date last mentioned
            phrase_lex = Lex("A", Deixis("ref", None, mod=entry.get("mod")))
        else:
            phrase_lex = Lex("A", Deixis("anchor", entry["deictic"], mod=entry.get("mod")))
        lex.add_phrase([[word] for word in entry["words"]], phrase_lex)
    for entry in holidays["holidays"]:
        pairs = entry.get("dates") or ([[entry["start"], entry["end"]]] if "start" in entry else [])
        holiday = Holiday(
            key=entry["key"],
            dates=tuple((_month_day(first), _month_day(last)) for first, last in pairs),
            easter=entry.get("easter"),
            offsets=tuple(entry.get("offsets", (0, 0))),  # type: ignore[arg-type]
            part=entry.get("part"),
        )
        lex.add_phrase(entry["words"], Lex("Q", holiday), title=entry.get("title", False))

    for number, entry in calendar["months"].items():
        lex.add(entry["forms"] + entry["abbreviations"] + entry["adjectives"], "M", int(number))
        lex.month_adjectives |= frozenset(map(fold, entry["adjectives"]))
    for number, forms in calendar["weekdays"].items():
        lex.add(forms, "K", int(number))
    for code, forms in calendar["seasons"].items():
        lex.add(forms, "S", code)
    for code, entry in calendar["parts_of_day"].items():
        lex.add(entry["adverbs"], "P", code)
        lex.add(entry["nouns"], "@", code)
    for clock, forms in calendar["clock_words"].items():
        hour, minute = clock.split(":")
        lex.add(forms, "C", (int(hour), int(minute)))

    lex.add(cues["half_word"], "h")  # before "половина" the modifier: "два с половиной"
    lex.add(units["year_words"], "G", "Y")
    lex.add(units["years_count"], "Y", "Y")
    lex.add(units["units"].pop("H"), "H", "H")
    for unit, forms in units["units"].items():
        lex.add(forms, "U", unit)
    for word, (unit, amount) in units["fractions"].items():
        lex.add(word, "U", (unit, amount))
    lex.adjective_stems = units["adjective_stems"]

    for word, value in numbers["cardinals"].items():
        lex.add(word, "w", value)
    for word, value in numbers["ordinals"].items():
        lex.add(word, "o", value)
    lex.compound_prefixes = numbers["compound_prefixes"]
    lex.compound_adjective = re.compile(
        "({})({})".format(
            "|".join(sorted(lex.compound_prefixes, key=len, reverse=True)),
            "|".join(sorted(lex.adjective_stems, key=len, reverse=True)),
        )
    )
    for word, decade in numbers["decade_words"].items():
        lex.add(word, "E", decade)

    for word, cat in cues["prepositions"].items():
        lex.add(word, cat)
    for word, (base, sign) in cues["backward"].items():
        lex.add(word, "b", (base, sign))
    lex.add(cues["approximate"], "x", "APPROX")
    for word, mod in cues["comparatives"].items():
        lex.add(word, "m", mod)
    for word, shift in cues["relative"].items():
        lex.add(word, "R", shift)
    for word, direction in cues["extreme"].items():
        lex.add(word, "l", direction)
    lex.add(cues["that"], "t")
    lex.add(cues["each"], "q")
    for word, (base, days) in cues["deictic"].items():
        lex.add(word, "A", Deixis(base, None if base == "ref" and days == 0 else days))
    for word, value in cues["vague"].items():
        lex.add(word, "A", Deixis(vague=value))
    for lemma, (base, amount, unit) in cues["deictic_adjectives"].items():  # "вчерашний"
        lex.add(cues["deictic_adjective_forms"][lemma], "A", Deixis(base, amount, unit=unit))
    lex.add(cues["repetition"], "g")
    for mod, forms in cues["modifiers"].items():
        lex.add(forms, "B", mod)
    for word, value in cues["set_adverbs"].items():
        lex.add(word, "Z", value)
    lex.add(cues["time_zones"], "W")
    lex.add(cues["birth"], "r")
    lex.add(cues["one_year_adjectives"], "L", (1, "Y"))  # "годичный перерыв"

    lex.triggers = frozenset(
        [word for word, entry in lex.words.items() if entry.cat in TRIGGER_CATEGORIES]
        + [
            word
            for entries in lex.phrases.values()
            for phrase in entries
            if phrase.lex.cat in TRIGGER_CATEGORIES
            for alternatives in phrase.words
            for word in alternatives
            if word not in lex.words or lex.words[word].cat not in FUNCTION_CATEGORIES
        ]
    )
    lex.future_cues = frozenset(map(fold, cues["future_cues"]))
    lex.age_cues = frozenset(map(fold, cues["age_cues"]))
    lex.age_skip = frozenset(map(fold, cues["age_skip"]))
    lex.period_nouns = frozenset(map(fold, cues["period_nouns"]))
    lex.just_past = frozenset(map(fold, cues["just_past"]))
    lex.age_stems = tuple(map(fold, cues["age_stems"]))
    lex.penalty_stems = tuple(map(fold, cues["penalty_stems"]))
    lex.distance_nouns = frozenset(map(fold, cues["distance_nouns"]))
    lex.obligation = frozenset(map(fold, cues["obligation"]))
    lex.obligation_past = frozenset(map(fold, cues["obligation_past"]))
    return lex


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


_cache: dict[Path, Lexicon] = {}
_lock = threading.Lock()


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """The lexicon of ``models/time`` (or of ``folder``), built once per process."""
    folder = folder or models_dir() / "time"
    with _lock:
        if folder not in _cache:
            _cache[folder] = build_lexicon(folder)
        return _cache[folder]
