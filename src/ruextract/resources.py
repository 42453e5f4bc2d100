"""Heavy resources, loaded lazily, once, and shared by every stage and pipeline.

The navec embeddings and the slovnet morphology, syntax and NER packs are the ones the natasha
package ships (we find its data folder without importing natasha). One navec table is injected
into all three models. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import ModelNotFound

NAVEC_FILE = "emb/navec_news_v1_1B_250K_300d_100q.tar"
MORPH_FILE = "model/slovnet_morph_news_v1.tar"
SYNTAX_FILE = "model/slovnet_syntax_news_v1.tar"
NER_FILE = "model/slovnet_ner_news_v1.tar"

# sentences sorted by length are fed to slovnet in chunks of this many
MODEL_BATCH_SIZE = 32


def natasha_data_dir() -> Path:
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound("the natasha package (it ships the navec and slovnet models)", "sys.path")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def models_dir() -> Path:
    """Our own packaged data: lexicons, grammars' tables, trained weights (``models/``)."""
    spec = importlib.util.find_spec("ruextract.models")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound("ruextract's models folder", "ruextract.models")
    return Path(list(spec.submodule_search_locations)[0])


class Resources:
    """Lazily loaded models; every attribute is built on first use, under a lock, once."""

    def __init__(self, data_dir: Path | str | None = None):
        self.data_dir = Path(data_dir) if data_dir is not None else natasha_data_dir()
        self._lock = threading.RLock()
        self._loaded: dict[str, Any] = {}

    def __reduce__(self) -> tuple[Any, tuple[str, bool]]:
        """Pickles as a reference: a worker process loads its own models, lazily, once."""
        return _restore, (str(self.data_dir), self is _shared)

    def _path(self, name: str) -> str:
        path = self.data_dir / name
        if not path.exists():
            raise ModelNotFound(name, str(path))
        return str(path)

    def _once(self, name: str, build: Callable[[], Any]) -> Any:
        value = self._loaded.get(name)
        if value is None:
            with self._lock:
                value = self._loaded.get(name)
                if value is None:
                    value = self._loaded[name] = build()
        return value

    def _slovnet(self, kind: str, name: str) -> Any:
        return load_slovnet(kind, self._path(name), self.navec, self._word_ids)

    def _word_ids(self, shapes_vocab: Any) -> Any:
        """One word -> ids table for the three models (their shape lists are equal; a pack with
        another list would get a table of its own)."""
        from .fast_slovnet import WordIds

        shared = self._once("word_ids", lambda: WordIds(self.words_vocab, shapes_vocab))
        if shared.shapes_vocab.items == shapes_vocab.items:
            return shared
        return WordIds(self.words_vocab, shapes_vocab)

    @property
    def navec(self) -> Any:
        from navec import Navec

        return self._once("navec", lambda: Navec.load(self._path(NAVEC_FILE)))

    @property
    def words_vocab(self) -> Any:
        """navec's words as the slovnet word vocabulary (the packs carry the same list)."""
        return self._once("words_vocab", lambda: navec_words_vocab(self.navec))

    @property
    def morph_tagger(self) -> Any:
        return self._once("morph", lambda: self._slovnet("morph", MORPH_FILE))

    @property
    def syntax_parser(self) -> Any:
        return self._once("syntax", lambda: self._slovnet("syntax", SYNTAX_FILE))

    @property
    def ner_tagger(self) -> Any:
        return self._once("ner", lambda: self._slovnet("ner", NER_FILE))

    @property
    def morph_vocab(self) -> Any:
        from .morph.vocab import MorphVocab

        return self._once("morph_vocab", MorphVocab)

    @property
    def lemmatizer(self) -> Any:
        from .morph.vocab import Lemmatizer

        return self._once("lemmatizer", lambda: Lemmatizer(self.morph_vocab))


def navec_words_vocab(navec: Any) -> Any:
    from slovnet.vocab import Vocab

    vocab = Vocab.__new__(Vocab)
    vocab.items = navec.vocab.words
    vocab.item_ids = navec.vocab.word_ids
    vocab.unk_id, vocab.pad_id = navec.vocab.unk_id, navec.vocab.pad_id
    return vocab


def load_slovnet(kind: str, path: str, navec: Any, word_ids: Callable[[Any], Any]) -> Any:
    """slovnet's ``Morph/Syntax/NER.load(path).navec(navec)``, but sharing one word vocabulary.

    Each slovnet pack carries its own copy of navec's 250,000-word vocabulary (about 45 MB in
    memory each); we build the model from the pack's weights, shape and label vocabularies and
    give all three models the vocabulary navec already holds (tests/test_resources.py checks
    the packs' lists are navec's). ``word_ids(shapes_vocab)`` gives the word -> ids table the
    models share; the CNN encoder is computed by ``ruextract.fast_slovnet`` (same function, no
    im2col copy: a third faster).
    """
    from slovnet import api
    from slovnet.const import REL, SHAPE, TAG
    from slovnet.exec import encoders, infer
    from slovnet.exec.pack import Pack

    from .fast_slovnet import sharing_encoder, speed_up

    api_class, model_class, encoder_class, labels, decoder_class, infer_class = {
        "morph": (api.Morph, api.MorphModel, encoders.TagEncoder, TAG, infer.TagDecoder,
                  infer.MorphInfer),
        "syntax": (api.Syntax, api.SyntaxModel, encoders.SyntaxEncoder, REL, infer.SyntaxDecoder,
                   infer.SyntaxInfer),
        "ner": (api.NER, api.NERModel, encoders.TagEncoder, TAG, infer.TagDecoder, infer.NERInfer),
    }[kind]
    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_class)
        arrays = dict(pack.load_arrays(model.weights))
        shapes_vocab = pack.load_vocab(SHAPE)
        labels_vocab = pack.load_vocab(labels)
    model = speed_up(model.inject_arrays(arrays).inject_navec(navec))
    encoder = sharing_encoder(encoder_class, word_ids(shapes_vocab), MODEL_BATCH_SIZE)
    return api_class(infer_class(model, encoder, decoder_class(labels_vocab)), MODEL_BATCH_SIZE)


_blas: Any = None


def one_blas_thread() -> Any:
    """A context in which numpy's BLAS runs on one thread.

    slovnet's matrices are small: with a BLAS thread per core, the threads mostly wait for each
    other, and on a busy machine (or beside other workers) they burn several times the CPU for no
    gain. Measured on NEREL dev, on a loaded 2-core machine: 14.4 s of CPU for the pipeline
    with two BLAS threads, 3.6 s with one. Only our model calls are limited; the host program's
    own BLAS settings are restored on exit.
    """
    global _blas
    if _blas is None:
        from threadpoolctl import ThreadpoolController

        _blas = ThreadpoolController()
    return _blas.limit(limits=1, user_api="blas")


_shared: Resources | None = None
_shared_lock = threading.Lock()


def _restore(data_dir: str, shared: bool) -> Resources:
    return shared_resources() if shared else Resources(data_dir)


def shared_resources() -> Resources:
    """The process-wide resources every default pipeline uses."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Resources()
        return _shared
