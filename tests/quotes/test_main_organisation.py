"""A generic organisation noun with only adjectives of kind ("на сайте надзорной службы") is the
organisation the text is about, when one is named far more often than any other; a cue inside a
link's brackets still finds its place after them (``speakers.dominant_organisation``)."""

from __future__ import annotations

from .conftest import speaker_name

TEXT = ("Ростехнадзор потребовал от операторов отчёты. Ростехнадзор напомнил о сроках. Требования "
        "Ростехнадзора вступят в силу в мае. Об этом [https://example.org/news сообщается] на "
        "сайте надзорной службы:\n\nВедомство напоминает операторам о новых правилах отчётности."
        "\n\nПозже операторы ответили.")


def test_the_supervisors_website_speaks_for_the_organisation_the_text_is_about(nlp):
    doc = nlp(TEXT)
    assert [(quote.source.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("надзорной службы", "Ростехнадзор"), ("надзорной службы", "Ростехнадзор")]


def test_with_no_organisation_named_often_the_noun_stays_its_own_label(nlp):
    doc = nlp("Ростехнадзор потребовал отчёты. Об этом сообщается на сайте надзорной службы:\n\n"
              "Ведомство напоминает операторам о новых правилах.")
    assert {speaker_name(doc, quote) for quote in doc.quotes} == {"надзорная служба"}
