"""Events: trigger verbs and nominalisations, typed by a lemma taxonomy, with arguments and modality."""

from __future__ import annotations

from .lexicon import Lexicon
from .stage import EventStage

__all__ = ["EventStage", "Lexicon"]
