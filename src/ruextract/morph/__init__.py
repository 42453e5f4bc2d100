"""Morphology (pos, feats, lemma) and dependency syntax from slovnet, batched over documents.

The words razdel produced are fed straight to the models (no second tokenisation). All the
sentences of a batch go through each model together, sorted by length so that padding, most of
slovnet's cost, stays small. Sentences longer than ``MAX_WORDS`` are cut into pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

from ..document import Document
from ..resources import Resources, shared_resources

MAX_WORDS = 200
T = TypeVar("T")


class Piece(NamedTuple):
    doc: Document
    first: int  # index of the piece's first token in doc.tokens
    words: list[str]


def sentence_pieces(docs: Iterable[Document]) -> list[Piece]:
    pieces = []
    for doc in docs:
        for sentence in doc.sentences:
            first, last = sentence.tokens
            for start in range(first, last, MAX_WORDS):
                stop = min(start + MAX_WORDS, last)
                pieces.append(Piece(doc, start, [token.text for token in doc.tokens[start:stop]]))
    return pieces


def map_by_length(run: Callable[[list[list[str]]], Iterator[T]], pieces: list[Piece]) -> list[T]:
    """Run a model over the pieces' words shortest first; results in the pieces' order."""
    order = sorted(range(len(pieces)), key=lambda index: len(pieces[index].words))
    results: list[Any] = [None] * len(pieces)
    for index, result in zip(order, run([pieces[index].words for index in order])):
        results[index] = result
    return results


class MorphStage:
    name = "morph"
    requires = frozenset({"tokens", "sentences"})
    provides = frozenset({"tokens.pos", "tokens.feats", "tokens.lemma"})

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or shared_resources()

    def process(self, docs: list[Document]) -> None:
        pieces = sentence_pieces(docs)
        tagger = self.resources.morph_tagger
        lemmatize = self.resources.lemmatizer
        for piece, markup in zip(pieces, map_by_length(tagger.map, pieces)):
            for offset, tagged in enumerate(markup.tokens):
                token = piece.doc.tokens[piece.first + offset]
                token.pos = tagged.pos
                token.feats = dict(tagged.feats)
                token.lemma = lemmatize(token.text, tagged.pos, token.feats)


class SyntaxStage:
    name = "syntax"
    requires = frozenset({"tokens", "sentences"})
    provides = frozenset({"tokens.head", "tokens.rel"})

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or shared_resources()

    def process(self, docs: list[Document]) -> None:
        pieces = sentence_pieces(docs)
        parser = self.resources.syntax_parser
        for piece, markup in zip(pieces, map_by_length(parser.map, pieces)):
            for offset, parsed in enumerate(markup.tokens):
                token = piece.doc.tokens[piece.first + offset]
                head = int(parsed.head_id)
                token.head = piece.first + head - 1 if head > 0 else None
                token.rel = parsed.rel
