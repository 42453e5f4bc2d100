"""The relation classifier: multinomial logistic regression over candidate pairs, numpy only.

Weights live in one ``.npz`` pack (``models/relations/relations.npz``, built by
``benchmarks/train_relations.py``):

    meta          json: {"id", "protocol", "threshold", ...}; optionally "thresholds" (a threshold
                  per relation type, tuned on dev) and "one_head" / "one_tail" (types whose
                  tail has one head, or head one tail, in training: only the likeliest is kept);
                  optionally "end_to_end": {"threshold", "thresholds", "tagged"}, the decoding
                  tuned on our own predicted mentions (``train_relations.py --tune-end-to-end``):
                  a model trained on gold mentions is less sure of noisy ones
    labels        relation types; labels[0] is "NONE"
    vocab         sparse feature strings, row i of ``sparse``
    sparse        (features, labels) weights of the sparse features (in a two-layer pack:
                  ``sparse_int8`` and its per-column ``sparse_scale``)
    dense         (dense dims, labels) weights of the projected navec features
    bias          (labels,)
    projection    (300, k) navec -> dense projection
    allowed       "HEAD>TAIL" mention type pairs that are ever related
    prior_keys, prior_values   share of related pairs per candidate bucket in training
                  (``features.prior_key``); buckets under ``meta["prior_floor"]`` are skipped
    output, output_bias   only in a two-layer pack: (hidden, labels) and (labels,); then the first
                  ``hidden`` columns of ``sparse``/``dense``/``bias`` make the hidden layer (ReLU),
                  and further ``labels`` columns, if any, are a logistic regression beside the
                  network: the probabilities are the mean of the two
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelNotFound
from ..linear import read_pack, softmax, sparse_logits

PROTOCOL = 1
WHAT = "the relation model pack (built by benchmarks/train_relations.py)"


@dataclass
class RelationModel:
    labels: list[str]
    vocab: dict[str, int]
    sparse: np.ndarray
    dense: np.ndarray
    bias: np.ndarray
    projection: np.ndarray
    allowed: set[tuple[str, str]]
    threshold: float = 0.5
    meta: dict | None = None
    output: np.ndarray | None = None
    output_bias: np.ndarray | None = None
    priors: dict[str, float] | None = None
    prior_floor: float = 0.0
    thresholds: dict[str, float] | None = None
    one_head: frozenset[str] = frozenset()
    one_tail: frozenset[str] = frozenset()
    end_to_end: dict | None = None  # {"threshold", "thresholds", "tagged"} for predicted mentions

    def threshold_of(self, label: str, end_to_end: bool = False) -> float:
        if end_to_end and self.end_to_end:
            return self.end_to_end.get("thresholds", {}).get(label, self.end_to_end.get("threshold", self.threshold))
        return (self.thresholds or {}).get(label, self.threshold)

    def tagged_confidence(self, default: float) -> float:
        """What a relation with a tagged span (``ner.nerel``) needs on predicted mentions."""
        return float((self.end_to_end or {}).get("tagged", default))

    @classmethod
    def load(cls, path: Path | str) -> RelationModel:
        meta, pack = read_pack(path, WHAT, PROTOCOL)
        if "sparse_int8" in pack:
            pack["sparse"] = pack.pop("sparse_int8").astype(np.float32) * pack.pop("sparse_scale")
        widths = {pack["sparse"].shape[1], pack["dense"].shape[1], len(pack["bias"])}
        if "output" in pack:
            hidden, labels = pack["output"].shape
            fits = (len(widths) == 1 and widths & {hidden, hidden + labels}
                    and "output_bias" in pack and len(pack["output_bias"]) == labels == len(pack["labels"]))
        else:
            fits = widths == {len(pack["labels"])}
        if not fits:
            raise ModelNotFound(f"{WHAT} with layers that fit together", str(path))
        return cls(
            labels=[str(label) for label in pack["labels"]],
            vocab={str(feature): number for number, feature in enumerate(pack["vocab"])},
            sparse=pack["sparse"].astype(np.float32),
            dense=pack["dense"].astype(np.float32),
            bias=pack["bias"].astype(np.float32),
            projection=pack["projection"].astype(np.float32),
            allowed={tuple(pair.split(">", 1)) for pair in pack["allowed"]},
            threshold=float(meta.get("threshold", 0.5)),
            meta=meta,
            output=pack["output"].astype(np.float32) if "output" in pack else None,
            output_bias=pack["output_bias"].astype(np.float32) if "output_bias" in pack else None,
            priors=dict(zip((str(key) for key in pack["prior_keys"]), pack["prior_values"].tolist()))
            if "prior_keys" in pack else None,
            prior_floor=float(meta.get("prior_floor", 0.0)),
            thresholds={str(k): float(v) for k, v in meta.get("thresholds", {}).items()} or None,
            one_head=frozenset(meta.get("one_head", ())),
            one_tail=frozenset(meta.get("one_tail", ())),
            end_to_end=meta.get("end_to_end") or None,
        )

    def save(self, path: Path | str) -> None:
        ordered = sorted(self.vocab, key=self.vocab.__getitem__)
        layers = {"sparse": self.sparse.astype(np.float16)}
        if self.output is not None:  # a network's first layer in 8 bits, one scale per column
            scale = np.maximum(np.abs(self.sparse).max(axis=0), 1e-8) / 127
            layers = {"sparse_int8": np.round(self.sparse / scale).astype(np.int8),
                      "sparse_scale": scale.astype(np.float32),
                      "output": self.output.astype(np.float16),
                      "output_bias": np.asarray(self.output_bias, dtype=np.float32)}
        if self.priors is not None:
            keys = sorted(self.priors)
            layers["prior_keys"] = np.array(keys)
            layers["prior_values"] = np.array([self.priors[key] for key in keys], dtype=np.float32)
        np.savez_compressed(
            path,
            meta=np.array(json.dumps({**(self.meta or {}), "protocol": PROTOCOL,
                                      "threshold": self.threshold, "prior_floor": self.prior_floor,
                                      "thresholds": self.thresholds or {},
                                      "one_head": sorted(self.one_head), "one_tail": sorted(self.one_tail),
                                      "end_to_end": self.end_to_end or {}})),
            labels=np.array(self.labels),
            vocab=np.array(ordered),
            dense=self.dense.astype(np.float16),
            bias=self.bias.astype(np.float32),
            projection=self.projection.astype(np.float16),
            allowed=np.array(sorted(f"{head}>{tail}" for head, tail in self.allowed)),
            **layers,
        )

    def scores(self, features: list[list[str]], dense: np.ndarray) -> np.ndarray:
        """Label probabilities, one row per candidate pair."""
        logits = sparse_logits(self.vocab, self.sparse, self.bias, features)
        if not len(features):
            return logits
        # plain BLAS products: the pipeline runs its stages on one BLAS thread (one_blas_thread),
        # where they cost a fifth of einsum's; outside it, a threaded BLAS may spend more CPU in
        # thread hand-offs than in these small products
        logits += dense @ self.dense
        if self.output is None:
            return softmax(logits)
        hidden = len(self.output)
        deep = softmax(np.maximum(logits[:, :hidden], 0.0) @ self.output + self.output_bias)
        if logits.shape[1] == hidden:
            return deep
        # a regression beside the network (its columns after the hidden ones): the mean of the two
        return (deep + softmax(logits[:, hidden:])) / 2

    def best(self, features: list[list[str]], dense: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each pair's likeliest relation type (an index into ``labels``, never 0) and its
        probability."""
        probabilities = self.scores(features, dense)
        if not len(features) or probabilities.shape[1] < 2:
            return np.zeros(len(features), dtype=np.int64), np.zeros(len(features), dtype=np.float32)
        best = probabilities[:, 1:].argmax(axis=1) + 1
        return best, probabilities[np.arange(len(best)), best]

    def limits(self, end_to_end: bool = False) -> np.ndarray:
        """The threshold of each label, in ``labels`` order."""
        return np.array([self.threshold_of(label, end_to_end) for label in self.labels], dtype=np.float32)

    def predict(self, features: list[list[str]], dense: np.ndarray,
                end_to_end: bool = False) -> list[tuple[str, float]]:
        """The best relation type of each pair and its probability ("NONE" below the threshold;
        ``end_to_end``: the thresholds tuned on predicted mentions, where the pack has them)."""
        probabilities = self.scores(features, dense)
        if not len(features) or probabilities.shape[1] < 2:
            return [(self.labels[0], 1.0)] * len(features)
        best = probabilities[:, 1:].argmax(axis=1) + 1
        best_probability = probabilities[np.arange(len(best)), best]
        chosen = np.where(best_probability >= self.limits(end_to_end)[best], best, 0)
        return [(self.labels[label], float(probabilities[row, label])) for row, label in enumerate(chosen)]

    def constrain(self, items: list, key=lambda item: item) -> list:
        """Keep, of items ``(type, head, tail, probability, ...)`` (``key`` gives that tuple), only
        the likeliest head of each tail for ``one_head`` types and the likeliest tail of each head
        for ``one_tail`` types."""
        if not self.one_head and not self.one_tail:
            return items
        best: dict[tuple, float] = {}
        for item in items:
            type, head, tail, probability = key(item)[:4]
            if type in self.one_head:
                slot = ("h", type, tail)
                best[slot] = max(best.get(slot, 0.0), probability)
            if type in self.one_tail:
                slot = ("t", type, head)
                best[slot] = max(best.get(slot, 0.0), probability)
        kept = []
        for item in items:
            type, head, tail, probability = key(item)[:4]
            if type in self.one_head and probability < best[("h", type, tail)]:
                continue
            if type in self.one_tail and probability < best[("t", type, head)]:
                continue
            kept.append(item)
        return kept
