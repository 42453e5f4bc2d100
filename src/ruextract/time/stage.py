"""The time stage: every date and time expression of a document, resolved against its date.

    scan (tokens and their categories) -> grammar (leftmost-longest rule matches)
    -> interpret (what each match means) -> resolve (TIMEX3 value against the anchor)

Expressions are resolved in text order, so each one knows the date mentioned before it.
"""

from __future__ import annotations


from datetime import date
from itertools import pairwise
from typing import Any

from ..document import Document
from ..records import Timex
from ..resources import Resources
from .grammar import parse
from .interpret import Interpreter, Offset, Point, Range, Reading, Several
from .lexicon import Lexicon, load_lexicon
from .resolve import Context, resolve
from .scan import Token, scan
from .tense import TenseReader


class TimeExtractor:
    """Callable: ``extractor(text, published) -> list[Timex]``; tables loaded once."""

    def __init__(self, lexicon: Lexicon | None = None, tense: TenseReader | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.tense = tense or TenseReader()
        self.interpret = Interpreter(self.lexicon, self.tense)

    def __call__(
        self, text: str, published: date | None = None, trace: list[str] | None = None
    ) -> list[Timex]:
        """The time expressions of ``text``; ``trace``, a list, collects the rules that fired
        and the matches refused (see ``explain``)."""
        if not text or not text.strip():
            return []
        scanned = scan(text, self.lexicon)
        tokens = scanned.tokens
        found: list[tuple[int, int, Reading]] = []
        self.interpret.trace = trace
        try:
            for match, reading in parse(scanned.cats, lambda match: self.interpret(match, tokens)):
                if trace is not None:
                    words = text[tokens[match.start].start : tokens[match.end - 1].end]
                    trace.append(f"{match.rule.name}: {words!r} -> {type(reading).__name__}")
                if isinstance(reading, Several):
                    found.extend(reading.items)
                else:
                    found.append((match.start, match.end, reading))
        finally:
            self.interpret.trace = None
        share_years(found, tokens)
        context = Context(anchor=published)
        timexes: list[Timex] = []
        for first, last, reading in found:
            context.sentence = tokens[first].sent
            context.future = needs_direction(reading) and self.tense.forward(
                tokens, first, last, scanned.future
            )
            value = resolve(reading, context)
            if value is None:
                if trace is not None:
                    trace.append(f"not on the calendar: {reading}")
                continue
            context.remember(value)
            start, end = tokens[first].start, tokens[last - 1].end
            timexes.append(
                Timex(
                    id=f"t{len(timexes) + 1}",
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=value.type,  # type: ignore[arg-type]
                    value=value.value,
                    mod=value.mod,  # type: ignore[arg-type]
                    interval=value.interval,
                    anchor=value.anchor,
                )
            )
        return timexes


def needs_direction(reading: Reading) -> bool:
    """Would the tense change the reading? Only when the year (or day) is left to the anchor."""
    if isinstance(reading, Range):
        return needs_direction(reading.first) or needs_direction(reading.last)
    if isinstance(reading, Offset):
        return reading.base == "ref" and reading.sign > 0
    if not isinstance(reading, Point) or reading.year is not None or reading.shift is not None:
        return False
    return any(
        field is not None and field is not False
        for field in (reading.month, reading.weekday, reading.season, reading.part, reading.weekend)
    )


def share_years(found: list[tuple[int, int, Reading]], tokens: list[Token]) -> None:
    """ "30 июня и 1 июля 2019 года": a date joined by "и" or a comma takes the next one's year."""
    for (_, end, left), (start, _, right) in pairwise(found):
        if not (isinstance(left, Point) and isinstance(right, Point)):
            continue
        if start - end != 1 or tokens[end].cat not in "i,":
            continue
        if (
            left.year is None
            and left.shift is None
            and left.month is not None
            and right.explicit_year
        ):
            left.year, left.explicit_year = right.year, True


_default: TimeExtractor | None = None


def extract_timexes(text: str, published: date | None = None) -> list[Timex]:
    """Date and time expressions of ``text``, resolved against ``published`` (if known)."""
    global _default
    if _default is None:
        _default = TimeExtractor()
    return _default(text, published)


def explain(text: str, published: date | None = None) -> list[str]:
    """What the grammar did with ``text``, one line per step: each rule that fired, each match
    refused and by which check, each reading that found no place on the calendar; then the
    timexes. For debugging rules, like razdel's debug mode."""
    global _default
    if _default is None:
        _default = TimeExtractor()
    trace: list[str] = []
    for timex in _default(text, published, trace):
        trace.append(f"timex {timex.text!r}: {timex.type} {timex.value} {timex.mod or ''}".rstrip())
    return trace


class SharedTagger:
    """pymorphy tags from the shared resources' vocabulary, loaded on first use (picklable)."""

    def __init__(self, resources: Resources):
        self.resources = resources

    def __call__(self, word: str) -> Any:
        return self.resources.morph_vocab.tag(word)


class TimeStage:
    """Fills ``Document.timexes`` from the text and ``Document.published``.

    Needs nothing but the text: it reads its own tokens (the default tokens would serve no
    rule better). The morphology it uses for tense comes from ``resources`` (shared, lazy).
    """

    name = "time"
    requires = frozenset({"text"})
    provides = frozenset({"timexes"})

    def __init__(self, resources: Resources | None = None, lexicon: Lexicon | None = None):
        tagger = SharedTagger(resources) if resources is not None else None
        self.extract = TimeExtractor(lexicon, TenseReader(tagger))

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.timexes = self.extract(doc.text, doc.published)
