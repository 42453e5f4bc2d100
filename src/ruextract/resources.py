"""Heavy resources, loaded lazily, once, and shared by every stage and pipeline.

The navec embeddings and the slovnet morphology, syntax and NER packs are the ones the natasha
package ships (we find its data folder without importing natasha). One navec table is injected
into all three models. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from collections.abc import Callable
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

    def _slovnet(self, api: Any, name: str) -> Any:
        return api.load(self._path(name), batch_size=MODEL_BATCH_SIZE).navec(self.navec)

    @property
    def navec(self) -> Any:
        from navec import Navec

        return self._once("navec", lambda: Navec.load(self._path(NAVEC_FILE)))

    @property
    def morph_tagger(self) -> Any:
        from slovnet import Morph

        return self._once("morph", lambda: self._slovnet(Morph, MORPH_FILE))

    @property
    def syntax_parser(self) -> Any:
        from slovnet import Syntax

        return self._once("syntax", lambda: self._slovnet(Syntax, SYNTAX_FILE))

    @property
    def ner_tagger(self) -> Any:
        from slovnet import NER

        return self._once("ner", lambda: self._slovnet(NER, NER_FILE))

    @property
    def morph_vocab(self) -> Any:
        from .morph.vocab import MorphVocab

        return self._once("morph_vocab", MorphVocab)

    @property
    def lemmatizer(self) -> Any:
        from .morph.vocab import Lemmatizer

        return self._once("lemmatizer", lambda: Lemmatizer(self.morph_vocab))


_shared: Resources | None = None
_shared_lock = threading.Lock()


def shared_resources() -> Resources:
    """The process-wide resources every default pipeline uses."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Resources()
        return _shared
