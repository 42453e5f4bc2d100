"""Readings placed on the calendar: TIMEX3 value, mod, interval and the anchor used.

The rules of ``guidelines/time.md``, in order of use:
- an explicit date needs no anchor;
- deictic expressions ("вчера", "в прошлом году", "три дня назад") count from publication;
- a date without a year, a bare weekday or month is the nearest one not after publication,
  or not before it when the grammar or the sentence points forward ("следующий", "будет");
- anaphoric expressions ("на следующий день", "тогда", "через неделю" after a date), holidays
  and a bare time of day resolve against the date mentioned last;
- without an anchor the unknown part stays X (XXXX-10-25): no year is invented.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .interpret import Duration, Offset, Point, Range, Reading, Repeat, duration_value
from .lexicon import Holiday

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}  # winter: December to February
DAYPARTS = {"MO", "AF", "EV", "NI"}
ANAPHORA_SENTENCES = 3  # "через N" counts from a date mentioned at most this many sentences before
# fmt: off
GRAIN_SIZE = {"S": 0, "MIN": 0, "H": 0, "D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "HY": 3, "Y": 4,
              "DE": 5, "CE": 6}
# fmt: on


@dataclass
class Value:
    type: str
    value: str
    mod: str | None = None
    interval: tuple[date, date] | None = None
    anchor: date | None = None
    grain: str | None = None  # D W M Y...: how precise the interval is (for anaphora)


@dataclass
class Context:
    """What resolution needs besides the reading: the anchor and the dates mentioned so far."""

    anchor: date | None
    sentence: int = 0
    future: bool = False  # the grammar or the tense points forward (see tense.py)
    last: Value | None = None  # the date mentioned last
    last_sentence: int = -10
    last_day: Value | None = None  # the day mentioned last

    def remember(self, value: Value) -> None:
        if value.interval is None or value.type not in ("DATE", "TIME"):
            return
        self.last, self.last_sentence = value, self.sentence
        if value.grain == "D":
            self.last_day = value


def resolve(reading: Reading, context: Context) -> Value | None:
    try:
        if isinstance(reading, Point):
            return _point(reading, context)
        if isinstance(reading, Range):
            return _range(reading, context)
        if isinstance(reading, Duration):
            return Value("DURATION", duration_value(reading.parts), reading.mod)
        if isinstance(reading, Offset):
            return _offset(reading, context)
        if isinstance(reading, Repeat):
            return Value("SET", reading.value)
    except (ValueError, OverflowError):  # "31 февраля", "99999 года", a shift off the calendar
        return None
    return None


# points


def _point(point: Point, context: Context) -> Value | None:
    if point.vague is not None:
        return Value("DATE", point.vague, point.mod)
    value = _calendar_point(point, context)
    if value is None:
        return None
    return _with_time(value, point, context)


def _calendar_point(point: Point, context: Context) -> Value | None:
    if point.holiday is not None:
        return _holiday(point.holiday, point, context)
    explicit_day = point.day is not None and point.month is not None and point.year is not None
    if point.shift is not None and not explicit_day:  # "в минувшую субботу, 17 сентября 2016 года"
        return _shifted(point, context)
    if point.century is not None:
        first = point.century * 100 + 1
        return _phased(
            point, f"{point.century:02d}", (date(first, 1, 1), date(first + 99, 12, 31)), "CE", None
        )
    if point.decade is not None:
        first = point.decade * 10
        return _phased(
            point, str(point.decade), (date(first, 1, 1), date(first + 9, 12, 31)), "DE", None
        )
    if point.year is not None:
        return _in_year(point, point.year, None)
    if point.month is not None or point.season is not None or point.part is not None:
        return _without_year(point, context)
    if point.weekday is not None:
        return _weekday(point, context)
    if point.weekend:
        return _weekend(point, context)
    if point.daypart is not None or point.clock is not None:
        return _time_only(point, context)
    return None


def _in_year(point: Point, year: int, anchor: date | None) -> Value:
    """A point whose year is known: a day, month, season, quarter, half or the whole year."""
    if point.month is not None and point.day is not None:
        day = date(year, point.month, point.day)
        return Value("DATE", day.isoformat(), point.mod, (day, day), anchor, "D")
    if point.month is not None:
        return _phased(
            point, f"{year:04d}-{point.month:02d}", _month(year, point.month), "M", anchor
        )
    if point.season is not None:
        return _phased(
            point, f"{year:04d}-{point.season}", _season(year, point.season), "S", anchor
        )
    if point.part is not None:
        unit, number = point.part
        months = 3 if unit == "Q" else 6
        first = (number - 1) * months + 1
        interval = (date(year, first, 1), _month(year, first + months - 1)[1])
        label = f"Q{number}" if unit == "Q" else f"H{number}"
        return _phased(point, f"{year:04d}-{label}", interval, "M", anchor)
    if point.half is not None:
        interval = (
            (date(year, 1, 1), date(year, 6, 30))
            if point.half == 1
            else (date(year, 7, 1), date(year, 12, 31))
        )
        return Value("DATE", f"{year:04d}-H{point.half}", point.mod, interval, anchor, "M")
    return _phased(point, f"{year:04d}", (date(year, 1, 1), date(year, 12, 31)), "Y", anchor)


def _without_year(point: Point, context: Context) -> Value | None:
    """A day, month or season with no year: the nearest one not after (or not before) the anchor."""
    anchor = context.anchor
    if anchor is None:
        if point.month is not None and point.day is not None:
            date(2000, point.month, point.day)  # validates "31 февраля" (2000 is a leap year)
            return Value(
                "DATE", f"XXXX-{point.month:02d}-{point.day:02d}", point.mod, None, None, "D"
            )
        if point.month is not None:
            return Value(
                "DATE", f"XXXX-{point.month:02d}", point.mod or point.phase, None, None, "M"
            )
        if point.season is not None:
            return Value("DATE", f"XXXX-{point.season}", point.mod or point.phase, None, None, "S")
        return None
    forward = point.future or context.future
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            value = _in_year(point, year, anchor)
        except ValueError:  # 29 February
            continue
        candidates.append(value)
    if not candidates:
        raise ValueError("no such day")
    if forward:
        after = [value for value in candidates if value.interval and value.interval[1] >= anchor]
        return after[0] if after else candidates[-1]
    before = [value for value in candidates if value.interval and value.interval[0] <= anchor]
    return before[-1] if before else candidates[0]


def _weekday(point: Point, context: Context) -> Value | None:
    anchor = context.anchor
    if anchor is None:
        return Value("DATE", f"XXXX-WXX-{point.weekday}", point.mod, None, None, "D")
    assert point.weekday is not None
    delta = anchor.isoweekday() - point.weekday
    if point.future or context.future:
        day = anchor + timedelta(days=(-delta) % 7)
    else:
        day = anchor - timedelta(days=delta % 7)
    return Value("DATE", day.isoformat(), point.mod, (day, day), anchor, "D")


def _weekend(point: Point, context: Context) -> Value:
    """ "в выходные": the latest weekend (this one from Saturday on), or the next one."""
    anchor = context.anchor
    if anchor is None:
        return Value("DATE", "XXXX-WXX-WE", point.mod, None, None, "W")
    weeks = 0 if anchor.isoweekday() >= 6 or point.future or context.future else -1
    return _shifted(Point(shift=("W", weeks), weekend=True, mod=point.mod), context)  # type: ignore[return-value]


def _time_only(point: Point, context: Context) -> Value:
    """ "утром", "в 10:35": on the day mentioned last, else on the anchor day."""
    if context.last_day is not None and context.last_day.interval is not None:
        day = context.last_day.interval[0]
        return Value("DATE", day.isoformat(), point.mod, (day, day), day, "D")
    if context.anchor is not None:
        day = context.anchor
        return Value("DATE", day.isoformat(), point.mod, (day, day), day, "D")
    return Value("DATE", "XXXX-XX-XX", point.mod, None, None, "D")


def _shifted(point: Point, context: Context) -> Value | None:
    unit, amount = point.shift  # type: ignore[misc]
    if point.base == "ref":
        reference = context.last_day if unit == "D" else context.last
        if unit == "REF":
            if context.last is None:
                return Value("DATE", "PAST_REF", point.mod)
            last = context.last
            base_day = last.interval[0] if last.interval else None
            return Value(
                last.type, last.value, point.mod or last.mod, last.interval, base_day, last.grain
            )
        if reference is None or reference.interval is None:
            reference = None
        base = (
            reference.interval[0]
            if reference is not None and reference.interval
            else context.anchor
        )
    else:
        base = context.anchor
    if base is None:
        return _unknown(point, unit)
    if unit == "D":
        day = base + timedelta(days=amount)
        return Value("DATE", day.isoformat(), point.mod, (day, day), base, "D")
    if unit == "W":
        monday = base - timedelta(days=base.isoweekday() - 1) + timedelta(weeks=amount)
        iso = monday.isocalendar()
        if point.weekday is not None:
            day = monday + timedelta(days=point.weekday - 1)
            return Value("DATE", day.isoformat(), point.mod, (day, day), base, "D")
        if point.weekend:
            saturday = monday + timedelta(days=5)
            label = f"{iso[0]:04d}-W{iso[1]:02d}-WE"
            return Value(
                "DATE", label, point.mod, (saturday, saturday + timedelta(days=1)), base, "W"
            )
        label = f"{iso[0]:04d}-W{iso[1]:02d}"
        return _phased(point, label, (monday, monday + timedelta(days=6)), "W", base)
    if unit == "M":
        year, month = divmod(base.year * 12 + base.month - 1 + amount, 12)
        return _phased(point, f"{year:04d}-{month + 1:02d}", _month(year, month + 1), "M", base)
    if unit in ("Q", "HY"):
        months = 3 if unit == "Q" else 6
        index = (base.year * 12 + base.month - 1) // months + amount
        year, number = divmod(index, 12 // months)
        return _in_year(
            Point(part=(unit, number + 1), mod=point.mod, phase=point.phase), year, base
        )
    if unit == "Y":
        return _in_year(point, base.year + amount, base)
    if unit == "X":  # "в прошлом октябре": the nearest such month strictly before / after
        assert point.month is not None
        year = base.year
        if amount < 0:
            year -= 1 if point.month >= base.month else 0
        else:
            year += 1 if point.month <= base.month else 0
        return _in_year(point, year, base)
    if unit == "DE":
        decade = base.year // 10 + amount
        return _phased(
            point, str(decade), (date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31)), "DE", base
        )
    if unit == "CE":
        century = (base.year - 1) // 100 + amount  # the XX century (1901-2000) is TIMEX3 "19"
        if point.decade is not None:  # "70-х годов прошлого века"
            decade = century * 10 + point.decade % 10
            first = decade * 10
            return _phased(
                point, str(decade), (date(first, 1, 1), date(first + 9, 12, 31)), "DE", base
            )
        first = century * 100 + 1
        return _phased(
            point, f"{century:02d}", (date(first, 1, 1), date(first + 99, 12, 31)), "CE", base
        )
    return None


def _unknown(point: Point, unit: str) -> Value:
    """A deictic expression with nothing to count from: the grain is known, the date is not."""
    labels = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "X": "XXXX"}
    label = labels.get(unit, "XXXX")
    if unit == "W" and point.weekday is not None:
        label = f"XXXX-WXX-{point.weekday}"
    if unit in ("Y", "X") and point.month is not None:
        label = f"XXXX-{point.month:02d}"
    return Value("DATE", label, point.mod or point.phase, None, None, unit)


def _holiday(holiday: Holiday, point: Point, context: Context) -> Value | None:
    """The occurrence in the year given, else the one nearest to the day mentioned last, else
    the latest one not after the anchor (the next one when the sentence looks forward)."""
    if point.year is not None:
        year = point.year
        occurrences = [span for y in (year - 1, year) for span in _occurrences(holiday, y)]
        start, end = max(occurrences, key=lambda span: _overlap(span, year))
        return _holiday_value(start, end, point, None)
    last_day = context.last_day
    if last_day is not None and last_day.interval is not None:
        reference = last_day.interval[0]
        occurrences = [span for y in _around(reference) for span in _occurrences(holiday, y)]
        start, end = min(occurrences, key=lambda span: _distance(span, reference))
        return _holiday_value(start, end, point, reference)
    anchor = context.anchor
    if anchor is None:
        return Value("DATE", f"XXXX-{holiday.key}", point.mod, None, None, "D")
    occurrences = sorted(span for y in _around(anchor) for span in _occurrences(holiday, y))
    if point.future or context.future:
        start, end = next(span for span in occurrences if span[1] >= anchor)
    else:
        start, end = [span for span in occurrences if span[0] <= anchor][-1]
    return _holiday_value(start, end, point, anchor)


def _around(day: date) -> tuple[int, int, int]:
    return day.year - 1, day.year, day.year + 1


def _holiday_value(start: date, end: date, point: Point, anchor: date | None) -> Value:
    value = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    return Value("DATE", value, point.mod, (start, end), anchor, "D" if start == end else "W")


def _occurrences(holiday: Holiday, year: int) -> list[tuple[date, date]]:
    if holiday.easter is not None:
        easter = _easter(year, holiday.easter)
        return [
            (
                easter + timedelta(days=holiday.offsets[0]),
                easter + timedelta(days=holiday.offsets[1]),
            )
        ]
    spans = []
    for first, last in holiday.dates:
        start = date(year, *first)
        spans.append((start, date(year if last >= first else year + 1, *last)))
    return spans


def _easter(year: int, church: str) -> date:
    if church == "western":  # the anonymous Gregorian algorithm
        a = year % 19
        b, c = divmod(year, 100)
        d, e = divmod(b, 4)
        g = (b - (b + 8) // 25 + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = divmod(c, 4)
        weekday = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * weekday) // 451
        month, day = divmod(h + weekday - 7 * m + 114, 31)
        return date(year, month, day + 1)
    a, b, c = year % 4, year % 7, year % 19  # Meeus' Julian algorithm, then the Gregorian shift
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = date(year, month, day + 1)
    return julian + timedelta(days=year // 100 - year // 400 - 2)


def _overlap(span: tuple[date, date], year: int) -> int:
    start, end = max(span[0], date(year, 1, 1)), min(span[1], date(year, 12, 31))
    return (end - start).days


def _distance(span: tuple[date, date], day: date) -> int:
    if span[0] <= day <= span[1]:
        return 0
    return min(abs((span[0] - day).days), abs((span[1] - day).days))


# ranges and offsets


def _range(reading: Range, context: Context) -> Value | None:
    first, last = reading.first, reading.last
    if not first.explicit_year and first.shift is None and first.year is None and context.anchor:
        start = _point(first, context)  # the range's start decides the year: "с 8 по 13 октября"
        if start is None or start.interval is None:
            return None
        last.year = start.interval[0].year
        end = _point(last, context)
        if end is not None and end.interval is not None and end.interval[1] < start.interval[0]:
            last.year += 1
            end = _point(last, context)
    else:
        start, end = _point(first, context), _point(last, context)
        wraps = (
            start
            and end
            and start.interval
            and end.interval
            and start.interval[0] > end.interval[1]
        )
        if wraps and first.year is not None and not _given_year(first):
            first.year -= 1  # "с 25 декабря по 5 января 2020 года"
            start = _point(first, context)
    if start is None or end is None:
        return None
    interval = None
    if start.interval is not None and end.interval is not None:
        interval = (start.interval[0], end.interval[1])
    return Value("DATE", f"{start.value}/{end.value}", None, interval, start.anchor, "W")


def _given_year(point: Point) -> bool:
    return point.explicit_year and point.shift is None


def _offset(offset: Offset, context: Context) -> Value | None:
    if offset.base == "anchor":
        base = context.anchor
        if base is None:
            return Value("DATE", "PAST_REF", offset.mod)
    else:
        last = context.last
        near = last is not None and context.sentence - context.last_sentence <= ANAPHORA_SENTENCES
        if (
            last is not None
            and last.grain is not None
            and GRAIN_SIZE.get(last.grain, 9) > GRAIN_SIZE.get(offset.unit, 0)
        ):
            near = False  # "через две недели" after "в декабре": the day is unknown
        if offset.sign > 0 and not near:
            if context.future and context.anchor is not None:
                base = context.anchor  # "решение будет принято через неделю"
            else:
                return Value("DURATION", duration_value([(offset.amount, offset.unit)]), offset.mod)
        elif last is None or last.interval is None:
            return Value("DURATION", duration_value([(offset.amount, offset.unit)]), offset.mod)
        else:
            base = last.interval[0]
    assert offset.amount is not None
    amount = offset.amount * offset.sign
    unit = offset.unit
    if unit in ("D", "W", "H", "MIN", "S"):
        days = {"D": amount, "W": 7 * amount, "H": amount / 24, "MIN": amount / 1440, "S": 0}[unit]
        day = base + timedelta(days=int(days))
        return Value("DATE", day.isoformat(), offset.mod, (day, day), base, "D")
    if unit in ("M", "Q", "HY"):
        months = int(amount * {"M": 1, "Q": 3, "HY": 6}[unit])
        year, month = divmod(base.year * 12 + base.month - 1 + months, 12)
        return Value(
            "DATE", f"{year:04d}-{month + 1:02d}", offset.mod, _month(year, month + 1), base, "M"
        )
    if unit == "Y":
        year = base.year + int(amount)
        return Value(
            "DATE", f"{year:04d}", offset.mod, (date(year, 1, 1), date(year, 12, 31)), base, "Y"
        )
    if unit == "DE":
        decade = (base.year + int(amount) * 10) // 10
        return Value(
            "DATE",
            str(decade),
            offset.mod,
            (date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31)),
            base,
            "DE",
        )
    return Value("DURATION", duration_value([(offset.amount, unit)]), offset.mod)


# calendar helpers


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _season(year: int, season: str) -> tuple[date, date]:
    if season == "WI":  # the winter that ends in that year
        return date(year - 1, 12, 1), _month(year, 2)[1]
    first, last = SEASON_MONTHS[season]
    return date(year, first, 1), _month(year, last)[1]


def _phased(
    point: Point, label: str, interval: tuple[date, date], grain: str, anchor: date | None
) -> Value:
    """The period, or its first, middle or last third (or half) when the text says so."""
    start, end = interval
    days = (end - start).days + 1
    third = -(-days // 3)
    if point.phase == "START":
        interval = (start, start + timedelta(days=third - 1))
    elif point.phase == "END":
        interval = (end - timedelta(days=third - 1), end)
    elif point.phase == "MID":
        interval = (start + timedelta(days=third), end - timedelta(days=third))
    elif point.half is not None:
        middle = start + timedelta(days=days // 2)
        interval = (start, middle - timedelta(days=1)) if point.half == 1 else (middle, end)
    mod = point.mod or point.phase or ({1: "START", 2: "END"}.get(point.half or 0))
    return Value("DATE", label, mod, interval, anchor, grain)


def _with_time(value: Value, point: Point, context: Context) -> Value:
    if not point.is_time:
        return value
    day = value.value
    if value.grain != "D" or "/" in day:
        if point.daypart in DAYPARTS and point.holiday is None:
            return value  # "зимними ночами"
        if point.holiday is not None and value.interval:
            day = value.interval[0].isoformat()
        else:
            return value
    if point.clock is not None:
        hour, minute, second = point.clock
        clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
        return Value("TIME", f"{day}T{clock}", value.mod, value.interval, value.anchor, "D")
    return Value("TIME", f"{day}T{point.daypart}", value.mod, value.interval, value.anchor, "D")
