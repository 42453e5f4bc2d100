from __future__ import annotations

import json
from pathlib import Path

from ruextract import Document, output_schema

ROOT = Path(__file__).resolve().parents[1]


def test_document_schema_file_matches_the_models():
    shipped = json.loads((ROOT / "schema.json").read_text(encoding="utf-8"))
    assert shipped == output_schema(), "regenerate with: ruextract schema > schema.json"


def test_document_output_of_an_unprocessed_document_has_every_list():
    output = Document(id="a", text="x").output()
    assert output == {"id": "a", "published": None, "entities": [], "quotes": [], "timexes": [],
                      "events": [], "relations": [], "values": [], "facts": [], "records": []}


def test_document_output_round_trips_through_json(seed_doc):
    output = seed_doc.output()
    assert json.loads(json.dumps(output, ensure_ascii=False)) == output


def test_document_json_round_trip_keeps_everything(seed_doc):
    again = Document.model_validate_json(seed_doc.model_dump_json())
    assert again == seed_doc


def test_document_repr_is_short():
    text = "Очень длинный текст " * 100
    assert len(repr(Document(text=text))) < 250
