"""Train the NEREL tagger (``ruextract.ner.nerel``) on NEREL train; measure it on NEREL dev.

    python benchmarks/train_nerel_tagger.py --data /work/shared/data [--out models/ner/nerel.npz]
    python benchmarks/train_nerel_tagger.py --data /work/shared/data --evaluate   (the shipped pack)

Needs torch for training only (the pack is read by numpy at run time). Our segment, morph and
NER stages run on the texts, so the tagger is trained on the tokens, tags and NER spans it sees
at run time. Each NEREL entity of a tagged type becomes a BIO sequence of its own type (same-type
nesting: the outer span wins). The epoch with the best dev micro F1 (exact spans, tagged types)
is kept, then the shift of the O score (one, and per type) with the best dev F1. Prints per-type
P/R/F1 on dev.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from pathlib import Path

import numpy as np

import ruextract
from ruextract.ner.nerel import FLAGS, PAD, PROTOCOL, SUFFIX_BUCKETS, TAGS, NerelTagger, token_inputs
from ruextract.pipeline import Pipeline
from ruextract.resources import models_dir, shared_resources

TYPES = ["WORK_OF_ART", "DISEASE", "CRIME", "LAW", "PENALTY", "NATIONALITY", "FACILITY", "AWARD",
         "IDEOLOGY", "MONEY", "RELIGION", "PRODUCT", "FAMILY", "LANGUAGE", "PROFESSION"]
STAGES = ("segment", "morph", "ner")


def load_docs(path: Path, limit: int | None):
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    full = ruextract.load()
    parse = Pipeline([stage for stage in full.stages if stage.name in STAGES])
    docs = list(parse.pipe({"id": row["id"], "text": row["text"]} for row in rows))
    return rows, docs


def token_range(doc, start: int, end: int) -> tuple[int, int]:
    starts = [token.start for token in doc.tokens]
    ends = [token.end for token in doc.tokens]
    first = bisect_right(ends, start)
    last = bisect_left(starts, end)
    return first, max(last, first + 1)


def labels(row: dict, doc, types: list[str]) -> np.ndarray:
    """(tokens, types) tags 0 O / 1 B / 2 I; outer spans first, inner ones of a type only where free."""
    tags = np.zeros((len(doc.tokens), len(types)), dtype=np.int64)
    column = {type: number for number, type in enumerate(types)}
    for entity in sorted(row["entities"], key=lambda e: e["start"] - e["end"]):
        if entity["type"] not in column or not doc.tokens:
            continue
        first, last = token_range(doc, entity["start"], entity["end"])
        c = column[entity["type"]]
        if (tags[first:last, c] != 0).any():
            continue
        tags[first, c] = 1
        tags[first + 1:last, c] = 2
    return tags


def gold_spans(row: dict, types: list[str]) -> set[tuple[int, int, str]]:
    return {(e["start"], e["end"], e["type"]) for e in row["entities"] if e["type"] in types}


def score(gold: list[set], pred: list[set], types: list[str]) -> dict:
    counts = {type: Counter() for type in types}
    for g, p in zip(gold, pred):
        for type in types:
            gs = {x for x in g if x[2] == type}
            ps = {x for x in p if x[2] == type}
            counts[type]["tp"] += len(gs & ps)
            counts[type]["gold"] += len(gs)
            counts[type]["pred"] += len(ps)
    out = {}
    total = Counter()
    for type, c in counts.items():
        total.update(c)
        out[type] = prf(c)
    out["micro"] = prf(total)
    return out


def prf(c: Counter) -> dict:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": c["tp"], "pred": c["pred"], "gold": c["gold"]}


def print_scores(scores: dict) -> None:
    print(f"{'type':14s}     P     R    F1  gold  pred")
    for type, s in scores.items():
        print(f"{type:14s} {s['p']:.3f} {s['r']:.3f} {s['f1']:.3f} {s['gold']:5d} {s['pred']:5d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=models_dir() / "ner" / "nerel.npz")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--epochs", type=int, default=14)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--types", default=",".join(TYPES))
    parser.add_argument("--evaluate", action="store_true", help="only measure the pack at --out on dev")
    parser.add_argument("--tune", action="store_true", help="with --evaluate: tune the pack's O shifts on dev")
    parser.add_argument("--tune-types", action="store_true",
                        help="with --evaluate: tune only the per-type O shifts on dev")
    args = parser.parse_args(argv)
    types = args.types.split(",")
    navec = shared_resources().navec
    dev_rows, dev_docs = load_docs(args.data / "nerel" / "dev.jsonl", args.limit)
    if args.evaluate:
        tagger = NerelTagger.load(args.out, navec)
        dev_gold = [gold_spans(row, tagger.types) for row in dev_rows]
        if args.tune:
            tagger.o_shift = tune_o_shift(tagger, dev_docs, dev_gold, tagger.types)
            rewrite_meta(args.out, o_shift=tagger.o_shift)
        if args.tune or args.tune_types:
            rewrite_meta(args.out, o_shifts=tune_o_shifts(tagger, dev_docs, dev_gold))
        started = time.process_time()
        pred = [set(spans) for spans in tagger.batch_spans(dev_docs)]
        seconds = time.process_time() - started
        print_scores(score(dev_gold, pred, tagger.types))
        print(f"tagging: {seconds / len(dev_docs) * 1000:.2f} ms/doc (CPU)")
        return 0
    dev_gold = [gold_spans(row, types) for row in dev_rows]
    train_rows, train_docs = load_docs(args.data / "nerel" / "train.jsonl", args.limit)
    return train(args, types, navec, train_rows, train_docs, dev_docs, dev_gold)


def train(args, types, navec, train_rows, train_docs, dev_docs, dev_gold) -> int:
    import torch
    from torch import nn

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    word_ids, unk = navec.vocab.word_ids, navec.vocab.unk_id
    train_inputs = [token_inputs(doc, word_ids, unk) for doc in train_docs]
    shape_counts = Counter(shape for inputs in train_inputs for shape in inputs.shapes)
    shapes = ["<other>"] + sorted(shape for shape, count in shape_counts.items() if count >= 3)
    pos = ["<other>"] + sorted({p for inputs in train_inputs for p in inputs.pos})
    case = ["<other>"] + sorted({c for inputs in train_inputs for c in inputs.case})
    shape_ids = {s: n for n, s in enumerate(shapes)}
    pos_ids = {s: n for n, s in enumerate(pos)}
    case_ids = {s: n for n, s in enumerate(case)}
    # one sentence per example: padded batches; word vectors of the training vocabulary, frozen
    vocab = sorted({int(i) for inputs in train_inputs for i in inputs.word_ids} | {unk})
    vocab_index = {w: n for n, w in enumerate(vocab)}
    codes = navec.pq.indexes[vocab].astype(np.int64)
    vectors = navec.pq.codes[np.arange(codes.shape[1]), codes].reshape(len(vocab), -1)
    examples = []
    for row, doc, inputs in zip(train_rows, train_docs, train_inputs):
        tags = labels(row, doc, types)
        for sentence in doc.sentences:
            first, last = sentence.tokens
            if last <= first:
                continue
            window = slice(first, last)
            examples.append((
                np.array([vocab_index[int(i)] for i in inputs.word_ids[window]]),
                np.array([shape_ids.get(s, 0) for s in inputs.shapes[window]]),
                inputs.suffixes[window],
                np.array([pos_ids.get(p, 0) for p in inputs.pos[window]]),
                np.array([case_ids.get(c, 0) for c in inputs.case[window]]),
                inputs.flags[window],
                tags[window],
            ))
    print(f"{len(examples)} training sentences, {sum(len(e[0]) for e in examples)} tokens", flush=True)
    hidden = args.hidden
    G = len(types)

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.vectors = nn.Parameter(torch.tensor(vectors, dtype=torch.float32), requires_grad=False)
            self.word = nn.Linear(vectors.shape[1], hidden, bias=False)
            self.shape = nn.Embedding(len(shapes), hidden)
            self.suffix = nn.Embedding(SUFFIX_BUCKETS, hidden)
            self.pos = nn.Embedding(len(pos), hidden)
            self.case = nn.Embedding(len(case), hidden)
            self.flags = nn.Linear(len(FLAGS), hidden)  # its bias is the input layer's bias
            self.conv1 = nn.Conv1d(hidden, hidden, 5, padding=2)
            self.conv2 = nn.Conv1d(hidden, hidden, 3, padding=1)
            self.output = nn.Linear(hidden, G * len(TAGS))
            self.drop = nn.Dropout(0.3)
            for embedding in (self.shape, self.suffix, self.pos, self.case):
                nn.init.normal_(embedding.weight, std=0.05)

        def forward(self, w, s, x, p, c, f, mask):
            h = (self.word(self.vectors[w]) + self.shape(s) + self.suffix(x) + self.pos(p) + self.case(c)
                 + self.flags(f))
            h = self.drop(torch.relu(h)) * mask
            h1 = torch.relu(self.conv1(h.transpose(1, 2))).transpose(1, 2) * mask
            h1d = self.drop(h1)
            h2 = torch.relu(self.conv2(h1d.transpose(1, 2))).transpose(1, 2) * mask + h1
            return self.output(self.drop(h2)).view(*w.shape, G, len(TAGS))

    model = Model()
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=2e-3)
    loss_fn = nn.CrossEntropyLoss(reduction="none")

    def batch(items):
        length = max(len(item[0]) for item in items)
        arrays = []
        for column in range(5):
            a = np.zeros((len(items), length), dtype=np.int64)
            for n, item in enumerate(items):
                a[n, :len(item[0])] = item[column]
            arrays.append(torch.tensor(a))
        f = np.zeros((len(items), length, len(FLAGS)), dtype=np.float32)
        y = np.zeros((len(items), length, G), dtype=np.int64)
        m = np.zeros((len(items), length, 1), dtype=np.float32)
        for n, item in enumerate(items):
            f[n, :len(item[0])] = item[5]
            y[n, :len(item[0])] = item[6]
            m[n, :len(item[0])] = 1
        return arrays, torch.tensor(f), torch.tensor(y), torch.tensor(m)

    def export() -> dict:
        sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
        return {
            "word": np.ascontiguousarray(sd["word.weight"].T),
            "shape": sd["shape.weight"], "suffix": sd["suffix.weight"], "pos": sd["pos.weight"],
            "case": sd["case.weight"],
            "flags": np.ascontiguousarray(sd["flags.weight"].T), "bias": sd["flags.bias"],
            "conv1": np.ascontiguousarray(sd["conv1.weight"].transpose(2, 1, 0)), "conv1_bias": sd["conv1.bias"],
            "conv2": np.ascontiguousarray(sd["conv2.weight"].transpose(2, 1, 0)), "conv2_bias": sd["conv2.bias"],
            "output": np.ascontiguousarray(sd["output.weight"].T), "output_bias": sd["output.bias"],
        }

    meta = {"id": "nerel_tagger", "protocol": PROTOCOL, "types": types, "shapes": shapes, "pos": pos,
            "case": case, "hidden": hidden, "pad": PAD, "trained_on": "NEREL train",
            "built_by": "benchmarks/train_nerel_tagger.py"}
    best, best_arrays = -1.0, None
    order = sorted(range(len(examples)), key=lambda n: len(examples[n][0]))
    chunks = [order[i:i + 32] for i in range(0, len(order), 32)]
    for epoch in range(args.epochs):
        model.train()
        np.random.shuffle(chunks)
        total, started = 0.0, time.time()
        for chunk in chunks:
            (w, s, x, p, c), f, y, m = batch([examples[n] for n in chunk])
            logits = model(w, s, x, p, c, f, m)
            loss = (loss_fn(logits.reshape(-1, len(TAGS)), y.reshape(-1)).view(*y.shape) * m).sum() / m.sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach())
        model.eval()
        arrays = export()
        tagger = NerelTagger(meta, arrays, navec)
        scores = score(dev_gold, [set(tagger.spans(doc)) for doc in dev_docs], types)
        micro = scores["micro"]
        print(f"epoch {epoch + 1}: loss {total / len(chunks):.4f}  dev P {micro['p']:.3f} R {micro['r']:.3f} "
              f"F1 {micro['f1']:.3f}  ({time.time() - started:.0f} s)", flush=True)
        if micro["f1"] > best:
            best, best_arrays = micro["f1"], arrays
    check(model, NerelTagger(meta, export(), navec), examples[0], train_inputs[0], train_docs[0], batch)
    tagger = NerelTagger(meta, best_arrays, navec)
    meta["o_shift"] = tune_o_shift(tagger, dev_docs, dev_gold, types)
    tagger = NerelTagger(meta, best_arrays, navec)
    meta["o_shifts"] = tune_o_shifts(tagger, dev_docs, dev_gold)
    tagger = NerelTagger(meta, best_arrays, navec)
    scores = score(dev_gold, [set(tagger.spans(doc)) for doc in dev_docs], types)
    print_scores(scores)
    meta["dev_micro_f1"] = scores["micro"]["f1"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, meta=np.array(json.dumps(meta)),
                        **{k: v.astype(np.float16) if k == "suffix" else v for k, v in best_arrays.items()})
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


def rewrite_meta(path: Path, **changes) -> None:
    with np.load(path, allow_pickle=False) as pack:
        arrays = {name: pack[name] for name in pack.files}
    meta = json.loads(str(arrays.pop("meta")))
    meta.update(changes)
    np.savez_compressed(path, meta=np.array(json.dumps(meta)), **arrays)


def tune_o_shift(tagger, dev_docs, dev_gold, types) -> float:
    """The shift of the O score with the best dev micro F1 (0 unless another is better)."""
    best, best_shift = -1.0, 0.0
    for shift in (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0):
        tagger.o_shift = shift
        f1 = score(dev_gold, [set(tagger.spans(doc)) for doc in dev_docs], types)["micro"]["f1"]
        print(f"o_shift {shift}: dev micro F1 {f1:.3f}")
        if f1 > best:
            best, best_shift = f1, shift
    return best_shift


def tune_o_shifts(tagger, dev_docs, dev_gold, least: int = 20) -> dict[str, float]:
    """Per type with at least ``least`` dev spans: the extra lowering of its O score (0 to 2) with
    the best dev F1 of that type (a rarely tagged type finds more spans)."""
    shifts: dict[str, float] = {}
    for column, type in enumerate(tagger.types):
        if sum(1 for spans in dev_gold for span in spans if span[2] == type) < least:
            continue
        results = []
        for shift in (0.0, 0.5, 1.0, 1.5, 2.0):
            tagger.o_shifts = np.zeros(len(tagger.types), dtype=np.float32)
            tagger.o_shifts[column] = shift
            f1 = score(dev_gold, [set(spans) for spans in tagger.batch_spans(dev_docs)], [type])[type]["f1"]
            results.append((f1, -shift))
        f1, shift = max(results)
        print(f"o_shift {type}: {-shift} (dev F1 {f1:.3f})")
        if shift:
            shifts[type] = -shift
    tagger.o_shifts = np.array([shifts.get(type, 0.0) for type in tagger.types], dtype=np.float32)
    return shifts


def check(model, tagger, example, inputs, doc, batch) -> None:
    """The numpy tagger computes the torch model's function (first sentence of the first document)."""
    import torch

    model.eval()
    (w, s, x, p, c), f, _y, m = batch([example])
    with torch.no_grad():
        expected = model(w, s, x, p, c, f, m)[0].numpy()
    first, last = doc.sentences[0].tokens
    got = tagger.logits(inputs)[first:last]
    assert np.allclose(expected, got, atol=1e-3), float(np.abs(expected - got).max())


if __name__ == "__main__":
    sys.exit(main())
