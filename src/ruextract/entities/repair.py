"""Name mentions from NER, and repairs of what NER got wrong, with the document's own evidence.

Rules, in the order the stage runs them:

    ner_names          every NER span is a name mention, cut where a name cannot go on: at a
                       line break, at brackets ("Ши Тао (Shi Tao)"), before ", ABBR"; a person's
                       at commas; a person's span loses a role word in front ("Поп-звезда
                       Мадонна") and is split in two names ("Эво Моралес Эдвард Сноуден") where
                       the document names them apart elsewhere
    table_names        a country or organisation from the tables that NER missed
    repeated_names     a form of a name NER recognised elsewhere in the document, missed here
    feminine_names     "Валерия Сидорова" read as a man's name in the genitive is a woman's
                       in the nominative, when the document reads her surname as a woman's
    org_with_country   "Конгресса" + "США" right after it is one organisation, "Конгресса США"
    org_branches       "ГУ" + "МВД России" + "по г. Москве": a unit's abbreviation and the
                       organisation after it, and a region after "по", are one organisation
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..document import Token
from .keys import fold, is_abbreviation
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
            if any(key in ctx.tables.common_nouns for key in key_tuples(candidate)):
                continue  # "СМИ сообщили": no name
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
    if type != "PER":
        parts = [piece for part in parts for piece in _split_brackets(ctx, *part)]
        parts = [_without_stray_marks(ctx, *part) for part in parts]
        return [piece for part in parts if part[0] < part[1] for piece in _split_abbreviation(ctx, *part)]
    pieces = [piece for part in parts for piece in _split_person(ctx, *part)]
    pieces = [_without_descriptors(ctx, *piece) for piece in pieces]
    return [half for piece in pieces for half in _split_two_names(ctx, *piece)]


def _split_brackets(ctx: Context, first: int, last: int) -> list[tuple[int, int]]:
    """ "Ши Тао (Shi Tao)" tagged as one span is two names, joined later by ``parenthesised``;
    so is a span NER ended before the closing bracket ("Кубинская федерация (Federación")."""
    texts = [token.text for token in ctx.tokens[first:last]]
    unclosed = "(" in texts[1:-1] and ")" not in texts
    if not unclosed and (len(texts) < 4 or texts[-1] != ")" or "(" not in texts[1:-2]):
        return [(first, last)] if first < last else []
    opening = first + texts.index("(", 1)
    return [(first, opening), (opening + 1, last if unclosed else last - 1)]


def _without_stray_marks(ctx: Context, first: int, last: int) -> tuple[int, int]:
    """A quote mark at a name's edge that closes nothing inside it ("Движение за перемены\"",
    "«Единая"): the text's mark, not the name's."""
    texts = [token.text for token in ctx.tokens[first:last]]
    if texts and (texts[-1] == "»" and "«" not in texts or texts[-1] == '"' and texts.count('"') == 1):
        last -= 1
        texts.pop()
    if texts and (texts[0] == "«" and "»" not in texts or texts[0] == '"' and texts.count('"') == 1):
        first += 1
    return first, last


def _split_abbreviation(ctx: Context, first: int, last: int) -> list[tuple[int, int]]:
    """ "Northern River Monitoring Group, NRMG" tagged as one span is the name and its
    abbreviation, two names (joined later by ``names.abbreviations``)."""
    if last - first >= 4 and ctx.tokens[last - 2].text == "," and is_abbreviation(ctx.tokens[last - 1].text):
        return [(first, last - 2), (last - 1, last)]
    return [(first, last)]


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


NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def _common_noun(ctx: Context, token: Token) -> bool:
    return _people_noun(ctx.vocab, token.text.lower())


@lru_cache(maxsize=20_000)
def _people_noun(vocab: Any, word: str) -> bool:
    """A word the dictionary knows only as a common noun for people (полковник, поп-звезда),
    never as a first name, surname or patronymic (not Роза, Вера, Лев)."""
    parses = vocab.parse(word)
    return bool(parses) and all(
        parse.tag.POS == "NOUN" and not parse.tag.grammemes & NAME_TAGS
        and type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
        for parse in parses
    ) and any(parse.tag.animacy == "anim" for parse in parses)


def _without_descriptors(ctx: Context, first: int, last: int) -> tuple[int, int]:
    """ "Поп-звезда Мадонна", "Полковник Квачков": a role word NER took into a person's span is
    not part of the name, when the name without it is tagged on its own elsewhere in the document
    (the dictionary alone is not enough: it knows "франк" and "любош" as common nouns)."""
    if last - first < 2 or not _common_noun(ctx, ctx.tokens[first]):
        return first, last
    if not ctx.key(last - 1) & _surnames_elsewhere(ctx, first, last) and not (
            last - first == 2 and ctx.key(last - 1) & _words_elsewhere(ctx, first, last)):
        return first, last  # "Шейх Хамад" after "Хамад бен Халифа Аль Тани": a title and a name
    while last - first > 1 and _common_noun(ctx, ctx.tokens[first]):
        first += 1
    return first, last


def _split_two_names(ctx: Context, first: int, last: int) -> list[tuple[int, int]]:
    """ "Эво Моралес Эдвард Сноуден": a person's span of four or more words is two names when
    both halves' last words are surnames NER tagged on their own elsewhere in the document."""
    if last - first < 4 or any(token.pos == "PUNCT" for token in ctx.tokens[first:last]):
        return [(first, last)]
    elsewhere = _surnames_elsewhere(ctx, first, last)
    for middle in range(first + 2, last - 1):
        if ctx.key(middle - 1) & elsewhere and ctx.key(last - 1) & elsewhere:
            return [(first, middle), (middle, last)]
    return [(first, last)]


def _surnames_elsewhere(ctx: Context, first: int, last: int) -> frozenset[str]:
    """Keys of the last words of the person spans NER found outside ``[first, last)``."""
    keys: set[str] = set()
    for span in ctx.doc.ner:
        start, stop = ctx.token_range(span.start, span.end)
        if span.type == "PER" and stop > start and (stop <= first or start >= last):
            keys |= ctx.key(stop - 1)
    return frozenset(keys)


def _words_elsewhere(ctx: Context, first: int, last: int) -> frozenset[str]:
    """Keys of every word of the person spans of two words or more NER found outside
    ``[first, last)``."""
    keys: set[str] = set()
    for span in ctx.doc.ner:
        start, stop = ctx.token_range(span.start, span.end)
        if span.type == "PER" and stop - start > 1 and (stop <= first or start >= last):
            for index in range(start, stop):
                keys |= ctx.key(index)
    return frozenset(keys)


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


def _named_after(ctx: Context, org: Candidate, person: Candidate) -> bool:
    """ "Комитет защиты" + "Леонарда Пелтиера": an organisation whose name ends in a noun that
    names someone after it (``named_after.tsv``), and a person's name in the genitive."""
    last = ctx.tokens[org.last - 1]
    return (person.type == "PER" and org.words >= 2 and last.text[:1].islower()
            and fold(last.lemma or "") in ctx.tables.named_after)


def org_with_country(ctx: Context) -> None:
    """ "Конгресса" + "США" right after it, in the genitive, is one organisation, "Конгресса США"
    (the country stays a mention of its own); so is an organisation named after a person
    ("Комитет защиты" + "Леонарда Пелтиера")."""
    by_first = {ctx.candidates[index].first: index for index in ctx.names()}
    for index in ctx.names():
        org = ctx.candidates[index]
        place = by_first.get(org.last)
        if org.type != "ORG" or org.base or place is None:
            continue
        country = ctx.candidates[place]
        if ctx.tokens[country.first].feats.get("Case") != "Gen":
            continue
        if country.type != "LOC" and not _named_after(ctx, org, country):
            continue
        org.base, org.last, org.end = org.words, country.last, country.end
        org.keys = org.keys + country.keys
        org.referent = _referent(ctx, org)


OBLIQUE_RELS = frozenset({"nmod", "obl", "obj", "iobj"})  # a name parsed as another word's
FEMININE_NOMINATIVE = ("ова", "ева", "ёва", "ина", "ына")  # also a man's surname in the genitive


@lru_cache(maxsize=20_000)
def _feminine_first_name(vocab: Any, word: str) -> bool:
    """A word the dictionary reads as a woman's first name in the nominative (Александра,
    Евгения), whatever else it reads it as (the genitive of Александр)."""
    return any({"Name", "femn", "nomn"} <= parse.tag.grammemes for parse in vocab.parse(word))


@lru_cache(maxsize=20_000)
def _mans_first_name(vocab: Any, word: str) -> bool:
    """A word the dictionary reads only as a man's first name (Бориса, Рамзана), never as a
    woman's."""
    parses = [parse for parse in vocab.parse(word) if "Name" in parse.tag.grammemes]
    return bool(parses) and all("masc" in parse.tag.grammemes for parse in parses)


def _subject_gender(ctx: Context, candidate: Candidate) -> str | None:
    """The gender of the past-tense verb a name is the subject of (Сидорова уточнила): by the
    parse, else the verb right after the name (the parser may hang the name elsewhere)."""
    verb, rel = None, ""
    for index in range(candidate.first, candidate.last):
        token = ctx.tokens[index]
        if token.head is not None and not candidate.first <= token.head < candidate.last:
            rel = token.rel or ""
            if rel.startswith("nsubj"):
                verb = ctx.tokens[token.head]
            break
    if verb is None and rel not in OBLIQUE_RELS and candidate.last < len(ctx.tokens):
        verb = ctx.tokens[candidate.last]  # not "Пресс-служба Кадырова заявила": a possessor's
    if verb is not None and verb.pos in ("VERB", "AUX") and verb.feats.get("Tense") == "Past" and (
            verb.feats.get("Number") == "Sing"):
        return verb.feats.get("Gender")
    return None


def feminine_names(ctx: Context) -> None:
    """A woman's name the tagger read as a man's in the genitive ("Валерия Сидорова" as
    "Валерий Сидоров"): the surname's -ова/-ева/-ина form is both, and so is a first name like
    Александра or Евгения. The document decides: where it reads the surname in the nominative
    or its first name in the nominative (Александра / Александр, as a woman's or a man's) or
    as the subject of a past-tense verb (уточнила / уточнил), the feminine readings must
    outnumber the masculine ones; a full name so repaired counts for its surname alone. The
    name is then a woman's, in the nominative (its normal form is its text)."""
    votes: dict[str, list[int]] = {}
    people = [index for index in ctx.names() if ctx.candidates[index].type == "PER"]
    for index in people:
        candidate = ctx.candidates[index]
        last = ctx.tokens[candidate.last - 1]
        readings = []
        if last.feats.get("Case") == "Nom" and last.pos == "PROPN":
            readings.append(last.feats.get("Gender"))
        readings.append(_subject_gender(ctx, candidate))
        if candidate.words == 2 and _mans_first_name(ctx.vocab, ctx.tokens[candidate.first].text.lower()):
            readings.append("Masc")  # "Бориса Громова": a man's first name, in any case
        for key in candidate.keys[0] | candidate.keys[-1]:
            tally = votes.setdefault(key, [0, 0])
            tally[0] += readings.count("Fem")
            tally[1] += readings.count("Masc")
    # full names first: a woman's full name repaired is a feminine reading of her surname alone
    for index in sorted(people, key=lambda index: -ctx.candidates[index].words):
        candidate = ctx.candidates[index]
        tokens = [token for token in ctx.tokens[candidate.first : candidate.last] if token.pos != "PUNCT"]
        if not 1 <= len(tokens) <= 2:
            continue  # a "name" of punctuation only ("¡" tagged PER), or a long one
        last = tokens[-1]
        if not 1 <= len(tokens) <= 2 or candidate.gender == "Fem" or all(
                token.feats.get("Case") == "Nom" and token.feats.get("Gender") == "Masc"
                for token in tokens):
            continue  # read as a woman's name already, or as a man's in the nominative
        if not (len(last.text) > 5 and last.text[:1].isupper() and last.text.endswith(FEMININE_NOMINATIVE)):
            continue
        if len(tokens) == 2 and not _feminine_first_name(ctx.vocab, tokens[0].text.lower()):
            continue
        keys = candidate.keys[0] | candidate.keys[-1]
        tallies = [votes[key] for key in keys if key in votes]
        feminine = sum(tally[0] for tally in tallies)
        masculine = sum(tally[1] for tally in tallies)
        if feminine > masculine:
            candidate.gender, candidate.nominative = "Fem", True
            if len(tokens) == 2:
                for key in candidate.keys[-1]:
                    votes.setdefault(key, [0, 0])[0] += 1
            if ctx.trace is not None:
                ctx.trace.append(f"feminine_names: {ctx.text(candidate)!r}")


CITY_WORDS = frozenset({"г", "город", "городу", "гор"})  # "по г. Москве", "по городу Москве"


def _extend(ctx: Context, org: Candidate, last: int) -> None:
    org.base = org.base or org.words
    org.keys = org.keys + [ctx.key(index) for index in range(org.last, last)  # "по г. Москве"
                           if ctx.tokens[index].pos != "PUNCT"  # = "по городу Москве"
                           and fold(ctx.tokens[index].text) not in CITY_WORDS]
    org.last, org.end = last, ctx.tokens[last - 1].end
    org.referent = _referent(ctx, org)


def _region_after(ctx: Context, after: int, by_first: dict[int, int]) -> int | None:
    """The end of "по [г.] <region>" starting at token ``after``: a place in the dative that is
    not a country ("ООН по Сирии" is no branch of the UN)."""
    if after >= len(ctx.tokens) or fold(ctx.tokens[after].text) != "по":
        return None
    position = after + 1
    while position < len(ctx.tokens) and (fold(ctx.tokens[position].text) in CITY_WORDS
                                           or ctx.tokens[position].text == "."):
        position += 1
    place = by_first.get(position)
    if place is None:
        return None
    region, city = ctx.candidates[place], position > after + 1
    if not city and (region.type != "LOC"
                     or ctx.tokens[region.first].feats.get("Case") not in ("Dat", None)):
        return None  # after "г." or "городу", any name is the city's (NER may miss its type)
    if region.referent is not None and region.referent.id.startswith("country:"):
        return None
    return region.last


def org_branches(ctx: Context) -> None:
    """A unit named by its abbreviation right before the organisation it belongs to ("ГУ" +
    "МВД России": NER tags them apart) is one organisation, "ГУ МВД России"; an organisation
    followed by "по" and a region or city in the dative ("МВД России по г. Москве", "СК по
    Челябинской области") is its branch there, one organisation. The parts stay mentions of
    their own."""
    by_first = {ctx.candidates[index].first: index for index in ctx.names()}
    parents: set[int] = set()  # "МВД России" of "ГУ МВД России по г. Москве": not the branch
    for index in ctx.names():
        org = ctx.candidates[index]
        if org.type != "ORG" or org.kind != "name" or index in parents:
            continue
        other = by_first.get(org.last)
        if org.words == 1 and not org.base and other is not None and is_abbreviation(ctx.text(org)):
            parent = ctx.candidates[other]
            gap = ctx.doc.text[org.end : parent.start]
            first = ctx.tokens[parent.first]
            if parent.type == "ORG" and not gap.strip() and "\n" not in gap and (
                    first.feats.get("Case") == "Gen" or is_abbreviation(first.text)):
                _extend(ctx, org, parent.last)
                parents.add(other)
        end = _region_after(ctx, org.last, by_first)
        if end is not None:
            _extend(ctx, org, end)
