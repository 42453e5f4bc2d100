"""Sentences and tokens from razdel, with offsets into the original text."""

from __future__ import annotations

import unicodedata

from razdel import sentenize, tokenize

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


def segment(text: str) -> tuple[list[Sentence], list[Token]]:
    clean = text.translate(BLANK)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for sent in sentenize(clean):
        first = len(tokens)
        for token in tokenize(sent.text):
            start = sent.start + token.start
            end = sent.start + token.stop
            tokens.append(Token(start=start, end=end, text=text[start:end]))
        if len(tokens) > first:
            sentences.append(Sentence(start=sent.start, end=sent.stop, tokens=(first, len(tokens))))
    return sentences, tokens


class SegmentStage:
    name = "segment"
    requires = frozenset({"text"})
    provides = frozenset({"tokens", "sentences"})

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.sentences, doc.tokens = segment(doc.text)
