"""Relation arguments as token-anchored mentions, and the dependency helpers both stages share.

A ``Mention`` is one place in the text where a relation argument occurs: an entity mention, a
time expression, an event trigger or a person's role span. It knows its token range, its
syntactic head token and its sentence, which is all the relation model needs.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from ..document import Document

# our NER types and the NEREL types they cover, so one model serves both kinds of input
COARSE = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC",
    "LOCATION": "LOC", "FACILITY": "LOC",
    "DATE": "TIME", "TIME": "TIME",
}


def coarse_type(type: str) -> str:
    return COARSE.get(type, type)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    ref: str  # id of the entity, timex or event it stands for
    first: int  # token range, document-level, end exclusive
    last: int
    head: int  # syntactic head token
    sentence: int


class TokenIndex:
    """Character offsets to token ranges, sentence numbers and syntactic heads, in one pass."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.starts = [token.start for token in doc.tokens]
        self.ends = [token.end for token in doc.tokens]
        self.sentence_of = [0] * len(doc.tokens)
        for number, sentence in enumerate(doc.sentences):
            first, last = sentence.tokens
            for index in range(first, last):
                self.sentence_of[index] = number

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Token range ``[first, last)`` overlapping the characters ``[start, end)``."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return first, max(last, first + 1)

    def head(self, first: int, last: int) -> int:
        """The token of ``[first, last)`` whose syntactic head lies outside the range."""
        tokens = self.doc.tokens
        for index in range(first, last):
            head = tokens[index].head
            if head is None or not first <= head < last:
                return index
        return max(first, last - 1)

    def mention(self, start: int, end: int, type: str, ref: str) -> Mention | None:
        if not self.starts:
            return None
        first, last = self.tokens(start, end)
        if first >= len(self.starts) or first >= last:
            return None
        head = self.head(first, last)
        return Mention(start, end, type, ref, first, last, head, self.sentence_of[head])


def ancestors(doc: Document, index: int, limit: int = 40) -> list[int]:
    """The token and its syntactic heads up to the root (a cycle guard stops at ``limit``)."""
    chain = [index]
    tokens = doc.tokens
    while len(chain) < limit:
        head = tokens[chain[-1]].head
        if head is None or head in chain or not 0 <= head < len(tokens):
            break
        chain.append(head)
    return chain


def dependency_path(doc: Document, source: int, target: int, longest: int = 6,
                    chain: Callable[[int], list[int]] | None = None) -> tuple[str, list[int]]:
    """The path between two tokens as ``^rel`` (up) and ``_rel`` (down) steps, and its inner tokens.

    ``chain`` gives a token's ancestors (a cache of ``ancestors``), when the caller keeps one.
    """
    path, inner, _top = path_and_top(doc, source, target, longest, chain)
    return path, inner


def path_and_top(doc: Document, source: int, target: int, longest: int = 6,
                 chain: Callable[[int], list[int]] | None = None) -> tuple[str, list[int], int | None]:
    """``dependency_path`` and the nearest token both tokens descend from (None: no common head)."""
    up = chain(source) if chain else ancestors(doc, source)
    down = chain(target) if chain else ancestors(doc, target)
    common = set(up) & set(down)
    if not common:
        return "none", [], None
    top = next(index for index in up if index in common)
    up_part = up[: up.index(top)]
    down_part = down[: down.index(top)]
    if len(up_part) + len(down_part) > longest:
        return "long", [], top
    tokens = doc.tokens
    steps = [f"^{tokens[index].rel}" for index in up_part]
    steps += [f"_{tokens[index].rel}" for index in reversed(down_part)]
    inner = up_part[1:] + [top] + list(reversed(down_part))[:-1] if (up_part or down_part) else []
    inner = [index for index in inner if index not in (source, target)]
    return "".join(steps) or "self", inner, top


def entity_mentions(doc: Document, index: TokenIndex | None = None) -> list[Mention]:
    """Every mention of every entity, event trigger, timex and person role, in text order."""
    index = index or TokenIndex(doc)
    found: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()

    def add(start: int, end: int, type: str, ref: str) -> None:
        if (start, end, ref) in seen:
            return
        mention = index.mention(start, end, type, ref)
        if mention is not None:
            seen.add((start, end, ref))
            found.append(mention)

    for entity in doc.entities:
        for span in entity.mentions:
            add(span.start, span.end, entity.type, entity.id)
        for number, role in enumerate(entity.roles):
            add(role.start, role.end, "PROFESSION", f"{entity.id}.role{number + 1}")
    for timex in doc.timexes:
        if timex.type in ("DATE", "TIME"):
            add(timex.start, timex.end, "DATE", timex.id)
    for event in doc.events:
        add(event.trigger.start, event.trigger.end, "EVENT", event.id)
    found.sort(key=lambda mention: (mention.start, -mention.end))
    return found


class Paths:
    """Dependency paths within one document, each token's chain of heads computed once."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._chains: dict[int, list[int]] = {}
        self._paths: dict[tuple[int, int], tuple[str, list[int], int | None]] = {}

    def chain(self, index: int) -> list[int]:
        found = self._chains.get(index)
        if found is None:
            found = self._chains[index] = ancestors(self.doc, index)
        return found

    def path(self, source: int, target: int) -> tuple[str, list[int]]:
        return dependency_path(self.doc, source, target, chain=self.chain)

    def path_and_top(self, source: int, target: int) -> tuple[str, list[int], int | None]:
        """``path_and_top`` of two tokens, computed once per ordered pair (mentions share heads:
        a person and its role, an event's trigger and its extents)."""
        key = (source, target)
        found = self._paths.get(key)
        if found is None:
            found = self._paths[key] = path_and_top(self.doc, source, target, chain=self.chain)
        return found
