"""Name mentions: collected from NER, repaired, and merged when they name the same referent.

Rules, in the order the stage runs them:

    ner_names          every NER span is a name mention (its table referent looked up)
    table_names        a country or organisation from the tables that NER missed
    repeated_names     a form of a name NER recognised elsewhere in the document, missed here
    same_name          equal names in any case form ("Путина" / "Путин")
    table_referents    names one table entry lists ("РФ" / "Россия" / "Российская Федерация")
    abbreviations      "ФБР" and a name whose initials it is ("Федеральное бюро расследований")
    parenthesised      "Хмельницкая АЭС (ХАЭС)": an abbreviation in brackets after a name
    org_with_country   "Конгресса" + "США" is one organisation, "Конгресса США"
    org_parts          "Конгресс" and the one "Конгресс США" it is short for; "Яблоко" and the
                       one "партия «Яблоко»"
    org_country_forms  "правительство Израиля" / "израильское правительство"
    person_parts       "Путин", "В. Путин", "Владимир" and the one full name they are part of
                       (a one-word animate name NER typed LOC or ORG becomes a person so)
"""

from __future__ import annotations

from ..document import Token
from .keys import initials, is_abbreviation
from .mentions import Candidate, Context, key_tuples, make_candidate, tuples_of
from .tables import Referent

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


def _base(ctx: Context, candidate: Candidate) -> int:
    """Words before a trailing country: set by ``org_with_country``, or read off the last word
    ("МЧС России" tagged as one span)."""
    if candidate.base or candidate.words < 2:
        return candidate.base
    last = [(key,) for key in candidate.keys[-1]]
    if any((found := ctx.tables.lookup(key)) and found.type == "LOC" for key in last):
        return candidate.words - 1
    return 0


def _descriptor_prefix(ctx: Context, candidate: Candidate) -> int:
    """Words of a lower-case type noun before a name: "партии «Яблоко»", "компании Oracle"."""
    count = 0
    for token in ctx.tokens[candidate.first : candidate.last - 1]:
        if token.pos in ("NOUN", "ADJ") and token.text.islower():
            count += 1
        elif token.pos == "PUNCT" and token.text in '«"„' and count:
            continue
        else:
            break
    return count


def org_parts(ctx: Context) -> None:
    """ "Конгресс" and the one "Конгресс <country>" of the document it is short for; "Яблоко" and
    the one "партия «Яблоко»" it names."""
    longer: dict[tuple[str, ...], set[int]] = {}
    for index in ctx.names():
        candidate = ctx.candidates[index]
        if candidate.type != "ORG":
            continue
        base = _base(ctx, candidate)
        parts = [candidate.keys[:base]] if base else []
        prefix = _descriptor_prefix(ctx, candidate)
        if prefix:
            parts.append(candidate.keys[prefix:])
        for part in parts:
            for key in tuples_of(part):
                longer.setdefault(key, set()).add(index)
    if not longer:
        return
    for index in ctx.names():
        candidate = ctx.candidates[index]
        if candidate.type != "ORG":
            continue
        for key in key_tuples(candidate):
            members = longer.get(key, set()) - {index}
            roots = {ctx.find(member) for member in members}
            if len(roots) == 1:
                ctx.join(roots.pop(), index, "org_parts")
                break


def _country_of(ctx: Context, keys: frozenset[str]) -> str | None:
    for key in keys:
        found = ctx.tables.lookup((key,)) or ctx.tables.adjectives.get(key)
        if found is not None and found.id.startswith("country:"):
            return found.id
    return None


def org_country_forms(ctx: Context) -> None:
    """ "правительства Израиля" and "израильского правительства", "МИД Японии" and "японский
    МИД": the same organisation words with the same country, as a name or an adjective."""
    seen: dict[tuple[str, ...], int] = {}
    for index in ctx.names():
        candidate = ctx.candidates[index]
        if candidate.type != "ORG" or not 2 <= candidate.words <= 6:
            continue
        countries = [_country_of(ctx, keys) for keys in candidate.keys]
        if sum(country is not None for country in countries) != 1:
            continue
        country = next(country for country in countries if country)
        rest = [keys for keys, found in zip(candidate.keys, countries) if found is None]
        for key in tuples_of(sorted(rest, key=sorted)):
            signature = (country, *key)
            if signature in seen:
                ctx.join(seen[signature], index, "org_country_forms")
            else:
                seen[signature] = index


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
    return [
        token.text for token in ctx.tokens[candidate.first : candidate.last] if token.pos != "PUNCT"
    ]


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
    """ "Name (ABBR)", "Ши Тао (Shi Tao)": an abbreviation or the same name in the other script,
    in brackets right after a name, is that name ("Цюрих (Швейцария)" is not)."""
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
        abbreviation = is_abbreviation(ctx.text(inside)) and candidate.type != "PER"
        transliteration = inside.type == candidate.type and _latin(ctx, inside) != _latin(
            ctx, candidate
        )
        if closed and (abbreviation or transliteration):
            ctx.join(index, other, "parenthesised")


def _latin(ctx: Context, candidate: Candidate) -> bool:
    return ctx.text(candidate).isascii()


def _initial(keys: frozenset[str]) -> str | None:
    letters = [key for key in keys if len(key) == 1]
    return letters[0] if letters else None


def _part_of(short: Candidate, full: Candidate) -> bool:
    """ "Путин", "В. Путин", "Реджеп Эрдоган" are parts of "(Реджеп Тайип) Эрдоган", and "Борис
    Николаевич" of "Борис Николаевич Ельцин"."""
    if short.gender and full.gender and short.gender != full.gender:  # "Петрова" / "Иван Петров"
        return False
    if short.words > 1 and all(a & b for a, b in zip(short.keys, full.keys)):
        return True
    if not short.keys[-1] & full.keys[-1]:
        return False
    if short.words == 1:
        return True
    head = short.keys[0]
    initial = _initial(head)
    if initial is not None:
        return any(key.startswith(initial) for key in full.keys[0])
    return bool(head & full.keys[0])


def _maybe_person(ctx: Context, candidate: Candidate) -> bool:
    """A person by its tag, or a one-word animate name NER typed otherwise ("о Свиридове")."""
    if candidate.type == "PER":
        return True
    token = ctx.tokens[candidate.first]
    return (
        candidate.words == 1 and candidate.referent is None and token.feats.get("Animacy") == "Anim"
    )


def person_parts(ctx: Context) -> None:
    persons = [index for index in ctx.names() if _maybe_person(ctx, ctx.candidates[index])]
    full = [
        index
        for index in persons
        if ctx.candidates[index].words > 1 and ctx.candidates[index].type == "PER"
    ]
    if not full:
        return
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for index in full:
        for key in ctx.candidates[index].keys[-1]:
            by_last.setdefault(key, []).append(index)
        for key in ctx.candidates[index].keys[0]:
            by_first.setdefault(key, []).append(index)
    # "А. Соколов" joins "Андрей Соколов" before "Соколов" looks for the one full name it is part of
    for index in sorted(persons, key=lambda index: -ctx.candidates[index].words):
        candidate = ctx.candidates[index]
        root = ctx.find(index)
        by_surname = {other for key in candidate.keys[-1] for other in by_last.get(key, ())}
        by_name = {other for key in candidate.keys[0] for other in by_first.get(key, ())}
        fuller = [
            other
            for other in by_surname | by_name
            if ctx.candidates[other].words >= candidate.words and ctx.find(other) != root
        ]
        roots = {ctx.find(other) for other in fuller if _part_of(candidate, ctx.candidates[other])}
        if not roots and candidate.words == 1:  # a first name alone: "Егора"
            roots = {ctx.find(other) for other in fuller if other in by_name}
        if len(roots) == 1:
            ctx.join(roots.pop(), index, "person_parts")
            candidate.type = "PER"


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
