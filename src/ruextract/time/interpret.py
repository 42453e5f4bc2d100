"""What a grammar match means, before it is placed on the calendar.

``interpret`` turns a match into a reading: a ``Point`` (a day, month, year, week, season,
decade, holiday..., maybe relative: "в прошлом году"), a ``Range`` of two points, a
``Duration``, an ``Offset`` from a date ("три дня назад", "через неделю"), a ``Repeat``
("каждый год") or ``Several`` points ("20 и 21 апреля"). It returns None for a match that is
not a time expression after all (an age, "в 1200 километрах", the 31st of February).
``resolve.py`` then gives each reading its value against the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .grammar import Match, Refused
from .lexicon import Deixis, Holiday, Lexicon
from .scan import Token
from .tense import TenseReader

SINGLE_YEAR = frozenset({"году", "года", "год", "годом", "г"})
INVERTED_UNITS = frozenset(
    {"лет", "минут", "часов", "дней", "недель", "месяцев", "суток", "секунд"}
)
QUOTES = frozenset("«»\"„“”'")
OUTER_CATEGORIES = frozenset("xmbNvsupakzfODJ")  # what may open an expression
PREPOSITION_MODS = {"s": "AFTER", "f": "AFTER", "u": "BEFORE", "p": "BEFORE", "x": "APPROX"}
LIST_OF_YEARS = ("G", "Y")
NOT_A_YEAR_BEFORE = frozenset({"№", "ст", "статьи", "статья", "номер", "n", "no", "пункт", "часть"})
# a bare number (no "года") is a year when it is plausibly one
BARE_YEAR_RANGE = (1800, 2035)
AGE_WINDOW = 6  # tokens before "до 60 лет" where an age word ("возраст", "пенсию") makes it an age


@dataclass
class Point:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    decade: int | None = None  # TIMEX3 decade: 199 for the 1990s
    century: int | None = None  # TIMEX3 century: 18 for the XIX century
    season: str | None = None  # SP SU FA WI
    part: tuple[str, int] | None = None  # ("Q", 1) first quarter, ("HY", 2) second half-year
    half: int | None = None  # first or second half of the period ("во второй половине 1950-х")
    shift: tuple[str, int] | None = None  # ("Y", -1) a year back; ("X", -1) the previous such month
    base: str = "anchor"  # what a shift or a missing year is counted from: "anchor" | "ref"
    holiday: Holiday | None = None
    weekend: bool = False
    daypart: str | None = None  # MO AF EV NI
    clock: tuple[int, int, int] | None = None
    vague: str | None = None  # PAST_REF PRESENT_REF FUTURE_REF
    phase: str | None = None  # START MID END
    mod: str | None = None  # from a preposition or comparative: AFTER BEFORE APPROX
    future: bool = False  # the grammar points forward ("следующий")
    explicit_year: bool = False

    @property
    def is_time(self) -> bool:
        return self.daypart is not None or self.clock is not None


@dataclass
class Range:
    first: Point
    last: Point


@dataclass
class Duration:
    parts: list[tuple[float | None, str]]  # (amount, unit); None: an unknown count ("несколько")
    mod: str | None = None


@dataclass
class Offset:
    amount: float | None
    unit: str
    sign: int  # -1 back ("назад", "ранее"), +1 forward ("через", "спустя", "позже")
    base: str  # "anchor" for "назад", "ref" (the date last mentioned) for the others
    mod: str | None = None


@dataclass
class Repeat:
    value: str


@dataclass
class Several:
    items: list[tuple[int, int, Point]] = field(default_factory=list)  # token span, point


Reading = Point | Range | Duration | Offset | Repeat | Several


class Interpreter:
    def __init__(self, lexicon: Lexicon, morph: TenseReader | None = None):
        self.lexicon = lexicon
        self.morph = morph or TenseReader()  # pymorphy3 tags, for "в 2014 он" / "2000 человек"
        self.trace: list[str] | None = None  # set to a list to hear why matches were refused

    def __call__(self, match: Match, tokens: list[Token]) -> Reading | None:
        span = tokens[match.start : match.end]
        name = match.rule.name
        handler = getattr(self, "_" + name, None)
        if handler is None:
            return self._point(match, span, tokens)
        reading = handler(match, span, tokens)
        if self.trace is not None and (reading is None or isinstance(reading, Refused)):
            self.trace.append(
                f"{name}: refused ({'not time, consumed' if reading else 'no reading'})"
            )
        return reading  # type: ignore[no-any-return]

    def _read(self, tokens: list[Token]) -> Point | None:
        return point_of(tokens, self.lexicon.just_past)

    # points

    def _point(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        point = self._read(span)
        if point is None:
            return None
        for rules, check in POINT_CHECKS:
            if match.rule.name in rules and check(self, match, span, tokens, point):
                if self.trace is not None:
                    self.trace.append(f"{match.rule.name}: refused by {check.__name__}")
                return None
        return point

    def _named_month(self, match: Match, span: list[Token], tokens: list[Token]) -> bool:
        month = next(token for token in span if token.cat == "M")
        if not month.upper or (match.start > 0 and tokens[match.start - 1].cat == "."):
            return False
        return month.word in self.lexicon.month_adjectives or len(span) == 1

    def _plausible_year(self, match: Match, span: list[Token], tokens: list[Token]) -> bool:
        if any(token.cat in "GRBo" for token in span):
            return True
        year = next(token.value for token in span if token.cat == "y")
        before = tokens[match.start - 1] if match.start > 0 else None
        after = tokens[match.end] if match.end < len(tokens) else None
        preposition = span[0].word if span[0].cat != "y" else None
        if before is not None and before.word in NOT_A_YEAR_BEFORE:
            return False
        if (
            before is not None
            and before.cat == "-"
            and match.start > 1
            and tokens[match.start - 2].cat in "X_"
        ):
            return True  # "Олимпиада-2016"
        if span[0].cat in "xm":  # "около 2000", "более 1500"
            return False
        if after is not None and after.cat in "dnwUYH":  # "1000 лет", "2000 10 человек"
            return False
        if (
            after is not None and after.cat == "_"
        ):  # "1000 гостей" counts, "премию 2019 получил" dates
            low, high = BARE_YEAR_RANGE
            return low <= year <= high and not self.morph.is_noun(after.word)
        return preposition is not None or BARE_YEAR_RANGE[0] <= year <= BARE_YEAR_RANGE[1]

    def _night(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        if "b" in match.groups:  # в ночь с 18 на 19 апреля: the night is put on the 19th
            start, end = match.groups["b"]
            point = self._read(tokens[start:end])
        else:  # в ночь на 19 декабря
            after = next(index for index, token in enumerate(span) if token.cat == "a")
            point = self._read(span[after + 1 :])
        if point is None:
            return None
        return replace(point, daypart="NI")

    def _day_range(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        first_tokens = _group(match, "a", tokens)
        first = self._read(first_tokens)
        last = self._read(_group(match, "b", tokens))
        if first is None or last is None:
            return None
        if (
            first.day is None and first.month is None and first_tokens[0].cat == "d"
        ):  # "с 1 по 5 мая"
            first.day = first_tokens[0].value
        if first.month is None:
            first.month = last.month
        if first.year is None and first.shift is None:
            first.year, first.shift, first.explicit_year = last.year, last.shift, last.explicit_year
        return Range(first, last)

    def _year_range(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        last_token = tokens[match.groups["b"][0]]
        reading = self._day_range(match, span, tokens)
        if last_token.cat in "dn" and not (
            isinstance(last_token.value, int)
            and len(last_token.word) == 2
            and last_token.value < 100
        ):
            return None
        if isinstance(reading, Range) and last_token.cat in "dn" and reading.first.year is not None:
            year = reading.first.year // 100 * 100 + last_token.value  # "1996—98"
            if year <= reading.first.year:
                return None  # "2016-04" is part of a code, not a range
            reading.last.year = year
            reading.last.explicit_year = True
        return reading

    def _old_year(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        number, unit = span[1], span[2]  # "в 410 году": a year before 1000
        if (
            not isinstance(number.value, int)
            or not 100 <= number.value <= 999
            or unit.word not in SINGLE_YEAR
        ):
            return None
        return self._point(match, span[:1] + [_as_year(number)] + span[2:], tokens)

    def _inverted(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        unit, number = span  # "лет 30", "минут пять": about that long
        if unit.word not in INVERTED_UNITS or not isinstance(number.value, int):
            return None
        parts, _ = count_of([number, unit])
        return Duration(parts, "APPROX")

    def _day_list(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        last = self._read(_group(match, "b", tokens))
        if last is None:
            return None
        start, end = match.groups["a"]
        items = [
            (index, index + 1, replace(last, day=tokens[index].value))
            for index in range(start, end)
            if tokens[index].cat == "d"
        ]
        items.append((*match.groups["b"], last))
        return Several(items)

    # counts of time

    def _ago(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        parts, mod = count_of(span)
        if len(parts) != 1:
            return None
        amount, unit = parts[0]
        base, sign = next(
            (token.value for token in span if token.cat == "b"),
            ("ref", 1),  # "год спустя"
        )
        if amount is None:
            if base == "anchor":
                return Point(vague="PAST_REF")
            return Duration(parts, mod)
        return Offset(amount, unit, sign, base, mod)

    def _later(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        parts, mod = count_of(span)
        if len(parts) != 1:
            return None
        amount, unit = parts[0]
        if amount is None:
            return Duration(parts, mod)
        return Offset(amount, unit, 1, "ref", mod)

    def _duration(self, match: Match, span: list[Token], tokens: list[Token]) -> Any:
        end = _descending_units(span)  # "1 год 6 месяцев | и 1 год 5 месяцев" are two
        span = span[:end]
        parts, mod = count_of(span)
        if not parts or any(token.word in ("году", "годе", "г", "гг") for token in span):
            return None  # "на 85 году жизни" is an ordinal year, "400 г" grams
        after = tokens[match.start + end] if match.start + end < len(tokens) else None
        if after is not None and after.word in self.lexicon.distance_nouns:
            return Refused(match.start + end)  # "в десяти минутах ходьбы"
        since = span[0].cat == "s" or (match.start > 0 and tokens[match.start - 1].cat == "s")
        if since and span[-1].word in ("лет", "года"):
            return Refused(match.start + end)  # "начала петь с пяти лет": an age
        units = [token for token in span if token.cat in "UGYH"]
        if any(token.upper and index for index, token in enumerate(units)) or (
            units and units[0].upper and span[0] is not units[0]
        ):
            return None  # "на Неделе моды": a capitalised unit is a name
        if self._is_age(
            match, span, tokens, parts
        ):  # the age only: "в возрасте 61 года, | двумя ..."
            first_unit = next(index for index, token in enumerate(span) if token.cat in "UGYH")
            return Refused(match.start + first_unit + 1)
        if _is_title(match, span, tokens):
            return None
        return Duration(parts, mod), match.start + end

    _unit_duration = _duration

    def _is_age(
        self, match: Match, span: list[Token], tokens: list[Token], parts: list[Any]
    ) -> bool:
        after = tokens[match.end] if match.end < len(tokens) else None
        before_match = tokens[match.start - 1] if match.start > 0 else None
        prepositional = span[0].cat in "uONm" or (
            before_match is not None and before_match.cat in "uOm"
        )
        if parts[-1][1] == "Y" and prepositional and self._age_context(match, tokens, after):
            return True  # "возраст выхода на пенсию повысится до 60 лет"
        if span[0].cat not in "dnwx" or parts[0][1] != "Y" or match.start == 0:
            return False  # a preposition or another unit: "на два года", "два месяца"
        index = match.start - 1
        while index >= 0 and tokens[index].word in self.lexicon.age_skip:
            index -= 1
        if index < 0:
            return False
        before = tokens[index]
        if before.word in self.lexicon.age_cues or before.cat == "v":  # "ему 49 лет", "в 13 лет"
            return True
        if len(parts) > 1 or parts[0][0] is None:
            return False
        if (
            before_match is not None and before_match.cat == "X"
        ):  # "Петрову 53 года", "Келли 52 года"
            return True
        if before.cat == "X" and before.word.endswith(("у", "ю")):  # "В.Зубкову уже 70 лет"
            return True
        if (
            before_match is not None
            and before_match.cat == "-"
            and match.start > 1
            and tokens[match.start - 2].cat == "X"
        ):
            return True  # "Мишель Бачелет — 54 года"
        end = match.start + len(span)
        after = tokens[end] if end < len(tokens) else None
        if (
            before_match is not None
            and before_match.cat == ","
            and (after is None or after.cat in ",.;")
        ):
            return True  # "Клэренс Картер, 49 лет, был казнён"
        return (
            before_match is not None
            and before_match.word == "("
            and after is not None
            and after.word == ")"
        )  # "(51 год)"

    def _age_context(self, match: Match, tokens: list[Token], after: Token | None) -> bool:
        if after is not None and after.word.startswith(self.lexicon.penalty_stems):
            return False  # "до 10 лет лишения свободы"
        sentence = tokens[match.start].sent
        for token in tokens[max(0, match.start - AGE_WINDOW) : match.start]:
            if token.sent == sentence and token.word.startswith(self.lexicon.age_stems):
                return True
        return False

    def _extreme(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        extreme = next(token for token in span if token.cat == "l")
        if not extreme.word.endswith(("ие", "их", "ими")):  # "в последний день" is not vague
            return None
        return Point(vague="PAST_REF" if extreme.value < 0 else "FUTURE_REF")

    def _adjective(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        amount, unit = span[0].value
        amount = None if amount == "X" else amount  # "многолетний"
        if unit == "Y":  # "23-летний срок", "40-летней военной службы"; "72-летний Амано" is an age
            following = tokens[match.end : match.end + 2]
            if not any(token.word in self.lexicon.period_nouns for token in following):
                return None
        return Duration([(amount, unit)])

    def _set(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        if span[0].cat == "Z":
            return Repeat(span[0].value)
        if any(token.cat == "g" for token in span):  # "два раза в неделю": once a week, twice
            span = span[next(i for i, token in enumerate(span) if token.cat == "v") + 1 :]
        parts, _ = count_of(span)
        if len(parts) != 1:
            return None
        return Repeat(duration_value(parts))

    def _weekly(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        day = span[1]  # "по понедельникам", "по выходным"
        if day.cat == "K" and day.word.endswith(("ам", "ым")):
            return Repeat(f"XXXX-WXX-{day.value}")
        if day.cat == "U" and day.value == "WE" and day.word.endswith("ым"):
            return Repeat("XXXX-WXX-WE")
        return None

    def _per_unit(self, match: Match, span: list[Token], tokens: list[Token]) -> Reading | None:
        if match.end + 1 < len(tokens) and tokens[match.end + 1].word in (
            "когда",
            "в",
            "который",
            "которого",
        ):
            return None  # "в день, когда ..."
        parts, _ = count_of(span)
        if len(parts) != 1 or parts[0][1] not in ("Y", "M", "W", "D", "H"):
            return None
        return Repeat(duration_value(parts))


# Why a point-like match is not a time expression after all: small named verdicts, tried in
# order (a match is refused by the first that says so).


def not_a_year(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return not self._plausible_year(match, span, tokens)  # "в 1200 километрах", "№ 1747"


def wrong_unit(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return not _unit_fits(match.rule.name, point)  # "на третьей минуте" is no quarter


def no_relative_noun(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return point.shift is None and point.daypart is None


def bare_clock(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return len(span) == 1 and span[0].cat == "T"  # a score "14:13": a time has "в", a zone, a date


def quoted_title(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    if match.rule.name == "holiday":  # the icon «Рождество Христово»
        return match.start > 0 and tokens[match.start - 1].word in QUOTES
    return len(span) == 1 and span[0].upper and _quoted(match, tokens)  # the newspaper «Сегодня»


def not_adverbial(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return len(span) == 1 and not _adverbial(match, tokens, span[0].word)  # "чёрным днём"


def coordinated_parts(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return len(span) == 1 and _coordinated_parts(match, tokens)  # "днём и ночью"


def bare_story_day(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    day_unit = any(token.cat == "U" and token.value == "D" for token in span)
    return span[0].cat in "Rt" and day_unit  # "этот день настал", said without "в" / "на"


def decade_without_preposition(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return not _decade_context(span)  # "на 40-е место"


def environment(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return span[0].cat == "K" and span[0].word == "среду"  # "окружающую среду"


def named_month(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return self._named_month(match, span, tokens)  # "Октябрьский район", "бразильянка Марта"


def season_noun(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    return len(span) == 1 and not span[0].word.endswith(("ой", "ом", "ью", "ою"))  # "Весна" alone


def whereas(
    self: Interpreter, match: Match, span: list[Token], tokens: list[Token], point: Point
) -> bool:
    after = tokens[match.end].word if match.end < len(tokens) else ""
    return span[-1].word == "тогда" and after == "как"  # "тогда как"


POINT_CHECKS = (
    (("year",), not_a_year),
    (("part_of_year", "weekend", "century"), wrong_unit),
    (("relative",), no_relative_noun),
    (("clock",), bare_clock),
    (("deictic", "holiday"), quoted_title),
    (("part",), not_adverbial),
    (("part",), coordinated_parts),
    (("relative", "anaphor"), bare_story_day),
    (("decade",), decade_without_preposition),
    (("weekday",), environment),
    (("month",), named_month),
    (("season",), season_noun),
    (("deictic",), whereas),
)


UNIT_SIZE = {
    "CE": 9,
    "DE": 8,
    "Y": 7,
    "HY": 6,
    "Q": 5,
    "M": 4,
    "W": 3,
    "WE": 3,
    "D": 2,
    "H": 1,
    "MIN": 0,
    "S": -1,
}


def _descending_units(span: list[Token]) -> int:
    """How many tokens of a count keep its units strictly decreasing (years, months, days...)."""
    previous = 99
    for index, token in enumerate(span):
        if token.cat == "," and index + 1 < len(span) and span[index + 1].upper:
            return index  # "в возрасте 61 года, | Двумя неделями ранее"
        if token.cat in "UGYH" and not isinstance(token.value, tuple):
            size = UNIT_SIZE.get("Y" if token.cat in "GY" else token.value, 0)
            if size >= previous:
                start = index
                while start > 0 and span[start - 1].cat in "dnwsh":
                    start -= 1
                while start > 0 and span[start - 1].cat in ",i":
                    start -= 1
                return start
            previous = size
    return len(span)


def _is_title(match: Match, span: list[Token], tokens: list[Token]) -> bool:
    """«Один день Ивана Денисовича», «Три минуты тишины»: a capitalised count after a quote."""
    if not span[0].upper or span[0].cat != "w" or match.start == 0:
        return False
    return tokens[match.start - 1].cat == ";"


def _as_year(token: Token) -> Token:
    return Token(token.start, token.end, "y", token.value, token.word, token.sent, token.upper)


def _group(match: Match, name: str, tokens: list[Token]) -> list[Token]:
    start, end = match.groups[name]
    return tokens[start:end]


def _adverbial(match: Match, tokens: list[Token], word: str) -> bool:
    """Is a bare part of day an adverb of time? "днём" is, before a comma, a stop, a weekday or
    "в" ("днём в понедельник"), and not after an adjective ("чёрным днём")."""
    after = tokens[match.end].cat if match.end < len(tokens) else "."
    before = tokens[match.start - 1].word if match.start > 0 else ""
    if word not in ("днем", "днём"):
        return True
    return after in ",.;vKA" and not before.endswith(("ым", "им", "ой"))


def _decade_context(span: list[Token]) -> bool:
    """ "в 90-е", "в 1990-е годы", "девяностые": a decade literal alone needs "в", "с", "до"..."""
    if any(token.cat in "GB" for token in span) or span[0].cat == "E":
        return span[0].cat != "E" or span[0].word[:1].isalpha() or len(span) > 1
    return span[0].word in ("в", "во", "с", "со", "до", "к", "по", "от")


def _quoted(match: Match, tokens: list[Token]) -> bool:
    before = tokens[match.start - 1].word if match.start > 0 else ""
    after = tokens[match.end].word if match.end < len(tokens) else ""
    return before in QUOTES and after in QUOTES


def _coordinated_parts(match: Match, tokens: list[Token]) -> bool:
    cats = "".join(token.cat for token in tokens[max(0, match.start - 2) : match.end + 2])
    return "PiP" in cats


def _unit_fits(rule: str, point: Point) -> bool:
    if rule == "part_of_year":
        return point.part is not None
    if rule == "weekend":
        return point.weekend
    return point.century is not None


def point_of(tokens: list[Token], just_past: frozenset[str] = frozenset()) -> Point | None:
    """Read a point from left to right; None when the tokens do not make a valid one.

    ``just_past``: the relative adjectives meaning "the latest" ("минувший"), not "the
    previous period's" ("прошлый").
    """
    point = Point()
    latest = False
    inside = False  # past the prepositions and comparatives that open the expression
    ordinal: int | None = None  # "первого", "XIX", "двадцать первого": for the next unit
    shift: int | None = None  # a relative adjective waiting for its noun
    negated = False
    same = False  # "тот же"
    numeric_month = False  # "21 10 2016": the second number is the month
    hour: int | None = None
    for index, token in enumerate(tokens):
        cat, value = token.cat, token.value
        following = tokens[index + 1].cat if index + 1 < len(tokens) else ""
        if cat not in OUTER_CATEGORIES:
            inside = True
        if cat in PREPOSITION_MODS:
            if not inside:  # only what opens the expression: not "по" of "по московскому времени"
                point.mod = point.mod or PREPOSITION_MODS[cat]
        elif cat == "N":
            negated = True
        elif cat in "mb" and point.mod is None:
            point.mod = _comparative(token, negated)
        elif cat == "F":
            point.year, point.month, point.day = value
            point.explicit_year = True
        elif cat in "dw" and hour is not None and following == "U":  # "14 часов 25 минут"
            point.clock = (hour, value, 0)
        elif (
            cat == "U" and hour is not None
        ):  # "часов 25 минут", "3 часа дня": read above and below
            continue
        elif cat == "d" and following == "U":  # "в 19 веке"
            ordinal = value
        elif cat == "d" and numeric_month:
            if not 1 <= value <= 12:
                return None
            point.month = value
            numeric_month = False
        elif cat in "do" and following == "M":
            point.day = value
        elif cat == "d" and following == "d":
            point.day = value
            numeric_month = True
        elif cat == "d" and following == "@":  # "в 5 утра"
            hour = value
        elif cat == "M":
            point.month = value
            if shift is not None:  # "в прошлом октябре"
                point.shift, shift = ("X", shift), None
        elif cat == "y":
            point.year = value
            point.explicit_year = True
        elif cat == "K":
            point.weekday = value
            if shift is not None and latest:  # "в минувшую среду": the latest Wednesday
                point.future, shift = False, None
            elif shift is not None:  # "в прошлую пятницу": the Friday of the previous week
                point.shift, shift = ("W", shift), None
        elif cat == "R":
            shift = value
            latest = token.word in just_past
            point.future = point.future or value > 0
        elif cat == "t" or cat == "j":
            same = True
        elif cat == "G":
            if shift is not None:  # "в прошлом году"; "в этом же году" is the year last mentioned
                point.shift, shift = ("Y", shift), None
                point.base = "ref" if same else point.base
                same = False
            elif same:
                point.shift, point.base, same = ("Y", 0), "ref", False
            elif (point.phase or point.half) and point.year is None and point.decade is None:
                point.shift = point.shift or ("Y", 0)  # "в конце года": this year
        elif cat == "U":
            if not _unit(point, value, ordinal, shift, same, latest):
                return None
            ordinal = shift = None
            same = False
        elif cat == "S":
            point.season = value
            if shift is not None:
                point.shift, shift = ("Y", shift), None
        elif cat == "E":
            point.decade = value
        elif cat == "V":
            ordinal = value
        elif cat == "o":
            ordinal = value + (ordinal or 0)
        elif cat == "w" and following == "o" and isinstance(value, int):  # "двадцать первого"
            ordinal = value
        elif cat == "B":
            if value == "HALF":
                if ordinal not in (1, 2):
                    return None
                point.half, ordinal = ordinal, None
            else:
                point.phase = value
        elif cat == "A":
            _deictic(point, value)
        elif cat == "Q":
            point.holiday = value
            point.daypart = point.daypart or value.part
        elif cat in "P@":
            point.daypart = value
            if hour is not None:
                point.clock = (_twelve(hour, value), 0, 0)
            elif shift is not None:  # "прошлой ночью"
                point.shift, shift = ("D", shift if value != "NI" else shift + 1), None
        elif cat == "C":
            point.clock = (
                value[0] % 24 if token.word.startswith("полноч") else value[0],
                value[1],
                0,
            )
        elif cat == "T":
            point.clock = value
        elif cat == "H":
            previous = tokens[index - 1] if index else None
            if previous is None or previous.cat not in "dw" or not isinstance(previous.value, int):
                return None
            hour = previous.value
            point.clock = (hour, 0, 0)
    if point.clock == (0, 0, 0) and point.mod == "BEFORE" and tokens[-1].cat == "C":
        point.clock = (24, 0, 0)  # "до полуночи"
    if hour is not None and point.clock is not None and point.daypart is None:
        last = tokens[-1]
        if last.cat == "U" and last.value == "D":  # "в 3 часа дня"
            point.clock = (_twelve(hour, "AF"), point.clock[1], 0)
    if point.clock is not None and not (point.clock[0] <= 24 and point.clock[1] <= 59):
        return None
    if shift is not None or same:
        return None  # "в этом", "тот" without a noun
    if point.day is not None and not 1 <= point.day <= 31:
        return None
    if point.day is not None and point.month is None:
        return None
    return point


def _unit(
    point: Point, value: Any, ordinal: int | None, shift: int | None, same: bool, latest: bool
) -> bool:
    """Apply a unit noun; False when the combination means nothing."""
    if isinstance(value, tuple):  # "полгода" is not a point
        return False
    if value == "CE":
        if shift is not None:  # "прошлого века"
            point.shift = ("CE", shift)
        elif ordinal is not None:
            point.century = ordinal - 1  # the XIX century is TIMEX3 "18"
        else:
            return False
        return True
    if value in ("Q", "HY"):
        if ordinal is None:
            return shift is not None and _shift(point, value, shift)
        point.part = (value, ordinal)
        return (value == "Q" and 1 <= ordinal <= 4) or (value == "HY" and ordinal in (1, 2))
    if value == "WE":
        point.weekend = True
        if shift is not None and not latest:
            point.shift = ("W", shift)
        return True
    if shift is not None:
        return _shift(point, value, shift)
    if same:  # "в тот же день"
        point.shift, point.base = (value, 0), "ref"
        return True
    if point.phase or point.half:  # "в начале недели"
        point.shift = (value, 0)
        return True
    return False


def _shift(point: Point, unit: str, shift: int) -> bool:
    if unit == "D":  # "на следующий день", "в этот день": counted from the date last mentioned
        point.shift, point.base = ("D", shift), "ref"
        return True
    if unit in ("W", "M", "Y", "Q", "HY", "DE"):
        point.shift = (unit, shift)
        return True
    return False


def _deictic(point: Point, deixis: Deixis) -> None:
    point.mod = point.mod or deixis.mod
    if deixis.vague is not None:
        point.vague = deixis.vague
    elif deixis.days is None:  # "тогда": the date last mentioned, as it was given
        point.shift, point.base = ("REF", 0), "ref"
    else:
        point.shift, point.base = (deixis.unit, deixis.days), deixis.base or "anchor"


def _comparative(token: Token, negated: bool) -> str | None:
    if token.cat == "m":
        mod = token.value
    else:  # "позднее 1 мая" is after it, "не позднее" before
        mod = "AFTER" if token.value[1] > 0 else "BEFORE"
    if mod and negated:
        mod = "BEFORE" if mod == "AFTER" else "AFTER"
    return mod  # type: ignore[no-any-return]


def _twelve(hour: int, daypart: str) -> int:
    """ "3 часа дня" is 15:00, "10 вечера" 22:00, "12 ночи" 0:00."""
    if daypart in ("AF", "EV") and hour < 12:
        return hour + 12
    if daypart == "NI" and hour == 12:
        return 0
    return hour


def count_of(tokens: list[Token]) -> tuple[list[tuple[float | None, str]], str | None]:
    """(amount, unit) pairs and the mod of a count of time: "не более 3 лет и 8 месяцев"."""
    parts: list[tuple[float | None, str]] = []
    amount: float | None = None
    seen_amount = False
    unknown = False
    mod: str | None = None
    negated = False
    for token in tokens:
        cat, value = token.cat, token.value
        if cat in ("d", "n", "y"):
            if value is None:  # "12:75" and the like: not a count
                return [], None
            amount, seen_amount = (amount or 0) + float(value), True
        elif cat == "w":
            if value == "X":
                unknown = True
            else:
                amount = (amount or 0) + float(value)
            seen_amount = True
        elif cat == "h" and seen_amount:  # "два с половиной"
            amount = (amount or 0) + 0.5
        elif cat in ("U", "G", "Y", "H"):
            if isinstance(value, tuple):  # "полгода"
                unit, fraction = value
                parts.append((None if unknown else fraction * (amount or 1), unit))
            else:
                unit = "Y" if cat in LIST_OF_YEARS else value
                parts.append((None if unknown else (amount if seen_amount else 1.0), unit))
            amount, seen_amount, unknown = None, False, False
        elif cat == "N":
            negated = True
        elif cat == "x":
            mod = mod or "APPROX"
        elif cat == "m" or (cat == "b" and negated):  # "более", "не позднее"
            mod = mod or _comparative(token, negated)
        elif cat == "u":
            mod = mod or "BEFORE"
        elif cat == "O":
            mod = mod or "AFTER"
    return parts, mod


UNIT_CODES = {
    "Y": "Y",
    "M": "M",
    "W": "W",
    "D": "D",
    "DE": "DE",
    "CE": "CE",
    "Q": "Q",
    "HY": "HY",
    "WE": "WE",
}
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


def duration_value(parts: list[tuple[float | None, str]]) -> str:
    """TIMEX3 duration: [(3, "Y"), (8, "M")] -> P3Y8M, [(None, "H")] -> PTXH."""
    date_part, time_part = "", ""
    for amount, unit in parts:
        if unit == "Q":
            amount, unit = (None if amount is None else amount * 3), "M"
        elif unit == "HY":
            amount, unit = (None if amount is None else amount * 6), "M"
        elif unit == "WE":
            amount, unit = (None if amount is None else amount * 2), "D"
        text = "X" if amount is None else _number(amount)
        if unit in TIME_UNITS:
            time_part += text + TIME_UNITS[unit]
        else:
            date_part += text + UNIT_CODES[unit]
    return "P" + date_part + ("T" + time_part if time_part else "")


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
