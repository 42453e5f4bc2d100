"""ruextract: typed, linked records from Russian news text.

    >>> import ruextract
    >>> nlp = ruextract.load()
    >>> doc = nlp("Президент России Владимир Путин прибыл в Москву.", published="2020-10-26")
    >>> [(entity.type, entity.name) for entity in doc.entities]
    [('PER', 'Владимир Путин'), ('LOC', 'Россия'), ('LOC', 'Москва')]
"""

from __future__ import annotations

from ._pymorphy import use_pymorphy3

use_pymorphy3()  # before anything imports natasha or yargy: see ruextract/_pymorphy.py

from .document import Document, NerSpan, Output, Sentence, Token, output_schema
from .errors import DocumentTooLarge, ModelNotFound, PipelineConfigError, RuextractError
from .pipeline import Pipeline, Stage
from .records import (
    Cue, Entity, ErrorInfo, Event, Fact, Mention, Quote, Record, Relation, Span, Timex,
)
from .resources import Resources

__version__ = "0.1.0"

__all__ = [
    "Cue",
    "Document",
    "DocumentTooLarge",
    "Entity",
    "ErrorInfo",
    "Event",
    "Fact",
    "Mention",
    "ModelNotFound",
    "NerSpan",
    "Output",
    "Pipeline",
    "PipelineConfigError",
    "Quote",
    "Record",
    "Relation",
    "Resources",
    "RuextractError",
    "Sentence",
    "Span",
    "Stage",
    "Timex",
    "Token",
    "load",
    "output_schema",
]


def load(
    *, resources: Resources | None = None, max_chars: int | None = None, exclude: tuple[str, ...] = ()
) -> Pipeline:
    """The default pipeline. Models load lazily, on the first document, once per process.

    ``exclude`` names stages to leave out; ``max_chars`` caps a document's length (longer ones
    get an error record instead of results).
    """
    from .defaults import default_stages
    from .pipeline import DEFAULT_MAX_CHARS

    stages = [stage for stage in default_stages(resources) if stage.name not in exclude]
    return Pipeline(stages, max_chars=max_chars or DEFAULT_MAX_CHARS)
