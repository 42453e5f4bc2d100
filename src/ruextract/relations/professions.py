"""Position phrases ("министр иностранных дел России") found from a head-lemma list and the parse.

Used when entity resolution gave a person no ``roles``: a noun from
``models/relations/professions.txt`` starts a position phrase, extended over its adjectives and
its genitive dependents (organisations and countries included, as NEREL marks them) and cut
before any person name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..resources import models_dir

PHRASE_RELS = {"amod", "nmod", "case", "flat", "compound", "fixed", "det", "nummod"}
# adjectives before the head that describe the person, not the position (NEREL leaves them out):
# "бывший президент", "известный музыкант"; and nationality adjectives ("испанский дизайнер")
NOT_TITLE = frozenset({"бывший", "известный", "легендарный", "знаменитый", "многий", "сам", "новый",
                       "нынешний", "действующий", "молодой", "старый", "популярный", "местный", "покойный",
                       "будущий", "последний", "тогдашний", "другой", "весь", "этот", "тот", "такой", "наш",
                       "ваш", "свой", "который", "один", "некоторый", "несколько", "многочисленный"})
NATIONALITY_ENDINGS = ("ский", "цкий")


def load_heads(path: Path | str | None = None) -> frozenset[str]:
    path = Path(path) if path is not None else models_dir() / "relations" / "professions.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class Position:
    head: int  # the head noun's token
    first: int  # token range, end exclusive
    last: int


def find_positions(doc: Document, heads: frozenset[str], person_tokens: set[int]) -> list[Position]:
    tokens = doc.tokens
    children: dict[int, list[int]] = {}
    for index, token in enumerate(tokens):
        if token.head is not None and token.head != index:
            children.setdefault(token.head, []).append(index)
    found = []
    for index, token in enumerate(tokens):
        if token.pos != "NOUN" or (token.lemma or "").lower() not in heads or index in person_tokens:
            continue
        members = {index}
        stack = [index]
        while stack:
            current = stack.pop()
            for child in children.get(current, ()):
                if child in members or child in person_tokens or tokens[child].rel not in PHRASE_RELS:
                    continue
                if tokens[child].pos in ("PUNCT", "VERB", "PRON"):
                    continue
                if current == index and child < index and tokens[child].rel != "amod":
                    continue
                if current == index and child < index and _not_title(tokens[child].lemma or ""):
                    continue
                members.add(child)
                stack.append(child)
        first = last = index
        while first - 1 in members:
            first -= 1
        while last + 1 in members:
            last += 1
        # no trailing preposition
        while last > index and tokens[last].pos == "ADP":
            last -= 1
        found.append(Position(index, first, last + 1))
    return found


def _not_title(lemma: str) -> bool:
    lemma = lemma.lower()
    return lemma in NOT_TITLE or lemma.endswith(NATIONALITY_ENDINGS)
