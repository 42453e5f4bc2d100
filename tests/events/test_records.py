from __future__ import annotations

from ruextract.events.records import readable_time

from .conftest import only


def test_records_readable_time_values():
    assert readable_time("2019-12-27") == "27 декабря 2019"
    assert readable_time("2020-02", "END") == "конец февраля 2020"
    assert readable_time("2020-02") == "февраль 2020"
    assert readable_time("2019-W52") == "2019-W52"


def test_records_summary_keeps_the_article_words(event_nlp):
    doc = event_nlp("Иван Петров поблагодарил Германию за помощь.")
    thanks = only(doc, "THANKS")
    record = next(record for record in doc.records if record.type == "THANKS")
    assert record.summary == "Иван Петров поблагодарил Германию за помощь"
    assert record.roles["agent"] == "Иван Петров" and record.roles["recipient"] == "Германия"
    assert record.evidence[0] == thanks.trigger


def test_records_note_the_modality(event_nlp):
    doc = event_nlp("Полиция не задержала подозреваемого.")
    record = next(record for record in doc.records if record.type == "ARREST")
    assert record.summary.endswith("[не произошло]")
