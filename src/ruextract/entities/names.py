"""Name mentions: collected from NER, repaired, and merged when they name the same referent.

Rules, in the order the stage runs them:

    ner_names          every NER span is a name mention (its table referent looked up)
    table_names        a country or organisation from the tables that NER missed
    repeated_names     a form of a name NER recognised elsewhere in the document, missed here
    same_name          equal names in any case form ("Путина" / "Путин")
    table_referents    names one table entry lists ("РФ" / "Россия" / "Российская Федерация")
    abbreviations      "ФБР" and a name whose initials it is ("Федеральное бюро расследований")
    parenthesised      "Хмельницкая АЭС (ХАЭС)": an abbreviation in brackets after a name
    person_parts       "Путин", "В. Путин", "Владимир" and the one full name they are part of
"""

from __future__ import annotations

from ..document import Token
from .keys import initials, is_abbreviation, token_keys
from .mentions import Candidate, Context, key_tuples, make_candidate

LOC_OR_ORG = frozenset({"LOC", "ORG"})


def _referent(ctx: Context, candidate: Candidate):  # type: ignore[no-untyped-def]
    for key in key_tuples(candidate):
        referent = ctx.tables.lookup(key)
        if referent is not None:
            return referent
    return None


def ner_names(ctx: Context) -> None:
    for span in ctx.doc.ner:
        first, last = ctx.token_range(span.start, span.end)
        for part_first, part_last in _split_brackets(ctx, first, last):
            candidate = make_candidate(ctx, part_first, part_last, span.type, "name", "ner")
            candidate.referent = _referent(ctx, candidate)
            ctx.add(candidate)


def _split_brackets(ctx: Context, first: int, last: int) -> list[tuple[int, int]]:
    """"Ши Тао (Shi Tao)" tagged as one span is two names, joined later by ``parenthesised``."""
    texts = [token.text for token in ctx.tokens[first:last]]
    if len(texts) < 4 or texts[-1] != ")" or "(" not in texts[1:-2]:
        return [(first, last)] if first < last else []
    opening = first + texts.index("(", 1)
    return [(first, opening), (opening + 1, last - 1)]


def _capitalised(ctx: Context, index: int) -> bool:
    text = ctx.tokens[index].text
    return len(text) > 1 and text[0].isupper()


def _sentence_firsts(ctx: Context) -> set[int]:
    return {sentence.tokens[0] for sentence in ctx.doc.sentences}


def _matches(ctx: Context, first: int, keys: list[frozenset[str]]) -> bool:
    if first + len(keys) > len(ctx.tokens):
        return False
    for offset, wanted in enumerate(keys):
        token = ctx.tokens[first + offset]
        if not wanted & token_keys(token):
            return False
    return True


def table_names(ctx: Context) -> None:
    """Countries, organisations and capitals of the tables, where NER left the words untagged."""
    tables = ctx.tables
    index = 0
    while index < len(ctx.tokens):
        if ctx.covered(index, index + 1) or not _capitalised(ctx, index):
            index += 1
            continue
        keys = token_keys(ctx.tokens[index])
        if not keys & tables.first_words:
            index += 1
            continue
        found = None
        for length in (4, 3, 2, 1):
            last = index + length
            if last > len(ctx.tokens) or ctx.covered(index, last):
                continue
            probe = make_candidate(ctx, index, last, None, "name", "table")
            if probe.words != length:
                continue
            for key in key_tuples(probe):
                referent = tables.lookup(key)
                type = referent.type if referent else ("LOC" if key in tables.capitals else None)
                if type is not None:
                    probe.type, probe.referent = type, referent
                    found = probe
                    break
            if found:
                break
        if found:
            ctx.add(found)
            index = found.last
        else:
            index += 1


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
    for index, token in enumerate(ctx.tokens):
        if ctx.covered(index, index + 1) or not _capitalised(ctx, index):
            continue
        if not _name_like(token) or index in firsts and token.pos != "PROPN":
            continue
        options = [option for key in token_keys(token) for option in known.get(key, ())]
        for pattern, type in sorted(options, key=lambda option: -len(option[0])):
            last = index + len(pattern)
            if _matches(ctx, index, pattern) and not ctx.covered(index, last):
                candidate = make_candidate(ctx, index, last, type, "name", "repeated")
                candidate.referent = _referent(ctx, candidate)
                ctx.add(candidate)
                break


def _compatible(a: Candidate, b: Candidate) -> bool:
    return a.type == b.type or (a.type in LOC_OR_ORG and b.type in LOC_OR_ORG)


def same_name(ctx: Context) -> None:
    seen: dict[tuple[str, ...], list[int]] = {}
    for index in ctx.names():
        candidate = ctx.candidates[index]
        for key in key_tuples(candidate):
            for other in seen.get(key, ()):
                if _compatible(candidate, ctx.candidates[other]):
                    ctx.join(other, index, "same_name")
                    break
            seen.setdefault(key, []).append(index)


def table_referents(ctx: Context) -> None:
    first_of: dict[str, int] = {}
    for index, candidate in enumerate(ctx.candidates):
        if candidate.referent is None or candidate.kind not in ("name", "alias"):
            continue
        if candidate.referent.id in first_of:
            ctx.join(first_of[candidate.referent.id], index, "table_referents")
        else:
            first_of[candidate.referent.id] = index


def _words(ctx: Context, candidate: Candidate) -> list[str]:
    return [token.text for token in ctx.tokens[candidate.first : candidate.last] if token.pos != "PUNCT"]


def abbreviations(ctx: Context) -> None:
    short: dict[str, list[int]] = {}
    for index in ctx.names():
        candidate = ctx.candidates[index]
        text = ctx.text(candidate)
        if candidate.words == 1 and is_abbreviation(text):
            short.setdefault(text.lower().replace("ё", "е"), []).append(index)
    if not short:
        return
    for index in ctx.names():
        candidate = ctx.candidates[index]
        if candidate.words < 2 or candidate.type == "PER":
            continue
        for abbreviation in initials(_words(ctx, candidate)):
            for other in short.get(abbreviation, ()):
                ctx.join(index, other, "abbreviations")


def parenthesised(ctx: Context) -> None:
    """"Name (ABBR)", "Ши Тао (Shi Tao)": a name in brackets right after a name is the same."""
    by_first = {ctx.candidates[index].first: index for index in ctx.names()}
    for index in ctx.names():
        candidate = ctx.candidates[index]
        after = candidate.last
        if after + 1 >= len(ctx.tokens) or ctx.tokens[after].text != "(":
            continue
        other = by_first.get(after + 1)
        if other is None:
            continue
        inside = ctx.candidates[other]
        closed = inside.last < len(ctx.tokens) and ctx.tokens[inside.last].text == ")"
        same_kind = is_abbreviation(ctx.text(inside)) or inside.type == candidate.type
        if closed and same_kind and inside.type in (candidate.type, "ORG", "LOC"):
            ctx.join(index, other, "parenthesised")


def _initial(keys: frozenset[str]) -> str | None:
    letters = [key for key in keys if len(key) == 1]
    return letters[0] if letters else None


def _part_of(short: Candidate, full: Candidate) -> bool:
    """"Путин", "В. Путин", "Реджеп Эрдоган" are parts of "(Реджеп Тайип) Эрдоган"."""
    if not short.keys[-1] & full.keys[-1]:
        return False
    if short.words == 1:
        return True
    head = short.keys[0]
    initial = _initial(head)
    if initial is not None:
        return any(key.startswith(initial) for key in full.keys[0])
    return bool(head & full.keys[0])


def person_parts(ctx: Context) -> None:
    persons = [index for index in ctx.names() if ctx.candidates[index].type == "PER"]
    full = [index for index in persons if ctx.candidates[index].words > 1]
    if not full:
        return
    # "А. Соколов" joins "Андрей Соколов" before "Соколов" looks for the one full name it is part of
    for index in sorted(persons, key=lambda index: -ctx.candidates[index].words):
        candidate = ctx.candidates[index]
        root = ctx.find(index)
        fuller = [
            other
            for other in full
            if ctx.candidates[other].words >= candidate.words and ctx.find(other) != root
        ]
        roots = {ctx.find(other) for other in fuller if _part_of(candidate, ctx.candidates[other])}
        if not roots and candidate.words == 1:  # a first name alone: "Егора"
            roots = {
                ctx.find(other) for other in fuller if candidate.keys[0] & ctx.candidates[other].keys[0]
            }
        if len(roots) == 1:
            ctx.join(roots.pop(), index, "person_parts")


RULES = [
    ner_names,
    table_names,
    repeated_names,
    same_name,
    table_referents,
    abbreviations,
    parenthesised,
    person_parts,
]
