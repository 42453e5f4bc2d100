import pytest

from ruextract.quotes.lexicon import cues_path, fold, load_lexicon, parse_lexicon

REQUIRED_VERBS = [
    "заявить", "сообщить", "подчеркнуть", "отметить", "пояснить", "заверить", "сказать",
    "добавить", "уточнить", "признать", "рассказать", "написать", "ответить", "напомнить",
    "предупредить", "потребовать", "пообещать", "призвать", "предложить",
]
REQUIRED_PHRASES = ["по * словам", "по * мнению", "по * данным", "согласно * сообщению"]


def test_lexicon_has_at_least_150_cues_each_with_a_frame():
    lexicon = load_lexicon()
    assert len(lexicon) >= 150
    for frame in lexicon.words.values():
        assert frame.speaker in {"subject", "object", "genitive", "locative", "none"}
        assert frame.content


def test_lexicon_holds_the_usual_speech_verbs_and_phrases():
    lexicon = load_lexicon()
    assert all(verb in lexicon.words for verb in REQUIRED_VERBS)
    phrases = {" ".join(words) for patterns in lexicon.phrases.values() for words, _ in patterns}
    assert set(REQUIRED_PHRASES) <= phrases
    assert lexicon.words["говориться"].speaker == "locative"
    assert lexicon.words["потребовать"].takes("inf")
    assert lexicon.words["считать"].mental


def test_lexicon_ships_in_the_models_folder():
    assert cues_path().name == "cues.tsv" and cues_path().parent.name == "quotes"


def test_lexicon_folds_yo_and_case():
    assert fold("Подчёркивать") == "подчеркивать"
    lexicon = parse_lexicon(["Подчёркивать\tverb\tsubject\tчто"])
    assert "подчеркивать" in lexicon.words


def test_lexicon_rejects_a_malformed_line():
    with pytest.raises(ValueError, match="line 2"):
        parse_lexicon(["# comment", "заявить\tverb"])


def test_word_classes_hold_every_class_the_rules_read():
    from ruextract.quotes.lexicon import word_class, word_classes

    assert set(word_classes()) == {"document", "web_place", "time", "organisation",
                                   "generic_organisation", "collective_source", "document_cue",
                                   "anaphoric", "legal"}
    assert "заявление" in word_class("document") and "закон" in word_class("legal")
