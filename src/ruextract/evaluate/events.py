"""Event trigger scores against NEREL's EVENT entities: exact-span and overlap P/R/F1.

Gold: every NEREL entity of type EVENT (nested ones included; a discontinuous one by its outer
start and end). Predicted: every event's trigger span from the contract's ``events``. The
matching is the NER scorer's (``ner.score_ner``): exact spans, and one-to-one overlap. Our event
types that NEREL does not annotate as EVENT (speech, requests, help...) count as predictions
too: this is the whole stage against NEREL, not a favourable subset. Event arguments are
relations (AGENT, PARTICIPANT_IN, POINT_IN_TIME, TAKES_PLACE_IN): ``ruextract evaluate
relations`` scores them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .gold import GoldDocument
from .ner import Item, score_ner
from .predictions import Example, Output, results
from .report import PRF_HEADER, prf_row, table


def gold_triggers(doc: GoldDocument) -> set[Item]:
    return {(entity.start, entity.end, "EVENT") for entity in doc.entities if entity.type == "EVENT"}


def predicted_triggers(output: Output) -> set[Item]:
    return {
        (event["trigger"]["start"], event["trigger"]["end"], "EVENT")
        for event in results(output, "events")
        if event.get("trigger")
    }


def evaluate_events(examples: Sequence[Example]) -> dict[str, Any]:
    scores = score_ner(
        [gold_triggers(example.gold) for example in examples],
        [predicted_triggers(example.predicted) for example in examples],
    )
    return {mode: scores[mode]["micro"] for mode in ("exact", "overlap")}


def events_table(scores: dict[str, Any]) -> str:
    rows = [prf_row(f"triggers, {mode} spans", scores[mode]) for mode in ("exact", "overlap")]
    return table(PRF_HEADER, rows, title="Event triggers vs NEREL EVENT")
