"""Relations between entities (NEREL types) and Occupation facts, from a numpy classifier and rules."""

from __future__ import annotations

from .model import RelationModel
from .stage import RelationStage, parse_pipeline

__all__ = ["RelationModel", "RelationStage", "parse_pipeline"]
