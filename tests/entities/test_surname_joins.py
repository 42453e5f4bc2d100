"""A surname alone joins the person whose fullest name ends in it, not a two-surname "name" NER
made of two people side by side (``names.person_parts``)."""

from __future__ import annotations


def test_a_surname_joins_the_full_name_not_two_surnames_side_by_side(nlp):
    doc = nlp("Полиция разыскивает миллионера Джона Брэкстона. Его сосед Питер Хаммонд был найден "
              "мёртвым. За сведения об убийце Хаммонда Брэкстон предложил награду. Брэкстон заявил, "
              "что невиновен. Позже Брэкстон уехал.")
    person = next(entity for entity in doc.entities if entity.name == "Джон Брэкстон")
    assert sum(mention.text == "Брэкстон" for mention in person.mentions) == 2
