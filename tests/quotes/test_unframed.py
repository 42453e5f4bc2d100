"""Quotes the cue frames alone miss, and a speaker they got wrong: a quotation after a colon
closing a sentence about a named person (no verb of saying); "По словам X" with no comma before a
sentence that has its own commas; an anaphoric "Об этом сообщил X" after a caption line with no
verb; "он" after a plural speaker; a subject the parser missed, before a long gerund clause; the
source of "как уточнили в милиции" inside the parenthesis."""

from __future__ import annotations

from ruextract.quotes.clauses import nominative_before
from ruextract.quotes.context import Context

from .conftest import speaker_name


def test_a_quotation_after_a_colon_is_said_by_the_named_subject_before_it(nlp):
    doc = nlp("Анна Белова не стала спорить с журналистами: «Я останусь в клубе до конца сезона».")
    assert [(quote.kind, quote.content.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("direct", "Я останусь в клубе до конца сезона", "Анна Белова")]


def test_an_inscription_after_a_colon_with_no_person_before_it_is_no_quote(nlp):
    doc = nlp("Над входом висел плакат: «Добро пожаловать в наш тихий город».")
    assert doc.quotes == []


def test_по_словам_without_a_comma_before_a_sentence_with_commas(nlp):
    doc = nlp("По словам соседей Олег Титов вернулся домой поздно, когда все уже спали.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("По словам", "Олег Титов вернулся домой поздно, когда все уже спали")]


def test_an_anaphor_points_past_a_caption_line_to_the_statement(nlp):
    doc = nlp("Тренер Олег Титов продлил контракт с командой до 2030 года.\n"
              "Олег Титов\n"
              "Об этом Титов рассказал на пресс-конференции.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("рассказал", "Тренер Олег Титов продлил контракт с командой до 2030 года")]


def test_a_singular_pronoun_does_not_continue_a_plural_speaker(nlp):
    doc = nlp("Как считают аналитики, цены на жильё продолжат расти. Банкир Олег Титов покинул "
              "совет директоров в марте. Ранее он говорил, что хочет заняться наукой.")
    said = {quote.content.text: speaker_name(doc, quote) for quote in doc.quotes}
    assert said["хочет заняться наукой"] == "Олег Титов"


def test_a_subject_the_parser_missed_is_searched_for_across_a_long_gerund_clause(nlp):
    doc = nlp("Губернатор Олег Петрович Титов, выступая в пятницу, 3 марта 2023 года, перед "
              "депутатами областной думы, заявил, что бюджет выполнен.")
    ctx = Context(doc, nlp["quotes"].lexicon)
    cue = next(index for index, token in enumerate(doc.tokens) if token.text == "заявил")
    subject = nominative_before(ctx, cue)
    assert subject is not None and doc.tokens[subject].text == "Титов"


def test_a_как_parenthesis_takes_its_source_from_inside_the_parenthesis(nlp):
    doc = nlp("Матч закончился спокойно. Были и штрафы, но, как уточнили в милиции, "
              "небольшие суммы.")
    assert [(quote.source.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("милиции", "милиция")]
