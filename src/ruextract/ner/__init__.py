"""Named entities (PER, LOC, ORG) from slovnet's NER (their normal forms: ``entities.build``).

slovnet's ``NER`` tokenises raw text itself; we call its encoder, model and decoder on the words
razdel already produced, sentence by sentence, sorted by length, and read the BIO tags back onto
our tokens.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, NerSpan
from ..morph import decoded, map_by_length, sentence_pieces
from ..resources import Resources, shared_resources

__all__ = ["NerStage", "bio_spans"]


class NerStage:
    name = "ner"
    requires = frozenset({"tokens", "sentences"})
    provides = frozenset({"ner"})

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or shared_resources()

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.ner = []
        pieces = sentence_pieces(docs)
        for piece, tags in zip(pieces, map_by_length(decoded(self.resources.ner_tagger), pieces)):
            doc = piece.doc
            for first, last, type in bio_spans(tags):
                start = doc.tokens[piece.first + first].start
                end = doc.tokens[piece.first + last - 1].end
                doc.ner.append(NerSpan(start=start, end=end, text=doc.text[start:end], type=type))
        for doc in docs:
            doc.ner.sort(key=lambda span: (span.start, span.end))


def bio_spans(tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first, past-last, type) token ranges from BIO tags; a stray I- starts a span."""
    start, type = None, None
    for index, tag in enumerate([*tags, "O"]):
        part, kind = tag.split("-", 1) if "-" in tag else (tag, "")
        if start is not None and (part != "I" or kind != type):
            yield start, index, type
            start, type = None, None
        if part == "B" or (part == "I" and start is None):
            start, type = index, kind
