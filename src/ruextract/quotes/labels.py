"""Descriptive speakers: an unnamed but identifiable source becomes an entity of its own.

When a quote's source is a common-noun phrase that no named entity stands for (прокурор, врачи,
власти Венесуэлы, источник в правительстве), the guidelines' speaker is a descriptive label: the
phrase in the nominative, without quantifiers, possessives and ages in front (некоторые
аналитики → аналитики, ряд российских экспертов → российские эксперты, 61-летний мужчина →
мужчина). The label's entity is a person for animate heads, an organisation otherwise; one label
is one entity per document, so "врачи" twice is one speaker.
"""

from __future__ import annotations

import re

from ..entities.build import _normal as normal_words
from ..records import Entity, Mention
from ..resources import shared_resources
from .context import PERSONAL, POSSESSIVE_3, Context, MentionRef

QUANTIFIERS = {"ряд", "большинство", "часть", "многие", "несколько", "группа", "один", "никто"}
LEADING_POS = {"DET", "PRON", "NUM", "ADP", "CCONJ", "PUNCT"}
AGE = re.compile(r"^\d+-(летн|лет)", re.IGNORECASE)
PHRASE_STOP = {",", ".", ":", ";", "(", ")", "—", "–"}


def label_head(ctx: Context, head: int) -> int | None:
    """The noun a label is built on: the head itself, or the genitive it quantifies (ряд
    экспертов, большинство из них); None for pronouns and names."""
    if ctx.lemmas[head] in QUANTIFIERS:
        nouns = [child for child in ctx.children[head] if ctx.pos(child) == "NOUN"]
        if not nouns:
            return None
        head = nouns[0]
    if ctx.pos(head) != "NOUN" or ctx.lemmas[head] in PERSONAL or ctx.lowers[head] in POSSESSIVE_3:
        return None
    return head


def label_tokens(ctx: Context, head: int, span: tuple[int, int]) -> list[int]:
    """The tokens of the label: the contiguous run of the source phrase around the head, up to
    a comma or a clause, without leading determiners, numbers and ages."""
    inside = [j for j in ctx.token_range(*span)] or [head]
    if head not in inside:
        inside = [head]
    first = inside.index(head)
    while first > 0 and ctx.lowers[inside[first - 1]] not in PHRASE_STOP:
        first -= 1
    last = inside.index(head)
    while last + 1 < len(inside) and ctx.lowers[inside[last + 1]] not in PHRASE_STOP:
        last += 1
    tokens = inside[first : last + 1]
    while tokens and tokens[0] != head and (
        ctx.pos(tokens[0]) in LEADING_POS or AGE.match(ctx.lowers[tokens[0]])
        or ctx.lemmas[tokens[0]] in QUANTIFIERS
    ):
        tokens = tokens[1:]
    return tokens


def label_text(ctx: Context, tokens: list[int]) -> str:
    """The label in the nominative: the head and the words agreeing with it inflected, the
    genitives after it kept (власти Венесуэлы), a sentence-initial capital dropped."""
    first = tokens[0]
    words = tuple(
        (
            ctx.tokens[j].text,
            str(ctx.tokens[j].head - first) if ctx.tokens[j].head in tokens else "",
            ctx.tokens[j].pos,
            tuple(sorted(ctx.feats(j).items())),
            ctx.starts[j] - ctx.starts[first],
            ctx.ends[j] - ctx.starts[first],
        )
        for j in tokens
    )
    text = normal_words(shared_resources().morph_vocab, words, "ORG")
    if ctx.pos(first) != "PROPN" and not ctx.tokens[first].text.isupper():
        text = text[:1].lower() + text[1:]
    return text


def label_type(ctx: Context, head: int) -> str:
    return "PER" if ctx.feats(head).get("Animacy") == "Anim" else "ORG"


def labelled_speaker(ctx: Context, head: int | None, span: tuple[int, int]) -> MentionRef | None:
    """An entity for an unnamed source phrase, created once per label in the document."""
    if head is None:
        return None
    noun = label_head(ctx, head)
    if noun is None:
        return None
    tokens = label_tokens(ctx, noun, span)
    if not tokens:
        return None
    name = label_text(ctx, tokens)
    start, end = ctx.starts[tokens[0]], ctx.ends[tokens[-1]]
    mention = Mention(start=start, end=end, text=ctx.text[start:end], kind="descriptor")
    entity = ctx.labels.get(name.lower())
    if entity is None:
        number = len(ctx.doc.entities) + len(ctx.labels) + 1
        entity = Entity(id=f"e{number}", type=label_type(ctx, noun), name=name, mentions=[])
        ctx.labels[name.lower()] = entity
    if all((m.start, m.end) != (start, end) for m in entity.mentions):
        entity.mentions.append(mention)
    return MentionRef(start, end, entity, "descriptor")
