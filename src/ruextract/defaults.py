"""The default stages, in order."""

from __future__ import annotations

from .entities import EntityStage
from .morph import MorphStage, SyntaxStage
from .ner import NerStage
from .quotes import QuoteStage
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
        EntityStage(resources),
        TimeStage(resources),
        QuoteStage(),
    ]
