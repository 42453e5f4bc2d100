"""Organisation names that differ in form, not in referent.

org_parts          "Конгресс" and the one "Конгресс США" it is short for; "Яблоко" and the
                   one "партия «Яблоко»" it names
org_country_forms  "правительство Израиля" / "израильское правительство", "МИД Японии" /
                   "японский МИД": the same words with the same country
"""

from __future__ import annotations

from .mentions import Candidate, Context, key_tuples, tuples_of


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
