"""The NEREL tagger stage (``ruextract.ner.nerel``): laws, works of art, diseases, ... and the values
relations make of them."""

from __future__ import annotations

import json

import pytest

import ruextract
from ruextract.document import Document
from ruextract.ner.nerel import NerelStage


def tagged(doc, type):
    return [span.text for span in doc.nerel if span.type == type]


def test_nerel_tagger_finds_a_law_in_an_invented_sentence(nlp):
    doc = nlp("Депутаты одобрили поправки в Уголовный кодекс.")
    assert "Уголовный кодекс" in tagged(doc, "LAW")


def test_nerel_tagger_finds_a_work_of_art_in_an_invented_sentence(nlp):
    doc = nlp("Режиссёр Иван Петров снял фильм «Зимний сад над рекой», премьера прошла в Казани.")
    assert "Зимний сад над рекой" in tagged(doc, "WORK_OF_ART")


def test_nerel_tagger_finds_a_disease_in_an_invented_sentence(nlp):
    doc = nlp("Врачи сообщили, что пациент заболел пневмонией и гриппом.")
    assert "гриппом" in tagged(doc, "DISEASE")


def test_nerel_tagger_spans_end_on_no_preposition(nlp):
    doc = nlp("Суд приговорил Ивана Петрова к трём годам колонии за кражу.")
    assert tagged(doc, "PENALTY") == ["трём годам колонии"]
    assert all(doc.text[span.start:span.end] == span.text for span in doc.nerel)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_nerel_tagger_gives_nothing_for_empty_or_blank_documents(nlp, text):
    doc = nlp(text)
    assert doc.error is None and doc.nerel == [] and doc.values == []


def test_nerel_stage_runs_after_ner_in_the_default_pipeline():
    nlp = ruextract.load()
    assert nlp.names.index("nerel") == nlp.names.index("ner") + 1
    assert isinstance(nlp["nerel"], NerelStage)
    assert "nerel" in nlp["nerel"].provides and "ner" in nlp["nerel"].requires


def test_nerel_stage_batches_documents_as_it_tags_them_alone(nlp):
    texts = ["Суд приговорил Ивана Петрова к трём годам колонии за кражу.", "",
             "Депутаты одобрили поправки в Уголовный кодекс."]
    batched = [doc.nerel for doc in nlp.pipe(texts, batch_size=3)]
    alone = [nlp(text).nerel for text in texts]
    assert batched == alone and batched[0] and batched[2]


def test_tagged_spans_relations_name_are_values_in_the_json_contract(nlp):
    text = "Суд приговорил Ивана Петрова к трём годам колонии за кражу."
    out = json.loads(json.dumps(nlp(text).output(), ensure_ascii=False))
    values = {value["id"]: value for value in out["values"]}
    related = {(r["type"], values[r["tail"]]["type"]) for r in out["relations"] if r["tail"] in values}
    assert ("PENALIZED_AS", "PENALTY") in related and ("CONVICTED_OF", "CRIME") in related
    for value in values.values():
        assert text[value["start"]:value["end"]] == value["text"]
    referenced = {r["head"] for r in out["relations"]} | {r["tail"] for r in out["relations"]}
    assert set(values) <= referenced  # a value exists only for a relation that names it


def test_relation_stage_run_again_gives_the_same_values(nlp):
    doc = nlp("Суд приговорил Ивана Петрова к трём годам колонии за кражу.")
    before = [value.model_dump() for value in doc.values]
    nlp["relations"].process([doc])
    assert [value.model_dump() for value in doc.values] == before and before


def test_nerel_stage_on_a_document_without_tokens_gives_no_spans():
    doc = Document(text="")
    NerelStage().process([doc])
    assert doc.nerel == []
