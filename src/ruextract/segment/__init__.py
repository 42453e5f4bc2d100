"""Sentences and tokens from razdel, with offsets into the original text."""

from __future__ import annotations

import re
import unicodedata

from razdel import sentenize, tokenize
from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit

from ..document import Document, Sentence, Token

# Code points razdel would glue into words: zero-width and formatting characters, control
# characters. Each is read as one space (same length), so offsets stay exact.
_INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029"}


def _blank_table() -> dict[int, str]:
    table = {ord(char): " " for char in _INVISIBLE}
    for code in range(0xA0):
        char = chr(code)
        if unicodedata.category(char) == "Cc" and char not in "\n\r\t":
            table[code] = " "
    return table


BLANK = _blank_table()
# any character of BLANK: most texts have none, and translate looks up every character
BLANK_CHARS = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(BLANK)) + "]")


def token_bounds(text: str) -> list[tuple[int, int]]:
    """razdel's tokens of ``text`` as (start, stop), without building what it throws away.

    razdel cuts the text into atoms (a run of letters or digits, one punctuation mark or other
    character) and asks its rules whether to join each two neighbours, building a split record
    with a window of three atoms on each side for every pair. Its segmenter never joins two
    atoms with a space between them (the rules are not even asked), and that is most pairs; here
    only the pairs that touch get a record (the same record, the same rules), and each token's
    offsets come from its atoms instead of a search for its text.
    """
    matches = [(match.start(), match.end(), match.lastgroup, match.group(0)) for match in ATOM.finditer(text)]
    if not matches:
        return []
    window = tokenize.split.window
    atoms: list[Atom | None] = [None] * len(matches)

    def atom(index: int) -> Atom:
        made = atoms[index]
        if made is None:
            made = atoms[index] = Atom(*matches[index])
        return made

    bounds = []
    start, stop, buffer = matches[0][0], matches[0][1], matches[0][3]
    for index in range(1, len(matches)):
        atom_start, atom_stop, _type, atom_text = matches[index]
        if atom_start == stop:  # touching atoms: razdel's rules decide
            split = TokenSplit([atom(other) for other in range(max(0, index - window), index)], "",
                               [atom(other) for other in range(index, min(index + window, len(matches)))])
            split.buffer = buffer
            if tokenize.join(split):
                buffer += atom_text
                stop = atom_stop
                continue
        bounds.append((start, stop))
        start, stop, buffer = atom_start, atom_stop, atom_text
    bounds.append((start, stop))
    return bounds


def segment(text: str) -> tuple[list[Sentence], list[Token]]:
    clean = text.translate(BLANK) if BLANK_CHARS.search(text) else text
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for sent in sentenize(clean):
        for line_start, line_end in _lines(sent.text):
            first = len(tokens)
            offset = sent.start + line_start
            for start, end in token_bounds(sent.text[line_start:line_end]):
                start, end = offset + start, offset + end
                tokens.append(Token(start=start, end=end, text=text[start:end]))
            if len(tokens) > first:
                sentences.append(Sentence(start=offset, end=sent.start + line_end, tokens=(first, len(tokens))))
    return sentences, tokens


# A line break before a capital, a digit, a quote mark or a dash ends a sentence, unless a colon,
# comma or semicolon ends the line: a headline, a caption or a name on a line of its own has no
# full stop ("Петров ушёл в отставку\nИван Петров\n8 мая ..."), and razdel joins such lines to the
# next sentence
LINE_BREAK = re.compile(r"(?<![:,;])\s*\n\s*(?=[A-ZА-ЯЁ0-9«\"„“—–-])")


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line-delimited piece of a razdel sentence."""
    if "\n" not in text:
        return [(0, len(text))]
    pieces, start = [], 0
    for match in LINE_BREAK.finditer(text):
        if match.start() > start:
            pieces.append((start, match.start()))
        start = match.end()
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


class SegmentStage:
    name = "segment"
    requires = frozenset({"text"})
    provides = frozenset({"tokens", "sentences"})

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.sentences, doc.tokens = segment(doc.text)
