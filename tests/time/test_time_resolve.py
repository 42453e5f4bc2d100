"""Calendar arithmetic of the resolver: Easter, thirds of a period, weekends, holidays."""

from __future__ import annotations

from datetime import date

import pytest

from ruextract.time.resolve import _easter


@pytest.mark.parametrize(
    "year, church, easter",
    [
        (2019, "western", date(2019, 4, 21)),
        (2024, "western", date(2024, 3, 31)),
        (2019, "orthodox", date(2019, 4, 28)),
        (2020, "orthodox", date(2020, 4, 19)),
        (2024, "orthodox", date(2024, 5, 5)),
    ],
)
def test_resolve_easter(year, church, easter):
    assert _easter(year, church) == easter


@pytest.mark.parametrize(
    "text, interval",
    [
        ("в конце февраля 2020 года", (date(2020, 2, 20), date(2020, 2, 29))),
        ("в начале марта 2020 года", (date(2020, 3, 1), date(2020, 3, 11))),
        ("во второй половине 1950-х", (date(1955, 1, 1), date(1959, 12, 31))),
        ("в первом квартале 2019 года", (date(2019, 1, 1), date(2019, 3, 31))),
    ],
)
def test_resolve_parts_of_periods(extract, text, interval):
    [timex] = extract(text, None)
    assert timex.interval == interval


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("в выходные", date(2013, 2, 12), "2013-W06-WE"),
        ("в прошедшие выходные", date(2013, 2, 16), "2013-W07-WE"),
        ("в минувшую среду", date(2012, 8, 3), "2012-08-01"),
        ("в прошлую среду", date(2012, 8, 3), "2012-07-25"),
        ("этим летом", date(2010, 5, 12), "2010-SU"),
        ("в сентябре прошлого года", date(2013, 2, 12), "2012-09"),
        ("в прошлом октябре", date(2012, 1, 8), "2011-10"),
        ("прошлой ночью", date(2012, 10, 9), "2012-10-09TNI"),
        ("70-х годов прошлого века", date(2009, 9, 1), "197"),
        ("в XXI веке", date(2009, 9, 1), "20"),
        ("в 410 году", None, "0410"),
        ("в 1996—98 годах", None, "1996/1998"),
    ],
)
def test_resolve_relative_periods(extract, text, published, value):
    [timex] = extract(text, published)
    assert timex.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        # the nearest Christmas to the date mentioned last: 25 December or 7 January
        ("22 декабря 2017 года арестовали мужчину, готовившего теракт на Рождество.", "2017-12-25"),
        ("5 января 2021 года храмы готовились к службе на Рождество.", "2021-01-07"),
    ],
)
def test_resolve_holidays_nearest_to_the_date_last_mentioned(extract, text, value):
    assert extract(text, None)[-1].value == value
