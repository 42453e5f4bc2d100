"""Train the relation classifier on NEREL and write ``models/relations/relations.npz``.

    python benchmarks/train_relations.py --data /work/shared/data [--cache /tmp/rx] [--out PATH]

Candidates are ordered pairs of gold entity mentions in one sentence; the label is the gold
NEREL relation type or NONE. Every training document is used twice: with NEREL's fine entity
types and with the types our own NER produces (PER/LOC/ORG), so one model serves both gold and
predicted entities. A multinomial logistic regression (scikit-learn, training only) is fitted;
with ``--hidden H`` (as shipped: ``--hidden 64 --epochs 4 --dropout 0.4 --tune-both-typings``)
a network with one hidden ReLU layer (torch, training only: ``pip install torch``) is then fitted
over the features the regression kept and replaces it. The decision thresholds are tuned for
micro F1 on dev (with ``--tune-both-typings`` on dev with NEREL's types and ours at once), and
the weights are saved for numpy inference (``ruextract.relations.model``).

A second, binary model for ALTERNATIVE_NAME across the whole document (``ruextract.relations.
aliases``) is trained on the same documents and written next to it
(``models/relations/alternative_names.npz``); ``--aliases-only`` retrains just that one (~1 min).

The classifier the pipeline runs on our own entities (``models/relations/relations_predicted.npz``)
is trained with ``--predicted-mentions`` (as shipped: ``--hidden 64 --epochs 4 --dropout 0.4
--tune-both-typings --predicted-mentions``, ~20 minutes): the pairs of our own predicted mentions
of train (the default pipeline's; a pair whose spans are a gold relation's gets its type) are
added to the gold-mention ones; the candidate priors and the other-name model stay the gold-
mention ones; its mentions include the relation stage's event extents. On NEREL dev end to end
it gives 0.404 where ``relations.npz`` gives 0.384; with gold entities it is a little worse (0.599
vs 0.604), so given entities keep ``relations.npz``.
``--tune-end-to-end`` also tunes thresholds on our predicted mentions of dev (meta ``end_to_end``;
not shipped: on held-out halves of dev it gained +0.003 only).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ruextract.document import Document
from ruextract.relations.aliases import (AliasModel, alias_candidates, alias_features, name_of,
                                         unit_vectors)
from ruextract.relations.features import (Context, Embedder, candidate_pairs, dense_features,
                                          head_vectors, pair_features, prior_key)
from ruextract.relations.mentions import Mention, TokenIndex, coarse_type
from ruextract.relations.model import RelationModel
from ruextract.resources import shared_resources

ROOT = Path(__file__).resolve().parent.parent
PREDICTED_TYPE = {
    "PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC",
    "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC", "LOCATION": "LOC",
}
PROJECTION_DIM = 48


def parsed_documents(data: Path, split: str, cache: Path | None) -> list[dict]:
    """NEREL rows with tokens and sentences from our segment/morph/syntax stages (cached)."""
    cached = cache / f"nerel_{split}.jsonl" if cache else None
    if cached and cached.exists():
        return [json.loads(line) for line in cached.open(encoding="utf-8")]
    from ruextract.relations import parse_pipeline

    nlp = parse_pipeline()
    rows = [json.loads(line) for line in (data / "nerel" / f"{split}.jsonl").open(encoding="utf-8")]
    out = []
    for row, doc in zip(rows, nlp.pipe({"id": row["id"], "text": row["text"]} for row in rows)):
        parsed = doc.model_dump(include={"tokens", "sentences"})
        out.append({**row, **parsed})
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with cached.open("w", encoding="utf-8") as file:
            for row in out:
                file.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def gold_mentions(doc: Document, row: dict, predicted_types: bool) -> list[Mention]:
    index = TokenIndex(doc)
    mentions = []
    for entity in row["entities"]:
        type = PREDICTED_TYPE.get(entity["type"], entity["type"]) if predicted_types else entity["type"]
        mention = index.mention(entity["start"], entity["end"], type, entity["id"])
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    return mentions


def examples(rows: list[dict], embed: Embedder | None, allowed, predicted_types: bool,
             keep_negative: float = 1.0, seed: int = 0):
    """(features, dense, label, doc id, head id, tail id, prior bucket) for every candidate pair."""
    random_state = random.Random(seed)
    out = []
    for row in rows:
        doc = Document(id=row["id"], text=row["text"], tokens=row["tokens"], sentences=row["sentences"])
        gold = {}
        for relation in row["relations"]:
            gold.setdefault((relation["head"], relation["tail"]), relation["type"])
        mentions = gold_mentions(doc, row, predicted_types)
        vectors = head_vectors(embed, doc, mentions) if embed is not None else None
        context = Context(doc, mentions)
        for a, b, between, ranks in candidate_pairs(mentions, allowed):
            head, tail = mentions[a], mentions[b]
            label = gold.get((head.ref, tail.ref), "NONE")
            if label == "NONE" and keep_negative < 1 and random_state.random() > keep_negative:
                continue
            dense = dense_features(vectors, head, tail) if embed is not None else None
            out.append((pair_features(context, head, tail, between, ranks), dense, label, row["id"],
                        head.ref, tail.ref, prior_key(head, tail)))
    return out


def predicted_examples(rows: list[dict], embed: Embedder, allowed, keep_negative: float = 1.0, seed: int = 0):
    """``examples`` on our own predicted mentions (the default pipeline's, as the relation stage
    meets them end to end): a pair whose two spans are a gold relation's spans gets its type; a
    pair of mentions of entities a gold relation joins, through other spans, is left out
    (another mention of the pair states it); every other pair is NONE."""
    import ruextract
    from ruextract.relations import RelationStage

    stage = RelationStage(event_arguments=True)
    random_state = random.Random(seed)
    nlp = ruextract.load()
    out = []
    for row, doc in zip(rows, nlp.pipe({"id": row["id"], "text": row["text"]} for row in rows)):
        if not doc.tokens:
            continue
        spans = {entity["id"]: (entity["start"], entity["end"]) for entity in row["entities"]}
        gold: dict[tuple, str] = {}
        for relation in row["relations"]:
            gold.setdefault((spans[relation["head"]], spans[relation["tail"]]), relation["type"])
        mentions = stage.mentions(doc)
        keys: dict[str, set] = {}
        for mention in mentions:
            keys.setdefault(mention.ref, set()).add((mention.start, mention.end))
        vectors = head_vectors(embed, doc, mentions) if mentions else {}
        context = Context(doc, mentions)
        for a, b, between, ranks in candidate_pairs(mentions, allowed):
            head, tail = mentions[a], mentions[b]
            label = gold.get(((head.start, head.end), (tail.start, tail.end)), "NONE")
            if label == "NONE":
                if any((h, t) in gold for h in keys[head.ref] for t in keys[tail.ref]):
                    continue
                if keep_negative < 1 and random_state.random() > keep_negative:
                    continue
            out.append((pair_features(context, head, tail, between, ranks), dense_features(vectors, head, tail),
                        label, row["id"], head.ref, tail.ref, prior_key(head, tail)))
    return out


def projection_matrix(navec, dim: int, seed: int = 0) -> np.ndarray:
    """PCA of navec vectors of a word sample: the top ``dim`` directions, (300, dim)."""
    rng = np.random.default_rng(seed)
    ids = rng.choice(len(navec.vocab.words), size=20000, replace=False)
    pq = navec.pq
    codes = pq.indexes[ids].astype(np.int64)  # navec: indexes are the codes, codes the centroids
    vectors = pq.codes[np.arange(codes.shape[1]), codes].reshape(len(ids), -1).astype(np.float32)
    vectors -= vectors.mean(axis=0)
    _u, _s, vt = np.linalg.svd(vectors, full_matrices=False)
    return vt[:dim].T.astype(np.float32)


def fit_mlp(features: list[list[int]], dense: np.ndarray, y: np.ndarray, vocab_size: int, labels: int,
            hidden: int, epochs: int, dropout: float = 0.3, rate: float = 2e-3, seed: int = 0,
            batch: int = 256) -> dict[str, np.ndarray]:
    """A one-hidden-layer network (torch, training only): the hidden layer sums the rows of a
    pair's sparse features (an EmbeddingBag) and a product of its dense part, ReLU, dropout, then
    the output layer. Returns numpy weights in the pack's layout: sparse (V, H), dense (D, H),
    bias (H,), output (H, labels), output_bias (labels,)."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    net = MLP(vocab_size, dense.shape[1], hidden, labels, dropout)
    sparse_step = torch.optim.SparseAdam([net.embedding.weight], lr=rate)
    dense_step = torch.optim.Adam([p for name, p in net.named_parameters() if name != "embedding.weight"], lr=rate)
    dense = dense.astype(np.float32)
    for epoch in range(epochs):
        net.train()
        order = rng.permutation(len(y))
        total = 0.0
        for start in range(0, len(y), batch):
            rows = order[start:start + batch]
            indices, offsets = flat_indices([features[row] for row in rows])
            logits = net(torch.from_numpy(indices), torch.from_numpy(offsets), torch.from_numpy(dense[rows]))
            loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(y[rows]))
            sparse_step.zero_grad()
            dense_step.zero_grad()
            loss.backward()
            sparse_step.step()
            dense_step.step()
            total += loss.item() * len(rows)
        for step in (sparse_step, dense_step):
            for group in step.param_groups:
                group["lr"] *= 0.7
        print(f"  epoch {epoch + 1}: loss {total / len(y):.4f}", flush=True)
    return net.weights()


def flat_indices(features: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """EmbeddingBag input: the concatenated feature ids and each row's offset."""
    lengths = np.fromiter(map(len, features), dtype=np.int64, count=len(features))
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    indices = np.fromiter((index for row in features for index in row), dtype=np.int64, count=int(lengths.sum()))
    return indices, offsets


def _mlp_class():
    import torch

    class Network(torch.nn.Module):
        def __init__(self, vocab_size: int, dense_size: int, hidden: int, labels: int, dropout: float):
            super().__init__()
            self.embedding = torch.nn.EmbeddingBag(vocab_size, hidden, mode="sum", sparse=True)
            torch.nn.init.normal_(self.embedding.weight, std=0.05)
            self.dense = torch.nn.Linear(dense_size, hidden)
            self.output = torch.nn.Linear(hidden, labels)
            self.dropout = torch.nn.Dropout(dropout)

        def forward(self, indices, offsets, dense):
            hidden = torch.relu(self.embedding(indices, offsets) + self.dense(dense))
            return self.output(self.dropout(hidden))

        def weights(self) -> dict[str, np.ndarray]:
            def numpy(tensor):
                return tensor.detach().numpy().astype(np.float32)

            return {"sparse": numpy(self.embedding.weight), "dense": numpy(self.dense.weight).T.copy(),
                    "bias": numpy(self.dense.bias), "output": numpy(self.output.weight).T.copy(),
                    "output_bias": numpy(self.output.bias)}

    return Network


def MLP(*args, **kwargs):
    """The training network (``fit_mlp``); a function so that torch is imported only to train."""
    return _mlp_class()(*args, **kwargs)


def micro_f1(predicted: set, gold: set) -> tuple[float, float, float]:
    hit = len(predicted & gold)
    precision = hit / len(predicted) if predicted else 0.0
    recall = hit / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    return precision, recall, f1


ALIAS_LABELS = ["NONE", "ALTERNATIVE_NAME", "ABBREVIATION"]


def alias_examples(rows: list[dict], embed: Embedder) -> list[tuple[list[str], str, str, int]]:
    """(features, label, doc id, later mention number) for every alias candidate."""
    out = []
    for row in rows:
        doc = Document(id=row["id"], text=row["text"], tokens=row["tokens"], sentences=row["sentences"])
        gold = {(r["head"], r["tail"]): r["type"] for r in row["relations"] if r["type"] in ALIAS_LABELS}
        mentions = gold_mentions(doc, row, False)
        lemmas = [(token.lemma or token.text).lower() for token in doc.tokens]
        names = [name_of(doc, mention, lemmas) for mention in mentions]
        pairs = alias_candidates(mentions, names)
        features = alias_features(doc, mentions, names, pairs, unit_vectors(embed, doc, mentions))
        for (a, b, _sims), names_of_pair in zip(pairs, features):
            out.append((names_of_pair, gold.get((mentions[a].ref, mentions[b].ref), "NONE"), row["id"], b))
    return out


def train_aliases(train: list[dict], dev: list[dict], embed: Embedder, out: Path, C: float = 1.0) -> AliasModel:
    """Fit the ALTERNATIVE_NAME/ABBREVIATION model; its threshold maximises its micro F1 on dev
    (one head per later mention)."""
    from scipy import sparse as sp
    from sklearn.linear_model import LogisticRegression

    train_examples, dev_examples = alias_examples(train, embed), alias_examples(dev, embed)
    counts = Counter(name for names, *_rest in train_examples for name in set(names))
    vocab = {name: number for number, name in enumerate(sorted(n for n, c in counts.items() if c >= 3))}
    indptr, indices = [0], []
    for names, *_rest in train_examples:
        indices.extend(sorted({vocab[name] for name in names if name in vocab}))
        indptr.append(len(indices))
    x = sp.csr_matrix((np.ones(len(indices), np.float32), indices, indptr), shape=(len(train_examples), len(vocab)))
    label_ids = {label: number for number, label in enumerate(ALIAS_LABELS)}
    classifier = LogisticRegression(C=C, max_iter=500)
    classifier.fit(x, np.array([label_ids[label] for _f, label, *_r in train_examples]))
    order = [list(classifier.classes_).index(number) for number in range(len(ALIAS_LABELS))]
    model = AliasModel(labels=list(ALIAS_LABELS), vocab=vocab, weights=classifier.coef_.T[:, order].astype(np.float32),
                       bias=classifier.intercept_[order].astype(np.float32),
                       meta={"id": "alternative_names_nerel_v1", "trained_on": "NEREL v1.1 train", "C": C})
    gold_count = sum(1 for row in dev for r in row["relations"] if r["type"] in ALIAS_LABELS)
    labels, probabilities = model.best([names for names, *_r in dev_examples])
    best = (0.0, 0.5)
    for threshold in np.arange(0.1, 0.8, 0.025):
        chosen: dict[tuple[str, int], tuple[float, bool]] = {}
        for (_f, gold_label, doc_id, later), label, probability in zip(dev_examples, labels, probabilities):
            key = (doc_id, later)
            if probability >= threshold and (key not in chosen or chosen[key][0] < probability):
                chosen[key] = (probability, ALIAS_LABELS[label] == gold_label)
        hits = sum(hit for _p, hit in chosen.values())
        precision, recall = hits / max(len(chosen), 1), hits / max(gold_count, 1)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        print(f"  aliases, threshold {threshold:.3f}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
        if f1 > best[0]:
            best = (f1, float(threshold))
    model.threshold = best[1]
    model.meta["dev_f1_gold_entities"] = round(best[0], 4)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    print(f"saved {out}: dev ALTERNATIVE_NAME + ABBREVIATION F1 {best[0]:.3f} at threshold {best[1]:.3f}")
    return model


def functional_types(rows: list[dict], most: float = 0.05, least: int = 30) -> tuple[set[str], set[str]]:
    """Relation types whose tail has one head (and whose head has one tail) in at least
    ``1 - most`` of the training cases, among types with ``least`` cases."""
    tails: Counter = Counter()
    heads: Counter = Counter()
    multi_head: Counter = Counter()
    multi_tail: Counter = Counter()
    for row in rows:
        by_tail: dict[tuple[str, str], set[str]] = {}
        by_head: dict[tuple[str, str], set[str]] = {}
        for r in row["relations"]:
            by_tail.setdefault((r["type"], r["tail"]), set()).add(r["head"])
            by_head.setdefault((r["type"], r["head"]), set()).add(r["tail"])
        for (type, _tail), found in by_tail.items():
            tails[type] += 1
            multi_head[type] += len(found) > 1
        for (type, _head), found in by_head.items():
            heads[type] += 1
            multi_tail[type] += len(found) > 1
    one_head = {type for type, count in tails.items() if count >= least and multi_head[type] / count <= most}
    one_tail = {type for type, count in heads.items() if count >= least and multi_tail[type] / count <= most}
    return one_head - ALIAS_TYPES, one_tail - ALIAS_TYPES


ALIAS_TYPES = {"ALTERNATIVE_NAME", "ABBREVIATION"}


def tune_decoding(model: RelationModel, aliases: AliasModel, train: list[dict], dev: list[dict],
                  embed: Embedder, least_gold: int = 25, min_gain: float = 1e-4, both_typings: bool = False) -> float:
    """Per-type thresholds, the one-head/one-tail constraints and the alias threshold, for micro
    F1 over all gold relations of dev (gold entities, fine types), decoded as the stage does; a
    type's own threshold (or a coarse type's alias threshold) is kept only if it gains more than
    ``min_gain``. With ``both_typings``, the F1 counts dev twice: with NEREL's fine types and
    with the types our NER gives (PER/LOC/ORG), as the stage meets both; the F1 returned is
    the fine types' one."""
    from ruextract.relations.aliases import find_alternative_names

    model.one_head, model.one_tail = (frozenset(found) for found in functional_types(train))
    typings = (False, True) if both_typings else (False,)
    gold = {(row["id"] + ("#coarse" if coarse else ""), r["head"], r["tail"], r["type"])
            for coarse in typings for row in dev for r in row["relations"]}
    dev_examples = [(names, dense, label, doc_id + ("#coarse" if coarse else ""), *rest)
                    for coarse in typings
                    for names, dense, label, doc_id, *rest in examples(dev, embed, model.allowed, coarse)
                    if (model.priors or {}).get(rest[-1], 0.0) >= model.prior_floor]
    probabilities = model.scores([names for names, *_r in dev_examples],
                                 np.vstack([dense for _f, dense, *_r in dev_examples]))
    best_label = probabilities[:, 1:].argmax(axis=1) + 1
    best_probability = probabilities[np.arange(len(best_label)), best_label]
    candidates = [(model.labels[label], doc_id, head, tail, float(probability))
                  for (_f, _d, _l, doc_id, head, tail, _k), label, probability
                  in zip(dev_examples, best_label, best_probability) if model.labels[label] not in ALIAS_TYPES]
    saved_threshold = aliases.threshold
    aliases.threshold, aliases.thresholds = 0.05, None
    alias_found = []
    for coarse in typings:
        for row in dev:
            doc = Document(id=row["id"], text=row["text"], tokens=row["tokens"], sentences=row["sentences"])
            mentions = gold_mentions(doc, row, coarse)
            for label, head, tail, probability in find_alternative_names(doc, mentions, aliases, embed):
                alias_found.append((label, row["id"] + ("#coarse" if coarse else ""), head.ref, tail.ref,
                                    probability, coarse_type(tail.type)))
    aliases.threshold = saved_threshold
    alias_thresholds: dict[str, float] = {}

    def decode(thresholds: dict[str, float], alias_threshold: float) -> set:
        chosen = [item for item in candidates if item[4] >= thresholds.get(item[0], model.threshold)]
        by_doc: dict[str, list] = {}
        for type, doc_id, head, tail, probability in chosen:
            by_doc.setdefault(doc_id, []).append((type, head, tail, probability))
        predicted = {(doc_id, head, tail, type) for doc_id, items in by_doc.items()
                     for type, head, tail, _p in model.constrain(items)}
        predicted |= {(doc_id, head, tail, type) for type, doc_id, head, tail, probability, coarse in alias_found
                      if probability >= alias_thresholds.get(coarse, alias_threshold)}
        return predicted

    thresholds: dict[str, float] = {}
    alias_threshold = aliases.threshold
    best = micro_f1(decode(thresholds, alias_threshold), gold)[2]
    print(f"  decoding: one head {sorted(model.one_head)}; one tail {sorted(model.one_tail)}; F1 {best:.4f}")
    grid = [round(value, 3) for value in np.arange(0.15, 0.85, 0.05)]
    for value in grid:  # the global threshold first
        model.threshold, previous = value, model.threshold
        f1 = micro_f1(decode(thresholds, alias_threshold), gold)[2]
        if f1 > best:
            best = f1
        else:
            model.threshold = previous
    supported = Counter(item[3] for item in gold)
    types = [label for label in model.labels[1:] if label not in ALIAS_TYPES and supported[label] >= least_gold]
    for _round in range(2):
        for value in [round(v, 3) for v in np.arange(0.05, 0.6, 0.025)]:
            f1 = micro_f1(decode(thresholds, value), gold)[2]
            if f1 > best:
                best, alias_threshold = f1, float(value)
        for label in types:
            for value in grid:
                trial = {**thresholds, label: value}
                f1 = micro_f1(decode(trial, alias_threshold), gold)[2]
                if f1 > best + min_gain:
                    best, thresholds = f1, {k: float(v) for k, v in trial.items()}
        # and per coarse type of the renamed mention, for types with enough gold links
        alias_gold = Counter(coarse for type, doc_id, head, tail, _p, coarse in alias_found
                             if (doc_id, head, tail, type) in gold)
        for coarse in [coarse for coarse, count in alias_gold.items() if count >= least_gold]:
            for value in [round(v, 3) for v in np.arange(0.1, 0.6, 0.05)]:
                previous = alias_thresholds.get(coarse)
                alias_thresholds[coarse] = float(value)
                f1 = micro_f1(decode(thresholds, alias_threshold), gold)[2]
                if f1 > best + min_gain:
                    best = f1
                elif previous is None:
                    del alias_thresholds[coarse]
                else:
                    alias_thresholds[coarse] = previous
    model.thresholds = thresholds
    aliases.threshold = alias_threshold
    aliases.thresholds = dict(alias_thresholds) or None
    print(f"  tuned: global {model.threshold:.3f}, alias {alias_threshold:.3f} {alias_thresholds}, per type {thresholds}")
    predicted = decode(thresholds, alias_threshold)
    for coarse in typings:
        precision, recall, f1 = micro_f1({item for item in predicted if item[0].endswith("#coarse") == coarse},
                                         {item for item in gold if item[0].endswith("#coarse") == coarse})
        print(f"  dev gold entities{', our types' if coarse else ''}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    return micro_f1({item for item in predicted if not item[0].endswith("#coarse")},
                    {item for item in gold if not item[0].endswith("#coarse")})[2]


def end_to_end_candidates(model_path: Path, aliases_path: Path, rows: list[dict]) -> list[dict]:
    """Per NEREL document, what the relation stage meets end to end: the default pipeline's
    mentions, every candidate pair scored (event arguments too, as ``benchmarks/relations.py``
    measures), the other-name relations (which no threshold here changes) and the gold relations
    as (type, head span, tail span)."""
    import ruextract
    from ruextract.relations import RelationStage

    stage = RelationStage(model=model_path, aliases=aliases_path, event_arguments=True)
    out = []
    nlp = ruextract.load()
    for row, doc in zip(rows, nlp.pipe({"id": row["id"], "text": row["text"]} for row in rows)):
        mentions = stage.mentions(doc) if doc.tokens else []
        vectors = head_vectors(stage.embedder, doc, mentions) if mentions else {}
        keys: dict[str, set] = {}
        for mention in mentions:
            keys.setdefault(mention.ref, set()).add((mention.start, mention.end))
        spans = {entity["id"]: (entity["start"], entity["end"]) for entity in row["entities"]}
        out.append({"mentions": mentions, "keys": keys,
                    "scored": stage.scored(doc, mentions, vectors) if mentions else [],
                    "named": stage.named_relations(doc, mentions, vectors) if mentions else [],
                    "gold": {(r["type"], spans[r["head"]], spans[r["tail"]]) for r in row["relations"]}})
    return out


def tune_end_to_end(stage, docs: list[dict], least_gold: int = 15, min_gain: float = 1.0,
                    rounds: int = 2) -> tuple[dict, tuple[int, int, int]]:
    """Thresholds per relation type (and the confidence a tagged span's relation needs) for exact-
    span micro F1 on our own predicted mentions (``end_to_end_candidates``), starting from the
    gold-entity ones; a type's threshold moves only if it gains ``min_gain`` true positives' worth
    of F1 (with ``least_gold`` gold relations of the type). Returns the settings and (tp, pred,
    gold)."""
    from ruextract.evaluate import score_relations
    from ruextract.relations.stage import TAGGED_CONFIDENCE

    model = stage.model
    labels = model.labels
    gold_total = sum(len(doc["gold"]) for doc in docs)

    def counts(limits, tagged) -> dict[str, tuple[int, int]]:
        gold, pred = [], []
        for doc in docs:
            found = stage.decode(doc["mentions"], doc["scored"], True, limits, tagged)
            items = list(found.values()) + doc["named"]
            gold.append(doc["gold"])
            pred.append([(item.type, doc["keys"][item.head.ref], doc["keys"][item.tail.ref]) for item in items])
        per_type = score_relations(gold, pred)["per_type"]
        return {type: (values.get("tp", 0), values.get("pred", 0)) for type, values in per_type.items()}

    def f1(by_type) -> float:
        tp = sum(value[0] for value in by_type.values())
        pred = sum(value[1] for value in by_type.values())
        return 2 * tp / (pred + gold_total) if tp else 0.0

    limits = model.limits(False).copy()
    tagged = TAGGED_CONFIDENCE
    by_type = counts(limits, tagged)
    best = f1(by_type)
    step = min_gain * 2 / (sum(value[1] for value in by_type.values()) + gold_total)
    supported = Counter(item[0] for doc in docs for item in doc["gold"])
    grid = [round(value, 3) for value in np.arange(0.1, 0.9, 0.05)]
    print(f"  end to end, gold-entity thresholds: F1 {best:.4f}", flush=True)
    for _round in range(rounds):
        for value in [0.5, 0.6, 0.7, 0.8, 0.9]:
            trial = counts(limits, value)
            if f1(trial) > best + step:
                best, tagged, by_type = f1(trial), value, trial
        for number, label in enumerate(labels):
            if number == 0 or label in ALIAS_TYPES or supported[label] < least_gold:
                continue
            for value in grid:
                trial_limits = limits.copy()
                trial_limits[number] = value
                trial = counts(trial_limits, tagged)
                if f1(trial) > best + step:
                    best, limits, by_type = f1(trial), trial_limits, trial
        print(f"  end to end, round {_round + 1}: F1 {best:.4f} (tagged {tagged})", flush=True)
    tp = sum(value[0] for value in by_type.values())
    pred = sum(value[1] for value in by_type.values())
    settings = {"threshold": model.threshold, "tagged": tagged,
                "thresholds": {label: float(limits[number]) for number, label in enumerate(labels) if number}}
    return settings, (tp, pred, gold_total)


def score_settings(stage, docs: list[dict], settings: dict) -> tuple[int, int, int]:
    """(tp, pred, gold) of decoding ``docs`` with end-to-end ``settings``."""
    from ruextract.evaluate import score_relations

    saved = stage.model.end_to_end
    stage.model.end_to_end = settings
    gold, pred = [], []
    for doc in docs:
        found = stage.decode(doc["mentions"], doc["scored"], True)
        items = list(found.values()) + doc["named"]
        gold.append(doc["gold"])
        pred.append([(item.type, doc["keys"][item.head.ref], doc["keys"][item.tail.ref]) for item in items])
    stage.model.end_to_end = saved
    micro = score_relations(gold, pred)["micro"]
    return micro["tp"], micro["pred"], micro["gold"]


def run_end_to_end_tuning(model_path: Path, aliases_path: Path, data: Path, min_gain: float) -> None:
    """Tune the end-to-end decoding on NEREL dev and store it in the pack at ``model_path``; first
    a two-fold check (tuned on half the documents, scored on the other half) of what it gains."""
    from ruextract.relations import RelationStage

    rows = [json.loads(line) for line in (data / "nerel" / "dev.jsonl").open(encoding="utf-8")]
    started = time.time()
    docs = end_to_end_candidates(model_path, aliases_path, rows)
    print(f"end to end: {len(docs)} documents scored, {time.time() - started:.0f}s", flush=True)
    stage = RelationStage(model=model_path, aliases=aliases_path, event_arguments=True)
    stage.model.end_to_end = None
    folds = (docs[0::2], docs[1::2])
    before, after = np.zeros(3), np.zeros(3)
    for number, (tuned_on, held_out) in enumerate((folds, folds[::-1])):
        settings, _counts = tune_end_to_end(stage, tuned_on, min_gain=min_gain)
        before += score_settings(stage, held_out, {})
        after += score_settings(stage, held_out, settings)
    for name, (tp, pred, gold) in (("gold-entity thresholds", before), ("tuned on the other half", after)):
        print(f"  two-fold, {name}: tp {tp:.0f} pred {pred:.0f} F1 {2 * tp / (pred + gold):.4f}")
    settings, (tp, pred, gold) = tune_end_to_end(stage, docs, min_gain=min_gain)
    print(f"  end to end tuned on all of dev: tp {tp} pred {pred} F1 {2 * tp / (pred + gold):.4f}; {settings}")
    model = RelationModel.load(model_path)
    model.end_to_end = settings
    model.meta["dev_micro_f1_end_to_end"] = round(2 * tp / (pred + gold), 4)
    model.save(model_path)
    print(f"saved {model_path}, {time.time() - started:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--cache", type=Path, default=None, help="folder for parsed NEREL (reused)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the pack to write (default: models/relations/relations.npz, with "
                             "--predicted-mentions relations_predicted.npz)")
    parser.add_argument("--C", type=float, default=0.5, help="inverse L2 strength")
    parser.add_argument("--negatives", type=float, default=0.5, help="share of NONE pairs kept")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--max-iter", type=int, default=300)
    parser.add_argument("--hidden", type=int, default=0,
                        help="replace the regression by a network with a hidden ReLU layer of this size "
                             "over the features the regression kept (torch, training only)")
    parser.add_argument("--epochs", type=int, default=3, help="network epochs")
    parser.add_argument("--dropout", type=float, default=0.3, help="network dropout")
    parser.add_argument("--prior-floor", type=float, default=0.02,
                        help="skip candidate buckets related less often than this in training")
    parser.add_argument("--prune", type=float, default=0.1, help="drop features with smaller weights")
    parser.add_argument("--aliases-out", type=Path, default=ROOT / "models" / "relations" / "alternative_names.npz")
    parser.add_argument("--aliases-only", action="store_true", help="retrain only the ALTERNATIVE_NAME model")
    parser.add_argument("--min-gain", type=float, default=1e-4,
                        help="micro F1 a type's own threshold must gain on dev to be kept")
    parser.add_argument("--tune-both-typings", action="store_true",
                        help="tune the decoding on dev with NEREL's types and with ours (PER/LOC/ORG) at once")
    parser.add_argument("--tune-only", action="store_true",
                        help="only re-tune the decoding (thresholds, constraints) of the packs at --out and --aliases-out")
    parser.add_argument("--tune-end-to-end", action="store_true",
                        help="(also) tune the decoding on our predicted mentions of dev (the default pipeline's), "
                             "stored beside the gold-entity one: ``end_to_end`` in the pack's meta")
    parser.add_argument("--end-to-end-gain", type=float, default=1.0,
                        help="true positives' worth of F1 an end-to-end threshold must gain to move")
    parser.add_argument("--predicted-mentions", action="store_true",
                        help="also train on the pairs of our own predicted mentions of train (the default pipeline's)")
    args = parser.parse_args(argv)
    if args.out is None:
        name = "relations_predicted.npz" if args.predicted_mentions else "relations.npz"
        args.out = ROOT / "models" / "relations" / name
    if args.tune_end_to_end and args.tune_only:
        run_end_to_end_tuning(args.out, args.aliases_out, args.data, args.end_to_end_gain)
        return 0

    from scipy import sparse as sp  # training only
    from sklearn.linear_model import LogisticRegression

    started = time.time()
    train = parsed_documents(args.data, "train", args.cache)
    dev = parsed_documents(args.data, "dev", args.cache)
    navec = shared_resources().navec
    projection = projection_matrix(navec, PROJECTION_DIM)
    embed = Embedder(navec, projection)
    if args.tune_only:
        model, aliases = RelationModel.load(args.out), AliasModel.load(args.aliases_out)
        f1 = tune_decoding(model, aliases, train, dev, Embedder(navec, model.projection), min_gain=args.min_gain,
                           both_typings=args.tune_both_typings)
        model.meta["dev_micro_f1_gold_entities"] = round(f1, 4)
        model.save(args.out)
        aliases.save(args.aliases_out)
        return 0
    if args.predicted_mentions:  # the other-name model stays as shipped (read, never written)
        aliases = AliasModel.load(args.aliases_out)
    else:
        aliases = train_aliases(train, dev, embed, args.aliases_out)
    if args.aliases_only:
        return 0

    # mention type pairs ever related in train, in both typings
    pair_counts: Counter = Counter()
    for row in train:
        types = {entity["id"]: entity["type"] for entity in row["entities"]}
        for relation in row["relations"]:
            head, tail = types[relation["head"]], types[relation["tail"]]
            pair_counts[(head, tail)] += 1
            pair_counts[(PREDICTED_TYPE.get(head, head), PREDICTED_TYPE.get(tail, tail))] += 1
    allowed = {pair for pair, count in pair_counts.items() if count >= 3}

    train_examples = examples(train, embed, allowed, False, args.negatives, seed=1)
    train_examples += examples(train, embed, allowed, True, args.negatives, seed=2)
    gold_mention_pairs = len(train_examples)  # the candidate priors count these only
    if args.predicted_mentions:
        found = predicted_examples(train, embed, allowed, args.negatives, seed=3)
        print(f"{len(found)} pairs of predicted mentions ({sum(item[2] != 'NONE' for item in found)} related), "
              f"{time.time() - started:.0f}s", flush=True)
        train_examples += found
    print(f"{len(train_examples)} training pairs, {time.time() - started:.0f}s", flush=True)

    counts: Counter = Counter(name for names, *_rest in train_examples for name in set(names))
    vocab_list = sorted(name for name, count in counts.items() if count >= args.min_count)
    vocab = {name: number for number, name in enumerate(vocab_list)}
    labels = ["NONE"] + sorted({label for _f, _d, label, *_r in train_examples} - {"NONE"})
    label_ids = {label: number for number, label in enumerate(labels)}

    def matrix(rows):
        indptr, indices = [0], []
        for names, *_rest in rows:
            indices.extend(sorted({vocab[name] for name in names if name in vocab}))
            indptr.append(len(indices))
        sparse_part = sp.csr_matrix((np.ones(len(indices), np.float32), indices, indptr),
                                    shape=(len(rows), len(vocab)))
        dense_part = sp.csr_matrix(np.vstack([dense for _f, dense, *_r in rows]))
        return sp.hstack([sparse_part, dense_part]).tocsr()

    x = matrix(train_examples)
    y = np.array([label_ids[label] for _f, _d, label, *_r in train_examples])
    print(f"matrix {x.shape}, {x.nnz} nonzeros, {len(labels)} labels", flush=True)
    classifier = LogisticRegression(C=args.C, max_iter=args.max_iter, tol=1e-3)
    classifier.fit(x, y)
    order = [list(classifier.classes_).index(number) for number in range(len(labels))]
    weights = classifier.coef_.T.astype(np.float32)[:, order]  # (features + dense, labels)
    bias = classifier.intercept_[order].astype(np.float32)
    print(f"fitted, {time.time() - started:.0f}s", flush=True)
    # the share of related pairs per bucket (negatives were sampled: count them back up)
    bucket_pairs: Counter = Counter()
    bucket_related: Counter = Counter()
    for _f, _d, label, *_r, key in train_examples[:gold_mention_pairs]:
        bucket_related[key] += label != "NONE"
        bucket_pairs[key] += 1 if label != "NONE" else 1 / args.negatives
    priors = {key: bucket_related[key] / bucket_pairs[key] for key in bucket_pairs}
    model = RelationModel(
        priors=priors, prior_floor=args.prior_floor,
        labels=labels, vocab=vocab, sparse=weights[: len(vocab)], dense=weights[len(vocab):],
        bias=bias, projection=projection, allowed=allowed,
        meta={"id": "relations_nerel_v2" if args.hidden else "relations_nerel_v1",
              "trained_on": "NEREL v1.1 train" + (": gold mentions and our predicted ones" if args.predicted_mentions else ""),
              "C": args.C, "negatives": args.negatives, "hidden": args.hidden, "epochs": args.epochs,
              "dropout": args.dropout},
    )

    # tune the threshold on dev (gold entities, fine types): micro F1 over all gold relations
    gold = {(row["id"], r["head"], r["tail"], r["type"]) for row in dev for r in row["relations"]}
    dev_examples = [example for example in examples(dev, embed, allowed, False)
                    if priors.get(example[6], 0.0) >= args.prior_floor]
    probabilities = model.scores([names for names, *_r in dev_examples],
                                 np.vstack([dense for _f, dense, *_r in dev_examples]))
    best_label = probabilities[:, 1:].argmax(axis=1) + 1
    best_probability = probabilities[np.arange(len(best_label)), best_label]
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.8, 0.025):
        predicted = {
            (doc_id, head, tail, labels[label])
            for (_f, _d, _l, doc_id, head, tail, _k), label, probability
            in zip(dev_examples, best_label, best_probability) if probability >= threshold
        }
        precision, recall, f1 = micro_f1(predicted, gold)
        if f1 > best[0]:
            best = (f1, float(threshold))
            print(f"  threshold {threshold:.3f}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    model.threshold = best[1]
    threshold = best[1]
    predicted = {
        (doc_id, head, tail, labels[label])
        for (_f, _d, _l, doc_id, head, tail, _k), label, probability
        in zip(dev_examples, best_label, best_probability) if probability >= threshold
    }
    reachable = {(doc_id, head, tail, label) for _f, _d, label, doc_id, head, tail, _k in dev_examples
                 if label != "NONE"}
    print("in-sentence P/R/F1 %.3f %.3f %.3f" % micro_f1(predicted, reachable))
    for label in labels[1:]:
        subset_gold = {item for item in gold if item[3] == label}
        subset_predicted = {item for item in predicted if item[3] == label}
        if subset_gold:
            print(f"  {label:20s} gold {len(subset_gold):4d}  P %.3f R %.3f F1 %.3f"
                  % micro_f1(subset_predicted, subset_gold))
    # drop features whose weights are all near zero: a smaller pack, the same predictions
    keep = np.abs(model.sparse).max(axis=1) >= args.prune
    model.vocab = {name: rank for rank, name in enumerate(n for n, k in zip(vocab_list, keep) if k)}
    model.sparse = model.sparse[keep]
    if args.hidden:  # the network reads the features the regression kept
        ids = [sorted({model.vocab[name] for name in names if name in model.vocab}) for names, *_r in train_examples]
        layers = fit_mlp(ids, np.vstack([dense for _f, dense, *_r in train_examples]), y, len(model.vocab),
                         len(labels), args.hidden, args.epochs, dropout=args.dropout)
        model.sparse, model.dense, model.bias = layers["sparse"], layers["dense"], layers["bias"]
        model.output, model.output_bias = layers["output"], layers["output_bias"]
        print(f"network fitted, {time.time() - started:.0f}s", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    model = RelationModel.load(args.out)  # decoding tuned on the weights as saved (8-bit in a network)
    f1 = tune_decoding(model, aliases, train, dev, embed, min_gain=args.min_gain, both_typings=args.tune_both_typings)
    model.meta["dev_micro_f1_gold_entities"] = round(f1, 4)
    model.save(args.out)
    if not args.predicted_mentions:
        aliases.save(args.aliases_out)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB), dev F1 {f1:.3f} "
          f"(gold entities, tuned decoding), {time.time() - started:.0f}s")
    if args.tune_end_to_end:
        run_end_to_end_tuning(args.out, args.aliases_out, args.data, args.end_to_end_gain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
