"""Whether a trigger word is an event here: a trained classifier over the word's context.

The taxonomy proposes a trigger wherever its lemma occurs, but many trigger words name an event
only in some uses: "смерть" in "после смерти отца" is one, in "угрожал смертью" it is not;
"процесс" is a trial or a process. The word's event rate in NEREL train (``rates.json``) says how
often it is one in general; this classifier decides for each occurrence from its context: the
lemma and its rate, its form (part of speech, verb form, tense, number), how it attaches
(relation, governing word, preposition), its dependents (relations and lemmas: a date, a place,
a genitive participant) and its neighbours. A logistic regression run in numpy
(``linear.sparse_logits``).

The pack ``models/events/triggers.npz`` (built by ``benchmarks/train_event_triggers.py`` from
NEREL train; its threshold tuned on NEREL dev):

    meta      json: {"id", "protocol", "threshold", "open_threshold", ...provenance and dev scores}

Open vocabulary: the same classifier also judges the verbs and nouns the taxonomy lacks (type
``GENERIC``): NEREL's events are a long tail of words ("капитуляция", "свидание", "сдать"), on NEREL dev a
quarter of the EVENTs had no taxonomy word. Those are kept above ``open_threshold`` (none where the
pack has no such threshold); the word's ending ("-ние", "-ция") helps with lemmas train never saw.
    vocab     the feature strings, joined by newlines, UTF-8 bytes
    weights   (features, 2) float16: columns NONE, EVENT
    bias      (2,)
    centroids (optional) (clusters, 300) float16: unit centroids of navec's lemma vectors, in
              groups of meta "clusters" sizes; a lemma's nearest centroid of each group is a
              feature, so a lemma train never saw is judged by the words it resembles
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..linear import read_pack, read_vocab, softmax, sparse_logits, write_pack
from ..resources import models_dir
from .syntax import Tree

PROTOCOL = 1
CACHE = 200_000  # most lemmas whose clusters a model keeps
GENERIC = "EVENT"  # the type of an event word the taxonomy lacks
RATE_EDGES = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
FORM_FEATS = ("VerbForm", "Tense", "Aspect", "Voice", "Number", "Case")


def rate_bucket(rate: float | None) -> str:
    if rate is None:
        return "unseen"
    for edge in RATE_EDGES:
        if rate <= edge:
            return str(edge)
    return "1"


def _preposition(tree: Tree, index: int) -> str:
    marks = [child for child in tree.children[index] if child < index and tree.tokens[child].rel == "case"]
    return tree.lemma(max(marks)) if marks else "-"


def trigger_features(tree: Tree, index: int, type: str, rate: float | None, clusters: Sequence[str] = ()
                     ) -> list[str]:
    """The sparse feature strings of one candidate trigger token (``clusters``: its lemma's
    nearest centroids, ``TriggerModel.clusters``)."""
    token = tree.tokens[index]
    lemma = tree.lemma(index)
    pos = "V" if token.pos in ("VERB", "AUX") else "N"
    key = f"{lemma}/{pos}"
    rb = rate_bucket(rate)
    form = ".".join(token.feats.get(name, "-") for name in FORM_FEATS[:4]) if pos == "V" else \
        f"{token.feats.get('Number', '-')}.{token.feats.get('Case', '-')}"
    rel = token.rel or "-"
    head = tree.head(index)
    head_lemma = tree.lemma(head) if head is not None else "ROOT"
    head_pos = tree.tokens[head].pos if head is not None else "ROOT"
    prep = _preposition(tree, index)
    features = [
        "bias", f"k:{key}", f"t:{type}", f"r:{rb}", f"tr:{type}:{rb}", f"pr:{pos}:{rb}",
        f"f:{pos}:{form}", f"kf:{key}:{form}", f"tf:{type}:{form}",
        f"rel:{pos}:{rel}", f"krel:{key}:{rel}", f"rrel:{rb}:{rel}",
        f"h:{head_lemma}", f"hp:{pos}:{head_pos}:{rel}", f"kh:{key}:{head_lemma}",
        f"p:{prep}", f"kp:{key}:{prep}", f"rp:{rb}:{prep}",
        f"cap:{token.text[:1].isupper() and index > 0 and tree.sentence_of[index - 1] == tree.sentence_of[index]}",
        f"s3:{pos}:{lemma[-3:]}", f"s4:{pos}:{lemma[-4:]}", f"ts3:{type}:{lemma[-3:]}",
    ]
    for cluster in clusters:
        features += [f"e:{pos}:{cluster}", f"te:{type}:{cluster}"]
    rels = set()
    for child in tree.children[index]:
        child_rel = tree.tokens[child].rel or "-"
        if child_rel == "punct":
            continue
        rels.add(child_rel)
        child_lemma = tree.lemma(child)
        features += [f"c:{child_rel}:{child_lemma}", f"kc:{key}:{child_rel}", f"rc:{rb}:{child_rel}"]
        if child_rel in ("nmod", "obl", "obj", "nsubj", "nsubj:pass"):
            features.append(f"cc:{child_rel}:{tree.tokens[child].feats.get('Case', '-')}:{_preposition(tree, child)}")
    features.append(f"rs:{pos}:{'+'.join(sorted(rels)) or '-'}")
    for offset in (-2, -1, 1):
        other = index + offset
        if 0 <= other < len(tree.tokens) and tree.sentence_of[other] == tree.sentence_of[index]:
            features += [f"w{offset}:{tree.lemma(other)}", f"kw{offset}:{key}:{tree.lemma(other)}"]
        else:
            features.append(f"w{offset}:<s>")
    return features


@dataclass
class TriggerModel:
    vocab: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    threshold: float
    meta: dict
    open_threshold: float | None = None  # for words the taxonomy lacks (type GENERIC); None: none kept
    centroids: np.ndarray | None = None  # (clusters, dim) unit vectors, in groups of ``sizes``
    sizes: tuple[int, ...] = ()
    _cache: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | str | None = None) -> TriggerModel:
        path = Path(path) if path is not None else models_dir() / "events" / "triggers.npz"
        meta, pack = read_pack(path, "the event trigger model pack", PROTOCOL)
        return cls(vocab=read_vocab(pack), weights=pack["weights"].astype(np.float32),
                   bias=pack["bias"].astype(np.float32), threshold=float(meta["threshold"]), meta=meta,
                   open_threshold=None if meta.get("open_threshold") is None else float(meta["open_threshold"]),
                   centroids=pack["centroids"].astype(np.float32) if "centroids" in pack else None,
                   sizes=tuple(meta.get("clusters", ())))

    def save(self, path: Path | str, **meta) -> None:
        info = {**self.meta, **meta, "protocol": PROTOCOL, "threshold": self.threshold,
                "open_threshold": self.open_threshold}
        arrays = {"weights": self.weights.astype(np.float16), "bias": self.bias.astype(np.float32)}
        if self.centroids is not None:
            info["clusters"] = list(self.sizes)
            arrays["centroids"] = self.centroids.astype(np.float16)
        write_pack(path, info, self.vocab, **arrays)

    def clusters(self, lemmas: Sequence[str], vector: Callable[[str], np.ndarray | None]) -> list[list[str]]:
        """Per lemma, its nearest centroid in each group ("64.12"), none for a lemma ``vector``
        (navec's lookup) does not know or where the pack has no centroids. Each lemma's answer is
        kept (up to ``CACHE`` lemmas), so ``vector`` must be the same lookup on every call."""
        if self.centroids is None or not lemmas:
            return [[] for _lemma in lemmas]
        cache = self._cache
        missing = sorted({lemma for lemma in lemmas if lemma not in cache})
        if missing:
            if len(cache) + len(missing) > CACHE:
                cache.clear()
            known = [(lemma, vector(lemma)) for lemma in missing]
            for lemma, value in known:
                if value is None:
                    cache[lemma] = []
            known = [(lemma, value) for lemma, value in known if value is not None]
            if known:
                scores = np.stack([value for _lemma, value in known]).astype(np.float32) @ self.centroids.T
                found: list[list[str]] = [[] for _item in known]
                offset = 0
                for size in self.sizes:
                    for number, cluster in enumerate(scores[:, offset:offset + size].argmax(axis=1)):
                        found[number].append(f"{size}.{cluster}")
                    offset += size
                cache.update((lemma, clusters) for (lemma, _value), clusters in zip(known, found))
        return [cache[lemma] for lemma in lemmas]

    def probabilities(self, features: list[list[str]]) -> np.ndarray:
        """(candidates,) probability that each candidate is an event."""
        if not features:
            return np.zeros(0, dtype=np.float32)
        return softmax(sparse_logits(self.vocab, self.weights, self.bias, features))[:, 1]


@lru_cache(maxsize=1)
def default_trigger_model() -> TriggerModel | None:
    """The shipped pack, or None where it is absent (the rate gate alone then decides)."""
    path = models_dir() / "events" / "triggers.npz"
    return TriggerModel.load(path) if path.exists() else None
