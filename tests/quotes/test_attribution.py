"""Constructions of reported speech, one tiny sentence each (our own sentences)."""

import pytest

from .conftest import as_tuples, partition, speaker_name

# razdel-style golden cases: the pieces between "|" are the quote's parts, named by the roles
GOLDEN = [
    ("«|Мы ответим|», — |заявил| |Путин|.", "direct", "content cue source"),
    ("|Министр| |сказал|: «|Работы будет много|».", "direct", "source cue content"),
    ("Глава ведомства |Иван Петров| |заявил|, что |цены не вырастут|.", "indirect",
     "source cue content"),
    ("|По словам| |Анны Смирновой|, |завод закроют в мае|.", "indirect", "cue source content"),
    ("Как |сообщает| газета «|Ведомости|», |сделка сорвалась|.", "indirect",
     "cue source content"),
    ("|Сделка сорвалась|, |сообщил| |источник| в правительстве.", "indirect",
     "content cue source"),
    ("Мэр |Олег Волков| |пообещал| |отремонтировать мост до зимы|.", "indirect",
     "source cue content"),
    ("|Профсоюз| |потребовал|, чтобы |зарплаты повысили|.", "indirect", "source cue content"),
    ("|Иван Петров| |отметил|, что |компания «не собирается сдаваться»|.", "mixed",
     "source cue content"),
    ("|Иван Петров| |уверен|, что |сделка состоится|.", "indirect", "source cue content"),
    ("В заявлении |министерства| |говорится|, что |проверка завершена|.", "indirect",
     "source cue content"),
    ("«|Первое предложение. Второе предложение. Третье|», — |отметил| |Иван Кузнецов|.",
     "direct", "content cue source"),
    ("— |Работа закончена|, — |сказал| прораб |Николай Белов|.", "direct",
     "content cue source"),
    ("Потом |он| |попросил| |не звонить ему после восьми|.", "indirect", "source cue content"),
    ("|Завод остановят на ремонт|, |говорится| в сообщении компании.", "indirect",
     "content cue"),
    ("Вчера |газеты| |обнародовали информацию|, согласно которой |мост закроют на ремонт|.",
     "indirect", "source cue content"),
    ("|Журналисты| |распространили сведения| о том, что |мэр уходит в отставку|.", "indirect",
     "source cue content"),
    ("|Сидоров| |пообещал| |«непременно» открыть выставку в Казани|.", "indirect",
     "source cue content"),
    ("|Губернатор| |призвал| «Газпром» |снизить цены|.", "indirect", "source cue content"),
    ("|Президент| |призвал| «|не раскачивать лодку|».", "direct", "source cue content"),
    ("|Согласно| |Reuters|, |сделка закрыта|.", "indirect", "cue source content"),
]


@pytest.mark.parametrize("markup, kind, roles", GOLDEN)
def test_attribution_golden_partition(quote_nlp, markup, kind, roles):
    text, parts = partition(markup, roles)
    quotes = as_tuples(quote_nlp(text))
    assert len(quotes) == 1, quotes
    got_kind, content, cue, source = quotes[0]
    assert got_kind == kind
    assert content == parts["content"]
    assert cue == parts.get("cue")
    if "source" in parts:
        assert source == parts["source"]


def test_attribution_according_to_a_law_is_no_quote(quote_nlp):
    assert as_tuples(quote_nlp("Согласно закону, выборы проходят раз в пять лет.")) == []


def test_attribution_published_data_without_a_clause_is_no_quote(quote_nlp):
    assert as_tuples(quote_nlp("Росстат опубликовал данные о росте цен.")) == []


def test_attribution_split_quote_gives_two_parts_with_one_cue(quote_nlp):
    quotes = as_tuples(quote_nlp("«Мы готовы, — сказал Петров. — Но нужно время»."))
    assert quotes == [
        ("direct", "Мы готовы", "сказал", "Петров"),
        ("direct", "Но нужно время", "сказал", "Петров"),
    ]


def test_attribution_split_quote_in_two_pairs_of_marks(quote_nlp):
    quotes = as_tuples(quote_nlp("«Мы готовы», — сказал Петров. — «Но нужно время»."))
    assert [quote[1] for quote in quotes] == ["Мы готовы", "Но нужно время"]
    assert {quote[2] for quote in quotes} == {"сказал"}


def test_attribution_indirect_then_direct_after_colon(quote_nlp):
    quotes = as_tuples(quote_nlp("Петров сказал, что работа идёт: «Мы успеем к сроку»."))
    assert ("indirect", "работа идёт", "сказал", "Петров") in quotes
    assert ("direct", "Мы успеем к сроку", "сказал", "Петров") in quotes


def test_attribution_anaphoric_points_to_the_statement_before(quote_nlp):
    doc = quote_nlp("Компания объявила о банкротстве. Об этом сообщил директор Сергей Орлов.")
    assert as_tuples(doc) == [
        ("indirect", "Компания объявила о банкротстве", "сообщил", "Сергей Орлов")
    ]


def test_attribution_headline_with_a_colon(quote_nlp):
    doc = quote_nlp("Петров: мы не уйдём с рынка\nКомпания отчиталась о прибыли.")
    assert as_tuples(doc) == [("indirect", "мы не уйдём с рынка", None, "Петров")]


def test_attribution_headline_of_an_unnamed_press_office_but_not_of_a_topic(quote_nlp):
    doc = quote_nlp("Пресс-служба МВД: задержаны трое подозреваемых\nПолиция задержала троих.")
    assert as_tuples(doc) == [("indirect", "задержаны трое подозреваемых", None, "Пресс-служба МВД")]
    assert as_tuples(quote_nlp("Погода: в Москве ожидается снег и ветер\nТекст.")) == []


def test_attribution_block_quote_on_the_next_line(quote_nlp):
    doc = quote_nlp("Директор Иван Орлов сказал:\nМы закончим стройку в срок. Денег хватит.")
    assert as_tuples(doc) == [
        ("direct", "Мы закончим стройку в срок. Денег хватит.", "сказал", "Иван Орлов")
    ]


def test_attribution_quote_over_several_sentences_is_one_span(quote_nlp):
    doc = quote_nlp("«Мы начали. Мы продолжим. Мы закончим», — сказал Иван Орлов.")
    assert [quote.content.text for quote in doc.quotes] == [
        "Мы начали. Мы продолжим. Мы закончим"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Напомним, что завод открылся в 1990 году.",
        "Ожидается, что решение примут в мае.",
        "Стало известно, что завод закроют.",
        "Директор Иван Сидоров сообщил о закрытии завода.",
        "Согласно закону, выборы проходят раз в пять лет.",
        "В законе сказано, что выборы проходят раз в пять лет.",
        "Он назвал решение «ошибкой».",
        "Директор Иван Сидоров заявил:\n\n\nЗавод открылся в 1990 году.",
    ],
)
def test_attribution_not_a_quote(quote_nlp, text):
    assert as_tuples(quote_nlp(text)) == []


def test_attribution_speech_inside_a_quote_is_not_reported_again(quote_nlp):
    doc = quote_nlp("«Министр сказал мне, что всё решено», — заявил Иван Орлов.")
    assert as_tuples(doc) == [
        ("direct", "Министр сказал мне, что всё решено", "заявил", "Иван Орлов")
    ]


def test_attribution_dash_dialogue_goes_on_after_the_attribution(quote_nlp):
    doc = quote_nlp("— Мы победим, — уверенно сказал тренер команды Андрей Козлов. — Ребята готовы.")
    assert as_tuples(doc) == [
        ("direct", "Мы победим", "сказал", "Андрей Козлов"),
        ("direct", "Ребята готовы", "сказал", "Андрей Козлов"),
    ]


def test_attribution_opinion_verb_after_a_quotation(quote_nlp):
    doc = quote_nlp("«Это провокация», — считает политолог Иван Петров.")
    assert as_tuples(doc) == [("direct", "Это провокация", "считает", "Иван Петров")]


def test_attribution_information_confirmed_points_back(quote_nlp):
    doc = quote_nlp("Завод закрыли. Информацию подтвердили в пресс-службе МВД.")
    assert [(q.content.text, q.cue.text) for q in doc.quotes] == [("Завод закрыли", "подтвердили")]


def test_attribution_opinion_inside_a_report_is_part_of_it(quote_nlp):
    doc = quote_nlp("По словам Ивана Орлова, полиция считает, что стрелок действовал один.")
    assert [(q.cue.text, q.content.text) for q in doc.quotes] == [
        ("По словам", "полиция считает, что стрелок действовал один")
    ]


def test_attribution_comma_without_dash_after_a_quotation(quote_nlp):
    doc = quote_nlp("«Мы знаем, что были проблемы», говорит Иван Орлов.")
    assert as_tuples(doc) == [("direct", "Мы знаем, что были проблемы", "говорит", "Иван Орлов")]


def test_attribution_fragment_before_a_comma_attribution_stays_mixed(quote_nlp):
    doc = quote_nlp('Военнослужащие "прибыли по приглашению правительства", заявило ведомство.')
    assert [quote.kind for quote in doc.quotes] == ["mixed"]


def test_attribution_opinion_of_a_subject_before_a_relative_clause_is_reported(quote_nlp):
    doc = quote_nlp("Подруга бизнесмена Анна Белова, с которой он встречался несколько лет, "
                    "не верит, что он мог уехать.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("верит", "он мог уехать")]


def test_attribution_impersonal_opinion_is_not_reported(quote_nlp):
    doc = quote_nlp("Задержан ещё один ученик школы, его подозревают в том, что он помогал стрелку.")
    assert doc.quotes == []


def test_attribution_spaced_hyphen_splits_a_quote_like_a_dash(quote_nlp):
    doc = quote_nlp('"Мы готовы к игре, - сказал тренер команды Иван Петров. - Соперник очень '
                    'сильный".')
    assert [(quote.content.text, quote.cue.text) for quote in doc.quotes] == [
        ("Мы готовы к игре", "сказал"), ("Соперник очень сильный", "сказал")]


def test_attribution_stance_not_excluding_and_giving_to_understand_are_reported(quote_nlp):
    doc = quote_nlp("Министр не исключает, что налоги вырастут. "
                    "Тренер давал понять, что он уйдёт из клуба.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("не исключает", "налоги вырастут"), ("давал понять", "он уйдёт из клуба")]


def test_attribution_parenthetical_cue_inside_a_clause_reports_the_part_after_it(quote_nlp):
    doc = quote_nlp("Многие мигранты, напомнил министр, бежали от войны.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("напомнил", "бежали от войны")]


def test_attribution_request_with_a_quoted_infinitive_is_mixed(quote_nlp):
    doc = quote_nlp("Иван Петров призывает зрителей «совершить подвиг» в родной стране.")
    assert [(quote.kind, quote.content.text) for quote in doc.quotes] == [
        ("mixed", "«совершить подвиг» в родной стране")]


def test_attribution_gerund_of_the_cue_clause_ends_the_content(quote_nlp):
    doc = quote_nlp("Президент заявил, что страна выполнит все обязательства, сославшись на "
                    "решение парламента.")
    assert [quote.content.text for quote in doc.quotes] == ["страна выполнит все обязательства"]


def test_attribution_parenthetical_document_cue_skips_the_participle_clause(quote_nlp):
    doc = quote_nlp("Как говорится в пресс-релизе, размещенном на сайте суда, новых "
                    "доказательств нет.")
    assert [(quote.cue.text, quote.content.text) for quote in doc.quotes] == [
        ("говорится", "новых доказательств нет")]


def test_attribution_parenthetical_supposition_of_a_source_is_reported(quote_nlp):
    doc = quote_nlp("Как предполагают собеседники агентства, процесс займёт полтора года.")
    assert [(quote.cue.text, quote.source.text, quote.content.text) for quote in doc.quotes] == [
        ("предполагают", "собеседники агентства", "процесс займёт полтора года")]


def test_attribution_source_phrase_without_a_comma_ends_before_the_subject(quote_nlp):
    doc = quote_nlp("По словам врачей Иван Петров находился в тяжёлом состоянии.")
    assert [(quote.source.text, quote.content.text) for quote in doc.quotes] == [
        ("врачей", "Иван Петров находился в тяжёлом состоянии")]
    assert [speaker_name(doc, quote) for quote in doc.quotes] == ["врачи"]


def test_attribution_clause_before_a_colon_is_what_ob_etom_points_to(quote_nlp):
    doc = quote_nlp("Учебники будут бесплатными. Правда, положены они только ученикам младших "
                    "классов: об этом корреспонденту газеты сообщили в комитете образования.")
    assert [(quote.content.text, quote.source.text) for quote in doc.quotes] == [
        ("положены они только ученикам младших классов", "комитете образования")]


def test_attribution_comment_noun_before_a_colon_quote_names_its_source(quote_nlp):
    doc = quote_nlp("Юханссон не уйдёт в отставку. Комментарий шведского телевидения: "
                    "«Единственная ошибка Юханссона в том, что он не может уйти».")
    assert [(quote.cue.text, quote.source.text, speaker_name(doc, quote)) for quote in doc.quotes] == [
        ("Комментарий", "шведского телевидения", "шведское телевидение")]


def test_attribution_split_quote_with_commas_gives_two_parts_with_one_cue(quote_nlp):
    quotes = as_tuples(quote_nlp("«Мы готовы к переговорам», говорит Петров, «но уступать не будем»."))
    assert quotes == [
        ("direct", "Мы готовы к переговорам", "говорит", "Петров"),
        ("direct", "но уступать не будем", "говорит", "Петров"),
    ]


def test_attribution_a_mixed_quote_split_by_its_attribution_keeps_its_second_part(quote_nlp):
    doc = quote_nlp("Реформы «требуют времени и денег», говорит Петров, «поэтому мы начнём с малого».")
    assert [quote.content.text for quote in doc.quotes][-1] == "поэтому мы начнём с малого"
