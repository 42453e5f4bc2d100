"""The stage as a whole: its contract, re-running it, empty input, and the seed article."""

import ruextract
from ruextract.quotes import QuoteStage

from .conftest import speaker_name


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_stage_declares_its_fields():
    stage = QuoteStage()
    assert stage.name == "quotes"
    assert stage.requires == {"tokens", "sentences", "tokens.lemma", "tokens.pos", "tokens.head", "entities"}
    assert stage.provides == {"quotes"}


def test_stage_on_empty_and_blank_text(quote_nlp):
    assert quote_nlp("").quotes == []
    assert quote_nlp("   \n ").quotes == []


def test_stage_runs_again_without_duplicating(quote_nlp):
    doc = quote_nlp("«Я приду», — сказал Олег Иванов.")
    mentions = sum(len(entity.mentions) for entity in doc.entities)
    quote_nlp["quotes"].process([doc])
    assert len(doc.quotes) == 1
    assert sum(len(entity.mentions) for entity in doc.entities) == mentions


def test_stage_quotes_are_in_the_json_contract(quote_nlp):
    out = quote_nlp("«Мы ответим», — заявил Иван Орлов.").output()
    assert out["quotes"][0]["content"]["text"] == "Мы ответим"
    assert out["quotes"][0]["cue"]["lemma"] == "заявить"


def test_stage_seed_direct_quotes_are_putins(seed_quotes):
    direct = [quote for quote in seed_quotes.quotes if quote.kind == "direct"]
    assert len(direct) == 4
    assert {speaker_name(seed_quotes, quote) for quote in direct} == {"Владимир Путин"}
    assert direct[0].content.text.startswith("Мы сотрудничаем с Соединенными Штатами")
    assert direct[0].content.text.endswith("передают нам информацию по антитеррору")
    assert [quote.cue.text for quote in direct] == ["пояснил", "подчеркнул", "поделился",
                                                     "резюмировал"]


def test_stage_seed_mixed_quote(seed_quotes):
    mixed = [quote for quote in seed_quotes.quotes if quote.kind == "mixed"]
    assert [plain(quote.content.text) for quote in mixed] == ["Кремль старается им «ответить тем же»"]
    assert speaker_name(seed_quotes, mixed[0]) == "Владимир Путин"


def test_stage_seed_indirect_quotes(seed_quotes):
    indirect = {quote.cue.text: quote for quote in seed_quotes.quotes if quote.kind == "indirect"}
    noticed = indirect["заметил"]
    assert noticed.source.text == "Глава государства"
    assert noticed.content.text.startswith("американская сторона не раз предоставляла")
    assert noticed.content.text.endswith("на территории России")
    assured = indirect["заверил"]
    assert plain(assured.content.text) == "Москва также будет помогать Вашингтону в борьбе с террором"
    assert {speaker_name(seed_quotes, quote) for quote in indirect.values()} == {"Владимир Путин"}


def test_stage_seed_scare_quotes_and_channel_name_are_not_quotes(seed_quotes):
    contents = [quote.content.text for quote in seed_quotes.quotes]
    assert "хорошими" not in contents and not any("Россия" == c for c in contents)


def test_stage_in_a_fresh_pipeline_leaves_the_shared_one_alone(nlp):
    assert isinstance(nlp["quotes"], QuoteStage)
    fresh = ruextract.load().remove("quotes").add(QuoteStage())
    assert isinstance(fresh, ruextract.Pipeline) and fresh is not nlp and "quotes" in nlp
