"""Normal (nominative) form of a name span, natasha's way.

natasha's ``norm`` puts each word of a PER or LOC span in the nominative ("Владимира Путина" ->
"Владимир Путин") and walks the syntax tree for an ORG ("Федерального бюро расследований" ->
"Федеральное бюро расследований"), keeping the original letter case. We adapt our tokens to the
shape it reads; abbreviations in capitals ("ФБР") stay as they are.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from natasha.norm import normalize, syntax_normalize
from natasha.shape import ShapeRecoverError

from ..document import Document


class NormToken(NamedTuple):
    id: str
    head_id: str
    text: str
    pos: str | None
    feats: dict[str, str]
    start: int
    stop: int


def normal_name(doc: Document, start: int, end: int, type: str, vocab: Any) -> str:
    inside = [
        index for index, token in enumerate(doc.tokens) if token.start >= start and token.end <= end
    ]
    if not inside:
        return doc.text[start:end].strip()
    first = inside[0]
    tokens = doc.tokens[first : inside[-1] + 1]
    adapted = [
        NormToken(
            id=str(first + offset),
            head_id=str(token.head) if token.head is not None else "",
            text=token.text,
            pos=token.pos,
            feats=token.feats,
            start=token.start,
            stop=token.end,
        )
        for offset, token in enumerate(tokens)
    ]
    method = syntax_normalize if type == "ORG" else normalize
    try:
        return method(vocab, adapted)
    except (ShapeRecoverError, ValueError, KeyError):
        return doc.text[start:end]
