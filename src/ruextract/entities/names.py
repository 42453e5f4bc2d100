"""Name merging: mentions that name the same referent join one cluster.

Rules, in the order the stage runs them:

    same_name          equal names in any case form ("Путина" / "Путин")
    table_referents    names one table entry lists ("РФ" / "Россия" / "Российская Федерация")
    abbreviations      "ФБР" and a name whose initials it is ("Федеральное бюро расследований"),
                       with or without the country it ends in ("СК" / "Следственный комитет России")
    parenthesised      "Хмельницкая АЭС (ХАЭС)", "Ши Тао (Shi Tao)": an abbreviation or the
                       name in the other script, in brackets right after a name
    variant_names      spelling variants: "Уэнтуорт Миллер" / "Вентворт Миллер", "Сабурова" /
                       "Екатерина Сабирова"
    person_parts       "Путин", "В. Путин", "Владимир" and the one full name they are part of
                       (a one-word animate name NER typed LOC or ORG becomes a person so)
"""

from __future__ import annotations

from functools import lru_cache

from .keys import fold, initials, is_abbreviation, stem
from .mentions import Candidate, Context, key_tuples

LOC_OR_ORG = frozenset({"LOC", "ORG"})


def _compatible(a: Candidate, b: Candidate) -> bool:
    if (a.nominative or b.nominative) and a.gender and b.gender and a.gender != b.gender:
        return False  # "Сидорова" repaired as a woman's name is not "Сидоров"
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
        words = _words(ctx, candidate)
        found = initials(words) | initials(_without_country(ctx, words))
        if "по" in words[1:]:  # "Следственный комитет России по Челябинской области": a branch
            head = words[: words.index("по", 1)]
            found |= initials(head) | initials(_without_country(ctx, head))
        for abbreviation in found:
            for other in short.get(abbreviation, ()):
                ctx.join(index, other, "abbreviations")


def _without_country(ctx: Context, words: list[str]) -> list[str]:
    """A name's words without the country it ends in: "Следственный комитет России" is the СК
    ("ФСБ" of "Федеральная служба безопасности РФ", "Российской Федерации")."""
    for size in (1, 2):
        if len(words) > size + 1:
            referent = ctx.tables.lookup(tuple(stem(word) for word in words[-size:]))
            if referent is not None and referent.id.startswith("country:"):
                return words[:-size]
    return []


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
    """No Cyrillic letter: "Shi Tao", "Federación Cubana" (accents are not ASCII)."""
    return not any("а" <= char <= "я" or char == "ё" for char in ctx.text(candidate).lower())


def _initial(keys: frozenset[str]) -> str | None:
    letters = [key for key in keys if len(key) == 1]
    return letters[0] if letters else None


def _part_of(short: Candidate, full: Candidate, dotted: bool = False) -> bool:
    """ "Путин", "В. Путин", "Реджеп Эрдоган" are parts of "(Реджеп Тайип) Эрдоган", "Патрик
    Харрис" of "Нейл Патрик Харрис", and "Борис Николаевич" of "Борис Николаевич Ельцин"."""
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
    if initial is None and dotted:  # "Дж. Джонс", "Вл. Путин": an initial of two letters
        initial = next((key for key in sorted(head) if len(key) <= 2), None)
    if initial is not None:
        return any(key.startswith(initial) for key in full.keys[0])
    return any(head & key for key in full.keys[:-1])  # "Бадди Макгирт" of "Джеймс «Бадди» Макгирт"


PATRONYMIC = ("ович", "евич", "ьич", "овн", "евн", "ичн")  # stems: Фёдорович, Ивановн(а)


def _first_and_patronymic(ctx: Context, candidate: Candidate) -> bool:
    words = _words(ctx, candidate)
    return len(words) == 2 and stem(words[-1]).endswith(PATRONYMIC)


def _maybe_person(ctx: Context, candidate: Candidate) -> bool:
    """A person by its tag, or a one-word animate name NER typed otherwise ("о Свиридове")."""
    if candidate.type == "PER":
        return True
    token = ctx.tokens[candidate.first]
    return (
        candidate.words == 1 and candidate.referent is None and token.feats.get("Animacy") == "Anim"
    )


TRANSLITERATION = (("уэ", "ве"), ("уо", "во"), ("дж", "ж"), ("э", "е"), ("й", "и"), ("ь", ""),
                   ("ъ", ""))
SPANISH_LL = (("льо", "йо"), ("лье", "йе"), ("лья", "йя"))  # Кабельо / Кабейо
MIN_EDITED = 6  # letters: shorter names one letter apart are too often different names


@lru_cache(maxsize=100_000)
def spelling(word: str) -> str:
    """A word's stem with the usual variation of Russian transliteration evened out (Уэнтуорт /
    Вентворт, Брижит / Бриджит, Кабейо / Кабельо) and double letters single."""
    text = fold(word)
    for variant, common in SPANISH_LL:
        text = text.replace(variant, common)
    text = stem(text)
    for variant, common in TRANSLITERATION:
        text = text.replace(variant, common)
    return "".join(char for index, char in enumerate(text) if index == 0 or char != text[index - 1])


def one_edit(a: str, b: str) -> bool:
    """One letter substituted, inserted, deleted or two neighbours swapped (Сабирова / Сабурова,
    Карпичков / Капричков)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def variant_words(a: str, b: str) -> bool:
    x, y = spelling(a), spelling(b)
    if x == y:
        return True
    return x[:1] == y[:1] and min(len(x), len(y)) >= MIN_EDITED and one_edit(x, y)


def _person_words(ctx: Context, candidate: Candidate) -> list[str]:
    return [word for word in _words(ctx, candidate) if word.isalpha() or "-" in word]


def variant_names(ctx: Context) -> None:
    """Spelling variants of one person's name: "Уэнтуорт Миллер" / "Вентворт Миллер", a surname
    misspelt by one letter ("Сабурова" / "Екатерина Сабирова"). Names join when their surnames
    are variants, their genders agree and their first names (where both have one) are variants
    too; a lone surname joins only the one full name it can be."""
    people, seen = [], set()
    for index in ctx.names():
        candidate = ctx.candidates[index]
        words = _person_words(ctx, candidate)
        if candidate.type == "PER" and 1 <= len(words) <= 3 and (ctx.find(index), *words) not in seen:
            seen.add((ctx.find(index), *words))
            people.append((index, candidate, words))
    for position, (index, candidate, words) in enumerate(people):
        matches = set()
        for other, fuller, other_words in people[position + 1 :] + people[:position]:
            if ctx.find(other) == ctx.find(index) or len(other_words) < max(len(words), 2):
                continue  # a lone surname joins a full name only
            if candidate.gender and fuller.gender and candidate.gender != fuller.gender:
                continue
            if len(words) == 1 and stem(words[-1]) == stem(other_words[-1]):
                continue  # the same surname: person_parts decides
            if not variant_words(words[-1], other_words[-1]):
                continue
            if len(words) > 1 and (len(other_words) != len(words) or not all(
                variant_words(a, b) for a, b in zip(words[:-1], other_words[:-1], strict=True)
            )):
                continue
            matches.add(ctx.find(other))
        if len(matches) == 1:
            ctx.join(matches.pop(), index, "variant_names")


FATHER_PARTICLES = frozenset({"бен", "бин", "ибн"})  # "son of" in Arabic names


def person_parts(ctx: Context) -> None:
    persons = [index for index in ctx.names() if _maybe_person(ctx, ctx.candidates[index])]
    full = [
        index
        for index in persons
        if ctx.candidates[index].words > 1 and ctx.candidates[index].type == "PER"
    ]
    if not full:
        return
    surnames = {key for index in full for key in ctx.candidates[index].keys[-1]}
    full = [index for index in full if not _two_surnames(ctx, ctx.candidates[index], surnames)]
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for index in full:
        candidate = ctx.candidates[index]
        if ctx.tokens[candidate.last - 2].text.lower() not in FATHER_PARTICLES:
            for key in candidate.keys[-1]:  # "Тамим бен Хамад": the father's name, no surname
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
        dotted = candidate.words > 1 and ctx.tokens[candidate.first + 1].text == "."
        roots = {ctx.find(other) for other in fuller
                 if _part_of(candidate, ctx.candidates[other], dotted)}
        if not roots and (candidate.words == 1 or _first_and_patronymic(ctx, candidate)):
            # a first name alone ("Егора"), or with the patronymic ("Виктор Фёдорович")
            roots = {ctx.find(other) for other in fuller if other in by_name}
        if candidate.words == 1 and roots:
            # "Макафи" with "Джон Макафи" and "Фолла Макафи" (NER's slip inside the cluster of
            # "Грегори Ваента Фолла"): the person whose fullest name ends in it, the cluster it
            # is already in counted too (a second "Макафи" is not left the other one alone)
            every = roots | ({root} if any(ctx.find(other) == root for other in by_surname | by_name)
                             else set())
            own = {each for each in every if _fullest_surname(ctx, full, each) & candidate.keys[-1]}
            roots = own if len(own) == 1 and len(every) > 1 else roots
            roots -= {root}
        if len(roots) == 1:
            ctx.join(roots.pop(), index, "person_parts")
            candidate.type = "PER"


def _two_surnames(ctx: Context, candidate: Candidate, surnames: set[str]) -> bool:
    """"Фолла Макафи" (в убийстве Фолла Макафи предложил ...): two words, the first of them
    another full name's surname and no first name the dictionary knows, is two people, not one
    name that other mentions are part of."""
    if candidate.words != 2 or not candidate.keys[0] & surnames:
        return False
    return not _first_name(ctx.vocab, ctx.tokens[candidate.first].text.lower())


@lru_cache(maxsize=20_000)
def _first_name(vocab: object, word: str) -> bool:
    """A first name the dictionary itself knows (not one it guesses from the ending)."""
    return any("Name" in parse.tag.grammemes  # type: ignore[attr-defined]
               and type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
               for parse in vocab.parse(word))  # type: ignore[attr-defined]


def _fullest_surname(ctx: Context, full: list[int], root: int) -> frozenset[str]:
    """The keys of the last word of a cluster's name with most words (the first of them)."""
    members = [index for index in full if ctx.find(index) == root]
    if not members:
        return frozenset()
    fullest = max(members, key=lambda index: (ctx.candidates[index].words, -index))
    return ctx.candidates[fullest].keys[-1]
