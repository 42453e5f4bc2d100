import ruextract
from ruextract.entities import EntityStage


def test_stage_empty_document(resolve):
    doc = resolve("")
    assert doc.error is None and doc.entities == []


def test_stage_no_entities(resolve):
    doc = resolve("в этот день ничего не произошло, и никто ничего не сказал.")
    assert doc.error is None and doc.entities == []


def test_stage_many_identical_names_one_entity(resolve):
    doc = resolve(" ".join(["Путин приехал."] * 500))
    assert doc.error is None
    people = [entity for entity in doc.entities if entity.type == "PER"]
    assert len(people) == 1 and len(people[0].mentions) == 500


def test_stage_offsets_match_text(resolve, seed_text):
    doc = resolve(seed_text)
    for entity in doc.entities:
        for span in [*entity.mentions, *entity.roles]:
            assert doc.text[span.start : span.end] == span.text


def test_stage_is_the_default_entities_stage():
    pipeline = ruextract.load()
    assert isinstance(pipeline["entities"], EntityStage)


def test_stage_trace_names_the_rules(resolve):
    doc = resolve("Андрей Соколов приехал. Соколов выступил.")
    assert any(
        line.startswith(("same_name", "person_parts")) for line in doc.meta["entities_trace"]
    )


def _one(doc, mention):
    found = [entity for entity in doc.entities if any(m.text == mention for m in entity.mentions)]
    assert len(found) == 1, (mention, found)
    return found[0]


def test_stage_seed_one_putin_with_names_titles_descriptors(seed_doc):
    putin = _one(seed_doc, "Владимир Путин")
    assert putin.type == "PER" and putin.name == "Владимир Путин"
    people = [e for e in seed_doc.entities if "Путин" in e.name]
    assert people == [putin]
    texts = [m.text for m in putin.mentions]
    assert texts.count("Путин") >= 7
    for descriptor in ("президент РФ", "Глава государства", "президент", "российский лидер"):
        assert descriptor in texts, descriptor
    assert "президент РФ" in [role.text for role in putin.roles]


def test_stage_seed_one_usa(seed_doc):
    usa = _one(seed_doc, "США")
    texts = {m.text for m in usa.mentions}
    assert {"Соединенными Штатами", "Америки", "американская сторона", "американцы"} <= texts
    assert [e for e in seed_doc.entities if e.name == usa.name] == [usa]


def test_stage_seed_one_fbi(seed_doc):
    fbi = _one(seed_doc, "ФБР")
    assert fbi.type == "ORG"


def test_stage_many_distinct_people_without_quadratic_cost():
    import time

    from ruextract import Document, NerSpan, Sentence, Token

    words, tokens, spans, text = [], [], [], ""
    for number in range(1500):
        first, last = f"Имя{number}", f"Фамилия{number}"
        for word in (first, last, "."):
            start = len(text)
            text += word + " "
            tokens.append(
                Token(
                    start=start,
                    end=start + len(word),
                    text=word,
                    pos="PROPN",
                    lemma=word.lower(),
                    feats={"Case": "Nom", "Gender": "Masc"},
                )
            )
        spans.append(
            NerSpan(
                start=tokens[-3].start,
                end=tokens[-2].end,
                text=text[tokens[-3].start : tokens[-2].end],
                type="PER",
            )
        )
        words.append(last)
    doc = Document(
        text=text,
        tokens=tokens,
        ner=spans,
        sentences=[Sentence(start=0, end=len(text), tokens=(0, len(tokens)))],
    )
    started = time.perf_counter()
    EntityStage().process([doc])
    assert len(doc.entities) == 1500
    assert time.perf_counter() - started < 5
