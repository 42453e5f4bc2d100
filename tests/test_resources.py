from __future__ import annotations

import threading

import pytest

from ruextract.resources import (
    MORPH_FILE, NER_FILE, SYNTAX_FILE, Resources, natasha_data_dir, shared_resources,
)
from ruextract.errors import ModelNotFound


@pytest.mark.parametrize("name", [MORPH_FILE, SYNTAX_FILE, NER_FILE])
def test_resources_slovnet_packs_use_navec_words(name):
    """We give every slovnet model navec's vocabulary instead of its own copy: they must be equal."""
    from slovnet.const import WORD
    from slovnet.exec.pack import Pack

    with Pack(str(natasha_data_dir() / name)) as pack:
        words = pack.load_vocab(WORD).items
    assert words == shared_resources().navec.vocab.words


def test_resources_load_once_across_threads():
    resources = Resources()
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(resources.navec)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and all(navec is seen[0] for navec in seen)


def test_resources_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(ModelNotFound, match="reinstall"):
        Resources(tmp_path).navec
