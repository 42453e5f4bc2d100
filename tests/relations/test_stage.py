from __future__ import annotations

from ruextract import Document, Entity, Mention
from ruextract.relations import RelationStage
from ruextract.relations.stage import alternative_names


def entity(doc: Document, id: str, type: str, text: str) -> Entity:
    start = doc.text.index(text)
    return Entity(id=id, type=type, name=text, mentions=[Mention(start=start, end=start + len(text), text=text)])


def test_stage_apposition_gives_occupation(relation_nlp):
    doc = relation_nlp("Министр финансов Германии Ганс Майер прилетел в Прагу.")
    person = next(entity for entity in doc.entities if entity.type == "PER")
    facts = doc.facts
    assert [(fact.type, fact.args["Who"]) for fact in facts] == [("Occupation", person.id)]
    assert facts[0].slots["Position"].text.startswith("Министр финансов")
    where = next(entity for entity in doc.entities if entity.id == facts[0].args["Where"])
    assert where.name == "Германия"
    assert doc.output()["facts"][0]["slots"]["Who"]["text"] == "Ганс Майер"


def test_stage_parenthesis_is_another_name(parse_nlp):
    doc = parse_nlp("Сотрудники Агентства морской связи (АМС) вышли на работу.")
    doc.entities = [entity(doc, "e1", "ORG", "Агентства морской связи"), entity(doc, "e2", "ORG", "АМС")]
    stage = RelationStage()
    found = alternative_names(doc, stage.mentions(doc))
    assert [(item.type, item.head.ref, item.tail.ref) for item in found] == [("ALTERNATIVE_NAME", "e1", "e2")]
    stage.process([doc])
    assert any(r.type in ("ALTERNATIVE_NAME", "ABBREVIATION") and (r.head, r.tail) == ("e1", "e2")
               for r in doc.relations)


def test_stage_relations_name_known_ids_only(relation_nlp):
    doc = relation_nlp("Президент Чили Мария Лопес посетила завод компании «Тесла» в Сантьяго.")
    known = ({e.id for e in doc.entities} | {e.id for e in doc.events} | {t.id for t in doc.timexes}
             | {v.id for v in doc.values})
    assert all(r.head in known and r.tail in known for r in doc.relations)
    assert all(r.evidence is not None and doc.text[r.evidence.start:r.evidence.end] == r.evidence.text
               for r in doc.relations)


def test_stage_positions_and_ages_are_values_relations_point_at(relation_nlp):
    doc = relation_nlp("Министр финансов Иван Петров, 58 лет, прибыл в Казань.")
    values = {value.id: value for value in doc.values}
    assert {value.type for value in values.values()} <= {"PROFESSION", "AGE"}
    assert all(doc.text[v.start:v.end] == v.text for v in values.values())
    names = {e.id: e.name for e in doc.entities}
    pairs = {(r.type, names.get(r.head), values[r.tail].text) for r in doc.relations if r.tail in values}
    assert ("WORKS_AS", "Иван Петров", "Министр финансов") in pairs
    assert ("AGE_IS", "Иван Петров", "58 лет") in pairs
    referenced = {r.head for r in doc.relations} | {r.tail for r in doc.relations}
    assert set(values) <= referenced  # a value exists only for a relation that names it


def test_stage_empty_document(relation_nlp):
    doc = relation_nlp("")
    assert doc.error is None and doc.relations == []


def test_stage_assigns_rather_than_appends(parse_nlp):
    doc = parse_nlp("Сотрудники Агентства морской связи (АМС) вышли на работу.")
    doc.entities = [entity(doc, "e1", "ORG", "Агентства морской связи"), entity(doc, "e2", "ORG", "АМС")]
    stage = RelationStage()
    stage.process([doc])
    first = list(doc.relations)
    stage.process([doc])
    assert doc.relations == first


def test_stage_keeps_facts_of_other_stages_and_replaces_its_own(relation_nlp):
    from ruextract.records import Fact, Span

    doc = relation_nlp("Министр финансов Германии Ганс Майер прилетел в Прагу.")
    meeting = Fact(type="Meeting", slots={"Participant": Span(start=0, end=7, text=doc.text[:7])})
    doc.facts = [meeting] + list(doc.facts)
    relation_nlp["relations"].process([doc])
    assert doc.facts[0] == meeting
    assert [fact.type for fact in doc.facts].count("Occupation") == 1


def test_occupation_from_a_place_adjective_names_the_place_and_leaves_it_out_of_the_position(relation_nlp):
    doc = relation_nlp("Россия отправила делегацию. Российский министр финансов Иван Петров прилетел в Прагу.")
    [fact] = [fact for fact in doc.facts if fact.type == "Occupation"]
    assert fact.slots["Who"].text == "Иван Петров"
    assert fact.slots["Position"].text == "министр финансов"
    assert fact.slots["Where"].text == "Россия"  # the place's name, not the adjective


def test_occupation_of_a_pronoun_names_the_person(relation_nlp):
    doc = relation_nlp("Иван Петров прилетел в Прагу. Он — министр финансов Германии.")
    [fact] = [fact for fact in doc.facts if fact.type == "Occupation"]
    assert fact.slots["Who"].text == "Иван Петров"
    assert fact.slots["Position"].text == "министр финансов"


def test_stage_leaves_event_arguments_to_the_record_stage_unless_asked(parse_nlp):
    from ruextract.events import EventStage
    from ruextract.relations import RelationStage

    doc = parse_nlp("Полиция задержала Ивана Петрова в Казани.")
    doc.entities = [entity(doc, "e1", "ORG", "Полиция"), entity(doc, "e2", "PER", "Ивана Петрова"),
                    entity(doc, "e3", "LOC", "Казани")]
    EventStage().process([doc])
    assert doc.events
    shipped = {item.type for item in RelationStage().find(doc)}
    everything = {item.type for item in RelationStage(event_arguments=True).find(doc)}
    arguments = {"AGENT", "PARTICIPANT_IN", "POINT_IN_TIME", "TAKES_PLACE_IN"}
    assert not shipped & arguments and everything & arguments


def test_stage_position_values_leave_out_words_describing_the_person(relation_nlp):
    doc = relation_nlp("Бывший министр энергетики Иван Петров прибыл в Казань.")
    works_as = [value.text for value in doc.values
                if any(r.type == "WORKS_AS" and r.tail == value.id for r in doc.relations)]
    assert works_as and all(not text.lower().startswith("бывший") for text in works_as)
    assert all(doc.text[v.start:v.end] == v.text for v in doc.values)


def test_stage_two_names_of_one_entity_are_an_alternative_name_of_it(relation_nlp):
    doc = relation_nlp("Федеральное бюро расследований (ФБР) передало сведения. Позже ФБР сообщило о задержании.")
    fbi = [entity for entity in doc.entities if "ФБР" in entity.aliases or entity.name == "ФБР"]
    assert len(fbi) == 1
    own = [r for r in doc.relations if r.head == r.tail == fbi[0].id]
    assert own and all(r.type in ("ALTERNATIVE_NAME", "ABBREVIATION") for r in own)
    assert all(r.head_mention.text != r.tail_mention.text for r in own)
    assert all(doc.text[r.head_mention.start:r.head_mention.end] == r.head_mention.text
               for r in doc.relations if r.head_mention is not None)


def test_stage_a_place_ending_an_organisations_name_is_a_mention_of_its_own(relation_nlp):
    from ruextract.relations.mentions import TokenIndex, entity_mentions
    from ruextract.relations.stage import places_in_names

    doc = relation_nlp("Россия ответила. Следственный комитет России возбудил уголовное дело.")
    index = TokenIndex(doc)
    mentions = entity_mentions(doc, index)
    refs = {entity.name: entity.id for entity in doc.entities}
    found = {(doc.text[m.start:m.end], m.type, m.ref) for m in places_in_names(doc, index, mentions)}
    assert found == {("России", "LOC", refs["Россия"]), ("Следственный комитет", "ORG", refs["Следственный комитет России"])}
    # a place the document does not name otherwise stays inside the name
    doc = relation_nlp("Следственный комитет Армении возбудил уголовное дело.")
    index = TokenIndex(doc)
    assert places_in_names(doc, index, [m for m in entity_mentions(doc, index) if m.type != "LOC"]) == []


def test_stage_a_country_adjective_is_a_mention_of_the_country_an_actor_alias_named(relation_nlp):
    from ruextract.relations.mentions import TokenIndex, entity_mentions
    from ruextract.relations.stage import place_adjectives

    doc = relation_nlp("Американская сторона ответила отказом. Американский журналист Иван Петров прилетел в Омск.")
    usa = next(entity.id for entity in doc.entities if entity.name == "США")  # the alias "Американская сторона"
    index = TokenIndex(doc)
    found = [(doc.text[m.start:m.end], m.ref) for m in place_adjectives(doc, index, entity_mentions(doc, index))]
    assert found == [("Американская", usa), ("Американский", usa)]


def test_an_event_is_also_read_at_the_phrase_its_trigger_heads(relation_nlp):
    from ruextract.relations.mentions import TokenIndex, entity_mentions
    from ruextract.relations.stage import event_extents

    doc = relation_nlp("Вчера в Омске прошёл несанкционированный митинг. Рабочие покинули территорию завода.")
    index = TokenIndex(doc)
    mentions = entity_mentions(doc, index)
    triggers = {(m.start, m.end): m.ref for m in mentions if m.type == "EVENT"}
    extents = {doc.text[m.start:m.end]: m.ref for m in event_extents(doc, index, mentions)}
    assert "несанкционированный митинг" in extents and "покинули территорию завода" in extents
    # another mention of the trigger's own event, not a new event
    assert all(ref in triggers.values() for ref in extents.values())
    # the extents are no names for the other-name model
    named = RelationStage(event_arguments=True).named_relations(doc, RelationStage().mentions(doc), {})
    assert all(doc.text[item.head.start:item.head.end] not in extents for item in named)


def test_an_event_extent_takes_a_prepositional_phrase_or_a_later_subject(relation_nlp):
    from ruextract.relations.mentions import TokenIndex, entity_mentions
    from ruextract.relations.stage import event_extents

    for text, extent in (("Грузовик выехал на встречную полосу.", "выехал на встречную полосу"),
                         ("Вчера произошло нападение на магазин.", "нападение на магазин"),
                         ("В семье родилась двойня.", "родилась двойня")):
        doc = relation_nlp(text)
        index = TokenIndex(doc)
        assert extent in [doc.text[m.start:m.end] for m in event_extents(doc, index, entity_mentions(doc, index))]


def test_an_event_extent_takes_a_short_genitive_complement_and_leaves_out_a_long_one(parse_nlp):
    from ruextract.relations.stage import _complement_end

    for text, words in (("Начался ремонт моста.", 1),
                        ("Начался ремонт старого здания городской библиотеки имени великого поэта.", None)):
        doc = parse_nlp(text)
        noun = [token.text for token in doc.tokens].index("ремонт")
        end = _complement_end(doc, noun, noun + 1, len(doc.tokens), "nmod", "Gen")
        assert (end - noun - 1 if end is not None else None) == words
        assert _complement_end(doc, noun, noun + 1, len(doc.tokens), "obj", None) is None


def test_a_former_position_is_read_without_its_prefix(relation_nlp):
    doc = relation_nlp("Экс-министр финансов Иван Петров прибыл в Казань.")
    positions = [m for m in RelationStage().mentions(doc) if m.type == "PROFESSION"]
    assert positions and all(not doc.text[m.start:m.end].lower().startswith("экс") for m in positions)
    assert all(not value.text.lower().startswith("экс") for value in doc.values)


def test_our_own_entities_get_the_classifier_trained_on_predicted_mentions():
    from ruextract.relations import RelationModel

    stage = RelationStage()
    assert stage.predicted_model is not stage.model
    assert "predicted" in stage.predicted_model.meta["trained_on"]
    assert stage.model_for(True) is stage.predicted_model and stage.model_for(False) is stage.model
    assert stage.predicted_model.labels == stage.model.labels
    # a classifier given alone serves both kinds of entities
    given = RelationModel(labels=stage.model.labels, vocab={}, sparse=stage.model.sparse[:0],
                          dense=stage.model.dense, bias=stage.model.bias, projection=stage.model.projection,
                          allowed=set())
    alone = RelationStage(model=given)
    assert alone.model_for(True) is given and alone.model_for(False) is given


def test_given_entities_of_nerel_types_are_read_by_the_gold_mention_classifier(parse_nlp, monkeypatch):
    text = "Иван Петров работает в компании «Тесла»."
    ours = parse_nlp(text)
    ours.entities = [entity(ours, "e1", "PER", "Иван Петров"), entity(ours, "e2", "ORG", "Тесла")]
    given = parse_nlp(text)
    given.entities = [Entity.model_construct(id=item.id, type=type, name=item.name, mentions=item.mentions,
                                             aliases=[], roles=[])
                      for item, type in zip(ours.entities, ("PERSON", "ORGANIZATION"))]
    stage = RelationStage()
    used = []
    for model in (stage.model, stage.predicted_model):
        def best(features, dense, model=model, original=model.best):
            used.append(model)
            return original(features, dense)
        monkeypatch.setattr(model, "best", best)
    stage.find(ours)
    stage.find(given)
    assert used == [stage.predicted_model, stage.model]
