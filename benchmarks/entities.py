"""Entity resolution benchmark: coreference on FactRuEval dev, NER repair on FactRuEval and NEREL.

    python benchmarks/entities.py --data /work/shared/data [--limit N] [--cache DIR]

Coreference (CoNLL F1 = mean of MUC, B-cubed and CEAF-e F1, ``ruextract.evaluate.coref``),
for the full stage and for name-merging only (``EntityStage(names_only=True)``), on three
mention sets:

    matched    predicted name/alias mentions whose span equals a gold mention's, against the
               gold mentions so matched: clustering quality alone (the floor is on this one)
    predicted  all predicted name/alias mentions against all gold mentions (detection errors
               count as well)
    gold       the stage run on the gold mentions (fed in place of NER spans), scored on them

Gold clusters are the mentions (outer spans of Person, Org, LocOrg, Location entities) of each
FactRuEval ``coref`` object. Person descriptors and pronouns are not FactRuEval mentions and are
left out of every set; institution mentions of organisations ("правительство Израиля") are in.

NER: micro and per-type F1 of exact (start, end, type) spans, raw slovnet (``Document.ner``)
against the entity stage's name mentions (type = the entity's type). Capitalised alias mentions
such as a metonym count as well, adjectives and demonyms do not; the institution mentions of
organisations ("полиция", "правительство России"), which both corpora annotate, count.
FactRuEval Person->PER, Org->ORG, Location/LocOrg->LOC; NEREL PERSON->PER, ORGANIZATION->ORG, CITY/COUNTRY/STATE_OR_PROVINCE/LOCATION/DISTRICT->LOC (nested
gold spans included).

Speed: the entity stage's own time per document, and per 2,000 characters.

``--cache DIR`` keeps the documents as they leave the NER stage (``DIR/<corpus>.jsonl``) so that
reruns skip slovnet.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections import Counter
from pathlib import Path

import ruextract
from ruextract import Document, NerSpan
from ruextract.entities import EntityStage
from ruextract.entities.build import _normal
from ruextract.entities.keys import is_abbreviation, stem, word_keys
from ruextract.evaluate.coref import score_coref
from ruextract.evaluate.gold import FACTRU_LABELS, NEREL_LABELS

FACTRU_TYPES, NEREL_TYPES = FACTRU_LABELS, NEREL_LABELS  # the scorer's type maps
SCORED_KINDS = ("name", "alias")


def read(path: Path, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        lines = [json.loads(line) for line in stream if line.strip()]
    return lines[:limit] if limit else lines


def prepared(name: str, gold: list[dict], cache: Path | None) -> list[Document]:
    """The gold documents run up to (not through) the entity stage, cached if asked."""
    path = cache / f"{name}.jsonl" if cache else None
    if path is not None and path.exists():
        docs = [Document.model_validate_json(line) for line in path.read_text().splitlines()]
        if [doc.id for doc in docs] == [str(item["id"]) for item in gold]:
            return docs
    names = ruextract.load().names  # the entity stage and every stage that needs it stay out
    nlp = ruextract.load(exclude=tuple(names[names.index("entities") :]))
    docs = list(nlp.pipe({"id": str(item["id"]), "text": item["text"]} for item in gold))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(doc.model_dump_json() + "\n" for doc in docs))
    return docs


def run(stage: EntityStage, docs: list[Document]) -> tuple[list[Document], float]:
    """The stage over copies of the documents, and its CPU seconds.

    Tables and dictionaries load once per process, so one document warms them up first; the
    name caches are emptied, so every name is normalised afresh as in unseen news. CPU time, not
    wall time: the machine is shared.
    """
    if docs:
        stage.process([docs[0].model_copy(deep=True)])
    for cache in (_normal, stem, word_keys, is_abbreviation):
        cache.cache_clear()
    copies = [doc.model_copy(deep=True) for doc in docs]
    gc.collect()
    gc.freeze()  # the benchmark's own gold and documents are not the stage's garbage to scan
    started = time.process_time()
    for doc in copies:
        stage.process([doc])
    seconds = time.process_time() - started
    gc.unfreeze()
    return copies, seconds


# gold


def factru_mentions(item: dict) -> dict[tuple[int, int], str]:
    return {
        (entity["start"], entity["end"]): FACTRU_TYPES[entity["type"]]
        for entity in item["entities"]
        if entity["type"] in FACTRU_TYPES
    }


def factru_clusters(item: dict) -> list[list[tuple[int, int]]]:
    entities = {entity["id"]: entity for entity in item["entities"]}
    clusters, seen = [], set()
    for referent in item["coref"]:
        spans = []
        for entity_id in referent["entity_ids"]:
            entity = entities.get(entity_id)
            if entity is None or entity["type"] not in FACTRU_TYPES:
                continue
            span = (entity["start"], entity["end"])
            if span not in seen:
                seen.add(span)
                spans.append(span)
        if spans:
            clusters.append(spans)
    return clusters


def nerel_mentions(item: dict) -> dict[tuple[int, int], str]:
    return {
        (entity["start"], entity["end"]): NEREL_TYPES[entity["type"]]
        for entity in item["entities"]
        if entity["type"] in NEREL_TYPES
    }


# predictions


def _scored(entity, mention) -> bool:  # type: ignore[no-untyped-def]
    """Names and aliases, and institution mentions of organisations ("правительство Израиля")."""
    return mention.kind in SCORED_KINDS or mention.kind == "descriptor" and entity.type == "ORG"


def predicted_clusters(doc: Document, keep: set[tuple[int, int]] | None = None) -> list[list]:
    clusters = []
    for entity in doc.entities:
        spans = sorted(
            {
                (mention.start, mention.end)
                for mention in entity.mentions
                if _scored(entity, mention)
                and (keep is None or (mention.start, mention.end) in keep)
            }
        )
        if spans:
            clusters.append(spans)
    return clusters


def _proper(text: str) -> bool:
    """A metonym that is a name ("Кремль"), not "американская сторона" or "Итальянцы"."""
    words = text.split()
    return all(word[:1].isupper() for word in words) and not (
        len(words) == 1 and text.endswith("цы")
    )


def predicted_names(doc: Document) -> set[tuple[int, int, str]]:
    spans = set()
    for entity in doc.entities:
        for mention in entity.mentions:
            institution = mention.kind == "descriptor" and entity.type == "ORG"  # "полиция"
            if (
                mention.kind == "name"
                or institution
                or mention.kind == "alias"
                and _proper(mention.text)
            ):
                spans.add((mention.start, mention.end, entity.type))
    return spans


# scores


def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def ner_scores(pairs: list[tuple[set, set]]) -> dict[str, dict[str, float]]:
    counts: Counter = Counter()
    for gold, pred in pairs:
        for label in ("PER", "LOC", "ORG", "all"):
            g = {span for span in gold if label in ("all", span[2])}
            p = {span for span in pred if label in ("all", span[2])}
            counts[label, "tp"] += len(g & p)
            counts[label, "pred"] += len(p)
            counts[label, "gold"] += len(g)
    return {
        label: prf(counts[label, "tp"], counts[label, "pred"], counts[label, "gold"])
        for label in ("all", "PER", "LOC", "ORG")
    }


def coref_sets(gold_items: list[dict], docs: list[Document]) -> dict[str, tuple[dict, dict]]:
    gold_all, pred_all, gold_matched, pred_matched = {}, {}, {}, {}
    for item, doc in zip(gold_items, docs):
        clusters = factru_clusters(item)
        gold_spans = {span for cluster in clusters for span in cluster}
        predicted = predicted_clusters(doc)
        pred_spans = {span for cluster in predicted for span in cluster}
        both = gold_spans & pred_spans
        gold_all[doc.id], pred_all[doc.id] = clusters, predicted
        gold_matched[doc.id] = [[s for s in c if s in both] for c in clusters if set(c) & both]
        pred_matched[doc.id] = predicted_clusters(doc, both)
    return {"matched": (gold_matched, pred_matched), "predicted": (gold_all, pred_all)}


def on_gold_spans(gold: dict, pred: dict) -> dict:
    """The predicted clusters cut down to gold mentions (the stage may add mentions of its own)."""
    kept = {}
    for doc_id, clusters in pred.items():
        spans = {span for cluster in gold[doc_id] for span in cluster}
        kept[doc_id] = [[span for span in cluster if span in spans] for cluster in clusters]
    return kept


def with_gold_mentions(item: dict, doc: Document) -> Document:
    copy = doc.model_copy(deep=True)
    copy.ner = [
        NerSpan(start=start, end=end, text=doc.text[start:end], type=type)
        for (start, end), type in sorted(factru_mentions(item).items())
    ]
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="/work/shared/data", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    stages = {"full": EntityStage(), "names-only": EntityStage(names_only=True)}

    factru = read(args.data / "factru" / "dev.jsonl", args.limit)
    factru_docs = prepared("factru_dev", factru, args.cache)
    nerel = read(args.data / "nerel" / "dev.jsonl", args.limit)
    nerel_docs = prepared("nerel_dev", nerel, args.cache)

    report: dict = {"coref": {}, "ner": {}, "speed": {}}
    for mode, stage in stages.items():
        docs, seconds = run(stage, factru_docs)
        gold_docs, _seconds = run(
            stage, [with_gold_mentions(i, d) for i, d in zip(factru, factru_docs)]
        )
        sets = coref_sets(factru, docs)
        gold_clusters, pred_clusters = coref_sets(factru, gold_docs)["predicted"]
        sets["gold"] = (gold_clusters, on_gold_spans(gold_clusters, pred_clusters))
        ids = [doc.id for doc in docs]  # score_coref takes documents in one order on both sides
        report["coref"][mode] = {
            name: score_coref([gold[i] for i in ids], [pred[i] for i in ids])
            for name, (gold, pred) in sets.items()
        }
        chars = sum(len(doc.text) for doc in docs)
        report["speed"][f"{mode} factru"] = {
            "ms_per_doc": 1000 * seconds / len(docs),
            "ms_per_2000_chars": 1000 * seconds / chars * 2000,
        }
        if mode == "full":
            report["ner"]["factru"] = {
                "raw slovnet": ner_scores(
                    [
                        (
                            {(s, e, t) for (s, e), t in factru_mentions(i).items()},
                            {(span.start, span.end, span.type) for span in d.ner},
                        )
                        for i, d in zip(factru, factru_docs)
                    ]
                ),
                "entities": ner_scores(
                    [
                        (
                            {(s, e, t) for (s, e), t in factru_mentions(i).items()},
                            predicted_names(d),
                        )
                        for i, d in zip(factru, docs)
                    ]
                ),
            }
            docs, seconds = run(stage, nerel_docs)
            chars = sum(len(doc.text) for doc in docs)
            report["speed"]["full nerel"] = {
                "ms_per_doc": 1000 * seconds / len(docs),
                "ms_per_2000_chars": 1000 * seconds / chars * 2000,
            }
            report["ner"]["nerel"] = {
                "raw slovnet": ner_scores(
                    [
                        (
                            {(s, e, t) for (s, e), t in nerel_mentions(i).items()},
                            {(span.start, span.end, span.type) for span in d.ner},
                        )
                        for i, d in zip(nerel, nerel_docs)
                    ]
                ),
                "entities": ner_scores(
                    [
                        (
                            {(s, e, t) for (s, e), t in nerel_mentions(i).items()},
                            predicted_names(d),
                        )
                        for i, d in zip(nerel, docs)
                    ]
                ),
            }
    print_report(report)


def print_report(report: dict) -> None:
    print("Coreference, FactRuEval dev (CoNLL F1; MUC / B3 / CEAF-e F1)")
    for mode, sets in report["coref"].items():
        for name, scores in sets.items():
            parts = " / ".join(f"{scores[m]['f1']:.3f}" for m in ("muc", "b3", "ceafe"))
            print(f"  {mode:<11} {name:<10} {scores['conll_f1']:.3f}   ({parts})")
    print("NER, exact spans (micro F1; PER / LOC / ORG F1)")
    for corpus, systems in report["ner"].items():
        for system, scores in systems.items():
            parts = " / ".join(f"{scores[t]['f1']:.3f}" for t in ("PER", "LOC", "ORG"))
            print(f"  {corpus:<7} {system:<12} {scores['all']['f1']:.3f}   ({parts})")
    print("Speed of the entity stage")
    for name, speed in report["speed"].items():
        print(
            f"  {name:<18} {speed['ms_per_doc']:.2f} ms/doc, "
            f"{speed['ms_per_2000_chars']:.2f} ms per 2,000 chars"
        )


if __name__ == "__main__":
    sys.exit(main())
