"""Descriptive speakers: an unnamed but identifiable source becomes an entity of its own.

When a quote's source is a common-noun phrase that no named entity stands for (прокурор, врачи,
власти Венесуэлы, источник в правительстве), the guidelines' speaker is a descriptive label: the
phrase in the nominative, without quantifiers and possessives in front (некоторые
аналитики → аналитики, ряд российских экспертов → российские эксперты); an age stays: it is
what identifies an unnamed person (33-летний мужчина). The label's entity is a person for animate heads, an organisation otherwise; one label
is one entity per document, so "врачи" twice is one speaker.
"""

from __future__ import annotations

import re

from ..entities.build import _normal as normal_words
from ..entities.keys import stem
from ..entities.tables import load_tables
from ..records import Entity, Mention
from ..resources import shared_resources
from .context import PERSONAL, POSSESSIVE_3, Context, MentionRef

QUANTIFIERS = {"ряд", "большинство", "часть", "многие", "несколько", "группа", "один", "никто",
               "сам"}
LEADING_POS = {"DET", "PRON", "NUM", "ADP", "CCONJ", "PUNCT"}
AGE = re.compile(r"^\d+-(летн|лет)", re.IGNORECASE)
PHRASE_STOP = {",", ".", ":", ";", "(", ")", "—", "–"}


def label_head(ctx: Context, head: int) -> int | None:
    """The noun a label is built on: the head itself, or the genitive it quantifies (ряд
    экспертов, большинство из них); None for pronouns and names."""
    if ctx.lemmas[head] in QUANTIFIERS:
        nouns = [child for child in ctx.children[head] if ctx.pos(child) == "NOUN"]
        if not nouns:
            return None
        head = nouns[0]
    if ctx.pos(head) != "NOUN" and not capitalised_noun(ctx, head):
        return None
    if ctx.lemmas[head] in PERSONAL or ctx.lowers[head] in POSSESSIVE_3:
        return None
    return head


def capitalised_noun(ctx: Context, head: int) -> bool:
    """A common noun the tagger took for a name because it opens a sentence (Секретариат X)."""
    return (ctx.pos(head) == "PROPN" and ctx.tokens[head].text[1:].islower()
            and ctx.lemmas[head].islower() and ctx.sentence_tokens(head).start == head
            and ctx.mention_over(ctx.starts[head], ctx.ends[head]) is None)


def label_tokens(ctx: Context, head: int, span: tuple[int, int]) -> list[int]:
    """The tokens of the label: the contiguous run of the source phrase around the head, up to
    a comma, a clause or a noun in another case before it (уточнили Интерфаксу источники),
    without leading determiners and numbers (an age stays); a place in "в" right after the head stays
    (источник в правительстве)."""
    inside = [j for j in ctx.token_range(*span)] or [head]
    if head not in inside:
        inside = [head]
    first = inside.index(head)
    case = ctx.feats(head).get("Case")
    while first > 0 and ctx.lowers[inside[first - 1]] not in PHRASE_STOP:
        before = inside[first - 1]
        if ctx.pos(before) in ("NOUN", "PROPN") and ctx.feats(before).get("Case") not in (None, case):
            break
        first -= 1
    last = inside.index(head)
    while last + 1 < len(inside) and ctx.lowers[inside[last + 1]] not in PHRASE_STOP:
        last += 1
    tokens = inside[first : last + 1] + place_after(ctx, head, inside[last])
    while tokens and tokens[0] != head and (
        ctx.pos(tokens[0]) in LEADING_POS or ctx.lemmas[tokens[0]] in QUANTIFIERS
    ) and not AGE.match(ctx.lowers[tokens[0]]):
        tokens = tokens[1:]
    for k in range(tokens.index(head) + 1 if head in tokens else len(tokens), len(tokens)):
        if ctx.lemmas[tokens[k]] == "один":  # житель одного из сёл: житель
            return tokens[:k]
    return tokens


def place_after(ctx: Context, head: int, last: int) -> list[int]:
    """ "в культурной общественности" right after a label's head and attached to it."""
    if last + 2 >= len(ctx.tokens) or ctx.lowers[last + 1] not in ("в", "во"):
        return []
    for noun in range(last + 2, min(last + 5, len(ctx.tokens))):
        if ctx.pos(noun) in ("NOUN", "PROPN"):
            if ctx.tokens[noun].head == head:
                return list(range(last + 1, noun + 1))
            return []
        if ctx.pos(noun) != "ADJ":
            return []
    return []


def label_text(ctx: Context, tokens: list[int], head: int | None = None) -> str:
    """The label in the nominative: the head and the words agreeing with it inflected, the
    words after it kept as they are (власти Венесуэлы, родители погибшей), a sentence-initial
    capital dropped."""
    rest = ""
    if head is not None and head in tokens and head != tokens[-1]:
        rest = ctx.text[ctx.ends[head] : ctx.ends[tokens[-1]]]
        tokens = tokens[: tokens.index(head) + 1]
    first = tokens[0]
    words = tuple(
        (
            ctx.tokens[j].text,
            str(ctx.tokens[j].head - first) if ctx.tokens[j].head in tokens else "",
            ctx.tokens[j].pos,
            tuple(sorted(ctx.feats(j).items())),
            ctx.starts[j] - ctx.starts[first],
            ctx.ends[j] - ctx.starts[first],
        )
        for j in tokens
    )
    text = normal_words(shared_resources().morph_vocab, words, "ORG") + rest
    if (ctx.pos(first) != "PROPN" or capitalised_noun(ctx, first)) and not ctx.tokens[first].text.isupper():
        text = text[:1].lower() + text[1:]
    return text


def label_type(ctx: Context, head: int) -> str:
    return "PER" if ctx.feats(head).get("Animacy") == "Anim" else "ORG"


NAME_TAGS = {"Name", "Surn", "Patr"}
HUSHING = set("гкхжшчщ")


def inflect_genitive(vocab, word: str, gender: str | None) -> str:  # type: ignore[no-untyped-def]
    """One word of a person's name in the genitive: the dictionary's form for a nominative
    name or surname of the person's gender, else by its ending (Мендонса -> Мендонсы)."""
    wanted = {"Masc": "masc", "Fem": "femn"}.get(gender or "")
    for parse in vocab.parse(word):
        tag = parse.tag
        if "nomn" in tag and "sing" in tag and NAME_TAGS & set(tag.grammemes) and (
                wanted is None or wanted in tag):
            form = parse.inflect({"Gen"})
            if form is not None:
                return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
    lower = word.lower()
    if lower.endswith("ая"):
        return word[:-2] + "ой"
    if lower.endswith(("а", "я")):
        return word[:-1] + ("и" if lower.endswith("я") or lower[-2:-1] in HUSHING else "ы")
    if wanted == "masc" and lower.endswith(("й", "ь")):
        return word[:-1] + "я"
    if wanted == "masc" and lower[-1:].isalpha() and lower[-1] not in "аеёиоуыэюя":
        return word + "а"
    return word


def genitive_name(ctx: Context, entity: Entity) -> str:
    """A person's name in the genitive: the fullest genitive form the text uses, else the
    canonical name inflected word by word."""
    forms = []
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        words = [j for j in ctx.token_range(mention.start, mention.end) if ctx.pos(j) == "PROPN"]
        if words and all(ctx.feats(j).get("Case") == "Gen" for j in words):
            forms.append(mention.text)
    if forms:
        return max(forms, key=lambda form: (len(form.split()), len(form)))
    genders = [ctx.feats(j).get("Gender") for mention in entity.mentions if mention.kind == "name"
               for j in ctx.token_range(mention.start, mention.end) if ctx.pos(j) == "PROPN"]
    gender = max(dict.fromkeys(g for g in genders if g), key=genders.count, default=None)
    vocab = shared_resources().morph_vocab
    return " ".join(inflect_genitive(vocab, word, gender) for word in entity.name.split())


FULLER_WORDS = 4  # at most this many words of a complement taken from another mention


def fuller_elsewhere(ctx: Context, tokens: list[int], head: int) -> str | None:
    """The named complement the same phrase has elsewhere in the text ("управление культуры" ...
    "управления культуры Калужской области"; "администрация президента" ... "администрации
    президента России"): the words after it, as written there, when they depend on it and
    hold a capitalised word; None when the label names something already or the text has no such."""
    core = tokens[tokens.index(head):] if head in tokens else [head]
    adjectives = load_tables().adjectives
    if any(ctx.pos(j) == "PROPN" for j in core) or any(
            stem(ctx.lemmas[j]) in adjectives for j in tokens):  # южнокорейские СМИ: whose already
        return None
    lemmas = [ctx.lemmas[j] for j in core]
    size = len(lemmas)
    for start in ctx.positions(lemmas[0]):
        if start == core[0] or ctx.lemmas[start:start + size] != lemmas:
            continue
        after = start + size
        run = []
        while (after + len(run) < len(ctx.tokens) and len(run) < FULLER_WORDS
               and ctx.pos(after + len(run)) in ("PROPN", "ADJ", "NOUN")
               and ctx.feats(after + len(run)).get("Case") == "Gen"):
            run.append(after + len(run))
        while run and ctx.pos(run[-1]) == "ADJ":
            run.pop()
        if not run or not any(ctx.tokens[j].text[:1].isupper() for j in run):
            continue
        if not any(ctx.tokens[j].head in range(start, start + size) for j in run):
            continue
        return ctx.text[ctx.starts[run[0]]:ctx.ends[run[-1]]]
    return None


def shared_genitive(ctx: Context, head: int, last: int) -> str | None:
    """The genitive a coordinated noun after the head carries for both (семья и близкие X: X)."""
    for conj in ctx.children[head]:
        if conj <= last or ctx.tokens[conj].rel != "conj" or ctx.pos(conj) != "NOUN":
            continue
        for genitive in ctx.children[conj]:
            if (genitive > conj and ctx.tokens[genitive].rel == "nmod"
                    and ctx.feats(genitive).get("Case") == "Gen" and ctx.pos(genitive) in ("NOUN", "PROPN")
                    and not any(ctx.tokens[grand].rel == "case" for grand in ctx.children[genitive])):
                words = [genitive] + [child for child in ctx.children[genitive]
                                      if ctx.tokens[child].rel in ("flat:name", "flat") and child > genitive]
                return ctx.text[ctx.starts[min(words)] : ctx.ends[max(words)]]
    return None


def labelled_speaker(ctx: Context, head: int | None, span: tuple[int, int],
                     owner: Entity | None = None) -> MentionRef | None:
    """An entity for an unnamed source phrase, created once per label in the document; with
    the person a possessive stands for (его отец -> отец Ивана Петрова)."""
    if head is None:
        return None
    noun = label_head(ctx, head)
    if noun is None:
        return None
    if noun != head and ctx.lemmas[head] == "один":
        return one_of(ctx, head, noun)
    tokens = label_tokens(ctx, noun, span)
    if owner is not None and noun in tokens:
        tokens = tokens[: tokens.index(noun) + 1]  # племянник долгожителя: the owner by name
    if not tokens:
        return None
    start, end = ctx.starts[tokens[0]], ctx.ends[tokens[-1]]
    if tokens == [noun] and owner is None:
        fuller = ctx.label_heads.get(ctx.lemmas[noun])
        if fuller is not None:  # британская пресса ... пресса упоминает: the same press
            return named_label(ctx, fuller.name, fuller.type, start, end)
    name = label_text(ctx, tokens, noun)
    fuller = fuller_elsewhere(ctx, tokens, noun) if owner is None else None
    if fuller is not None:
        name = f"{name} {fuller}"  # в управлении культуры ... "управление культуры Калужской области"
    shared = shared_genitive(ctx, noun, tokens[-1])
    if shared is not None and owner is None:
        name = f"{name} {shared}"  # Семья и близкие Политковской: семья Политковской
    if owner is not None:
        name = f"{name} {genitive_name(ctx, owner)}"
    found = named_label(ctx, name, label_type(ctx, noun), start, end)
    if len(tokens) > 1 and not (shared or owner):
        ctx.label_heads[ctx.lemmas[noun]] = found.entity  # the fuller label a bare noun repeats
    return found


def one_of(ctx: Context, head: int, noun: int) -> MentionRef:
    """ "Один из членов политсовета X": one person, labelled in the singular (член политсовета X),
    the genitives after the noun as written."""
    last = noun
    while last + 1 < len(ctx.tokens) and ctx.sent_of[last + 1] == ctx.sent_of[noun] and (
            ctx.pos(last + 1) in ("NOUN", "PROPN", "ADJ") and ctx.feats(last + 1).get("Case") == "Gen"
            or ctx.lowers[last + 1] in ('"', "«", "»", "“", "”")):
        last += 1
    while last > noun and ctx.lowers[last] in ("«", "“"):
        last -= 1  # an opening mark with nothing after it
    word = ctx.lemmas[noun]
    rest = ctx.text[ctx.ends[noun] : ctx.ends[last]]
    start, end = ctx.starts[head], ctx.ends[last]
    return named_label(ctx, word + rest, label_type(ctx, noun), start, end)


def named_label(ctx: Context, name: str, type: str, start: int, end: int) -> MentionRef:
    """The label entity ``name`` (made on first use), with a descriptor mention at start-end."""
    mention = Mention(start=start, end=end, text=ctx.text[start:end], kind="descriptor")
    entity = ctx.labels.get(name.lower())
    if entity is None:
        number = len(ctx.doc.entities) + len(ctx.labels) + 1
        entity = Entity(id=f"e{number}", type=type, name=name, mentions=[])
        ctx.labels[name.lower()] = entity
    if all((m.start, m.end) != (start, end) for m in entity.mentions):
        entity.mentions.append(mention)
    return MentionRef(start, end, entity, "descriptor")
