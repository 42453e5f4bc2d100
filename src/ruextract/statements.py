"""Who said what, as records: one ``QUOTE`` record per quote whose speaker is known.

The summary keeps the article's words: the speaker's canonical name, the cue verb as the text
inflects it, and the content ("Владимир Путин пояснил: «Мы сотрудничаем с Соединенными
Штатами…»"; indirect: "Глава МИД заявил, что ..."). A cue that is no verb (по словам, как
сообщает) gives "Name: «content»". The time is the date expression nearest the cue in the
attribution's sentence, outside the content ("заявил 5 мая").
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from .document import Document, Token
from .records import Entity, Quote, Record, Span, Timex

MAX_CONTENT = 200  # characters of content in a summary; the evidence keeps the whole span
SPEECH_POS = {"VERB", "AUX"}
NON_FINITE = {"Conv", "Inf", "Part"}  # gerunds, infinitives, participles: said in the past tense


def quote_records(doc: Document, readable_time=None) -> list[Record]:
    """Records for the document's attributed quotes, in text order. ``readable_time(value,
    mod)`` renders a timex value for people (default: the value itself)."""
    entities = {entity.id: entity for entity in doc.entities}
    starts = [token.start for token in doc.tokens]
    records = []
    for quote in doc.quotes:
        speaker = entities.get(quote.speaker or "")
        if speaker is None:
            continue
        content = _shortened(" ".join(quote.content.text.split()))
        verb = _cue_verb(doc, starts, quote, speaker)
        name = speaker.name[:1].upper() + speaker.name[1:]  # labels are lower case: "полиция Армении"
        if quote.kind != "direct":  # indirect, or mixed: the content keeps its own quote marks
            opening = _token_at(doc, starts, quote.content.start)
            if verb and not (opening and opening.pos == "PROPN"):  # "сообщила, что полиция задержала"
                content = content[:1].lower() + content[1:]
            said = f"{name} {verb}{_linked(doc, starts, quote)}{content}" if verb else f"{name}: {content}"
        else:
            said = f"{name} {verb}: «{content}»" if verb else f"{name}: «{content}»"
        timex = _statement_time(doc, quote)
        time = None
        if timex is not None:
            time = readable_time(timex.value, timex.mod) if readable_time else timex.value
        evidence = [span for span in (quote.cue, quote.source, quote.content) if span is not None]
        records.append(Record(
            type="QUOTE",
            summary=said + (f" ({time})" if time else ""),
            roles={"speaker": speaker.name, "content": quote.content.text},
            time=time,
            evidence=[Span(start=span.start, end=span.end, text=span.text) for span in evidence],
            # a named source in the attribution is surer than a speaker found by resolution
            confidence=0.9 if quote.source is not None else 0.7,
        ))
    return records


def _linked(doc: Document, starts: list[int], quote: Quote) -> str:
    """What joins a speech verb to its indirect content: ", что " for a clause, ", чтобы " for a
    чтобы-request, a space for a request or promise in the infinitive ("пообещал уйти")."""
    opening = _token_at(doc, starts, quote.content.start)
    before = _token_at(doc, starts, quote.content.start - 1) if quote.content.start else None
    if before is not None and before.text.lower() == "чтобы" and before.end <= quote.content.start:
        return ", чтобы "
    if opening is not None and opening.text.lower() == "не":
        opening = _token_at(doc, starts, opening.end + 1)
    if opening is not None and opening.feats.get("VerbForm") == "Inf":
        return " "
    return ", что "


def _shortened(text: str) -> str:
    if len(text) <= MAX_CONTENT:
        return text
    cut = text.rfind(" ", 0, MAX_CONTENT)
    return text[: cut if cut > MAX_CONTENT // 2 else MAX_CONTENT].rstrip(",;:—– ") + "…"


def _token_at(doc: Document, starts: list[int], offset: int) -> Token | None:
    """The token at a character offset (``starts``: the tokens' start offsets)."""
    index = bisect_right(starts, offset) - 1
    return doc.tokens[index] if index >= 0 else None


def _cue_verb(doc: Document, starts: list[int], quote: Quote, speaker: Entity) -> str | None:
    """The cue as the text writes it when it is a verb phrase (заявил, пояснила, выразил
    уверенность); None for prepositional cues (по словам, по данным, как сообщает)."""
    cue = quote.cue
    token = None if cue is None else _token_at(doc, starts, cue.start)
    if token is None or token.pos not in SPEECH_POS:
        return None
    if token.feats.get("Tense") == "Pres" and (token.lemma or "").endswith(("ся", "сь")):
        return None  # impersonal "говорится", "сообщается": no verb of the speaker's
    text = " ".join(cue.text.split())
    if token.feats.get("VerbForm") in NON_FINITE:  # указав, что ... -> указал
        past = _past(token.lemma or token.text.lower(), _speaker_grams(doc, starts, quote, speaker))
        if past is None:
            return None
        text = past + text[len(token.text):] if text.startswith(token.text) else past
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text.isupper() else text


def _speaker_grams(doc: Document, starts: list[int], quote: Quote, speaker: Entity) -> frozenset[str]:
    """Past-tense agreement with the source mention (else the speaker's first name mention):
    plural, feminine, else masculine."""
    mention = quote.source or next((m for m in speaker.mentions if m.kind == "name"), None)
    token = None if mention is None else _token_at(doc, starts, mention.start)
    if token is not None:
        if token.feats.get("Number") == "Plur":
            return frozenset({"VERB", "past", "plur"})
        if token.feats.get("Gender") == "Fem":
            return frozenset({"VERB", "past", "femn"})
    return frozenset({"VERB", "past", "masc"})


@lru_cache(maxsize=1024)
def _past(lemma: str, grams: frozenset[str]) -> str | None:
    """A verb's past tense from its infinitive (pymorphy3 grammemes)."""
    from pymorphy3.analyzer import Parse

    from .resources import shared_resources

    for parse in shared_resources().morph_vocab.parse(lemma):
        if parse.tag.POS == "INFN":
            form = Parse.inflect(parse, set(grams))
            return form.word if form is not None else None
    return None


def _statement_time(doc: Document, quote: Quote) -> Timex | None:
    """The date nearest the cue in the cue's sentence, outside the quote's content."""
    anchor = quote.cue or quote.source
    if anchor is None:
        return None
    sentence = next((s for s in doc.sentences if s.start <= anchor.start < s.end), None)
    if sentence is None:
        return None
    content = quote.content
    candidates = [
        timex for timex in doc.timexes
        if timex.type in ("DATE", "TIME") and sentence.start <= timex.start and timex.end <= sentence.end
        and (timex.end <= content.start or timex.start >= content.end)
    ]
    return min(candidates, key=lambda timex: abs(timex.start - anchor.start), default=None)
