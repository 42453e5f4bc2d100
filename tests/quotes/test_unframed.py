"""Quotes the cue frames alone miss, and a speaker they got wrong: a quotation after a colon
closing a sentence about a named person (no verb of saying); "По словам X" with no comma before a
sentence that has its own commas; an anaphoric "Об этом сообщил X" after a caption line with no
verb; "он" after a plural speaker; a subject the parser missed, before a long gerund clause; the
source of "как пояснили в милиции" inside the parenthesis."""

from __future__ import annotations

from ruextract.quotes.clauses import nominative_before
from ruextract.quotes.context import Context

from .conftest import speaker_name


def test_a_quotation_after_a_colon_is_said_by_the_named_subject_before_it(nlp):
    doc = nlp("Иван Петров передумал, несмотря на возраст: «Я продолжу работать ещё четыре года».")
    assert [(quote.kind, quote.content.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("direct", "Я продолжу работать ещё четыре года", "Иван Петров")]


def test_an_inscription_after_a_colon_with_no_person_before_it_is_no_quote(nlp):
    doc = nlp("Над входом висел плакат: «Добро пожаловать в наш тихий город».")
    assert doc.quotes == []


def test_по_словам_without_a_comma_before_a_sentence_with_commas(nlp):
    doc = nlp("По словам врачей Иван Петров находился в тяжёлом состоянии, которое улучшается.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("По словам", "Иван Петров находился в тяжёлом состоянии, которое улучшается")]


def test_an_anaphor_points_past_a_caption_line_to_the_statement(nlp):
    doc = nlp("Министр Иван Петров решил остаться на посту ещё на четыре года.\n"
              "Иван Петров\n"
              "Об этом Петров заявил в интервью телеканалу.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("заявил", "Министр Иван Петров решил остаться на посту ещё на четыре года")]


def test_a_singular_pronoun_does_not_continue_a_plural_speaker(nlp):
    doc = nlp("Как отмечают эксперты, эта новость не стала неожиданностью. Генерал Иван Петров "
              "ушёл в отставку в 2007 году. Ранее он заявлял, что желает покинуть свой пост.")
    said = {quote.content.text: speaker_name(doc, quote) for quote in doc.quotes}
    assert said["желает покинуть свой пост"] == "Иван Петров"


def test_a_subject_the_parser_missed_is_searched_for_across_a_long_gerund_clause(nlp):
    doc = nlp("Эмир шейх Халид бен Салем Аль Рашид, обращаясь во вторник, 25 июня 2013 года, "
              "к нации по ТВ, объявил, что уходит в отставку.")
    ctx = Context(doc, nlp["quotes"].lexicon)
    cue = next(index for index, token in enumerate(doc.tokens) if token.text == "объявил")
    subject = nominative_before(ctx, cue)
    assert subject is not None and doc.tokens[subject].text == "Рашид"


def test_a_как_parenthesis_takes_its_source_from_inside_the_parenthesis(nlp):
    doc = nlp("Все прошло мирно. Правда, были задержания, но, как пояснили в милиции, "
              "профилактические меры.")
    assert [(quote.source.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("милиции", "милиция")]
