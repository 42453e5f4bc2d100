"""The NEREL tagger (``ruextract.ner.nerel``): laws, works of art, diseases, ... as values."""

from __future__ import annotations

import json

import pytest

import ruextract
from ruextract.document import Document
from ruextract.ner.nerel import NerelStage


def values_of(doc, type):
    return [value.text for value in doc.values if value.type == type]


def test_nerel_tagger_finds_a_law_in_an_invented_sentence(nlp):
    doc = nlp("Депутаты одобрили поправки в Уголовный кодекс.")
    assert "Уголовный кодекс" in values_of(doc, "LAW")


def test_nerel_tagger_finds_a_work_of_art_in_an_invented_sentence(nlp):
    doc = nlp("Режиссёр Иван Петров снял фильм «Зимний сад над рекой», премьера прошла в Казани.")
    assert any("Зимний сад над рекой" in text for text in values_of(doc, "WORK_OF_ART"))


def test_nerel_tagger_finds_a_disease_in_an_invented_sentence(nlp):
    doc = nlp("Врачи сообщили, что пациент заболел пневмонией и гриппом.")
    assert {"пневмонией", "гриппом"} & set(values_of(doc, "DISEASE"))


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_nerel_tagger_gives_no_values_for_empty_or_blank_documents(nlp, text):
    doc = nlp(text)
    assert doc.error is None and doc.values == []


def test_nerel_stage_runs_after_ner_in_the_default_pipeline():
    nlp = ruextract.load()
    assert nlp.names.index("nerel") == nlp.names.index("ner") + 1
    assert isinstance(nlp["nerel"], NerelStage)
    assert "values" in nlp["nerel"].provides and "ner" in nlp["nerel"].requires


def test_nerel_values_are_in_the_json_contract_with_their_offsets(nlp):
    text = "Суд приговорил мошенника к трём годам колонии за кражу."
    doc = nlp(text)
    out = json.loads(json.dumps(doc.output(), ensure_ascii=False))
    tagged = [value for value in out["values"] if value["type"] in ("PENALTY", "CRIME")]
    assert tagged, out["values"]
    for value in out["values"]:
        assert text[value["start"]:value["end"]] == value["text"]
    assert len({value["id"] for value in out["values"]}) == len(out["values"])


def test_relation_stage_keeps_the_tagged_values_and_may_point_at_them(nlp):
    doc = nlp("Суд приговорил мошенника к трём годам колонии за кражу.")
    tagged = {value.id for value in doc.values if value.type not in ("PROFESSION", "AGE")}
    assert tagged
    nlp["relations"].process([doc])  # run again: the tagged values survive, ids stay unique
    assert tagged <= {value.id for value in doc.values}
    assert len({value.id for value in doc.values}) == len(doc.values)


def test_nerel_stage_on_a_document_without_tokens_clears_values():
    doc = Document(text="")
    stage = NerelStage()
    stage.process([doc])
    assert doc.values == []
