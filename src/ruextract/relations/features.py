"""Features of a candidate pair (head mention, tail mention) in one sentence.

Two parts, the same at training and at run time:
  * sparse: feature strings (entity types, nesting, distance, dependency path, words between,
    the types of the mentions holding each of the two and of those between them),
    looked up in the model's feature vocabulary;
  * dense: navec vectors of the two head words and the mean over the words between, each
    projected to a few dimensions by the model's projection matrix.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np

from ..document import Document
from ..linear import bucket
from .mentions import Mention, Paths, coarse_type

MAX_TOKEN_GAP = 20  # pairs further apart than this in one sentence are not candidates
CROSS_BACK = 2  # a sentence without persons pairs with the last person named this many sentences back
PUNCTUATION = {"(": "paren", ")": "paren", ",": "comma", "—": "dash", "–": "dash", "-": "dash",
               ":": "colon", "«": "quote", "»": "quote", '"': "quote"}


CACHED_WORDS = 50_000  # the embedder's cache of word vectors is emptied past this many words
DEFAULT_EDGES = (0, 1, 2, 3, 5, 8, 12, 20)
DEFAULT_BINS = [bucket(value, DEFAULT_EDGES) for value in range(64)]  # a table for the hot path


def _bin(value: int, edges: Sequence[int] = DEFAULT_EDGES) -> str:
    if edges is DEFAULT_EDGES and 0 <= value < len(DEFAULT_BINS):
        return DEFAULT_BINS[value]
    return bucket(value, edges)


class Context(Paths):
    """Per-document lookups the pair features read: lemmas, punctuation marks, head chains."""

    def __init__(self, doc: Document, mentions: Sequence[Mention] = ()):
        super().__init__(doc)
        self.lemmas = [(token.lemma or token.text).lower() for token in doc.tokens]
        self.marks = [PUNCTUATION.get(token.text) for token in doc.tokens]
        self._governors: dict[int, str] = {}
        # per sentence, its mentions' token ranges and coarse types, by first token
        self.spans: dict[int, list[tuple[int, int, str]]] = {}
        for mention in mentions:
            self.spans.setdefault(mention.sentence, []).append((mention.first, mention.last, coarse_type(mention.type)))
        for spans in self.spans.values():
            spans.sort()
        self._starts = {sentence: [first for first, _last, _type in spans] for sentence, spans in self.spans.items()}
        self._containers: dict[tuple[int, int, int], tuple[str, int, int]] = {}
        self._insides: dict[tuple[int, int, int], str] = {}
        self._between: dict[tuple[int, int, int], str] = {}

    def container(self, mention: Mention) -> str:
        """The coarse type of the shortest other mention whose tokens hold the mention's ("-": none):
        the country in "президент США" lies in a position, a person's name in an organisation's."""
        return self.box(mention)[0]

    def box(self, mention: Mention) -> tuple[str, int, int]:
        """The shortest other mention holding the mention: its coarse type and token range."""
        key = (mention.sentence, mention.first, mention.last)
        found = self._containers.get(key)
        if found is None:
            found, size = ("-", -1, -1), None
            for first, last, type in self.spans.get(mention.sentence, ()):
                if first > mention.first:
                    break
                if last >= mention.last and (first, last) != (mention.first, mention.last):
                    if size is None or last - first < size:
                        found, size = (type, first, last), last - first
            self._containers[key] = found
        return found

    def inside(self, mention: Mention) -> str:
        """The coarse types of the other mentions inside the mention's tokens."""
        key = (mention.sentence, mention.first, mention.last)
        found = self._insides.get(key)
        if found is None:
            types = {type for first, last, type in self.spans.get(mention.sentence, ())
                     if mention.first <= first and last <= mention.last
                     and (first, last) != (mention.first, mention.last)}
            found = self._insides[key] = "|".join(sorted(types)) if len(types) <= 3 else "many"
        return found or "-"

    def between_types(self, first: int, last: int, sentence: int) -> str:
        """The coarse types of the mentions wholly inside the tokens ``[first, last)`` (a pair and
        its reverse share the answer; the scan starts at the first mention starting there)."""
        key = (sentence, first, last)
        found = self._between.get(key)
        if found is None:
            types = set()
            spans = self.spans.get(sentence, ())
            for start, end, type in spans[bisect_left(self._starts.get(sentence, ()), first):]:
                if start >= last:
                    break
                if end <= last:
                    types.add(type)
            found = self._between[key] = ("-" if not types else
                                          "|".join(sorted(types)) if len(types) <= 3 else "many")
        return found

    def governor(self, index: int) -> str:
        """A token's relation to its syntactic head and that head's lemma ("obl:работать")."""
        found = self._governors.get(index)
        if found is None:
            found = self._governors[index] = _governor(self.doc, index, self.lemmas)
        return found


def _governor(doc: Document, index: int, lemmas: list[str]) -> str:
    token = doc.tokens[index]
    head = token.head
    if head is None or not 0 <= head < len(lemmas) or head == index:
        return f"{token.rel}:-"
    return f"{token.rel}:{lemmas[head]}"


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


def pair_features(context: Context, head: Mention, tail: Mention, between_mentions: int,
                  ranks: tuple[int, int] = (0, 0)) -> list[str]:
    """The sparse feature strings of one ordered pair.

    ``ranks``: how many mentions of the tail's type are nearer the head than the tail, and of
    the head's type nearer the tail than the head (0: the nearest one).
    """
    types = f"{head.type}>{tail.type}"
    coarse = f"{coarse_type(head.type)}>{coarse_type(tail.type)}"
    nest = nesting(head, tail)
    if nest in ("h_before", "t_before"):
        left, right = (head, tail) if nest == "h_before" else (tail, head)
        gap = range(left.last, right.first)
    else:
        gap = range(0)
    distance = len(gap)
    if head.sentence != tail.sentence:
        apart = _bin(abs(head.sentence - tail.sentence), (1, 2))
        side = "h" if coarse_type(head.type) == "PER" else "t"
        other_lemma = context.lemmas[tail.head if side == "h" else head.head]
        return ["bias", f"X:{types}", f"XC:{coarse}", f"XS:{types}:{apart}",
                f"Xl:{types}:{other_lemma}", f"Xcl:{coarse}:{other_lemma}"]
    path, inner, top = context.path_and_top(head.head, tail.head)
    lemmas = context.lemmas
    head_lemma = lemmas[head.head]
    tail_lemma = lemmas[tail.head]
    features = [
        "bias",
        f"T:{types}", f"C:{coarse}", f"h:{head.type}", f"t:{tail.type}",
        f"N:{nest}", f"TN:{types}:{nest}", f"CN:{coarse}:{nest}",
        f"D:{_bin(distance)}", f"TD:{types}:{_bin(distance)}", f"CD:{coarse}:{nest}:{_bin(distance)}",
        f"E:{_bin(between_mentions, (0, 1, 2, 4))}", f"CE:{coarse}:{_bin(between_mentions, (0, 1, 2, 4))}",
        f"P:{path}", f"TP:{types}:{path}", f"CP:{coarse}:{path}",
        f"hl:{head_lemma}", f"tl:{tail_lemma}", f"Ch:{coarse}:{head_lemma}", f"Ct:{coarse}:{tail_lemma}",
        f"R:{types}:{min(ranks[0], 2)}:{min(ranks[1], 2)}", f"RN:{coarse}:{nest}:{min(ranks[0], 2)}:{min(ranks[1], 2)}",
    ]
    features += ["pw:" + lemmas[index] for index in inner[:4]]
    if path not in ("long", "none"):  # then the two tokens have a common head, ``top``
        top_lemma = lemmas[top] if top not in (head.head, tail.head) else "<arg>"
        features += [f"Ctop:{coarse}:{top_lemma}", f"CPtop:{coarse}:{path}:{top_lemma}"]
    features += [f"Chg:{coarse}:{context.governor(head.head)}", f"Ctg:{coarse}:{context.governor(tail.head)}"]
    if context.spans:  # the mentions around: what holds each of the two, what lies between them
        head_box, tail_box = context.box(head), context.box(tail)
        features += [f"Hin:{coarse}:{head_box[0]}", f"Tin:{coarse}:{tail_box[0]}",
                     f"Hhas:{coarse}:{context.inside(head)}", f"Thas:{coarse}:{context.inside(tail)}"]
        if head_box[0] != "-" and head_box == tail_box:
            features.append(f"Box:{coarse}:{head_box[0]}")  # two mentions side by side in one
        if distance:
            features.append(f"Bt:{coarse}:{context.between_types(gap.start, gap.stop, head.sentence)}")
    if nest in ("t_in_h", "h_in_t"):  # where the inner mention sits in the outer one
        outer, inner_mention = (head, tail) if nest == "t_in_h" else (tail, head)
        at = ("whole" if (inner_mention.first, inner_mention.last) == (outer.first, outer.last) else
              "start" if inner_mention.first == outer.first else "end" if inner_mention.last == outer.last else "middle")
        features.append(f"In:{coarse}:{nest}:{at}")
    if distance <= 8:
        features += ["bw:" + lemmas[index] for index in gap]
        if distance:
            features.append(f"CB1:{coarse}:{nest}:{lemmas[gap[0]]}")
            features.append(f"CB2:{coarse}:{nest}:{lemmas[gap[-1]]}")
    marks = {context.marks[index] for index in gap} - {None}
    features += [f"CM:{coarse}:{nest}:{mark}" for mark in marks]
    first = min(head.first, tail.first)
    last = max(head.last, tail.last)
    if first > 0:
        features.append("pre:" + lemmas[first - 1])
    if last < len(lemmas):
        features.append("post:" + lemmas[last])
    return features


class Embedder:
    """Projected navec vectors for a list of words, computed in one vectorised gather."""

    def __init__(self, navec, projection: np.ndarray):
        pq = navec.pq
        self.ids = navec.vocab.word_ids
        self.unk = navec.vocab.word_ids.get("<unk>", 0)
        self.codes = pq.indexes  # (words, qdim): each word's centroid per sub-quantizer
        # navec's pq.codes are the centroids (qdim, centroids, subdim); project each block: (qdim, centroids, k)
        qdim, _centroids, subdim = pq.codes.shape
        blocks = projection.astype(np.float32).reshape(qdim, subdim, -1)
        self.table = np.einsum("qcs,qsk->qck", pq.codes.astype(np.float32), blocks)
        self.dim = projection.shape[1]
        self._cache: dict[str, np.ndarray] = {}  # word -> its projected vector (words recur across documents)

    def word_ids(self, words: Sequence[str]) -> np.ndarray:
        ids = self.ids
        return np.array([ids.get(word.lower(), ids.get(word.lower().replace("ё", "е"), self.unk))
                         for word in words], dtype=np.int64)

    def __call__(self, words: Sequence[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, self.dim), dtype=np.float32)
        cache = self._cache
        if len(cache) > CACHED_WORDS:
            cache.clear()
        new = list({word for word in words if word not in cache})
        if new:
            codes = self.codes[self.word_ids(new)].astype(np.int64)  # (n, qdim)
            qdim = codes.shape[1]
            cache.update(zip(new, self.table[np.arange(qdim), codes].sum(axis=1)))  # (n, k)
        return np.vstack([cache[word] for word in words])


def dense_features(vectors: dict[int, np.ndarray], head: Mention, tail: Mention) -> np.ndarray:
    """[head word, tail word] in the projected navec space (``vectors``: token -> vector)."""
    return np.concatenate([vectors[head.head], vectors[tail.head]])


def head_vectors(embed: Embedder, doc: Document, mentions: list[Mention]) -> dict[int, np.ndarray]:
    """Projected vectors of the mentions' head words, embedded in one call."""
    heads = sorted({mention.head for mention in mentions})
    matrix = embed([doc.tokens[index].text for index in heads])
    return dict(zip(heads, matrix))


def prior_key(head: Mention, tail: Mention) -> str:
    """The bucket whose share of related pairs in training gates a candidate: types, nesting, gap
    (for a pair across sentences: types and how many sentences apart)."""
    if head.sentence != tail.sentence:
        return f"x:{head.type}>{tail.type}:{_bin(abs(head.sentence - tail.sentence), (1, 2, 3))}"
    nest = nesting(head, tail)
    if nest == "h_before":
        gap = tail.first - head.last
    elif nest == "t_before":
        gap = head.first - tail.last
    else:
        gap = 0
    return f"{head.type}>{tail.type}:{nest}:{_bin(gap)}"


def candidate_pairs(
    mentions: list[Mention], allowed: set[tuple[str, str]] | None,
    priors: dict[str, float] | None = None, floor: float = 0.0, cross: bool = True,
) -> list[tuple[int, int, int, tuple[int, int]]]:
    """Ordered pairs (head, tail, mentions between, ranks) in one sentence, of an allowed type pair
    (and, given ``priors``, of a bucket related at least ``floor`` of the time in training); with
    ``cross``, also pairs of a sentence without persons with the person named last before it."""
    by_sentence: dict[int, list[int]] = {}
    for number, mention in enumerate(mentions):
        by_sentence.setdefault(mention.sentence, []).append(number)
    pairs = []
    for members in by_sentence.values():
        heads_of: dict[str, list[int]] = {}  # sorted head tokens of the sentence's mentions, per type
        for number in members:
            heads_of.setdefault(mentions[number].type, []).append(mentions[number].head)
        for heads in heads_of.values():
            heads.sort()
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
                if priors is not None and priors.get(prior_key(head, tail), 0.0) < floor:
                    continue
                pairs.append((a, b, max(abs(a_pos - b_pos) - 1, 0), (
                    _rank(heads_of, head, tail), _rank(heads_of, tail, head))))
    if cross:
        pairs += _cross_pairs(mentions, by_sentence, allowed, priors, floor)
    return pairs


def _cross_pairs(mentions: list[Mention], by_sentence: dict[int, list[int]], allowed, priors, floor):
    """A sentence that names no person often speaks of the last one named ("Он стал министром"):
    pairs of that person with the sentence's mentions, if the person is at most CROSS_BACK
    sentences back."""
    pairs = []
    last_person: int | None = None
    for sentence in sorted(by_sentence):
        members = by_sentence[sentence]
        persons = [number for number in members if coarse_type(mentions[number].type) == "PER"]
        if persons:
            last_person = persons[-1]
            continue
        if last_person is None or sentence - mentions[last_person].sentence > CROSS_BACK:
            continue
        for number in members:
            for head_number, tail_number in ((last_person, number), (number, last_person)):
                head, tail = mentions[head_number], mentions[tail_number]
                if head.ref == tail.ref or (allowed is not None and (head.type, tail.type) not in allowed):
                    continue
                if priors is not None and priors.get(prior_key(head, tail), 0.0) < floor:
                    continue
                pairs.append((head_number, tail_number, 0, (0, 0)))
    return pairs


def _rank(heads_of: dict[str, list[int]], anchor: Mention, target: Mention) -> int:
    """How many other mentions of the target's type lie nearer the anchor than the target
    (``heads_of``: the sentence's sorted head tokens per mention type)."""
    distance = abs(anchor.head - target.head)
    if not distance:
        return 0
    heads = heads_of[target.type]
    nearer = bisect_left(heads, anchor.head + distance) - bisect_right(heads, anchor.head - distance)
    return nearer - (anchor.type == target.type)  # the anchor itself is no other mention
