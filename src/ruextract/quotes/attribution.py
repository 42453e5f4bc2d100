"""Finders of quotes, run in order over one document; each returns ``Found`` candidates.

1. ``quotations``      quoted spans judged quotations (rules.py) with the attribution around
                       them: «A», — сказал X; «A, — сказал X, — B»; X сказал: «A»; or none
2. ``dash_dialogue``   A, — сказал X with the marks lost (the paragraph up to the dash)
3. ``colon_blocks``    X сказал:⏎A — a block quote on the next line
4. ``phrase_frames``   по словам X, ...; согласно данным X, ...; A, по мнению X, B
5. ``verb_frames``     a cue verb, adjective, noun or collocation and its frame: "как ..."
                       parenthesis, что-clause, infinitive or чтобы-clause, anaphoric "Об этом
                       сообщил X", postposed clause (``FRAME_FINDERS``, in that order)
6. ``headline``        X: statement, on the document's first line

Speech reported inside a direct quote is then dropped. Contents are character spans of the
document: a quote may run over several sentences. Clause boundaries are in clauses.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .clauses import (
    clause_end,
    clause_first,
    clause_start,
    glued,
    has_subject,
    infinitive_start,
    inside_marks,
    kind_and_content,
    nominative_after,
    subject_token,
    trimmed,
    words_in,
)
from .context import POSSESSIVE_3, Context
from .lexicon import ANY, Frame, word_class
from .marks import OPENING, Marked
from .rules import CLAUSE, INNER, QUOTE, attribution_cue_after

CONNECTIVES = {"и", "а", "но", "однако", "также", "же", "ведь", "при", "этом", "кроме", "того",
               "между", "тем", "впрочем", "напомним", "ранее", "позже", "позднее", "тогда"}
HYPOTHETICAL = {"мочь", "смочь", "хотеть", "захотеть", "собираться", "планировать",
                "намереваться", "бояться", "готовый", "стоить", "пытаться", "попытаться"}
MODAL_BEFORE_INFINITIVE = {"стоить", "надо", "следовать", "нужно", "можно", "необходимо", "важно"}
CAPTION_WORDS = 6  # a verbless line this short is a caption, not a statement an anaphor means
# a dash, or a hyphen with spaces round it standing for one ("A, - сказал X. - B")
INNER_SPLIT = re.compile(r"[,.!?…]?['\s]*(?:[—–]|(?<=\s)-)\s+")
SPLIT_RESUME = re.compile(r"[,.:;]['\s]*(?:[—–]|(?<=\s)-)\s+")


@dataclass
class Found:
    kind: str  # direct | indirect | mixed
    start: int
    end: int
    cue: tuple[int, int] | None = None  # first and last token of the cue
    lemma: str | None = None
    speaker_at: str = "subject"  # subject | object | genitive | locative | none | context
    source: int | None = None  # head token of the source, when a finder knows it
    source_span: tuple[int, int] | None = None  # a source span fixed by the finder
    rule: str = ""


def cue_of(ctx: Context, index: int, last: int | None = None) -> tuple[tuple[int, int], str]:
    last = index if last is None else last
    return (index, last), " ".join(ctx.lemmas[index : last + 1])


# 1. quotations in marks


@dataclass(frozen=True)
class Attribution:
    cue: tuple[int, int] | None
    lemma: str | None
    speaker_at: str = "subject"
    source: int | None = None
    source_span: tuple[int, int] | None = None

    def quote(self, kind: str, start: int, end: int, rule: str) -> Found:
        return Found(kind, start, end, self.cue, self.lemma, self.speaker_at, self.source,
                     self.source_span, rule)


def attribution_at(ctx: Context, index: int, last: int | None = None) -> Attribution:
    """The attribution a cue token makes, with the speaker place of its frame."""
    frame = ctx.frames[index]
    collocation = ctx.collocation(index)
    if collocation is not None:
        frame, last = collocation
    cue_span, lemma = cue_of(ctx, index, last)
    return Attribution(cue_span, lemma, frame.speaker if frame is not None else "subject")


def quotations(ctx: Context, used: set[int]) -> list[Found]:
    found: list[Found] = []
    previous: tuple[Found, Attribution] | None = None
    for marked in ctx.quotes(QUOTE):
        parts = split_quote(ctx, marked)
        if parts is not None:
            (first, second), cue = parts
            used.add(cue)
            attribution = attribution_at(ctx, cue)
            found.append(attribution.quote("direct", *first, "split quote"))
            found.append(attribution.quote("direct", *second, "split quote"))
            previous = found[-1], attribution
            continue
        start, end = trimmed_inner(ctx, marked)
        cue = attribution_cue_after(ctx, marked.close + 1, allow_comma=True)
        if cue is not None:
            used.add(cue)
            attribution = attribution_at(ctx, cue)
            rule = "dash after"
        elif previous is not None and continues(ctx, previous[0], marked):
            attribution, rule = previous[1], "second part"
        else:
            attributed = colon_attribution(ctx, marked.open) or person_before_colon(ctx, marked.open)
            if attributed is not None:
                attribution, rule = attributed, "after colon"
            elif not ctx.text[: marked.open].rstrip(" '\u00a0").endswith(":"):
                attribution, rule = Attribution(None, None, "context"), "no cue"
            else:
                continue  # an inscription or a motto after a colon, with nobody saying it
        found.append(attribution.quote("direct", start, end, rule))
        previous = found[-1], attribution
    return found


MAIN_CLAUSE = {"root", "parataxis", "conj", None}


def colon_attribution(ctx: Context, offset: int) -> Attribution | None:
    """X сказал: «A» (or X сказал:⏎A): the cue of the sentence ending in the colon — a main-clause
    verb first, then a phrase (по словам X), then any cue — or a person's name just before it."""
    last = colon_before(ctx, offset, blank_lines=2)
    if last is None:
        return None
    sentence = ctx.sentence_tokens(last)
    verbs, others = [], []
    for index in range(last - 1, sentence.start - 1, -1):
        frame = ctx.frames[index]
        collocation = ctx.collocation(index)
        if collocation is not None:
            frame = collocation[0]
        if frame is None or not (frame.takes("direct") or frame.takes("colon")):
            continue
        if ctx.first_person(index) or ctx.inside_quote(ctx.starts[index]):
            continue
        if frame.kind in ("verb", "collocation", "passive") and ctx.tokens[index].rel in MAIN_CLAUSE:
            verbs.append(index)
        else:
            others.append(index)
    phrase = phrase_in(ctx, sentence.start, last)
    if phrase is not None and phrase.cue is not None and all(
        ctx.lowers[j] in CONNECTIVES or ctx.pos(j) == "PUNCT" or ctx.pos(j) == "ADP"
        for j in range(sentence.start, phrase.cue[0])
    ):
        return phrase  # По словам X, ...: — the phrase opening the sentence attributes it
    if verbs:
        return attribution_at(ctx, verbs[0])
    if phrase is not None:
        return phrase
    if others:
        return attribution_at(ctx, others[0])
    name = ctx.mention_over(ctx.starts[last - 1], ctx.ends[last - 1])
    if name is not None and name.entity.type == "PER" and name.end == ctx.ends[last - 1]:
        return Attribution(None, None, "name", source_span=(name.start, name.end))
    return None


def colon_before(ctx: Context, offset: int, blank_lines: int = 0) -> int | None:
    """The colon token that ends the text before ``offset`` (past up to ``blank_lines`` line
    breaks), if one does."""
    before = ctx.text[:offset].rstrip(" '\u00a0\t")
    for _blank in range(blank_lines):
        if before.endswith("\n"):
            before = before[:-1].rstrip(" '\u00a0\t")
    if not before.endswith(":"):
        return None
    colon = ctx.first_token_from(len(before) - 1)
    if colon >= len(ctx.tokens) or ctx.starts[colon] != len(before) - 1 or colon == 0:
        return None
    return colon


def person_before_colon(ctx: Context, offset: int) -> Attribution | None:
    """X не стал спорить с журналистами: «A» — a person named as the subject of the main verb
    of the sentence ending in the colon just before the marks says what is in them."""
    colon = colon_before(ctx, offset)
    if colon is None:
        return None
    first = ctx.sentence_tokens(colon).start
    root = next((j for j in range(first, colon) if ctx.tokens[j].rel == "root"), None)
    if root is None or ctx.pos(root) not in ("VERB", "AUX"):
        return None
    for child in ctx.children[root]:
        if (ctx.tokens[child].rel or "").startswith("nsubj") and first <= child < colon:
            name = ctx.mention_over(ctx.starts[child], ctx.ends[child])
            if name is not None and name.entity.type == "PER" and name.kind == "name":
                return Attribution(None, None, "name", source_span=(name.start, name.end))
    return None


def phrase_in(ctx: Context, first: int, stop: int) -> Attribution | None:
    """A source phrase (по словам X) among the tokens ``first`` to ``stop``."""
    for index in range(first, stop):
        for words, _frame in ctx.lexicon.phrases.get(ctx.lowers[index], ()):
            matched = match_phrase(ctx, index, words)
            if matched is not None:
                last, pronoun = matched
                source = pronoun if pronoun is not None else genitive_after(ctx, last)
                cue_span, _lemma = cue_of(ctx, index, last)
                return Attribution(cue_span, " ".join(ctx.lowers[index : last + 1]), "genitive",
                                   source)
    return None


def trimmed_inner(ctx: Context, marked: Marked) -> tuple[int, int]:
    start, end = marked.start, marked.end
    while start < end and ctx.text[start].isspace():
        start += 1
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    return start, end


def split_quote(ctx: Context, marked: Marked) -> tuple[tuple[tuple[int, int], tuple[int, int]], int] | None:
    """«A, — сказал X, — B»: the two parts and the cue between them."""
    text = ctx.text
    for match in INNER_SPLIT.finditer(text, marked.start, marked.end):
        cue = attribution_cue_after(ctx, match.start(), words=4)
        if cue is None:
            continue
        resume = SPLIT_RESUME.search(text, ctx.ends[cue], marked.end)
        if resume is None or text.find("\n", ctx.ends[cue], resume.start()) >= 0:
            continue
        first = trimmed(ctx, marked.start, match.start())
        first = (first[0], first[1] + (1 if text[first[1]:first[1] + 1] in "!?…" else 0))
        second = (resume.end(), trimmed_inner(ctx, marked)[1])
        if first[1] > first[0] and second[1] > second[0]:
            return (first, second), cue
    return None


def continues(ctx: Context, previous: Found, marked: Marked) -> bool:
    """«A», — сказал X. — «B» (or «A», говорит X, «B»): the second mark follows the attribution
    in the same paragraph."""
    between = ctx.text[previous.end : marked.open]
    return (
        previous.cue is not None
        and "\n" not in between
        and bool(re.search(r"[—–,]['\s]*$", between))
        and previous.cue[1] < ctx.first_token_from(marked.open)
    )


# 2. A, — сказал X (marks lost)


def dash_dialogue(ctx: Context, used: set[int]) -> list[Found]:
    found = []
    text = ctx.text
    for index, low in enumerate(ctx.lowers):
        if low not in ("—", "–") or ctx.inside_quote(ctx.starts[index], QUOTE, CLAUSE, INNER):
            continue
        comma = index - 1 if index and ctx.lowers[index - 1] == "," else index
        cue = attribution_cue_after(ctx, ctx.starts[comma] if comma != index else ctx.starts[index],
                                    words=1)
        if cue is None or cue in used:
            continue
        paragraph_start, _ = ctx.paragraph_bounds(ctx.starts[index])
        head = text[paragraph_start : ctx.starts[comma]].rstrip()
        if not head or head[-1] in "»“”\"" or any(mark in head for mark in "«„"):
            continue
        start, end = trimmed(ctx, paragraph_start, ctx.starts[comma])
        while start < end and text[start] in "—–- ":
            start += 1
        if words_in(ctx, start, end) >= 1:
            used.add(cue)
            attribution = attribution_at(ctx, cue)
            found.append(attribution.quote("direct", start, end, "dash dialogue"))
            resume = SPLIT_RESUME.search(text, ctx.ends[cue], ctx.line_end(ctx.ends[cue]))
            if resume is not None:  # — A, — сказал X. — B: the speech goes on after the dash
                second = trimmed(ctx, resume.end(), ctx.line_end(resume.end()))
                second = (second[0], second[1] + (1 if text[second[1]:second[1] + 1] in "!?…" else 0))
                if words_in(ctx, *second) >= 1:
                    found.append(attribution.quote("direct", *second, "dash dialogue"))
    return found


# 3. X сказал:⏎A


def colon_blocks(ctx: Context, used: set[int]) -> list[Found]:
    found = []
    text = ctx.text
    for match in re.finditer(r":[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)?(?=[^\n])", text):
        line_start = match.end()
        line_end = ctx.line_end(line_start)
        block = text[line_start:line_end].strip()
        if len(block) < 12 or block[0] in OPENING + "—–-'":
            continue
        attributed = colon_attribution(ctx, line_start)
        if attributed is None:
            continue
        start, end = trimmed_inner_span(text, line_start, line_end)
        found.append(attributed.quote("direct", start, end, "colon block"))
    return found


def trimmed_inner_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# 4. cue verbs and their frames


def verb_frames(ctx: Context, used: set[int], found_so_far: list[Found]) -> list[Found]:
    found = []
    for index in range(len(ctx.tokens)):
        if index in used:
            continue
        frame, last = ctx.frames[index], index
        collocation = ctx.collocation(index)
        if collocation is not None:
            frame, last = collocation
            used.add(last)  # выразил уверенность: the noun is not a cue of its own
        if frame is None or not usable_cue(ctx, index, frame, found_so_far + found):
            continue
        cue_span, lemma = cue_of(ctx, index, last)
        for finder in FRAME_FINDERS:
            result = finder(ctx, index, last, frame, found_so_far + found)
            if result is not None:
                start, end, rule = result
                kind, start, end = kind_and_content(ctx, start, end)
                if words_in(ctx, start, end) >= 1:
                    found.append(Found(kind, start, end, cue_span, lemma, frame.speaker,
                                       rule=rule))
                break
    return found


def usable_cue(ctx: Context, index: int, frame: Frame, found: list[Found]) -> bool:
    offset = ctx.starts[index]
    if ctx.inside_quote(offset, QUOTE, CLAUSE, INNER) or any(
        quote.kind == "direct" and quote.start <= offset < quote.end for quote in found
    ):
        return False  # speech inside a quotation is the quoted speaker's, not reported here
    if frame.mental and any(quote.start <= offset < quote.end and quote.rule != "anaphoric"
                            for quote in found):
        return False  # an opinion inside a reported statement is part of it (not inside the
        # sentence an anaphor points back to: X не верит, что ... Об этом X рассказала)
    if frame.kind == "passive" and any(
        ctx.lemmas[j] in word_class("legal") for j in range(max(0, index - 4), index)
    ):
        return False  # в законе сказано, что ...: a legal norm, not a statement
    if ctx.first_person(index):
        return False  # the author's own Напомним, Отметим
    if ctx.feats(index).get("VerbForm") == "Inf":
        if index and ctx.lemmas[index - 1] in MODAL_BEFORE_INFINITIVE:
            return False  # Стоит отметить, что ...: the author again
        head = ctx.tokens[index].head
        if head is None or not ctx.is_finite_verb(head) or ctx.lemmas[head] in HYPOTHETICAL:
            return False  # чтобы утверждать / не сможет говорить: nobody said it (успел заявить did)
    # суд признал, что ...: a ruling, not a statement
    return not (ctx.lemmas[index] in ("признать", "признавать", "постановить") and any(
        ctx.lemmas[child] == "суд" and (ctx.tokens[child].rel or "").startswith("nsubj")
        for child in ctx.children[index]
    ))


FrameResult = tuple[int, int, str] | None


def что_clause(ctx: Context, index: int, last: int, frame: Frame, _found: list[Found]) -> FrameResult:
    if not frame.takes("что"):
        return None
    start = clause_start(ctx, last)
    if start is None:
        return None
    if frame.mental and not has_subject(ctx, index):
        return None
    begin = ctx.starts[start]
    return (*trimmed(ctx, begin, clause_end(ctx, begin, index)), "что-clause")


def infinitive(ctx: Context, index: int, last: int, frame: Frame, _found: list[Found]) -> FrameResult:
    if not frame.takes("inf"):
        return None
    start = infinitive_start(ctx, last)
    if start is None:
        return None
    begin = ctx.starts[start]
    end = clause_end(ctx, begin, index)
    if frame.kind == "noun":  # С призывом уйти в отставку выступили ...: the call ends at the verb
        for j in ctx.token_range(begin, end):
            if ctx.is_finite_verb(j) and not inside_marks(ctx, ctx.starts[j]):
                end = ctx.starts[j]
                break
    return (*trimmed(ctx, begin, end), "infinitive")


def as_parenthesis(ctx: Context, index: int, last: int, frame: Frame, _found: list[Found]) -> FrameResult:
    """Как сообщает X, A. / A, как сообщает X, B. / A, как сообщает X."""
    if not frame.takes("как") or not index or ctx.lowers[index - 1] != "как":
        return None
    sentence = ctx.sentence_tokens(index)
    at_start = all(ctx.lowers[j] in CONNECTIVES for j in range(sentence.start, index - 1))
    if not at_start and ctx.lowers[index - 2] != ",":
        return None
    if frame.kind == "passive" and not (last + 1 < sentence.stop and ctx.lowers[last + 1] in ("в", "во", "на")):
        comma = last + 1 if last + 1 < sentence.stop and ctx.lowers[last + 1] == "," else last
    else:  # Как сообщает X, A; Как говорится в пресс-релизе, размещённом на сайте X, A
        comma = next((j for j in range(last + 1, sentence.stop) if ctx.lowers[j] == ","
                      and not (frame.kind == "passive" and attributive_after(ctx, j))), None)
    if comma is not None and comma + 1 < sentence.stop - 1:
        begin = ctx.ends[comma]
        return (*trimmed(ctx, begin, clause_end(ctx, begin, index)), "как-parenthesis")
    if not at_start:  # A, как сообщает X.
        start, end = trimmed(ctx, ctx.starts[sentence.start], ctx.starts[index - 2])
        return start, end, "как-parenthesis"
    return None


def attributive_after(ctx: Context, comma: int) -> bool:
    """A comma opening a participle or relative clause (пресс-релиз, размещённый на сайте X,)."""
    after = comma + 1
    if after >= len(ctx.tokens):
        return False
    feats = ctx.feats(after)
    return (feats.get("VerbForm") == "Part" and feats.get("Variant") != "Short"
            or ctx.lemmas[after] == "который")


def mental_cue(ctx: Context, quote: Found) -> bool:
    """A quote whose cue is an opinion verb (X не верит, что A): an anaphor after it points back
    to the whole sentence, the opinion with its holder."""
    frame = ctx.frames[quote.cue[0]] if quote.cue is not None else None
    return frame is not None and frame.mental


def anaphoric(ctx: Context, index: int, last: int, frame: Frame, found: list[Found]) -> FrameResult:
    """Об этом сообщил X. / Информацию подтвердил X. — the statement before."""
    if not frame.takes("anaphor") or not points_back(ctx, index):
        return None
    if any(quote.start <= ctx.starts[index] < quote.end for quote in found):
        return None  # inside a reported statement: "он сообщит им об этом" is part of it
    sentence = ctx.sentence_tokens(index)
    first = sentence.start
    colon = next((j for j in range(index - 1, first, -1) if ctx.lowers[j] == ":"), None)
    if colon is not None and ctx.lowers[colon + 1 : colon + 3] in (["об", "этом"], ["о", "том"]):
        begin = first  # A: об этом сообщили X — the clause before the colon
        if begin + 2 < colon and ctx.lowers[begin + 1] == "," and ctx.pos(begin) in (
                "ADV", "PART", "CCONJ", "INTJ", "SCONJ"):
            begin += 2  # Правда, A: ...
        start, end = trimmed(ctx, ctx.starts[begin], ctx.starts[colon])
        return start, end, "anaphoric"
    if first == 0:
        return None
    before = ctx.sentence_tokens(first - 1)
    while before.start > 0 and caption(ctx, before):
        before = ctx.sentence_tokens(before.start - 1)  # a name or caption line states nothing
    previous_start, previous_end = ctx.starts[before.start], ctx.ends[before.stop - 1]
    for quote in reversed(found):
        if previous_start <= quote.end <= previous_end and not mental_cue(ctx, quote):
            return quote.start, quote.end, "anaphoric"
    start, end = trimmed(ctx, previous_start, previous_end)
    return start, end, "anaphoric"


def caption(ctx: Context, sentence: range) -> bool:
    """A short line with no verb (a photo caption, a name under a picture)."""
    return len(sentence) <= CAPTION_WORDS and not any(
        ctx.pos(j) in ("VERB", "AUX") for j in sentence)


def points_back(ctx: Context, index: int) -> bool:
    """Об этом сообщил X; сообщил об этом X; эту информацию подтвердил X; это подтвердил X."""
    sentence = ctx.sentence_tokens(index)
    if ctx.lowers[sentence.start : sentence.start + 2] == ["об", "этом"]:
        return True
    for j in range(sentence.start + 1, index - 1):  # A: об этом корреспонденту «X» сообщили
        if ctx.lowers[j] == ":" and ctx.lowers[j + 1 : j + 3] == ["об", "этом"] and not any(
                ctx.is_finite_verb(k) for k in range(j + 3, index)):
            return True
    for j in range(max(0, index - 4), min(len(ctx.tokens), index + 4)):
        low = ctx.lowers[j]
        if low == "этом" and ctx.lowers[j - 1] in ("об", "о") and (
            ctx.tokens[j].head == index or abs(j - index) <= 2
        ):
            return True
        if ctx.tokens[j].head != index:
            continue
        if ctx.lemmas[j] in word_class("anaphoric") and j and (
            ctx.lemmas[j - 1] in ("этот", "такой", "данный") or j == sentence.start
        ):
            return True  # эту информацию подтвердил X / Информацию подтвердили в ...
        if low == "это" and ctx.tokens[j].rel == "obj":
            return True
    return False


def postposed(ctx: Context, index: int, last: int, frame: Frame, _found: list[Found]) -> FrameResult:
    """A, заявил X. — the clause before the cue, when the cue follows a comma and precedes its
    subject (or has none, as говорится в ...)."""
    if not frame.takes("postposed"):
        return None
    if not (ctx.is_finite_verb(index) or frame.kind == "passive"):
        return None
    before = index - 1
    while before >= 0 and ctx.lowers[before] in ("—", "–", "-"):
        before -= 1
    if before < 0 or ctx.lowers[before] != ",":
        return None
    subject = subject_token(ctx, index)
    if subject is not None and subject < index:
        return None
    if subject is None and frame.kind != "passive" and nominative_after(ctx, last) is None:
        return None  # A, написал ... — with no speaker after the cue it is not an attribution
    if last + 1 < len(ctx.tokens) and ctx.lowers[last + 1] in ("о", "об", "про", ":"):
        return None  # сообщил о ...: a noun phrase; говорится: «...»: a quotation follows
    sentence = ctx.sentence_tokens(index)
    head = range(clause_first(ctx, sentence.start, before), before)
    clause_like = len(head) >= 4 or any(
        ctx.pos(j) in ("VERB", "AUX") or ctx.lowers[j] in ("—", "–", "это") for j in head
    )
    if len(head) < 2:
        return None
    if not clause_like:
        return parenthetical_rest(ctx, last, sentence)
    if ctx.lowers[before - 1] in ("»", "\"", "”", "“"):
        closing = ctx.inside_quote(ctx.starts[before - 1] - 1, QUOTE)
        if closing is not None:
            return None
    first = clause_first(ctx, sentence.start, before)
    if ctx.lowers[first : first + 2] in (["об", "этом"], ["о", "том"]):
        return None  # Об этом во вторник, 20 августа, сообщили СМИ: anaphoric, not postposed
    start, end = trimmed(ctx, ctx.starts[first], ctx.starts[before])
    while start < end and ctx.text[start] in "—–- ":
        start += 1
    return start, end, "postposed"


def parenthetical_rest(ctx: Context, last: int, sentence: range) -> FrameResult:
    """A, напомнил X, B. — an attribution set off by commas inside a clause whose beginning A is
    no clause of its own: the content is the part after it (as for "A, по словам X, B"), when
    that part has a finite verb."""
    comma = next((j for j in range(last + 1, min(last + 9, sentence.stop))
                  if ctx.lowers[j] in (",", ".", ":", ";", "—", "«")), None)
    if comma is None or ctx.lowers[comma] != ",":
        return None
    end = clause_end(ctx, ctx.starts[comma])
    rest = ctx.token_range(ctx.ends[comma], end)
    if len(rest) < 2 or not any(ctx.is_finite_verb(j) for j in rest) or ctx.feats(
            rest[0]).get("VerbForm") in ("Conv", "Part"):
        return None
    start, end = trimmed(ctx, ctx.ends[comma], end)
    return start, end, "parenthetical"


FRAME_FINDERS: list[Callable[..., FrameResult]] = [
    as_parenthesis,
    что_clause,
    infinitive,
    anaphoric,
    postposed,
]


# 5. по словам X, ...


def phrase_frames(ctx: Context, used: set[int]) -> list[Found]:
    found = []
    phrases = ctx.lexicon.phrases
    for index, low in enumerate(ctx.lowers):
        patterns = phrases.get(low)
        if not patterns or ctx.inside_quote(ctx.starts[index], QUOTE, CLAUSE, INNER):
            continue
        for words, frame in patterns:
            matched = match_phrase(ctx, index, words)
            if matched is None:
                continue
            last, pronoun = matched
            result = phrase_content(ctx, index, last, pronoun)
            if result is not None:
                start, end, source = result
                kind, start, end = kind_and_content(ctx, start, end)
                if words_in(ctx, start, end) >= 2:
                    cue_span, lemma = cue_of(ctx, index, last)
                    lemma = " ".join(ctx.lowers[index : last + 1])
                    found.append(Found(kind, start, end, cue_span, lemma, "genitive", source,
                                       rule="phrase"))
            break
    return found


def according_to_name(ctx: Context, used: set[int]) -> list[Found]:
    """Согласно <a named organisation or person>, A: the name is the source ("Согласно
    Reuters, ..."); a law or a document after "согласно" is no source (``legal``)."""
    found = []
    for index, low in enumerate(ctx.lowers):
        if low != "согласно" or index in used or index + 2 >= len(ctx.tokens):
            continue
        if ctx.inside_quote(ctx.starts[index], QUOTE, CLAUSE, INNER):
            continue
        mention = ctx.mention_over(ctx.starts[index + 1], ctx.ends[index + 1])
        if (mention is None or mention.kind != "name" or mention.start != ctx.starts[index + 1]
                or mention.entity.type not in ("ORG", "PER") or ctx.lemmas[index + 1] in word_class("legal")):
            continue
        comma = ctx.first_token_from(mention.end)
        sentence = ctx.sentence_tokens(index)
        if comma + 1 >= sentence.stop or ctx.lowers[comma] != ",":
            continue
        begin = ctx.starts[comma + 1]
        start, end = trimmed(ctx, begin, clause_end(ctx, begin))
        kind, start, end = kind_and_content(ctx, start, end)
        if words_in(ctx, start, end) >= 2:
            cue_span, lemma = cue_of(ctx, index)
            found.append(Found(kind, start, end, cue_span, lemma, "genitive", index + 1,
                               source_span=(mention.start, mention.end), rule="according to a name"))
    return found


def match_phrase(ctx: Context, index: int, words: tuple[str, ...]) -> tuple[int, int | None] | None:
    """The last token of the phrase at ``index``, and a possessive pronoun inside it."""
    position, pronoun = index, None
    for word in words[1:]:
        position += 1
        if word == ANY:
            skipped = 0
            while (position < len(ctx.tokens) and skipped < 2
                   and (ctx.pos(position) in ("ADJ", "DET") or ctx.lowers[position] in POSSESSIVE_3
                        or ctx.feats(position).get("VerbForm") == "Part")):
                if ctx.lowers[position] in POSSESSIVE_3:
                    pronoun = position
                position += 1
                skipped += 1
            position -= 1
            continue
        if position >= len(ctx.tokens) or ctx.lowers[position] != word:
            return None
    return position, pronoun


def phrase_content(ctx: Context, index: int, last: int, pronoun: int | None) -> tuple[int, int, int | None] | None:
    """По словам X, A. / A, по словам X, B (content B). / A, по словам X. (content A)"""
    sentence = ctx.sentence_tokens(index)
    source = pronoun if pronoun is not None else genitive_after(ctx, last)
    if pronoun is not None or source is None:
        attribution_end = last
    else:
        attribution_end = next((j - 1 for j in range(last + 1, min(last + 16, sentence.stop))
                                if ctx.lowers[j] in (",", ":", "—", "–", ";")
                                or ctx.lowers[j] == "." and not glued(ctx, j)), None)
        if index == sentence.start or all(ctx.lowers[j] in CONNECTIVES
                                          for j in range(sentence.start, index)):
            unpunctuated = genitive_phrase_end(ctx, last, sentence)  # По словам X A.
            if unpunctuated is not None and (
                    attribution_end is None or ctx.lowers[attribution_end + 1] == "."
                    # По словам X Y вернулся домой, когда ...: a verb before the comma
                    or any(ctx.is_finite_verb(j) for j in range(unpunctuated + 1, attribution_end + 1))):
                attribution_end = unpunctuated
                if not last < source <= unpunctuated:
                    source = next((j for j in range(last + 1, unpunctuated + 1)
                                   if ctx.pos(j) in ("NOUN", "PROPN")), source)
        if attribution_end is None:
            return None
    after = attribution_end + 1
    while after < sentence.stop and ctx.lowers[after] in (",", "—", "–", ":"):
        after += 1
    if after < sentence.stop and (ctx.pos(after) != "PUNCT" or ctx.lowers[after] in OPENING):
        feats = ctx.feats(after)
        if (feats.get("VerbForm") == "Part" and feats.get("Case") not in (None, "Nom")
                or ctx.lemmas[after] == "который"):
            return None  # по версии WBC, являющейся ...: a qualifier, not a report
        begin = ctx.starts[after]
        return (*trimmed(ctx, begin, clause_end(ctx, begin)), source)
    before = range(sentence.start, index - 1)
    if index and ctx.lowers[index - 1] == "," and any(
        ctx.lowers[j] not in CONNECTIVES and ctx.pos(j) != "PUNCT" for j in before
    ):
        start, end = trimmed(ctx, ctx.starts[sentence.start], ctx.starts[index - 1])
        return start, end, source
    return None


def genitive_phrase_end(ctx: Context, last: int, sentence: range) -> int | None:
    """The last token of a source phrase no comma closes (По словам врачей Иван Петров
    находится ...): the genitive words after the phrase's noun, when a nominative subject or a
    finite verb follows them and the rest has a finite verb."""
    end = last
    while (end + 1 < sentence.stop and ctx.feats(end + 1).get("Case") == "Gen"
           and ctx.pos(end + 1) in ("NOUN", "PROPN", "ADJ", "DET", "NUM")):
        end += 1
    after = end + 1
    if end == last or after >= sentence.stop:
        return None
    starts_clause = (ctx.pos(after) in ("NOUN", "PROPN", "PRON")
                     and ctx.feats(after).get("Case") == "Nom") or ctx.is_finite_verb(after)
    if not starts_clause or not any(ctx.is_finite_verb(j) for j in range(after, sentence.stop)):
        return None
    return end


def genitive_after(ctx: Context, last: int) -> int | None:
    """The head of the genitive noun phrase after a phrase's noun (по словам <X>)."""
    for child in ctx.children[last]:
        if child > last and ctx.tokens[child].rel in ("nmod", "appos", "flat:foreign") and not any(
            ctx.tokens[grand].rel == "case" for grand in ctx.children[child]
        ):
            return child
    following = last + 1
    if (following < len(ctx.tokens) and ctx.pos(following) in ("NOUN", "PROPN", "ADJ", "X", "DET")
            and ctx.feats(following).get("Case") in (None, "Gen")):
        return following
    return None


# 6. X: statement (a headline)


def headline(ctx: Context, used: set[int]) -> list[Found]:
    """A title "X: statement", X a person, an organisation (named, or an organisation noun:
    "Пресс-служба МВД", "СМИ") or an animate noun ("Глава ...")."""
    text = ctx.text
    line_end = ctx.line_end(0)
    colon = text.find(": ", 0, line_end)
    if colon <= 0 or colon > 60:
        return []
    head = ctx.token_range(0, colon)
    if not 1 <= len(head) <= 5:
        return []
    body = ctx.token_range(colon + 1, line_end)
    if any(ctx.frames[j] for j in head) or any(
        ctx.frames[j] and ctx.frames[j].takes("что") for j in body
    ):
        return []
    first = head.start
    mention = ctx.mention_over(ctx.starts[first], ctx.ends[first])
    if mention is not None and mention.entity.type in ("PER", "ORG"):
        source_span = (mention.start, mention.end)
    elif ctx.pos(first) == "PROPN" or ctx.pos(first) == "NOUN" and (
        ctx.feats(first).get("Animacy") == "Anim"
        or ctx.lemmas[first] in word_class("organisation") | word_class("collective_source")
    ):  # Пресс-служба МВД: ...; СМИ: ...
        source_span = (ctx.starts[first], ctx.ends[head.stop - 1])
    else:
        return []
    start, end = trimmed(ctx, colon + 1, line_end)
    if words_in(ctx, start, end) < 3:
        return []
    kind, start, end = kind_and_content(ctx, start, end)
    return [Found(kind, start, end, speaker_at="headline", source_span=source_span, rule="headline")]


def find_quotes(ctx: Context) -> list[Found]:
    used: set[int] = set()
    found = quotations(ctx, used)
    found += dash_dialogue(ctx, used)
    found += colon_blocks(ctx, used)
    found += phrase_frames(ctx, used)
    found += according_to_name(ctx, used)
    found += verb_frames(ctx, used, found)
    found += headline(ctx, used)
    found = [quote for quote in found if not nested_in_direct(ctx, quote, found)]
    unique: dict[tuple[int, int, tuple[int, int] | None], Found] = {}
    for quote in sorted(found, key=lambda q: (q.start, q.end)):
        if quote.end > quote.start:
            unique.setdefault((quote.start, quote.end, quote.cue), quote)
    return list(unique.values())


def nested_in_direct(ctx: Context, quote: Found, found: list[Found]) -> bool:
    """Speech reported inside a direct quote belongs to the quote (guidelines: not annotated)."""
    at = ctx.starts[quote.cue[0]] if quote.cue is not None else quote.start
    return any(
        other is not quote and other.kind == "direct" and other.start <= at < other.end
        and other.start <= quote.start and quote.end <= other.end
        for other in found
    )
