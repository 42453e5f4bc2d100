"""Train the event argument classifier on NEREL train and write ``models/events/arguments.npz``.

    python benchmarks/train_event_args.py --data /work/shared/data [--cache /tmp/ea] [--out PATH]

Triggers are our event stage's on NEREL train (run on the gold entities, as at inference; each
stands for the gold EVENT it overlaps, and one overlapping none has no arguments) plus the gold
EVENTs none of ours overlaps (``--ours-only`` leaves these out); our event types NEREL does not
annotate (``models/events/merge.json`` ``no_relations_for``) are left out. Candidates are the gold
mentions of persons, professions, organisations, places and dates in the trigger's sentence (and
``--back`` sentences before it; none by default: the model never linked one above threshold on
dev) at most ``--reach`` tokens away (``ruextract.events.argmodel``); a pair's label is the gold AGENT / PARTICIPANT_IN /
POINT_IN_TIME / TAKES_PLACE_IN relation between them, else NONE. Features seen fewer than
``--min-count`` times are dropped. A multinomial logistic regression is fitted to its exact
optimum (L2-penalised log loss; numpy gradients, scipy's L-BFGS: the same data gives the same pack). Per
label thresholds and the most arguments of a label per event are then tuned on NEREL dev
(our triggers, gold mentions, F1 against all gold arguments); ``benchmarks/events.py`` measures
the result end to end. The texts are parsed once by our segment/morph/syntax stages and cached in ``--cache``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ruextract.document import Document
from train_relations import parsed_documents  # the same parsed, cached NEREL rows
from ruextract.events import EventStage
from ruextract.events.argmodel import (BACK, LABELS, REACH, ArgumentModel, PairContext, candidates_of,
                                       pair_features, select, triggers_of)
from ruextract.events.merge import annotated_word, merge_settings
from ruextract.events.syntax import Tree
from ruextract.records import Entity, Mention
from ruextract.relations.mentions import TokenIndex

ROOT = Path(__file__).resolve().parent.parent
EVENT_IS_HEAD = {"POINT_IN_TIME", "TAKES_PLACE_IN"}


def document_pairs(row: dict, stage: EventStage, add_gold: bool = True, back: int = BACK, reach: int = REACH):
    """(context, triggers, [(trigger, candidate, label)], gold) of one NEREL document.

    Triggers are our event stage's (run on the gold entities, as at inference), each standing for
    the gold EVENT it overlaps (a trigger overlapping none has no arguments: every pair is NONE);
    with ``add_gold`` also the gold EVENTs none of ours overlaps. Our types NEREL does not
    annotate (merge.json ``no_relations_for``, but for the words ``relations_for_rate`` keeps) are left
    out. ``gold``: (gold EVENT id, argument id)
    -> type.
    """
    doc = Document(id=row["id"], text=row["text"], tokens=row["tokens"], sentences=row["sentences"])
    index = TokenIndex(doc)
    tree = Tree(doc)
    doc.entities = [Entity.model_construct(id=e["id"], type=e["type"], name=e["text"], aliases=[], roles=[],
                                           mentions=[Mention(start=e["start"], end=e["end"], text=e["text"])])
                    for e in row["entities"] if e["type"] != "EVENT"]
    settings = merge_settings()
    skip = set(settings.get("no_relations_for", ()))
    golds = [e for e in row["entities"] if e["type"] == "EVENT"]
    ours, _spans = stage.extract(doc)
    events, covered, stands_for = [], set(), {}
    for event in ours:
        if event.type in skip and not annotated_word(doc, event, settings.get("relations_for_rate")):
            continue
        start, end = event.trigger.start, event.trigger.end
        hit = next((g for g in golds if start < g["end"] and g["start"] < end), None)
        if hit is not None:
            covered.add(hit["id"])
        stands_for[event.id] = hit["id"] if hit else None
        events.append((event.id, event.type, start, end))
    if add_gold:
        for entity in golds:
            if entity["id"] in covered:
                continue
            mention = index.mention(entity["start"], entity["end"], "EVENT", entity["id"])
            if mention is None:
                continue
            found = stage.trigger(tree, mention.head)
            stands_for[entity["id"]] = entity["id"]
            events.append((entity["id"], found[0] if found else "?", entity["start"], entity["end"]))
    triggers = triggers_of(doc, index, events)
    entities = [(e["id"], e["type"], [(e["start"], e["end"], "name")]) for e in row["entities"] if e["type"] != "EVENT"]
    candidates = candidates_of(doc, index, entities, [])
    context = PairContext(doc, index, triggers, candidates, back, reach)
    gold = {}
    for relation in row["relations"]:
        if relation["type"] in LABELS:
            event, other = ((relation["head"], relation["tail"]) if relation["type"] in EVENT_IS_HEAD
                            else (relation["tail"], relation["head"]))
            gold[(event, other)] = relation["type"]
    pairs = [(trigger, candidate, gold.get((stands_for[trigger.ref], candidate.mention.ref), "NONE"))
             for trigger in triggers for candidate in context.pairs(trigger)]
    return context, triggers, pairs, gold, stands_for


def featurize(rows: list[dict], stage: EventStage, add_gold: bool, back: int, reach: int):
    out = []
    for row in rows:
        context, triggers, pairs, gold, stands_for = document_pairs(row, stage, add_gold, back, reach)
        out.append((context, triggers, pairs, [pair_features(context, trigger, candidate) for trigger, candidate, _label in pairs],
                    gold, stands_for))
    return out


def matrix(examples: list[tuple[list[str], str]], vocab: dict[str, int]):
    indptr, indices, labels = [0], [], []
    for features, label in examples:
        indices += sorted({vocab[feature] for feature in features if feature in vocab})
        indptr.append(len(indices))
        labels.append(LABELS.index(label))
    return np.array(indptr), np.array(indices, dtype=np.int64), np.array(labels)


def fit(indptr, indices, labels, features: int, strength: float, iterations: int = 500):
    """Softmax regression: the exact minimum of the summed log loss plus ``||W||^2 / (2 strength)``
    (the bias is not penalised), by L-BFGS over numpy gradients of the sparse binary rows
    (deterministic: same data, same pack)."""
    from scipy.optimize import fmin_l_bfgs_b

    classes = len(LABELS)
    rows = len(labels)
    owner = np.repeat(np.arange(rows), np.diff(indptr))
    onehot = np.zeros((rows, classes))
    onehot[np.arange(rows), labels] = 1.0

    def objective(flat):
        weights = flat[:features * classes].reshape(features, classes)
        bias = flat[features * classes:]
        logits = np.zeros((rows, classes)) + bias
        for label in range(classes):
            logits[:, label] += np.bincount(owner, weights=weights[indices, label], minlength=rows)
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(rows), labels] + 1e-12).sum() + (weights ** 2).sum() / (2 * strength)
        delta = probs - onehot
        grad = np.empty_like(weights)
        for label in range(classes):
            grad[:, label] = np.bincount(indices, weights=delta[owner, label], minlength=features)
        grad += weights / strength
        return loss, np.concatenate([grad.ravel(), delta.sum(axis=0)])

    start = np.zeros(features * classes + classes)
    solution, loss, info = fmin_l_bfgs_b(objective, start, maxiter=iterations)
    print(f"  L-BFGS: loss {loss / rows:.4f} after {info['nit']} iterations", flush=True)
    weights = solution[:features * classes].reshape(features, classes)
    return weights.astype(np.float32), solution[features * classes:].astype(np.float32)


def dev_f1(model: ArgumentModel, dev) -> tuple[float, dict]:
    """Micro F1 on dev of our triggers' arguments (gold mentions) against every gold argument of a
    gold EVENT (the gold EVENTs we miss cost recall), and the counts."""
    counts = Counter()
    for pairs, probabilities, gold, stands_for in dev:
        found = {(stands_for[a.event], a.ref, a.type) for a in select(model, [(t, c) for t, c, _l in pairs], probabilities)
                 if stands_for[a.event] is not None}
        found |= {(None, a.ref, a.type) for a in select(model, [(t, c) for t, c, _l in pairs], probabilities)
                  if stands_for[a.event] is None}
        truth = {(event, other, type) for (event, other), type in gold.items()}
        counts["tp"] += len(found & truth)
        counts["pred"] += len(found)
        counts["gold"] += len(truth)
    p = counts["tp"] / max(counts["pred"], 1)
    r = counts["tp"] / max(counts["gold"], 1)
    return (2 * p * r / (p + r) if p + r else 0.0), dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--cache", type=Path, default=None, help="cache of the parsed NEREL texts")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "events" / "arguments.npz")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--strength", type=float, default=0.3,
                        help="inverse L2 strength (scikit-learn's C): higher fits training closer")
    parser.add_argument("--back", type=int, default=BACK, help="sentences before the trigger's searched")
    parser.add_argument("--reach", type=int, default=REACH, help="most tokens between trigger and candidate")
    parser.add_argument("--ours-only", action="store_true", help="train on our triggers only (no gold EVENT added)")
    args = parser.parse_args(argv)
    started = time.time()
    stage = EventStage()
    train = featurize(parsed_documents(args.data, "train", args.cache), stage, not args.ours_only, args.back, args.reach)
    dev = featurize(parsed_documents(args.data, "dev", args.cache), stage, False, args.back, args.reach)
    examples = [(features, label) for _c, _t, pairs, rows, _g, _s in train
                for features, (_t2, _c2, label) in zip(rows, pairs)]
    print(f"train pairs {len(examples)}: {Counter(label for _f, label in examples)}", flush=True)
    counts = Counter(feature for features, _label in examples for feature in set(features))
    vocab_list = sorted(feature for feature, count in counts.items() if count >= args.min_count)
    vocab = {feature: number for number, feature in enumerate(vocab_list)}
    print(f"features {len(vocab)} (of {len(counts)})", flush=True)
    indptr, indices, labels = matrix(examples, vocab)
    weights, bias = fit(indptr, indices, labels, len(vocab), args.strength)

    model = ArgumentModel(labels=list(LABELS), vocab=vocab, weights=weights, bias=bias,
                          thresholds={label: 0.5 for label in LABELS[1:]}, max_per_event={}, meta={})
    dev = [(pairs, model.probabilities(rows), gold, stands_for) for _c, _t, pairs, rows, gold, stands_for in dev]
    # tune each label's threshold, then its cap per event, one label at a time on dev
    for label in LABELS[1:]:
        scores = {}
        for threshold in np.arange(0.1, 0.75, 0.05):
            model.thresholds[label] = float(round(threshold, 2))
            scores[model.thresholds[label]] = dev_f1(model, dev)[0]
        model.thresholds[label] = max(scores, key=scores.get)
    for label in LABELS[1:]:
        scores = {}
        for cap in (1, 2, 3, 99):
            model.max_per_event[label] = cap
            scores[cap] = dev_f1(model, dev)[0]
        model.max_per_event[label] = max(scores, key=lambda cap: (round(scores[cap], 4), cap))
    f1, tally = dev_f1(model, dev)
    print(f"dev (our triggers, gold mentions): F1 {f1:.3f} {tally}; thresholds {model.thresholds}; "
          f"caps {model.max_per_event}", flush=True)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out, id="event-arguments-nerel", trained_on="NEREL v1.1 train (our triggers" + (
        ")" if args.ours_only else " and the gold EVENTs they miss") + ", gold mentions)",
        tuned_on="NEREL dev", back=args.back, reach=args.reach, min_count=args.min_count, strength=args.strength,
        dev_f1_our_triggers_gold_mentions=round(f1, 4))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
