"""NEREL's other mention types (laws, works of art, diseases, crimes, positions, ...): ``Document.nerel``.

slovnet's NER gives PER/LOC/ORG; NEREL relations also join laws, works, diseases, crimes,
penalties, awards, nationalities, facilities, ideologies and sums of money. This small tagger
finds those spans so that the relation stage can pair them (``relations.stage``).

The model (``models/ner/nerel.npz``, built by ``benchmarks/train_nerel_tagger.py`` on NEREL
train) is a two-layer CNN over per-token inputs, numpy only at run time:

    input    navec vector (projected), slovnet word shape, 3-letter suffix (hashed), part of
             speech, case, and flags (inside «...» or (...), sentence start, in a PER/LOC/ORG
             span of our NER) -> one hidden vector per token (ReLU)
    conv     width 5, then width 3 with a residual, within the sentence (ReLU)
    output   per type, a softmax over O / B / I: one BIO sequence per type, so spans of different
             types may nest ("Закон о ..." inside nothing, "ВИЧ" inside "ВИЧ-инфекция" of another)

Decoding is greedy: each type's arg-max tags (the O score lowered by the pack's ``o_shift``, tuned
on NEREL dev), a stray I- starting a span.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..document import Document, NerelSpan
from ..fast_slovnet import NavecRows, shape_of
from ..linear import read_pack
from ..resources import Resources, models_dir, shared_resources

__all__ = ["NerelStage", "NerelTagger", "Inputs", "token_inputs"]

PROTOCOL = 1
SUFFIX_BUCKETS = 4096
PAD = 2  # zero rows between sentences: the widest convolution's half-width
OPEN_QUOTES, CLOSE_QUOTES = frozenset("«„“"), frozenset("»”")
# flags: inside quotes, inside parentheses, sentence start, capitalised, in a PER/LOC/ORG span
FLAGS = ("quoted", "bracketed", "first", "capital", "PER", "LOC", "ORG")
TAGS = ("O", "B", "I")


@dataclass
class Inputs:
    """One document's token inputs, every sentence followed by ``PAD`` zero rows (and ``PAD``
    before the first): ``rows`` maps each token to its row."""

    word_ids: np.ndarray  # navec id per token
    shapes: list[str]
    suffixes: np.ndarray
    pos: list[str]
    case: list[str]
    flags: np.ndarray  # tokens x len(FLAGS)
    rows: np.ndarray  # token -> row of the padded sequence
    length: int  # rows of the padded sequence


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[str, str, int, bool]:
    """A word's lower-cased form, slovnet shape, hashed 3-letter suffix and capital (cached)."""
    lower = word.lower()
    return lower, shape_of(word), zlib.crc32(lower[-3:].encode("utf-8")) % SUFFIX_BUCKETS, word[:1].isupper()


def token_inputs(doc: Document, word_ids: dict[str, int], unk: int) -> Inputs:
    """What the tagger reads of each token (training and run time share this)."""
    tokens = doc.tokens
    texts = [token.text for token in tokens]
    quoted, bracketed, first_flags = [0] * len(tokens), [0] * len(tokens), [0] * len(tokens)
    rows = [0] * len(tokens)
    row = PAD
    for sentence in doc.sentences:
        first, last = sentence.tokens
        if last > first:
            first_flags[first] = 1
        inside = parens = 0
        for index in range(first, last):
            text = texts[index]
            if text in CLOSE_QUOTES or (text == '"' and inside):
                inside = 0
            elif text == ")":
                parens = 0
            quoted[index], bracketed[index], rows[index] = inside, parens, row
            row += 1
            # (a closing '"' opens again: the rule the shipped pack was trained with)
            if text in OPEN_QUOTES or (text == '"' and not inside):
                inside = 1
            elif text == "(":
                parens = 1
        row += PAD
    words = [word_features(text) for text in texts]
    flags = np.zeros((len(tokens), len(FLAGS)), dtype=np.float32)
    if tokens:
        flags[:, 0], flags[:, 1], flags[:, 2] = quoted, bracketed, first_flags
        flags[:, 3] = [capital for _, _, _, capital in words]
        flags[:, 3] *= 1 - flags[:, 2]
    starts = {token.start: index for index, token in enumerate(tokens)}
    for span in doc.ner:
        index = starts.get(span.start)
        column = FLAGS.index(span.type)
        while index is not None and index < len(tokens) and tokens[index].start < span.end:
            flags[index, column] = 1
            index += 1
    ids = [word_ids.get(lower) for lower, _, _, _ in words]
    ids = np.array([found if found is not None else word_ids.get(lower.replace("ё", "е"), unk)
                    for found, (lower, _, _, _) in zip(ids, words)], dtype=np.int64)
    return Inputs(
        word_ids=ids,
        shapes=[shape for _, shape, _, _ in words],
        suffixes=np.array([suffix for _, _, suffix, _ in words], dtype=np.int64),
        pos=[token.pos or "X" for token in tokens],
        case=[token.feats.get("Case", "-") for token in tokens],
        flags=flags,
        rows=np.array(rows, dtype=np.int64),
        length=row if tokens else 0,
    )


def concatenate(parts: list[Inputs]) -> Inputs:
    """Several documents' inputs as one padded sequence, in order."""
    rows, offset = [], 0
    for part in parts:
        rows.append(part.rows + offset)
        offset += part.length
    return Inputs(
        word_ids=np.concatenate([part.word_ids for part in parts]),
        shapes=[shape for part in parts for shape in part.shapes],
        suffixes=np.concatenate([part.suffixes for part in parts]),
        pos=[pos for part in parts for pos in part.pos],
        case=[case for part in parts for case in part.case],
        flags=np.concatenate([part.flags for part in parts]),
        rows=np.concatenate(rows),
        length=offset,
    )


class NerelTagger:
    """The numpy model: ``spans(doc)`` -> (start, end, type) of every span found."""

    def __init__(self, meta: dict, arrays: dict[str, np.ndarray], navec):
        self.types: list[str] = meta["types"]
        self.o_shift = float(meta.get("o_shift", 0.0))
        shifts = meta.get("o_shifts") or {}  # per type, where tuned; else the one o_shift
        self.o_shifts = np.array([shifts.get(type, 0.0) for type in self.types], dtype=np.float32)
        self.shape_ids = {shape: number for number, shape in enumerate(meta["shapes"])}
        self.pos_ids = {pos: number for number, pos in enumerate(meta["pos"])}
        self.case_ids = {case: number for number, case in enumerate(meta["case"])}
        self.a = {name: array.astype(np.float32) for name, array in arrays.items()}
        self.navec = navec
        self.word_ids = navec.vocab.word_ids
        self.unk = navec.vocab.unk_id
        self.rows = NavecRows(navec.pq.indexes, navec.pq.codes)

    @classmethod
    def load(cls, path: Path | str, navec) -> NerelTagger:
        meta, arrays = read_pack(path, "the NEREL tagger pack", PROTOCOL)
        return cls(meta, arrays, navec)

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """navec's vectors of ``ids`` (ids x 300)."""
        return self.rows(ids)

    def logits(self, inputs: Inputs) -> np.ndarray:
        """(tokens, types, 3) scores."""
        a = self.a
        unique, inverse = np.unique(inputs.word_ids, return_inverse=True)
        hidden = (self.vectors(unique) @ a["word"])[inverse.reshape(-1)]
        hidden += a["shape"][[self.shape_ids.get(shape, 0) for shape in inputs.shapes]]
        hidden += a["suffix"][inputs.suffixes]
        hidden += a["pos"][[self.pos_ids.get(pos, 0) for pos in inputs.pos]]
        hidden += a["case"][[self.case_ids.get(case, 0) for case in inputs.case]]
        hidden += inputs.flags @ a["flags"]
        hidden += a["bias"]
        np.maximum(hidden, 0, out=hidden)
        x = np.zeros((inputs.length, hidden.shape[1]), dtype=np.float32)
        x[inputs.rows] = hidden
        keep = np.zeros((inputs.length, 1), dtype=np.float32)
        keep[inputs.rows] = 1
        h1 = convolve(x, a["conv1"], a["conv1_bias"], keep)
        h2 = convolve(h1, a["conv2"], a["conv2_bias"], keep) + h1
        out = h2[inputs.rows] @ a["output"] + a["output_bias"]
        return out.reshape(len(inputs.rows), len(self.types), len(TAGS))

    def spans(self, doc: Document) -> list[tuple[int, int, str]]:
        return self.batch_spans([doc])[0]

    def batch_spans(self, docs: list[Document]) -> list[list[tuple[int, int, str]]]:
        """(start, end, type) of every span found, per document; the documents' tokens go through
        the model as one sequence (fewer, larger products)."""
        parts = [token_inputs(doc, self.word_ids, self.unk) for doc in docs]
        logits = self.logits(concatenate(parts)) if any(doc.tokens for doc in docs) else None
        found_all, offset = [], 0
        for doc in docs:
            found: list[tuple[int, int, str]] = []
            found_all.append(found)
            if not doc.tokens or logits is None:
                continue
            scores = logits[offset:offset + len(doc.tokens)]
            offset += len(doc.tokens)
            scores[:, :, 0] -= self.o_shift + self.o_shifts  # tuned on dev: a lower O score finds more spans
            tags = scores.argmax(axis=2)  # (tokens, types)
            for column in np.flatnonzero(tags.any(axis=0)):
                type = self.types[column]
                for first, last in bio_ranges(tags[:, column]):
                    first, last = tidy(doc, first, last)
                    if first < last:
                        found.append((doc.tokens[first].start, doc.tokens[last - 1].end, type))
            found.sort()
        return found_all


EDGE_POS = frozenset({"ADP", "CCONJ", "PUNCT"})


def tidy(doc: Document, first: int, last: int) -> tuple[int, int]:
    """A span without a preposition, conjunction or punctuation at its edges ("трём годам колонии
    за" -> "трём годам колонии"), except quotes it opens and closes; a quote it opens and does
    not close takes the closing quote right after it."""
    tokens = doc.tokens
    opened = sum(tokens[index].text in OPEN_QUOTES for index in range(first, last))
    closed = sum(tokens[index].text in CLOSE_QUOTES for index in range(first, last))
    if opened > closed and last < len(tokens) and tokens[last].text in CLOSE_QUOTES:
        last += 1
        closed += 1
    while first < last and tokens[first].pos in EDGE_POS and not (tokens[first].text in OPEN_QUOTES and closed):
        first += 1
    while first < last and tokens[last - 1].pos in EDGE_POS and not (tokens[last - 1].text in CLOSE_QUOTES and opened):
        last -= 1
    return first, last


def convolve(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """ReLU of a same-length convolution (weight: width x in x out) over rows; pad rows stay 0."""
    width, channels, filters = weight.shape
    half = width // 2
    rows = x.shape[0]
    out = np.zeros((rows, filters), dtype=np.float32)
    if rows >= width:  # every window as one row (a view), one product
        windows = np.lib.stride_tricks.sliding_window_view(x, width, axis=0)  # (rows - width + 1, channels, width)
        out[half:rows - half] = windows.transpose(0, 2, 1).reshape(-1, width * channels) @ weight.reshape(-1, filters)
    out += bias
    np.maximum(out, 0, out=out)
    out *= keep
    return out


def bio_ranges(tags: np.ndarray) -> list[tuple[int, int]]:
    """[first, last) token ranges from one type's tags (0 O, 1 B, 2 I); a stray I starts a span."""
    found, start = [], None
    padded = np.append(tags, 0)
    # only where a span may start or end: a B, or a tag unlike the one before
    changes = (padded == 1) | (padded != np.insert(padded[:-1], 0, 0))
    for index in np.flatnonzero(changes).tolist():
        tag = int(padded[index])
        if start is not None and tag != 2:
            found.append((start, index))
            start = None
        if tag == 1 or (tag == 2 and start is None):
            start = index
    return found


class NerelStage:
    """Spans of NEREL's other types as ``Document.nerel``, in text order (the relation stage pairs
    them and makes values of those a relation names)."""

    name = "nerel"
    requires = frozenset({"tokens", "sentences", "tokens.pos", "tokens.feats", "ner"})
    provides = frozenset({"nerel"})

    def __init__(self, resources: Resources | None = None, model: NerelTagger | Path | str | None = None):
        self.resources = resources or shared_resources()
        self._tagger = model if isinstance(model, NerelTagger) else None
        self._given = self._tagger is not None
        self._path = Path(model) if isinstance(model, (str, Path)) else None

    def __getstate__(self) -> dict:
        """Pickles without a tagger it loaded itself (a worker process loads its own, lazily): the
        tagger holds navec."""
        state = self.__dict__.copy()
        if not self._given:
            state["_tagger"] = None
        return state

    @property
    def tagger(self) -> NerelTagger:
        if self._tagger is None:
            path = self._path or models_dir() / "ner" / "nerel.npz"
            self._tagger = NerelTagger.load(path, self.resources.navec)
        return self._tagger

    def process(self, docs: list[Document]) -> None:
        for doc, spans in zip(docs, self.tagger.batch_spans(docs)):
            doc.nerel = [NerelSpan(type=type, start=start, end=end, text=doc.text[start:end])
                         for start, end, type in spans]
