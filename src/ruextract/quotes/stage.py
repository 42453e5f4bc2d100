"""``QuoteStage``: direct, indirect and mixed quotes with their cue, source and speaker."""

from __future__ import annotations

from ..document import Document
from ..records import Cue, Entity, Mention, Quote, Span
from .attribution import Found, find_quotes
from .context import Context
from .lexicon import Lexicon, load_lexicon
from .rules import classify_all
from .speakers import attribute

# verbs that report a statement only negated (не исключает, что ...): "не" belongs to the cue
NEGATED = {"исключать", "исключить", "отрицать"}
FIRST_PERSON = {"PER": {"я", "мой"}, "ORG": {"мы", "наш"}}


class QuoteStage:
    name = "quotes"
    requires = frozenset({"tokens", "sentences", "tokens.lemma", "tokens.pos", "tokens.head", "entities"})
    provides = frozenset({"quotes"})

    def __init__(self, lexicon: Lexicon | None = None, *, debug: bool = False):
        self._lexicon = lexicon
        self.debug = debug

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.quotes = extract_quotes(doc, self.lexicon, debug=self.debug)

    def __repr__(self) -> str:
        return "QuoteStage()"


def extract_quotes(doc: Document, lexicon: Lexicon, *, debug: bool = False) -> list[Quote]:
    """The document's quotes, in text order. First-person pronouns inside a direct quote are
    added to its speaker's mentions (kind "pronoun"), once."""
    if not doc.text.strip() or not doc.tokens:
        return []
    ctx = Context(doc, lexicon)
    classify_all(ctx, debug=debug)
    found = find_quotes(ctx)
    quotes = []
    attributed = attribute(ctx, found)
    doc.entities.extend(ctx.labels.values())
    entities = {entity.id: entity for entity in doc.entities}
    for number, (quote, source, speaker) in enumerate(attributed, start=1):
        if debug:
            print(f"{quote.rule}: {quote.kind} {doc.text[quote.start:quote.end][:60]!r}")
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=quote.kind,
                cue=cue_record(ctx, quote),
                source=None if source is None else span(doc.text, *source),
                speaker=speaker,
                content=span(doc.text, quote.start, quote.end),
            )
        )
        if quote.kind == "direct" and speaker in entities:
            add_first_person(ctx, entities[speaker], quote)
    return quotes


def span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def cue_record(ctx: Context, quote: Found) -> Cue | None:
    if quote.cue is None:
        return None
    first, last = quote.cue
    if first and ctx.lowers[first - 1] == "не" and ctx.lemmas[first] in NEGATED:
        first -= 1  # не исключает, не отрицают: the negation is part of the cue
    start, end = ctx.starts[first], ctx.ends[last]
    return Cue(start=start, end=end, text=ctx.text[start:end], lemma=quote.lemma or "")


def add_first_person(ctx: Context, entity: Entity, quote: Found) -> None:
    lemmas = FIRST_PERSON.get("PER" if entity.type == "PER" else "ORG", set())
    taken = {(mention.start, mention.end) for mention in entity.mentions}
    added = False
    for index in ctx.token_range(quote.start, quote.end):
        if ctx.lemmas[index] in lemmas and (ctx.starts[index], ctx.ends[index]) not in taken:
            entity.mentions.append(
                Mention(start=ctx.starts[index], end=ctx.ends[index], text=ctx.tokens[index].text,
                        kind="pronoun")
            )
            added = True
    if added:
        entity.mentions.sort(key=lambda mention: (mention.start, mention.end))
