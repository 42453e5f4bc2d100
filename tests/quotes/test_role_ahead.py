"""A described person before the name (a lead's "Британский морской офицер признался, что ...")
is the one person named later with the same role noun right before the name; not the possessor
in the descriptor itself ("Адвокат Смитсона" is not Смитсон) (``speakers.by_role_ahead``)."""

from __future__ import annotations

from .conftest import speaker_names


def test_a_role_before_the_name_is_the_person_named_later_with_that_role(nlp):
    doc = nlp("Фото: Анна Кук. Британский морской офицер признался, что продавал секреты. Офицер "
              "разведки Джон Смитсон получил 20 лет тюрьмы. Смитсон не выразил эмоций. Смитсон "
              "работал в порту.")
    assert speaker_names(doc) == ["Джон Смитсон"]


def test_a_lawyer_of_someone_is_the_lawyer_named_later_not_the_client(nlp):
    doc = nlp("Адвокат Смитсона заявил, что обжалует приговор. Суд приговорил Джона Смитсона к 20 "
              "годам. Адвокат Джона Смитсона Питер Хаммонд отказался от комментариев.")
    assert speaker_names(doc) == ["Питер Хаммонд"]
