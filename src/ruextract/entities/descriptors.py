"""Role descriptors ("президент РФ", "глава государства", "российский лидер") and the person
they describe.

    appositive_roles   a role phrase right before a person's name ("президент РФ Владимир
                       Путин") or right after it and a comma ("Владимир Путин, президент
                       РФ,"): the phrase is the person's role
    institutions       "полиция", "правительство": an organisation with no name (a descriptor
                       mention that makes an entity of its own)
    bare_descriptors   a role phrase with no name, as a subject ("глава государства заметил"),
                       refers to the most salient person it is compatible with: the same role
                       (with no other dependents: "глава МВД" is not "глава Минздрава") or
                       role class bound before (with the same dependents: "представитель
                       Кремля" after "пресс-секретарь Кремля <name>"), no other country, no
                       other gender; with no
                       role bound, the document's main person for a role one person holds
                       ("президент" after "Путин ... Путин"); never a plural one or another
                       holder's ("бывший президент")

A role phrase is a role noun from ``roles.tsv`` with its adjectives on the left and its
dependents on the right (stopping at a person's name or punctuation).
"""

from __future__ import annotations

from dataclasses import dataclass

from .keys import fold, stem
from .mentions import Context, cluster_genders, make_candidate

QUOTES = frozenset('«»"„“”')
# a role noun's tag; a capitalised one at a sentence start may come out as a proper noun
ROLE_POS = frozenset({"NOUN", "PROPN"})
# bare descriptors are taken in these cases only: a subject or a nominal predicate
BARE_CASES = frozenset({"Nom"})
# roles one person holds at a time in a place: a bare "глава государства" may take the role's
# class from an earlier bound phrase; other roles ("депутат") need the same role noun
SINGLE_HOLDER = frozenset(
    {
        "leader",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "secretary_of_state",
        "monarch",
        "mayor",
        "governor",
        "cleric",
    }
)


@dataclass
class Phrase:
    first: int
    last: int
    head: int  # the role noun
    lemma: str
    role: str  # class
    gender: str  # m, f or -
    countries: frozenset[str]
    dependents: frozenset[str]  # lemmas after the role noun: "государство" of "глава государства"
    plural: bool


def _person_starts(ctx: Context) -> dict[int, int]:
    return {
        ctx.candidates[index].first: index
        for index in ctx.names()
        if ctx.candidates[index].type == "PER"
    }


def _in_subtree(ctx: Context, index: int, head: int, limit: int = 6) -> bool:
    for _step in range(limit):
        parent = ctx.tokens[index].head
        if parent is None:
            return False
        if parent == head:
            return True
        index = parent
    return False


def _countries(ctx: Context, first: int, last: int) -> frozenset[str]:
    found = set()
    if ctx.covered(first, last):
        for index in ctx.starting_in(first, last):
            candidate = ctx.candidates[index]
            if candidate.referent and candidate.last <= last:
                found.add(candidate.referent.id)
    for token in ctx.tokens[first:last]:
        if token.pos == "ADJ" and token.lemma:
            country = ctx.tables.adjectives.get(stem(token.lemma))
            if country is not None:
                found.add(country.id)
    return frozenset(found)


def role_phrases(ctx: Context) -> list[Phrase]:
    starts = _person_starts(ctx)
    phrases: list[Phrase] = []
    index = 0
    while index < len(ctx.tokens):
        token = ctx.tokens[index]
        if token.pos not in ROLE_POS:
            index += 1
            continue
        lemma = fold(token.lemma or token.text)
        if lemma not in ctx.tables.roles or ctx.covered(index, index + 1):
            index += 1
            continue
        first = index
        while (
            first > 0 and ctx.tokens[first - 1].pos == "ADJ" and ctx.tokens[first - 1].head == index
        ):
            first -= 1
        last = index + 1
        role, gender = ctx.tables.roles[lemma]
        dependents = set()
        while last < len(ctx.tokens) and last not in starts:
            if "\n" in ctx.doc.text[ctx.tokens[last - 1].end : ctx.tokens[last].start]:
                break
            inside_name = ctx.covered(last, last + 1) or (  # "глава ОАО «Газпром»"
                ctx.tokens[last].text in QUOTES and ctx.covered(last - 1, last + 2)
            )
            if ctx.tokens[last].pos == "PUNCT" and not inside_name:
                break
            if not inside_name and not _in_subtree(ctx, last, index):
                break
            dependent = fold(ctx.tokens[last].lemma or "")
            role = ctx.tables.role_phrases.get((lemma, dependent), role)
            if ctx.tokens[last].pos != "PUNCT":
                dependents.add(dependent)
            last += 1
        plural = token.feats.get("Number") == "Plur"
        countries = _countries(ctx, first, last)
        phrases.append(
            Phrase(
                first, last, index, lemma, role, gender, countries, frozenset(dependents), plural
            )
        )
        index = last
    return phrases


def _bind(ctx: Context, phrase: Phrase, person: int, source: str) -> None:
    candidate = make_candidate(ctx, phrase.first, phrase.last, None, "descriptor", source)
    candidate.role = phrase.role
    descriptor = ctx.add(candidate)
    ctx.join(person, descriptor, source)
    ctx.roles.setdefault(person, []).append((candidate.start, candidate.end))
    ctx.bound.append((phrase, person))


def institutions(ctx: Context) -> None:
    """ "полиция", "правительство": an organisation mention with no name, with the adjectives
    before the noun ("Столичная мэрия", "израильского правительства") and the lower-case genitive
    words after it ("парламент страны"); extended by ``repair.org_with_country`` to
    "правительство России"."""
    for index, token in enumerate(ctx.tokens):
        if token.pos != "NOUN" or fold(token.lemma or "") not in ctx.tables.institutions:
            continue
        if ctx.covered(index, index + 1):
            continue
        first = index
        while (first > 0 and ctx.tokens[first - 1].pos == "ADJ" and ctx.tokens[first - 1].head == index
               and not ctx.covered(first - 1, first)):
            first -= 1
        ctx.add(make_candidate(ctx, first, _genitive_words_end(ctx, index), "ORG", "descriptor",
                               "institutions"))


def _genitive_words_end(ctx: Context, index: int) -> int:
    """The end of the lower-case genitive words that depend on the noun at ``index``
    ("министерства иностранных дел", "комитета образования")."""
    end = index + 1
    while end < len(ctx.tokens) and not ctx.covered(end, end + 1):
        token = ctx.tokens[end]
        if token.pos not in ("NOUN", "ADJ") or token.feats.get("Case") != "Gen" or not token.text[:1].islower():
            break
        end += 1
    while end > index + 1 and ctx.tokens[end - 1].pos != "NOUN":
        end -= 1  # "комитета образования Калужской": the adjective belongs to what follows
    for position in range(index + 1, end):
        token = ctx.tokens[position]
        if token.pos == "NOUN" and not (token.head is not None and index <= token.head < end):
            return position  # a genitive word of something else
    return end


def find_role_phrases(ctx: Context) -> None:
    ctx.phrases = role_phrases(ctx)


def appositive_roles(ctx: Context) -> None:
    starts = _person_starts(ctx)
    ends = {ctx.candidates[index].last: index for index in starts.values()}
    for phrase in ctx.phrases:
        person = starts.get(phrase.last)
        if person is None and phrase.first >= 1 and ctx.tokens[phrase.first - 1].text == ",":
            person = ends.get(phrase.first - 1)  # "Всеволод Чаплин, глава Отдела ..."
        if person is not None:
            _bind(ctx, phrase, person, "appositive_roles")


def _verb_gender(ctx: Context, phrase: Phrase) -> str | None:
    head = ctx.tokens[phrase.head].head
    if head is None or ctx.tokens[phrase.head].rel != "nsubj":
        return None
    return ctx.tokens[head].feats.get("Gender")


def bare_descriptors(ctx: Context) -> None:
    bound_starts = {phrase.first for phrase, _person in ctx.bound}
    genders = cluster_genders(ctx)
    for phrase in ctx.phrases:
        if phrase.first in bound_starts or phrase.plural or _other_holder(ctx, phrase):
            continue
        if ctx.tokens[phrase.head].feats.get("Case") not in BARE_CASES:
            continue
        person = _salient_person(ctx, phrase, genders)
        if person is not None:
            candidate = make_candidate(ctx, phrase.first, phrase.last, None, "descriptor", "bare")
            candidate.role = phrase.role
            ctx.join(person, ctx.add(candidate), "bare_descriptors")


def _other_holder(ctx: Context, phrase: Phrase) -> bool:
    """ "бывший президент", "новый глава": someone other than the holder named so far."""
    return any(
        fold(token.lemma or "") in ctx.tables.other_holder
        for token in ctx.tokens[phrase.first : phrase.head]
    )


def _salient_person(ctx: Context, phrase: Phrase, genders: dict[int, str]) -> int | None:
    gender = {"m": "Masc", "f": "Fem"}.get(phrase.gender) or _verb_gender(ctx, phrase)
    best, best_score = None, 0
    for bound, person in ctx.bound:
        if bound.first >= phrase.first:
            continue
        if phrase.countries and bound.countries and not phrase.countries & bound.countries:
            continue
        if gender and genders.get(ctx.find(person)) not in (None, gender):
            continue
        same_class = (
            bound.role == phrase.role
            and phrase.role in SINGLE_HOLDER
            and (not phrase.dependents or phrase.role != ctx.tables.roles[phrase.lemma][0])
        )
        same_role = bound.lemma == phrase.lemma and phrase.dependents <= bound.dependents
        same_body = bound.role == phrase.role and phrase.dependents and phrase.dependents == bound.dependents
        score = 3 if same_role else 2 if same_class or same_body else 0
        if score >= best_score and score > 0:
            best, best_score = person, score
    if best is None and phrase.role in SINGLE_HOLDER and not phrase.countries:
        best = _main_person(ctx, phrase, gender, genders)
    return best


def _main_person(
    ctx: Context, phrase: Phrase, gender: str | None, genders: dict[int, str]
) -> int | None:
    """With no role bound before: the document's main person so far (named at least twice, more
    often than anyone else), if no one else holds a role of this class."""
    if any(bound.role == phrase.role for bound, _person in ctx.bound):
        return None
    counts: dict[int, int] = {}
    for index in ctx.names():
        candidate = ctx.candidates[index]
        if candidate.type == "PER" and candidate.last <= phrase.first:
            root = ctx.find(index)
            counts[root] = counts.get(root, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    root = ranked[0][0]
    if gender and genders.get(root) not in (None, gender):
        return None
    return root
