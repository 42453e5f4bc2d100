"""Clusters of candidates -> ``Entity`` records.

A cluster becomes an entity when it holds a name or an alias (a descriptor or a pronoun left
alone is dropped). The type is the majority of its names' types, unless a table says what the
referent is; the canonical name is the table's name where the document uses that name, else
the fullest normal form of its names (most words, no initials, most frequent, longest, first);
a person's name leaves a nickname in quotes out, and a man's first name in an oblique case the
dictionary does not know is cut to its nominative ("Эда Гонзалеса" -> "Эд Гонзалес"). An
institution named by its common noun alone ("Правительство призвало ...") whose country the text
never names carries the document's country when one country clearly dominates the text
("правительство Венесуэлы"; ``document_country``).
Entities are numbered in order of first mention.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple, TypeVar

from natasha.norm import normalize, syntax_normalize
from natasha.shape import ShapeRecoverError

from ..document import Token
from ..records import Entity, Mention, Span
from .keys import fold, stem
from .mentions import Candidate, Context
from .tables import Referent

TYPE_PREFERENCE = {"PER": 2, "ORG": 1, "LOC": 0}
T = TypeVar("T")


class NormToken(NamedTuple):  # the token shape natasha's norm reads
    id: str
    head_id: str
    text: str
    pos: str | None
    feats: dict[str, str]
    start: int
    stop: int


@lru_cache(maxsize=20_000)
def _normal(
    vocab: Any, words: tuple[tuple[str, str, str | None, tuple, int, int], ...], type: str
) -> str:
    tokens = [
        NormToken(str(index), head, text, pos, dict(feats), start, stop)
        for index, (text, head, pos, feats, start, stop) in enumerate(words)
    ]
    method = syntax_normalize if type == "ORG" else normalize
    try:
        return method(vocab, tokens)
    except (ShapeRecoverError, ValueError, KeyError, IndexError):
        return " ".join(text for text, *_rest in words)


def _with_shape(lemma: str, text: str) -> str:
    """The lemma in the word's letter case: "санкт-петербург" of "Санкт-Петербурге"."""
    if text.isupper() and len(text) > 1:
        return text
    lemma_parts, text_parts = lemma.split("-"), text.split("-")
    if len(lemma_parts) != len(text_parts):
        lemma_parts, text_parts = [lemma], [text]
    return "-".join(
        part[:1].upper() + part[1:] if shape[:1].isupper() else part
        for part, shape in zip(lemma_parts, text_parts)
    )


def normal_form(ctx: Context, candidate: Candidate) -> str:
    """natasha's normal form of a name span ("Владимира Путина" -> "Владимир Путин")."""
    key = (ctx.text(candidate), candidate.type)
    if key not in ctx.normals:
        ctx.normals[key] = _normal_form(ctx, candidate)
    return ctx.normals[key]


def _from_lemmas(ctx: Context, candidate: Candidate) -> str:
    tokens = ctx.tokens[candidate.first : candidate.last]
    lemmas = [_masculine_first_name(token) for token in tokens[:-1]] + [
        _masculine_first_name(tokens[-1]) if candidate.type == "PER" else tokens[-1].lemma or ""]
    if candidate.type == "PER":  # "Эдера Маседу": "Маседу" is no form of "Масед", it does not decline
        lemmas = [lemma if _declines(ctx.vocab, token.text.lower(), lemma.lower(),
                                     token.feats.get("Case")) else token.text
                  for token, lemma in zip(tokens, lemmas, strict=True)]
    parts = [_with_shape(lemmas[0], tokens[0].text)]
    for (before, token), lemma in zip(pairwise(tokens), lemmas[1:], strict=True):
        parts.append(ctx.doc.text[before.end : token.start])
        parts.append(_with_shape(lemma, token.text))
    return "".join(parts)


@lru_cache(maxsize=20_000)
def _plural_nominative(vocab: Any, word: str) -> str | None:
    """The nominative plural of a word that can only be a plural noun in an oblique case (a
    name that is a plural noun keeps its number: "Вестей" -> "вести", "Филиппин" ->
    "филиппины"); None if the dictionary has a singular or a nominative reading, or does not
    know the word."""
    parses = [parse for parse in vocab.parse(word.lower())
              if type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"]
    if not parses or any("plur" not in parse.tag or "nomn" in parse.tag for parse in parses):
        return None
    form = parses[0].inflect({"Nom", "Plur"})
    return form.word if form is not None else None


CASES = {"Nom": {"nomn"}, "Gen": {"gent", "gen2"}, "Dat": {"datv"}, "Acc": {"accs", "acc2"},
         "Ins": {"ablt"}, "Loc": {"loct", "loc2"}}  # UD case -> OpenCorpora grammemes
INDECLINABLE_ENDINGS = frozenset("уюоеи")  # Маседу, Шойгу, Гюго, Моне, Берлускони


@lru_cache(maxsize=20_000)
def _declines(vocab: Any, word: str, lemma: str, case: str | None) -> bool:
    """Whether a name's word ending in a vowel is its lemma in the case the tagger gave it
    ("Путину" of "путин" in the dative), not an indeclinable name read as a form of another
    ("Маседу" as "Масед" in the genitive: the dictionary reads "маседу" only as a dative)."""
    if word == lemma or case not in CASES or not lemma or word[-1:] not in INDECLINABLE_ENDINGS:
        return True
    readings = [parse for parse in vocab.parse(word)
                if parse.normal_form.replace("ё", "е") == lemma.replace("ё", "е")]
    return not readings or any(CASES[case] & parse.tag.grammemes for parse in readings)


WEB_NAME = re.compile(r"\w\.(ру|рф|ru|com|net|org|ua|by|kz|info)$", re.IGNORECASE)
VOWELS = set("аеёиоуыэюяaeiouy")


def _masculine_first_name(token: Token) -> str:
    """The lemma of a word of a man's name in an oblique case, which the dictionary may not know
    ("Эда Гонзалеса": "Эда" is left as its own lemma; the name is "Эд"; "Ким Чен Ына": "Ын")."""
    lemma = token.lemma or ""
    word = token.text.lower()
    if (
        token.pos == "PROPN" and token.feats.get("Gender") == "Masc"
        and token.feats.get("Case") in ("Gen", "Acc")
        and lemma.lower() == word and len(word) > 2 and word[-1] == "а" and word[-2] not in VOWELS
    ):
        return lemma[:-1]
    return lemma


def _normal_form(ctx: Context, candidate: Candidate) -> str:
    first = candidate.first
    tokens = ctx.tokens[first : candidate.last]
    if _nominative(ctx, candidate) or WEB_NAME.search(ctx.text(candidate)):
        return ctx.text(candidate)  # a web name (Вести.ру, Lenta.ru) does not decline
    if all(token.lemma for token in tokens) and (
        len(tokens) == 1
        and candidate.type != "PER"
        or candidate.type == "PER"
        and all(token.feats.get("Gender") == "Masc" for token in tokens)
    ):  # "России" -> "Россия", "Владимира Путина" -> "Владимир Путин" from the lemmas;
        # a woman's surname ("Беловой") and a phrase ("Соединенными Штатами") go through natasha
        if len(tokens) == 1 and candidate.type != "PER":
            plural = _plural_nominative(ctx.vocab, tokens[0].text)
            if plural is not None:  # "Вестей" -> "Вести", "Известий" -> "Известия", not "Весть"
                return _with_shape(plural, tokens[0].text)
        return _from_lemmas(ctx, candidate)
    woman = candidate.type == "PER" and any(token.feats.get("Gender") == "Fem" for token in tokens)
    last, rest = candidate.last, ""
    preposition = next((index for index, token in enumerate(tokens) if index and token.pos == "ADP"),
                       None)
    if candidate.type == "ORG" and preposition is not None:
        # "Комиссию США по ценным бумагам и биржам": the words from the preposition on stay
        last = first + preposition
        rest = ctx.doc.text[ctx.tokens[last - 1].end : candidate.end]
    words = tuple(
        (
            token.text,
            str(token.head - first) if token.head is not None and first <= token.head < last else "",
            token.pos,
            tuple(sorted(_agreeing(token.feats, woman).items())),
            token.start - candidate.start,
            token.end - candidate.start,
        )
        for token in ctx.tokens[first:last]
    )
    return _normal(ctx.vocab, words, candidate.type or "LOC") + rest


def _agreeing(feats: dict[str, str], woman: bool) -> dict[str, str]:
    """A woman's name is feminine in every word: the tagger reads "Анну Белову" as a woman's
    first name and a man's surname, which natasha would leave uninflected ("Анна Белову")."""
    if woman and feats.get("Gender") == "Masc":
        return {**feats, "Gender": "Fem"}
    return feats


def _normalise(ctx: Context, names: list[Candidate]) -> None:
    """Normal forms, one natasha call per group of case forms ("Путина", "Путину", "Путин"): a
    group with a nominative member takes its text."""
    groups: dict[tuple[frozenset[str], ...], list[Candidate]] = {}
    for member in names:
        groups.setdefault(tuple(member.keys), []).append(member)
    for group in groups.values():
        nominative = [member for member in group if _nominative(ctx, member)]
        form = ctx.text(nominative[0]) if nominative else normal_form(ctx, group[0])
        for member in group:
            member.normal = form


def _nominative(ctx: Context, candidate: Candidate) -> bool:
    """Every word in the nominative, or a name a repair found the tagger misread in an oblique
    case (``Candidate.nominative``)."""
    return candidate.nominative or all(
        token.feats.get("Case", "Nom") == "Nom"
        for token in ctx.tokens[candidate.first : candidate.last]
    )


NICKNAME = re.compile(r"\s*[«\"“„][^»\"”“]*[»\"”“]")


def _without_nickname(form: str) -> str:
    """A person's name without the nickname in quotes: "Джеймс «Бадди» Макгирт" -> "Джеймс
    Макгирт" (a name that is all nickname stays)."""
    return NICKNAME.sub("", form).strip() or form


def _type(members: list[Candidate]) -> str:
    referents = [member.referent for member in members if member.referent is not None]
    if referents:
        return Counter(referent.type for referent in referents).most_common(1)[0][0]
    counts = Counter(member.type for member in members if member.kind != "pronoun" and member.type)
    return max(counts, key=lambda type: (counts[type], TYPE_PREFERENCE[type]))


def _canonical(members: list[Candidate], forms: list[str], running: frozenset[str] = frozenset()) -> str:
    """The table's name if the document uses it, else the fullest normal form (of two equally
    full, frequent and long, the one the running text uses, not a headline's or a caption's)."""
    referents = Counter(member.referent.name for member in members if member.referent is not None)
    folded = {fold(form) for form in forms}
    for name, _count in referents.most_common():
        if fold(name) in folded:
            return name
    counts = Counter(forms)
    if not forms:
        return referents.most_common(1)[0][0]
    return max(forms, key=lambda form: (*_fullness(form, counts[form]), form in running))


def _in_running_text(text: str, offset: int) -> bool:
    """A mention on a line that ends as a sentence does, not on a headline's or a caption's."""
    end = text.find("\n", offset)
    line = text[text.rfind("\n", 0, offset) + 1 : end if end >= 0 else len(text)].rstrip()
    return line.endswith((".", "!", "?", "…", "»", '"', ":"))


PATRONYMIC_ENDINGS = ("ович", "евич", "ьич", "овна", "евна", "ична")


def _fullness(form: str, count: int) -> tuple:
    """Most distinct words, a surname last (not "Виктор Фёдорович"), no initials ("А. Кудрин"),
    most frequent, longest."""
    words = form.split()
    return (len(set(words)), len(set(words)) == len(words), not form.endswith(PATRONYMIC_ENDINGS),
            "." not in form, count, len(form))


DOMINANT_MIN = 3  # mentions of the document's country, and twice as many as of any other


def document_country(ctx: Context) -> Referent | None:
    """The country the text is about, if one clearly dominates: its names and its adjectives and
    demonyms (венесуэльский, венесуэлец) counted over the document, at least ``DOMINANT_MIN`` and
    twice as many as the next country's."""
    counts: Counter[Referent] = Counter()
    for candidate in ctx.candidates:
        referent = candidate.referent
        if candidate.kind == "name" and referent is not None and referent.id.startswith("country:"):
            counts[referent] += 1
    for token in ctx.tokens:
        if token.pos in ("ADJ", "NOUN") and token.lemma:
            key = stem(token.lemma)
            referent = ctx.tables.adjectives.get(key) or ctx.tables.demonyms.get(key)
            if referent is not None:
                counts[referent] += 1
    return dominant(counts, DOMINANT_MIN)


def dominant(counts: Counter[T], minimum: int) -> T | None:
    """The most counted key if it clearly dominates: counted at least ``minimum`` times and
    twice as often as the next one."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _has_country(ctx: Context, candidate: Candidate) -> bool:
    tables = ctx.tables
    for token in ctx.tokens[candidate.first : candidate.last]:
        key = stem(token.lemma or token.text)
        if key in tables.adjectives or (
            (referent := tables.lookup((stem(token.text),))) is not None and referent.type == "LOC"
        ):
            return True
    return False


def genitive(ctx: Context, name: str) -> str:
    """A country's name in the genitive ("Венесуэла" -> "Венесуэлы", "Южная Корея" -> "Южной
    Кореи"), each word in the letter case of the name."""
    words = []
    for word in name.split():
        parses = ctx.vocab.parse(word) if not word.isupper() else []
        form = parses[0].inflect({"Gen"}) if parses else None
        words.append(word if form is None else _with_shape(form.word, word))
    return " ".join(words)


def _institution_name(ctx: Context, names: list[Candidate], country: Referent | None) -> str | None:
    """ "правительство Венесуэлы" for a cluster of bare institution nouns, in a document about
    one country."""
    if country is None or not names or any(
        member.source != "institutions" or _has_country(ctx, member) for member in names
    ):
        return None
    head = ctx.tokens[names[0].last - 1]
    return f"{fold(head.lemma or head.text)} {genitive(ctx, country.name)}"


def build_entities(ctx: Context) -> list[Entity]:
    roles: dict[int, list[tuple[int, int]]] = {}
    for person, spans in ctx.roles.items():
        roles.setdefault(ctx.find(person), []).extend(spans)
    clusters = []
    for root, indices in ctx.clusters().items():
        members = [ctx.candidates[index] for index in indices]
        if not any(member.kind in ("name", "alias") or member.type == "ORG" for member in members):
            continue
        members.sort(key=lambda member: (member.start, -member.end))
        clusters.append((root, members))
    clusters.sort(key=lambda cluster: cluster[1][0].start)

    entities = []
    country = document_country(ctx) if any(
        candidate.source == "institutions" for candidate in ctx.candidates) else None
    for root, members in clusters:
        names = [member for member in members if member.kind == "name"] or [
            member for member in members if member.kind == "descriptor" and member.type == "ORG"
        ]
        _normalise(ctx, names)
        type = _type(members)
        forms = [_without_nickname(member.normal) if type == "PER" else member.normal
                 for member in names]
        running = frozenset(form for member, form in zip(names, forms, strict=True)
                            if _in_running_text(ctx.doc.text, member.start))
        canonical = _institution_name(ctx, names, country) or _canonical(members, forms, running)
        metonyms = [  # "Кремль", "Вашингтон" standing for a country are among its other names
            _with_shape(ctx.tokens[member.first].lemma or "", ctx.text(member))
            for member in members
            if member.kind == "alias"
            and member.words == 1
            and ctx.text(member)[:1].isupper()
            and ctx.tokens[member.first].pos == "PROPN"
        ]
        mentions, seen = [], set()
        for member in members:
            if (member.start, member.end) in seen:
                continue
            seen.add((member.start, member.end))
            mentions.append(
                Mention(start=member.start, end=member.end, text=ctx.text(member), kind=member.kind)
            )
        text = ctx.doc.text
        # a name is read, not indexed: one plain space between its words (U+00A0 in "Россия 1")
        canonical = " ".join(canonical.split())
        entities.append(
            Entity(
                id=f"e{len(entities) + 1}",
                type=type,
                name=canonical,
                mentions=mentions,
                aliases=sorted({" ".join(form.split()) for form in forms + metonyms} - {canonical, ""}),
                roles=[
                    Span(start=start, end=end, text=text[start:end])
                    for start, end in sorted(set(roles.get(root, ())))
                ],
            )
        )
    return entities
