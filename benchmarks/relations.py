"""Measure the events, relations and records stages on NEREL dev and FactRuEval dev.

    python benchmarks/relations.py --data /work/shared/data [--limit N] [--json out.json]

Reports:
  * NEREL relations, micro F1 over all 49 types and per type, with the gold entities given (our
    segment/morph/syntax stages run on the text, the gold mentions become ``Document.entities``)
    and end to end (our entities, triggers and position phrases; exact spans), scored by
    ``ruextract.evaluate.score_relations``; the in-sentence share of gold relations is printed too
    (the classifier only pairs mentions of one sentence);
  * event triggers against NEREL EVENT entities: exact-span and overlap F1 (one to one);
  * event arguments (AGENT, PARTICIPANT_IN, POINT_IN_TIME, TAKES_PLACE_IN) as relations between a
    trigger (mapped to the gold EVENT it overlaps; our event types NEREL does not annotate left
    out) and an entity argument (agent -> AGENT; patient,
    participant, recipient -> PARTICIPANT_IN; time; place), gold entities given and end to end;
  * FactRuEval Occupation slot F1 (``ruextract.evaluate.score_facts``);
  * milliseconds per 2,000 characters for events + relations + records (and per document for the
    relation stage alone), and the whole pipeline's documents per second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import ruextract
from ruextract.resources import one_blas_thread
from ruextract.document import Document
from ruextract.evaluate import read_corpus, score_facts, score_relations
from ruextract.events import EventStage
from ruextract.events.records import RecordStage
from ruextract.records import Entity, Mention
from ruextract.relations import RelationStage, parse_pipeline

EVENT_ROLES = {"agent": "AGENT", "patient": "PARTICIPANT_IN", "participant": "PARTICIPANT_IN",
               "recipient": "PARTICIPANT_IN", "time": "POINT_IN_TIME", "place": "TAKES_PLACE_IN"}
ARG_TYPES = {"AGENT", "PARTICIPANT_IN", "POINT_IN_TIME", "TAKES_PLACE_IN"}
EVENT_IS_TAIL = {"AGENT", "PARTICIPANT_IN"}
# our types NEREL does not annotate as EVENT: under 10% of their triggers overlap a NEREL EVENT on
# the first 400 NEREL *train* documents (speech, requests, help, transfers, cooperation, founding)
OUTSIDE_NEREL = {"STATEMENT", "REQUEST", "HELP", "TRANSFER", "COOPERATION", "FOUNDING", "CHARGE", "THANKS"}  # NEREL: argument -> event; the others event -> argument


def load_rows(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def gold_entities(row: dict, skip: set[str] = frozenset()) -> list[Entity]:
    """NEREL entities as Document.entities: one entity per mention, NEREL's own id and type.

    ``Entity.type`` is PER/LOC/ORG in the contract; gold mode needs NEREL's 29 types, so these
    are built unvalidated (benchmark only).
    """
    out = []
    for entity in row["entities"]:
        if entity["type"] in skip:
            continue
        mention = Mention(start=entity["start"], end=entity["end"], text=row["text"][entity["start"]:entity["end"]])
        out.append(Entity.model_construct(id=entity["id"], type=entity["type"], name=entity["text"],
                                          mentions=[mention], aliases=[], roles=[]))
    return out


def f1_line(tp: int, pred: int, gold: int) -> dict:
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "tp": tp, "pred": pred, "gold": gold}


def one_to_one(gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool) -> int:
    used, hits = set(), 0
    for start, end in pred:
        for number, (gold_start, gold_end) in enumerate(gold):
            if number in used:
                continue
            if (start, end) == (gold_start, gold_end) if exact else start < gold_end and gold_start < end:
                used.add(number)
                hits += 1
                break
    return hits


def event_gold_map(row: dict, events) -> dict[str, tuple]:
    """Our event id -> the key of the gold EVENT its trigger overlaps (its span), else its own span."""
    golds = [(e["start"], e["end"]) for e in row["entities"] if e["type"] == "EVENT"]
    mapping = {}
    for event in events:
        start, end = event.trigger.start, event.trigger.end
        hit = next(((gs, ge) for gs, ge in golds if start < ge and gs < end), (start, end))
        mapping[event.id] = hit
    return mapping


def argument_items(doc: Document, row: dict, spans_of) -> list:
    """Our event arguments as (NEREL type, heads, tails) with span keys."""
    mapping = event_gold_map(row, doc.events)
    items = []
    for event in doc.events:
        if event.type in OUTSIDE_NEREL:
            continue
        trigger = {mapping[event.id]}
        for role, ref in event.args.items():
            type = EVENT_ROLES.get(role)
            if type is None:
                continue
            keys = spans_of(ref)
            if not keys:
                continue
            items.append((type, keys, trigger) if type in EVENT_IS_TAIL else (type, trigger, keys))
    # arguments that are no entity ("два террориста") are left out: NEREL links entities only
    return items


def model_argument_items(doc: Document, row: dict, found) -> list:
    """The relation model's AGENT/PARTICIPANT_IN/POINT_IN_TIME/TAKES_PLACE_IN links to our triggers."""
    mapping = event_gold_map(row, [event for event in doc.events if event.type not in OUTSIDE_NEREL])
    items = []
    for item in found:
        if item.type not in ARG_TYPES:
            continue
        event_side, other = (item.tail, item.head) if item.type in EVENT_IS_TAIL else (item.head, item.tail)
        if event_side.ref not in mapping:
            continue
        keys, trigger = {(other.start, other.end)}, {mapping[event_side.ref]}
        items.append((item.type, keys, trigger) if item.type in EVENT_IS_TAIL else (item.type, trigger, keys))
    return items


def argument_gold(row: dict) -> set:
    spans = {e["id"]: (e["start"], e["end"]) for e in row["entities"]}
    return {(r["type"], spans[r["head"]], spans[r["tail"]]) for r in row["relations"] if r["type"] in ARG_TYPES}


def report(title: str, scores: dict, top: int = 0) -> None:
    micro = scores["micro"]
    print(f"{title}: P {micro['p']:.3f} R {micro['r']:.3f} F1 {micro['f1']:.3f} "
          f"(tp {micro.get('tp')}, pred {micro.get('pred')}, gold {micro.get('gold')})")
    if top:
        ranked = sorted(scores["per_type"].items(), key=lambda item: -item[1].get("gold", 0))[:top]
        for type, values in ranked:
            print(f"    {type:20s} gold {values.get('gold', 0):4d}  P {values['p']:.3f} R {values['r']:.3f} F1 {values['f1']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    parser.add_argument("--model", type=Path, default=None, help="relation model pack (default: shipped)")
    parser.add_argument("--predicted-model", type=Path, default=None,
                        help="relation model pack for our own entities (default: shipped, or --model if given)")
    parser.add_argument("--aliases", type=Path, default=None, help="other-name model pack (default: shipped)")
    parser.add_argument("--json", type=Path, default=None, help="write all numbers here")
    args = parser.parse_args(argv)
    # stages timed outside the pipeline run as in it: numpy's BLAS on one thread (the limit holds
    # from here to the end of the process)
    blas = one_blas_thread()  # noqa: F841
    results: dict = {}

    base = ruextract.load()
    parse = parse_pipeline()
    events = EventStage()
    # the model alone on every NEREL type (event-argument pairs too); the shipped pipeline leaves
    # those pairs to the record stage's argument classifier (``shipped`` is timed)
    relations = RelationStage(model=args.model, aliases=args.aliases, event_arguments=True,
                              predicted_model=args.predicted_model)
    shipped = RelationStage(model=args.model, aliases=args.aliases, predicted_model=args.predicted_model)
    records = RecordStage()
    rows = load_rows(args.data / "nerel" / "dev.jsonl", args.limit)

    # 1. gold entities given
    gold_items, pred_items, arg_gold, arg_pred, arg_model, arg_union = [], [], [], [], [], []
    in_sentence = Counter()
    for row, doc in zip(rows, parse.pipe({"id": r["id"], "text": r["text"]} for r in rows)):
        doc.entities = gold_entities(row)
        found = relations.find(doc)
        gold_items.append({(r["type"], r["head"], r["tail"]) for r in row["relations"]})
        pred_items.append([(item.type, {item.head.ref}, {item.tail.ref}) for item in found])
        mentions = relations.mentions(doc)
        sentence_of = {m.ref: m.sentence for m in mentions}
        for r in row["relations"]:
            in_sentence[sentence_of.get(r["head"]) == sentence_of.get(r["tail"]) is not None] += 1
        # event arguments with gold entities (gold EVENT entities left out: we find triggers)
        doc.entities = gold_entities(row, skip={"EVENT"})
        events.process([doc])
        spans = {e.id: {(m.start, m.end) for m in e.mentions} for e in doc.entities}
        arg_gold.append(argument_gold(row))
        rule_items = argument_items(doc, row, lambda ref: spans.get(ref, set()))
        model_items = model_argument_items(doc, row, relations.find(doc))
        arg_pred.append(rule_items)
        arg_model.append(model_items)
        arg_union.append(rule_items + model_items)
    scores = score_relations(gold_items, pred_items)
    results["relations_gold_entities"] = scores
    share = in_sentence[True] / max(sum(in_sentence.values()), 1)
    print(f"NEREL dev: {len(rows)} documents; {share:.1%} of gold relations join mentions of one sentence")
    report("relations, gold entities, all 49 types", scores, top=16)
    arg_scores = score_relations(arg_gold, arg_pred)
    results["event_args_gold_entities"] = arg_scores
    report("event arguments (parse rules), gold entities", arg_scores, top=4)
    results["event_args_model_gold_entities"] = score_relations(arg_gold, arg_model)
    report("event arguments (relation model on our triggers), gold entities",
           results["event_args_model_gold_entities"], top=4)
    results["event_args_union_gold_entities"] = score_relations(arg_gold, arg_union)
    report("event arguments (rules + model), gold entities", results["event_args_union_gold_entities"], top=4)

    # 2. end to end
    e2e_gold, e2e_pred, arg_pred_e2e, arg_model_e2e, arg_union_e2e = [], [], [], [], []
    trigger_counts = Counter()
    stage_seconds = relation_seconds = 0.0
    chars = 0
    started = time.process_time()
    docs = list(base.pipe({"id": r["id"], "text": r["text"]} for r in rows))
    base_seconds = time.process_time() - started
    for row, doc in zip(rows, docs):
        tick = time.process_time()
        events.process([doc])
        relation_tick = time.process_time()
        shipped.process([doc])
        relation_seconds += time.process_time() - relation_tick
        records.process([doc])
        stage_seconds += time.process_time() - tick
        mentions = relations.mentions(doc)
        found = relations.find(doc, mentions)
        chars += len(doc.text)
        keys: dict[str, set] = {}
        for mention in mentions:
            keys.setdefault(mention.ref, set()).add((mention.start, mention.end))
        spans = {e["id"]: (e["start"], e["end"]) for e in row["entities"]}
        e2e_gold.append({(r["type"], spans[r["head"]], spans[r["tail"]]) for r in row["relations"]})
        e2e_pred.append([(item.type, keys[item.head.ref], keys[item.tail.ref]) for item in found])
        gold_events = [(e["start"], e["end"]) for e in row["entities"] if e["type"] == "EVENT"]
        ours = [(event.trigger.start, event.trigger.end) for event in doc.events]
        trigger_counts["gold"] += len(gold_events)
        trigger_counts["pred"] += len(ours)
        trigger_counts["exact"] += one_to_one(gold_events, ours, exact=True)
        trigger_counts["overlap"] += one_to_one(gold_events, ours, exact=False)
        in_scope = [(e.trigger.start, e.trigger.end) for e in doc.events if e.type not in OUTSIDE_NEREL]
        trigger_counts["pred_in_scope"] += len(in_scope)
        trigger_counts["overlap_in_scope"] += one_to_one(gold_events, in_scope, exact=False)
        rule_items = argument_items(doc, row, lambda ref: keys.get(ref, set()))
        model_items = model_argument_items(doc, row, found)
        arg_pred_e2e.append(rule_items)
        arg_model_e2e.append(model_items)
        arg_union_e2e.append(rule_items + model_items)
    scores = score_relations(e2e_gold, e2e_pred)
    results["relations_end_to_end"] = scores
    report("relations, end to end (exact spans)", scores, top=10)
    arg_scores = score_relations(arg_gold, arg_pred_e2e)
    results["event_args_end_to_end"] = arg_scores
    report("event arguments (parse rules), end to end", arg_scores, top=4)
    results["event_args_model_end_to_end"] = score_relations(arg_gold, arg_model_e2e)
    report("event arguments (relation model), end to end", results["event_args_model_end_to_end"], top=4)
    results["event_args_union_end_to_end"] = score_relations(arg_gold, arg_union_e2e)
    report("event arguments (rules + model), end to end", results["event_args_union_end_to_end"], top=4)
    triggers = {
        "exact": f1_line(trigger_counts["exact"], trigger_counts["pred"], trigger_counts["gold"]),
        "overlap": f1_line(trigger_counts["overlap"], trigger_counts["pred"], trigger_counts["gold"]),
        "overlap_types_NEREL_annotates": f1_line(trigger_counts["overlap_in_scope"],
                                                 trigger_counts["pred_in_scope"], trigger_counts["gold"]),
    }
    results["event_triggers"] = triggers
    for name, values in triggers.items():
        print(f"event triggers vs NEREL EVENT, {name}: P {values['p']:.3f} R {values['r']:.3f} F1 {values['f1']:.3f}")
    per_2000 = stage_seconds / max(chars, 1) * 2000 * 1000
    results["speed"] = {
        "stages_ms_per_2000_chars": round(per_2000, 2),
        "stages_ms_per_doc": round(stage_seconds / len(rows) * 1000, 2),
        "relations_ms_per_doc": round(relation_seconds / len(rows) * 1000, 2),
        "base_pipeline_docs_per_s": round(len(rows) / base_seconds, 1),
        "with_stages_docs_per_s": round(len(rows) / (base_seconds + stage_seconds), 1),
    }
    print(f"speed: events+relations+records {results['speed']['stages_ms_per_doc']} ms/doc "
          f"(relations alone {results['speed']['relations_ms_per_doc']}), "
          f"{per_2000:.2f} ms per 2,000 chars; pipeline {results['speed']['base_pipeline_docs_per_s']} "
          f"docs/s without, {results['speed']['with_stages_docs_per_s']} docs/s with these stages")

    # 3. FactRuEval Occupation
    factru = read_corpus(args.data / "factru" / "dev.jsonl")
    if args.limit:
        factru = factru[: args.limit]
    nlp = ruextract.load().replace("events", events).replace("relations", relations)
    gold_facts, pred_facts = [], []
    for gold, doc in zip(factru, nlp.pipe({"id": g.id, "text": g.text} for g in factru)):
        gold_facts.append([fact for fact in gold.facts if fact.type == "Occupation"])
        facts = []
        for fact in doc.facts:
            slots = {role: {"start": span.start, "end": span.end} for role, span in fact.slots.items()}
            facts.append({"type": fact.type, "slots": slots})
        pred_facts.append(facts)
    fact_scores = score_facts(gold_facts, pred_facts)
    results["factru_occupation"] = fact_scores["per_type"]["Occupation"]
    occupation = fact_scores["per_type"]["Occupation"]
    print(f"FactRuEval dev Occupation (slots): P {occupation['p']:.3f} R {occupation['r']:.3f} F1 {occupation['f1']:.3f}")
    for role in ("Who", "Position", "Where"):
        values = fact_scores["per_role"][f"Occupation.{role}"]
        print(f"    {role:9s} P {values['p']:.3f} R {values['r']:.3f} F1 {values['f1']:.3f}")

    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
