"""Tiny synthetic gold lines shared by the evaluation tests (no shared corpora needed)."""

from __future__ import annotations

import copy
import json

import pytest

# offsets: Мэр Москвы 0-10, Москвы 4-10, Иван Петров 11-22, ЗАО 24-27, Ромашка 28-35, Лютик 38-43
NEREL_TEXT = "Мэр Москвы Иван Петров, ЗАО Ромашка и Лютик"
NEREL_LINE = {
    "id": "n1",
    "text": NEREL_TEXT,
    "entities": [
        {"id": "T1", "type": "PROFESSION", "start": 0, "end": 10, "text": "Мэр Москвы"},
        {"id": "T2", "type": "CITY", "start": 4, "end": 10, "text": "Москвы"},  # nested in T1
        {"id": "T3", "type": "PERSON", "start": 11, "end": 22, "text": "Иван Петров"},
        # "ЗАО Ромашка" and "ЗАО ... Лютик": the second is discontinuous, fragments 24-27 + 38-43
        {"id": "T4", "type": "ORGANIZATION", "start": 24, "end": 35, "text": "ЗАО Ромашка"},
        {"id": "T5", "type": "ORGANIZATION", "start": 24, "end": 43, "text": "ЗАО Ромашка и Лютик",
         "fragments": [[24, 27], [38, 43]]},
    ],
    "relations": [{"id": "R1", "type": "WORKS_AS", "head": "T3", "tail": "T1"}],
}

# offsets: Глава 0-5, ООО 6-9, Лес 11-14, Пётр Сидоров 16-28, Сидоровым 42-51, Проектом Икс 54-66
FACTRU_TEXT = "Глава ООО «Лес» Пётр Сидоров встретился с Сидоровым и Проектом Икс."
FACTRU_LINE = {
    "id": "f1",
    "text": FACTRU_TEXT,
    "spans": [],
    "entities": [
        {"id": "1", "type": "Org", "start": 6, "end": 14, "text": "ООО «Лес",
         "fragments": [[6, 9], [11, 14]], "discontinuous": True},
        {"id": "2", "type": "Person", "start": 16, "end": 28, "text": "Пётр Сидоров"},
        {"id": "3", "type": "Person", "start": 42, "end": 51, "text": "Сидоровым"},
        {"id": "4", "type": "Project", "start": 54, "end": 66, "text": "Проектом Икс"},
    ],
    "coref": [
        {"id": "c1", "entity_ids": ["2", "3"], "attrs": {}},
        {"id": "c2", "entity_ids": ["4"], "attrs": {}},
    ],
    "facts": [
        {"id": "x1", "type": "Occupation", "slots": [
            {"role": "Who", "kind": "obj", "ref": "c1", "text": "Сидоров Пётр",
             "alternatives": ["Сидоров Пётр", "Сидоров"], "entity_ids": ["2", "3"]},
            {"role": "Position", "kind": "span", "ref": "s1", "start": 0, "end": 5,
             "text": "Глава"},
            {"role": "Where", "kind": "obj", "ref": "c0", "text": "Лес", "alternatives": ["Лес"],
             "entity_ids": ["1"]},
            {"role": "Фаза", "kind": "text", "text": "начало"},
        ]},
        {"id": "x2", "type": "isPartOf", "slots": []},
    ],
}


@pytest.fixture
def nerel_line() -> dict:
    return copy.deepcopy(NEREL_LINE)


@pytest.fixture
def factru_line() -> dict:
    return copy.deepcopy(FACTRU_LINE)


@pytest.fixture
def write_jsonl():
    def write(path, lines):
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                        encoding="utf-8")
        return path

    return write
