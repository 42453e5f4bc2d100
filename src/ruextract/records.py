"""The typed records a document carries: entities, quotes, time expressions, events, relations.

Every record is plain data (pydantic, ``extra="forbid"``). Every ``start``/``end`` pair is a
Python string index into the original ``Document.text`` (end exclusive), so
``text[start:end] == span.text`` always holds.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Base):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


EntityType = Literal["PER", "LOC", "ORG"]
MentionKind = Literal["name", "descriptor", "pronoun", "alias"]


class Mention(Span):
    kind: MentionKind = "name"


class Entity(Base):
    """One real-world referent: every mention of it in the document, under one canonical name."""

    id: str
    type: EntityType
    name: str = Field(description="canonical normal form, e.g. 'Владимир Путин'")
    mentions: list[Mention]
    aliases: list[str] = Field(default_factory=list)
    roles: list[Span] = Field(default_factory=list)


class Cue(Span):
    lemma: str


class Quote(Base):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    cue: Cue | None = None
    source: Span | None = None
    speaker: str | None = Field(default=None, description="id of the speaking entity")
    content: Span
    about: list[str] = Field(
        default_factory=list, description="ids of the events the statement reports (their trigger is in its content)"
    )


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexMod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER"]


class Timex(Span):
    """A time expression, normalised TIMEX3-style (see shared guidelines/time.md)."""

    id: str
    type: TimexType
    value: str = Field(description="e.g. 2019-12-27, 2020-02, 2019-W52, 199, P2Y, XXXX-10-25")
    mod: TimexMod | None = None
    interval: tuple[date, date] | None = Field(
        default=None, description="first and last day covered, inclusive"
    )
    anchor: date | None = Field(default=None, description="the date it was resolved against")


Modality = Literal["happened", "planned", "prevented", "negated", "reported"]


class Event(Base):
    id: str
    type: str
    trigger: Span
    args: dict[str, str] = Field(
        default_factory=dict, description="role -> entity, timex or event id"
    )
    modality: Modality = "happened"
    arg_spans: dict[str, Span] = Field(
        default_factory=dict,
        description="role -> noun phrase, for arguments that are no entity (два террориста ИГИЛ)",
    )


ValueType = Literal[
    "PROFESSION", "AGE", "WORK_OF_ART", "DISEASE", "CRIME", "LAW", "PENALTY", "NATIONALITY",
    "FACILITY", "AWARD", "IDEOLOGY", "MONEY", "RELIGION", "PRODUCT", "FAMILY", "LANGUAGE",
]


class Value(Span):
    """A typed piece of text a relation points at that is no entity, in NEREL's types: a position
    (PROFESSION: "министр иностранных дел"), an age (AGE: "58 лет"), a work of art, disease,
    crime, law, penalty, nationality, facility, award, ideology, sum of money, religion, product,
    family or language (found by the NEREL tagger, ``ner.nerel``)."""

    id: str
    type: ValueType


class Relation(Base):
    type: str
    head: str = Field(description="id of an entity, event, time expression or value")
    tail: str = Field(description="id of an entity, event, time expression or value")
    evidence: Span | None = None
    head_mention: Span | None = Field(
        default=None, description="the mention of the head the relation was read from"
    )
    tail_mention: Span | None = Field(
        default=None,
        description="the mention of the tail the relation was read from (ALTERNATIVE_NAME: two "
        "names of one entity, head and tail both its id)",
    )


class Fact(Base):
    """A FactRuEval-style fact: its slots as spans of the text, and the entities they name."""

    type: str = Field(description="Occupation, Meeting, Deal, Ownership")
    slots: dict[str, Span] = Field(description="role (Who, Position, Where, ...) -> span")
    args: dict[str, str] = Field(default_factory=dict, description="role -> entity id")
    confidence: float = Field(default=1.0, ge=0, le=1)


class Record(Base):
    """A fact as a sentence a person can read, with its typed roles and evidence offsets."""

    type: str
    summary: str
    roles: dict[str, str] = Field(default_factory=dict)
    time: str | None = None
    place: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0, le=1)


class ErrorInfo(Base):
    type: str
    message: str
