"""Measure the event stage and the contract's event arguments on NEREL dev.

    python benchmarks/events.py --data /work/shared/data [--limit N] [--json out.json]

``benchmarks/relations.py`` scores the parse rules and the relation model apart; this scores what
a user gets in ``Event.args``: the rules merged with the argument classifier's values by the record stage
(``ruextract.events.merge``, policy in ``models/events/merge.json``), with the gold entities given
(the relation model runs on them too) and end to end. The scoring helpers are relations.py's:
triggers against NEREL EVENT (exact span and overlap, one to one), arguments as AGENT /
PARTICIPANT_IN / POINT_IN_TIME / TAKES_PLACE_IN relations to the gold EVENT a trigger overlaps.
Two views of the arguments: ``Event.args`` (one value per role) and "argument relations", every
relation of those four types the merge step writes to ``Document.relations`` (all of an event's
participants), scored the same way (the event mapped to the gold EVENT its trigger overlaps; ``ruextract
evaluate relations`` asks for the trigger's exact span instead). Also the event and record stages'
own CPU milliseconds per document.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relations import (ARG_TYPES, EVENT_IS_TAIL, OUTSIDE_NEREL, argument_gold, argument_items,  # noqa: E402
                       event_gold_map, f1_line, gold_entities, load_rows, one_to_one, report)

import ruextract  # noqa: E402
from ruextract.resources import one_blas_thread  # noqa: E402
from ruextract.evaluate import score_relations  # noqa: E402
from ruextract.events.merge import merge_model_arguments  # noqa: E402


def relation_items(doc, row: dict, spans_of) -> list:
    """The contract's AGENT / PARTICIPANT_IN / POINT_IN_TIME / TAKES_PLACE_IN relations, every one
    (not one per role), with the event mapped to the gold EVENT its trigger overlaps."""
    mapping = event_gold_map(row, doc.events)
    items = []
    for relation in doc.relations:
        if relation.type not in ARG_TYPES:
            continue
        event_id, other = ((relation.tail, relation.head) if relation.type in EVENT_IS_TAIL
                           else (relation.head, relation.tail))
        keys = spans_of(other)
        if event_id not in mapping or not keys:
            continue
        trigger = {mapping[event_id]}
        items.append((relation.type, keys, trigger) if relation.type in EVENT_IS_TAIL else (relation.type, trigger, keys))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    # stages timed outside the pipeline run as in it: numpy's BLAS on one thread (the limit holds
    # from here to the end of the process)
    blas = one_blas_thread()  # noqa: F841
    rows = load_rows(args.data / "nerel" / "dev.jsonl", args.limit)
    nlp = ruextract.load()
    before = nlp.without("events", "links", "relations", "records") if "links" in nlp.names else \
        nlp.without("events", "relations", "records")
    events, relations, records = nlp["events"], nlp["relations"], nlp["records"]
    after = [nlp[name] for name in nlp.names if name in ("links",)]
    docs = list(before.pipe({"id": row["id"], "text": row["text"]} for row in rows))
    results: dict = {}

    # 1. gold entities: our triggers, rules + model merged
    gold, merged, contract = [], [], []
    for row, parsed in zip(rows, docs):
        doc = parsed.model_copy(deep=True)
        doc.entities, doc.timexes, doc.quotes = gold_entities(row, skip={"EVENT"}), [], []
        events.process([doc])
        relations.process([doc])
        merge_model_arguments(doc)
        spans = {e.id: {(m.start, m.end) for m in e.mentions} for e in doc.entities}
        gold.append(argument_gold(row))
        merged.append(argument_items(doc, row, lambda ref: spans.get(ref, set())))
        contract.append(relation_items(doc, row, lambda ref: spans.get(ref, set())))
    results["args_gold_entities"] = score_relations(gold, merged)
    report("Event.args (rules + model merged), gold entities", results["args_gold_entities"], top=4)
    results["arg_relations_gold_entities"] = score_relations(gold, contract)
    report("argument relations (all, as in doc.relations), gold entities", results["arg_relations_gold_entities"], top=4)

    # 2. end to end, timed
    counts, seconds = Counter(), Counter()
    merged, contract = [], []
    for row, doc in zip(rows, docs):
        tick = time.process_time()
        events.process([doc])
        seconds["events"] += time.process_time() - tick
        for stage in after:
            stage.process([doc])
        relations.process([doc])
        tick = time.process_time()
        records.process([doc])
        seconds["records"] += time.process_time() - tick
        keys: dict[str, set] = {}
        for mention in relations.mentions(doc):
            keys.setdefault(mention.ref, set()).add((mention.start, mention.end))
        merged.append(argument_items(doc, row, lambda ref: keys.get(ref, set())))
        contract.append(relation_items(doc, row, lambda ref: keys.get(ref, set())))
        golds = [(e["start"], e["end"]) for e in row["entities"] if e["type"] == "EVENT"]
        ours = [(event.trigger.start, event.trigger.end) for event in doc.events]
        scoped = [(event.trigger.start, event.trigger.end) for event in doc.events if event.type not in OUTSIDE_NEREL]
        counts.update(gold=len(golds), pred=len(ours), pred_scoped=len(scoped),
                      exact=one_to_one(golds, ours, True), overlap=one_to_one(golds, ours, False),
                      overlap_scoped=one_to_one(golds, scoped, False))
    results["args_end_to_end"] = score_relations(gold, merged)
    report("Event.args (rules + model merged), end to end", results["args_end_to_end"], top=4)
    results["arg_relations_end_to_end"] = score_relations(gold, contract)
    report("argument relations (all, as in doc.relations), end to end", results["arg_relations_end_to_end"], top=4)
    results["triggers"] = {
        "exact": f1_line(counts["exact"], counts["pred"], counts["gold"]),
        "overlap": f1_line(counts["overlap"], counts["pred"], counts["gold"]),
        "overlap_types_NEREL_annotates": f1_line(counts["overlap_scoped"], counts["pred_scoped"], counts["gold"]),
    }
    for name, values in results["triggers"].items():
        print(f"triggers vs NEREL EVENT, {name}: P {values['p']:.3f} R {values['r']:.3f} F1 {values['f1']:.3f}")
    results["ms_per_doc"] = {name: round(value / len(rows) * 1000, 2) for name, value in seconds.items()}
    print(f"ms/doc (CPU): events {results['ms_per_doc']['events']}, records {results['ms_per_doc']['records']} "
          f"(records include the merge and the Meeting/Deal facts)")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
