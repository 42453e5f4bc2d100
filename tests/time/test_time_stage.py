"""Each kind of expression, end to end: text in, value / mod / interval / type out."""

from __future__ import annotations

from datetime import date

import pytest

# the tables below keep one case per line
# fmt: off
D = date
ANCHOR = date(2013, 2, 12)  # a Tuesday, as in the guidelines


@pytest.mark.parametrize(
    "sentence, span, kind, value, mod, interval",
    [
        # absolute dates
        ("Договор подписали 27 декабря 2019 года.", "27 декабря 2019 года", "DATE", "2019-12-27", None, (D(2019, 12, 27), D(2019, 12, 27))),
        ("Срок истёк 27.12.2019, продлевать не стали.", "27.12.2019", "DATE", "2019-12-27", None, (D(2019, 12, 27), D(2019, 12, 27))),
        ("Файл создан 2019-12-27 ночью.", "2019-12-27", "DATE", "2019-12-27", None, (D(2019, 12, 27), D(2019, 12, 27))),
        ("Закон приняли в декабре 2019 года.", "в декабре 2019 года", "DATE", "2019-12", None, (D(2019, 12, 1), D(2019, 12, 31))),
        ("Завод построили в 2019 году.", "в 2019 году", "DATE", "2019", None, (D(2019, 1, 1), D(2019, 12, 31))),
        # partial dates: the nearest one not after publication
        ("Встреча прошла 25 октября.", "25 октября", "DATE", "2012-10-25", None, (D(2012, 10, 25), D(2012, 10, 25))),
        ("Снег выпал в мае.", "в мае", "DATE", "2012-05", None, (D(2012, 5, 1), D(2012, 5, 31))),
        ("Магазин открылся в 2019-м.", "в 2019-м", "DATE", "2019", None, (D(2019, 1, 1), D(2019, 12, 31))),
        # relative to publication
        ("Он уехал вчера.", "вчера", "DATE", "2013-02-11", None, (D(2013, 2, 11), D(2013, 2, 11))),
        ("Она звонила позавчера.", "позавчера", "DATE", "2013-02-10", None, (D(2013, 2, 10), D(2013, 2, 10))),
        ("Сегодня идёт дождь.", "Сегодня", "DATE", "2013-02-12", None, (D(2013, 2, 12), D(2013, 2, 12))),
        ("Собрание прошло в среду.", "в среду", "DATE", "2013-02-06", None, (D(2013, 2, 6), D(2013, 2, 6))),
        ("Мост закрыли на прошлой неделе.", "на прошлой неделе", "DATE", "2013-W06", None, (D(2013, 2, 4), D(2013, 2, 10))),
        ("Цены выросли в прошлом месяце.", "в прошлом месяце", "DATE", "2013-01", None, (D(2013, 1, 1), D(2013, 1, 31))),
        ("Выборы пройдут в следующем году.", "в следующем году", "DATE", "2014", None, (D(2014, 1, 1), D(2014, 12, 31))),
        ("Кот пропал три дня назад.", "три дня назад", "DATE", "2013-02-09", None, (D(2013, 2, 9), D(2013, 2, 9))),
        ("Пруд осушили три месяца назад.", "три месяца назад", "DATE", "2012-11", None, (D(2012, 11, 1), D(2012, 11, 30))),
        ("Мэр ушёл два года назад.", "два года назад", "DATE", "2011", None, (D(2011, 1, 1), D(2011, 12, 31))),
        ("Турнир начался в прошлый вторник.", "в прошлый вторник", "DATE", "2013-02-05", None, (D(2013, 2, 5), D(2013, 2, 5))),
        ("Решение будет принято через неделю.", "через неделю", "DATE", "2013-02-19", None, (D(2013, 2, 19), D(2013, 2, 19))),
        # modifiers
        ("Он вернулся в конце февраля 2020 года.", "в конце февраля 2020 года", "DATE", "2020-02", "END", (D(2020, 2, 20), D(2020, 2, 29))),
        ("Всё решилось в середине февраля 2020 года.", "в середине февраля 2020 года", "DATE", "2020-02", "MID", (D(2020, 2, 11), D(2020, 2, 19))),
        ("Цех открыли в начале 2019 года.", "в начале 2019 года", "DATE", "2019", "START", (D(2019, 1, 1), D(2019, 5, 2))),
        ("Рост замедлился в первой половине года.", "в первой половине года", "DATE", "2013-H1", None, (D(2013, 1, 1), D(2013, 6, 30))),
        ("Склад работает с 2015 года.", "с 2015 года", "DATE", "2015", "AFTER", (D(2015, 1, 1), D(2015, 12, 31))),
        # intervals
        ("Фестиваль шёл с 1 по 5 мая 2019 года.", "с 1 по 5 мая 2019 года", "DATE", "2019-05-01/2019-05-05", None, (D(2019, 5, 1), D(2019, 5, 5))),
        ("Цены росли в 2018–2020 годах.", "в 2018–2020 годах", "DATE", "2018/2020", None, (D(2018, 1, 1), D(2020, 12, 31))),
        # durations
        ("Стройка заняла два года.", "два года", "DURATION", "P2Y", None, None),
        ("Он отсидел пять лет.", "пять лет", "DURATION", "P5Y", None, None),
        ("Ремонт длился полтора года.", "полтора года", "DURATION", "P1.5Y", None, None),
        ("Поиски шли около трёх месяцев.", "около трёх месяцев", "DURATION", "P3M", "APPROX", None),
        ("Дом пустует более 10 лет.", "более 10 лет", "DURATION", "P10Y", "AFTER", None),
        ("Свет отключали в течение 12 часов.", "в течение 12 часов", "DURATION", "PT12H", None, None),
        ("Срок составил 3 года и 8 месяцев.", "3 года и 8 месяцев", "DURATION", "P3Y8M", None, None),
        # times of day
        ("Пожар начался в 10:35.", "в 10:35", "TIME", "2013-02-12T10:35", None, (D(2013, 2, 12), D(2013, 2, 12))),
        ("Поезд ушёл 27 декабря 2019 года в 10:35.", "27 декабря 2019 года в 10:35", "TIME", "2019-12-27T10:35", None, (D(2019, 12, 27), D(2019, 12, 27))),
        ("Штаб откроется в 3 часа дня.", "в 3 часа дня", "TIME", "2013-02-12T15:00", None, (D(2013, 2, 12), D(2013, 2, 12))),
        ("Утром шёл снег.", "Утром", "TIME", "2013-02-12TMO", None, (D(2013, 2, 12), D(2013, 2, 12))),
        ("Вчера вечером гремел гром.", "Вчера вечером", "TIME", "2013-02-11TEV", None, (D(2013, 2, 11), D(2013, 2, 11))),
        # holidays and named periods
        ("Музеи не работали в новогодние праздники.", "в новогодние праздники", "DATE", "2012-12-31/2013-01-08", None, (D(2012, 12, 31), D(2013, 1, 8))),
        ("Мы отдыхали на майских праздниках.", "на майских праздниках", "DATE", "2012-05-01/2012-05-10", None, (D(2012, 5, 1), D(2012, 5, 10))),
        # decades and centuries
        ("Группа гремела в 90-е годы.", "в 90-е годы", "DATE", "199", None, (D(1990, 1, 1), D(1999, 12, 31))),
        ("Усадьбу возвели в XIX веке.", "в XIX веке", "DATE", "18", None, (D(1801, 1, 1), D(1900, 12, 31))),
        ("Это было в начале 2000-х.", "в начале 2000-х", "DATE", "200", "START", (D(2000, 1, 1), D(2003, 5, 2))),
        # sets
        ("Ярмарка проходит каждый год.", "каждый год", "SET", "P1Y", None, None),
        ("Пробы берут ежедневно.", "ежедневно", "SET", "P1D", None, None),
        # vague
        ("В настоящее время мост закрыт.", "В настоящее время", "DATE", "PRESENT_REF", None, None),
    ],
)
def test_stage_resolves_each_kind(extract, only, sentence, span, kind, value, mod, interval):
    timex = only(extract(sentence, ANCHOR), span)
    assert (timex.type, timex.value, timex.mod, timex.interval) == (kind, value, mod, interval)
    assert sentence[timex.start : timex.end] == timex.text


def test_stage_seed_article(extract, only, seed_text):
    timexes = extract(seed_text, date(2020, 10, 26))
    assert only(timexes, "25 октября").value == "2020-10-25"
    end_of_february = only(timexes, "в конце февраля 2020 года")
    assert (end_of_february.value, end_of_february.mod) == ("2020-02", "END")
    end_of_year = only(timexes, "в конце 2019 года")
    assert (end_of_year.value, end_of_year.mod) == ("2019", "END")
    assert only(timexes, "27 декабря 2019 года").value == "2019-12-27"
    holidays = only(timexes, "в новогодние праздники")
    assert holidays.interval == (date(2019, 12, 31), date(2020, 1, 8))
    assert holidays.anchor == date(2019, 12, 27)


@pytest.mark.parametrize(
    "text, span, value, anchor",
    [
        ("27 декабря 2019 года начался суд. На следующий день свидетель отказался от слов.", "На следующий день", "2019-12-28", D(2019, 12, 27)),
        ("27 декабря 2019 года начался суд. В тот же день адвокат подал жалобу.", "В тот же день", "2019-12-27", D(2019, 12, 27)),
        ("27 декабря 2019 года начался суд, а накануне прошли обыски.", "накануне", "2019-12-26", D(2019, 12, 27)),
        ("В марте 2015 года он переехал. Тогда же он сменил работу.", "Тогда", "2015-03", D(2015, 3, 1)),
        ("В 2010 году завод закрыли. В том же году рабочие ушли.", "В том же году", "2010", D(2010, 1, 1)),
        ("Съезд открылся 3 марта 2015 года. Через два дня делегаты разъехались.", "Через два дня", "2015-03-05", D(2015, 3, 3)),
        ("5 января 2021 года в храмах готовились к службе на Рождество.", "на Рождество", "2021-01-07", D(2021, 1, 5)),
        ("Суд начался 5 апреля 2019 года. Утром пришли свидетели, в 10:35 вошёл судья.", "в 10:35", "2019-04-05T10:35", D(2019, 4, 5)),
    ],
)
def test_stage_anaphora_uses_the_date_last_mentioned(extract, only, text, span, value, anchor):
    timex = only(extract(text, date(2020, 10, 26)), span)
    assert (timex.value, timex.anchor) == (value, anchor)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Встреча прошла 25 октября.", "25 октября", "XXXX-10-25"),
        ("Собрание прошло в среду.", "в среду", "XXXX-WXX-3"),
        ("Он уехал вчера.", "вчера", "XXXX-XX-XX"),
        ("Цены выросли в прошлом году.", "в прошлом году", "XXXX"),
        ("Фестиваль шёл с 1 по 5 мая.", "с 1 по 5 мая", "XXXX-05-01/XXXX-05-05"),
        ("Кот пропал три дня назад.", "три дня назад", "PAST_REF"),
        # years stated in the text are used where it is safe: the coordinated date's own year
        ("Концерты прошли 30 июня и 1 июля 2019 года.", "30 июня", "2019-06-30"),
        ("Он вернулся в конце февраля 2020 года.", "в конце февраля 2020 года", "2020-02"),
    ],
)
def test_stage_without_publication_date_invents_no_year(extract, only, text, span, value):
    timex = only(extract(text, None), span)
    assert timex.value == value
    assert timex.anchor is None


@pytest.mark.parametrize(
    "text, value",
    [("Справка от 01.02.21 устарела.", "2021-02-01"), ("Он родился 31.10.74 в Туле.", "1974-10-31")],
)
def test_stage_two_digit_years(extract, text, value):
    assert [timex.value for timex in extract(text, ANCHOR)] == [value]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "Hello world, see you in 2019 maybe.", "Это случилось 99999 года.", "Это было 31 февраля.",
     "Это было 31 февраля 2019 года.", "Встреча 35 мая в 25:99.", "В 0000 году в XXXXXXXXX веке.",
     "с 30 по 1 февраля", "через 99999999999 лет", "9" * 500, "года года года", "в ночь на", "12:00" * 50],
)
def test_stage_bad_input_does_not_crash(extract, text):
    for published in (ANCHOR, None):
        for timex in extract(text, published):
            assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    "text",
    ["Ему 49 лет.", "Он умер в возрасте 92 лет.", "До города 1200 километров.", "Сыграл в 1200 матчах.",
     "Режиссёр снял фильм «Один день» о войне."],
)
def test_stage_ages_and_counts_are_not_time(extract, text):
    assert extract(text, ANCHOR) == []


# fmt: on


def test_stage_inside_a_pipeline(seed_text):
    from ruextract import Pipeline
    from ruextract.segment import SegmentStage
    from ruextract.time import TimeStage

    stage = TimeStage()
    assert (stage.name, stage.provides) == ("time", frozenset({"timexes"}))
    nlp = Pipeline([SegmentStage(), stage])
    doc = nlp(seed_text, published="2020-10-26", id="seed")
    assert doc.error is None
    values = [timex.value for timex in doc.timexes]
    assert "2020-10-25" in values and "2019-12-27" in values
    again = nlp(doc)  # a stage assigns its field: running it twice gives the same list
    assert [timex.value for timex in again.timexes] == values
    assert doc.output()["timexes"][0]["id"] == "t1"
    undated = nlp("Встреча прошла 25 октября.")
    assert [timex.value for timex in undated.timexes] == ["XXXX-10-25"]


def test_stage_explain_says_what_fired_and_what_was_refused():
    from ruextract.time import explain

    lines = explain("Ему 49 лет. Вчера он уехал.", date(2020, 10, 26))
    assert any("refused" in line for line in lines)
    assert lines[-1] == "timex 'Вчера': DATE 2020-10-25"


@pytest.mark.parametrize(
    "text, value, mod",
    [
        ("Сегодня в 15:00 по московскому времени начнётся эфир.", "2013-02-12T15:00", None),
        ("Тренировки проходят два раза в неделю.", "P1W", None),
        ("Выборы проходят раз в 4 года.", "P4Y", None),
        ("Собрание продлится до полуночи.", "2013-02-12T24:00", "BEFORE"),
    ],
)
def test_stage_mods_come_from_the_opening_words_only(extract, text, value, mod):
    [timex] = extract(text, ANCHOR)
    assert (timex.value, timex.mod) == (value, mod)
