"""Morphology (pos, feats, lemma) and dependency syntax from slovnet, batched over documents.

The words razdel produced are fed straight to the models (no second tokenisation). All the
sentences of a batch go through each model together, sorted by length so that padding, most of
slovnet's cost, stays small. Sentences longer than ``MAX_WORDS`` are cut into pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

from ..document import Document, Token
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
        return infer.decoder(infer.process(iter(encoded(infer.encoder, items))))

    return run


_last_encoded: tuple[tuple[Any, ...], list[list[str]], list[Any]] | None = None


def encoded(encoder: Any, items: list[list[str]]) -> list[Any]:
    """``list(encoder(items))``: the word and shape id arrays of each chunk of sentences. The
    morphology, syntax and NER stages feed the same sentences to models whose encoders share one
    word table (``fast_slovnet.sharing_encoder``) and chunk size: the last batch's arrays are
    kept and given again for the same words to an encoder of the same table, chunk size and
    padding ids (the models only read them)."""
    global _last_encoded
    key = (getattr(encoder, "table", None), encoder.batch_size, encoder.words_vocab.pad_id,
           encoder.shapes_vocab.pad_id)
    last = _last_encoded
    if last is not None and key[0] is not None and last[0] == key and last[1] == items:
        return last[2]
    inputs = list(encoder(items))
    _last_encoded = (key, items, inputs)
    return inputs


MORPH_FIELDS = ("pos", "feats", "lemma")
SYNTAX_FIELDS = ("head", "rel")


def fill(token: Token, fields: tuple[str, ...], *values: Any) -> None:
    """``token.<field> = value`` for each field, as pydantic's own assignment does it for a
    plain field (into the instance dict, and marked set) without its per-assignment dispatch:
    a stage sets five fields on every token. ``Token`` validates no assignment (checked by
    tests/test_morph.py), so nothing is skipped."""
    token.__dict__.update(zip(fields, values))
    token.__pydantic_fields_set__.update(fields)


class MorphStage:
    name = "morph"
    requires = frozenset({"tokens", "sentences"})
    provides = frozenset({"tokens.pos", "tokens.feats", "tokens.lemma"})

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or shared_resources()

    def process(self, docs: list[Document]) -> None:
        pieces = sentence_pieces(docs)
        tags = map_by_length(decoded(self.resources.morph_tagger), pieces)
        tagged = self.resources.lemmatizer.tagged
        for piece, piece_tags in zip(pieces, tags):
            tokens = piece.doc.tokens
            for index, tag in enumerate(piece_tags, start=piece.first):
                token = tokens[index]
                pos, feats, lemma = tagged(token.text, tag)
                values = token.__dict__  # fill(token, MORPH_FIELDS, ...), inlined: per token
                values["pos"], values["feats"], values["lemma"] = pos, dict(feats), lemma
                token.__pydantic_fields_set__.update(MORPH_FIELDS)


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
            tokens, first = piece.doc.tokens, piece.first
            for index, (head, rel) in enumerate(zip(heads, rels), start=first):
                head = int(head)
                token = tokens[index]
                values = token.__dict__  # fill(token, SYNTAX_FIELDS, ...), inlined: per token
                values["head"], values["rel"] = first + head - 1 if head > 0 else None, rel
                token.__pydantic_fields_set__.update(SYNTAX_FIELDS)
