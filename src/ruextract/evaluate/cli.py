"""``ruextract evaluate TASK --gold FILE [--pred FILE]``: score predictions against gold data.

``ruextract.cli`` mounts ``add_arguments`` and ``run`` as its ``evaluate`` command;
``python -m ruextract.evaluate`` runs the same through ``main``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import coref, events, facts, ner, quotes, relations, temporal
from .gold import GoldDocument, attach, read_corpus, read_quotes, read_time_values, sniff
from .predictions import coverage, examples, predict, read_predictions

DESCRIPTION = """\
Score predictions against gold data and print a table (or JSON with --format json).
Without --pred, the default pipeline (ruextract.load()) runs over the gold texts first.

tasks (gold file kind in brackets):
  ner        [NEREL or FactRuEval] PER/ORG/LOC exact-span P/R/F1 per type, micro, macro, and
             one-to-one overlap F1. Gold types: NEREL PERSON->PER, ORGANIZATION->ORG,
             CITY/COUNTRY/STATE_OR_PROVINCE/LOCATION/DISTRICT->LOC; FactRuEval Person->PER,
             Org->ORG, Location/LocOrg->LOC. Nested gold mentions all count; discontinuous ones
             by their outer start/end. Predictions: entity mentions of kind "name".
  coref      [FactRuEval] MUC, B-cubed, CEAF-e, CoNLL F1. Gold clusters: the Person/Org/LocOrg/
             Location mentions of each "coref" object; predicted: each entity's mentions.
             Mentions match by exact span; singletons kept (--no-singletons drops them).
  relations  [NEREL] P/R/F1 per relation type and micro: type equal, head and tail spans equal
             to some span of the predicted head and tail: an entity's mentions, an event's
             trigger or a time expression. --gold-entities: the predictions' head/tail are NEREL
             entity ids ("T12") instead.
  events     [NEREL] event triggers against EVENT entities: exact-span and one-to-one overlap
             P/R/F1 (event arguments are scored as relations: AGENT, PARTICIPANT_IN, ...).
  facts      [FactRuEval] Occupation, Meeting, Deal, Ownership slot-level P/R/F1. Predictions:
             JSONL lines {"id", "facts": [{"type", "slots": {role: text | {"start","end"} |
             [...]}}]} (see ruextract.evaluate.facts).
  time       [NEREL] detection of DATE/TIME spans, exact and overlap P/R/F1; or
             [time values] value, type and mod accuracy (needs --texts to run the pipeline).
  quotes     [quotes] cue/source/content exact and token F1, speaker accuracy (needs --texts).

gold files (JSONL, one object a line; offsets are Python string indices, end exclusive):
  NEREL       {"id","text","entities":[{"id","type","start","end","text","fragments"?:[[s,e],..]}],
               "relations":[{"id","type","head","tail"}]}          head/tail: entity ids
  FactRuEval  {"id","text","spans":[..],"entities":[{"id","type","start","end","text",
               "fragments":[[s,e],..]}],"coref":[{"id","entity_ids":[..]}],
               "facts":[{"id","type","slots":[{"role","kind":"obj"|"span"|"text",..}]}]}
  time values {"doc_id","start","end","type","value","mod"?,"anchor"}  one line per expression
  quotes      {"doc_id","kind","cue":{"start","end"}|null,"source":{"start","end"}|null,
               "speaker":"canonical name"|null,"content":{"start","end"}}  one line per quote
  A time line without "start", or a quote line without "content" ({"doc_id","no_quotes":true}),
  marks a document that was annotated and has none; other keys ("split", "text_len") are ignored.
  Documents for time values and quotes take their texts from --texts (a NEREL, FactRuEval or
  {"id","text","published"?} JSONL); a time-value document without a "published" date is
  anchored on its most frequent gold "anchor".

predictions (--pred): the output of `ruextract extract` for the same documents (JSONL, or a JSON
array), matched to gold by "id". A document without a prediction, or with an "error" object,
predicts nothing; their numbers are reported.

examples:
  ruextract evaluate ner --gold nerel/dev.jsonl
  ruextract evaluate coref --gold factru/dev.jsonl --pred factru.out.jsonl --format json
  ruextract evaluate quotes --gold benchmarks/gold/quotes_nerel.jsonl \\
      --texts nerel/train.jsonl --texts nerel/dev.jsonl
"""

TASKS = ("ner", "coref", "relations", "events", "facts", "time", "quotes")
# which gold file kinds each task reads (gold.sniff names them)
GOLD_KINDS = {
    "ner": ("nerel", "factru"),
    "coref": ("factru",),
    "relations": ("nerel",),
    "events": ("nerel",),
    "facts": ("factru",),
    "time": ("nerel", "time"),
    "quotes": ("quotes",),
}


class UsageError(Exception):
    """A problem with the command line or its files; the message says what to change."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("task", choices=TASKS, metavar="TASK", help=f"one of: {', '.join(TASKS)}")
    parser.add_argument("--gold", type=Path, required=True, metavar="FILE",
                        help="gold JSONL (its kind depends on TASK, see above)")
    parser.add_argument("--pred", type=Path, metavar="FILE",
                        help="predictions (ruextract extract output); default: run the pipeline")
    parser.add_argument("--texts", type=Path, action="append", metavar="FILE",
                        help="corpus JSONL with the texts of time-value and quote gold documents "
                             "(repeat it for several, e.g. NEREL train and dev)")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="table (default) or json")
    parser.add_argument("--gold-entities", action="store_true",
                        help="relations: predictions refer to gold entity ids")
    parser.add_argument("--event-overlap", action="store_true",
                        help="relations: an event stands for the gold EVENT its trigger overlaps "
                             "(matched one to one, as `evaluate events` does)")
    parser.add_argument("--no-singletons", action="store_true",
                        help="coref: drop one-mention clusters on both sides (CoNLL-2012 style)")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N documents")
    parser.add_argument("--batch-size", type=int, default=16, metavar="N",
                        help="pipeline batch size when running without --pred (default 16)")
    parser.add_argument("--save-pred", type=Path, metavar="FILE",
                        help="also write the pipeline's predictions to FILE (JSONL)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    try:
        scores = evaluate(args)
    except UsageError as error:
        print(f"ruextract evaluate: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(scores, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(TABLES[args.task](scores))
        print(_coverage_line(scores["documents"]))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ruextract evaluate",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    """The scores of ``args.task``, with a ``"documents"`` coverage block."""
    for path in (args.gold, args.pred, *(args.texts or [])):
        if path is not None and not path.is_file():
            raise UsageError(f"no such file: {path}")
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    gold = load_gold(args.task, args.gold, args.texts)
    if args.limit is not None:
        gold = gold[: args.limit]

    if args.pred is not None:
        try:
            predictions = read_predictions(args.pred)
        except ValueError as error:
            raise UsageError(str(error)) from None
    else:
        untexted = [doc.id for doc in gold if not doc.text]
        if untexted:
            raise UsageError(
                f"no text for {len(untexted)} gold documents (e.g. {untexted[0]!r}): give --texts "
                f"with the corpus they come from, or --pred"
            )
        predictions = predict(gold, batch_size=args.batch_size, quiet=args.quiet)
        if args.save_pred:
            with args.save_pred.open("w", encoding="utf-8") as stream:
                for output in predictions.values():
                    stream.write(json.dumps(output, ensure_ascii=False) + "\n")

    paired = examples(gold, predictions)
    try:
        scores = SCORERS[args.task](paired, args)
    except ValueError as error:
        raise UsageError(str(error)) from None
    scores["documents"] = coverage(paired)
    return scores


def load_gold(task: str, gold: Path, texts: list[Path] | None) -> list[GoldDocument]:
    try:
        kind = sniff(gold)
        if kind not in GOLD_KINDS[task]:
            wanted = " or ".join(GOLD_KINDS[task])
            raise UsageError(f"{task} needs {wanted} gold, but {gold} looks like {kind} gold")
        if kind in ("nerel", "factru"):
            return read_corpus(gold)
        corpus = [doc for path in texts or [] for doc in read_corpus(path)]
        if kind == "time":
            return attach(corpus, timexes=read_time_values(gold))
        return attach(corpus, quotes=read_quotes(gold))
    except (KeyError, ValueError) as error:
        raise UsageError(f"cannot read the gold data: {error}") from None


SCORERS: dict[str, Callable[[list, argparse.Namespace], dict[str, Any]]] = {
    "ner": lambda paired, args: ner.evaluate_ner(paired),
    "coref": lambda paired, args: coref.evaluate_coref(paired, singletons=not args.no_singletons),
    "relations": lambda paired, args: relations.evaluate_relations(
        paired, gold_entities=args.gold_entities, event_overlap=args.event_overlap
    ),
    "events": lambda paired, args: events.evaluate_events(paired),
    "facts": lambda paired, args: facts.evaluate_facts(paired),
    "time": lambda paired, args: temporal.evaluate_time(paired),
    "quotes": lambda paired, args: quotes.evaluate_quotes(paired),
}

TABLES: dict[str, Callable[[dict[str, Any]], str]] = {
    "ner": ner.ner_table,
    "coref": coref.coref_table,
    "relations": relations.relations_table,
    "events": events.events_table,
    "facts": facts.facts_table,
    "time": temporal.time_table,
    "quotes": quotes.quotes_table,
}


def _coverage_line(documents: dict[str, int]) -> str:
    line = f"\n{documents['documents']} documents scored"
    if documents["missing"] or documents["failed"]:
        line += (f"; {documents['missing']} without a prediction and {documents['failed']} "
                 f"failed (they predict nothing)")
    return line
