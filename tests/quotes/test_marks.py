from ruextract.quotes.marks import pair_marks


def inner(text: str) -> list[tuple[str, int]]:
    return [(text[m.start : m.end], m.depth) for m in pair_marks(text)]


def test_marks_pairs_nested_guillemets():
    text = "«Мы купили «Вымпел» вчера», — сказал он."
    assert inner(text) == [("Мы купили «Вымпел» вчера", 0), ("Вымпел", 1)]


def test_marks_pairs_low_high_quotes_inside_guillemets():
    text = "«Клуб „Заря“ выиграл», — сказал тренер."
    assert inner(text) == [("Клуб „Заря“ выиграл", 0), ("Заря", 1)]


def test_marks_straight_quotes_open_and_close_by_context():
    text = 'Он сказал: "В операции "Буря" участвовали все", - говорится в сообщении.'
    assert inner(text) == [('В операции "Буря" участвовали все', 0), ("Буря", 1)]


def test_marks_english_quotes():
    assert inner("Он ответил: “Нет”.") == [("Нет", 0)]


def test_marks_unclosed_guillemet_stops_at_paragraph_end():
    text = "Он сказал: «Мы начнём завтра.\nВторой абзац. «Короткая цитата», — добавил он."
    assert inner(text) == [("Короткая цитата", 0)]


def test_marks_stray_closing_mark_is_ignored():
    assert inner("Просто текст» и «настоящая цитата».") == [("настоящая цитата", 0)]


def test_marks_mismatched_marks_do_not_pair_across_kinds():
    text = "«Начало фразы“ и дальше."
    assert inner(text) == []


def test_marks_empty_text():
    assert pair_marks("") == []


def test_marks_a_guillemet_quotation_runs_over_a_line_break_but_not_a_blank_line():
    from ruextract.quotes.marks import pair_marks

    one = "«Мы готовы.\nПереговоры продолжатся», — сказал министр."
    assert [(m.open, m.close) for m in pair_marks(one)] == [(0, one.index("»"))]
    two = "«Мы готовы.\n\nПереговоры продолжатся», — сказал министр."
    assert pair_marks(two) == []
    straight = '"Мы готовы.\nПереговоры продолжатся", — сказал министр.'
    assert pair_marks(straight) == []
