"""Gold readers on tiny synthetic lines (see conftest.py)."""

from __future__ import annotations

import pytest

from ruextract.evaluate.gold import (
    attach,
    factru_document,
    nerel_document,
    read_corpus,
    read_quotes,
    read_time_values,
    sniff,
)


def test_gold_nerel_entities_keep_nesting_and_outer_spans(nerel_line):
    doc = nerel_document(nerel_line)
    text = nerel_line["text"]
    spans = {entity.id: (entity.start, entity.end, entity.label) for entity in doc.entities}
    assert spans == {
        "T1": (0, 10, None),  # PROFESSION is not an NER label
        "T2": (4, 10, "LOC"),  # CITY -> LOC, nested inside T1
        "T3": (11, 22, "PER"),
        "T4": (24, 35, "ORG"),
        "T5": (24, 43, "ORG"),  # discontinuous: outer start of the first fragment, end of the last
    }
    assert doc.entities[4].fragments == ((24, 27), (38, 43))
    assert [(r.type, r.head, r.tail) for r in doc.relations] == [("WORKS_AS", "T3", "T1")]
    assert all(text[e.start:e.end] == e.text for e in doc.entities)


def test_gold_factru_document_reads_coref_and_scored_facts_only(factru_line):
    doc = factru_document(factru_line)
    assert doc.format == "factru"
    assert [entity.label for entity in doc.entities] == ["ORG", "PER", "PER", None]
    assert doc.coref == [["2", "3"], ["4"]]
    [fact] = doc.facts  # isPartOf is not scored
    who, position, where = fact.slots  # the "text" attribute slot is dropped
    assert who.texts == ("Сидоров Пётр", "Сидоров") and who.spans == ((16, 28), (42, 51))
    assert position.spans == ((0, 5),) and position.texts == ("Глава",)
    assert where.spans == ((6, 14),)


def test_gold_sniff_and_read_corpus_recognise_each_kind(tmp_path, write_jsonl, nerel_line,
                                                        factru_line):
    nerel = write_jsonl(tmp_path / "n.jsonl", [nerel_line])
    factru = write_jsonl(tmp_path / "f.jsonl", [factru_line])
    quotes = write_jsonl(tmp_path / "q.jsonl", [{"doc_id": "n1", "kind": "direct", "cue": None,
                                                 "source": None, "speaker": None,
                                                 "content": {"start": 0, "end": 3}}])
    times = write_jsonl(tmp_path / "t.jsonl", [{"doc_id": "n1", "start": 0, "end": 3,
                                                "type": "DATE", "value": "2020", "anchor": None}])
    assert [sniff(path) for path in (nerel, factru, quotes, times)] == [
        "nerel", "factru", "quotes", "time"]
    assert [doc.format for doc in read_corpus(nerel) + read_corpus(factru)] == ["nerel", "factru"]


def test_gold_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": ""}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        read_corpus(path)


def test_gold_side_sets_mark_empty_documents_and_take_texts_and_anchors(tmp_path, write_jsonl):
    quotes = read_quotes(write_jsonl(tmp_path / "q.jsonl", [
        {"doc_id": "n1", "kind": "indirect", "cue": {"start": 0, "end": 3}, "source": None,
         "speaker": "Иван Петров", "content": {"start": 4, "end": 10}},
        {"doc_id": "empty", "content": None},  # annotated, no quotes
    ]))
    assert len(quotes["n1"]) == 1 and quotes["empty"] == []
    assert quotes["n1"][0].cue == (0, 3) and quotes["n1"][0].source is None

    timexes = read_time_values(write_jsonl(tmp_path / "t.jsonl", [
        {"doc_id": "d", "start": 0, "end": 4, "type": "DATE", "value": "2020-01-02",
         "anchor": "2020-01-03"},
        {"doc_id": "d", "start": 5, "end": 9, "type": "DATE", "value": "2020-01-03",
         "anchor": "2020-01-03"},
        {"doc_id": "d", "start": 9, "end": 12, "type": "DATE", "value": "2020-01-01",
         "anchor": "2020-01-02"},
        {"doc_id": "none"},
    ]))
    docs = attach(read_corpus(write_jsonl(tmp_path / "c.jsonl", [{"id": "d", "text": "x" * 12}])),
                  timexes=timexes)
    assert [(doc.id, doc.text, doc.published, len(doc.timexes)) for doc in docs] == [
        ("d", "x" * 12, "2020-01-03", 3),  # the most frequent anchor
        ("none", "", None, 0),  # not in the corpus: no text
    ]
