"""Block quotes after a colon that a verb of saying does not introduce: a collocation of
feeling (выразила своё восхищение ...:), an address (обратился к верующим:), and an impersonal
"Об этом сообщается на сайте X:" (which also points back to the sentence before)."""

from __future__ import annotations

import ruextract


def found(doc: ruextract.Document) -> list[tuple[str, str, str]]:
    return [(quote.kind, quote.cue.text, quote.content.text) for quote in doc.quotes]


def test_an_expressed_feeling_before_a_colon_introduces_a_block_quote(nlp):
    doc = nlp("Пресс-секретарь театра Анна Кук выразила своё восхищение действиями полиции:\n"
              "Я благодарна всем, кто помогал.\nПозже она уехала.")
    assert found(doc) == [("direct", "выразила своё восхищение", "Я благодарна всем, кто помогал.")]


def test_an_address_before_a_colon_introduces_a_block_quote_but_not_without_one(nlp):
    doc = nlp("Папа обратился к верующим:\nМы видим, как люди уходят из домов.\nПозже он уехал.")
    assert found(doc) == [("direct", "обратился", "Мы видим, как люди уходят из домов.")]
    assert nlp("Он обратился в суд.").quotes == []


def test_об_этом_сообщается_with_a_colon_gives_the_sentence_before_and_the_block(nlp):
    doc = nlp("Иван Петров вернулся домой. Об этом сообщается на сайте ведомства:\n\n"
              "Ведомство напоминает владельцам сайтов о требованиях закона.\n\nПозже пришёл ответ.")
    assert [(kind, content) for kind, _cue, content in found(doc)] == [
        ("indirect", "Иван Петров вернулся домой"),
        ("direct", "Ведомство напоминает владельцам сайтов о требованиях закона.")]
