"""Alias mentions: words that stand for a country without naming it.

    metonyms           a seat of power or a capital used as an actor ("Кремль заявил",
                       "Вашингтон обратился") stands for its country; as a place ("в Москве")
                       a capital stays the city, a seat is its administration, an organisation
                       ("в Кремле заявили")
    demonyms           "американцы" (plural) stands for the country
    actor_adjectives   "американская сторона": a country adjective on a noun of actor_heads.tsv
    country_adjectives "японского": any other country adjective, when the text never names the
                       country (a named one gets its adjectives in the relation stage)

An alias mention joins the country through its table referent (``names.table_referents``).
"""

from __future__ import annotations

from .keys import stem
from .mentions import Candidate, Context, key_tuples, make_candidate, span_head
from .tables import Referent

# dependency relations of an actor: the subject ("Вашингтон обратился"); an object is too often
# a place ("посетил Анкару")
ACTOR_RELATIONS = frozenset({"nsubj"})


def _is_actor(ctx: Context, candidate: Candidate) -> bool:
    if candidate.type == "ORG":
        return True
    return ctx.tokens[span_head(ctx, candidate)].rel in ACTOR_RELATIONS


def _seat(ctx: Context, candidate: Candidate) -> Referent | None:
    for key in key_tuples(candidate):
        referent = ctx.tables.seats.get(key) or ctx.tables.capitals.get(key)
        if referent is not None:
            return referent
    return None


def metonyms(ctx: Context) -> None:
    for index in ctx.names():
        candidate = ctx.candidates[index]
        if candidate.type == "PER" or candidate.referent is not None:
            continue
        country = _seat(ctx, candidate)
        if country is not None and _is_actor(ctx, candidate):
            candidate.kind, candidate.referent, candidate.source = "alias", country, "metonyms"
        elif country is not None and any(key in ctx.tables.seats for key in key_tuples(candidate)):
            candidate.type = "ORG"  # "в Кремле заявили": the seat's administration, not a place


def _alias(ctx: Context, first: int, last: int, country: Referent, source: str) -> None:
    candidate = make_candidate(ctx, first, last, country.type, "alias", source)
    candidate.referent = country
    ctx.add(candidate)


def demonyms(ctx: Context) -> None:
    for index, token in enumerate(ctx.tokens):
        if token.pos != "NOUN" or token.feats.get("Number") != "Plur" or not token.lemma:
            continue
        country = ctx.tables.demonyms.get(stem(token.lemma))
        if country is not None and not ctx.covered(index, index + 1):
            _alias(ctx, index, index + 1, country, "demonyms")


def actor_adjectives(ctx: Context) -> None:
    for index, token in enumerate(ctx.tokens):
        if token.pos != "ADJ" or token.rel != "amod" or token.head is None or not token.lemma:
            continue
        country = ctx.tables.adjectives.get(stem(token.lemma))
        if country is None or not 0 < token.head - index <= 2:
            continue
        head = ctx.tokens[token.head]
        if (head.lemma or "").lower() in ctx.tables.actor_heads and not ctx.covered(
            index, token.head + 1
        ):
            _alias(ctx, index, token.head + 1, country, "actor_adjectives")


def country_adjectives(ctx: Context) -> None:
    """ "японского", "итальянских": a country adjective anywhere else is a mention of the country
    (NEREL marks it so), after ``actor_adjectives`` took the actor phrases."""
    named = {candidate.referent.id for candidate in ctx.candidates
             if candidate.referent is not None and candidate.kind != "alias"}
    for index, token in enumerate(ctx.tokens):
        if token.pos != "ADJ" or not token.lemma or ctx.covered(index, index + 1):
            continue
        country = ctx.tables.adjectives.get(stem(token.lemma))
        if country is not None and country.id not in named:
            _alias(ctx, index, index + 1, country, "country_adjectives")
