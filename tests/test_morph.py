from __future__ import annotations

from ruextract.document import Token
from ruextract.morph import MORPH_FIELDS, SYNTAX_FIELDS, fill
from ruextract.resources import shared_resources


def test_fill_sets_token_fields_as_assignment_does():
    assert not Token.model_config.get("validate_assignment") and not Token.model_config.get("frozen")
    filled, assigned = Token(start=0, end=4, text="Мама"), Token(start=0, end=4, text="Мама")
    fill(filled, MORPH_FIELDS, "NOUN", {"Case": "Nom"}, "мама")
    fill(filled, SYNTAX_FIELDS, None, "root")
    assigned.pos, assigned.feats, assigned.lemma = "NOUN", {"Case": "Nom"}, "мама"
    assigned.head, assigned.rel = None, "root"
    assert filled == assigned
    assert filled.model_fields_set == assigned.model_fields_set
    assert filled.model_dump(exclude_unset=True) == assigned.model_dump(exclude_unset=True)


def test_tagged_reads_the_slovnet_tag_and_lemmatizes_by_it():
    lemmatizer = shared_resources().lemmatizer
    pos, feats, lemma = lemmatizer.tagged("Кошки", "NOUN|Animacy=Anim|Case=Gen|Gender=Fem|Number=Sing")
    assert pos == "NOUN" and dict(feats)["Case"] == "Gen" and lemma == "кошка"
    assert lemma == lemmatizer("Кошки", "NOUN", dict(feats))
    pos, feats, lemma = lemmatizer.tagged("стали", "VERB|Aspect=Perf|Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin|Voice=Act")
    assert (pos, lemma) == ("VERB", "стать")
    assert lemmatizer.tagged(",", "PUNCT") == ("PUNCT", (), ",")


def test_lemmatize_form_matches_natashas_lemmatize_on_ambiguous_words():
    from natasha.morph.lemma import lemmatize

    from ruextract.morph.vocab import lemmatize_form

    vocab = shared_resources().morph_vocab
    cases = [
        ("стали", "VERB", {"Tense": "Past", "Number": "Plur"}),
        ("стали", "NOUN", {"Case": "Gen", "Number": "Sing"}),
        ("Ёлки", "NOUN", {"Case": "Nom", "Number": "Plur"}),
        ("мыла", "VERB", {"Gender": "Fem", "Tense": "Past"}),
        ("мыла", "PROPN", {}),
        ("был", "AUX", {"Gender": "Masc"}),
        ("абырвалгами", "NOUN", {"Case": "Ins"}),
        ("2020", "NUM", {}),
        ("что", "SCONJ", {}),
    ]
    for word, pos, feats in cases:
        assert lemmatize_form(vocab, word, pos, feats) == lemmatize(vocab, word, pos, feats)


def test_morph_forms_read_each_tag_as_natasha_does():
    from natasha.morph.vocab import ud_feats, ud_pos

    for form in shared_resources().morph_vocab.parse("стали") + shared_resources().morph_vocab.parse("печь"):
        assert form.pos == ud_pos(form.tag) and form.feats == dict(ud_feats(form.tag))
        assert form.normal == form.normal_form
    first, again = shared_resources().morph_vocab.parse("стекла")[0], shared_resources().morph_vocab.parse("стекло")[0]
    assert first.feats is not again.feats  # each form owns its feats


def test_morph_and_syntax_stages_fill_tokens_as_assignment_would():
    from ruextract import Document
    from ruextract.morph import MorphStage, SyntaxStage
    from ruextract.segment import SegmentStage

    doc = Document(text="Полиция задержала двух человек.")
    for stage in (SegmentStage(), MorphStage(), SyntaxStage()):
        stage.process([doc])
    for token in doc.tokens:
        assert set(MORPH_FIELDS + SYNTAX_FIELDS) <= token.model_fields_set
        rebuilt = Token(**token.model_dump())
        assert rebuilt == token and isinstance(token.feats, dict)
    assert [token.lemma for token in doc.tokens] == ["полиция", "задержать", "два", "человек", "."]
    assert doc.tokens[1].head is None and doc.tokens[0].head == 1 and doc.tokens[0].rel == "nsubj"


def test_analyses_are_the_parses_as_plain_tuples_in_their_order():
    vocab = shared_resources().morph_vocab
    for word in ("стали", "Ёлки", "печь", "абырвалгами", "2020", "по-русски", "\U00017000"):
        forms, plain = vocab.parse(word), vocab.analyses(word)
        assert [tuple(form) for form in forms] == [tuple(analysis) for analysis in plain]
        assert all(type(analysis) is not type(forms[0]) for analysis in plain)
        assert vocab.parse(word) is forms  # cached, as natasha's parse is


def test_lemmatize_form_reads_plain_analyses_as_the_forms_would():
    from natasha.morph.vocab import MorphVocab as NatashaMorphVocab

    from ruextract.morph.vocab import lemmatize_form

    ours, natashas = shared_resources().morph_vocab, NatashaMorphVocab()
    for word, pos, feats in [("стали", "NOUN", {"Case": "Gen"}), ("мыла", "VERB", {"Gender": "Fem"}),
                             ("Печи", "NOUN", {"Case": "Nom", "Number": "Plur"}), ("абырвалг", "X", {})]:
        assert lemmatize_form(ours, word, pos, feats) == lemmatize_form(natashas, word, pos, feats)


def test_inflect_chooses_the_form_pymorphys_own_inflect_chooses():
    from natasha.morph.vocab import MorphVocab as NatashaMorphVocab

    ours, natashas = shared_resources().morph_vocab, NatashaMorphVocab()
    cases = [("министр", {"Gen"}), ("стали", {"Nom", "Plur"}), ("Иванова", {"Gen"}), ("сказала", {"Masc"}),
             ("области", {"Nom"}), ("абырвалгами", {"Nom", "Sing"}), ("ножницы", {"Sing"})]
    for word, grams in cases:
        for mine, theirs in zip(ours.parse(word), natashas.parse(word)):
            got, expected = mine.inflect(grams), theirs.inflect(grams)
            assert (got is None) == (expected is None), (word, grams)
            if got is not None:
                assert tuple(got)[:4] == tuple(expected)[:4] and type(got) is type(mine)
                assert (got.pos, got.feats, got.normal) == (expected.pos, expected.feats, expected.normal)


def test_the_three_models_share_one_encoding_of_the_same_sentences():
    import numpy as np

    from ruextract.morph import encoded

    resources = shared_resources()
    morph, syntax, ner = (resources.morph_tagger.infer.encoder, resources.syntax_parser.infer.encoder,
                          resources.ner_tagger.infer.encoder)
    words = [["Мама", "мыла", "раму", "."], ["Да"]]
    first = encoded(morph, words)
    assert encoded(syntax, [list(sentence) for sentence in words]) is first
    assert encoded(ner, words) is first
    fresh = list(ner(words))
    assert [np.array_equal(a.word_id, b.word_id) and np.array_equal(a.shape_id, b.shape_id)
            and np.array_equal(a.pad_mask, b.pad_mask) for a, b in zip(first, fresh)] == [True]
    other = encoded(ner, [["Папа", "мыл", "раму", "."]])
    assert other is not first and other[0].word_id[0, 0] != first[0].word_id[0, 0]
