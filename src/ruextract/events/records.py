"""Records: each event (and each occupation the relation stage found) as a sentence to read.

The summary keeps the article's own words and inflection: the trigger with its auxiliaries and
negation, and each argument's mention nearest the trigger (with its preposition), in text
order; the time goes last in parentheses, as a readable date ("конец февраля 2020"). Roles map
to canonical names: entity names, timex values, argument phrases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..document import Document
from ..records import Event, Record, Span
from ..statements import quote_records
from .lexicon import Lexicon
from .facts import OURS as FACT_TYPES
from .facts import event_facts, nearest_mention, ownership_facts
from .merge import merge_model_arguments

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]
MONTHS_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                     "сентябрь", "октябрь", "ноябрь", "декабрь"]
MODS = {"START": "начало", "MID": "середина", "END": "конец"}
MODALITY_NOTE = {"planned": "планировалось", "prevented": "предотвращено", "negated": "не произошло",
                 "reported": "по сообщению"}
KEPT_CHILDREN = {"aux", "aux:pass", "cop"}
# a word hanging on the trigger through one of these is in another clause
CLAUSE_LINKS = {"parataxis", "conj", "ccomp", "advcl", "acl:relcl", "csubj", "root"}
DAY_PARTS = {"MO": "утро", "AF": "день", "EV": "вечер", "NI": "ночь"}
RELATIVE_TIMES = {"PRESENT_REF": "сейчас", "PAST_REF": "в прошлом", "FUTURE_REF": "в будущем"}
CORE_ROLES = ("agent", "patient", "recipient", "participant")


def readable_time(value: str, mod: str | None = None) -> str:
    """TIMEX3 values as Russian dates: 2019-12-27 -> "27 декабря 2019", 2020-02 END -> "конец февраля 2020"."""
    if value in RELATIVE_TIMES:
        return RELATIVE_TIMES[value]
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|\d{2}:\d{2})", value)
    if match:  # a date with a part of the day or a clock time
        date, part = match.groups()
        return f"{readable_time(date)}, {DAY_PARTS.get(part, part)}"
    match = re.fullmatch(r"XXXX-(\d{2})-(\d{2})", value)
    if match:  # a day whose year the text does not say
        month, day = match.groups()
        return f"{int(day)} {MONTHS[int(month) - 1]}"
    match = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if match:
        return f"{int(match.group(2))}-я неделя {match.group(1)}"
    match = re.fullmatch(r"XXXX-(\d{2})", value)
    if match:
        return MONTHS_NOMINATIVE[int(match.group(1)) - 1]
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        year, month, day = match.groups()
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match:
        year, month = match.groups()
        if mod in MODS:
            return f"{MODS[mod]} {MONTHS[int(month) - 1]} {year}"
        return f"{MONTHS_NOMINATIVE[int(month) - 1]} {year}"
    if "/" in value:
        first, _slash, last = value.partition("/")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", last):
            return f"{readable_time(first)} – {readable_time(last)}"
    match = re.fullmatch(r"\d{4}", value)
    if match:
        return f"{MODS[mod] + ' ' if mod in MODS else ''}{value} год{'а' if mod in MODS else ''}"
    return value if re.fullmatch(r"[\d-]+", value) and "X" not in value else ""


class RecordStage:
    name = "records"
    requires = frozenset({"events", "entities", "tokens"})
    provides = frozenset({"records"})

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            merge_model_arguments(doc)
            # Meeting, Deal and Ownership facts beside the relation stage's (run again: ours are
            # replaced); Ownership reads the Occupations
            doc.facts = [fact for fact in doc.facts if fact.type not in FACT_TYPES] + event_facts(doc)
            doc.facts += ownership_facts(doc)
            records = event_records(doc) + quote_records(doc, readable_time) + occupation_records(doc)
            # in the order the text tells them
            doc.records = sorted(records, key=lambda record: min(
                (span.start for span in record.evidence), default=len(doc.text)))


def event_records(doc: Document, lexicon: Lexicon | None = None) -> list[Record]:
    """One record per event with an argument the summary can say (or a time); a bare trigger
    ("Инцидент", "Освободили") says nothing to read and gets no record."""
    lexicon = lexicon or _lexicon()
    builder = _Summary(doc, lexicon)
    records = []
    for event in doc.events:
        if not event.args and not event.arg_spans:
            continue
        summary, roles, time, place, evidence = builder.build(event)
        if summary is None:  # only the trigger's own words would be left: nothing to read
            continue
        core = sum(1 for role in roles if role in CORE_ROLES)
        records.append(Record(
            type=event.type, summary=summary, roles=roles, time=time, place=place,
            evidence=[Span(start=span.start, end=span.end, text=doc.text[span.start:span.end])
                      for span in _dedupe([event.trigger, *evidence]) if span.end > span.start],
            confidence=round(min(0.5 + 0.15 * core + (0.1 if time else 0.0), 0.95), 2),
        ))
    return records


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return Lexicon.load()


def _inflect(token, wanted: set[str]) -> str | None:
    """The token's word in other grammemes, by the parse that matches its part of speech and
    case (the morph vocabulary the entity stage shares); None when there is no such form."""
    word = _inflected(token.text.lower(), token.pos, token.feats.get("Case"), frozenset(wanted))
    if word is None:
        return None
    return word[:1].upper() + word[1:] if token.text[:1].isupper() else word


def _agreeing(token, head, wanted: set[str]) -> set[str]:
    """An adjective or participle takes its noun's gender and number ("массового убийства" ->
    "массовое убийство")."""
    if token is head or token.pos not in ("ADJ", "DET", "VERB"):
        return wanted
    number = head.feats.get("Number")
    if number == "Plur":
        return wanted | {"Plur"}
    gender = head.feats.get("Gender")
    return wanted | ({gender} if gender in ("Masc", "Fem", "Neut") else set())


APPOSED = frozenset({"appos", "flat", "flat:name", "flat:foreign"})  # agree with the noun they stand beside
EDGE_PUNCTUATION = " «»\"'“”„()[],;:—–-"
# the tagger's part of speech -> the morph vocabulary's for the same word ("Иван": PROPN -> NOUN)
DICTIONARY_POS = {"DET": "ADJ", "PROPN": "NOUN"}


@lru_cache(maxsize=4096)
def _inflected(text: str, pos: str | None, case: str | None, wanted: frozenset[str]) -> str | None:
    from ..resources import shared_resources

    for parse in shared_resources().morph_vocab.parse(text):
        if parse.pos not in (pos, DICTIONARY_POS.get(pos)) and not (
                pos == "VERB" and parse.feats.get("VerbForm") == "Part"):
            continue
        if case and parse.feats.get("Case") not in (case, None):
            continue
        form = parse.inflect(set(wanted))
        if form is not None:
            return form.word
    return None


@lru_cache(maxsize=1024)
def _noun_grammar(word: str) -> tuple[str | None, str | None]:
    """Number and gender of a noun by the morph vocabulary, its nominative reading first ("США":
    plural; "Россия": singular, feminine; "советник": singular, masculine); (None, None) when
    it has no noun reading."""
    from ..resources import shared_resources

    parses = [parse for parse in shared_resources().morph_vocab.parse(word.lower()) if parse.pos == "NOUN"] if word else []
    if not parses:
        return None, None
    parse = next((parse for parse in parses if parse.feats.get("Case") == "Nom"), parses[0])
    return parse.feats.get("Number"), parse.feats.get("Gender")


def _first_word(name: str) -> str:
    return (name.split() or [""])[0]


def _named_agreement(name: str, feats: dict) -> set[str] | None:
    """The grammemes a third-person verb needs to agree with a named organisation or place
    said as its subject (by its first word); None when it agrees already or the name's grammar
    is unknown."""
    number, gender = _noun_grammar(_first_word(name))
    if number is None or number == "Sing" and gender is None:
        return None
    if feats.get("Tense") == "Past":
        if feats.get("Number") == number and (number == "Plur" or feats.get("Gender") == gender):
            return None
        return {"Plur"} if number == "Plur" else {"Sing", gender}
    return None if feats.get("Number") == number else {"3", number}


class _Summary:
    """A record's sentence: the subject (a canonical name in the nominative), the predicate in the
    article's own words, the other arguments as the article inflects them, then (time; modality).

    An argument joins the sentence only in a form that is grammatical there: a name or phrase of
    the trigger's sentence with its preposition, or a canonical name where the nominative is
    right (the subject, a nominative mention). A pronoun in another case ("нам") and a name from
    another sentence stay in ``roles`` only.
    """

    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.starts = [token.start for token in doc.tokens]
        self.sentence_starts = [sentence.start for sentence in doc.sentences]
        self.entities = {entity.id: entity for entity in doc.entities}
        self.timexes = {timex.id: timex for timex in doc.timexes}
        self.events = {event.id: event for event in doc.events}

    def build(self, event: Event) -> tuple[str | None, dict[str, str], str | None, str | None, list[Span]]:
        doc = self.doc
        trigger_index = self._head(event.trigger)
        subject_role = self._subject_role(event, trigger_index)
        subject: Span | None = None
        pieces: list[Span] = [self._predicate(event, trigger_index, subject_role)]
        light = self._light_verb(trigger_index)
        roots = {trigger_index} | ({light} if light is not None else set())
        if light is not None and subject_role == "agent" and ("agent" in event.args or "agent" in event.arg_spans):
            said = _token_with_auxiliaries(doc, light)  # "рабочие устроили забастовку": the verb,
            noun = _trigger_with_auxiliaries(doc, event, self.starts)  # then its object as written
            text = noun.text
            if text[:1].isupper() and doc.tokens[trigger_index].pos != "PROPN":
                text = text[:1].lower() + text[1:]  # "Открытие сделали ...": it opened the sentence
            pieces[0] = Span(start=min(said.start, noun.start), end=max(said.end, noun.end),
                             text=f"{said.text} {text}")
        governor = self._governor(trigger_index)
        if governor is not None:  # "намерен сложить полномочия": not "Акихито сложить"
            said = _token_with_auxiliaries(doc, governor)
            predicate = pieces[0]
            pieces[0] = Span(start=said.start, end=predicate.end, text=f"{said.text} {predicate.text}")
            roots.add(governor)
        evidence: list[Span] = []
        roles: dict[str, str] = {}
        time = place = None
        said_in_trigger = False
        strays: list[tuple[Span, int]] = []
        for role, ref in event.args.items():
            if role == "time":
                if ref in self.timexes:
                    time = readable_time(self.timexes[ref].value, self.timexes[ref].mod) or None
                elif ref in self.entities:
                    time = self.entities[ref].name
                roles[role] = time or ref
                continue
            span = None
            if ref in self.entities:
                entity = self.entities[ref]
                roles[role] = entity.name
                if role == "place":
                    place = entity.name
                span = self._entity_piece(entity, event, role == subject_role)
            elif ref in self.events:
                other = self.events[ref]
                roles[role] = f"{other.type} «{other.trigger.text}»"
                if self._same_sentence(other.trigger.start, event.trigger.start):
                    span = other.trigger
            if span is None:
                continue
            evidence.append(span)
            if role == subject_role:
                subject = span
            elif self._attached(span, roots):
                piece = _with_preposition(doc, span, event.trigger, self.starts)
                holder = self._stray_oblique(span, roots) if piece == span else None
                if holder is not None:  # said only with the noun it hangs on ("дело Ивана Петрова"),
                    strays.append((piece, holder))  # not alone ("Веры Зиминой родилась дочь")
                    continue
                pieces.append(piece)
        for role, span in event.arg_spans.items():
            span = span if isinstance(span, Span) else Span(**span)
            roles.setdefault(role, span.text)
            evidence.append(span)
            if role == subject_role and event.trigger.start <= span.start and span.end <= event.trigger.end:
                said_in_trigger = True  # "пострадали 12 человек": the trigger's phrase says it
                continue
            if self._only_pronouns(span):
                continue  # "против тех, кто ...": a pronoun no antecedent replaced says nobody
            if role == subject_role:
                if subject is None and self._case(span) in ("Nom", None):
                    subject = span
                elif subject is None:  # "они" -> "наших партнёров": the phrase, in the nominative
                    subject = self._in_case(span, "Nom", pieces[0].start)
            elif self._same_sentence(span.start, event.trigger.start):  # found by the parse rules
                if subject_role is None and span.end <= event.trigger.start and not self._attached(span, roots):
                    continue  # "житель ... предстал перед судом": no "житель суд" for a noun
                pieces.append(_with_preposition(doc, span, event.trigger, self.starts))
            else:  # a pronoun's antecedent from an earlier sentence, in the pronoun's case and place
                pronoun = self._pronoun(trigger_index, role, subject_role)
                if pronoun is not None:
                    moved = self._in_case(span, doc.tokens[pronoun].feats.get("Case"), doc.tokens[pronoun].start)
                    if moved is not None:
                        pieces.append(moved)
        for piece, holder in strays:
            if any(other.start <= doc.tokens[holder].start < other.end for other in pieces):
                pieces.append(piece)
        if subject is None and governor is not None and subject_role:
            subject = self._governor_subject(governor)
        if subject is not None:  # the subject's words are not said twice
            pieces = [piece for piece in pieces if piece.end <= subject.start or piece.start >= subject.end
                      or piece.start == piece.end]
        said = subject is not None or len(_dedupe(pieces)) > 1 or said_in_trigger
        text = _join(doc, pieces, [subject] if subject is not None else [], [], event)
        notes = [time] if time else []  # an unreadable value ("XXXX-WXX-6") stays in roles only
        note = MODALITY_NOTE.get(event.modality)
        if event.modality == "negated" and re.search(r"\bне\b", text.lower()):
            note = None  # "не задержала" says it already
        if note:
            notes.append(note)
        if notes:
            text += f" ({'; '.join(notes)})"
        return (text if said or time else None), roles, time, place, evidence

    # reading the text

    def _token(self, offset: int) -> int:
        return min(bisect_left(self.starts, offset), max(len(self.starts) - 1, 0))

    def _head(self, span: Span) -> int:
        """The token of a span whose head lies outside it ("не задержала" -> "задержала")."""
        first, last = self._token(span.start), max(bisect_left(self.starts, span.end), self._token(span.start) + 1)
        for index in range(first, last):
            head = self.doc.tokens[index].head
            if head is None or not first <= head < last or head == index:
                return index
        return first

    def _same_sentence(self, a: int, b: int) -> bool:
        starts = self.sentence_starts
        return bool(starts) and bisect_right(starts, a) == bisect_right(starts, b)

    def _case(self, span: Span) -> str | None:
        """The case of a phrase's head (the first noun, name or pronoun in it)."""
        first, last = self._token(span.start), bisect_left(self.starts, span.end)
        for token in self.doc.tokens[first:max(last, first + 1)]:
            if token.pos in ("NOUN", "PROPN", "PRON", "NUM"):  # "два террориста": the numeral's case
                return token.feats.get("Case")
        return None

    def _stray_oblique(self, span: Span, roots: set[int]) -> int | None:
        """The noun a name of the article in an oblique case hangs on, when that is not the
        trigger and the name has no preposition of its own: said without that noun it would
        read as another role. None for any other span."""
        if self.doc.text[span.start:span.end] != span.text:
            return None
        token = self.doc.tokens[self._token(span.start)]
        if token.feats.get("Case") in (None, "Nom", "Acc"):
            return None
        head = token.head
        while head is not None and span.start <= self.doc.tokens[head].start < span.end:
            head = self.doc.tokens[head].head  # out of the name ("Веры Зиминой")
        if head is None or head in roots or self.doc.tokens[head].pos not in ("NOUN", "PROPN"):
            return None
        return head

    def _only_pronouns(self, span: Span) -> bool:
        """A phrase of the article made of pronouns and determiners only ("тех", "этого")."""
        if self.doc.text[span.start:span.end] != span.text:
            return False
        first, last = self._token(span.start), bisect_left(self.starts, span.end)
        words = [token for token in self.doc.tokens[first:max(last, first + 1)] if token.pos != "PUNCT"]
        return bool(words) and all(token.pos in ("PRON", "DET") for token in words)

    def _pronoun(self, index: int, role: str, subject_role: str | None) -> int | None:
        """The pronoun that stands for a role's phrase among the trigger's dependents."""
        rels = {"patient": ("obj", "nsubj:pass"), "recipient": ("iobj", "obl"), "agent": ("nsubj",)}.get(role, ())
        for position in range(max(index - 6, 0), min(index + 6, len(self.doc.tokens))):
            token = self.doc.tokens[position]
            if token.head == index and token.pos == "PRON" and token.rel in rels:
                return position
        return None

    def nominative(self, span: Span, singular: bool = False) -> str:
        """A phrase of the article in the nominative where it can be put there, else as written;
        quote marks, brackets and dashes at its edges left out. ``singular``: one person's
        ("советниками президента" -> "советник президента")."""
        moved = None
        if self._case(span) not in ("Nom", None) or singular:
            moved = self._in_case(span, "Nom", span.start, singular)
        return (moved.text if moved is not None else span.text).strip(EDGE_PUNCTUATION) or span.text

    def _in_case(self, span: Span, case: str | None, at: int, singular: bool = False) -> Span | None:
        """A phrase with its head and the words agreeing with it put in another case ("наших
        партнёров" -> "наши партнёры"), and with ``singular`` in the singular, placed at ``at``;
        None when a numeral would need to change or a word has no such form."""
        if not case or self.doc.text[span.start:span.end] != span.text:
            return None
        first, last = self._token(span.start), max(bisect_left(self.starts, span.end), self._token(span.start) + 1)
        tokens = self.doc.tokens[first:last]
        own = self._case(span)
        plural = singular and any(token.pos in ("NOUN", "PROPN", "PRON") and token.feats.get("Number") == "Plur"
                                  for token in tokens[:1 + next((n for n, token in enumerate(tokens)
                                                                 if token.pos in ("NOUN", "PROPN", "PRON")), 0)])
        if own == case and not plural:
            return Span(start=at, end=at, text=span.text)
        if any(token.pos == "NUM" for token in tokens) or own is None:
            return None
        head_at = next(n for n, token in enumerate(tokens) if token.pos in ("NOUN", "PROPN", "PRON"))
        head = tokens[head_at]
        if case == "Acc" and head.feats.get("Animacy") == "Anim" and (
                head.feats.get("Number") == "Plur" or head.feats.get("Gender") == "Masc"):
            case = "Gen"  # an animate accusative has the genitive's form ("американского гражданина")
        head_single = _inflect(head, {case, "Sing"}) if plural else None
        if plural and head_single is None:
            return None
        words, position = [], span.start
        for number, token in enumerate(tokens):
            words.append(self.doc.text[position:token.start])
            form = token.text
            # the head, the words agreeing with it before it, and a name beside it ("президента
            # Владимира Путина"); not its complements ("министра иностранных дел")
            agreeing = (token.pos in ("NOUN", "PROPN", "ADJ", "DET", "PRON") or token.feats.get("VerbForm") == "Part") and (
                number <= head_at or token.rel in APPOSED)
            if token.feats.get("Case") == own and agreeing and plural:
                form = _inflect(token, {case, "Sing"} if token is head else {case, "Sing", _noun_grammar(head_single)[1] or "Masc"})
                if form is None:
                    return None
            elif token.feats.get("Case") == own and agreeing:
                form = _inflect(token, _agreeing(token, head, {case}))
                if form is None:
                    return None
            words.append(form)
            position = token.end
        return Span(start=at, end=at, text="".join(words).strip())

    def _attached(self, span: Span, roots: set[int]) -> bool:
        """A piece of the article joins the sentence only when it depends on the trigger (or its
        light verb): another clause's words would not read."""
        if span.start == span.end:  # a name standing in for the pronoun at ``start``: the pronoun's place
            first = self._token(span.start)
            last = first + 1
        elif self.doc.text[span.start:span.end] != span.text:
            return False
        else:
            first, last = self._token(span.start), bisect_left(self.starts, span.end)
        tokens = self.doc.tokens
        for position in range(first, max(last, first + 1)):
            current, steps = position, 0
            while current is not None and steps < 4:
                if current in roots:
                    return True
                if tokens[current].rel in CLAUSE_LINKS:
                    break
                head = tokens[current].head
                current, steps = (head if head != current else None), steps + 1
        return False

    def _predicate(self, event: Event, index: int, subject_role: str | None) -> Span:
        """The trigger as the article has it; a noun in the nominative ("теракты"), a first- or
        second-person verb in the third person (its subject becomes a name)."""
        span = _trigger_with_auxiliaries(self.doc, event, self.starts)
        if not self.doc.tokens:
            return span
        first, last = self._token(span.start), bisect_left(self.starts, span.end)
        token = self.doc.tokens[index]
        wanted = None
        if token.pos in ("NOUN", "PROPN") and token.feats.get("Case") not in (None, "Nom"):
            wanted, case = {"Nom"}, token.feats.get("Case")
        elif token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin" and subject_role:
            wanted, case = self._agreement(event, index, subject_role), None
        if wanted is None:
            return span
        words, changed = [], False
        position = span.start
        for member in range(first, max(last, first + 1)):
            other = self.doc.tokens[member]
            words.append(self.doc.text[position:other.start])
            form = None
            if case is None and member == index or case is not None and other.feats.get("Case") == case and (
                    other.pos in ("NOUN", "PROPN", "ADJ", "DET") or other.feats.get("VerbForm") == "Part"
            ) and member <= index:  # "вооруженном инциденте" -> "вооружённый инцидент"; not "протеста" of "акций протеста"
                form = _inflect(other, _agreeing(other, token, wanted))
            words.append(form or other.text)
            changed = changed or form is not None
            position = other.end
        if not changed:
            return span
        return Span(start=span.start, end=span.end, text="".join(words).strip())

    def _agreement(self, event: Event, index: int, subject_role: str) -> set[str] | None:
        """The grammemes a finite verb needs when its subject "мы", "я" or a coordination becomes
        one name: "мы сотрудничаем" -> "Иван Петров сотрудничает", "мы доставили" -> "...
        доставил", "Петров и Смирнова переехали" -> "Иван Петров переехал"."""
        verb = self.doc.tokens[index]
        verbs = {index} | ({verb.head} if verb.rel == "conj" and verb.head is not None else set())
        pronoun = next((other for other in self.doc.tokens[max(min(verbs) - 6, 0):index + 6]
                        if other.head in verbs and other.rel == "nsubj" and other.pos == "PRON"
                        and other.feats.get("Person") in ("1", "2")), None)
        entity = self.entities.get(event.args.get(subject_role, ""))
        if pronoun is None and entity is not None and entity.type != "PER" and verb.feats.get("Person") != "1":
            return _named_agreement(entity.name, verb.feats)  # "Американская сторона предоставляла" -> "США предоставляли"
        person = entity is not None and (
            entity.type == "PER" or _noun_grammar(_first_word(entity.name))[0] == "Sing")
        if pronoun is None and verb.feats.get("Person") not in ("1", "2") and not (
                person and verb.feats.get("Number") == "Plur"):
            return None  # "Иван Петров и Анна Смирнова переехали": one person said, one verb form
        if verb.feats.get("Tense") == "Past":
            return {"Sing", self._gender(entity)} if person and verb.feats.get("Number") == "Plur" else None
        return {"3", "Sing"} if person else {"3"}

    def _gender(self, entity) -> str:
        for mention in entity.mentions:
            if mention.kind == "name":
                token = self.doc.tokens[self._token(mention.start)]
                if token.feats.get("Gender") in ("Masc", "Fem", "Neut"):
                    return token.feats["Gender"]
        return "Masc"

    def _subject_role(self, event: Event, index: int) -> str | None:
        """The role the summary opens with, in the nominative: the agent of an active verb (the
        patient of "умер", of a passive), none for a nominal trigger without a light verb."""
        if not self.doc.tokens:
            return None
        token = self.doc.tokens[index]
        type = self.lexicon.types.get(event.type)
        if token.feats.get("VerbForm") == "Part" and token.rel in ("acl", "amod"):
            return None  # "родившийся в Москве Акихито": read in the article's order
        if token.pos in ("VERB", "AUX"):
            passive = token.feats.get("Voice") == "Pass" or any(
                other.head == index and other.rel in ("aux:pass", "nsubj:pass") for other in self.doc.tokens[
                    max(index - 4, 0):index + 5])
            return "patient" if passive else (type.subject if type else "agent")
        if self._light_verb(index) is not None:
            return "agent"
        return None

    def _governor(self, index: int) -> int | None:
        """The verb or short adjective an infinitive trigger completes ("намерен", "решил",
        "планирует"), which the sentence needs to read."""
        token = self.doc.tokens[index] if self.doc.tokens else None
        if token is None or token.feats.get("VerbForm") != "Inf" or token.rel != "xcomp":
            return None
        head = token.head
        if head is None or head == index or not 0 <= head < len(self.doc.tokens):
            return None
        governor = self.doc.tokens[head]
        if governor.pos not in ("VERB", "AUX", "ADJ") or governor.feats.get("VerbForm") in ("Part", "Conv"):
            return None  # "позволяющий сложить": a participle's clause would not read
        return head

    def _governor_subject(self, governor: int) -> Span | None:
        """The subject of the verb an infinitive completes: an entity's name ("Правительство
        решило передать"), else a common noun in the nominative ("Террористы хотели взорвать")."""
        for position in range(max(governor - 8, 0), min(governor + 8, len(self.doc.tokens))):
            token = self.doc.tokens[position]
            if token.head != governor or token.rel != "nsubj":
                continue
            for entity in self.doc.entities:
                for mention in entity.mentions:
                    if mention.start <= token.start < mention.end and mention.kind in ("name", "descriptor"):
                        return Span(start=mention.start, end=mention.start, text=entity.name)
            if token.pos == "NOUN" and token.feats.get("Case") == "Nom":  # "Террористы хотели ..."
                return Span(start=token.start, end=token.end, text=token.text)
        return None

    def _light_verb(self, index: int) -> int | None:
        if not self.doc.tokens:
            return None
        token = self.doc.tokens[index]
        head = token.head
        if token.pos not in ("NOUN", "PROPN") or token.rel not in ("obj",) or head is None or head == index:
            return None
        if not 0 <= head < len(self.doc.tokens):
            return None
        lemma = (self.doc.tokens[head].lemma or "").lower()
        return head if lemma in self.lexicon.light and self.doc.tokens[head].pos in ("VERB", "AUX") else None

    def _entity_piece(self, entity, event: Event, is_subject: bool) -> Span | None:
        mention = nearest_mention(entity, event.trigger.start)
        here = mention is not None and self._same_sentence(mention.start, event.trigger.start)
        if not here:
            # a name from elsewhere is grammatical only as the subject, in the nominative
            return Span(start=event.trigger.start, end=event.trigger.start, text=entity.name) if is_subject else None
        if mention.kind == "name":
            if is_subject and self._case(mention) not in ("Nom", None):
                return Span(start=mention.start, end=mention.start, text=entity.name)
            return Span(start=mention.start, end=mention.end, text=mention.text)
        # "я", "российский лидер": say who, where the nominative is right
        if is_subject or self._case(mention) == "Nom":
            return Span(start=mention.start, end=mention.start, text=entity.name)
        if mention.kind == "descriptor":
            return Span(start=mention.start, end=mention.end, text=mention.text)
        # "его застрелила": a name of the referent said elsewhere in the pronoun's case, after the
        # pronoun's preposition ("у него" -> "у Ивана Петрова")
        case = self._case(mention)
        pronoun = self._token(mention.start)
        before = self.doc.tokens[pronoun - 1] if pronoun > 0 else None
        prep = before.text + " " if before is not None and before.pos == "ADP" and before.head == pronoun else ""
        at = before.start if prep else mention.start
        names = [other for other in entity.mentions if other.kind == "name"]
        for other in names:
            if case and self._case(other) == case:
                return Span(start=at, end=at, text=prep + other.text)
        for other in names:  # else a name put in that case ("Габриэл Уортман" -> "Габриэла Уортмана")
            moved = self._in_case(Span(start=other.start, end=other.end, text=other.text), case, at)
            if moved is not None:
                return Span(start=at, end=at, text=prep + moved.text)
        return None


def occupation_records(doc: Document, lexicon: Lexicon | None = None) -> list[Record]:
    """"Пьер Дюран — глава французского концерна": the position said in the nominative (the
    article's "главой французского концерна"), without the quote marks or brackets at its edges."""
    entities = {entity.id: entity for entity in doc.entities}
    builder = _Summary(doc, lexicon or _lexicon())
    records = []
    for fact in doc.facts:
        if fact.type != "Occupation":
            continue
        who = entities.get(fact.args.get("Who", ""))
        if who is None:
            continue
        where = entities.get(fact.args.get("Where", ""))
        position = fact.slots["Position"]
        said = builder.nominative(position, singular=True)
        first = doc.tokens[builder._token(position.start)] if doc.tokens else None
        if first is not None and first.pos != "PROPN" and said[:2].istitle():
            said = said[:1].lower() + said[1:]  # "Бывший президент" opening its sentence
        roles = {"Who": who.name, "Position": said}
        summary = f"{who.name} — {roles['Position']}"
        if where is not None:
            roles["Where"] = where.name
            if where.name.lower() not in roles["Position"].lower():
                summary += f" ({where.name})"
        records.append(Record(type="Occupation", summary=summary, roles=roles,
                              place=None, evidence=[position], confidence=round(fact.confidence, 2)))
    return records


def _trigger_with_auxiliaries(doc: Document, event: Event, starts: list[int]) -> Span:
    start, end = event.trigger.start, event.trigger.end
    index = bisect_left(starts, start)
    span = _token_with_auxiliaries(doc, index) if index < len(doc.tokens) else event.trigger
    start = min(start, span.start)
    return Span(start=start, end=end, text=doc.text[start:end])


def _token_with_auxiliaries(doc: Document, index: int) -> Span:
    """A verb with the auxiliaries and negation just before it ("не были задержаны")."""
    start, end = doc.tokens[index].start, doc.tokens[index].end
    for position in range(max(index - 3, 0), index):
        other = doc.tokens[position]
        if other.head == index and (other.rel in KEPT_CHILDREN or (other.lemma or "") == "не"):
            start = min(start, other.start)
            break
    return Span(start=start, end=end, text=doc.text[start:end])


def _with_preposition(doc: Document, span: Span, trigger: Span, starts: list[int]) -> Span:
    """The span with the preposition before it ("в армянском Гаваре"), when the span depends on
    the trigger's clause."""
    if doc.text[span.start:span.end] != span.text:  # a name standing in for a pronoun
        return span
    index = bisect_left(starts, span.start)
    first = index
    while first > 0 and index - first < 2 and doc.tokens[first - 1].pos in ("ADJ", "DET") \
            and doc.tokens[first - 1].head is not None and index <= doc.tokens[first - 1].head:
        first -= 1  # adjectives of the span's noun between it and the preposition
    last = bisect_left(starts, span.end)
    trigger_index = bisect_left(starts, trigger.start)
    governors = {trigger_index, doc.tokens[trigger_index].head if trigger_index < len(doc.tokens) else None}
    if 1 < first < len(doc.tokens) and doc.tokens[first - 1].pos == "NOUN" and doc.tokens[first - 2].pos == "ADP" \
            and first - 1 != trigger_index and doc.tokens[first - 1].head in governors \
            and any(doc.tokens[member].head == first - 1 for member in range(first, last)):
        start = doc.tokens[first - 2].start  # "в руки официальных лиц": the phrase it hangs on
        return Span(start=start, end=span.end, text=doc.text[start:span.end])
    end = span.end
    if 1 < first < len(doc.tokens) and doc.tokens[first - 1].text in "«„\"" and doc.tokens[first - 2].pos == "ADP" \
            and last < len(doc.tokens) and doc.tokens[last].text in "»“\"":
        first -= 1  # в «Зенит»: the name in marks, the preposition before them
        end = doc.tokens[last].end
    if not 0 < first < len(doc.tokens) or doc.tokens[first - 1].pos != "ADP":
        return span
    heads = {doc.tokens[member].head for member in range(first, last)}
    heads |= {doc.tokens[head].head for head in heads if head is not None and 0 <= head < len(doc.tokens)}
    if not heads & governors:  # the phrase depends on the trigger's clause (or on its argument)
        return span
    start = doc.tokens[first - 1].start
    return Span(start=start, end=end, text=doc.text[start:end])


def _dedupe(spans: list[Span]) -> list[Span]:
    seen, out = set(), []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span)
    return out


def _join(doc: Document, pieces: list[Span], before: list[Span], after: list[Span], event: Event) -> str:
    """The subject (``before``) opens the sentence, then the predicate (``pieces[0]``) when there
    is a subject, then the other pieces in the article's order."""
    if before and pieces:
        predicate = pieces[0]
        rest = [span for span in pieces[1:] if span.end <= predicate.start or span.start >= predicate.end]
        return _said(doc, [*before, predicate, *_ordered(doc, rest), *after], event)
    return _said(doc, [*before, *_ordered(doc, pieces), *after], event)


def _ordered(doc: Document, pieces: list[Span]) -> list[Span]:
    """Pieces in text order; one nested in or overlapping the previous joins it."""
    kept: list[Span] = []
    for span in sorted(_dedupe(pieces), key=lambda span: (span.start, -span.end)):
        if kept and span.start < kept[-1].end:
            if span.end > kept[-1].end and doc.text[kept[-1].start:kept[-1].end] == kept[-1].text:
                kept[-1] = Span(start=kept[-1].start, end=span.end, text=doc.text[kept[-1].start:span.end])
            continue
        kept.append(span)
    return kept


def _said(doc: Document, spans: list[Span], event: Event) -> str:
    words = []
    for number, span in enumerate(spans):
        text = " ".join(span.text.split())
        first_word = text.split(" ", 1)[0]
        if number and _opens_sentence(doc, span) and text[:1].isupper() and (
                len(first_word) == 1 or first_word[1:].islower()):
            text = text[:1].lower() + text[1:]  # "Благодаря ...", "В Тольятти" inside the summary
        words.append(text)
    text = " ".join(word for word in words if word)
    return text[:1].upper() + text[1:] if text else event.type


def _opens_sentence(doc: Document, span: Span) -> bool:
    if doc.text[span.start:span.end] != span.text:
        return False
    for sentence in doc.sentences:
        if sentence.start == span.start:
            index = sentence.tokens[0]
            return doc.tokens[index].pos != "PROPN"
    return False
