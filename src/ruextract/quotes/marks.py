"""Quote marks paired into quoted spans over the whole document, in one linear pass.

« » and „ “ (or „ ”) pair as Russian typography has them, “ ” as English does, and straight
" marks open or close by what stands next to them. Marks nest («... „...“ ...», or «... «...»
...» as Russian news writes it). A mark still open at the end of its paragraph is dropped (a «
may run over a single line break, other marks end with their line), so an unclosed « never
swallows the rest of the document; a closing mark with nothing to close is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = re.compile(r'[«»„“”"\n]')
OPENING = "«„“\""  # marks that may open a quotation (“ opens in English, closes „ in Russian)
CLOSING = "»“”\""
PARAGRAPH_END = re.compile(r"[ \t\u00a0]*(?:\n|$)")  # a blank line (or the text's end) follows
OPENS_BEFORE = set(" \t\n\u00a0([{«„“—–-:;/")  # what stands before an opening straight mark


@dataclass(frozen=True)
class Marked:
    """A quoted span: ``text[open]`` and ``text[close]`` are its marks; ``depth`` 0 is outermost."""

    open: int
    close: int
    depth: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close

    def inside(self, start: int, end: int) -> bool:
        return self.open < start and end <= self.close

    def covers(self, index: int) -> bool:
        return self.open <= index <= self.close


def pair_marks(text: str) -> list[Marked]:
    """Every pair of matching quote marks, ordered by the opening mark."""
    stack: list[tuple[str, int]] = []
    found: list[Marked] = []
    for match in MARKS.finditer(text):
        char, index = match.group(), match.start()
        if char == "\n":
            if PARAGRAPH_END.match(text, index + 1) or not any(opener == "«" for opener, _ in stack):
                stack.clear()  # a quotation in « » may run over a line break, not a paragraph
        elif char in "«„":
            stack.append((char, index))
        elif char == "»":
            _close(stack, found, index, "«")
        elif char == "“":
            if any(opener == "„" for opener, _ in stack):
                _close(stack, found, index, "„")
            else:
                stack.append((char, index))
        elif char == "”":
            _close(stack, found, index, "“„")
        elif _straight_opens(text, index, stack):
            stack.append((char, index))
        else:
            _close(stack, found, index, '"')
    found.sort(key=lambda marked: marked.open)
    # depth among the pairs found (they nest, never cross): a « left open over a line break and
    # never closed is no level
    closes: list[int] = []
    nested = []
    for marked in found:
        while closes and closes[-1] < marked.open:
            closes.pop()
        nested.append(Marked(marked.open, marked.close, len(closes)))
        closes.append(marked.close)
    return nested


def _close(stack: list[tuple[str, int]], found: list[Marked], index: int, openers: str) -> None:
    for position in range(len(stack) - 1, -1, -1):
        if stack[position][0] in openers:
            found.append(Marked(stack[position][1], index, position))
            del stack[position:]  # openers left unclosed inside are dropped
            return


def _straight_opens(text: str, index: int, stack: list[tuple[str, int]]) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    open_straight = any(opener == '"' for opener, _ in stack)
    if before in OPENS_BEFORE and not after.isspace():
        return True
    # after a letter or punctuation it closes; between spaces it closes an open one, else opens
    return before.isspace() and not open_straight
