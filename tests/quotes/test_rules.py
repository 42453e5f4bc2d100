"""Which quoted spans are quotations: names, titles, brands and scare quotes are not."""

import pytest

from ruextract.quotes import load_lexicon
from ruextract.quotes.context import Context
from ruextract.quotes.rules import classify

from .conftest import as_tuples


@pytest.mark.parametrize(
    "text",
    [
        "Компания «Газпром» открыла новый офис.",
        "Фильм «Москва слезам не верит» получил «Оскар».",
        "Операция «Буря в пустыне» началась в январе.",
        "Это «странный» подход к делу.",
        "Вчера в «Лужниках» прошёл концерт группы «Кино».",
    ],
)
def test_rules_names_titles_and_scare_quotes_are_not_quotes(quote_nlp, text):
    assert as_tuples(quote_nlp(text)) == []


def test_rules_name_in_marks_inside_an_indirect_clause_keeps_it_indirect(quote_nlp):
    doc = quote_nlp("Иван Орлов заявил, что «Газпром» повысит цены.")
    assert [quote.kind for quote in doc.quotes] == ["indirect"]


def test_rules_quotation_standing_alone_is_a_quote(quote_nlp):
    doc = quote_nlp("Иван Орлов вышел к журналистам. «Мы не сдадимся ни при каких условиях».")
    assert [(quote.kind, quote.cue) for quote in doc.quotes] == [("direct", None)]


def test_rules_unclosed_mark_does_not_swallow_the_document(quote_nlp):
    text = ("Иван Орлов сказал: «Мы начнём завтра.\n"
            "Второй абзац без кавычек. Анна Белова заявила, что всё в порядке.")
    doc = quote_nlp(text)
    contents = [quote.content.text for quote in doc.quotes]
    assert "всё в порядке" in contents
    assert all("\n" not in content for content in contents)


def test_rules_mixed_up_marks_do_not_break_the_stage(quote_nlp):
    doc = quote_nlp("«Мы придём“, — сказал он. “Точно» ”. «Да», — добавил Иван Орлов.")
    assert ("Да", "добавил") in [(q.content.text, q.cue.text) for q in doc.quotes if q.cue]


def test_rules_debug_names_the_rule_that_decided(quote_nlp, capsys):
    doc = quote_nlp("«Мы ответим», — заявил Иван Орлов.")
    ctx = Context(doc, load_lexicon())
    assert classify(ctx, ctx.marked[0], debug=True) == "quote"
    assert "dash_attribution_after" in capsys.readouterr().out
