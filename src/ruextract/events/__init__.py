"""Events: trigger verbs and nominalisations, typed by a lemma taxonomy, with arguments and modality."""

from __future__ import annotations

from .lexicon import Lexicon
from .stage import ARG_SPANS, EventStage

__all__ = ["ARG_SPANS", "EventStage", "Lexicon"]
