"""Flat tables for notebooks: one pandas DataFrame per kind of record, each row with its document id.

    >>> tables = ruextract.tables.to_pandas(nlp.pipe(texts))
    >>> tables["quotes"].groupby("speaker_name").size().sort_values()

Kinds: documents, entities, mentions, quotes, timexes, events, event_args, relations, records.
Takes ``Document`` objects or the contract's output dicts (e.g. lines of a JSONL output, or rows
of a Parquet output with its lists as JSON strings). A relation's head and tail names are entity
names, timex values or value texts (positions, ages).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .document import Document

KINDS = (
    "documents", "entities", "mentions", "quotes", "timexes", "events", "event_args",
    "relations", "records",
)


def rows(docs: Iterable[Document | dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The tables as lists of plain dicts (no pandas needed)."""
    tables: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for doc in docs:
        output = doc.output() if isinstance(doc, Document) else _parsed(doc)
        doc_id = output["id"]
        error = output.get("error") or {}
        tables["documents"].append({
            "doc_id": doc_id, "published": output.get("published"),
            "error_type": error.get("type"), "error_message": error.get("message"),
            **{f"n_{kind}": len(output.get(kind) or []) for kind in
               ("entities", "quotes", "timexes", "events", "relations")},
        })
        names = {entity["id"]: entity["name"] for entity in output.get("entities") or []}
        names.update({timex["id"]: timex["value"] for timex in output.get("timexes") or []})
        names.update({value["id"]: value["text"] for value in output.get("values") or []})
        for entity in output.get("entities") or []:
            tables["entities"].append({
                "doc_id": doc_id, "entity_id": entity["id"], "type": entity["type"],
                "name": entity["name"], "n_mentions": len(entity["mentions"]),
                "aliases": entity.get("aliases", []),
                "roles": [role["text"] for role in entity.get("roles", [])],
            })
            for mention in entity["mentions"]:
                tables["mentions"].append({
                    "doc_id": doc_id, "entity_id": entity["id"], "entity_type": entity["type"],
                    "entity_name": entity["name"], **mention,
                })
        for quote in output.get("quotes") or []:
            cue, source, content = quote.get("cue") or {}, quote.get("source") or {}, quote["content"]
            tables["quotes"].append({
                "doc_id": doc_id, "quote_id": quote["id"], "kind": quote["kind"],
                "speaker_id": quote.get("speaker"), "speaker_name": names.get(quote.get("speaker")),
                "cue": cue.get("text"), "cue_lemma": cue.get("lemma"), "source": source.get("text"),
                "content": content["text"], "start": content["start"], "end": content["end"],
                "about": quote.get("about", []),
            })
        for timex in output.get("timexes") or []:
            interval = timex.get("interval") or [None, None]
            tables["timexes"].append({
                "doc_id": doc_id, "timex_id": timex["id"], "start": timex["start"],
                "end": timex["end"], "text": timex["text"], "type": timex["type"],
                "value": timex["value"], "mod": timex.get("mod"), "first_day": interval[0],
                "last_day": interval[1], "anchor": timex.get("anchor"),
            })
        for event in output.get("events") or []:
            trigger = event["trigger"]
            tables["events"].append({
                "doc_id": doc_id, "event_id": event["id"], "type": event["type"],
                "trigger": trigger["text"], "start": trigger["start"], "end": trigger["end"],
                "modality": event.get("modality"), "args": json.dumps(event.get("args", {}),
                                                                      ensure_ascii=False),
            })
            for role, target in (event.get("args") or {}).items():
                tables["event_args"].append({
                    "doc_id": doc_id, "event_id": event["id"], "event_type": event["type"],
                    "role": role, "target_id": target, "target_name": names.get(target),
                })
        for relation in output.get("relations") or []:
            evidence = relation.get("evidence") or {}
            tables["relations"].append({
                "doc_id": doc_id, "type": relation["type"], "head_id": relation["head"],
                "head_name": names.get(relation["head"]), "tail_id": relation["tail"],
                "tail_name": names.get(relation["tail"]), "evidence": evidence.get("text"),
            })
        for record in output.get("records") or []:
            tables["records"].append({
                "doc_id": doc_id, "type": record["type"], "summary": record["summary"],
                "time": record.get("time"), "place": record.get("place"),
                "confidence": record.get("confidence"), "roles": dict(record.get("roles") or {}),
            })
    return tables


def to_pandas(docs: Iterable[Document | dict[str, Any]]) -> dict[str, Any]:
    """``{kind: DataFrame}`` for every kind, empty tables included (with their columns)."""
    try:
        import pandas
    except ImportError:
        raise ImportError("tables need pandas: pip install 'ruextract[corpus]'") from None
    return {
        kind: pandas.DataFrame(table if table else None, columns=None if table else COLUMNS[kind])
        for kind, table in rows(docs).items()
    }


def _parsed(output: dict[str, Any] | str) -> dict[str, Any]:
    return json.loads(output) if isinstance(output, str) else output


COLUMNS = {
    "documents": ["doc_id", "published", "error_type", "error_message", "n_entities", "n_quotes",
                  "n_timexes", "n_events", "n_relations"],
    "entities": ["doc_id", "entity_id", "type", "name", "n_mentions", "aliases", "roles"],
    "mentions": ["doc_id", "entity_id", "entity_type", "entity_name", "start", "end", "text",
                 "kind"],
    "quotes": ["doc_id", "quote_id", "kind", "speaker_id", "speaker_name", "cue", "cue_lemma",
               "source", "content", "start", "end"],
    "timexes": ["doc_id", "timex_id", "start", "end", "text", "type", "value", "mod",
                "first_day", "last_day", "anchor"],
    "events": ["doc_id", "event_id", "type", "trigger", "start", "end", "modality", "args"],
    "event_args": ["doc_id", "event_id", "event_type", "role", "target_id", "target_name"],
    "relations": ["doc_id", "type", "head_id", "head_name", "tail_id", "tail_name", "evidence"],
    "records": ["doc_id", "type", "summary", "time", "place", "confidence", "roles"],
}
