"""A document as HTML for notebooks (``Document._repr_html_``), ipymarkup-style, offline.

Entities are coloured boxes labelled with their type and canonical name, time expressions carry
their normalised value, event triggers their type and modality, and quote contents are underlined
and prefixed with their speaker. Inline CSS only: no CDN, no JavaScript. Overlapping annotations
are drawn by cutting the text at every boundary and nesting a span for each active layer in each
piece, so the HTML is always well formed.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

COLOURS = {"PER": "#fde2e2", "LOC": "#dff3e3", "ORG": "#e2e8fd", "TIME": "#fff3c4",
           "EVENT": "#f1e2fd"}
LABEL = "font-size:0.7em;color:#555;margin-left:2px;vertical-align:super"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: int  # outer (quotes) to inner (entities): the order spans nest in
    style: str
    label: str = ""  # shown after the mark's end
    prefix: str = ""  # shown before the mark's start


def marks(doc: Document) -> list[Mark]:
    names = {entity.id: entity.name for entity in doc.entities}
    found = []
    for quote in doc.quotes:
        speaker = names.get(quote.speaker or "", "?")
        found.append(Mark(quote.content.start, quote.content.end, 0,
                          "text-decoration:underline;text-decoration-color:#c06;",
                          prefix=f"{speaker} →"))
    for event in doc.events:
        modality = "" if event.modality == "happened" else f", {event.modality}"
        found.append(Mark(event.trigger.start, event.trigger.end, 1,
                          f"background:{COLOURS['EVENT']};font-weight:bold",
                          label=f"{event.type}{modality}"))
    for timex in doc.timexes:
        mod = f" {timex.mod}" if timex.mod else ""
        found.append(Mark(timex.start, timex.end, 2, f"background:{COLOURS['TIME']}",
                          label=f"{timex.value}{mod}"))
    for entity in doc.entities:
        for mention in entity.mentions:
            label = entity.type if mention.text == entity.name else f"{entity.type} {entity.name}"
            found.append(Mark(mention.start, mention.end, 3,
                              f"background:{COLOURS[entity.type]};border-radius:3px",
                              label=label))
    return [mark for mark in found if 0 <= mark.start < mark.end <= len(doc.text)]


def render_html(doc: Document) -> str:
    text = doc.text
    found = marks(doc)
    cuts = sorted({0, len(text), *(mark.start for mark in found), *(mark.end for mark in found)})
    parts = []
    for start, end in zip(cuts, cuts[1:]):
        for mark in found:
            if mark.start == start and mark.prefix:
                parts.append(f'<span style="{LABEL}">{escape(mark.prefix)}</span>')
        piece = escape(text[start:end])
        for mark in sorted((m for m in found if m.start <= start and end <= m.end),
                           key=lambda m: -m.layer):
            piece = f'<span style="{mark.style}">{piece}</span>'
        parts.append(piece)
        for mark in found:
            if mark.end == end and mark.label:
                parts.append(f'<span style="{LABEL}">{escape(mark.label)}</span>')
    error = (f'<p style="color:#a00">{escape(doc.error.type)}: {escape(doc.error.message)}</p>'
             if doc.error else "")
    return (f'<div style="white-space:pre-wrap;line-height:1.9;font-family:sans-serif">'
            f'{error}{"".join(parts)}</div>')
