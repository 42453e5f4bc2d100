"""Properties of the whole pipeline over any text, and one pipeline shared by threads.

For any Unicode string (control characters, random surrogate-free code points, quote marks,
digits, Cyrillic words, dates, CRLF, U+00A0, U+200B, emoji) the pipeline returns a valid
contract object (``Output.model_validate``), every offset indexes the text exactly
(``text[start:end] == span["text"]`` for mentions, roles, quote cue/source/content, timexes,
event triggers, relation evidence) and nothing raises.

CI runs about 150 examples per property. The full run is one environment variable away:

    RUEXTRACT_FUZZ_EXAMPLES=10000 pytest -q tests/test_properties.py
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from contract import check_output
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ruextract

EXAMPLES = int(os.environ.get("RUEXTRACT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# pieces of news text the stages react to, so random strings reach the interesting rules
FRAGMENTS = [
    "Владимир Путин", "Путина", "президент России", "заявил", "сказал", "сообщила",
    "по словам", "министр", "компания «Газпром»", "ООН", "в Москве", "Санкт-Петербург",
    "25 октября 2020 года", "в понедельник", "вчера", "через два года", "в 1990-х",
    "с 1 по 5 мая", "в 14:30", "ежегодно", "«", "»", "„", "“", "”", '"', "'", "‹", "›",
    " — ", ":", ".", ",", "!", "?", "(", ")", "\n", "\r\n", "\n\n", "\u00a0", "\u200b",
    "\t", "\x00", "\x0b", "\u2028", "\ufeff", "😀", "👩‍⚕️", "ё", "Ё", "2019", "31.12.2020",
    "12", "0", "%", "$", "№", "Он", "она", "они", "его", "который", "подписал соглашение",
    "был арестован", "встретился с", "родился в", "работает в", "директор", "МВД",
]
CHARACTERS = st.characters(exclude_categories=("Cs",))  # any code point but lone surrogates
CYRILLIC = st.characters(min_codepoint=0x0400, max_codepoint=0x04FF)
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(CHARACTERS, max_size=12),
    st.text(CYRILLIC, min_size=1, max_size=12),
    st.from_regex(r"[0-9]{1,4}([.:/-][0-9]{1,4}){0,2}", fullmatch=True),
    st.sampled_from([" ", " ", " ", "\n"]),
)
TEXTS = st.one_of(
    st.text(CHARACTERS, max_size=200),
    st.lists(PIECES, max_size=60).map("".join),
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@FUZZ
@given(text=TEXTS, published=PUBLISHED)
def test_properties_any_text_gives_valid_contract(
    nlp: ruextract.Pipeline, text: str, published: date | None
) -> None:
    doc = nlp(text, published=published, id="fuzz")
    out = doc.output()
    check_output(text, out)
    assert out["id"] == "fuzz"
    assert doc.error is None, doc.error  # a text, however odd, is not a failed document


@pytest.mark.parametrize("text", ["\U00017000", "Путин сказал 𗀀ет"])
def test_properties_letters_without_a_unicode_name_are_not_errors(
    nlp: ruextract.Pipeline, text: str
) -> None:
    """The fuzz's first find: pymorphy3's shapes.is_latin_char calls unicodedata.name(), which
    raises for letters without a name (Tangut U+17000...), and the document failed."""
    doc = nlp(text, id="tangut")
    check_output(text, doc.output())
    assert doc.error is None, doc.error


@settings(FUZZ, max_examples=max(EXAMPLES // 10, 10))
@given(texts=st.lists(TEXTS, min_size=1, max_size=5), batch_size=st.integers(1, 4))
def test_properties_pipe_one_output_per_input_in_order(
    nlp: ruextract.Pipeline, texts: list[str], batch_size: int
) -> None:
    items = [{"id": f"d{index}", "text": text} for index, text in enumerate(texts)]
    outs = [doc.output() for doc in nlp.pipe(items, batch_size=batch_size)]
    assert [out["id"] for out in outs] == [item["id"] for item in items]
    for text, out in zip(texts, outs):
        check_output(text, out)


@settings(FUZZ, max_examples=max(EXAMPLES // 10, 10))
@given(published=st.dates())
def test_properties_any_publication_date_never_raises(
    nlp: ruextract.Pipeline, published: date
) -> None:
    """Year 1 or 9999 as the anchor: relative dates may fall off the calendar; still a record."""
    text = "Вчера, 25 октября, и через два года в понедельник министр заявил: «Всё будет»."
    out = nlp(text, published=published, id="anchor").output()
    check_output(text, out)


THREAD_TEXTS = [
    "Президент России Владимир Путин прилетел в Санкт-Петербург 25 октября 2020 года.",
    "«Мы ответим», — заявил министр иностранных дел Сергей Лавров в понедельник.",
    "Компания «Газпром» подписала соглашение с ООН. Об этом сообщил ее глава Алексей Миллер.",
    "По словам мэра Москвы Сергея Собянина, вчера в городе открылись три станции метро.",
    "Через два года, в 2022 году, Илон Маск, глава SpaceX, пообещал отправить людей на Марс.",
    "В 1990-х годах он работал директором завода в Екатеринбурге, а с 1 по 5 мая отдыхал.",
    "Министр финансов Антон Силуанов сказал, что бюджет будет исполнен с профицитом.",
    "Суд арестовал бывшего губернатора Никиту Белых; его задержали 24 июня 2016 года.",
]


def test_properties_threads_give_sequential_outputs(nlp: ruextract.Pipeline) -> None:
    """One Pipeline shared by 8 threads gives exactly the outputs of sequential calls."""
    jobs = [(f"t{index}", THREAD_TEXTS[index % len(THREAD_TEXTS)]) for index in range(48)]
    published = "2020-10-26"
    expected = {id: nlp(text, published=published, id=id).output() for id, text in jobs}
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda job: nlp(job[1], published=published, id=job[0]).output(), jobs))
    assert {out["id"]: out for out in got} == expected
    assert all("error" not in out for out in got)


@pytest.mark.parametrize("size", [0, 1, 2])
def test_properties_empty_and_tiny_texts(nlp: ruextract.Pipeline, size: int) -> None:
    for text in ["", " ", "\n", "\x00", "«", "»", "1", "а", "\u200b", "\r\n"]:
        text = text * size
        check_output(text, nlp(text, id="tiny").output())
