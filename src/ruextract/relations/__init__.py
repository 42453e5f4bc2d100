"""Relations between entities (NEREL types) and Occupation facts, from a numpy classifier and rules."""

from __future__ import annotations

from .model import RelationModel
from .stage import OCCUPATIONS, RelationStage, parse_pipeline

__all__ = ["OCCUPATIONS", "RelationModel", "RelationStage", "parse_pipeline"]
