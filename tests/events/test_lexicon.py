from __future__ import annotations

from ruextract.events import Lexicon


def test_lexicon_ships_at_least_thirty_types():
    lexicon = Lexicon.load()
    assert len(lexicon.types) >= 30
    assert lexicon.verbs["задержать"] == "ARREST"
    assert lexicon.nouns["теракт"] == "ATTACK"


def test_lexicon_builds_phrases_from_data():
    lexicon = Lexicon.build(
        {"RESIGNATION": {"nouns": ["отставка"], "phrases": ["подать + отставка"], "genitive": "agent"}},
        {"light": ["совершить"]},
    )
    assert lexicon.types["RESIGNATION"].genitive == "agent"
    assert {phrase.lemmas for phrase in lexicon.phrases["подать"]} == {frozenset({"подать", "отставка"})}
    assert "совершить" in lexicon.light
