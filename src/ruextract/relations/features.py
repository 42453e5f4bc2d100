"""Features of a candidate pair (head mention, tail mention) in one sentence.

Two parts, the same at training and at run time:
  * sparse: feature strings (entity types, nesting, distance, dependency path, words between),
    looked up in the model's feature vocabulary;
  * dense: navec vectors of the two head words and the mean over the words between, each
    projected to a few dimensions by the model's projection matrix.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..document import Document
from .mentions import Mention, coarse_type, dependency_path

MAX_TOKEN_GAP = 30  # pairs further apart than this in one sentence are not candidates
PUNCTUATION = {"(": "paren", ")": "paren", ",": "comma", "—": "dash", "–": "dash", "-": "dash",
               ":": "colon", "«": "quote", "»": "quote", '"': "quote"}


def _bin(value: int, edges: Sequence[int] = (0, 1, 2, 3, 5, 8, 12, 20)) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return "more"


def _lemma(doc: Document, index: int) -> str:
    token = doc.tokens[index]
    return (token.lemma or token.text).lower()


def nesting(head: Mention, tail: Mention) -> str:
    if head.start <= tail.start and tail.end <= head.end:
        return "t_in_h"
    if tail.start <= head.start and head.end <= tail.end:
        return "h_in_t"
    if head.end <= tail.start:
        return "h_before"
    if tail.end <= head.start:
        return "t_before"
    return "overlap"


def pair_features(doc: Document, head: Mention, tail: Mention, between_mentions: int) -> list[str]:
    """The sparse feature strings of one ordered pair."""
    types = f"{head.type}>{tail.type}"
    coarse = f"{coarse_type(head.type)}>{coarse_type(tail.type)}"
    nest = nesting(head, tail)
    if nest in ("h_before", "t_before"):
        left, right = (head, tail) if nest == "h_before" else (tail, head)
        gap = range(left.last, right.first)
    else:
        gap = range(0)
    distance = len(gap)
    path, inner = dependency_path(doc, head.head, tail.head)
    head_lemma = _lemma(doc, head.head)
    tail_lemma = _lemma(doc, tail.head)
    features = [
        "bias",
        f"T:{types}", f"C:{coarse}", f"h:{head.type}", f"t:{tail.type}",
        f"N:{nest}", f"TN:{types}:{nest}", f"CN:{coarse}:{nest}",
        f"D:{_bin(distance)}", f"TD:{types}:{_bin(distance)}", f"CD:{coarse}:{nest}:{_bin(distance)}",
        f"E:{_bin(between_mentions, (0, 1, 2, 4))}", f"CE:{coarse}:{_bin(between_mentions, (0, 1, 2, 4))}",
        f"P:{path}", f"TP:{types}:{path}", f"CP:{coarse}:{path}",
        f"hl:{head_lemma}", f"tl:{tail_lemma}", f"Ch:{coarse}:{head_lemma}", f"Ct:{coarse}:{tail_lemma}",
    ]
    features += [f"pw:{_lemma(doc, index)}" for index in inner[:4]]
    if distance <= 8:
        features += [f"bw:{_lemma(doc, index)}" for index in gap]
        if distance:
            features.append(f"CB1:{coarse}:{nest}:{_lemma(doc, gap[0])}")
            features.append(f"CB2:{coarse}:{nest}:{_lemma(doc, gap[-1])}")
    for index in gap:
        mark = PUNCTUATION.get(doc.tokens[index].text)
        if mark:
            features.append(f"CM:{coarse}:{nest}:{mark}")
    first = min(head.first, tail.first)
    last = max(head.last, tail.last)
    if first > 0:
        features.append(f"pre:{_lemma(doc, first - 1)}")
    if last < len(doc.tokens):
        features.append(f"post:{_lemma(doc, last)}")
    return features


class Embedder:
    """Projected navec vectors for a document's tokens, computed in one vectorised gather."""

    def __init__(self, navec, projection: np.ndarray):
        pq = navec.pq
        self.ids = navec.vocab.word_ids
        self.unk = navec.vocab.word_ids.get("<unk>", 0)
        self.codes = pq.codes
        # centroids (qdim, centroids, subdim) projected per sub-quantizer: (qdim, centroids, k)
        qdim, centroids, subdim = pq.centroids.shape
        blocks = projection.reshape(qdim, subdim, -1)
        self.table = np.einsum("qcs,qsk->qck", pq.centroids.astype(np.float32), blocks)
        self.dim = projection.shape[1]

    def word_ids(self, words: Sequence[str]) -> np.ndarray:
        ids = self.ids
        return np.array([ids.get(word.lower(), ids.get(word.lower().replace("ё", "е"), self.unk))
                         for word in words], dtype=np.int64)

    def __call__(self, words: Sequence[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, self.dim), dtype=np.float32)
        codes = self.codes[self.word_ids(words)].astype(np.int64)  # (n, qdim)
        qdim = codes.shape[1]
        return self.table[np.arange(qdim), codes].sum(axis=1)  # (n, k)


def dense_features(vectors: np.ndarray, cumulative: np.ndarray, head: Mention, tail: Mention) -> np.ndarray:
    """[head word, tail word, mean of the words between] in the projected navec space."""
    left, right = (head, tail) if head.start <= tail.start else (tail, head)
    first, last = left.last, right.first
    if last > first:
        between = (cumulative[last] - cumulative[first]) / (last - first)
    else:
        between = np.zeros(vectors.shape[1], dtype=np.float32)
    return np.concatenate([vectors[head.head], vectors[tail.head], between])


def candidate_pairs(mentions: list[Mention], allowed: set[tuple[str, str]] | None) -> list[tuple[int, int, int]]:
    """Ordered pairs (head, tail, mentions between) in one sentence, of an allowed type pair."""
    by_sentence: dict[int, list[int]] = {}
    for number, mention in enumerate(mentions):
        by_sentence.setdefault(mention.sentence, []).append(number)
    pairs = []
    for members in by_sentence.values():
        for a_pos, a in enumerate(members):
            for b_pos, b in enumerate(members):
                if a == b:
                    continue
                head, tail = mentions[a], mentions[b]
                if head.ref == tail.ref:
                    continue
                if allowed is not None and (head.type, tail.type) not in allowed:
                    continue
                if abs(head.head - tail.head) > MAX_TOKEN_GAP:
                    continue
                pairs.append((a, b, max(abs(a_pos - b_pos) - 1, 0)))
    return pairs
