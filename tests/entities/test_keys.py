from ruextract.entities.keys import initials, is_abbreviation, stem, word_keys


def test_keys_stem_cuts_case_endings():
    assert stem("Путина") == stem("Путин") == stem("Путину")
    assert stem("Соединенными") == stem("Соединённые")


def test_keys_abbreviation_is_not_a_stem_of_a_word():
    assert stem("РАН") != stem("Ранее")
    assert word_keys("ООН", "оон") == {stem("ООН")}


def test_keys_initials_with_and_without_function_words():
    assert "фбр" in initials(["Федерального", "бюро", "расследований"])
    assert "обсе" in initials(
        ["Организация", "по", "безопасности", "и", "сотрудничеству", "в", "Европе"]
    )
    assert "дпни" in initials(["Движение", "против", "нелегальной", "иммиграции"])
    assert initials(["Газпром"]) == set()


def test_keys_is_abbreviation():
    assert is_abbreviation("ФБР") and is_abbreviation("G-20")
    assert not is_abbreviation("Путин") and not is_abbreviation("А")
