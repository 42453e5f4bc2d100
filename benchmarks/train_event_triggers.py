"""Train the event trigger classifier on NEREL train and write ``models/events/triggers.npz``.

    python benchmarks/train_event_triggers.py --data /work/shared/data [--cache /tmp/ea] [--out PATH]

Candidates are the taxonomy's single-word triggers of NEREL event types that pass the event
stage's form rules (``EventStage.allowed``; planned infinitives are kept by those rules alone), in
our parse of NEREL train; a candidate is an event
when it lies inside a gold EVENT span. Unless ``--closed``, also every other verb and noun
(``EventStage.open_candidate``, type ``EVENT``), an event when it heads a gold EVENT span; its
threshold (``open_threshold``) is tuned apart. The lemma's nearest navec clusters (k-means over
the candidates' lemmas, ``--clusters``) are features too. The echo (meta ``echo``, tuned on dev
unless ``--no-echo``): a candidate whose lemma the stage keeps elsewhere in the document needs only
that fraction of its threshold (a text names its event again: "поединок" ... "поединок"). The lemma's event rate, one of the features, is itself
counted on NEREL train, so each training document sees the rate counted on the other folds only
(``--folds``): otherwise the rate would already know the answer. A binary logistic regression
(scikit-learn, training only) is fitted and its threshold tuned for trigger F1 on NEREL dev (our
triggers against gold EVENTs, one-to-one overlap, as ``ruextract evaluate events``). On NEREL dev
the open vocabulary took the arguments in ``ruextract evaluate relations --event-overlap`` from
F1 0.415 to 0.440 and the triggers from 0.624 to 0.650 (overlap).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_event_lexicon import count, span_head  # noqa: E402
from relations import one_to_one  # noqa: E402  (overlap matching, one to one, as `evaluate events`)
from train_relations import parsed_documents  # noqa: E402

from ruextract.document import Document  # noqa: E402
from ruextract.events import EventStage  # noqa: E402
from ruextract.events.stage import lexicon_key  # noqa: E402
from ruextract.events.syntax import Tree  # noqa: E402
from ruextract.events.triggermodel import GENERIC, TriggerModel  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def candidates(row: dict, stage: EventStage, open_vocabulary: bool = True
               ) -> tuple[Tree, list[tuple[int, str, bool]], list, list]:
    """(tree, [(token, type, is event)], gold EVENT spans, phrase and non-NEREL trigger spans).

    A taxonomy word is an event when it lies inside a gold EVENT span; an open-vocabulary word
    (type ``GENERIC``, ``EventStage.open_candidate``) only when it heads one (NEREL's "чемпионат
    мира" is one event, not two)."""
    doc = Document(id=row["id"], text=row["text"], tokens=row["tokens"], sentences=row["sentences"])
    tree = Tree(doc)
    golds = [(e["start"], e["end"]) for e in row["entities"] if e["type"] == "EVENT"]
    heads = set()
    for start, end in golds:
        tokens = [i for i, token in enumerate(doc.tokens) if token.start < end and start < token.end]
        if tokens:
            heads.add(span_head(doc, tokens[0], tokens[-1] + 1))
    out, fixed = [], []
    for index, token in enumerate(doc.tokens):
        candidate = stage.candidate(tree, index)
        if candidate is None:
            if open_vocabulary and stage.open_candidate(tree, index):
                out.append((index, GENERIC, index in heads))
            continue
        type, first, last = candidate
        if first < last or not stage.judged(tree, index, type):  # decided by the rules alone
            if first < last or stage.kept(tree, index, type):
                fixed.append((doc.tokens[first].start, doc.tokens[last].end))
            continue
        inside = any(start < token.end and token.start < end for start, end in golds)
        out.append((index, type, inside))
    return tree, out, golds, fixed


def centroids(lemmas: list[str], vector, sizes: tuple[int, ...], seed: int = 0) -> np.ndarray:
    """Unit centroids of k-means over the navec vectors of the candidates' distinct lemmas, one
    group per size (scikit-learn, training only; seeded: the same data gives the same pack)."""
    from sklearn.cluster import KMeans

    known = [value for value in (vector(lemma) for lemma in sorted(set(lemmas))) if value is not None]
    vectors = np.stack(known).astype(np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    groups = []
    for size in sizes:
        found = KMeans(n_clusters=size, n_init=1, random_state=seed).fit(vectors).cluster_centers_
        groups.append(found / (np.linalg.norm(found, axis=1, keepdims=True) + 1e-9))
    print(f"clusters {sizes} over {len(known)} lemmas", flush=True)
    return np.concatenate(groups).astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--cache", type=Path, default=None, help="cache of the parsed NEREL texts")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "events" / "triggers.npz")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--strength", type=float, default=0.5, help="inverse L2 strength (scikit-learn's C)")
    parser.add_argument("--clusters", default="64,512",
                        help="sizes of the groups of navec lemma clusters the classifier reads ('' for none)")
    parser.add_argument("--no-echo", dest="echo", action="store_false",
                        help="no echo: a word kept once in a document does not lower its other uses' bar")
    parser.add_argument("--closed", action="store_true", help="the taxonomy's words only (no open vocabulary)")
    parser.add_argument("--open-threshold", type=float, default=None,
                        help="the open vocabulary's threshold (default: tuned for dev trigger F1)")
    args = parser.parse_args(argv)
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    started = time.time()
    stage = EventStage(triggers=False)
    lexicon = stage.lexicon
    least = lexicon.gate.get("min_seen", 5)
    train_rows = parsed_documents(args.data, "train", args.cache)
    parsed = [candidates(row, stage, not args.closed) for row in train_rows]
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

    model = TriggerModel(vocab={}, weights=np.zeros((0, 2)), bias=np.zeros(2), threshold=0.5, meta={})
    vector = stage.vector
    if args.clusters:
        model.sizes = tuple(int(size) for size in args.clusters.split(","))
        model.centroids = centroids([tree.lemma(index) for tree, found, _g, _f in parsed for index, _t, _i in found],
                                    vector, model.sizes)
    examples = []
    for number, (tree, found, _golds, _fixed) in enumerate(parsed):
        fold = number % args.folds
        rows = stage.features(tree, found, model,
                              lambda index, tree=tree, fold=fold: held_out_rate(lexicon_key(tree, index), fold))
        examples += [(features, int(inside)) for features, (_index, _type, inside) in zip(rows, found)]
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
    model.vocab, model.weights, model.bias = vocab, weights, bias

    # tune the thresholds on dev (the taxonomy's words, then the open vocabulary's): every trigger
    # the stage would report, against the gold EVENTs
    dev = []
    for row in parsed_documents(args.data, "dev", args.cache):
        tree, found, golds, fixed = candidates(row, stage, not args.closed)
        features = stage.features(tree, found, model)
        spans = [(tree.tokens[index].start, tree.tokens[index].end) for index, _type, _inside in found]
        generic = [type == GENERIC for _index, type, _inside in found]
        lemmas = [tree.lemma(index) for index, _type, _inside in found]
        dev.append((golds, fixed, spans, generic, lemmas, model.probabilities(features)))

    def dev_f1(threshold: float, open_threshold: float, echo: float | None = None) -> tuple[float, int, int, int]:
        """Trigger F1 as the stage keeps them (``EventStage.triggers_of``, the echo included)."""
        tp = predicted = gold = 0
        for golds, fixed, spans, generic, lemmas, probabilities in dev:
            bars = [open_threshold if is_open else threshold for is_open in generic]
            sure = {lemma for lemma, probability, bar in zip(lemmas, probabilities, bars) if probability >= bar}
            kept = fixed + [span for span, lemma, probability, bar in zip(spans, lemmas, probabilities, bars)
                            if probability >= bar or echo and probability >= bar * echo and lemma in sure]
            tp += one_to_one(golds, sorted(kept), exact=False)
            predicted += len(kept)
            gold += len(golds)
        p, r = tp / max(predicted, 1), tp / max(gold, 1)
        return (2 * p * r / (p + r) if tp else 0.0), tp, predicted, gold

    grid = [round(float(value), 3) for value in np.arange(0.2, 0.75, 0.025)]
    scores = {threshold: dev_f1(threshold, 2.0) for threshold in grid}
    model.threshold = max(scores, key=lambda threshold: scores[threshold][0])
    f1, tp, predicted, gold = scores[model.threshold]
    print(f"dev trigger F1 (overlap, taxonomy words only) {f1:.3f} (tp {tp}, pred {predicted}, gold {gold}) "
          f"at threshold {model.threshold}", flush=True)
    if not args.closed:
        scores = {value: dev_f1(model.threshold, value) for value in grid + [0.8, 0.85, 0.9]}
        model.open_threshold = args.open_threshold or max(scores, key=lambda value: scores[value][0])
        f1, tp, predicted, gold = scores.get(model.open_threshold) or dev_f1(model.threshold, model.open_threshold)
    if args.echo:
        scores = {value: dev_f1(model.threshold, model.open_threshold or 2.0, value)
                  for value in (None, 0.25, 0.35, 0.5, 0.7)}
        model.meta["echo"] = max(scores, key=lambda value: scores[value][0])
        f1, tp, predicted, gold = scores[model.meta["echo"]]
    print(f"dev trigger F1 (overlap, candidates from our parse, no timex filter) {f1:.3f} "
          f"(tp {tp}, pred {predicted}, gold {gold}) at threshold {model.threshold}, "
          f"open vocabulary {model.open_threshold}, echo {model.meta.get('echo')}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out, id="event-triggers-nerel", trained_on="NEREL v1.1 train (rates held out by fold)",
               tuned_on="NEREL dev", folds=args.folds, min_count=args.min_count, strength=args.strength,
               dev_trigger_f1=round(f1, 4))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
