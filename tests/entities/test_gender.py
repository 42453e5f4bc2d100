"""A woman's name the tagger reads as a man's in the genitive ("Валерия Сидорова" as "Валерий
Сидоров") is repaired from the document's other readings of her names (``repair.feminine_names``);
a man's name in the genitive stays his."""

from __future__ import annotations

WOMAN = (
    "Пресс-секретарь группы Валерия Сидорова, жена певца, сказала: «Концерт перенесён». "
    "Валерия отказалась назвать дату. Однако Сидорова уточнила, что билеты уже продаются."
)


def test_a_womans_surname_alone_joins_her_full_name_the_tagger_read_as_a_mans(nlp, entity_of):
    doc = nlp(WOMAN)
    entity = entity_of(doc, "Валерия Сидорова")
    assert entity.name == "Валерия Сидорова"
    assert {m.text for m in entity.mentions} >= {"Валерия Сидорова", "Валерия", "Сидорова"}


def test_her_surname_as_a_source_speaks_for_her(nlp, entity_of):
    doc = nlp(WOMAN)
    entity = entity_of(doc, "Валерия Сидорова")
    quote = next(quote for quote in doc.quotes if quote.source and quote.source.text == "Сидорова")
    assert quote.speaker == entity.id


def test_a_mans_name_in_the_genitive_stays_a_mans(nlp, entity_of):
    doc = nlp("Следователи допросили Евгения Сидорова в пятницу. Евгений Сидоров заявил, что "
              "ни в чём не виноват. Сидоров отказался от адвоката.")
    assert entity_of(doc, "Евгения Сидорова").name == "Евгений Сидоров"
