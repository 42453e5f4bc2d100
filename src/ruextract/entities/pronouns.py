"""Third-person pronouns (он, она, они and their case forms) to a salient antecedent.

pronouns   the nearest earlier mention, in this sentence or the two before, that agrees in
           gender and number (a subject pronoun prefers the nearest subject): он/она to a
           person of that gender, они to a plural mention
           ("американцы"); never the subject of the pronoun's own verb when the pronoun
           is its object ("Путин похвалил его")
"""

from __future__ import annotations

from bisect import bisect_right

from .keys import fold
from .mentions import Context, cluster_genders, make_candidate, span_head

PRONOUNS = frozenset({"он", "она", "они"})
WINDOW = 2  # sentences back
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def _sentence_of(ctx: Context) -> list[int]:
    starts = [sentence.tokens[0] for sentence in ctx.doc.sentences]
    return [max(bisect_right(starts, index) - 1, 0) for index in range(len(ctx.tokens))]


def _agrees(
    ctx: Context, index: int, gender: str | None, number: str, genders: dict[int, str]
) -> bool:
    candidate = ctx.candidates[index]
    root = ctx.find(index)
    if number == "Plur":
        return (
            candidate.kind in ("alias", "name")
            and candidate.number == "Plur"
            and candidate.type != "PER"
        )
    if (
        candidate.kind == "pronoun"
        or ctx.candidates[root].type != "PER"
        and candidate.type != "PER"
    ):
        return False
    return gender is not None and genders.get(root) == gender


def _salient(agreeing: list[tuple[int, bool]], subject: bool) -> int | None:
    """The nearest agreeing mention; a subject pronoun prefers the nearest subject."""
    if not agreeing:
        return None
    if subject:
        for index, is_subject in agreeing:
            if is_subject:
                return index
    return agreeing[0][0]


def pronouns(ctx: Context) -> None:
    if not ctx.candidates:
        return
    sentence = _sentence_of(ctx)
    genders = cluster_genders(ctx)
    antecedents = sorted(
        (index for index, c in enumerate(ctx.candidates) if c.kind != "pronoun"),
        key=lambda index: ctx.candidates[index].first,
    )
    firsts = [ctx.candidates[index].first for index in antecedents]
    for position, token in enumerate(ctx.tokens):
        if token.pos != "PRON" or fold(token.lemma or "") not in PRONOUNS:
            continue
        number = token.feats.get("Number", "Sing")
        gender = token.feats.get("Gender") if number == "Sing" else None
        agreeing = []  # nearest first
        for index in reversed(antecedents[: bisect_right(firsts, position - 1)]):
            candidate = ctx.candidates[index]
            if sentence[candidate.first] < sentence[position] - WINDOW:
                break
            if candidate.last > position:
                continue
            head = ctx.tokens[span_head(ctx, candidate)]
            if token.rel not in SUBJECTS and head.head == token.head and head.rel in SUBJECTS:
                continue
            if _agrees(ctx, index, gender, number, genders):
                agreeing.append((index, head.rel in SUBJECTS))
        chosen = _salient(agreeing, token.rel in SUBJECTS)
        if chosen is not None:
            pronoun = ctx.add(
                make_candidate(ctx, position, position + 1, None, "pronoun", "pronouns")
            )
            ctx.join(chosen, pronoun, "pronouns")
