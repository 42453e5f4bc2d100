from __future__ import annotations

import ruextract
from ruextract.events.records import readable_time
from ruextract.records import Span

from .conftest import only, records_of


def test_records_readable_time_values():
    assert readable_time("2019-12-27") == "27 декабря 2019"
    assert readable_time("2020-02", "END") == "конец февраля 2020"
    assert readable_time("2020-02") == "февраль 2020"
    assert readable_time("2019-W52") == "52-я неделя 2019"
    assert readable_time("2020-04-19TNI") == "19 апреля 2020, ночь"
    assert readable_time("XXXX-04-18") == "18 апреля"
    assert readable_time("XXXX-WXX-6") == ""  # unreadable: left out of the summary


def test_records_summary_keeps_the_article_words(event_nlp):
    doc = event_nlp("Иван Петров поблагодарил Германию за помощь.")
    thanks = only(doc, "THANKS")
    record = records_of(doc, "THANKS")[0]
    assert record.summary == "Иван Петров поблагодарил Германию за помощь"
    assert record.roles["agent"] == "Иван Петров" and record.roles["recipient"] == "Германия"
    assert record.evidence[0] == thanks.trigger


def test_records_negation_is_said_once(event_nlp):
    doc = event_nlp("Полиция не задержала подозреваемого.")
    record = records_of(doc, "ARREST")[0]
    assert record.summary == "Полиция не задержала подозреваемого"


def test_records_note_the_modality_beside_the_time(event_nlp):
    doc = event_nlp("Боевики планировали взорвать мост.")
    record = records_of(doc, "EXPLOSION")[0]
    assert record.summary.endswith("(планировалось)")


def test_records_passive_subject_opens_the_sentence(event_nlp):
    doc = event_nlp("Вчера в Казани полицейскими были задержаны трое грабителей.")
    record = records_of(doc, "ARREST")[0]
    assert record.summary.startswith("Трое грабителей были задержаны")


def test_records_first_person_subject_becomes_a_name_with_an_agreeing_verb(event_nlp):
    doc = event_nlp("«Мы сотрудничаем с Германией», — сказал Иван Петров.")
    record = records_of(doc, "COOPERATION")[0]
    assert record.summary.startswith("Иван Петров сотрудничает с Германией")


def test_records_a_bare_trigger_gets_no_record(event_nlp):
    doc = event_nlp("Произошёл инцидент.")
    assert [event.type for event in doc.events] == ["ACCIDENT"]
    assert doc.records == []


def test_records_noun_trigger_in_the_nominative(event_nlp):
    doc = event_nlp("Полиция сообщила о задержании двух хакеров в Омске.")
    record = records_of(doc, "ARREST")[0]
    assert record.summary.startswith("Задержание двух хакеров")


def test_records_pronoun_antecedent_in_the_pronouns_case(event_nlp):
    doc = event_nlp("Полиция искала русского туриста. Вчера его освободили.")
    record = records_of(doc, "RELEASE")[0]
    assert record.summary.lower().startswith("русского туриста освободили")


def test_records_a_pronoun_resolved_to_a_person_reads_as_the_persons_name_in_its_case(event_nlp):
    doc = event_nlp("Иван Петров приехал в Омск. Вчера его задержали полицейские.", published="2021-05-06")
    arrest = next(event for event in doc.events if event.type == "ARREST")
    person = next(entity for entity in doc.entities if entity.name == "Иван Петров")
    assert arrest.args["patient"] == person.id  # the entity coreference gave "его", not the nearer "Омск"
    record = records_of(doc, "ARREST")[0]
    assert "задержали Ивана Петрова" in record.summary


def test_records_occupation_says_the_position_in_the_nominative_with_its_complements_kept(event_nlp):
    doc = event_nlp("Суд арестовал бывшего министра финансов области Петра Сидорчука.")
    occupation = records_of(doc, "Occupation")[0]
    assert occupation.summary == "Петр Сидорчук — бывший министр финансов области"
    assert occupation.roles["Position"] == "бывший министр финансов области"
    # the fact keeps the article's own span
    fact = next(fact for fact in doc.facts if fact.type == "Occupation")
    assert doc.text[fact.slots["Position"].start:fact.slots["Position"].end].startswith("бывшего министра")


def test_records_one_named_subject_of_a_coordination_takes_a_singular_verb(event_nlp):
    doc = event_nlp("Иван Петров и Анна Смирнова переехали в Казань в 2017 году.")
    summaries = [record.summary for record in records_of(doc, "MOVE")]
    assert summaries and all(" переехали " not in summary for summary in summaries)
    assert any(summary.startswith(("Иван Петров переехал", "Анна Смирнова переехала")) for summary in summaries)


def test_records_an_infinitive_trigger_keeps_the_verb_it_completes(event_nlp):
    doc = event_nlp("Компания «Вектор» планирует купить завод в Туле.")
    record = records_of(doc, "ACQUISITION")[0]
    assert record.summary.startswith("Компания «Вектор» планирует купить завод")


def test_records_occupation_of_several_people_says_one_persons_position(event_nlp):
    doc = event_nlp("Советники президента Иван Петров и Олег Сидоров приехали в Москву.")
    positions = [record.roles["Position"] for record in records_of(doc, "Occupation")]
    assert positions and all(position == "советник президента" for position in positions)



def test_records_a_verb_agrees_with_the_name_said_as_its_subject(event_nlp):
    doc = event_nlp("Американская сторона вчера передала Берлину данные о похитителях.")
    record = records_of(doc, "TRANSFER")[0]
    assert record.summary.startswith("США передали Берлину данные")


def test_records_a_trigger_phrase_holding_its_subject_says_it_once(event_nlp):
    doc = event_nlp("В результате взрыва на складе пострадали 12 человек.")
    summaries = [record.summary for record in records_of(doc, "INJURY")]
    assert summaries and all(summary.count("12 человек") == 1 for summary in summaries)
    assert any(summary.startswith("Пострадали 12 человек") for summary in summaries)


def test_records_a_noun_trigger_does_not_take_a_phrase_of_another_clause_before_it(event_nlp):
    doc = event_nlp("Слесарь из Самары, угнавший поезд, предстал перед судом в Сызрани.")
    assert not any(record.summary.startswith("Слесарь из Самары суд") for record in doc.records)


def test_records_a_light_verb_comes_with_its_noun_after_the_subject(event_nlp):
    doc = event_nlp("В Тольятти рабочие устроили забастовку в марте.")
    record = records_of(doc, "PROTEST")[0]
    assert record.summary.startswith("Рабочие устроили забастовку в Тольятти")


def test_records_a_noun_trigger_in_the_nominative_keeps_its_genitive_complement(event_nlp):
    doc = event_nlp("Министр ушёл в отставку после волны демонстраций протеста в марте.")
    summaries = [record.summary for record in records_of(doc, "PROTEST")]
    assert summaries and all(summary.startswith("Демонстрации протеста") for summary in summaries)


def _summary_and_span(doc: ruextract.Document):  # type: ignore[no-untyped-def]
    """The record builder of a document, and a maker of spans of its words."""
    from ruextract.events.records import _lexicon, _Summary

    def span(words: str) -> Span:
        start = doc.text.index(words)
        return Span(start=start, end=start + len(words), text=words)

    return _Summary(doc, _lexicon()), span


def test_records_a_phrase_of_pronouns_only_says_nobody(event_nlp):
    summary, span = _summary_and_span(event_nlp("Депутат выступил против тех, кто поддержал закон."))
    assert summary._only_pronouns(span("тех"))
    assert not summary._only_pronouns(span("Депутат"))


def test_records_a_participle_before_a_noun_trigger_agrees_in_the_nominative(event_nlp):
    doc = event_nlp("Ночью полиция сообщила о вооруженном инциденте в Калуге.")
    summaries = [record.summary for record in records_of(doc, "ACCIDENT")]
    assert summaries and all(summary.startswith("Вооружённый инцидент") for summary in summaries)


def test_records_a_name_standing_for_a_pronoun_keeps_its_preposition(event_nlp):
    doc = event_nlp("Иван Петров вернулся домой. У него украли машину.")
    record = records_of(doc, "THEFT")[0]
    assert record.summary.startswith("У Ивана Петрова украли машину")



def test_records_an_oblique_name_is_said_only_with_the_noun_it_hangs_on(event_nlp):
    doc = event_nlp("Вчера у мэра Олега Орлова и его супруги Веры Зиминой родилась дочь.")
    summary, span = _summary_and_span(doc)
    words = [token.text for token in doc.tokens]
    assert summary._stray_oblique(span("Веры Зиминой"), {words.index("родилась")}) == words.index("супруги")
    other = event_nlp("Полиция сообщила о задержании двух хакеров.")
    summary, span = _summary_and_span(other)
    words = [token.text for token in other.tokens]
    assert summary._stray_oblique(span("двух хакеров"), {words.index("задержании")}) is None


def test_records_a_name_in_quote_marks_keeps_its_preposition_and_marks(event_nlp):
    doc = event_nlp("Иван Петров перешёл в «Зенит» в 2019 году.")
    summaries = [record.summary for record in doc.records]
    assert any("перешёл в «Зенит»" in summary for summary in summaries)
