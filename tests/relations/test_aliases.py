from __future__ import annotations

from ruextract import Document, Entity, Mention
from ruextract.relations import RelationStage
from ruextract.relations.aliases import Name, alias_candidates, similarity


def name(text: str, lemmas: str | None = None, head: str | None = None) -> Name:
    words = tuple(text.lower().replace(".", " ").split())
    lemma_set = frozenset((lemmas or text).lower().split())
    compact = text.replace(" ", "").replace(".", "")
    return Name(words=words, lemmas=lemma_set, initials="".join(w[0] for w in words).upper(),
                upper=compact if compact.isupper() else "", latin=text.isascii(),
                head_lemma=head or words[-1], text=text.lower(),
                stems=frozenset(word[:4] for word in words if len(word) >= 4))


def test_similarity_sees_short_names_abbreviations_and_derived_adjectives():
    assert "b_in_a" in similarity(name("Иван Петров"), name("Петров"))
    assert "b_abbr_of_a" in similarity(name("Союз Малых Городов"), name("СМГ"))
    assert "stem_only" in similarity(name("Норвегия"), name("норвежский"))
    assert similarity(name("Норвегия"), name("Перу")) == []


def test_candidates_skip_the_same_text_and_far_unlike_names():
    from ruextract.relations.mentions import Mention as M

    mentions = [M(0, 5, "PER", "a", 0, 1, 0, 0), M(10, 15, "PER", "b", 3, 4, 3, 0),
                M(20, 25, "PER", "c", 6, 7, 6, 0), M(90, 95, "PER", "d", 30, 31, 30, 5)]
    names = [name("Иван Петров"), name("Иван Петров"), name("Анна"), name("Петров")]
    pairs = {(a, b) for a, b, _sims in alias_candidates(mentions, names)}
    assert (0, 1) not in pairs  # the same name again
    assert (0, 2) in pairs and (1, 2) in pairs  # unlike names: the two mentions just before
    assert (0, 3) in pairs and (1, 3) in pairs  # far apart but alike
    assert (2, 3) not in pairs  # far apart and unlike
    latin = [M(0, 5, "PER", "a", 0, 1, 0, 0), M(90, 95, "PER", "b", 30, 31, 30, 5)]
    assert alias_candidates(latin, [name("Анна"), name("Pedro")]) == []  # another script alone


def test_stage_links_an_abbreviation_to_the_full_name_in_another_sentence(parse_nlp):
    doc = parse_nlp("Союз малых городов провёл съезд в Омске. Через год СМГ провёл второй съезд.")
    full, short = doc.text.index("Союз малых городов"), doc.text.index("СМГ")
    doc.entities = [
        Entity(id="e1", type="ORG", name="Союз малых городов",
               mentions=[Mention(start=full, end=full + 18, text=doc.text[full:full + 18])]),
        Entity(id="e2", type="ORG", name="СМГ", mentions=[Mention(start=short, end=short + 3, text="СМГ")]),
    ]
    RelationStage().process([doc])
    # NEREL calls an abbreviation's link ABBREVIATION, other names ALTERNATIVE_NAME
    assert [(r.type, r.head, r.tail) for r in doc.relations
            if r.type in ("ALTERNATIVE_NAME", "ABBREVIATION")] == [("ABBREVIATION", "e1", "e2")]


def test_alias_thresholds_per_coarse_type_survive_a_round_trip(tmp_path):
    import numpy as np

    from ruextract.relations.aliases import AliasModel

    model = AliasModel(labels=["NONE", "ALTERNATIVE_NAME"], vocab={"bias": 0},
                       weights=np.zeros((1, 2), np.float32), bias=np.zeros(2, np.float32),
                       threshold=0.3, thresholds={"EVENT": 0.6})
    model.save(tmp_path / "a.npz")
    loaded = AliasModel.load(tmp_path / "a.npz")
    assert loaded.threshold_of("EVENT") == 0.6
    assert loaded.threshold_of("PERSON") == loaded.threshold_of("PER") == 0.3


def test_alias_features_name_the_parts_of_speech_of_both_head_words(parse_nlp):
    from ruextract.relations.aliases import alias_features, name_of
    from ruextract.relations.mentions import TokenIndex

    doc = parse_nlp("Вчера умер художник. Его смерть потрясла город.")
    index = TokenIndex(doc)
    died, death = doc.text.index("умер"), doc.text.index("смерть")
    mentions = [index.mention(died, died + 4, "EVENT", "e1"), index.mention(death, death + 6, "EVENT", "e2")]
    lemmas = [(token.lemma or token.text).lower() for token in doc.tokens]
    names = [name_of(doc, mention, lemmas) for mention in mentions]
    [features] = alias_features(doc, mentions, names, [(0, 1, [])])
    assert "pos:EVENT:VERB>NOUN" in features  # a verb renamed by a noun
