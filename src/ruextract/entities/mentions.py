"""Mention candidates and the shared state the rules work on.

A ``Candidate`` is one mention with what the rules compare: its token range, per-word keys,
type, table referent, gender and number. ``Context`` holds a document's candidates and a
union-find over them; a rule adds candidates or joins two of them, never removes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Token
from .keys import word_keys
from .tables import NameKey, Referent, Tables


@dataclass
class Candidate:
    start: int
    end: int
    first: int  # first token index
    last: int  # past-last token index
    type: str | None  # PER, LOC, ORG; None for a descriptor or pronoun until it is attached
    kind: str  # name, alias, descriptor, pronoun
    source: str  # the rule that found it
    keys: list[frozenset[str]]  # per word
    referent: Referent | None = None  # the table entry the name matched
    normal: str = ""  # normal form (filled for names)
    gender: str | None = None  # Masc, Fem
    number: str | None = None  # Sing, Plur
    role: str | None = None  # role class, for descriptors
    base: int = 0  # words before an extension ("Конгресса" of "Конгресса США"); 0: not extended
    nominative: bool = False  # a name the tagger misread in an oblique case (repair.feminine_names)

    @property
    def words(self) -> int:
        return len(self.keys)


@dataclass
class Context:
    doc: Document
    tables: Tables
    vocab: Any
    candidates: list[Candidate] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    roles: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # person -> role spans
    phrases: list[Any] = field(default_factory=list)  # role phrases (descriptors.Phrase)
    bound: list[tuple[Any, int]] = field(default_factory=list)  # (phrase, person) pairs
    trace: list[str] | None = None  # rule log, when debugging
    _keys: list[frozenset[str] | None] = field(default_factory=list)
    capitalised: list[int] = field(default_factory=list)  # tokens that start with a capital
    normals: dict[tuple[str, str | None], str] = field(default_factory=dict)  # text -> normal form
    _starts: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)
    _covered: bytearray = field(default_factory=bytearray)
    _by_first: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [token.start for token in self.doc.tokens]
        self._ends = [token.end for token in self.doc.tokens]
        self._covered = bytearray(len(self.doc.tokens))
        self._keys = [None] * len(self.doc.tokens)
        self.capitalised = [
            index
            for index, token in enumerate(self.doc.tokens)
            if len(token.text) > 1 and token.text[0].isupper()
        ]

    # tokens

    @property
    def tokens(self) -> list[Token]:
        return self.doc.tokens

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self._ends, start + 1), bisect_right(self._starts, end - 1)

    def key(self, index: int) -> frozenset[str]:
        """The token's comparison keys (``keys.word_keys``), computed on first use."""
        keys = self._keys[index]
        if keys is None:
            token = self.doc.tokens[index]
            keys = self._keys[index] = word_keys(token.text, token.lemma)
        return keys

    def covered(self, first: int, last: int) -> bool:
        return any(self._covered[first:last])

    # candidates and clusters

    def add(self, candidate: Candidate) -> int:
        index = len(self.candidates)
        self.candidates.append(candidate)
        self.parent.append(index)
        self._by_first.setdefault(candidate.first, []).append(index)
        if candidate.kind in ("name", "alias") or candidate.type == "ORG":
            self._covered[candidate.first : candidate.last] = b"\x01" * (
                candidate.last - candidate.first
            )
        return index

    def starting_in(self, first: int, last: int) -> list[int]:
        """Candidates whose first token lies in [first, last)."""
        return [
            index for position in range(first, last) for index in self._by_first.get(position, ())
        ]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, a: int, b: int, rule: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        self.parent[max(root_a, root_b)] = min(root_a, root_b)
        if self.trace is not None:
            first, second = self.candidates[a], self.candidates[b]
            self.trace.append(f"{rule}: {self.text(first)!r} + {self.text(second)!r}")

    def text(self, candidate: Candidate) -> str:
        return self.doc.text[candidate.start : candidate.end]

    def clusters(self) -> dict[int, list[int]]:
        groups: dict[int, list[int]] = {}
        for index in range(len(self.candidates)):
            groups.setdefault(self.find(index), []).append(index)
        return groups

    def names(self) -> list[int]:
        """Name mentions, and institutions ("полиция") that stand for an organisation's name."""
        return [
            index
            for index, c in enumerate(self.candidates)
            if c.kind == "name" or c.kind == "descriptor" and c.type == "ORG"
        ]


def make_candidate(
    ctx: Context, first: int, last: int, type: str | None, kind: str, source: str
) -> Candidate:
    tokens = ctx.tokens[first:last]
    words = [token for token in tokens if token.pos != "PUNCT"] or tokens
    genders = [token.feats.get("Gender") for token in words if token.feats.get("Gender")]
    numbers = [token.feats.get("Number") for token in words if token.feats.get("Number")]
    return Candidate(
        start=tokens[0].start,
        end=tokens[-1].end,
        first=first,
        last=last,
        type=type,
        kind=kind,
        source=source,
        keys=[
            ctx.key(first + offset) for offset, token in enumerate(tokens) if token.pos != "PUNCT"
        ]
        or [ctx.key(first)],
        gender=_surname_gender(words[-1].text) or (
            max(dict.fromkeys(genders), key=genders.count) if genders else None
        ),
        number=numbers[-1] if numbers else None,
    )


FEMININE_SURNAME = ("овой", "евой", "ёвой", "иной", "ыной", "овна", "евна", "ична")


def _surname_gender(word: str) -> str | None:
    """A woman's surname or patronymic by its ending ("Прусенковой", "Ивановна"), which the
    tagger may read as a man's."""
    return "Fem" if len(word) > 5 and word[:1].isupper() and word.endswith(FEMININE_SURNAME) else None


def cluster_genders(ctx: Context) -> dict[int, str]:
    """The gender of each person cluster (by its root): the majority of its names' genders."""
    votes: dict[int, list[str]] = {}
    for index, candidate in enumerate(ctx.candidates):
        if candidate.kind == "name" and candidate.type == "PER" and candidate.gender:
            votes.setdefault(ctx.find(index), []).append(candidate.gender)
    # ties go to the gender named first (a set here made the result depend on the hash seed)
    return {root: max(dict.fromkeys(genders), key=genders.count) for root, genders in votes.items()}


def span_head(ctx: Context, candidate: Candidate) -> int:
    """The token of the span whose syntactic head lies outside it (the first one, if several)."""
    for index in range(candidate.first, candidate.last):
        head = ctx.tokens[index].head
        if head is None or not candidate.first <= head < candidate.last:
            return index
    return candidate.first


def key_tuples(candidate: Candidate) -> list[NameKey]:
    """Every tuple of per-word keys, for hashing names (at most a few: two keys a word)."""
    return tuples_of(candidate.keys)


def tuples_of(keys: list[frozenset[str]]) -> list[NameKey]:
    tuples: list[NameKey] = [()]
    for word in keys[:6]:
        tuples = [prefix + (key,) for prefix in tuples for key in sorted(word)][:16]
    return tuples
