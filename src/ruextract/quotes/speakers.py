"""Sources and speakers: the mention naming the speaker in an attribution, and the entity it
stands for.

The source is the subject (or object, or the genitive after a phrase) of the cue, widened to the
name inside its noun phrase when there is one (шериф округа Эд Гонзалес → Эд Гонзалес). The
speaker is the resolved entity holding that mention. When the entity stage left a pronoun or a
descriptor unresolved, it falls back to the most recent compatible entity (the previous quote's
speaker first): a person for он/она and bare person nouns, an organisation for издание,
ведомство ... A role noun that says whose or which one it is (адвокат Маркива, федеральный
прокурор) and a plural (врачи) are nobody named: such a source becomes a labelled entity of its own
(``labels.py``). A quote with no attribution at all (a quotation standing alone) keeps the previous
speaker.

Organisations: a voice (представитель, пресс-служба; ``models/quotes/voices.tsv``) speaks for the
organisation after it; a unit (секретариат, управление; ``subunits.tsv``) and a person noun
(эксперты лаборатории X) speak as themselves, labelled; a seat of power (Кремль) speaks as
itself, a capital (по словам Сеула) as its country; a bare medium (Издание отмечает;
``media.tsv``) is the medium quoted before with a cue of publishing; a document cited again
(говорится в пресс-релизе) keeps the speaker of its first citation. People: a possessive role
(его отец) is labelled with its owner, the main person of the pronoun's gender; a pronoun with
an unnamed subject in the sentence before (33-летний мужчина ... Он сообщил) stands for it; two
people coordinated (Вера и Илья Политковские) are one joint speaker. A bare role noun nobody
holds (Сам юбиляр) is the main person of its gender so far; a description before anyone is named
(a lead's Канадский морской офицер) is the document's most-named person; a role noun NER took
for a name (Папа) is the person named with that role (Папа Римский Франциск).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ..entities.build import dominant
from ..entities.keys import stem
from ..entities.repair import FEMININE_NOMINATIVE, _feminine_first_name, _people_noun
from ..entities.tables import load_tables, name_key
from ..records import Entity
from ..resources import models_dir, shared_resources
from .attribution import Found, genitive_after
from .clauses import (
    agreeing_antecedent,
    locative_source,
    nominative_after,
    nominative_before,
    subject_token,
)
from .context import PERSONAL, POSSESSIVE_3, Context, MentionRef
from .labels import AGE, capitalised_noun, labelled_speaker, named_label
from .lexicon import fold, word_class

NP_RELS = {"amod", "det", "nmod", "appos", "flat", "flat:name", "flat:foreign", "nummod",
           "compound", "fixed", "conj"}
NAME_RELS = {"appos", "flat", "flat:name", "flat:foreign", "conj", "nsubj", "root"}
QUOTE_MARKS = {"«", "»", '"', "“", "”", "„"}  # a name in marks stays in a phrase: компании «X»
NEAR = 400  # characters: how far back the previous quote's speaker is taken as "the same"


def _lemma_list(name: str) -> frozenset[str]:
    """The lemmas of a one-lemma-a-line list in ``models/quotes/`` (``#`` starts a comment)."""
    lines = (models_dir() / "quotes" / name).read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def voices() -> frozenset[str]:
    """Nouns through which an organisation speaks (``models/quotes/voices.tsv``)."""
    return _lemma_list("voices.tsv")


@lru_cache(maxsize=1)
def subunits() -> frozenset[str]:
    """Units that speak as themselves (``models/quotes/subunits.tsv``)."""
    return _lemma_list("subunits.tsv")


@lru_cache(maxsize=1)
def media() -> tuple[frozenset[str], frozenset[str]]:
    """Media nouns and the cues media are quoted with (``models/quotes/media.tsv``)."""
    rows = [line.split("\t") for line in (models_dir() / "quotes" / "media.tsv").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    nouns = frozenset(fold(lemma.strip()) for kind, lemma in rows if kind == "noun")
    cues = frozenset(fold(lemma.strip()) for kind, lemma in rows if kind == "cue")
    return nouns, cues


def voice_owner(ctx: Context, head: int) -> int | None:
    """The organisation a voice speaks for: представитель пресс-службы посольства США ->
    посольства (the genitive after a chain of voice nouns); None for other heads."""
    current, names = head, voices()
    for _step in range(3):
        if ctx.lemmas[current] not in names:
            return None if current == head else current
        owners = [child for child in ctx.children[current]
                  if child > current and ctx.tokens[child].rel in ("nmod", "appos")
                  and ctx.pos(child) in ("NOUN", "PROPN")
                  and not any(ctx.tokens[grand].rel == "case" for grand in ctx.children[child])]
        if not owners:
            return None
        current = owners[0]
    return None


def seat_label(ctx: Context, ref: MentionRef | None) -> MentionRef | None:
    """ "Кремль", "Белый дом" speaking: the seat of power itself, not the country the entity stage
    counts it as (``models/entities/metonyms.tsv``); its website or press service, its holder
    (``seat_holder``)."""
    if ref is None:
        return None
    holder = seat_holder(ctx, ref)
    if holder is not None or ref.kind != "alias":
        return holder
    name = load_tables().seat_names.get(name_key(ctx.text[ref.start : ref.end]))
    if name is None:
        return None
    return named_label(ctx, name, "ORG", ref.start, ref.end)


def seat_holder(ctx: Context, ref: MentionRef) -> MentionRef | None:
    """The website or the press service of a seat of power (на сайте Кремля, пресс-служба
    Кремля) speaks for its holder: the person the text gives the country's top role (президент
    России), a head of state before a head of government."""
    first = ctx.first_token_from(ref.start)
    before = ctx.lemmas[first - 1] if first else ""
    if before not in word_class("web_place") and not (before.startswith("пресс-") and before in voices()):
        return None  # not "представители Белого дома": they speak for the White House
    tables = load_tables()
    country = tables.seats.get(name_key(ctx.text[ref.start : ref.end]))
    if country is None:
        return None
    found: dict[str, Entity] = {}
    for person, classes, tokens in role_phrases(ctx):
        for role in classes & TOP_CLASSES:
            if country_of(ctx, tokens) == country.name:
                found.setdefault(role, person)
    holder = found.get("leader") or found.get("head_of_government")
    return MentionRef(ref.start, ref.end, holder, "descriptor") if holder is not None else None


def is_country(ref: MentionRef) -> bool:
    """A country, a seat of power or a capital: places that speak (for a government)."""
    tables, key = load_tables(), name_key(ref.entity.name)
    referent = tables.lookup(key)
    return (referent is not None and referent.id.startswith("country:")
            or key in tables.seat_names or key in tables.capitals)


def capital_country(ctx: Context, ref: MentionRef | None) -> MentionRef | None:
    """A capital speaking (по словам Сеула) is its country's government: the country's entity
    if the document names it, else a label with the country's name."""
    if ref is None or ref.entity.type != "LOC":
        return None
    country = load_tables().capitals.get(name_key(ref.entity.name))
    if country is None:
        return None
    for other in ctx.mentions:
        if other.entity.name == country.name:
            return MentionRef(ref.start, ref.end, other.entity, ref.kind)
    return named_label(ctx, country.name, "LOC", ref.start, ref.end)


def organisation_speaker(ctx: Context, owner: int) -> MentionRef | None:
    """The speaker for an organisation token: its entity (a seat of power as itself), else a
    label of its phrase."""
    ref = ctx.mention_over(ctx.starts[owner], ctx.ends[owner])
    if ref is not None and ref.start == ctx.starts[owner] and ref.entity.type == "ORG":
        return ref  # пресс-служба полиции РА: the police (of the country), not the country
    span, ref = source_span(ctx, owner, None)
    if ref is not None and ref.entity.type != "PER":
        return seat_label(ctx, ref) or ref
    return labelled_speaker(ctx, owner, span)


def source_head(ctx: Context, quote: Found) -> int | None:
    if quote.source is not None or quote.cue is None:
        return quote.source
    cue = quote.cue[0]
    if quote.speaker_at == "none":
        return None
    if quote.speaker_at == "locative":
        return locative_source(ctx, cue)
    if quote.speaker_at == "object":
        cited = cited_object(ctx, cue)
        if cited is not None:
            return cited
    if quote.speaker_at == "genitive":  # Комментарий шведского телевидения: «...»
        frame = ctx.frames[cue]
        return genitive_after(ctx, cue) if frame is not None and frame.kind == "noun" else None
    subject = subject_token(ctx, cue)
    if subject is not None and quote.start <= ctx.starts[subject] < quote.end:
        subject = None  # a word of the reported clause the parser hung on the cue
    if subject is None:
        subject = nominative_after(ctx, quote.cue[1])
    if subject is None:
        subject = locative_source(ctx, cue)  # В пресс-службе МВД сообщили, что ...
    if subject is None:
        subject = nominative_before(ctx, cue)
    if subject is None:
        subject = agreeing_name_before(ctx, cue)
    if subject is None and ctx.tokens[cue].rel == "acl:relcl":
        governor = ctx.tokens[cue].head  # видеообращение, в котором сообщал: its author
        while governor is not None and ctx.pos(governor) not in ("VERB", "AUX"):
            governor = ctx.tokens[governor].head
        if governor is not None:
            subject = nominative_before(ctx, governor)
    if subject is None and ctx.tokens[cue].rel in ("conj", "advcl"):
        governor = ctx.tokens[cue].head  # X развёлся и признал; X заявил ..., признав
        if governor is not None and ctx.pos(governor) in ("VERB", "AUX"):
            subject = nominative_before(ctx, governor)
    if subject is None and ctx.tokens[cue].rel in ("parataxis", "root", None):
        subject = shared_subject(ctx, cue)  # X зашёл к игрокам, ..., после чего сообщил
    if subject is None and ctx.feats(cue).get("VerbForm") == "Conv":
        main = main_verb_before(ctx, cue)  # X обратился к Y, прося ...: X
        if main is not None:
            subject = subject_token(ctx, main)
            if subject is None:
                subject = nominative_before(ctx, main)
    if subject is not None and quote.rule == "как-parenthesis" and not in_parenthesis(ctx, cue, subject):
        subject = locative_source(ctx, cue)  # были и штрафы, но, как уточнили в милиции, ...
    return subject


def in_parenthesis(ctx: Context, cue: int, token: int) -> bool:
    """Whether ``token`` lies in the "как <cue> X," parenthesis of the cue."""
    sentence = ctx.sentence_tokens(cue)
    end = next((j for j in range(cue + 1, sentence.stop) if ctx.lowers[j] in (",", ".", ":", ";")),
               sentence.stop)
    return cue - 1 <= token < end


def agreeing_name_before(ctx: Context, cue: int) -> int | None:
    """A person's name right before a past-tense cue whose gender it shares, whatever case the
    tagger gave it (Однако Сидорова уточнила: a woman's surname read as a man's genitive)."""
    if cue == 0 or ctx.sent_of[cue - 1] != ctx.sent_of[cue]:
        return None
    feats = ctx.feats(cue)
    if ctx.pos(cue) != "VERB" or feats.get("Tense") != "Past" or feats.get("Number") != "Sing":
        return None
    ref = ctx.mention_over(ctx.starts[cue - 1], ctx.ends[cue - 1])
    if ref is None or ref.kind != "name" or ref.entity.type != "PER" or ref.end != ctx.ends[cue - 1]:
        return None
    return cue - 1 if entity_gender(ctx, ref) == feats.get("Gender") is not None else None


def shared_subject(ctx: Context, cue: int) -> int | None:
    """The subject of the finite verb a subjectless cue is loosely attached to (X зашёл к
    игрокам, чтобы поздравить их, после чего сообщил, что ...): that verb comes before the cue,
    is outside any quote, and its subject agrees with the cue in number and gender."""
    governor = ctx.tokens[cue].head
    if ctx.tokens[cue].rel in ("root", None):
        governor = verb_before_comma(ctx, cue)  # X клянётся в ..., утверждает, что: a second root
    if governor is None or governor >= cue or not ctx.is_finite_verb(governor) or in_content(
            ctx, ctx.starts[governor]):
        return None
    subject = subject_token(ctx, governor)
    if subject is None or in_content(ctx, ctx.starts[subject]):
        return None
    verb, noun = ctx.feats(cue), ctx.feats(subject)
    if verb.get("Number") != noun.get("Number"):
        return None
    if verb.get("Gender") and noun.get("Gender") and verb["Gender"] != noun["Gender"]:
        return None
    return subject


def verb_before_comma(ctx: Context, cue: int) -> int | None:
    """The finite verb of the clause a cue right after a comma continues (X клянётся в ...,
    утверждает, что): the nearest one before it in the sentence, with no clause opener between."""
    sentence = ctx.sentence_tokens(cue)
    if cue - 1 <= sentence.start or ctx.lowers[cue - 1] != ",":
        return None
    for j in range(cue - 2, sentence.start - 1, -1):
        if ctx.pos(j) in ("SCONJ", "PRON") and ctx.lemmas[j] in ("что", "который", "чтобы", "если",
                                                              "когда", "как", "где"):
            return None
        if ctx.lowers[j] in (".", ":", ";", "—", "–"):
            return None
        if ctx.is_finite_verb(j):
            return j
    return None


def main_verb_before(ctx: Context, gerund: int) -> int | None:
    """The finite verb a gerund follows in its sentence (the parser may hang it elsewhere)."""
    sentence = ctx.sentence_tokens(gerund)
    for j in range(gerund - 1, sentence.start - 1, -1):
        if ctx.is_finite_verb(j) and not in_content(ctx, ctx.starts[j]):
            return j
    return None


def cited_object(ctx: Context, cue: int) -> int | None:
    """цитирует <X> / цитирует газета слова <X>."""
    for child in ctx.children[cue]:
        if ctx.tokens[child].rel == "obj":
            if ctx.lemmas[child] in ("слово", "высказывание", "сообщение", "заявление"):
                for grand in ctx.children[child]:
                    if ctx.tokens[grand].rel == "nmod":
                        return grand
                return None
            return child
    return None


def phrase_tokens(ctx: Context, head: int) -> list[int]:
    """The head and its noun-phrase dependents (no prepositional phrases, no clauses)."""
    sentence = ctx.sentence_tokens(head)
    found, stack = [head], [head]
    while stack:
        current = stack.pop()
        for child in ctx.children[current]:
            rel = ctx.tokens[child].rel or ""
            if child in sentence and rel in NP_RELS and not any(
                ctx.tokens[grand].rel == "case" for grand in ctx.children[child]
            ):
                found.append(child)
                stack.append(child)
    if ctx.pos(head) == "NOUN":  # американские СМИ with the adjective parsed elsewhere
        case, before = ctx.feats(head).get("Case"), min(found) - 1
        while (before in sentence and ctx.pos(before) == "ADJ"
               and ctx.feats(before).get("Case") == case and before not in found):
            found.append(before)
            before -= 1
    return sorted(found)


def appositive_person(ctx: Context, head: int) -> MentionRef | None:
    """A person's name in apposition to the head, in its case."""
    case = ctx.feats(head).get("Case")
    for child in ctx.children[head]:
        if ctx.tokens[child].rel in ("appos", "flat:name") and ctx.feats(child).get("Case") in (None, case):
            ref = ctx.mention_over(ctx.starts[child], ctx.ends[child])
            if ref is not None and ref.kind == "name" and ref.entity.type == "PER":
                return ref
    return None


def named_after_comma(ctx: Context, last: int, case: str | None) -> MentionRef | None:
    """A person's name in an apposition set off by a comma after a source phrase (один из
    участников встречи на Эльбе, отставной генерал Питер Цвак,; директор музея и археолог из
    Новоселова, Иван Петров.): its words, then the name."""
    sentence = ctx.sentence_tokens(last)
    j = last + 1
    while j < sentence.stop and j <= last + 10 and ctx.lowers[j] != ",":
        if ctx.pos(j) not in ("ADP", "ADJ", "NOUN", "PROPN", "DET") and ctx.feats(j).get(
                "VerbForm") != "Part" and ctx.lowers[j] != "и":  # директор музея и археолог, X
            return None
        j += 1
    if j >= sentence.stop or ctx.lowers[j] != ",":
        return None
    for k in range(j + 1, min(j + 8, sentence.stop)):
        ref = ctx.mention_over(ctx.starts[k], ctx.ends[k])
        if ref is not None and ref.kind == "name" and ref.entity.type == "PER":
            after = ctx.first_token_from(ref.end)
            if ctx.feats(k).get("Case") in (None, case) and (
                    after >= sentence.stop or ctx.lowers[after] in (",", ".")):
                return ref
            return None
        if ctx.pos(k) not in ("ADJ", "NOUN", "PROPN"):
            return None
    return None


def common_noun_name(ctx: Context, own: MentionRef, head: int) -> bool:
    """A "name" that is a common noun with an adjective of its own (местные СМИ), or a medium
    noun heading a longer one (государственные СМИ Египта)."""
    return (ctx.pos(head) == "NOUN" and own.start == ctx.starts[head]
            and (own.end == ctx.ends[head] or ctx.lemmas[head] in media()[0])
            and qualified(ctx, head))  # государственные СМИ Египта: the adjective is the label's


def source_span(ctx: Context, head: int, cue: int | None) -> tuple[tuple[int, int], MentionRef | None]:
    """The source mention for a head token: a name inside its noun phrase if there is one (a
    person's in the head's case, an organisation's in any: пресс-служба МВД), else its own mention
    (a descriptor or pronoun the entity stage resolved), else the bare noun phrase."""
    own = ctx.mention_over(ctx.starts[head], ctx.ends[head])
    if own is not None and own.kind == "name" and common_noun_name(ctx, own, head):
        tokens = phrase_tokens(ctx, head)  # местные СМИ: a common noun the NER took for a name
        return (ctx.starts[tokens[0]], max(ctx.ends[head], own.end)), None
    if own is not None and own.kind == "name" and own.entity.type != "PER":
        person = appositive_person(ctx, head)  # Медиа-эксперт Джонатан Тэплин, NER-tagged a place
        if person is not None:
            return (person.start, person.end), person
    if own is not None and own.kind == "name":
        return (own.start, own.end), own
    tokens = phrase_tokens(ctx, head)
    start, end = ctx.starts[tokens[0]], ctx.ends[tokens[-1]]
    names = []
    following = tokens[-1] + 1  # комедиантка и телеведущая Эллен Дедженерес: a name right after
    if following < len(ctx.tokens):
        after = ctx.mention_over(ctx.starts[following], ctx.ends[following])
        if after is not None and after.kind == "name" and after.entity.type == "PER":
            end = max(end, after.end)
    case = ctx.feats(head).get("Case")
    voice, subunit = ctx.lemmas[head] in voices(), ctx.lemmas[head] in subunits()
    person_noun = ctx.pos(head) == "NOUN" and ctx.feats(head).get("Animacy") == "Anim"
    for ref in ctx.mentions_in(start, end):
        if ref.kind != "name" or not (start <= ref.start and ref.end <= end):
            continue
        first = ctx.first_token_from(ref.start)
        oblique = case == "Nom" and ctx.feats(first).get("Case") not in (None, "Nom")  # a possessor
        if ref.entity.type == "PER" and (first == head or (
                ctx.tokens[first].rel in NAME_RELS and not oblique)
                or ref.start >= ctx.ends[tokens[-1]]):
            names.append(ref)  # the speaker's own name, not a possessor (адвокат Насира)
        elif ref.entity.type == "ORG" and (
                first == head or voice
                or not subunit and (ctx.pos(head) != "NOUN" or not person_noun and not oblique)):
            # пресс-служба МВД, агентство Reuters; not эксперты лаборатории X, секретариат X
            names.append(ref)
    if names:
        near = ctx.starts[cue] if cue is not None else ctx.starts[head]
        best = min(names, key=lambda ref: (ref.entity.type != "PER", abs(ref.start - near)))
        return (best.start, best.end), best
    if own is not None:
        return (own.start, own.end), own
    if ctx.pos(head) == "NUM" or ctx.pos(head) == "NOUN" and ctx.feats(head).get("Animacy") == "Anim":
        person = named_after_comma(ctx, tokens[-1], ctx.feats(head).get("Case"))
        if person is not None:  # один из участников ..., генерал Питер Цвак
            return (person.start, person.end), person
    if ctx.pos(head) == "PRON" or ctx.lemmas[head] in PERSONAL:
        return (ctx.starts[head], ctx.ends[head]), None
    contiguous = [tokens[0]]
    for token in tokens[1:]:
        marks = range(contiguous[-1] + 1, token)  # компании «Нордтех»: the marks around a name
        if ctx.pos(token) != "PUNCT" and all(ctx.lowers[mark] in QUOTE_MARKS for mark in marks):
            contiguous.extend([*marks, token])
        else:
            break
    after = contiguous[-1] + 1
    opened = sum(ctx.lowers[j] in ("«", "„") for j in contiguous)
    if after < len(ctx.tokens) and ctx.lowers[after] in ("»", "“") and opened:
        contiguous.append(after)
    if head not in contiguous:
        contiguous = [head]
    return (ctx.starts[contiguous[0]], ctx.ends[contiguous[-1]]), None


def entity_gender(ctx: Context, ref: MentionRef) -> str | None:
    """A person's gender: the first name's in the entity's fullest name (Джордж Мендонса: the
    tagger reads "Мендонса" alone as a woman's name), else the most frequent in its names."""
    if ref.entity.id not in ctx.genders:
        ctx.genders[ref.entity.id] = person_gender(ctx, ref.entity)
    return ctx.genders[ref.entity.id]


def person_gender(ctx: Context, entity: Entity) -> str | None:
    if woman_name(entity.name):
        return "Fem"  # "Валерия Сидорова", which the tagger reads as a man's in the genitive
    genders: list[str] = []
    fullest: tuple[int, str | None] = (0, None)
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        words = [j for j in ctx.token_range(mention.start, mention.end) if ctx.pos(j) == "PROPN"]
        found = [ctx.feats(j).get("Gender") for j in words if ctx.feats(j).get("Gender")]
        genders.extend(found)
        if len(words) > max(1, fullest[0]) and found:
            fullest = (len(words), ctx.feats(words[0]).get("Gender") or found[0])
    if fullest[1] is not None:
        return fullest[1]
    return max(dict.fromkeys(genders), key=genders.count) if genders else None


def woman_name(name: str) -> bool:
    """A canonical name (in the nominative) of a woman's first name and a surname in
    -ова/-ева/-ина (Валерия Сидорова)."""
    words = name.split()
    return (len(words) == 2 and len(words[1]) > 5 and words[1].endswith(FEMININE_NOMINATIVE)
            and _feminine_first_name(shared_resources().morph_vocab, words[0].lower()))


EMPHATIC = {"сам", "сама", "сами", "самый"}  # Сам юбиляр: emphasis, no description
FEMININE_ROLE = ("ица", "есса", "иня", "ка")  # актриса, певица, принцесса, героиня, журналистка


def feminine_role(ctx: Context, head: int) -> bool:
    return ctx.feats(head).get("Gender") == "Fem" and ctx.lemmas[head].endswith(FEMININE_ROLE)


def described(ctx: Context, head: int) -> bool:
    """A role noun with words of its own that say whose or which one it is (адвокат Маркива,
    его отец, федеральный прокурор), not a bare one (политик) that points back to a person."""
    if ctx.pos(head) != "NOUN" and not capitalised_noun(ctx, head):
        return False
    case = ctx.feats(head).get("Case")
    return any(
        (ctx.tokens[child].rel in ("nmod", "det", "amod")
         or ctx.tokens[child].rel == "appos" and ctx.feats(child).get("Case") not in (None, case))
        and ctx.pos(child) != "PUNCT" and not AGE.match(ctx.lowers[child])
        and ctx.lemmas[child] not in EMPHATIC
        for child in ctx.children[head]
    ) or qualified(ctx, head)


def qualified(ctx: Context, head: int) -> bool:
    """An adjective right before the noun, in its case, whatever the parser attached it to
    (местные СМИ)."""
    before = head - 1
    return (before >= 0 and ctx.pos(before) == "ADJ" and ctx.sent_of[before] == ctx.sent_of[head]
            and ctx.feats(before).get("Case") == ctx.feats(head).get("Case") is not None
            and not AGE.match(ctx.lowers[before]) and ctx.lemmas[before] not in EMPHATIC)


def verb_gender(ctx: Context, head: int) -> str | None:
    """The gender a past-tense verb shows for its subject (заявил, заявила)."""
    verb = ctx.tokens[head].head
    if verb is None or not (ctx.tokens[head].rel or "").startswith("nsubj"):
        return None
    feats = ctx.feats(verb)
    if ctx.pos(verb) != "VERB" or feats.get("Number") != "Sing":
        return None
    return feats.get("Gender") if feats.get("Gender") in ("Masc", "Fem") else None


def disagrees(ctx: Context, speaker: MentionRef, head: int) -> bool:
    """A person whose name's gender is not the one the source's verb shows."""
    if speaker.entity.type != "PER" or ctx.pos(head) != "NOUN":
        return False
    wanted = verb_gender(ctx, head)
    name = next((ref for ref in ctx.mentions if ref.entity is speaker.entity and ref.kind == "name"),
                None)
    known = entity_gender(ctx, name) if name is not None else None
    return wanted is not None and known is not None and wanted != known


def compatible(ctx: Context, speaker: MentionRef, head: int | None, want: str) -> bool:
    if want == "PER" and speaker.entity.type != "PER":
        return False
    if head is not None and disagrees(ctx, speaker, head):
        return False
    if want == "ORG" and speaker.entity.type != "ORG":
        return False
    if head is not None and ctx.pos(head) == "NOUN" and speaker.entity.type == "PER":
        # a role noun: only a feminine form says anything about the person (министр: anyone)
        feminine = feminine_role(ctx, head)
        known = entity_gender(ctx, speaker)
        return not feminine or known in (None, "Fem")
    if head is None or ctx.pos(head) != "PRON":
        return True
    feats = ctx.feats(head)
    if feats.get("Number") == "Plur" or ctx.lowers[head] == "их":
        return speaker.entity.type != "PER"
    if plural_mention(ctx, speaker):
        return False  # он after "как отмечают эксперты": not the experts
    gender = feats.get("Gender")
    if ctx.lowers[head] in ("она", "ее", "её", "ей", "нее"):
        gender = "Fem"
    known = entity_gender(ctx, speaker) if speaker.entity.type == "PER" else None
    return gender is None or known is None or gender == known or (gender == "Neut")


def plural_mention(ctx: Context, ref: MentionRef) -> bool:
    """A descriptor whose head noun is plural (эксперты, представители администрации)."""
    if ref.kind != "descriptor":
        return False
    tokens = ctx.token_range(ref.start, ref.end)
    top = next((j for j in tokens if ctx.tokens[j].head not in tokens), None)
    return top is not None and ctx.feats(top).get("Number") == "Plur"


def wanted_type(ctx: Context, head: int | None) -> str:
    if head is None:
        return "ANY"
    if ctx.pos(head) == "PRON" or ctx.lemmas[head] in PERSONAL or ctx.lowers[head] in POSSESSIVE_3:
        if ctx.feats(head).get("Number") == "Plur" or ctx.lowers[head] == "их":
            return "ANY"
        return "PER"
    if ctx.lemmas[head] in word_class("organisation") or ctx.lemmas[head] in media()[0]:
        return "ORG"
    if ctx.feats(head).get("Animacy") == "Anim":
        return "PER"
    return "ANY"


def is_pronoun(ctx: Context, head: int | None) -> bool:
    return head is not None and (
        ctx.pos(head) == "PRON" or ctx.lemmas[head] in PERSONAL or ctx.lowers[head] in POSSESSIVE_3
    )


def by_role(ctx: Context, head: int, offset: int) -> MentionRef | None:
    """A descriptor naming a role an entity holds (футболист → the footballer named before)."""
    lemma = ctx.lemmas[head]
    for ref in reversed([ref for ref in ctx.mentions if ref.end <= offset]):
        entity = ref.entity
        if entity.type != "PER":
            continue
        spans = [(m.start, m.end) for m in entity.mentions if m.kind in ("descriptor", "alias")]
        spans += [(role.start, role.end) for role in entity.roles]
        if any(lemma == ctx.lemmas[j] for s, e in spans for j in ctx.token_range(s, e)):
            return ref
        if ref.kind == "name":  # футболист Дэвид Бекхэм: the role right before a name
            first = ctx.first_token_from(ref.start)  # (in its case: not отец Ивана Петрова)
            case = ctx.feats(first).get("Case")
            if any(ctx.lemmas[j] == lemma and ctx.feats(j).get("Case") in (None, case)
                   for j in range(max(0, first - 3), first)):
                return ref
    return None


DOMINANT_ORG_MIN = 3  # mentions of the text's main organisation, and twice any other's


def dominant_organisation(ctx: Context, head: int) -> MentionRef | None:
    """A generic organisation noun with only adjectives of kind (надзорная служба, крупная
    компания) is the organisation the text is about: named at least ``DOMINANT_ORG_MIN`` times
    and twice as often as any other."""
    if ctx.lemmas[head] not in word_class("generic_organisation") or any(
            ctx.tokens[child].rel in ("nmod", "appos") or country_of(ctx, [child])
            for child in ctx.children[head]):
        return None
    counts: Counter[str] = Counter()
    entities: dict[str, Entity] = {}
    for ref in ctx.mentions:
        if ref.kind == "name" and ref.entity.type == "ORG":
            counts[ref.entity.id] += 1
            entities.setdefault(ref.entity.id, ref.entity)
    best = dominant(counts, DOMINANT_ORG_MIN)
    if best is None:
        return None
    return MentionRef(ctx.starts[head], ctx.ends[head], entities[best], "descriptor")


def by_role_ahead(ctx: Context, head: int, offset: int) -> MentionRef | None:
    """A descriptor before the name it describes (Канадский морской офицер признался ...;
    later "Офицер военно-морской разведки Джеффри Дилайл"): the one person named later with the
    same role noun right before the name, in the name's case, or among the person's roles."""
    lemma, found = ctx.lemmas[head], {}
    tokens = phrase_tokens(ctx, head)
    own = {ref.entity.id for ref in ctx.mentions_in(ctx.starts[tokens[0]], ctx.ends[tokens[-1]])}
    for ref in ctx.mentions:  # not Маркив of "Адвокат Маркива": whose lawyer, not who
        if ref.start < offset or ref.entity.type != "PER" or ref.kind != "name" or ref.entity.id in own:
            continue
        first = ctx.first_token_from(ref.start)
        case = ctx.feats(first).get("Case")
        before = [j for j in range(max(0, first - 3), first) if ctx.sent_of[j] == ctx.sent_of[first]]
        roles = [j for role in ref.entity.roles for j in ctx.token_range(role.start, role.end)]
        if any(ctx.lemmas[j] == lemma and ctx.feats(j).get("Case") in (None, case) for j in before) or any(
                ctx.lemmas[j] == lemma for j in roles):
            found.setdefault(ref.entity.id, ref)
    return next(iter(found.values())) if len(found) == 1 else None


def cataphoric_main(ctx: Context, offset: int, head: int) -> MentionRef | None:
    """A person described before anyone is named (Канадский морской офицер, который признался
    ..., — the lead of a story whose hero is named later): the person of the document named most
    often, at least twice, if the description fits."""
    if head is None or ctx.feats(head).get("Number") == "Plur":
        return None
    if any(ref.entity.type == "PER" and ref.kind == "name" and ref.end <= offset
           for ref in ctx.mentions):
        return None
    counts: dict[str, int] = {}
    first: dict[str, MentionRef] = {}
    for ref in ctx.mentions:
        if ref.entity.type == "PER" and ref.kind == "name":
            counts[ref.entity.id] = counts.get(ref.entity.id, 0) + 1
            first.setdefault(ref.entity.id, ref)
    fitting = [id for id in counts if counts[id] >= 2 and compatible(ctx, first[id], head, "PER")]
    if not fitting:
        return None
    best = max(fitting, key=lambda id: (counts[id], -first[id].start))
    ranked = sorted((counts[id] for id in fitting), reverse=True)
    if len(ranked) > 1 and ranked[1] == ranked[0]:
        return None  # no one hero
    return first[best]


def fallback_speaker(
    ctx: Context, offset: int, head: int | None, previous: list[tuple[int, MentionRef | None]],
    want: str | None = None, content: tuple[int, int] | None = None,
    source: tuple[int, int] | None = None,
) -> MentionRef | None:
    """The most recent compatible entity for a source the entity stage left unresolved: the
    previous quote's speaker if near, else (for pronouns and unattributed quotes) the latest
    compatible mention outside quotations, or (for descriptors) an entity holding that role."""
    want = want or wanted_type(ctx, head)
    plural = head is not None and not is_pronoun(ctx, head) and ctx.feats(head).get("Number") == "Plur"
    if plural and want != "ORG" or head is not None and ctx.lemmas[head] in word_class("collective_source"):
        return None  # очевидцы, врачи, СМИ: nobody in particular
    if head is not None and not is_pronoun(ctx, head) and want == "PER":
        role = by_role(ctx, head, offset) or by_role_ahead(ctx, head, offset)
        if role is not None:
            return role
        if described(ctx, head):  # владелец летной школы, его отец: someone unnamed, not the
            return cataphoric_main(ctx, offset, head)  # last person named; in a lead, the hero
    if head is not None and not is_pronoun(ctx, head) and want != "PER" and want != "ORG":
        return None  # следствие, источник: neither a person nor an organisation named before
    if head is not None and not is_pronoun(ctx, head) and want == "ORG" and described(ctx, head):
        return dominant_organisation(ctx, head)  # министерство юстиции США: an organisation of
        # its own, not the last one; надзорная служба: the one the whole text is about
    if want == "ORG" and head is not None and ctx.lemmas[head] in media()[0] and ctx.media:
        return ctx.media[-1]  # Издание отмечает: the medium quoted before (сообщает Daily Mirror)
    chained = chained_speaker(ctx, offset, head, previous, want)
    if chained is not None:
        return chained
    if want == "ORG" and head is not None and not is_pronoun(ctx, head):
        for _end, speaker in reversed(previous):  # отмечает пресс-служба: the body quoted before
            if speaker is not None and speaker.entity.type == "ORG":
                return speaker
    talked_about = {  # Прокурор просил приговорить Пиотровского; адвокат Насира: not Насир
        ref.entity.id for ref in ctx.mentions
        for span in (content, source)
        if span is not None and ref.kind == "name" and span[0] <= ref.start < span[1]
    }
    if head is not None and want == "PER" and ctx.pos(head) == "NOUN" and not is_pronoun(ctx, head):
        main = main_person(ctx, offset, head)  # Сам юбиляр признаётся: the person the text is about
        if main is not None and main.id not in talked_about:
            found = next((ref for ref in reversed(ctx.mentions)
                          if ref.entity is main and ref.end <= offset), None)
            if found is not None:
                return found
    for ref in reversed([ref for ref in ctx.mentions if ref.end <= offset]):
        if want == "ANY" and ref.entity.type == "LOC" or ref.entity.id in talked_about:
            continue
        if not in_content(ctx, ref.start) and compatible(ctx, ref, head, want):
            return ref
    return None


def chained_speaker(
    ctx: Context, offset: int, head: int | None, previous: list[tuple[int, MentionRef | None]],
    want: str,
) -> MentionRef | None:
    """The previous quote's speaker, if it ended near, fits, and no other person was named in
    between (— добавил он)."""
    for end, speaker in reversed(previous):
        if offset - end > NEAR:
            return None
        if speaker is not None:
            if not compatible(ctx, speaker, head, want) or other_role(ctx, speaker, head):
                return None
            for ref in ctx.mentions:
                if end <= ref.start < offset and ref.entity.type == "PER" and (
                    ref.entity.id != speaker.entity.id and not in_content(ctx, ref.start)
                    and is_subject(ctx, ref)
                ):
                    return None  # a new person took the stage in between
            return speaker
    return None


def other_role(ctx: Context, speaker: MentionRef, head: int | None) -> bool:
    """A role noun (Тренер сказал) after a speaker who is only a label of another role
    (министр): not the same one."""
    if head is None or ctx.pos(head) != "NOUN" or speaker.entity not in ctx.labels.values():
        return False
    return not any(ctx.lemmas[j] == ctx.lemmas[head] for mention in speaker.entity.mentions
                   for j in ctx.token_range(mention.start, mention.end))


def role_named_person(ctx: Context, speaker: MentionRef | None) -> MentionRef | None:
    """A "person" whose only name is a role noun NER took for a name (Папа, Понтифик): the
    person named with that role (Папа Римский Франциск)."""
    if speaker is None or speaker.entity.type != "PER" or " " in speaker.entity.name.strip():
        return None
    names = [m for m in speaker.entity.mentions if m.kind == "name"]
    if not names or not _people_noun(shared_resources().morph_vocab, speaker.entity.name.lower()):
        return None
    for mention in names:
        token = ctx.first_token_from(mention.start)
        for offset in (mention.start, len(ctx.text)):
            holder = by_role(ctx, token, offset)
            if holder is not None and holder.entity is not speaker.entity:
                return MentionRef(speaker.start, speaker.end, holder.entity, speaker.kind)
    return None


def is_subject(ctx: Context, ref: MentionRef) -> bool:
    return any((ctx.tokens[j].rel or "").startswith("nsubj") for j in ctx.token_range(ref.start, ref.end))


def in_content(ctx: Context, offset: int) -> bool:
    """Inside a quotation in marks or the content of a quote found in this document."""
    return ctx.inside_quote(offset) is not None or any(
        start <= offset < end for start, end in ctx.contents
    )


def previous_speaker(offset: int, previous: list[tuple[int, MentionRef | None]]) -> MentionRef | None:
    for end, speaker in reversed(previous):
        if offset - end > NEAR:
            return None
        if speaker is not None:
            return speaker
    return None


def trusted(ctx: Context, mention: MentionRef | None, head: int | None) -> MentionRef | None:
    """A pronoun mention the entity stage linked to a non-person while it reads он/она, or a
    descriptor linked to a person of the other gender than its verb's (Прокурор заявил: not a
    woman)."""
    if mention is not None and mention.kind == "descriptor" and head is not None:
        return None if disagrees(ctx, mention, head) else mention
    if mention is None or mention.kind != "pronoun" or head is None:
        return mention
    if wanted_type(ctx, head) == "PER" and mention.entity.type != "PER":
        return None
    name = next((ref for ref in ctx.mentions if ref.entity is mention.entity and ref.kind == "name"),
                None)
    if name is not None and not compatible(ctx, name, head, "PER"):
        return None  # она linked to a man
    return mention


def possessor(ctx: Context, head: int | None,
              previous: list[tuple[int, MentionRef | None]]) -> Entity | None:
    """The person "его"/"её" stands for in a role phrase (Его отец сказал): the main person of
    its gender so far, else the entity stage's reading of the pronoun."""
    if head is None or ctx.pos(head) != "NOUN":
        return None
    for child in ctx.children[head]:
        if ctx.lowers[child] in ("его", "ее", "её") and child < head:
            main = main_person(ctx, ctx.starts[child], child)
            ref = ctx.mention_over(ctx.starts[child], ctx.ends[child])
            if main is None and ref is not None and ref.kind == "pronoun" and ref.entity.type == "PER":
                return ref.entity
            return main
    for child in ctx.children[head] if ctx.feats(head).get("Animacy") == "Anim" else ():
        if child == head + 1 and bare_person_genitive(ctx, child):
            role = by_role(ctx, child, ctx.starts[child])  # племянник долгожителя: of the
            if role is not None:  # long-liver the text is about
                return role.entity
            return main_person(ctx, ctx.starts[child], child)
    return None


def bare_person_genitive(ctx: Context, index: int) -> bool:
    """A singular animate common noun in the genitive with no words of its own and no name
    (долгожителя, юбиляра): a role that points to someone the text names."""
    feats = ctx.feats(index)
    if ctx.pos(index) != "NOUN" or feats.get("Case") != "Gen" or feats.get("Number") != "Sing":
        return False
    if feats.get("Animacy") != "Anim" or ctx.children[index]:
        return False
    ref = ctx.mention_over(ctx.starts[index], ctx.ends[index])
    return ref is None or ref.kind != "name"


def main_person(ctx: Context, offset: int, pronoun: int) -> Entity | None:
    """The person of the pronoun's gender mentioned most often before it, quotations included
    (the latest on a tie): who a possessive at the start of a statement most often stands for."""
    counts: dict[str, int] = {}
    latest: dict[str, tuple[int, MentionRef]] = {}
    for ref in ctx.mentions:
        if ref.start >= offset or ref.entity.type != "PER":
            continue
        counts[ref.entity.id] = counts.get(ref.entity.id, 0) + 1
        latest[ref.entity.id] = (ref.start, ref)
    fitting = [id for id in counts if compatible(ctx, latest[id][1], pronoun, "PER")
               and any(m.kind == "name" for m in latest[id][1].entity.mentions)]
    if not fitting:
        return None
    best = max(fitting, key=lambda id: (counts[id], latest[id][0]))
    return latest[best][1].entity


def previous_subject(ctx: Context, pronoun: int, resolved: MentionRef | None,
                     previous: list[tuple[int, MentionRef | None]]) -> MentionRef | None:
    """он, она, их standing for the common-noun subject of the sentence before (33-летний
    мужчина вышел во двор. Хотя он сообщил, что ...; сообщили южнокорейские СМИ. По их
    словам ...), unless the entity the pronoun was resolved to is named there too."""
    sentence = ctx.sentence_tokens(pronoun)
    if sentence.start == 0:
        return None
    before = ctx.sentence_tokens(sentence.start - 1)
    feats = ctx.feats(pronoun)
    plural = feats.get("Number") == "Plur" or ctx.lowers[pronoun] == "их"
    gender = "Fem" if ctx.lowers[pronoun] in ("она", "ее", "её", "ей", "нее") else feats.get("Gender")
    for j in before:
        token = ctx.tokens[j]
        if not (token.rel or "").startswith("nsubj") or ctx.pos(j) != "NOUN" or in_content(ctx, ctx.starts[j]):
            continue
        other = ctx.feats(j)
        if (other.get("Number") == "Plur") != plural:
            continue
        if not plural and (other.get("Animacy") != "Anim" or other.get("Gender") != gender):
            continue
        own = ctx.mention_over(ctx.starts[j], ctx.ends[j])
        if own is not None and own.kind == "name" and common_noun_name(ctx, own, j):
            own = None  # южнокорейские СМИ
        if resolved is not None and any(
            before.start <= ctx.first_token_from(ref.start) < pronoun and ref.kind != "pronoun"
            and ref.entity is resolved.entity and ref is not own for ref in ctx.mentions
            if not (ref.start <= ctx.starts[j] < ref.end)
        ):
            return None  # the entity the pronoun was resolved to is named there too
        if own is not None and own.start <= ctx.starts[j] and ctx.ends[j] <= own.end:
            return own
        if j in ctx.sourced:  # Министр отметил, что ... «...», — подчеркнул он: who the minister was
            return MentionRef(ctx.starts[j], ctx.ends[j], ctx.sourced[j].entity, "descriptor")
        tokens = phrase_tokens(ctx, j)
        span = (ctx.starts[tokens[0]], ctx.ends[tokens[-1]])
        return labelled_speaker(ctx, j, span, possessor(ctx, j, previous))
    return None


def joint_speaker(ctx: Context, ref: MentionRef | None) -> MentionRef | None:
    """Two people or two organisations coordinated as one source (Вера и Илья Политковские;
    Пятый канал и РЕН ТВ): a label of both, their names joined by "и" (a person by the full name
    when the text gives one, else the text's words when they are in the nominative)."""
    if ref is None or ref.kind != "name" or ref.entity.type not in ("PER", "ORG"):
        return None
    tokens = list(ctx.token_range(ref.start, ref.end))
    top = next((j for j in tokens if ctx.tokens[j].head not in tokens), None)
    if top is None:
        return None
    token = ctx.tokens[top]
    if token.rel == "conj" and token.head is not None and token.head < tokens[0]:
        partner = token.head
    else:
        partner = next((child for child in ctx.children[top] if ctx.tokens[child].rel == "conj"
                        and child > tokens[-1]), None)
    if partner is None:
        return None
    other = next((m for m in ctx.mentions if m.start <= ctx.starts[partner] < m.end
                  and m.kind == "name" and m.entity.type == ref.entity.type), None)
    if other is not None and other.entity is ref.entity:
        return None
    if other is None:  # Вера и Илья Политковские: the first name alone is no entity
        if ref.entity.type != "PER" or ctx.pos(partner) != "PROPN":
            return None
        words = sorted([partner] + [c for c in ctx.children[partner] if ctx.tokens[c].rel == "flat:name"])
        other_span = (ctx.starts[words[0]], ctx.ends[words[-1]])
    else:
        other_span = (other.start, other.end)
    (first_start, first_end), (second_start, second_end) = sorted([(ref.start, ref.end), other_span])
    if ctx.text[first_end:second_start].strip(" «»\"“”„\u00a0") != "и":
        return None  # X и Y, «X» и «Y»
    start, end = first_start, second_end
    if other is not None and (ref.entity.type == "ORG"
                              or " " in ref.entity.name and " " in other.entity.name):
        name = " и ".join(m.entity.name for m in sorted([ref, other], key=lambda m: m.start))
    elif all(ctx.feats(j).get("Case") in (None, "Nom") for j in ctx.token_range(start, end)
             if ctx.pos(j) == "PROPN"):
        name = ctx.text[start:end]
    else:
        return None
    return named_label(ctx, name, ref.entity.type, start, end)


TOP_CLASSES = {"leader", "head_of_government"}  # what "глава <страны>" can stand for


def country_role_holder(ctx: Context, head: int | None) -> MentionRef | None:
    """A role of a country the entity stage left unbound (Глава Малайзии: ... in a headline,
    the person named later): the person whose role phrase has the same role class, or for
    "глава" a country's leader or head of government, and the same country."""
    if head is None or not 0 <= head < len(ctx.tokens):
        return None
    tables = load_tables()
    role = tables.roles.get(ctx.lemmas[head])
    country = country_of(ctx, [j for j in ctx.children[head] if j != head] + [head - 1])
    if role is None or country is None:
        return None
    wanted = TOP_CLASSES if role[0] == "head" else {role[0]}
    for person, classes, tokens in role_phrases(ctx):
        if classes & wanted and country_of(ctx, tokens) == country:
            return MentionRef(ctx.starts[head], ctx.ends[head], person, "descriptor")
    return None


def role_phrases(ctx: Context) -> Iterator[tuple[Entity, set[str], list[int]]]:
    """Each named person's role phrases, a person once (in the order of their first name
    mention): the person, the phrase's role classes (``models/entities/roles.tsv``), its tokens."""
    tables, seen = load_tables(), set()
    for ref in ctx.mentions:
        if ref.entity.type != "PER" or ref.kind != "name" or ref.entity.id in seen:
            continue
        seen.add(ref.entity.id)
        for span in ref.entity.roles:
            tokens = list(ctx.token_range(span.start, span.end))
            yield ref.entity, {role[0] for j in tokens if (role := tables.roles.get(ctx.lemmas[j]))}, tokens


def country_of(ctx: Context, tokens: list[int]) -> str | None:
    """The country a role phrase's words name (Малайзии, малайзийский): its canonical name, or
    the name of the place entity a word belongs to."""
    tables = load_tables()
    for j in tokens:
        if not 0 <= j < len(ctx.tokens):
            continue
        referent = tables.adjectives.get(stem(ctx.lemmas[j])) if ctx.pos(j) == "ADJ" else None
        if referent is None and ctx.pos(j) == "PROPN":
            referent = tables.lookup((stem(ctx.tokens[j].text),))
        if referent is not None and referent.id.startswith("country:"):
            return referent.name
        if ctx.pos(j) == "PROPN":
            for ref in ctx.mentions:
                if ref.start <= ctx.starts[j] < ref.end and ref.entity.type == "LOC":
                    return ref.entity.name
    return None


def document_noun(ctx: Context, cue: int | None) -> str | None:
    """The lemma of the document a locative cue names (говорится в пресс-релизе)."""
    if cue is None:
        return None
    sentence = ctx.sentence_tokens(cue)
    for j in [cue + 1] + list(range(cue - 1, max(cue - 6, sentence.start - 1), -1)):
        if j + 1 >= sentence.stop or ctx.lowers[j] not in ("в", "во"):
            continue
        place = j + 1
        while place + 1 < sentence.stop and ctx.pos(place) == "ADJ":
            place += 1
        if ctx.lemmas[place] == "который":  # пресс-релиз, в котором говорится
            antecedent = agreeing_antecedent(ctx, place, sentence.start)
            place = antecedent if antecedent is not None else place
        if ctx.lemmas[place] in word_class("document"):
            return ctx.lemmas[place]
    return None


def attribute(ctx: Context, quotes: list[Found]) -> list[tuple[Found, tuple[int, int] | None, str | None]]:
    """Each quote with its source span and its speaker entity id."""
    results = []
    previous: list[tuple[int, MentionRef | None]] = []
    documents: dict[str, MentionRef] = {}  # document noun -> the speaker of a quote from it
    ctx.contents = [(quote.start, quote.end) for quote in quotes]
    for quote in sorted(quotes, key=lambda q: q.start):
        span, speaker, head = None, None, None
        cue = quote.cue[0] if quote.cue is not None else None
        if quote.source_span is not None:
            span = quote.source_span
            head = ctx.first_token_from(span[0])
            speaker = ctx.mention_over(*span)
            if speaker is not None and speaker.entity.type == "LOC" and (speaker.start, speaker.end) != span:
                speaker = None  # Глава Малайзии: the country is not the speaker
            if is_pronoun(ctx, head):  # по их словам
                speaker = previous_subject(ctx, head, speaker, previous) or speaker
        else:
            head = source_head(ctx, quote)
            if head is not None:
                span, speaker = source_span(ctx, head, cue)
                inside = ctx.token_range(min(span[0], ctx.starts[head]), quote.start)
                if ctx.starts[head] < quote.start < span[1] and len(inside) <= 4:
                    span = (min(span[0], ctx.starts[head]), ctx.ends[inside[-1]])  # По словам
                    if speaker is not None and quote.start <= speaker.start < quote.end:
                        speaker = None  # врачей Иван Петров находился: not Петров
                speaker = trusted(ctx, speaker, head)
                owner = voice_owner(ctx, head)
                if owner is not None and (speaker is None or speaker.entity.type != "PER"):
                    speaker = organisation_speaker(ctx, owner)
                speaker = seat_label(ctx, speaker) or capital_country(ctx, speaker) or speaker
                if speaker is not None and speaker.entity.type == "LOC" and not is_country(speaker):
                    speaker = None  # житель Сан-Хосе, Калифорния: a region does not speak
                if is_pronoun(ctx, head):
                    speaker = previous_subject(ctx, head, speaker, previous) or speaker
                if speaker is not None and speaker.kind == "pronoun":
                    chained = chained_speaker(ctx, span[0], head, previous, "PER")
                    speaker = chained if chained is not None else speaker
        speaker = role_named_person(ctx, speaker) or speaker
        joint = joint_speaker(ctx, speaker)
        if joint is not None:  # Вера и Илья Политковские заявили
            speaker = joint
            span = (min(joint.start, span[0]), max(joint.end, span[1])) if span else span
        anchor = quote.start if cue is None else min(quote.start, ctx.starts[cue])
        if speaker is None and span is not None:
            speaker = fallback_speaker(ctx, span[0], head, previous,
                                       content=(quote.start, quote.end), source=span)
            if speaker is None:
                speaker = country_role_holder(ctx, head)
            if speaker is None:
                speaker = labelled_speaker(ctx, head, span, possessor(ctx, head, previous))
                if speaker is not None and ctx.lemmas[head] == "один" and speaker.end > span[1]:
                    span = (span[0], speaker.end)  # Один из членов политсовета X
        elif speaker is None and quote.speaker_at == "context":
            speaker = fallback_speaker(ctx, anchor, None, previous, want="PER")
        elif speaker is None and quote.lemma in word_class("document_cue"):
            speaker = previous_speaker(anchor, previous)
        document = document_noun(ctx, cue) if quote.speaker_at == "locative" else None
        if document is not None and speaker is None:
            speaker = documents.get(document)  # ..., говорится в пресс-релизе: the same release
        elif document is not None:
            documents[document] = speaker
        if speaker is not None and speaker.entity.type == "ORG" and quote.lemma in media()[1] and (
                speaker.entity not in ctx.labels.values() or any(
                    ctx.lemmas[j] in media()[0] for j in ctx.token_range(speaker.start, speaker.end))):
            ctx.media.append(speaker)  # not "источник" (сообщил источник): no medium
        previous.append((quote.end, speaker))
        if speaker is not None and span is not None:
            ctx.sourced.update((j, speaker) for j in ctx.token_range(*span))
        results.append((quote, span, speaker.entity.id if speaker is not None else None))
    return results
