"""``LinkStage``: what each statement is about.

A quote is about the events its content reports: those whose trigger lies inside the content
("американцы передают нам информацию" -> the TRANSFER event). An attribution that points back to an
earlier statement ("Об этом сообщил X") has the content of that statement already (the quote
stage resolves it), so the same rule covers it.
"""

from __future__ import annotations

from bisect import bisect_left

from .document import Document


class LinkStage:
    """Links what the earlier stages found (quotes and events); with either stage excluded it
    has nothing to link, so it requires neither (``load(exclude=("quotes",))`` keeps working)."""

    name = "links"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"quotes.about"})

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            link_quotes(doc)

    def __repr__(self) -> str:
        return "LinkStage()"


def link_quotes(doc: Document) -> None:
    events = sorted(doc.events, key=lambda event: event.trigger.start)
    starts = [event.trigger.start for event in events]
    for quote in doc.quotes:
        content = quote.content
        first = bisect_left(starts, content.start)
        quote.about = [
            event.id
            for event in events[first : bisect_left(starts, content.end)]
            if event.trigger.end <= content.end
        ]
