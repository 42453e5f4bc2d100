"""Gold readers: NEREL and FactRuEval corpus lines, and the quote and time-value gold sets.

Every reader returns plain frozen dataclasses; offsets are Python string indices into the
document text, end exclusive. A discontinuous mention keeps its ``fragments`` but is scored by its
outer ``start``/``end`` (the first fragment's start, the last one's end).

Corpus lines (one document per line, see ``DESCRIPTION`` in ``cli.py`` for the full formats)::

    NEREL       {"id", "text", "entities": [{"id","type","start","end","text","fragments"?}],
                 "relations": [{"id","type","head","tail"}]}
    FactRuEval  {"id", "text", "spans": [...], "entities": [{"id","type","start","end","text",
                 "fragments"}], "coref": [{"id","entity_ids","attrs"}], "facts": [{"id","type",
                 "slots": [...]}]}

Side gold sets, which point into a corpus by ``doc_id``::

    quotes      {"doc_id","kind","cue":{start,end}|null,"source":{start,end}|null,
                 "speaker":"canonical name"|null,"content":{start,end}}
    time values {"doc_id","start","end","type","value","mod"?,"anchor"}

A quote line without ``content`` (e.g. ``{"doc_id", "no_quotes": true}``), or a time line without
``start``, only marks its document as annotated (with nothing in it), so that predictions there
count as false positives. Other keys (``split``, ``text_len``) are ignored.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Offsets = tuple[int, int]

# NER labels the library predicts, from each corpus's types; other types are not scored for NER
NEREL_LABELS = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "CITY": "LOC",
    "COUNTRY": "LOC",
    "STATE_OR_PROVINCE": "LOC",
    "LOCATION": "LOC",
    "DISTRICT": "LOC",
}
FACTRU_LABELS = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NEREL_TIME_TYPES = frozenset({"DATE", "TIME"})
FACT_TYPES = ("Occupation", "Meeting", "Deal", "Ownership")


@dataclass(frozen=True)
class GoldEntity:
    """One annotated mention (NEREL and FactRuEval "entities" are mentions, not referents)."""

    id: str
    type: str  # the corpus's own type
    start: int
    end: int
    text: str
    fragments: tuple[Offsets, ...] = ()

    @property
    def label(self) -> str | None:
        """PER, ORG or LOC, or None for a type the NER scorer leaves out."""
        return NEREL_LABELS.get(self.type) or FACTRU_LABELS.get(self.type)

    @property
    def span(self) -> Offsets:
        return self.start, self.end


@dataclass(frozen=True)
class GoldRelation:
    type: str
    head: str  # entity id
    tail: str


@dataclass(frozen=True)
class GoldSlot:
    """One filled role of a fact: the texts and spans any of which a prediction may match."""

    role: str
    kind: str  # "obj" (an entity: its names and mentions) or "span" (a text span)
    texts: tuple[str, ...]
    spans: tuple[Offsets, ...]


@dataclass(frozen=True)
class GoldFact:
    id: str
    type: str
    slots: tuple[GoldSlot, ...]


@dataclass(frozen=True)
class GoldQuote:
    kind: str | None
    cue: Offsets | None
    source: Offsets | None
    speaker: str | None
    content: Offsets


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None


@dataclass
class GoldDocument:
    id: str
    text: str
    format: str  # "nerel", "factru", or "side" (a document known only from a side gold set)
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    coref: list[list[str]] = field(default_factory=list)  # entity ids, one list per referent
    facts: list[GoldFact] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    timexes: list[GoldTimex] = field(default_factory=list)
    published: str | None = None


# reading files


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """JSON objects, one a line; a line that is not an object raises ValueError naming it."""
    with open(path, encoding="utf-8-sig") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number} is not JSON ({error.msg})") from None
            if not isinstance(item, dict):
                raise ValueError(f"{path}:{number} is a JSON {type(item).__name__}, not an object")
            yield item


def sniff(path: str | Path) -> str:
    """The kind of a gold file, from its first line: nerel, factru, quotes, time or texts."""
    for item in read_jsonl(path):
        return line_kind(item)
    raise ValueError(f"{path} holds no JSON lines")


QUOTE_KEYS = frozenset({"content", "cue", "source", "speaker", "no_quotes"})


def line_kind(item: dict[str, Any]) -> str:
    if "doc_id" in item:
        return "quotes" if QUOTE_KEYS & item.keys() else "time"
    if "coref" in item or "spans" in item:
        return "factru"
    if "entities" in item or "relations" in item:
        return "nerel"
    return "texts"


def read_corpus(path: str | Path) -> list[GoldDocument]:
    """NEREL or FactRuEval documents (recognised line by line), or plain ``{"id","text"}`` lines."""
    documents = []
    for item in read_jsonl(path):
        kind = line_kind(item)
        if kind == "nerel":
            documents.append(nerel_document(item))
        elif kind == "factru":
            documents.append(factru_document(item))
        elif kind == "texts" and isinstance(item.get("text"), str):
            documents.append(
                GoldDocument(id=str(item.get("id")), text=item["text"], format="texts",
                             published=item.get("published"))
            )
        else:
            raise ValueError(f"{path}: a {kind} line is not a corpus document; see --help")
    return documents


def nerel_document(item: dict[str, Any]) -> GoldDocument:
    return GoldDocument(
        id=str(item["id"]),
        text=item["text"],
        format="nerel",
        entities=[_entity(entity) for entity in item.get("entities", [])],
        relations=[
            GoldRelation(type=relation["type"], head=relation["head"], tail=relation["tail"])
            for relation in item.get("relations", [])
        ],
        published=item.get("published"),
    )


def factru_document(item: dict[str, Any]) -> GoldDocument:
    entities = [_entity(entity) for entity in item.get("entities", [])]
    by_id = {entity.id: entity for entity in entities}
    facts = []
    for fact in item.get("facts", []):
        if fact["type"] not in FACT_TYPES:
            continue
        slots = tuple(
            slot for slot in (_slot(raw, by_id) for raw in fact["slots"]) if slot is not None
        )
        facts.append(GoldFact(id=str(fact["id"]), type=fact["type"], slots=slots))
    return GoldDocument(
        id=str(item["id"]),
        text=item["text"],
        format="factru",
        entities=entities,
        coref=[[str(id) for id in referent["entity_ids"]] for referent in item.get("coref", [])],
        facts=facts,
        published=item.get("published"),
    )


def _entity(raw: dict[str, Any]) -> GoldEntity:
    fragments = tuple((int(s), int(e)) for s, e in raw.get("fragments") or ())
    start, end = int(raw["start"]), int(raw["end"])
    if fragments:  # score by the outer span of all fragments
        start = min(start, *(s for s, _e in fragments))
        end = max(end, *(e for _s, e in fragments))
    return GoldEntity(id=str(raw["id"]), type=raw["type"], start=start, end=end,
                      text=raw.get("text", ""), fragments=fragments)


def _slot(raw: dict[str, Any], entities: dict[str, GoldEntity]) -> GoldSlot | None:
    """obj: the referent's normal name, its alternatives and its mentions; span: the span(s)."""
    kind = raw.get("kind")
    if kind == "obj":
        texts = tuple(dict.fromkeys([raw.get("text", ""), *raw.get("alternatives", [])]))
        spans = tuple(entities[id].span for id in raw.get("entity_ids", []) if id in entities)
        texts = tuple(text for text in texts if text)
        return GoldSlot(role=raw["role"], kind=kind, texts=texts, spans=spans)
    if kind == "span":
        options = raw.get("alternatives") or [raw]
        return GoldSlot(
            role=raw["role"],
            kind=kind,
            texts=tuple(dict.fromkeys(option["text"] for option in options)),
            spans=tuple(dict.fromkeys((option["start"], option["end"]) for option in options)),
        )
    return None  # "text" slots are attributes (Модальность, Фаза, Сложность, Type): not scored


def read_quotes(path: str | Path) -> dict[str, list[GoldQuote]]:
    """Quote gold by document id (every document named in the file, even with no quotes)."""
    quotes: dict[str, list[GoldQuote]] = {}
    for item in read_jsonl(path):
        doc_quotes = quotes.setdefault(str(item["doc_id"]), [])
        if item.get("content") is None:
            continue
        doc_quotes.append(
            GoldQuote(
                kind=item.get("kind"),
                cue=_offsets(item.get("cue")),
                source=_offsets(item.get("source")),
                speaker=item.get("speaker"),
                content=_offsets(item["content"]),
            )
        )
    return quotes


def read_time_values(path: str | Path) -> dict[str, list[GoldTimex]]:
    """Normalised time gold by document id (every document named in the file)."""
    timexes: dict[str, list[GoldTimex]] = {}
    for item in read_jsonl(path):
        doc_timexes = timexes.setdefault(str(item["doc_id"]), [])
        if item.get("start") is None:
            continue
        doc_timexes.append(
            GoldTimex(start=int(item["start"]), end=int(item["end"]), type=item["type"],
                      value=str(item["value"]), mod=item.get("mod"), anchor=item.get("anchor"))
        )
    return timexes


def attach(
    texts: Iterable[GoldDocument],
    *,
    quotes: dict[str, list[GoldQuote]] | None = None,
    timexes: dict[str, list[GoldTimex]] | None = None,
) -> list[GoldDocument]:
    """The documents of a side gold set, in its order, with texts from a corpus where it has them.

    A document the corpus lacks gets an empty text (fine when predictions are read from a file).
    Without a publication date, a time-value document is anchored on its most frequent gold
    ``anchor``, so that a pipeline run resolves relative dates against the same day.
    """
    corpus = {doc.id: doc for doc in texts}
    ids = list(quotes or timexes or {})
    documents = []
    for id in ids:
        known = corpus.get(id)
        doc = GoldDocument(id=id, text=known.text if known else "", format="side",
                           published=known.published if known else None)
        doc.quotes = list((quotes or {}).get(id, []))
        doc.timexes = list((timexes or {}).get(id, []))
        if doc.published is None:
            anchors = Counter(timex.anchor for timex in doc.timexes if timex.anchor)
            doc.published = anchors.most_common(1)[0][0] if anchors else None
        documents.append(doc)
    return documents


def _offsets(value: Any) -> Offsets | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return int(value["start"]), int(value["end"])
    start, end = value
    return int(start), int(end)
