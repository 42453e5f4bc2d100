from __future__ import annotations

import pytest

from ruextract.evaluate.events import evaluate_events, events_table
from ruextract.evaluate.gold import nerel_document
from ruextract.evaluate.predictions import Example

# offsets: Полиция 0-7, задержала 8-17, подозреваемого 18-32, после 33-38, перестрелки 39-50,
# и 51-52, допроса 53-60
TEXT = "Полиция задержала подозреваемого после перестрелки и допроса"


def gold(*spans):
    return nerel_document({
        "id": "d1", "text": TEXT,
        "entities": [{"id": f"T{n}", "type": "EVENT", "start": s, "end": e, "text": TEXT[s:e]}
                     for n, (s, e) in enumerate(spans)]
                    + [{"id": "P1", "type": "PROFESSION", "start": 0, "end": 7, "text": "Полиция"}],
        "relations": [],
    })


def predicted(*spans):
    return {"id": "d1", "events": [
        {"id": f"ev{n}", "type": "X", "trigger": {"start": s, "end": e, "text": TEXT[s:e]}}
        for n, (s, e) in enumerate(spans)]}


def test_event_triggers_exact_and_one_to_one_overlap():
    # gold: задержала, перестрелки, допроса; predicted: задержала (exact), "после перестрелки"
    # (overlaps one gold), "Полиция" (a PROFESSION in gold, no EVENT: a false positive)
    example = Example(gold((8, 17), (39, 50), (53, 60)), predicted((8, 17), (33, 50), (0, 7)))
    scores = evaluate_events([example])
    assert scores["exact"]["tp"] == 1 and scores["exact"]["pred"] == 3 and scores["exact"]["gold"] == 3
    assert scores["overlap"]["tp"] == 2
    assert scores["overlap"]["f1"] == pytest.approx(2 / 3)
    assert "triggers, overlap spans" in events_table(scores)


def test_event_triggers_failed_document_predicts_nothing():
    example = Example(gold((8, 17),), {"id": "d1", "error": {"type": "X", "message": "boom"}})
    scores = evaluate_events([example])
    assert scores["exact"]["tp"] == 0 and scores["exact"]["gold"] == 1 and scores["exact"]["r"] == 0
