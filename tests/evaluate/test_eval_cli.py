from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ruextract.evaluate import cli
from ruextract.evaluate.gold import read_corpus
from ruextract.evaluate.predictions import coverage, examples, predict, read_predictions

PRED = {"id": "n1", "entities": [
    {"id": "e1", "type": "PER", "name": "Иван Петров",
     "mentions": [{"start": 11, "end": 22, "text": "Иван Петров", "kind": "name"}]},
    {"id": "e2", "type": "LOC", "name": "Москва",
     "mentions": [{"start": 4, "end": 10, "text": "Москвы", "kind": "name"}]},
]}


@pytest.fixture
def files(tmp_path, write_jsonl, nerel_line, factru_line):
    other = dict(nerel_line, id="n2")
    return {
        "nerel": write_jsonl(tmp_path / "nerel.jsonl", [nerel_line, other]),
        "factru": write_jsonl(tmp_path / "factru.jsonl", [factru_line]),
        "pred": write_jsonl(tmp_path / "pred.jsonl", [PRED]),
        "quotes": write_jsonl(tmp_path / "quotes.jsonl", [
            {"doc_id": "n1", "kind": "direct", "cue": None, "source": None, "speaker": None,
             "content": {"start": 11, "end": 22}},
            {"doc_id": "n2", "split": "dev", "no_quotes": True}]),
    }


def test_cli_ner_json_scores_and_coverage(files, capsys):
    code = cli.main(["ner", "--gold", str(files["nerel"]), "--pred", str(files["pred"]),
                     "--format", "json"])
    scores = json.loads(capsys.readouterr().out)
    assert code == 0
    # gold per document: LOC 4-10, PER 11-22, ORG 24-35 and 24-43, twice (n1 and n2);
    # predicted only for n1: LOC and PER right -> TP 2, pred 2, gold 8
    micro = scores["exact"]["micro"]
    assert (micro["tp"], micro["pred"], micro["gold"]) == (2, 2, 8)
    assert scores["documents"] == {"documents": 2, "missing": 1, "failed": 0}


def test_cli_table_output_through_the_project_command(files, capsys):
    from ruextract.cli import main

    code = main(["evaluate", "ner", "--gold", str(files["nerel"]), "--pred", str(files["pred"])])
    out = capsys.readouterr().out
    assert code == 0
    assert "NER, exact spans" in out and "micro" in out and "1 without a prediction" in out


def test_cli_usage_errors_exit_2(files, capsys, tmp_path):
    nerel, pred = str(files["nerel"]), str(files["pred"])
    assert cli.main(["coref", "--gold", nerel, "--pred", pred]) == 2
    assert "coref needs factru gold" in capsys.readouterr().err
    assert cli.main(["ner", "--gold", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    # quote gold has no texts: running the pipeline needs --texts
    assert cli.main(["quotes", "--gold", str(files["quotes"])]) == 2
    assert "--texts" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["sentiment", "--gold", nerel])


def test_cli_quotes_with_texts_and_empty_annotated_document(files, capsys):
    code = cli.main(["quotes", "--gold", str(files["quotes"]), "--texts", str(files["nerel"]),
                     "--pred", str(files["pred"]), "--format", "json"])
    scores = json.loads(capsys.readouterr().out)
    # two annotated documents (n2 has none), one gold quote, no predicted quotes
    assert code == 0 and scores["documents"]["documents"] == 2
    assert scores["quotes"] == {"gold": 1, "pred": 0, "paired": 0}


def test_cli_help_documents_every_task_and_gold_format():
    text = cli.DESCRIPTION
    for word in (*cli.TASKS, "NEREL", "FactRuEval", "time values", "quotes", "fragments", "coref",
                 "--pred", "--texts", "--gold-entities", "--no-singletons"):
        assert word in text
    run = subprocess.run([sys.executable, "-m", "ruextract.evaluate", "--help"],
                         capture_output=True, text=True, check=True)
    assert "ruextract evaluate" in run.stdout and "FactRuEval" in run.stdout


def test_cli_without_pred_runs_the_pipeline(files, capsys, monkeypatch, nlp):
    # the CLI would call ruextract.load(); give it the session's pipeline instead
    monkeypatch.setattr(cli, "predict", lambda gold, **options: predict(gold, nlp=nlp, **options))
    saved = files["pred"].parent / "saved.jsonl"
    code = cli.main(["ner", "--gold", str(files["nerel"]), "--limit", "1", "--quiet",
                     "--save-pred", str(saved), "--format", "json"])
    scores = json.loads(capsys.readouterr().out)
    assert code == 0 and scores["documents"] == {"documents": 1, "missing": 0, "failed": 0}
    assert scores["exact"]["micro"]["gold"] == 4
    [output] = read_predictions(saved).values()
    assert output["id"] == "n1" and "entities" in output


def test_predictions_reader_takes_jsonl_or_array_and_pairs_by_id(tmp_path, files):
    array = tmp_path / "out.json"
    array.write_text(json.dumps([PRED, {"id": "n2", "error": {"type": "E", "message": "m"}},
                                 dict(PRED, entities=[])]), encoding="utf-8")
    predictions = read_predictions(array)
    assert list(predictions) == ["n1", "n2"]
    assert len(predictions["n1"]["entities"]) == 2  # the first object for an id wins
    paired = examples(read_corpus(files["nerel"]), predictions)
    assert coverage(paired) == {"documents": 2, "missing": 0, "failed": 1}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"entities": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="'id'"):
        read_predictions(bad)
