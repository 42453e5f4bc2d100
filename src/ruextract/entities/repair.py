"""Name mentions from NER, and repairs of what NER got wrong, with the document's own evidence.

Rules, in the order the stage runs them:

    ner_names          every NER span is a name mention, cut where a name cannot go on: at a
                       line break, at brackets ("Ши Тао (Shi Tao)"), a person's at commas
    table_names        a country or organisation from the tables that NER missed
    repeated_names     a form of a name NER recognised elsewhere in the document, missed here
    org_with_country   "Конгресса" + "США" right after it is one organisation, "Конгресса США"
"""

from __future__ import annotations

from ..document import Token
from .keys import is_abbreviation
from .mentions import Candidate, Context, key_tuples, make_candidate
from .tables import Referent


def _referent(ctx: Context, candidate: Candidate):  # type: ignore[no-untyped-def]
    for key in key_tuples(candidate):
        referent = ctx.tables.lookup(key)
        if referent is not None:
            return referent
    return None


def ner_names(ctx: Context) -> None:
    for span in ctx.doc.ner:
        first, last = ctx.token_range(span.start, span.end)
        for part_first, part_last in _split_lines(ctx, first, last, span.type):
            candidate = make_candidate(ctx, part_first, part_last, span.type, "name", "ner")
            candidate.referent = _referent(ctx, candidate)
            if candidate.referent is not None and (part_first, part_last) != (first, last):
                candidate.type = candidate.referent.type  # "Уильям Смит (США)": США is no person
            ctx.add(candidate)


def _split_lines(ctx: Context, first: int, last: int, type: str) -> list[tuple[int, int]]:
    """A name does not run across a line break ("Мурси\nСвергнутый"): the parts with a proper
    noun are kept; each part is then split at brackets (and a person's at commas)."""
    parts, start = [], first
    for index in range(first + 1, last + 1):
        if (
            index == last
            or "\n" in ctx.doc.text[ctx.tokens[index - 1].end : ctx.tokens[index].start]
        ):
            parts.append((start, index))
            start = index
    if len(parts) > 1:
        parts = [
            part
            for part in parts
            if any(token.pos == "PROPN" for token in ctx.tokens[part[0] : part[1]])
        ] or parts[:1]
    split = _split_person if type == "PER" else _split_brackets
    return [piece for part in parts for piece in split(ctx, *part)]


def _split_brackets(ctx: Context, first: int, last: int) -> list[tuple[int, int]]:
    """ "Ши Тао (Shi Tao)" tagged as one span is two names, joined later by ``parenthesised``."""
    texts = [token.text for token in ctx.tokens[first:last]]
    if len(texts) < 4 or texts[-1] != ")" or "(" not in texts[1:-2]:
        return [(first, last)] if first < last else []
    opening = first + texts.index("(", 1)
    return [(first, opening), (opening + 1, last - 1)]


PERSON_BREAKS = frozenset({",", "(", ")", ";", "[", "]"})


def _split_person(ctx: Context, first: int, last: int) -> list[tuple[int, int]]:
    """ "Овечкин, Фёдоров", "Хитли (Гецлаф", "Бернс (": a person's name has no commas or
    brackets, so a span is cut at them and empty pieces are dropped."""
    pieces, start = [], first
    for index in range(first, last + 1):
        if index == last or ctx.tokens[index].text in PERSON_BREAKS:
            if start < index:
                pieces.append((start, index))
            start = index + 1
    return pieces


def _sentence_firsts(ctx: Context) -> set[int]:
    return {sentence.tokens[0] for sentence in ctx.doc.sentences}


def _matches(ctx: Context, first: int, keys: list[frozenset[str]]) -> bool:
    if first + len(keys) > len(ctx.tokens):
        return False
    for offset, wanted in enumerate(keys):
        if not wanted & ctx.key(first + offset):
            return False
    return True


def _table_match(ctx: Context, first: int) -> tuple[int, str, Referent | None] | None:
    """The longest table name (up to four words) starting at a token: (last, type, referent)."""
    tables = ctx.tables
    prefixes: list[tuple[str, ...]] = [()]
    found = None
    for last in range(first + 1, min(first + 4, len(ctx.tokens)) + 1):
        if ctx.covered(last - 1, last):
            break
        prefixes = [prefix + (key,) for prefix in prefixes for key in ctx.key(last - 1)][:16]
        for key in prefixes:
            referent = tables.lookup(key)
            if referent is not None:
                found = (last, referent.type, referent)
            elif key in tables.capitals:
                found = (last, "LOC", None)
    return found


def table_names(ctx: Context) -> None:
    """Countries, organisations and capitals of the tables, where NER left the words untagged."""
    after = 0
    for index in ctx.capitalised:
        if index < after or ctx.covered(index, index + 1):
            continue
        if not ctx.key(index) & ctx.tables.first_words:
            continue
        found = _table_match(ctx, index)
        if found is not None:
            after, type, referent = found
            candidate = make_candidate(ctx, index, after, type, "name", "table")
            candidate.referent = referent
            ctx.add(candidate)


def _name_like(token: Token) -> bool:
    """A proper name by its tag or its shape (an abbreviation, a Latin word), not "Ранее"."""
    text = token.text
    if len(text) < 2 or text.endswith("."):
        return False
    return token.pos == "PROPN" or is_abbreviation(text) or text.isascii() and text.isalpha()


def repeated_names(ctx: Context) -> None:
    """Forms of a recognised name found where NER missed them (matched on word keys)."""
    known: dict[str, list[tuple[list[frozenset[str]], str]]] = {}
    for index in ctx.names():
        candidate = ctx.candidates[index]
        if candidate.type is None or any(len(key) == 0 for key in candidate.keys):
            continue
        patterns = [candidate.keys]
        if candidate.type == "PER" and candidate.words > 1:
            patterns.append(candidate.keys[-1:])  # the surname alone
        for pattern in patterns:
            for key in pattern[0]:
                known.setdefault(key, []).append((pattern, candidate.type))
    if not known:
        return
    firsts = _sentence_firsts(ctx)
    for index in ctx.capitalised:
        token = ctx.tokens[index]
        if ctx.covered(index, index + 1):
            continue
        if not _name_like(token) or index in firsts and token.pos != "PROPN":
            continue
        options = [option for key in ctx.key(index) for option in known.get(key, ())]
        for pattern, type in sorted(options, key=lambda option: -len(option[0])):
            last = index + len(pattern)
            if _matches(ctx, index, pattern) and not ctx.covered(index, last):
                candidate = make_candidate(ctx, index, last, type, "name", "repeated")
                candidate.referent = _referent(ctx, candidate)
                ctx.add(candidate)
                break


def org_with_country(ctx: Context) -> None:
    """ "Конгресса" + "США" right after it, in the genitive, is one organisation, "Конгресса США"
    (the country stays a mention of its own)."""
    by_first = {ctx.candidates[index].first: index for index in ctx.names()}
    for index in ctx.names():
        org = ctx.candidates[index]
        place = by_first.get(org.last)
        if org.type != "ORG" or org.base or place is None:
            continue
        country = ctx.candidates[place]
        if country.type != "LOC" or ctx.tokens[country.first].feats.get("Case") != "Gen":
            continue
        org.base, org.last, org.end = org.words, country.last, country.end
        org.keys = org.keys + country.keys
        org.referent = _referent(ctx, org)
