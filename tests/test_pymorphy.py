"""natasha and yargy get pymorphy3 under the pymorphy2 name (pymorphy2 breaks on 3.11+)."""

from __future__ import annotations

import subprocess
import sys


def test_pymorphy_natasha_and_yargy_use_pymorphy3_in_a_fresh_interpreter():
    code = (
        "import ruextract, sys, pymorphy3\n"
        "from natasha import MorphVocab\n"
        "import yargy\n"
        "assert sys.modules['pymorphy2'] is pymorphy3\n"
        "vocab = MorphVocab()\n"
        "assert isinstance(vocab, pymorphy3.MorphAnalyzer)\n"
        "print(vocab.lemmatize('Путина', 'PROPN', {'Case': 'Gen'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "путин"


def test_pymorphy_lemmas_come_from_the_morph_stage(nlp):
    doc = nlp("Сотрудники ФБР задержали двух подозреваемых.")
    assert [token.lemma for token in doc.tokens[:3]] == ["сотрудник", "фбр", "задержать"]


def test_pymorphy_letters_without_a_unicode_name_do_not_fail_the_document(nlp):
    """pymorphy3 calls unicodedata.name() on letters; U+17000 (Tangut) has none."""
    doc = nlp("Путин сказал \U00017000ет, что всё хорошо. \U00017000")
    assert doc.error is None
    assert [entity.name for entity in doc.entities if entity.type == "PER"] == ["Путин"]
