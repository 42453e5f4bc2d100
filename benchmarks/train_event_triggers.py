"""Train the event trigger classifier on NEREL train and write ``models/events/triggers.npz``.

    python benchmarks/train_event_triggers.py --data /work/shared/data [--cache /tmp/ea] [--out PATH]

Candidates are the taxonomy's single-word triggers of NEREL event types that pass the event
stage's form rules (``EventStage.allowed``; planned infinitives are kept by those rules alone), in
our parse of NEREL train; a candidate is an event
when it lies inside a gold EVENT span. The lemma's event rate, one of the features, is itself
counted on NEREL train, so each training document sees the rate counted on the other folds only
(``--folds``): otherwise the rate would already know the answer. A binary logistic regression
(scikit-learn, training only) is fitted and its threshold tuned for trigger F1 on NEREL dev (our
triggers against gold EVENTs, one-to-one overlap, as ``ruextract evaluate events``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_event_lexicon import count  # noqa: E402
from relations import one_to_one  # noqa: E402  (overlap matching, one to one, as `evaluate events`)
from train_relations import parsed_documents  # noqa: E402

from ruextract.document import Document  # noqa: E402
from ruextract.events import EventStage  # noqa: E402
from ruextract.events.stage import lexicon_key  # noqa: E402
from ruextract.events.syntax import Tree  # noqa: E402
from ruextract.events.triggermodel import TriggerModel, trigger_features  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def candidates(row: dict, stage: EventStage) -> tuple[Tree, list[tuple[int, str, bool]], list, list]:
    """(tree, [(token, type, is event)], gold EVENT spans, phrase and non-NEREL trigger spans)."""
    doc = Document(id=row["id"], text=row["text"], tokens=row["tokens"], sentences=row["sentences"])
    tree = Tree(doc)
    golds = [(e["start"], e["end"]) for e in row["entities"] if e["type"] == "EVENT"]
    out, fixed = [], []
    for index, token in enumerate(doc.tokens):
        candidate = stage.candidate(tree, index)
        if candidate is None:
            continue
        type, first, last = candidate
        if first < last or not stage.judged(tree, index, type):  # decided by the rules alone
            if first < last or stage.kept(tree, index, type):
                fixed.append((doc.tokens[first].start, doc.tokens[last].end))
            continue
        inside = any(start < token.end and token.start < end for start, end in golds)
        out.append((index, type, inside))
    return tree, out, golds, fixed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--cache", type=Path, default=None, help="cache of the parsed NEREL texts")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "events" / "triggers.npz")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--strength", type=float, default=0.5, help="inverse L2 strength (scikit-learn's C)")
    args = parser.parse_args(argv)
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    started = time.time()
    stage = EventStage(triggers=False)
    lexicon = stage.lexicon
    least = lexicon.gate.get("min_seen", 5)
    train_rows = parsed_documents(args.data, "train", args.cache)
    parsed = [candidates(row, stage) for row in train_rows]
    # per fold: rates.json's counts (events, occurrences per lemma key) of its own documents
    fold_heads, fold_seen = [], []
    for fold in range(args.folds):
        heads, totals, _inside, _seen = count(train_rows[fold::args.folds],
                                              [tree.doc for tree, _c, _g, _f in parsed[fold::args.folds]])
        fold_heads.append(heads)
        fold_seen.append(totals)

    def held_out_rate(key: str, fold: int) -> float | None:
        events, seen = lexicon.rates.get(key, (0, 0))
        events, seen = events - fold_heads[fold][key], seen - fold_seen[fold][key]
        return events / seen if seen >= least else None

    examples = []
    for number, (tree, found, _golds, _fixed) in enumerate(parsed):
        for index, type, inside in found:
            rate = held_out_rate(lexicon_key(tree, index), number % args.folds)
            examples.append((trigger_features(tree, index, type, rate), int(inside)))
    print(f"train candidates {len(examples)}, events {sum(label for _f, label in examples)}", flush=True)
    counts = Counter(feature for features, _label in examples for feature in set(features))
    vocab = {feature: number for number, feature in
             enumerate(sorted(feature for feature, count in counts.items() if count >= args.min_count))}

    def matrix(rows: list[list[str]]):
        indptr, indices = [0], []
        for features in rows:
            indices += sorted({vocab[feature] for feature in features if feature in vocab})
            indptr.append(len(indices))
        return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))

    X = matrix([features for features, _label in examples])
    y = np.array([label for _features, label in examples])
    classifier = LogisticRegression(C=args.strength, max_iter=2000)
    classifier.fit(X, y)
    weights = np.zeros((len(vocab), 2), dtype=np.float32)
    weights[:, 1] = classifier.coef_[0]
    bias = np.array([0.0, classifier.intercept_[0]], dtype=np.float32)
    model = TriggerModel(vocab=vocab, weights=weights, bias=bias, threshold=0.5, meta={})

    # tune the threshold on dev: every trigger the stage would report, against the gold EVENTs
    dev = []
    for row in parsed_documents(args.data, "dev", args.cache):
        tree, found, golds, fixed = candidates(row, stage)
        features = [trigger_features(tree, index, type, lexicon.event_rate(lexicon_key(tree, index)))
                    for index, type, _inside in found]
        spans = [(tree.tokens[index].start, tree.tokens[index].end) for index, _type, _inside in found]
        dev.append((golds, fixed, spans, model.probabilities(features)))

    def dev_f1(threshold: float) -> tuple[float, int, int, int]:
        tp = predicted = gold = 0
        for golds, fixed, spans, probabilities in dev:
            kept = fixed + [span for span, probability in zip(spans, probabilities) if probability >= threshold]
            tp += one_to_one(golds, sorted(kept), exact=False)
            predicted += len(kept)
            gold += len(golds)
        p, r = tp / max(predicted, 1), tp / max(gold, 1)
        return (2 * p * r / (p + r) if tp else 0.0), tp, predicted, gold

    scores = {round(float(threshold), 2): dev_f1(threshold) for threshold in np.arange(0.2, 0.75, 0.025)}
    model.threshold = max(scores, key=lambda threshold: scores[threshold][0])
    f1, tp, predicted, gold = scores[model.threshold]
    print(f"dev trigger F1 (overlap, candidates from our parse, no timex filter) {f1:.3f} "
          f"(tp {tp}, pred {predicted}, gold {gold}) at threshold {model.threshold}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out, id="event-triggers-nerel", trained_on="NEREL v1.1 train (rates held out by fold)",
               tuned_on="NEREL dev", folds=args.folds, min_count=args.min_count, strength=args.strength,
               dev_trigger_f1=round(f1, 4))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
