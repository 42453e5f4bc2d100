from __future__ import annotations

from ruextract.events.argmodel import (Argument, PairContext, candidates_of, pair_features, triggers_of,
                                       with_conjuncts)
from ruextract.events.syntax import Tree
from ruextract.relations.mentions import TokenIndex


def _pairs(doc, trigger_word: str, back: int = 0, pronouns: bool = False):
    index = TokenIndex(doc)
    start = doc.text.index(trigger_word)
    triggers = triggers_of(doc, index, [("ev1", "ARREST", start, start + len(trigger_word))])
    entities = [(e.id, e.type, [(m.start, m.end, getattr(m, "kind", "name")) for m in e.mentions])
                for e in doc.entities]
    candidates = candidates_of(doc, index, entities, [(t.id, t.start, t.end) for t in doc.timexes],
                               (lambda mention: True) if pronouns else None)
    context = PairContext(doc, index, triggers, candidates, back=back)
    return {doc.text[c.mention.start:c.mention.end]: pair_features(context, triggers[0], c)
            for c in context.pairs(triggers[0])}


def test_a_place_candidate_carries_its_preposition_case_and_path(event_nlp):
    doc = event_nlp.without("events", "records")("Полиция задержала Ивана Петрова в Омске.")
    features = _pairs(doc, "задержала")
    place = next(values for text, values in features.items() if "Омск" in text)
    assert "pc:LOC:в:Loc" in place
    assert any(feature.startswith("P:LOC:_obl") for feature in place)
    assert "o:V.Fin.act:LOC.name:after" in place


def test_candidates_of_the_sentence_before_only_with_back_and_with_their_own_features(event_nlp):
    doc = event_nlp.without("events", "records")("Иван Петров приехал в Омск. Там его задержали.")
    assert "Иван Петров" not in _pairs(doc, "задержали")  # the shipped pack looks no further than its sentence
    features = _pairs(doc, "задержали", back=1)
    assert any(feature.startswith("X:PER") for feature in features["Иван Петров"])
    assert not any(feature.startswith("P:") for feature in features["Иван Петров"])


def test_candidates_beyond_reach_are_left_out(event_nlp):
    doc = event_nlp.without("events", "records")("Полиция задержала Ивана Петрова в Омске.")
    index = TokenIndex(doc)
    start = doc.text.index("задержала")
    triggers = triggers_of(doc, index, [("ev1", "ARREST", start, start + 9)])
    entities = [(e.id, e.type, [(m.start, m.end, "name") for m in e.mentions]) for e in doc.entities]
    context = PairContext(doc, index, triggers, candidates_of(doc, index, entities, []), reach=2)
    assert [doc.text[c.mention.start:c.mention.end] for c in context.pairs(triggers[0])] == ["Полиция", "Ивана Петрова"]


def test_a_pronoun_resolved_to_an_entity_is_a_candidate_scored_as_its_name(event_nlp):
    doc = event_nlp.without("events", "records")("Иван Петров приехал в Омск. Вчера его задержали.")
    assert "его" not in _pairs(doc, "задержали")  # unless the caller says it stands for its entity
    features = _pairs(doc, "задержали", pronouns=True)
    assert "c:PER.name" in features["его"]


def test_a_pronoun_stands_for_its_entity_unless_a_person_named_by_a_common_noun_is_nearer(event_nlp):
    doc = event_nlp.without("events", "records")(
        "Иван Петров рассказал, что в Сирии был арестован американский гражданин. Потом его освободили.")
    tree = Tree(doc)
    pronoun = next(i for i, token in enumerate(doc.tokens) if token.text == "его")
    person = {i for i, token in enumerate(doc.tokens) if token.text in ("Иван", "Петров")}
    assert tree.antecedent(pronoun, person) == next(i for i, t in enumerate(doc.tokens) if t.text == "гражданин")
    assert not tree.stands_for_entity(pronoun, person | {pronoun})  # as if coreference gave it to Иван Петров
    assert not tree.stands_for_entity(pronoun, person)  # in no entity at all
    doc2 = event_nlp.without("events", "records")("Иван Петров приехал в Омск. Вчера его задержали.")
    tree2 = Tree(doc2)
    pronoun2 = next(i for i, token in enumerate(doc2.tokens) if token.text == "его")
    named2 = {i for i, token in enumerate(doc2.tokens) if token.text in ("Иван", "Петров", "Омск", "его")}
    assert tree2.stands_for_entity(pronoun2, named2)  # the nearest match, Омск, is an entity: coreference decides


def test_coordinated_mentions_share_an_arguments_role(event_nlp):
    doc = event_nlp.without("events", "records")("Вчера Ивана Петрова и Сергея Смирнова задержали в Омске.")
    index = TokenIndex(doc)
    start = doc.text.index("задержали")
    trigger = triggers_of(doc, index, [("ev1", "ARREST", start, start + 9)])[0]
    entities = [(e.id, e.type, [(m.start, m.end, "name") for m in e.mentions]) for e in doc.entities]
    candidates = candidates_of(doc, index, entities, [])
    pairs = [(trigger, candidate) for candidate in candidates]
    first = next(candidate for candidate in candidates if "Петров" in doc.text[candidate.mention.start:candidate.mention.end])
    found = with_conjuncts([Argument("PARTICIPANT_IN", "ev1", first.mention.ref, 0.8, first.mention)], pairs, doc)
    names = {doc.text[a.mention.start:a.mention.end]: a.type for a in found}
    assert names == {"Ивана Петрова": "PARTICIPANT_IN", "Сергея Смирнова": "PARTICIPANT_IN"}
    # a time is no conjunct of a participant, and an unlinked event gets nothing
    assert with_conjuncts([], pairs, doc) == []
