"""The time grammar: named rules, each a regular expression over the category letters.

A rule says which token sequences form one expression; ``interpret.py`` reads their meaning.
The letters are those of ``scan.py``; the building blocks below are named after what they
match. Matching is leftmost, then longest: at the first position where any rule matches,
every rule is tried, and the longest match the interpreter accepts wins (ties go to the
earlier rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

# building blocks
YEAR = "yG?r?"  # 2019 / 2019 года / 1984 года рождения
YEARX = f"(?:{YEAR}|RG)"  # ... or "этого года"
DAY_MONTH = "[do]M"  # 27 декабря, первого мая
DATE = f"(?:F|{DAY_MONTH}{YEARX}?|ddyG?)"  # 27.12.2019, 27 декабря 2019 года, 21 10 2016
PRE = "(?:x|N?m|Nb)?[vsupakfOz]?"  # в, с, до, около, не позднее ...
MODIFIER = "(?:o?B)?"  # в начале, в конце, во второй половине
WEEKDAY = "[va]?R?K"  # в прошлую пятницу
DAY_OR_MONTH = f"(?:{DAY_MONTH}|M){YEARX}?"  # 27 декабря 2019 года / мая 2003 года
ZONE = "(?:p[_X]W|W)"  # по московскому времени, мск
CLOCK = f"(?:T{ZONE}?|[dw]H(?:[dw]U)?[P@U]?{ZONE}?|d@|C)"  # 10:35, 3 часа дня, 5 утра, полдень
AMOUNT = "(?:[dnw]w?(?:sh)?|y(?=Y))"  # два, двадцать пять, два с половиной, 1000 (лет)
UNIT = "[UGYH]"
COUNT_PRE = "(?:x|N?mJ?|Nb|ve|ae|[zauO])*"  # около, не более чем, в течение, за, на, до
COUNT_PRE_REQUIRED = "(?:x|N?mJ?|Nb|ve|ae|[za])+"


@dataclass(frozen=True)
class Rule:
    name: str  # the interpreter's method for it: Interpreter._<name>, else the point reader
    pattern: str
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))


RULES = [
    # ranges and lists
    Rule("day_range", f"[vsO]?(?P<a>{DAY_OR_MONTH}|d)[-pu](?P<b>{DAY_OR_MONTH})"),
    Rule("day_range", f"D(?P<a>{DAY_OR_MONTH}|d)i(?P<b>{DAY_OR_MONTH})"),
    Rule("year_range", "[vsOzk]?(?P<a>yG?)[-pu/](?P<b>y|[dn](?!M))G?"),
    Rule("day_list", f"(?P<a>d(?:,d)*)i(?P<b>{DAY_MONTH}{YEARX}?)"),
    # times of day
    Rule(
        "night",
        f"[va]?@(?:s(?P<a>[do])a(?P<b>{DAY_MONTH}{YEARX}?)|a(?:{WEEKDAY},?)?{DATE}|a{WEEKDAY})",
    ),
    Rule("part_date", f"(?:P|[su]@),?(?:{WEEKDAY},?)?{DATE}"),
    Rule("part_weekday", f"(?:P|[va]?@),?{WEEKDAY}(?:,?{DATE})?"),
    Rule("weekday_part", f"{WEEKDAY}P(?:,{DATE})?"),
    Rule("deictic_part", "AP|PA"),
    Rule("part_anaphor", "[P@]tj?[UG]"),
    Rule("date_clock", f"{PRE}(?:{DATE}|{WEEKDAY}|A),?(?:x|[vk])?{CLOCK}"),
    Rule("clock", f"(?:x|N?m|Nb)?[vkasuf]?(?:T{ZONE}?|C)(?:,?{WEEKDAY}|K)?(?:,?{DATE})?"),
    Rule("clock", f"(?:x|N?m|Nb)?[vkasu]{CLOCK}(?:,?{WEEKDAY}|K)?(?:,?{DATE})?"),
    Rule("clock", f"x?(?:[dw]H(?:[dw]U)?[P@]|d@){ZONE}?(?:,?{WEEKDAY}|K)?(?:,?{DATE})?"),
    Rule("part", "P|[su]J?@"),
    # points
    Rule("weekday", f"{PRE}R?K(?:[,-]?{DATE})?"),
    Rule("date_weekday", f"{PRE}{DATE},[va]?K"),
    Rule("date", f"{PRE}{DATE}"),
    Rule("month", f"{PRE}{MODIFIER}(?:M{YEARX}?|RM)"),
    Rule("year", f"{PRE}{MODIFIER}(?:{YEAR}|RG)"),
    Rule("old_year", "[vsuk]nG"),
    Rule("this_period", f"{PRE}o?B[GU]"),
    Rule("decade", f"{PRE}{MODIFIER}EG?(?:RU|w?[oV]U)?"),
    Rule("century", f"{PRE}{MODIFIER}(?:V|w?o|d)U"),
    Rule("season", f"{PRE}R?S{YEARX}?"),
    Rule("relative", f"{PRE}{MODIFIER}R[US@P]"),
    Rule("part_of_year", f"{PRE}oU{YEARX}?"),
    Rule("weekend", "[va]R?U"),
    Rule("holiday", f"{PRE}Q{YEARX}?"),
    Rule("deictic", f"{PRE}A(?:,?{DATE})?"),
    Rule("anaphor", f"{PRE}(?:tj?|Rj)[UGM]"),
    # counts of time
    Rule("ago", f"(?:x|N?mJ?)?(?:{AMOUNT})?{UNIT}(?:b+|c)"),
    Rule("later", f"x?cJ?x?(?:{AMOUNT})?{UNIT}"),
    Rule("duration", f"{COUNT_PRE}(?:l|(?<=[zauOe])R)?{AMOUNT}l?{UNIT}(?:[,i]?{AMOUNT}{UNIT})*"),
    Rule("unit_duration", f"{COUNT_PRE_REQUIRED}(?:l|(?<=[zauOe])R)?{UNIT}"),
    Rule("inverted", "[YUH][dw](?!M)"),
    Rule("extreme", "v?l[UG]"),
    Rule("adjective", "L"),
    Rule("set", f"q(?:{AMOUNT})?{UNIT}|Z|(?:[dw]?g)v(?:{AMOUNT})?{UNIT}"),
    Rule("per_unit", r"v[UG](?=[.,;])"),
    Rule("weekly", "p[KU]"),
]

# where any rule starts (group names dropped: they repeat across rules)
ANY_RULE = re.compile("|".join(re.sub(r"\(\?P<\w+>", "(?:", rule.pattern) for rule in RULES))


# rules never cross a plain word, except in "по московскому времени": only the runs between
# plain words are searched (the most of a text is plain words)
SEGMENT = re.compile(r"(?:p[_X]W|[^_X])+")


@dataclass(frozen=True)
class Refused:
    """What an interpreter returns for a match that is not time and must not be re-read in
    parts ("сорок один год" as an age must not leave "один год")."""

    end: int


@dataclass(frozen=True)
class Match:
    rule: Rule
    start: int  # first token
    end: int  # past-last token
    groups: dict[str, tuple[int, int]]


def candidates(cats: str, position: int) -> list[Match]:
    """Every rule's match at ``position``, longest first (ties: rule order)."""
    found = []
    for order, rule in enumerate(RULES):
        match = rule.regex.match(cats, position)
        if match and match.end() > position:
            groups = {name: match.span(name) for name in match.groupdict() if match.group(name)}
            found.append(
                (-(match.end() - position), order, Match(rule, position, match.end(), groups))
            )
    return [match for _, _, match in sorted(found, key=lambda item: item[:2])]


def parse(cats: str, accept: Callable[[Match], Any]) -> Iterator[tuple[Match, Any]]:
    """Leftmost-longest matches whose reading ``accept`` returns, in text order.

    ``accept`` returns None to refuse a match, a reading, or (reading, end) to keep only the
    tokens before ``end`` ("1 год 6 месяцев | и 1 год 5 месяцев").
    """
    for segment in SEGMENT.finditer(cats):
        yield from _parse_segment(cats, segment.start(), segment.end(), accept)


def _parse_segment(
    cats: str, position: int, end: int, accept: Callable[[Match], Any]
) -> Iterator[tuple[Match, Any]]:
    while True:
        first = ANY_RULE.search(cats, position, end)
        if first is None:
            return
        start = first.start()
        for match in candidates(cats, start):
            reading = accept(match)
            if reading is None:
                continue
            if isinstance(reading, Refused):  # an age, a distance: its tokens make nothing else
                position = max(start + 1, reading.end)
                break
            if isinstance(reading, tuple):
                reading, trimmed = reading
                match = Match(match.rule, match.start, trimmed, match.groups)
            yield match, reading
            position = match.end
            break
        else:
            position = start + 1
