"""ALTERNATIVE_NAME and ABBREVIATION across the whole document: another name of something named
earlier.

NEREL links a later mention to an earlier one of the same referent when the later one names it
differently: a short or full personal name ("Барак Обама" ... "Обама"), an abbreviation
("Организация Объединённых Наций" ... "ООН"), a derived adjective ("Россия" ... "российских"), a
transliteration in parentheses ("Аарон Шварц (Aaron Swartz)"). Most such pairs lie in different
sentences, out of the sentence classifier's reach.

Candidates are ordered pairs (earlier mention, later mention) of one coarse type; a small
logistic regression (NONE, ALTERNATIVE_NAME, ABBREVIATION) over name-similarity and position
features (``alias_features``) scores them, and each later mention keeps its best earlier one
and type above the threshold. Weights:
``models/relations/alternative_names.npz`` (``benchmarks/train_relations.py``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..document import Document
from ..linear import bucket, read_pack, softmax, sparse_logits
from .mentions import Mention, coarse_type

PROTOCOL = 1
MAX_EARLIER = 40  # earlier mentions of the type considered per mention
NEAREST = 2  # unlike names are candidates only among this many mentions of the type just before
STEM = 4  # letters two words must share at the start to count as one stem (Росс-ия, росс-ийский)
NO_OTHER_NAMES = {"TIME", "AGE"}  # dates and ages are not renamed (under 1% of NEREL's links)
LATIN = re.compile(r"[A-Za-z]")
WORD = re.compile(r"[^\W\d_]+")
SMALL_WORDS = {"и", "в", "на", "по", "о", "об", "с", "со", "к", "для", "из", "at", "of", "the", "and", "for", "de"}


@dataclass(frozen=True)
class Name:
    """What the features read of one mention: its words, lemmas, initials and shape."""

    words: tuple[str, ...]  # lower case
    lemmas: frozenset[str]
    initials: str  # first letters of the content words, upper case
    upper: str  # the mention's text without spaces and dots, if written in capitals (an abbreviation)
    latin: bool
    head_lemma: str
    text: str  # lower case
    stems: frozenset[str]  # the first STEM letters of its words of at least STEM letters


def name_of(doc: Document, mention: Mention, lemmas: list[str]) -> Name:
    text = doc.text[mention.start:mention.end]
    words = tuple(word.lower() for word in WORD.findall(text))
    tokens = [index for index in range(mention.first, mention.last) if WORD.search(doc.tokens[index].text)]
    initials = "".join(word[0] for word in words if word not in SMALL_WORDS).upper()
    compact = re.sub(r"[\s.\-«»\"']", "", text)
    upper = compact if 2 <= len(compact) <= 8 and compact.isupper() else ""
    return Name(words=words, lemmas=frozenset(lemmas[index] for index in tokens), initials=initials,
                upper=upper, latin=bool(LATIN.search(text)), head_lemma=lemmas[mention.head], text=text.lower(),
                stems=frozenset(word[:STEM] for word in words if len(word) >= STEM))


def similarity(a: Name, b: Name) -> list[str]:
    """Name-similarity features of two mentions (order-free, except containment)."""
    found = []
    if a.text == b.text:
        found.append("same_text")
    elif a.lemmas and a.lemmas == b.lemmas:
        found.append("same_lemmas")
    shared = a.lemmas & b.lemmas
    if shared:
        found.append("shared")
        if a.lemmas < b.lemmas:
            found.append("a_in_b")
        elif b.lemmas < a.lemmas:
            found.append("b_in_a")
    if a.head_lemma == b.head_lemma:
        found.append("same_head")
    if not a.stems.isdisjoint(b.stems):
        found.append("stem" if shared else "stem_only")
    if b.upper and len(b.upper) >= 2 and b.upper == a.initials:
        found.append("b_abbr_of_a")
    elif a.upper and len(a.upper) >= 2 and a.upper == b.initials:
        found.append("a_abbr_of_b")
    elif b.upper and a.initials and b.upper[0] == a.initials[0] and len(a.words) > 1:
        found.append("b_caps_same_first")
    if a.latin != b.latin:
        found.append("script")
    if shared and (_has_initial(a.words) or _has_initial(b.words)):
        found.append("initial")
    return found


def _has_initial(words: tuple[str, ...]) -> bool:
    return any(len(word) == 1 for word in words)


def alias_candidates(mentions: list[Mention], names: list[Name]) -> list[tuple[int, int, list[str]]]:
    """(earlier, later, similarity features) of one coarse type and different referents: names
    that look alike, or one of the two mentions of the type just before, at most a sentence back.
    The same text again is no other name."""
    by_type: dict[str, list[int]] = {}
    pairs = []
    for number, mention in enumerate(mentions):
        if coarse_type(mention.type) in NO_OTHER_NAMES:
            continue
        group = by_type.setdefault(coarse_type(mention.type), [])
        nearest = set(group[-NEAREST:])
        for earlier in group[-MAX_EARLIER:]:
            other = mentions[earlier]
            if other.start <= mention.start and mention.end <= other.end:
                continue
            if names[earlier].text == names[number].text:
                continue
            # two mentions of one entity are other names of it unless they differ only in case
            if other.ref == mention.ref and names[earlier].lemmas == names[number].lemmas:
                continue
            sims = similarity(names[earlier], names[number])
            alike = bool(sims) and sims != ["script"]  # another script alone is no likeness
            if alike or (earlier in nearest and mention.sentence - other.sentence <= 1):
                pairs.append((earlier, number, sims))
        group.append(number)
    return pairs


def alias_features(doc: Document, mentions: list[Mention], names: list[Name],
                   pairs: list[tuple[int, int, list[str]]], vectors: dict[int, np.ndarray] | None = None) -> list[list[str]]:
    """Feature strings of each candidate pair (``vectors``: head token -> unit navec vector)."""
    similar_earlier: dict[int, list[int]] = {}
    for a, b, sims in pairs:
        if sims:
            similar_earlier.setdefault(b, []).append(a)
    seen_texts: set[str] = set()
    first_seen: list[bool] = []  # per mention: the first of its coarse type with its text
    for mention, name in zip(mentions, names):
        key = f"{coarse_type(mention.type)}:{name.text}"
        first_seen.append(key not in seen_texts)
        seen_texts.add(key)
    out = []
    for a, b, sims in pairs:
        head, tail = mentions[a], mentions[b]
        coarse = coarse_type(tail.type)
        sentences = bucket(tail.sentence - head.sentence, (0, 1, 2, 4, 8))
        features = ["bias", f"t:{head.type}>{tail.type}", f"c:{coarse}", f"S:{sentences}",
                    f"same_type:{head.type == tail.type}", f"new:{first_seen[b]}", f"cS:{coarse}:{sentences}"]
        features += [f"s:{name}" for name in sims] + [f"cs:{coarse}:{name}" for name in sims]
        features += [f"sn:{name}:{first_seen[b]}" for name in sims] + [f"a_new:{first_seen[a]}"]
        if not sims:
            features.append(f"cs:{coarse}:none")
        if len(sims) >= 2:
            features += [f"ss:{x}:{y}" for i, x in enumerate(sims) for y in sims[i + 1:]]
        similar = similar_earlier.get(b, [])
        if similar:
            features.append(f"a_first:{a == similar[0]}")
            features.append(f"a_nearest:{a == similar[-1]}")
            features.append(f"n_similar:{bucket(len(similar), (1, 2, 4))}")
            longest = max(similar, key=lambda number: len(names[number].words))
            features.append(f"a_longest:{a == longest}")
        words = f"{bucket(len(names[a].words), (1, 2, 3))}>{bucket(len(names[b].words), (1, 2, 3))}"
        features += [f"w:{words}", f"cw:{coarse}:{words}"]
        gap = doc.text[head.end:tail.start]
        if head.sentence == tail.sentence and len(gap) <= 40:
            compact = gap.strip().lower()
            after = doc.text[tail.end:tail.end + 2].strip()[:1]
            if compact == "(" and after == ")":
                features.append("paren")
                features.append(f"cparen:{coarse}")
            elif compact in (",", "—", "-", "или", "(или", ", или"):
                features.append(f"gap:{compact}")
            else:
                for word in WORD.findall(compact)[:3]:
                    features.append(f"gw:{word}")
        if vectors is not None and head.head in vectors and tail.head in vectors:
            cosine = float(vectors[head.head] @ vectors[tail.head])
            features.append(f"cos:{coarse}:{bucket(int(cosine * 10), (0, 2, 4, 6, 8))}")
        # the head words' parts of speech: a verb renamed by a noun ("умер" ... "смерти"), a noun by a proper noun
        features.append(f"pos:{coarse}:{doc.tokens[head.head].pos}>{doc.tokens[tail.head].pos}")
        out.append(features)
    return out


@dataclass
class AliasModel:
    labels: list[str]  # labels[0] is "NONE"
    vocab: dict[str, int]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    threshold: float = 0.5
    meta: dict | None = None
    thresholds: dict[str, float] | None = None  # per coarse mention type (PER, EVENT, ...), tuned on dev

    def threshold_of(self, type: str) -> float:
        return (self.thresholds or {}).get(coarse_type(type), self.threshold)

    @classmethod
    def load(cls, path: Path | str) -> AliasModel:
        meta, pack = read_pack(path, "the alternative-name model pack", PROTOCOL)
        return cls(labels=[str(label) for label in pack["labels"]],
                   vocab={str(name): number for number, name in enumerate(pack["vocab"])},
                   weights=pack["weights"].astype(np.float32), bias=pack["bias"].astype(np.float32),
                   threshold=float(meta["threshold"]), meta=meta,
                   thresholds={str(k): float(v) for k, v in meta.get("thresholds", {}).items()} or None)

    def save(self, path: Path | str) -> None:
        ordered = sorted(self.vocab, key=self.vocab.__getitem__)
        meta = {**(self.meta or {}), "protocol": PROTOCOL, "threshold": self.threshold,
                "thresholds": self.thresholds or {}}
        np.savez_compressed(path, meta=np.array(json.dumps(meta)), labels=np.array(self.labels),
                            vocab=np.array(ordered), weights=self.weights.astype(np.float32),
                            bias=np.asarray(self.bias, dtype=np.float32))

    def scores(self, features: list[list[str]]) -> np.ndarray:
        """Label probabilities, one row per candidate pair."""
        return softmax(sparse_logits(self.vocab, self.weights, self.bias.astype(np.float64), features))

    def best(self, features: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Each pair's best label other than NONE and its probability."""
        probabilities = self.scores(features)
        label = probabilities[:, 1:].argmax(axis=1) + 1
        return label, probabilities[np.arange(len(label)), label]


def unit_vectors(embedder, doc: Document, mentions: list[Mention],
                 vectors: dict[int, np.ndarray] | None = None) -> dict[int, np.ndarray]:
    """Head-word navec vectors (the embedder's projection, or the given ``vectors`` of head
    tokens), scaled to unit length."""
    heads = sorted({mention.head for mention in mentions})
    if not heads:
        return {}
    if vectors is not None and all(head in vectors for head in heads):
        matrix = np.vstack([vectors[head] for head in heads])
    else:
        matrix = embedder([doc.tokens[index].text for index in heads])
    matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-6)
    return dict(zip(heads, matrix))


def find_alternative_names(doc: Document, mentions: list[Mention], model: AliasModel, embedder=None,
                           vectors: dict[int, np.ndarray] | None = None) -> list[tuple[str, Mention, Mention, float]]:
    """(type, earlier, later, probability): each later mention's best earlier name and type above
    the threshold."""
    if len(mentions) < 2:
        return []
    lemmas = [(token.lemma or token.text).lower() for token in doc.tokens]
    names = [name_of(doc, mention, lemmas) for mention in mentions]
    pairs = alias_candidates(mentions, names)
    if not pairs:
        return []
    units = unit_vectors(embedder, doc, mentions, vectors) if embedder is not None or vectors else None
    labels, probabilities = model.best(alias_features(doc, mentions, names, pairs, units))
    best: dict[int, tuple[float, int, int]] = {}
    for (a, b, _sims), label, probability in zip(pairs, labels, probabilities):
        if probability >= model.threshold_of(mentions[b].type) and (b not in best or best[b][0] < probability):
            best[b] = (float(probability), a, int(label))
    return [(model.labels[label], mentions[a], mentions[b], probability)
            for b, (probability, a, label) in sorted(best.items())]
