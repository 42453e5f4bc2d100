"""Clause boundaries and grammatical roles the finders share: where a reported clause starts
(after что, an infinitive) and ends (its sentence, a later closing mark, a colon before a
quotation, a second coordinated cue, a trailing attribution), whether it is direct, mixed or
indirect, and who the subject of a cue is (through gerunds, coordination, relative clauses and
places: В пресс-службе МВД сообщили)."""

from __future__ import annotations

import re

from .context import Context
from .lexicon import word_class
from .marks import CLOSING, OPENING
from .rules import CLAUSE, FRAGMENT, INNER, QUOTE

TRAILING = " \t\n\u00a0.,;:…—–-"


def trimmed(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Without spaces, leading commas and colons, and trailing punctuation (and a wiki italics
    mark '' left unpaired at the end)."""
    text = ctx.text
    while start < end and text[start] in " \t\n\u00a0,:":
        start += 1
    while end > start:
        if text[end - 1] in TRAILING:
            end -= 1
        elif text.endswith("''", start, end) and text.count("''", start, end) % 2 == 1:
            end -= 2
        else:
            break
    return start, end


def words_in(ctx: Context, start: int, end: int) -> int:
    return len(re.findall(r"\w+", ctx.text[start:end]))


def kind_and_content(ctx: Context, start: int, end: int) -> tuple[str, int, int]:
    """A clause that is one quotation is direct (its content inside the marks); a clause with a
    verbatim piece in marks is mixed; otherwise indirect."""
    bare_start, bare_end = start, end
    while bare_start < bare_end and ctx.text[bare_start] == "'":
        bare_start += 1
    while bare_end > bare_start and ctx.text[bare_end - 1] == "'":
        bare_end -= 1
    for marked in ctx.marked:
        if (marked.open == bare_start and marked.close + 1 >= bare_end
                and ctx.verdict.get(marked) in (CLAUSE, QUOTE, FRAGMENT)):
            return "direct", marked.start, marked.end
    for marked in ctx.marked:
        if start <= marked.open and marked.close < end and ctx.verdict.get(marked) in (
            CLAUSE, QUOTE, FRAGMENT
        ):
            return "mixed", start, end
    return "indirect", start, end


def clause_end(ctx: Context, start: int, cue: int | None = None) -> int:
    """Where a clause starting at ``start`` ends: the end of its sentence, or further if a quote
    opened in it closes later; before ": «" (X сказал, что A: «B»); before a second coordinated
    cue (..., однако напомнил, что ...)."""
    first = ctx.first_token_from(start)
    if first >= len(ctx.tokens):
        return start
    end = min(ctx.sentence_bounds(first)[1], ctx.line_end(start))
    for index in ctx.token_range(start, end):  # a sentence end razdel missed: ". «Для меня ..."
        if (ctx.lowers[index] in (".", "!", "?") and index + 1 < len(ctx.tokens)
                and ctx.starts[index + 1] < end and not glued(ctx, index)
                and not inside_marks(ctx, ctx.starts[index])
                and (ctx.tokens[index + 1].text[:1].isupper() or ctx.lowers[index + 1] in "«„“\"")):
            end = ctx.ends[index]
            break
    for marked in ctx.marked:
        if start <= marked.open < end < marked.close and ctx.verdict.get(marked) != INNER:
            after = ctx.first_token_from(marked.close)
            if after < len(ctx.tokens):
                end = min(max(end, ctx.sentence_bounds(after)[1]), ctx.line_end(marked.close))
    for marked in ctx.quotes(QUOTE):
        if start < marked.open < end:
            colon = ctx.text.rfind(":", start, marked.open)
            if colon >= 0 and not ctx.text[colon + 1 : marked.open].strip(" '\u00a0"):
                end = colon
                break
    for index in ctx.token_range(start, end):
        if index != cue and trailing_attribution(ctx, index):
            end = ctx.starts[index - 1]  # ..., передает агентство Рейтер: that is another cue
            break
        if cue is not None and index != cue and outside_clause(ctx, index, start, cue):
            end = ctx.starts[index - 1]  # заявил, что A, добавив ...
            break
        if index != cue and (second_cue(ctx, index) or coordinated_with(ctx, index, cue)):
            comma = ctx.text.rfind(",", start, ctx.starts[index])
            if index > 0 and ctx.lowers[index - 1] in ("и", "а", "но") and ctx.starts[index - 1] > comma:
                comma = ctx.starts[index - 1]  # ... Сенатом и отметил, что ...
            if comma > start:
                end = comma
                break
    return end


def trailing_attribution(ctx: Context, index: int) -> bool:
    """", сообщил X." closing a sentence: a finite cue after a comma, its subject after it."""
    frame = ctx.frames[index]
    if frame is None or not frame.takes("postposed") or not ctx.is_finite_verb(index):
        return False
    if index < 1 or ctx.lowers[index - 1] != ",":
        return False
    subject = subject_token(ctx, index)
    return subject is not None and subject > index


def outside_clause(ctx: Context, index: int, start: int, cue: int) -> bool:
    """A gerund after a comma that belongs to the cue's clause or above it, not to the reported
    clause starting at ``start``: its chain of heads reaches the cue, the sentence root or a
    word before the clause without passing through the clause's words (заявил, что A, добавив
    ...)."""
    if index < 1 or ctx.lowers[index - 1] != "," or ctx.feats(index).get("VerbForm") != "Conv":
        return False
    if inside_marks(ctx, ctx.starts[index]):
        return False
    current = ctx.tokens[index].head
    for _step in range(12):
        if current is None or current == cue or ctx.starts[current] < start:
            return True
        if ctx.starts[current] < ctx.starts[index]:
            return False  # a word of the clause before the comma governs it
        current = ctx.tokens[current].head
    return False


def coordinated_with(ctx: Context, index: int, cue: int | None) -> bool:
    """A second predicate of the cue's own clause (заявил, что «...», и подтвердил ...)."""
    token = ctx.tokens[index]
    return (cue is not None and token.head == cue and token.rel == "conj"
            and not any((ctx.tokens[c].rel or "").startswith("nsubj") for c in ctx.children[index]))


def second_cue(ctx: Context, index: int) -> bool:
    """A cue verb coordinated with the first one (no subject of its own) and opening a clause."""
    frame = ctx.frames[index]
    if frame is None or frame.kind != "verb" or not (ctx.is_finite_verb(index)
                                                     or ctx.feats(index).get("VerbForm") == "Conv"):
        return False
    if any((ctx.tokens[child].rel or "").startswith("nsubj") for child in ctx.children[index]):
        return False
    previous = index - 1
    while previous >= 0 and ctx.lowers[previous] in ("однако", "но", "а", "и", "также"):
        previous -= 1
    if previous < 0 or ctx.lowers[previous] != ",":
        return False
    return clause_start(ctx, index) is not None


def clause_start(ctx: Context, index: int) -> int | None:
    """The first token of a что/будто/ли-clause that a cue at ``index`` governs (заявил, что;
    заявил о том, что; объяснил это тем, что — not "за то, что" or a что inside marks)."""
    sentence = ctx.sentence_tokens(index)
    for j in range(index + 1, min(index + 16, sentence.stop)):
        low = ctx.lowers[j]
        if low in ("что", "будто") and not inside_marks(ctx, ctx.starts[j]):
            before = ctx.lowers[j - 1]
            if before == "," and ctx.lowers[j - 2] in ("то", "том", "тем", "того"):
                before = ctx.lowers[j - 2]
                j_prep = ctx.lowers[j - 3]
            else:
                j_prep = ctx.lowers[j - 2]
            if before in ("то", "того", "том") and j_prep not in ("о", "об", "в", "на"):
                return None  # благодарность за то, что ...: not what was said
            if before in (",", ":", "то", "том", "тем") or j == index + 1:
                start = j + 1
                while start < sentence.stop and ctx.lowers[start] in (":", ",", "'"):
                    start += 1
                return start if start < sentence.stop else None
        if low == "," and j + 2 < sentence.stop and ctx.lowers[j + 2] == "ли":
            return j + 1
        if low == "," and ctx.pos(index) == "NOUN":
            start = relative_start(ctx, j + 1, sentence.stop)
            if start is not None:  # обнародовали информацию, согласно которой A
                return start
        if low in (".", "!", "?", ";", "—", "–") or (j > index + 1 and ctx.frames[j]):
            return None
        if ctx.is_finite_verb(j):
            return None
    return None


RELATIVE_LEADS = (("согласно",), ("по",), ("в", "соответствии", "с"))


def relative_start(ctx: Context, first: int, stop: int) -> int | None:
    """The clause after "согласно которой", "в соответствии с которыми", "по которым" that
    starts at ``first``: what a piece of information (сведения, данные) says."""
    for lead in RELATIVE_LEADS:
        which = first + len(lead)
        if (which + 1 < stop and tuple(ctx.lowers[first:which]) == lead
                and ctx.lemmas[which] == "который"):
            return which + 1
    return None


def inside_marks(ctx: Context, offset: int) -> bool:
    return any(marked.open < offset < marked.close for marked in ctx.marked)


def infinitive_start(ctx: Context, index: int) -> int | None:
    """The first token of the request or promise after a cue: an infinitive or a чтобы-clause."""
    sentence = ctx.sentence_tokens(index)
    j, stop = index, min(index + 7, sentence.stop)
    while j + 1 < stop:
        j += 1
        if ctx.lowers[j] in OPENING:
            close = next((k for k in range(j + 1, min(j + 5, sentence.stop))
                          if ctx.lowers[k] in CLOSING), None)
            if (close is not None and close > j + 1 and close + 1 < sentence.stop
                    and ctx.feats(close + 1).get("VerbForm") == "Inf"
                    and all(ctx.pos(k) in ("ADV", "PART") for k in range(j + 1, close))):
                return j  # пообещал «обязательно» провести ...: a verbatim word of the promise
            if close is not None and ctx.name_cover(ctx.starts[j], ctx.ends[close]) > 0:
                j = close  # призвал «Газпром» снизить цены: the addressee's name in marks
                continue
        feats = ctx.feats(j)
        if feats.get("VerbForm") == "Inf":
            return j - 1 if ctx.lowers[j - 1] == "не" else j
        if ctx.lowers[j] == "чтобы":
            return j + 1 if j + 1 < sentence.stop else None
        verb = j + 2 if j + 2 < sentence.stop and ctx.lowers[j + 1] == "не" else j + 1
        if (ctx.lowers[j] in OPENING and verb < sentence.stop
                and ctx.feats(verb).get("VerbForm") == "Inf"):
            return j  # призывает зрителей «совершить ...»: a verbatim request, marks included
        if ctx.lowers[j] in ("о", "об", "про"):
            return None  # заявил о готовности помочь: a noun phrase, not a request
        if ctx.pos(j) not in ("NOUN", "PROPN", "PRON", "ADJ", "DET", "ADP", "NUM", "PART",
                              "ADV", "PUNCT") or ctx.lowers[j] in (".", ";", ":", "«"):
            return None
    return None


def has_subject(ctx: Context, index: int) -> bool:
    """An explicit source: a subject (not я, мы, вы), one the parser missed, or a place (В
    Скотланд-Ярде считают, что)."""
    subject = subject_token(ctx, index)
    if subject is None:
        return (locative_source(ctx, index) is not None
                or nominative_before(ctx, index, commas=False) is not None)
    return ctx.lemmas[subject] not in ("я", "мы", "ты", "вы")


NOMINATIVE_REACH = 12  # tokens before a cue searched for a subject the parser missed
GERUND_CLAUSE = 8  # further tokens when a gerund clause may stand between


def nominative_before(ctx: Context, cue: int, *, commas: bool = True) -> int | None:
    """A subject the parser missed before the cue: the nearest nominative noun or name in the
    clause (16 февраля Ватикан опубликовал заявление), across a relative clause (X, с которой
    он встречался, не верит) and, if ``commas``, across commas."""
    sentence = ctx.sentence_tokens(cue)
    reach = NOMINATIVE_REACH
    if any(ctx.feats(k).get("VerbForm") == "Conv" for k in range(sentence.start, cue)):
        reach += GERUND_CLAUSE  # X, выступая в пятницу, 3 марта, перед депутатами думы, заявил
    j, stop, skipped = cue - 1, max(cue - reach, sentence.start - 1), False
    while j > stop:
        if ctx.lowers[j] == "," and not skipped:
            opening = relative_clause_start(ctx, j, sentence.start)
            if opening is not None:  # X, с которой он встречался, не верит: X
                j, stop, skipped = opening - 1, max(stop - (j - opening), sentence.start - 1), True
                continue
        if ctx.lowers[j] == "»" and j > 0 and ctx.mention_over(ctx.starts[j - 1], ctx.ends[j - 1]):
            j -= 1
            continue  # Медиахолдинг «Башинформ» заявил: a name in marks
        if (ctx.lowers[j] in (".", ":", "»", "—", "–", "что") or ctx.lemmas[j] == "который"
                or ctx.is_finite_verb(j) or not commas and ctx.lowers[j] == ","):
            return None  # past a clause boundary (commas around a gerund clause are crossed
            # unless ``commas`` is False)
        if ctx.pos(j) in ("NOUN", "PROPN") and ctx.feats(j).get("Case") == "Nom":
            return j
        j -= 1
    return None


def relative_clause_start(ctx: Context, comma: int, first: int) -> int | None:
    """The comma opening a relative clause that ends at ``comma`` (, с которой он встречался,)."""
    for k in range(comma - 1, max(comma - 12, first - 1), -1):
        if ctx.lowers[k] == ",":
            following = range(k + 1, min(k + 3, comma))
            return k if any(ctx.lemmas[m] == "который" for m in following) else None
    return None


def after_governing_noun(ctx: Context, index: int) -> bool:
    """A name right after a noun in the genitive (до заявления Монти): an indeclinable genitive
    the parser may read as a second subject."""
    before = index - 1
    if not (ctx.pos(index) == "PROPN" and before >= 0 and ctx.pos(before) == "NOUN"
            and ctx.feats(before).get("Case") == "Gen"):
        return False
    mention = ctx.mention_over(ctx.starts[index], ctx.ends[index])
    return mention is None or mention.start > ctx.starts[before]  # not Комитет защиты Леонарда X


def subject_token(ctx: Context, index: int) -> int | None:
    """The grammatical subject of a cue, through gerunds, coordination and control verbs."""
    current = index
    line_start, line_end = ctx.paragraph_bounds(ctx.starts[index])
    for _step in range(3):
        # the nearest subject first (the parser may give a verb two); not one on another line
        # (a headline the parser read as one sentence with the text)
        subjects = [child for child in ctx.children[current]
                    if (ctx.tokens[child].rel or "").startswith("nsubj")]
        for child in sorted(subjects, key=lambda child: abs(child - current)):
            if not line_start <= ctx.starts[child] < line_end:
                continue
            if len(subjects) > 1 and after_governing_noun(ctx, child):
                continue  # до заявления Монти сообщил: Монти is the statement's, not the subject
            if ctx.inside_quote(ctx.starts[child], QUOTE, CLAUSE, INNER):
                continue  # a word of the quotation, not its speaker
            if ctx.lemmas[child] == "который":
                return relative_antecedent(ctx, current)
            return child
        token = ctx.tokens[current]
        if token.rel in ("advcl", "conj", "xcomp") and token.head is not None:
            current = token.head
        elif token.rel == "acl:relcl" and token.head is not None:
            governor = token.head  # письмо, в котором заявил: whoever wrote it
            for _climb in range(3):
                if ctx.pos(governor) in ("VERB", "AUX") or ctx.tokens[governor].head is None:
                    break
                governor = ctx.tokens[governor].head
            if ctx.pos(governor) not in ("VERB", "AUX"):
                break
            current = governor
        else:
            break
    return None






def no_verb_between(ctx: Context, first: int, last: int) -> bool:
    return not any(ctx.pos(j) in ("VERB", "AUX") or ctx.lowers[j] in (":", ";")
                   for j in range(first + 1, last))


def locative_source(ctx: Context, cue: int) -> int | None:
    """говорится в заявлении <X> / В заявлении <X> говорится / В пресс-службе <X> сообщили /
    В Скотланд-Ярде считают: the genitive after the place, or the place if it is a name;
    "в котором говорится" goes back to whoever issued it; В пресс-службе в ГУ <X> сообщили: the
    body after the press office; сообщили из прокуратуры: the body. Only places the cue governs
    (or a place right before it, in its clause, that the parser hung on a word of the quote)."""
    sentence = ctx.sentence_tokens(cue)
    after = cue + 2 if cue + 1 < sentence.stop and ctx.lowers[cue + 1] in ("]", ")") else cue + 1
    for j in [after] + list(range(cue - 1, max(cue - 12, sentence.start - 1), -1)):
        if j >= sentence.stop or j + 1 >= sentence.stop:
            continue
        if ctx.lowers[j] == "из" and j == after or ctx.lowers[j] == "из" and j + 2 == cue:
            body = j + 1
            while body + 1 < sentence.stop and ctx.pos(body) == "ADJ":
                body += 1
            if ctx.pos(body) == "NOUN" and ctx.tokens[body].head == cue:
                return body  # сообщили из федеральной прокуратуры
            continue
        if ctx.lowers[j] not in ("в", "во", "на"):
            continue
        place = j + 1
        while place + 1 < sentence.stop and ctx.pos(place) == "ADJ":
            place += 1
        if ctx.lowers[j] == "на" and ctx.lemmas[place] not in word_class("web_place"):
            continue  # сообщается на сайте X: X's website speaks for X
        if ctx.lemmas[place] in word_class("time"):
            continue  # сообщалось в июле: a time, no place
        if ctx.lowers[place] in ("том", "этом", "тот"):
            continue
        if ctx.lemmas[place] == "который":
            antecedent = agreeing_antecedent(ctx, place, sentence.start)
            if antecedent is None:
                antecedent = ctx.tokens[place].head
                while antecedent is not None and ctx.tokens[antecedent].rel == "acl:relcl":
                    antecedent = ctx.tokens[antecedent].head
            verb = ctx.tokens[antecedent].head if antecedent is not None else None
            while verb is not None and ctx.pos(verb) not in ("VERB", "AUX") and ctx.tokens[verb].head is not None:
                verb = ctx.tokens[verb].head
            return subject_token(ctx, verb) if verb is not None else None
        governor = ctx.tokens[place].head
        if ctx.pos(place) not in ("NOUN", "PROPN") or governor != cue and not (
                place < cue < (governor or 0) and no_verb_between(ctx, place, cue)):
            continue  # В пресс-центре X уточнили, что Y задержан: not Y's, whatever the parser says
        named = ctx.mention_over(ctx.starts[place], ctx.ends[place]) is not None
        if named and (ctx.pos(place) == "PROPN" or ctx.lemmas[place] not in word_class("document")):
            return place  # В Скотланд-Ярде считают
        for child in ctx.children[place]:
            if child > place and ctx.tokens[child].rel in ("nmod", "appos") and not any(
                ctx.tokens[grand].rel == "case" for grand in ctx.children[child]
            ):
                if (ctx.lemmas[place] not in word_class("document") and ctx.pos(child) == "NOUN"
                        and ctx.lemmas[place] not in word_class("web_place")
                        and ctx.mention_over(ctx.starts[child], ctx.ends[child]) is None):
                    return place  # в комитете образования сообщили: the body, not "образование"
                return child
        for child in ctx.children[place]:  # В пресс-службе в ГУ МВД сообщили
            if child == place + 2 and ctx.lowers[place + 1] in ("в", "во", "при") and ctx.pos(
                    child) in ("NOUN", "PROPN") and ctx.tokens[child].rel == "nmod":
                return child
        following = place + 1
        if following < sentence.stop and ctx.pos(following) in ("NOUN", "PROPN", "ADJ") and (
            ctx.feats(following).get("Case") in ("Gen", None)
        ):
            return following
        if ctx.lemmas[place] in word_class("organisation"):
            return place  # В компании подчеркнули: the organisation itself, unnamed
        return None
    return None


def agreeing_antecedent(ctx: Context, which: int, first: int) -> int | None:
    """The noun "который" stands for: the nearest one before it in its gender and number
    (сообщение для печати, в котором: сообщение)."""
    feats = ctx.feats(which)
    number, gender = feats.get("Number"), feats.get("Gender")
    if number is None:
        return None
    for j in range(which - 1, max(first - 1, which - 10), -1):
        if ctx.pos(j) == "NOUN":
            other = ctx.feats(j)
            if other.get("Number") == number and (number == "Plur" or other.get("Gender") == gender):
                return j
    return None


def relative_antecedent(ctx: Context, verb: int) -> int | None:
    current = verb
    for _step in range(3):
        token = ctx.tokens[current]
        if token.rel == "acl:relcl" and token.head is not None:
            return token.head
        if token.head is None:
            return None
        current = token.head
    return None


def glued(ctx: Context, index: int) -> bool:
    """A token written together with the next one (Вести.ру)."""
    return index + 1 < len(ctx.tokens) and ctx.ends[index] == ctx.starts[index + 1]


def clause_first(ctx: Context, first: int, stop: int) -> int:
    """The first token of the last sentence in ``first..stop`` (razdel sometimes misses a
    boundary after a closing quote mark: "...", - сказал X. Новое предложение)."""
    for j in range(stop - 1, first, -1):
        if (ctx.lowers[j] in (".", "!", "?") and j + 1 < stop and not glued(ctx, j)
                and ctx.tokens[j + 1].text[:1].isupper() and not inside_marks(ctx, ctx.starts[j])):
            return j + 1
    return first


def nominative_after(ctx: Context, cue: int) -> int | None:
    """An inverted subject the parser missed: the first nominative noun after the cue."""
    sentence = ctx.sentence_tokens(cue)
    for j in range(cue + 1, min(cue + 8, sentence.stop)):
        if ctx.lowers[j] in (",", ".", ":", "«", "—", "–"):
            return None
        if ctx.pos(j) in ("NOUN", "PROPN", "PRON") and ctx.feats(j).get("Case") == "Nom":
            return j
    return None
