def test_pronouns_male_pronoun_to_male_person(resolve, entity_of):
    doc = resolve("Андрей Соколов приехал в Тверь. Он выступил на форуме.")
    entity = entity_of(doc, "Андрей Соколов")
    assert any(m.kind == "pronoun" and m.text == "Он" for m in entity.mentions)


def test_pronouns_female_pronoun_skips_a_male_antecedent(resolve, entity_of):
    doc = resolve("Анна Белова встретилась с Андреем Соколовым. Она рассказала о проекте.")
    anna, andrey = entity_of(doc, "Анна Белова"), entity_of(doc, "Андреем Соколовым")
    assert any(m.text == "Она" for m in anna.mentions)
    assert all(m.text != "Она" for m in andrey.mentions)


def test_pronouns_female_pronoun_not_attached_to_a_man(resolve, entity_of):
    doc = resolve("Андрей Соколов приехал в Тверь. Она встретила его на вокзале.")
    entity = entity_of(doc, "Андрей Соколов")
    assert all(m.text != "Она" for m in entity.mentions)


def test_pronouns_plural_pronoun_to_a_plural_antecedent(resolve, entity_of):
    doc = resolve("Немцы предложили провести встречу. Они ждут ответа.")
    entity = entity_of(doc, "Немцы")
    assert entity is not None and entity.name == "Германия"
    assert any(m.text == "Они" for m in entity.mentions)


def test_pronouns_subject_pronoun_prefers_the_subject(resolve, entity_of):
    doc = resolve(
        "Андрей Соколов встретился с Борисом Орловым. Он рассказал журналистам о встрече."
    )
    sokolov, orlov = entity_of(doc, "Андрей Соколов"), entity_of(doc, "Борисом Орловым")
    assert any(m.text == "Он" for m in sokolov.mentions)
    assert all(m.text != "Он" for m in orlov.mentions)
