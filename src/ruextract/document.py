"""The document the stages fill, and its public JSON contract.

A ``Document`` starts as ``id``, ``text``, ``published`` and ``meta``; each stage fills the
lists it provides. ``Document.output()`` is the public JSON contract (one object per input);
``output_schema()`` is its JSON Schema.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from .records import (
    Base,
    Entity,
    EntityType,
    ErrorInfo,
    Event,
    Fact,
    Quote,
    Record,
    Relation,
    Span,
    Timex,
    Value,
    ValueType,
)


class Token(Base):
    start: int
    end: int
    text: str
    pos: str | None = None
    feats: dict[str, str] = Field(default_factory=dict)
    lemma: str | None = None
    head: int | None = Field(default=None, description="index of the head token in the document")
    rel: str | None = None


class Sentence(Base):
    start: int
    end: int
    tokens: tuple[int, int] = Field(description="first and past-last token index")


class NerSpan(Span):
    """A raw named-entity span as the tagger found it, before entity resolution."""

    type: EntityType


class NerelSpan(Span):
    """A span of one of NEREL's other types (a law, a disease, a position, ...) as the NEREL tagger
    found it (``ner.nerel``); the relation stage makes values of those a relation names."""

    type: ValueType


class Output(Base):
    """The public JSON contract: one object per input document, in input order."""

    id: str
    published: date | None = None
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    values: list[Value] = Field(
        default_factory=list,
        description="typed spans that are no entity that relations point at: positions, ages, "
        "laws, works of art, diseases, crimes, ...",
    )
    facts: list[Fact] = Field(default_factory=list)
    records: list[Record] = Field(
        default_factory=list, description="facts as sentences a person can read, with evidence"
    )
    error: ErrorInfo | None = Field(
        default=None, description="present only when the document could not be processed"
    )


class Document(Base):
    id: str = ""
    text: str
    published: date | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    tokens: list[Token] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    ner: list[NerSpan] = Field(default_factory=list)
    nerel: list[NerelSpan] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    values: list[Value] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)
    error: ErrorInfo | None = None

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        first, last = sentence.tokens
        return self.tokens[first:last]

    def output(self) -> dict[str, Any]:
        """The document as the public JSON contract (a plain dict, ready for ``json.dumps``)."""
        if self.error is not None:  # a failed document carries its error instead of results
            return Output(id=self.id, published=self.published, error=self.error).model_dump(
                mode="json", include={"id", "published", "error"}
            )
        out = Output(
            id=self.id,
            published=self.published,
            entities=self.entities,
            quotes=self.quotes,
            timexes=self.timexes,
            events=self.events,
            relations=self.relations,
            values=self.values,
            facts=self.facts,
            records=self.records,
        )
        return out.model_dump(mode="json", exclude={"error"})

    def _repr_html_(self) -> str:
        from .display import render_html

        return render_html(self)

    def __str__(self) -> str:
        return self.__repr__()

    def __repr__(self) -> str:
        head = self.text[:40].replace("\n", " ")
        return (
            f"Document(id={self.id!r}, text={head!r}{'…' if len(self.text) > 40 else ''}, "
            f"published={self.published}, tokens={len(self.tokens)}, "
            f"entities={len(self.entities)}, quotes={len(self.quotes)}, "
            f"timexes={len(self.timexes)}, events={len(self.events)}"
            f"{', error=' + self.error.type if self.error else ''})"
        )


def output_schema() -> dict[str, Any]:
    """JSON Schema of the public contract (what ``Document.output()`` returns)."""
    return Output.model_json_schema()
