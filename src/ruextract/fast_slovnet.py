"""slovnet inference, faster: the CNN encoder without its im2col copy, and word encodings
computed once for all three models.

slovnet's ``CNNEncoder`` works in (batch, channels, sequence) layout and builds every convolution
as one matrix product over a strided copy of all windows (``Conv1d``: a gather across the
channel stride, the largest single cost of tagging). ``FastCNNEncoder`` holds the same layers and
weights and computes the same function in (batch, sequence, channels) layout: a convolution is
one product of every position with all ``kernel_size`` weight slices side by side, each
position then summing its neighbours' slice products (no window is copied), then ReLU, batch
norm and the padding mask as slovnet does them. Outputs equal slovnet's
up to float rounding (tests/test_fast_slovnet.py compares them and the decoded tags).

Each slovnet model encodes every word again (lower-casing, its shape, two vocabulary lookups):
``WordIds`` keeps each word's pair of ids once for the morphology, syntax and NER models, which
share navec's words and one shape list.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

import numpy as np
from slovnet.shape import word_shape


class FastLayer:
    def __init__(self, layer: Any):
        conv, norm = layer.conv, layer.norm
        weight = conv.weight.array  # filters x in x kernel
        self.kernel = [np.ascontiguousarray(weight[:, :, k].T) for k in range(weight.shape[2])]
        # all kernel positions side by side: in x (kernel * filters), for per-word products
        self.stacked = np.ascontiguousarray(np.concatenate(self.kernel, axis=1))
        self.bias = conv.bias.array
        self.padding = conv.padding
        assert 2 * self.padding == len(self.kernel) - 1, "slovnet's encoder keeps the length"
        # batch norm as one scale and shift per channel
        self.scale = norm.weight.array / norm.std.array
        self.shift = norm.bias.array - norm.mean.array * self.scale

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """x: batch x sequence x channels. Each position times all kernel slices in one product
        (``stacked``), then ``from_products``: one wide matrix product is faster than one per
        slice, and each position's sum is the same (a window's slice products, added centre
        first; a missing neighbour at a sentence's edge added nothing, as its zero padding did)."""
        batch, length, channels = x.shape
        products = (x.reshape(-1, channels) @ self.stacked).reshape(batch, length, len(self.kernel), -1)
        return self.from_products(products)

    def from_rows(self, rows: np.ndarray, inverse: np.ndarray) -> np.ndarray:
        """``from_products`` of ``rows[inverse]`` (rows: distinct x (kernel * filters), inverse:
        batch x sequence), gathering each kernel slice straight into place instead of every
        position's full product first: the same sums in the same order."""
        table = rows.reshape(len(rows), len(self.kernel), -1)
        length = inverse.shape[1]
        out = table[:, self.padding][inverse]
        for k in range(len(self.kernel)):
            shift = k - self.padding
            if shift < 0:
                out[:, -shift:] += table[:, k][inverse[:, : length + shift]]
            elif shift > 0:
                out[:, : length - shift] += table[:, k][inverse[:, shift:]]
        return self.finish(out)

    def from_products(self, products: np.ndarray) -> np.ndarray:
        """The layer from each position's input times every kernel slice (batch x sequence x
        kernel x filters): position t sums position t + k - padding's product with slice k."""
        length = products.shape[1]
        out = products[:, :, self.padding].copy()
        for k in range(len(self.kernel)):
            shift = k - self.padding
            if shift < 0:
                out[:, -shift:] += products[:, : length + shift, k]
            elif shift > 0:
                out[:, : length - shift] += products[:, shift:, k]
        return self.finish(out)

    def finish(self, out: np.ndarray) -> np.ndarray:
        out += self.bias
        np.maximum(out, 0, out=out)
        out *= self.scale
        out += self.shift
        return out


class Words:
    """A batch's distinct (word id, shape id) pairs (``keys``) and where they occur: what
    ``FastEmbedding`` hands ``FastCNNEncoder`` in place of per-token embeddings; ``embed(rows)``
    gives the embeddings of ``keys[rows]``."""

    def __init__(self, keys: np.ndarray, inverse: np.ndarray, embedding: FastEmbedding):
        self.keys = keys  # distinct, sorted
        self.inverse = inverse  # batch x sequence -> index into ``keys``
        self._embedding = embedding

    def embed(self, rows: np.ndarray | None = None) -> np.ndarray:
        keys = self.keys if rows is None else self.keys[rows]
        return self._embedding.embed(keys)

    @property
    def embedded(self) -> np.ndarray:  # distinct x channels
        return self.embed()


class NavecRows:
    """navec's quantized vectors of some word ids, as slovnet's ``NavecEmbedding`` gives them
    (each of the ``qdim`` parts of a vector is the centroid its index names), gathered with one
    ``take`` from a flat centroid table instead of a two-axis fancy index: the same floats, copied
    a few times faster."""

    def __init__(self, indexes: np.ndarray, codes: np.ndarray):
        """indexes: words x qdim (navec's ``pq.indexes``); codes: qdim x centroids x chunk."""
        qdim, centroids, chunk = codes.shape
        self.dim = qdim * chunk
        self.indexes = indexes
        self.centroids = np.ascontiguousarray(codes).reshape(qdim * centroids, chunk)
        self.offsets = np.arange(qdim, dtype=np.intp) * centroids

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        """ids x dim."""
        rows = self.indexes[ids].astype(np.intp)
        rows += self.offsets
        return self.centroids.take(rows.ravel(), axis=0).reshape(len(ids), self.dim)


class FastEmbedding:
    """Drop-in for slovnet's ``WordShapeEmbedding``: embeds each distinct word of a batch once."""

    def __init__(self, embedding: Any):
        self.embedding = embedding
        self.shapes = embedding.shape.weight.array.shape[0]
        self.navec: NavecRows | None = None

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray) -> Words:
        keys, inverse = np.unique(word_id.astype(np.int64) * self.shapes + shape_id, return_inverse=True)
        return Words(keys, inverse.reshape(word_id.shape), self)

    def embed(self, keys: np.ndarray) -> np.ndarray:
        """len(keys) x (navec's dim + the shape embedding's): slovnet's word and shape vectors."""
        words, shapes = np.divmod(keys, self.shapes)
        if self.navec is None:  # navec is injected after the model is built: read it on first use
            self.navec = NavecRows(self.embedding.word.indexes.array, self.embedding.word.codes.array)
        return np.concatenate((self.navec(words), self.embedding.shape.weight.array[shapes]), axis=-1)


class FirstProducts:
    """Each word's embedding times the first layer's kernel slices (its row of ``embedded @
    stacked``), kept for the first ``capacity`` distinct words seen: a word's row is the same in
    every batch, and news repeats its words across batches (NEREL dev: half of the rows a run
    computed were computed before). ``capacity`` rows of ``kernel * filters`` float32 are
    allocated on first use (4096 x 768: 12 MB per model), never more.

    A row is always computed in a product of at least two rows: numpy's one-row product takes
    another BLAS path whose rounding differs, so a row would differ from the one an uncached
    batch computes. Safe to share between threads: a slot is written before its key is
    published."""

    def __init__(self, stacked: np.ndarray, capacity: int = 4096):
        self.stacked = stacked
        self.capacity = capacity
        self.rows: dict[int, int] = {}  # key -> row of ``table``
        self.table: np.ndarray | None = None
        self._lock = threading.Lock()

    def __call__(self, words: Words) -> np.ndarray:
        """distinct x (kernel * filters), the rows of ``words.keys``."""
        keys = words.keys.tolist()
        rows = self.rows
        found = [rows.get(key) for key in keys]
        missing = [index for index, row in enumerate(found) if row is None]
        out = np.empty((len(keys), self.stacked.shape[1]), dtype=self.stacked.dtype)
        if len(missing) < len(keys):
            have = [index for index, row in enumerate(found) if row is not None]
            assert self.table is not None
            out[have] = self.table[[found[index] for index in have]]
        if missing:
            embedded = words.embed(np.array(missing, dtype=np.int64))
            if len(missing) == 1:  # never a one-row product (see above)
                computed = (np.concatenate([embedded, embedded]) @ self.stacked)[:1]
            else:
                computed = embedded @ self.stacked
            out[missing] = computed
            self._keep([keys[index] for index in missing], computed)
        return out

    def _keep(self, keys: list[int], computed: np.ndarray) -> None:
        if len(self.rows) >= self.capacity:
            return
        with self._lock:
            if self.table is None:
                self.table = np.empty((self.capacity, self.stacked.shape[1]), dtype=self.stacked.dtype)
            rows = self.rows
            fresh = [index for index, key in enumerate(keys) if key not in rows][: self.capacity - len(rows)]
            first = len(rows)
            self.table[first:first + len(fresh)] = computed[fresh]  # the rows, then their keys
            for slot, index in enumerate(fresh, start=first):
                rows[keys[index]] = slot


class FastCNNEncoder:
    """Drop-in for a slovnet ``CNNEncoder`` instance: same call, same result. Given ``Words``,
    the first layer multiplies each distinct word by the kernel once (news repeats its words:
    a batch has about a third as many distinct words as tokens)."""

    def __init__(self, encoder: Any):
        self.layers = [FastLayer(layer) for layer in encoder.layers]
        self.first_products = FirstProducts(self.layers[0].stacked)

    def __call__(self, input: np.ndarray | Words, mask: np.ndarray) -> np.ndarray:
        layers = self.layers
        if isinstance(input, Words):
            first = layers[0]
            x = first.from_rows(self.first_products(input), input.inverse)
            layers = layers[1:]
            x *= (~mask)[:, :, None]
        else:
            x = input
        keep = (~mask)[:, :, None].astype(x.dtype)
        for layer in layers:
            x = layer(x)
            x *= keep
        return x


class FastCRF:
    """Drop-in for slovnet's ``CRF`` (the NER head's Viterbi decoding), same tags: each step
    takes the best scores with ``max`` instead of gathering them at the arg-max positions
    (the same values), and the path is read back from plain lists instead of one numpy scalar
    look-up per token."""

    def __init__(self, crf: Any):
        self.transitions = crf.transitions

    def decode(self, emissions: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
        batch_size, seq_len, tags_num = emissions.shape
        emissions = emissions.swapaxes(1, 0)
        mask = mask.swapaxes(1, 0)
        transitions = self.transitions.array
        history = []
        score = emissions[0]  # batch x tags
        for index in range(1, seq_len):
            # previous tag x next tag, summed in slovnet's order
            scores = score.reshape(batch_size, tags_num, 1) + transitions + emissions[index].reshape(
                batch_size, 1, tags_num)
            history.append(scores.argmax(-2))
            score = np.where(mask[index].reshape(batch_size, 1), scores.max(-2), score)
        sizes = (mask.sum(0) - 1).tolist()
        ends = score.argmax(-1).tolist()
        stacked = np.stack(history, axis=1) if history else np.zeros((batch_size, 0, tags_num), dtype=np.int64)
        batch = []
        for index in range(batch_size):
            best = ends[index]
            tags = [best]
            for indexes in reversed(stacked[index, :len(history)][: sizes[index]].tolist()):
                best = indexes[best]
                tags.append(best)
            tags.reverse()
            batch.append(np.array(tags))
        return batch


def speed_up(model: Any) -> Any:
    """Swap a slovnet exec model's embedding and CNN encoder (and a CRF head's decoding) for
    ours (in place)."""
    model.emb = FastEmbedding(model.emb)
    model.encoder = FastCNNEncoder(model.encoder)
    crf = getattr(getattr(model, "head", None), "crf", None)
    if crf is not None:
        model.head.crf = FastCRF(crf)
    return model


@lru_cache(maxsize=65536)
def shape_of(word: str) -> str:
    """slovnet's shape of a word ("RU_Xx", "NUM", "PUNCT_«"), cached: the models' word table and
    the NEREL tagger (``ner.nerel``) read it for the same words."""
    return word_shape(word)


class WordIds:
    """word -> (navec word id, shape id), as slovnet's ``WordShapeEncoder.item`` computes them;
    bounded (emptied when full), safe to share between threads."""

    def __init__(self, words_vocab: Any, shapes_vocab: Any, size: int = 100_000):
        self.words_vocab, self.shapes_vocab = words_vocab, shapes_vocab
        self.size = size
        self._ids: dict[str, tuple[int, int]] = {}

    def __call__(self, word: str) -> tuple[int, int]:
        ids = self._ids.get(word)
        if ids is None:
            ids = (self.words_vocab.encode(word.lower()), self.shapes_vocab.encode(shape_of(word)))
            if len(self._ids) >= self.size:
                self._ids = {}
            self._ids[word] = ids
        return ids


def sharing_encoder(encoder_class: type, word_ids: WordIds, batch_size: int) -> Any:
    """A slovnet word/shape encoder of ``encoder_class`` whose items come from ``word_ids``."""

    class SharingEncoder(encoder_class):  # type: ignore[misc, valid-type]
        table = word_ids

        def item(self, words: list[str]) -> tuple[list[int], list[int]]:
            known = word_ids._ids.get  # the table's dict as it is now (a look-up per token)
            pairs = [known(word) or word_ids(word) for word in words]
            return [pair[0] for pair in pairs], [pair[1] for pair in pairs]

    return SharingEncoder(word_ids.words_vocab, word_ids.shapes_vocab, batch_size)
