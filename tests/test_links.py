from __future__ import annotations

import ruextract
from ruextract.document import Document
from ruextract.links import link_quotes
from ruextract.records import Event, Quote, Span


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def test_quote_is_about_the_events_reported_inside_its_content():
    text = "Министр сказал, что полиция задержала двух человек. Позже их освободили."
    doc = Document(text=text)
    doc.quotes = [Quote(id="q1", kind="indirect", content=span(text, "полиция задержала двух человек"))]
    doc.events = [
        Event(id="e2", type="RELEASE", trigger=span(text, "освободили")),
        Event(id="e1", type="ARREST", trigger=span(text, "задержала")),
    ]
    link_quotes(doc)
    assert doc.quotes[0].about == ["e1"]


def test_quote_without_events_inside_is_about_nothing():
    text = "«Всё хорошо», — сказал он. Вчера прошла встреча."
    doc = Document(text=text)
    doc.quotes = [Quote(id="q1", kind="direct", content=span(text, "Всё хорошо"))]
    doc.events = [Event(id="e1", type="MEETING", trigger=span(text, "встреча"))]
    link_quotes(doc)
    assert doc.quotes[0].about == []


def test_pipeline_links_a_direct_quote_to_its_arrest_event():
    doc = ruextract.load()("«Полиция задержала троих подозреваемых», — сообщил губернатор.")
    (quote,) = doc.quotes
    arrests = [event.id for event in doc.events if event.type == "ARREST"]
    assert arrests and quote.about == arrests
    assert doc.output()["quotes"][0]["about"] == arrests
