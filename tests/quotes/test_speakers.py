"""Speakers: the entity behind a name, a pronoun or a descriptor."""

from .conftest import speaker_name, speaker_names


def test_speakers_name_source_is_its_entity(quote_nlp):
    doc = quote_nlp("Министр финансов Антон Силуанов заявил, что бюджет сбалансирован.")
    assert speaker_name(doc, doc.quotes[0]) == "Антон Силуанов"
    assert doc.quotes[0].source.text == "Антон Силуанов"


def test_speakers_pronoun_takes_the_previous_speaker(quote_nlp):
    doc = quote_nlp(
        "Анна Белова выступила на форуме. «Рынок растёт», — сказала Белова. "
        "Она добавила, что цены стабилизируются."
    )
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["Анна Белова"] * 2


def test_speakers_pronoun_falls_back_to_the_latest_person(quote_nlp):
    doc = quote_nlp("Олег Иванов пришёл в офис. «Я ухожу», — сказал он.")
    assert speaker_name(doc, doc.quotes[0]) == "Олег Иванов"


def test_speakers_first_person_inside_a_direct_quote_joins_the_speaker(quote_nlp):
    doc = quote_nlp("«Я уверен, что мой план сработает», — сказал Олег Иванов.")
    entity = next(entity for entity in doc.entities if entity.name == "Олег Иванов")
    pronouns = [(m.text, m.kind) for m in entity.mentions if m.kind == "pronoun"]
    assert ("Я", "pronoun") in pronouns and ("мой", "pronoun") in pronouns


def test_speakers_plural_descriptor_is_a_labelled_speaker_not_a_person(quote_nlp):
    doc = quote_nlp("Олег Иванов пришёл в офис. По словам очевидцев, он был спокоен.")
    assert speaker_name(doc, doc.quotes[0]) == "очевидцы"


def test_speakers_described_role_is_not_the_last_person_named(quote_nlp):
    doc = quote_nlp("Иван Петров пришёл в суд. Владелец летней школы заявил, что занятия отменят.")
    assert speaker_name(doc, doc.quotes[0]) == "владелец летней школы"


def test_speakers_unresolved_descriptor_falls_back_to_a_compatible_person(quote_nlp):
    doc = quote_nlp("Иван Петров встретился с Анной Смирновой. «Всё будет хорошо», — сказала актриса.")
    assert speaker_name(doc, doc.quotes[0]) == "Анна Смирнова"


def test_speakers_role_noun_with_a_masculine_verb_is_not_the_woman_named_before(quote_nlp):
    doc = quote_nlp("Суд оставил Анну Белову под стражей. Прокурор заявил, что приговор законен.")
    assert speaker_name(doc, doc.quotes[0]) == "прокурор"


def test_speakers_representative_speaks_for_the_organisation(quote_nlp):
    doc = quote_nlp("Представитель пресс-службы посольства Франции сообщил, что визы выдаются.")
    assert speaker_name(doc, doc.quotes[0]).lower() == "посольство франции"
    assert doc.quotes[0].source.text == "Представитель пресс-службы посольства Франции"


def test_speakers_seat_of_power_is_itself_not_its_country(quote_nlp):
    doc = quote_nlp("Россия готовит ответ. Кремль заявил, что переговоры продолжатся.")
    assert speaker_name(doc, doc.quotes[0]) == "Кремль"


def test_speakers_experts_of_an_organisation_are_not_the_organisation(quote_nlp):
    doc = quote_nlp("Эксперты компании «Нордтех» подтвердили, что образец подлинный.")
    assert speaker_name(doc, doc.quotes[0]).lower() == "эксперты компании «нордтех»"


def test_speakers_described_organisation_is_not_the_last_one_named(quote_nlp):
    doc = quote_nlp("Флаг компании «Нордтех» висит у входа. Как сообщило министерство юстиции "
                    "Франции, завод закрыт.")
    assert speaker_name(doc, doc.quotes[0]).lower() == "министерство юстиции франции"


def test_speakers_common_noun_with_an_adjective_is_a_label_not_a_name(quote_nlp):
    doc = quote_nlp("Как пишут местные СМИ, мост закроют в мае.")
    assert speaker_name(doc, doc.quotes[0]) == "местные СМИ"


def test_speakers_lawyer_of_a_named_person_is_not_that_person(quote_nlp):
    doc = quote_nlp("Игорь Мельников задержан в Омске. Как сообщил журналистам адвокат "
                    "Мельникова, его подзащитный невиновен.")
    assert speaker_name(doc, doc.quotes[0]) == "адвокат Мельникова"


def test_speakers_body_a_statement_comes_from_is_its_source(quote_nlp):
    doc = quote_nlp("Как сообщили из областной прокуратуры, дело передано в суд.")
    assert doc.quotes[0].source.text == "областной прокуратуры"
    assert speaker_name(doc, doc.quotes[0]) == "областная прокуратура"


def test_speakers_relative_or_possessive_role_is_labelled_with_its_owner(quote_nlp):
    doc = quote_nlp("Игорь Мельников задержан в Омске. Мельников отрицает вину. "
                    "Его отец сказал, что сын невиновен.")
    assert speaker_name(doc, doc.quotes[-1]) == "отец Игоря Мельникова"


def test_speakers_capital_speaking_is_its_country(quote_nlp):
    doc = quote_nlp("Переговоры зашли в тупик. По словам Парижа, соглашение невозможно.")
    assert speaker_name(doc, doc.quotes[0]) == "Франция"


def test_speakers_document_in_a_relative_clause_is_its_issuers(quote_nlp):
    doc = quote_nlp("Фонд помощи детям распространил сообщение для печати, в котором говорится, "
                    "что сбор завершён.")
    assert speaker_name(doc, doc.quotes[0]).lower() == "фонд помощи детям"


def test_speakers_second_predicate_shares_the_first_ones_subject(quote_nlp):
    doc = quote_nlp("Медиахолдинг «Вестник» заявил о готовности выплатить штраф, признав, что "
                    "не смог донести решение властей до жителей.")
    quote = next(quote for quote in doc.quotes if quote.cue and quote.cue.text == "признав")
    assert speaker_name(doc, quote) != "решение властей"
    assert "Вестник" in (speaker_name(doc, quote) or "")


def test_speakers_person_in_apposition_beats_a_mistagged_name(quote_nlp):
    doc = quote_nlp("Медиа-эксперт Джонатан Тэплин говорит, что рынок изменился.")
    assert speaker_name(doc, doc.quotes[0]) == "Джонатан Тэплин"


def test_speakers_gerund_cue_takes_the_subject_of_the_verb_before_it(quote_nlp):
    doc = quote_nlp("Районный судья обратился с письмом к губернатору, прося его помиловать "
                    "осуждённого.")
    assert speaker_name(doc, doc.quotes[0]) == "районный судья"


def test_speakers_same_document_cited_again_has_the_same_speaker(quote_nlp):
    doc = quote_nlp(
        "Союз садоводов выпустил пресс-релиз, в котором говорится, что урожай вырос. "
        "Министерство сельского хозяйства назвало цифры завышенными. Эксперты спорят о причинах "
        "уже неделю, а фермеры ждут решения правительства о субсидиях на следующий год, и "
        "многие из них не скрывают раздражения затянувшимися обсуждениями в профильных "
        "комитетах и министерствах, где вопрос откладывали уже трижды за последние месяцы. "
        "Цены на удобрения выросли вдвое, говорится в пресс-релизе.")
    speakers = [speaker_name(doc, quote) for quote in doc.quotes if quote.cue.text == "говорится"]
    assert speakers == ["Союз садоводов"] * 2


def test_speakers_pronoun_stands_for_the_unnamed_subject_of_the_sentence_before(quote_nlp):
    doc = quote_nlp("Сергей Орлов подписал указ. 40-летний мужчина вышел во двор. "
                    "Позже он сообщил, что ничего не знал об указе.")
    assert speaker_name(doc, doc.quotes[-1]) == "40-летний мужчина"


def test_speakers_role_before_a_genitive_name_is_not_that_person(quote_nlp):
    doc = quote_nlp("Иван Петров погиб в аварии. Отец Ивана Петрова покинул зал, заявив: "
                    "«Я не верю суду».")
    assert speaker_name(doc, doc.quotes[0]) == "отец Ивана Петрова"


def test_speakers_bare_medium_is_the_medium_quoted_before(quote_nlp):
    doc = quote_nlp("Шпион бежал в Москву, сообщает The Daily Planet. По данным полиции, он "
                    "уехал ночью. Издание отмечает, что его искали неделю.")
    assert speaker_name(doc, doc.quotes[-1]) == "The Daily Planet"


def test_speakers_person_named_in_an_apposition_after_a_comma(quote_nlp):
    doc = quote_nlp("Как пишет один из участников встречи, отставной генерал Пётр Орлов, "
                    "мероприятия отменены.")
    assert speaker_name(doc, doc.quotes[0]) == "Пётр Орлов"


def test_speakers_unit_of_an_organisation_speaks_as_itself(quote_nlp):
    doc = quote_nlp("Секретариат ЮНЕСКО подтвердил, что встреча отменена.")
    assert speaker_name(doc, doc.quotes[0]) == "секретариат ЮНЕСКО"


def test_speakers_coordinated_nouns_share_their_genitive(quote_nlp):
    doc = quote_nlp("Семья и близкие Петровой считают, что следствие затянулось.")
    assert speaker_name(doc, doc.quotes[0]) == "семья Петровой"


def test_speakers_two_people_coordinated_are_one_joint_speaker(quote_nlp):
    doc = quote_nlp("Президент Франции Эмманюэль Макрон и канцлер Германии Ангела Меркель "
                    "провели встречу. Макрон и Меркель заявили, что договорились о поставках.")
    assert speaker_name(doc, doc.quotes[-1]) == "Эмманюэль Макрон и Ангела Меркель"


def test_speakers_headline_role_of_a_country_is_the_person_holding_it(quote_nlp):
    doc = quote_nlp("Глава Чили: мы не повысим налоги\nПравительство не будет повышать налоги, "
                    "заявил президент Чили Габриэль Борич.")
    assert speaker_name(doc, doc.quotes[0]) == "Габриэль Борич"


def test_speakers_two_organisations_coordinated_are_one_joint_speaker(quote_nlp):
    doc = quote_nlp("Об аварии сообщают телеканал «Звезда» и радиостанция «Маяк». Как сообщают "
                    "«Звезда» и «Маяк», движение перекрыто.")
    names = {entity.id: entity.name for entity in doc.entities}
    assert " и " in names[doc.quotes[-1].speaker]


def test_speakers_one_of_a_group_is_labelled_in_the_singular(quote_nlp):
    doc = quote_nlp("Один из членов регионального парламента сказал, что закон примут.")
    assert speaker_name(doc, doc.quotes[0]) == "член регионального парламента"
    assert doc.quotes[0].source.text == "Один из членов регионального парламента"


def test_speakers_a_region_is_not_a_speaker(quote_nlp):
    doc = quote_nlp("Победитель, житель Сан-Хосе, Калифорния, сказал, что тренировался год.")
    assert speaker_name(doc, doc.quotes[0]) != "Калифорния"


def test_speakers_name_after_coordinated_roles_and_a_comma_is_the_speaker(quote_nlp):
    doc = quote_nlp("«Это очень редкая находка», — сказал директор музея и археолог из Тулы, "
                    "Иван Петров.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["Иван Петров"]


def test_speakers_subjectless_cue_after_a_clause_takes_that_clause_subject(quote_nlp):
    doc = quote_nlp("Директор клуба Иван Петров зашёл к игрокам, чтобы поздравить их, после чего "
                    "сообщил, что тренер останется.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["Иван Петров"]


def test_speakers_role_noun_does_not_chain_to_a_label_of_another_role(quote_nlp):
    doc = quote_nlp("Министр заявил, что налоги вырастут. Тренер сказал, что он уйдёт из клуба.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["министр", "тренер"]


def test_speakers_second_verb_after_a_comma_shares_the_first_verbs_subject(quote_nlp):
    doc = quote_nlp("Министр клянется в верности присяге, утверждает, что победа близка.")
    assert [(quote.source.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("Министр", "министр")]


def test_speakers_emphatic_bare_role_is_the_main_person_not_the_last_named(quote_nlp):
    doc = quote_nlp("Актёру Ивану Петрову исполнилось 90 лет. Петров сыграет в спектакле по пьесе "
                    "Анны Смирновой. Сам именинник признаётся: «Сегодня у меня обычный день».")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["Иван Петров"]


def test_speakers_role_noun_taken_for_a_name_is_the_person_holding_the_role(quote_nlp):
    doc = quote_nlp("Папа Римский Франциск провёл мессу в соборе. Многие мигранты, напомнил Папа, "
                    "бежали от войны.")
    names = [speaker_name(doc, quote) for quote in doc.quotes]
    assert names and set(names) == {"Франциск"}


def test_speakers_name_after_a_genitive_noun_is_not_the_subject(quote_nlp):
    doc = quote_nlp("Сильвио Берлускони, который является лидером партии, за несколько часов до "
                    "заявления Монти сообщил прессе, что сохраняет амбиции.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["Сильвио Берлускони"]


def test_speakers_organisation_head_keeps_a_role_genitive_as_written(quote_nlp):
    doc = quote_nlp("Владимир Путин провёл совещание. По данным администрации президента, "
                    "указ уже подписан.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["администрация президента"]


def test_speakers_description_before_anyone_is_named_is_the_story_hero(quote_nlp):
    doc = quote_nlp("Канадский морской офицер признался, что продавал секреты. Ивана Петрова "
                    "приговорили к 20 годам. Петров служил на базе.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["Иван Петров"]


def test_speakers_description_after_a_named_person_stays_unnamed(quote_nlp):
    doc = quote_nlp("Ивана Петрова приговорили к 20 годам. Канадский морской офицер признался, "
                    "что продавал секреты. Петров служил на базе.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["канадский морской офицер"]


def test_speakers_bare_medium_noun_is_not_an_informant_quoted_before(quote_nlp):
    doc = quote_nlp("Как сообщает The New York Times, министр уйдёт. Об этом сообщил источник в "
                    "правительстве. Издание отмечает, что решение принято.")
    assert speaker_name(doc, doc.quotes[-1]) == "The New York Times"


def test_speakers_the_media_in_general_are_not_the_medium_quoted_before(quote_nlp):
    doc = quote_nlp("Агентство «Интерфакс» сообщило об аварии. СМИ сообщили, что мэр ушёл.")
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["СМИ"]


def test_speakers_a_pronoun_after_a_resolved_descriptor_keeps_its_speaker(quote_nlp):
    doc = quote_nlp("Глава Минфина Антон Силуанов рассказал о бюджете. Министр отметил, что дефицит "
                    "сократится. «Это реальная цель», — подчеркнул он.")
    assert speaker_names(doc) == ["Антон Силуанов", "Антон Силуанов"]
