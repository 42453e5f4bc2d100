"""Scorers for ruextract's output against gold data: NER, coreference, relations, facts, time
expressions and quotes.

Each task has a pure scorer over plain per-document items (``score_ner``, ``score_coref``, ...)
returning plain dicts of numbers, an ``evaluate_*`` function over ``Example`` pairs (a gold document
and the library's output for it) and a ``*_table`` function that formats the scores.

    >>> from ruextract.evaluate import score_coref
    >>> score_coref([[[(0, 5), (10, 15)]]], [[[(0, 5), (10, 15)]]])["conll_f1"]
    1.0

    >>> from ruextract.evaluate import read_corpus, predict, examples, evaluate_ner
    >>> gold = read_corpus("nerel/dev.jsonl")                     # doctest: +SKIP
    >>> scores = evaluate_ner(examples(gold, predict(gold)))      # doctest: +SKIP

From the shell: ``ruextract evaluate TASK --gold FILE [--pred FILE]`` (``--help`` lists the tasks
and the gold formats), or ``python -m ruextract.evaluate`` with the same arguments.
"""

from __future__ import annotations

from .coref import coref_table, evaluate_coref, score_coref
from .facts import evaluate_facts, facts_table, score_facts
from .gold import GoldDocument, read_corpus, read_quotes, read_time_values
from .ner import evaluate_ner, ner_table, score_ner
from .predictions import Example, examples, predict, read_predictions
from .quotes import evaluate_quotes, quotes_table, score_quotes
from .relations import evaluate_relations, relations_table, score_relations
from .temporal import evaluate_time, score_time_detection, score_time_values, time_table

__all__ = [
    "Example",
    "GoldDocument",
    "coref_table",
    "evaluate_coref",
    "evaluate_facts",
    "evaluate_ner",
    "evaluate_quotes",
    "evaluate_relations",
    "evaluate_time",
    "examples",
    "facts_table",
    "ner_table",
    "predict",
    "quotes_table",
    "read_corpus",
    "read_predictions",
    "read_quotes",
    "read_time_values",
    "relations_table",
    "score_coref",
    "score_facts",
    "score_ner",
    "score_quotes",
    "score_relations",
    "score_time_detection",
    "score_time_values",
    "time_table",
]
