"""Is a quoted span a quotation? Ordered rules in the razdel manner: each small function looks
at one quoted span and returns a verdict or None, and the first verdict wins.

Verdicts:
    quote     a direct quotation; its attribution is found around it (or it has none)
    clause    a whole что-clause in marks (заявил, что «...»): the clause's frame reports it
    fragment  a verbatim piece of an indirect clause: that clause is then "mixed"
    name      not a quotation: a name, a title, a brand, an operation, scare quotes
    inner     marks inside a quotation: part of it, never a quote of its own

``classify(ctx, marked, debug=True)`` prints which rule decided.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Context
from .marks import Marked

QUOTE, CLAUSE, FRAGMENT, NAME, INNER = "quote", "clause", "fragment", "name", "inner"

DASH = "—–-"
WORD = re.compile(r"\w+")
DASH_AFTER = re.compile(r"['\s]*[,.!?…]*['\s]*[—–-]{1,2}\s")
COMMA_AFTER = re.compile(r"['\s]*,\s")
DASH_BEFORE = re.compile(r"[,.!?…:]?['\s]*[—–-]{1,2}\s*['\s]*$")
ENDS_SENTENCE = re.compile(r"^['\s]*(?:[.!?…]+|$|\s*\n)")
STARTS_SENTENCE = re.compile(r"(?:^|[.!?…:»”\"]\s*|[—–]\s*)$")
AFTER_ЧТО = re.compile(r"(?:^|\W)что[:,]?$")
PERSON_TITLE_WORDS = 4  # at most this many words in marks, capitalised: a name or a title


class Span:
    """One quoted span and the text around it, as the rules see it."""

    def __init__(self, ctx: Context, marked: Marked):
        self.ctx = ctx
        self.marked = marked
        text = ctx.text
        self.inner = text[marked.start : marked.end]
        paragraph_start, paragraph_end = ctx.paragraph_bounds(marked.open)
        self.before = text[paragraph_start : marked.open].rstrip(" '\u00a0\t")
        self.after = text[marked.close + 1 : paragraph_end]
        self.words = WORD.findall(self.inner)
        self.tokens = ctx.token_range(marked.start, marked.end)
        stripped = self.inner.lstrip(" '\"«„“(")
        self.first = stripped[:1]

    @property
    def capitalised(self) -> bool:
        return self.first.isupper() or self.first.isdigit()

    def enclosing(self) -> Marked | None:
        for other in self.ctx.marked:
            if other.open < self.marked.open and self.marked.close < other.close:
                return other
        return None


def empty(span: Span) -> str | None:
    return NAME if not span.words else None


def inside_a_quotation(span: Span) -> str | None:
    outer = span.enclosing()
    if outer is not None and span.ctx.verdict.get(outer) in (QUOTE, CLAUSE, INNER):
        return INNER
    return None


def dash_attribution_after(span: Span) -> str | None:
    """«...», — сказал X: a cue within the first words after the dash."""
    return QUOTE if attribution_cue_after(span.ctx, span.marked.close + 1) is not None else None


def comma_attribution_after(span: Span) -> str | None:
    """«...», говорит X. (no dash): a quotation when it opens its sentence."""
    if not (span.capitalised and STARTS_SENTENCE.search(span.before)):
        return None
    cue = attribution_cue_after(span.ctx, span.marked.close + 1, allow_comma=True)
    return QUOTE if cue is not None else None


COMMA_BEFORE = re.compile(r",['\s]*$")


def second_part_of_split_quote(span: Span) -> str | None:
    """«A», — сказал X. — «B»: a dash right before the mark, after an attribution; or a comma
    right after one («A», говорит X, «B»)."""
    if not DASH_BEFORE.search(span.before) and not COMMA_BEFORE.search(span.before):
        return None
    kinds = (QUOTE,) if DASH_BEFORE.search(span.before) else (QUOTE, FRAGMENT)
    previous = [m for m in span.ctx.quotes(*kinds) if m.close < span.marked.open]
    if previous and span.ctx.paragraph_bounds(previous[-1].close)[0] == span.ctx.paragraph_bounds(
        span.marked.open
    )[0]:
        between = span.ctx.text[previous[-1].close + 1 : span.marked.open]
        if (attribution_cue_after(span.ctx, previous[-1].close + 1, allow_comma=True) is not None
                or "—" in between):
            return QUOTE
    return None


def after_colon(span: Span) -> str | None:
    return QUOTE if span.before.endswith(":") else None


def whole_clause_after_что(span: Span) -> str | None:
    return CLAUSE if AFTER_ЧТО.search(span.before) and len(span.words) >= 2 else None


def short_capitalised(span: Span) -> str | None:
    """A short capitalised phrase in marks is a name or a title («Россия 1», «Побег»)."""
    return NAME if span.capitalised and len(span.words) <= PERSON_TITLE_WORDS else None


def mostly_a_name(span: Span) -> str | None:
    return NAME if span.ctx.name_cover(span.marked.start, span.marked.end) >= 0.8 else None


def own_sentence(span: Span) -> str | None:
    """A capitalised span that starts and ends a sentence of its own is a quotation."""
    if span.capitalised and STARTS_SENTENCE.search(span.before) and ENDS_SENTENCE.match(span.after):
        return QUOTE
    return None


def verbatim_fragment(span: Span) -> str | None:
    """Lower-case words in marks: a verbatim piece if several words, or a verb or short form."""
    if span.capitalised:
        return None
    ctx = span.ctx
    verbal = any(
        ctx.pos(index) in ("VERB", "AUX") or ctx.feats(index).get("Variant") == "Short"
        for index in span.tokens
    )
    return FRAGMENT if len(span.words) >= 2 or verbal else None


def scare_quotes(span: Span) -> str | None:
    return NAME


RULES: list[Callable[[Span], str | None]] = [
    empty,
    inside_a_quotation,
    mostly_a_name,
    dash_attribution_after,
    comma_attribution_after,
    second_part_of_split_quote,
    after_colon,
    whole_clause_after_что,
    short_capitalised,
    own_sentence,
    verbatim_fragment,
    scare_quotes,
]


def classify(ctx: Context, marked: Marked, debug: bool = False) -> str:
    span = Span(ctx, marked)
    for rule in RULES:
        verdict = rule(span)
        if verdict is not None:
            if debug:
                print(f"{rule.__name__}: {verdict} {span.inner[:60]!r}")
            return verdict
    return NAME


def classify_all(ctx: Context, debug: bool = False) -> None:
    """Verdicts for every quoted span, outer ones first (``ctx.verdict``)."""
    for marked in sorted(ctx.marked, key=lambda m: (m.open, -m.close)):
        ctx.verdict[marked] = classify(ctx, marked, debug)


# shared with the attribution finders


def attribution_cue_after(
    ctx: Context, offset: int, words: int = 5, allow_comma: bool = False
) -> int | None:
    """The cue token of a dash attribution starting at ``offset`` («...», — сказал X), or with
    ``allow_comma`` of a comma one («...», говорит X)."""
    end = ctx.line_end(offset)
    match = DASH_AFTER.match(ctx.text, offset, end)
    if match is None and allow_comma:
        match = COMMA_AFTER.match(ctx.text, offset, end)
        words = 1
    if match is None:
        return None
    index, counted = ctx.first_token_from(match.end()), 0
    while index < len(ctx.tokens) and counted < words:
        if ctx.starts[index] >= end or ctx.lowers[index] in (".", "!", "?", "«", "»", "\""):
            return None
        frame = ctx.frames[index]
        collocation = ctx.collocation(index)
        if collocation is not None:  # — приводит слова министра X РИА Новости
            frame = collocation[0]
        if frame is not None and frame.takes("direct") and not ctx.first_person(index):
            return index
        if ctx.lowers[index] == "с" and ctx.lowers[index + 1 : index + 3] == ["этими", "словами"]:
            return index
        if ctx.lowers[index] == ",":
            return None
        if ctx.pos(index) != "ADV":  # — уверенно сказал он: adverbs do not count
            counted += 1
        index += 1
    return None
