"""A stated reason is reported speech: "мотивировало решение тем, что ...", "обосновала тем,
что ...", "сославшись на то, что ..." (``models/quotes/cues.tsv``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Руководство компании мотивировало своё решение тем, что рынок падает.", "мотивировало",
         "рынок падает"),
        ("Компания обосновала повышение цен тем, что выросли расходы.", "обосновала",
         "выросли расходы"),
        ("Суд вынес мягкий приговор, сославшись на то, что подсудимый раскаялся.", "сославшись",
         "подсудимый раскаялся"),
    ],
)
def test_a_reason_stated_with_tem_chto_is_an_indirect_quote(nlp, text, cue, content):
    quotes = nlp(text).quotes
    assert [(quote.kind, quote.cue.text, quote.content.text) for quote in quotes] == [
        ("indirect", cue, content)]


def test_referring_to_a_thing_is_no_quote(nlp):
    assert nlp("Он сослался на плохое самочувствие и ушёл.").quotes == []
