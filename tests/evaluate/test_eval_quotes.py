from __future__ import annotations

import pytest

from ruextract.evaluate.gold import GoldQuote
from ruextract.evaluate.quotes import Tokens, pair_quotes, predicted_quotes, score_quotes

# offsets: Петров 0-6, заявил 7-13, Россия ответит 19-33, Мы готовы 36-45, сказал 50-56,
# Песков 57-63; tokens (\w+): 0 Петров, 1 заявил, 2 что, 3 Россия, 4 ответит, 5 Мы, 6 готовы,
# 7 сказал, 8 Песков
TEXT = "Петров заявил, что Россия ответит. «Мы готовы», — сказал Песков."

INDIRECT = GoldQuote(kind="indirect", cue=(7, 13), source=(0, 6), speaker="Иван Петров",
                     content=(19, 33))
DIRECT = GoldQuote(kind="direct", cue=(50, 56), source=(57, 63), speaker="Дмитрий Песков",
                   content=(36, 45))


def test_quotes_tokens_touched_by_a_span():
    words = Tokens(TEXT)
    assert words.of((19, 33)) == {3, 4}
    assert words.of((20, 27)) == {3, 4}  # partly covered words count
    assert words.of((13, 15)) == set()  # ", " touches no word
    assert words.of(None) == set()


def test_quotes_perfect_prediction():
    scores = score_quotes([[INDIRECT, DIRECT]], [[INDIRECT, DIRECT]], [TEXT])
    for part in ("content", "cue", "source"):
        assert scores[part]["exact"]["f1"] == 1.0 and scores[part]["tokens"]["f1"] == 1.0
    assert scores["speaker"] == {"accuracy": 1.0, "accuracy_paired": 1.0, "gold": 2}
    assert scores["quotes"] == {"gold": 2, "pred": 2, "paired": 2}


def test_quotes_partial_content_wrong_speaker_and_missed_quote():
    # one prediction: content "что Россия" (15-25, tokens 2, 3) against gold "Россия ответит"
    # (tokens 3, 4); right cue, no source, speaker Песков (wrong); the direct quote is missed
    pred = GoldQuote(kind="direct", cue=(7, 13), source=None, speaker="Песков Дмитрий",
                     content=(15, 25))
    scores = score_quotes([[INDIRECT, DIRECT]], [[pred]], [TEXT])
    # content exact: TP 0 of pred 1, gold 2; tokens: shared {3} -> P 1/2, R 1/(2 + 2) = 1/4
    assert scores["content"]["exact"]["tp"] == 0
    assert scores["content"]["tokens"] == {
        "p": 0.5, "r": 0.25, "f1": pytest.approx(1 / 3), "tp": 1, "pred": 2, "gold": 4}
    # cue exact: TP 1, pred 1, gold 2
    assert (scores["cue"]["exact"]["p"], scores["cue"]["exact"]["r"]) == (1.0, 0.5)
    # source: no predicted source: P 0/0 = 0, R 0/2
    assert scores["source"]["exact"] == {
        "p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 2}
    # speaker: 0 of 2 gold speakers right, 0 of 1 paired; kind wrong
    assert scores["speaker"] == {"accuracy": 0.0, "accuracy_paired": 0.0, "gold": 2}
    assert scores["kind"]["accuracy_paired"] == 0.0


def test_quotes_pairing_is_greedy_by_overlap_and_one_to_one():
    words = Tokens(TEXT)
    # gold A = Россия ответит (19-33); gold B = Мы готовы (36-45);
    # pred 0 = 19-38 overlaps A by 2 tokens and B by 1 (Мы); pred 1 = 26-33 overlaps A by 1.
    # best first: (A, pred 0) with 2 tokens; then (B, pred 0) and (A, pred 1) are blocked
    gold = [INDIRECT, DIRECT]
    pred = [GoldQuote(None, None, None, None, (19, 38)),
            GoldQuote(None, None, None, None, (26, 33))]
    assert pair_quotes(gold, pred, words) == [(0, 0)]
    # duplicates (same content, cue, source) count once
    scores = score_quotes([gold], [[INDIRECT, INDIRECT]], [TEXT])
    assert scores["quotes"]["pred"] == 1 and scores["content"]["exact"]["p"] == 1.0


def test_quotes_speaker_names_compare_case_yo_and_order_aside():
    output = {"id": "d", "entities": [
        {"id": "e1", "type": "PER", "name": "петров иван", "mentions": []}],
        "quotes": [{"id": "q1", "kind": "indirect", "cue": None, "source": None, "speaker": "e1",
                    "content": {"start": 19, "end": 33, "text": "Россия ответит"}}]}
    [pred] = predicted_quotes(output)
    assert pred.speaker == "петров иван" and pred.content == (19, 33)
    assert score_quotes([[INDIRECT]], [[pred]], [TEXT])["speaker"]["accuracy"] == 1.0


def test_quotes_empty_sides_and_missing_text():
    assert score_quotes([[]], [[]], [""])["content"]["exact"]["f1"] == 0.0
    nothing = score_quotes([[INDIRECT]], [[]], [TEXT])
    assert nothing["content"]["tokens"]["r"] == 0.0 and nothing["speaker"]["accuracy"] == 0.0
    with pytest.raises(ValueError, match="--texts"):
        score_quotes([[INDIRECT]], [[]], [""])


def test_quotes_speaker_labels_name_a_country_by_adjective_or_by_name():
    text = "Власти заявили, что ответят."
    gold = GoldQuote(kind="indirect", cue=(7, 14), source=(0, 6), speaker="власти Франции",
                     content=(20, 27))
    same = GoldQuote(kind="indirect", cue=(7, 14), source=(0, 6), speaker="французские власти",
                     content=(20, 27))
    other = GoldQuote(kind="indirect", cue=(7, 14), source=(0, 6), speaker="власти Испании",
                      content=(20, 27))
    assert score_quotes([[gold]], [[same]], [text])["speaker"]["accuracy"] == 1.0
    assert score_quotes([[gold]], [[other]], [text])["speaker"]["accuracy"] == 0.0


def test_quotes_speaker_names_compare_with_or_without_a_patronymic():
    text = "Машков заявил, что уйдёт."
    gold = GoldQuote(kind="indirect", cue=(7, 13), source=(0, 6), speaker="Олег Машков",
                     content=(19, 24))
    full = GoldQuote(kind="indirect", cue=(7, 13), source=(0, 6), speaker="Олег Львович Машков",
                     content=(19, 24))
    other = GoldQuote(kind="indirect", cue=(7, 13), source=(0, 6), speaker="Игорь Львович Машков",
                      content=(19, 24))
    assert score_quotes([[gold]], [[full]], [text])["speaker"]["accuracy"] == 1.0
    assert score_quotes([[gold]], [[other]], [text])["speaker"]["accuracy"] == 0.0
