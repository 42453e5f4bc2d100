"""The default stages, in order."""

from __future__ import annotations

from .entities import EntityStage
from .events import EventStage
from .events.records import RecordStage
from .links import LinkStage
from .morph import MorphStage, SyntaxStage
from .ner import NerStage
from .ner.nerel import NerelStage
from .quotes import QuoteStage
from .relations import RelationStage
from .pipeline import Stage
from .resources import Resources, shared_resources
from .segment import SegmentStage
from .time import TimeStage


def default_stages(resources: Resources | None = None) -> list[Stage]:
    resources = resources or shared_resources()
    return [
        SegmentStage(),
        MorphStage(resources),
        SyntaxStage(resources),
        NerStage(resources),
        NerelStage(resources),
        EntityStage(resources),
        TimeStage(resources),
        QuoteStage(),
        EventStage(),
        LinkStage(),
        RelationStage(resources),
        RecordStage(),
    ]
