from __future__ import annotations

import ruextract
from ruextract.statements import quote_records


def test_direct_quote_reads_as_speaker_verb_and_content():
    doc = ruextract.load()("«Мы готовы к переговорам», — заявил 5 мая министр иностранных дел Иван Петров.",
                           published="2021-05-10")
    (record,) = quote_records(doc)
    assert record.summary == "Иван Петров заявил: «Мы готовы к переговорам» (2021-05-05)"
    assert record.roles == {"speaker": "Иван Петров", "content": "Мы готовы к переговорам"}
    assert record.time == "2021-05-05"
    assert all(doc.text[span.start:span.end] == span.text for span in record.evidence)


def test_indirect_quote_reads_with_что():
    doc = ruextract.load()("Мэр Казани Анна Смирнова сообщила, что ремонт моста закончится осенью.")
    assert [record.summary for record in quote_records(doc)] == [
        "Анна Смирнова сообщила, что ремонт моста закончится осенью"
    ]


def test_prepositional_cue_reads_with_a_colon_and_no_time_from_the_content():
    doc = ruextract.load()("По словам Ивана Петрова, 5 мая завод закроют.", published="2021-05-01")
    assert [(record.summary, record.time) for record in quote_records(doc)] == [
        ("Иван Петров: 5 мая завод закроют", None)
    ]


def test_quote_without_speaker_gives_no_record_and_long_content_is_shortened():
    text = "Сообщается, что " + "очень " * 60 + "долго."
    doc = ruextract.load()(text)
    assert doc.quotes and not quote_records(doc)
    doc = ruextract.load()("Иван Петров заявил, что " + "очень " * 60 + "долго.")
    (record,) = quote_records(doc)
    assert record.summary.endswith("…") and len(record.summary) < 260
    assert record.roles["content"] == doc.quotes[0].content.text


def test_pipeline_records_include_quotes_in_text_order():
    doc = ruextract.load()("Полиция задержала двух человек. «Мы проверяем их», — сказал следователь Иван Петров.")
    types = [record.type for record in doc.records]
    assert "QUOTE" in types and types.index("ARREST") < types.index("QUOTE")
    (quote,) = [record for record in doc.records if record.type == "QUOTE"]
    assert quote.summary == "Иван Петров сказал: «Мы проверяем их»"


def test_gerund_cue_is_said_in_the_past_tense_and_mixed_quote_keeps_its_marks():
    doc = ruextract.load()(
        "Анна Смирнова похвалила команду, подчеркнув, что игроки «сделали всё возможное».")
    summaries = [record.summary for record in quote_records(doc)]
    assert "Анна Смирнова подчеркнула, что игроки «сделали всё возможное»" in summaries


def test_label_speakers_are_capitalised_and_impersonal_cues_read_with_a_colon():
    doc = ruextract.load()(
        "В заявлении полиции Армении говорится: «Задержаны пять человек». "
        "Полиция Армении сообщила, что Задержанные дают показания.")
    summaries = [record.summary for record in quote_records(doc)]
    assert summaries and all(summary[:1].isupper() for summary in summaries)
    assert not any("говорится" in summary for summary in summaries)
    assert any(", что задержанные дают показания" in summary for summary in summaries)


def test_a_request_or_promise_reads_with_its_infinitive_or_чтобы():
    nlp = ruextract.load()
    promise = quote_records(nlp("Мэр Олег Волков пообещал отремонтировать мост до зимы."))
    request = quote_records(nlp("Председатель профсоюза Анна Смирнова потребовала, чтобы зарплаты повысили."))
    assert [record.summary for record in promise] == ["Олег Волков пообещал отремонтировать мост до зимы"]
    assert [record.summary for record in request] == ["Анна Смирнова потребовала, чтобы зарплаты повысили"]
