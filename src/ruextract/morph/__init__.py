"""Morphology (pos, feats, lemma) and dependency syntax from slovnet, batched over documents.

The words razdel produced are fed straight to the models (no second tokenisation). All the
sentences of a batch go through each model together, sorted by length so that padding, most of
slovnet's cost, stays small. Sentences longer than ``MAX_WORDS`` are cut into pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from slovnet.conll import parse_conll_tag

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


def decoded(model: Any) -> Callable[[list[list[str]]], Iterator[Any]]:
    """A slovnet model's encoder → process → decoder on our words, skipping the markup records
    its ``map`` builds (one per token: a fifth of the tagging time)."""
    infer = model.infer

    def run(items: list[list[str]]) -> Iterator[Any]:
        return infer.decoder(infer.process(infer.encoder(items)))

    return run


@lru_cache(maxsize=4096)
def parse_tag(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """slovnet's "NOUN|Case=Nom|Number=Sing" as pos and feats (a few hundred distinct tags)."""
    pos, feats = parse_conll_tag(tag)
    return pos, tuple(feats.items())


class MorphStage:
    name = "morph"
    requires = frozenset({"tokens", "sentences"})
    provides = frozenset({"tokens.pos", "tokens.feats", "tokens.lemma"})

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or shared_resources()

    def process(self, docs: list[Document]) -> None:
        pieces = sentence_pieces(docs)
        tags = map_by_length(decoded(self.resources.morph_tagger), pieces)
        lemmatize = self.resources.lemmatizer
        for piece, piece_tags in zip(pieces, tags):
            for offset, tag in enumerate(piece_tags):
                token = piece.doc.tokens[piece.first + offset]
                pos, feats = parse_tag(tag)
                token.pos = pos
                token.feats = dict(feats)
                token.lemma = lemmatize(token.text, pos, token.feats)


class SyntaxStage:
    name = "syntax"
    requires = frozenset({"tokens", "sentences"})
    provides = frozenset({"tokens.head", "tokens.rel"})

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or shared_resources()

    def process(self, docs: list[Document]) -> None:
        pieces = sentence_pieces(docs)
        for piece, (_ids, heads, rels) in zip(
            pieces, map_by_length(decoded(self.resources.syntax_parser), pieces)
        ):
            for offset, (head, rel) in enumerate(zip(heads, rels)):
                token = piece.doc.tokens[piece.first + offset]
                head = int(head)
                token.head = piece.first + head - 1 if head > 0 else None
                token.rel = rel
