from ruextract.entities.build import _with_shape


def test_build_lemma_takes_the_letter_case_of_the_word():
    assert _with_shape("санкт-петербург", "Санкт-Петербурге") == "Санкт-Петербург"
    assert _with_shape("россия", "России") == "Россия"
    assert _with_shape("фбр", "ФБР") == "ФБР"


def test_build_canonical_name_prefers_the_table_name_the_text_uses(resolve):
    doc = resolve("Мы сотрудничаем с Соединенными Штатами.")
    assert [entity.name for entity in doc.entities] == ["Соединенные Штаты"]
    doc = resolve("Соединенные Штаты и США — одна страна.")
    assert [entity.name for entity in doc.entities] == ["США"]


def test_build_web_name_keeps_its_form(resolve):
    doc = resolve("По данным Вести.ру, мост закрыт.")
    assert "Вести.ру" in [entity.name for entity in doc.entities]


def test_build_organisation_name_keeps_its_words_after_a_preposition(resolve):
    doc = resolve("Инвесторы обратились в Комиссию по ценным бумагам и биржам.")
    assert "Комиссия по ценным бумагам и биржам" in [entity.name for entity in doc.entities]


def test_canonical_names_and_aliases_use_plain_spaces(nlp):
    doc = nlp("Канал «Россия\u00a01» показал интервью. Телеканал «Россия\u00a01» сообщил об этом.")
    names = [entity.name for entity in doc.entities] + [alias for entity in doc.entities for alias in entity.aliases]
    assert names and all("\u00a0" not in name for name in names)
    # mentions still index the text exactly
    assert all(doc.text[m.start:m.end] == m.text for entity in doc.entities for m in entity.mentions)


def test_a_short_name_word_declines_and_its_forms_are_one_person(nlp):
    doc = nlp("Лидер КНДР Ким Чен Ын не появлялся на публике. Здоровье Ким Чен Ына обсуждают. "
              "Ким Чен Ыну желают здоровья.")
    people = [entity for entity in doc.entities if entity.type == "PER"]
    assert [person.name for person in people] == ["Ким Чен Ын"]
    assert {mention.text for mention in people[0].mentions} >= {"Ким Чен Ын", "Ким Чен Ына", "Ким Чен Ыну"}


def test_an_unknown_surname_in_the_genitive_loses_its_ending(nlp):
    doc = nlp("Фильм режиссёра Фатиха Акина показали в Берлине.")
    assert "Фатих Акин" in [entity.name for entity in doc.entities]
