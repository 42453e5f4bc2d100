"""A website speaks for its owner ("говорится на сайте клуба"), and a seat of power's website or
press service for the person the text gives its top role (на сайте Кремля -> the president named
in the text); the seat speaking itself ("Кремль заявил") stays the seat; a time is no place."""

from __future__ import annotations

from .conftest import speaker_names


def test_a_clubs_website_speaks_for_the_club(nlp):
    doc = nlp("Иван Петров занял третье место, говорится на сайте Московского стрелкового клуба.")
    assert [quote.source.text for quote in doc.quotes] == ["Московского стрелкового клуба"]


def test_the_kremlins_website_and_press_service_speak_for_the_president(nlp):
    doc = nlp("Президент России Иван Петров провёл переговоры. Как сообщается на сайте Кремля, "
              "стороны обсудили торговлю. Пресс-служба Кремля сообщила, что визит завершён. "
              "Кремль заявил, что доволен итогами.")
    assert speaker_names(doc) == ["Иван Петров", "Иван Петров", "Кремль"]


def test_a_month_after_v_is_no_source(nlp):
    doc = nlp("Как сообщалось в июле 2013 года, завод закроют.")
    assert [quote.source for quote in doc.quotes] == [None]
