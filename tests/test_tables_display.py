from __future__ import annotations

import re
from html.parser import HTMLParser

import ruextract
from ruextract.tables import KINDS, to_pandas


def test_tables_one_frame_per_kind_with_document_ids(seed_doc):
    other = ruextract.load()("ok")
    frames = to_pandas([seed_doc, seed_doc.output(), other])
    assert set(frames) == set(KINDS)
    assert list(frames["documents"]["doc_id"]) == ["seed", "seed", "0"]
    mentions = frames["mentions"]
    assert (mentions["doc_id"] == "seed").all() and "Путин" in set(mentions["text"])
    putin = frames["entities"].query("name == 'Владимир Путин'")
    assert len(putin) == 2  # once from the Document, once from its output dict
    assert "Владимир Путин" in set(frames["quotes"]["speaker_name"])
    assert "2019-12-27" in set(frames["timexes"]["value"])
    # records come from Document objects and from output dicts alike
    records = frames["records"]
    assert len(records.query("doc_id == 'seed'")) == 2 * len(seed_doc.records)


def test_tables_relations_name_positions_and_ages():
    doc = ruextract.load()("Министр финансов Иван Петров, 58 лет, прибыл в Казань.")
    relations = to_pandas([doc.output()])["relations"]
    pairs = set(zip(relations["type"], relations["head_name"], relations["tail_name"]))
    assert ("WORKS_AS", "Иван Петров", "Министр финансов") in pairs
    assert ("AGE_IS", "Иван Петров", "58 лет") in pairs


def test_tables_empty_input_gives_empty_frames_with_columns():
    frames = to_pandas([])
    assert all(frame.empty for frame in frames.values())
    assert "speaker_name" in frames["quotes"].columns


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack.pop() == tag


def test_display_html_is_well_formed_offline_and_shows_the_records(seed_doc):
    html = seed_doc._repr_html_()
    checker = _Checker()
    checker.feed(html)
    assert checker.stack == []
    assert "<script" not in html and "http" not in html
    assert "2019-12-27" in html and "Владимир Путин →" in html
    text = re.sub(r'<span style="font-size:0.7em[^>]*>[^<]*</span>', "", html)
    assert re.sub(r"<[^>]+>", "", text).replace("&quot;", '"').replace("&#x27;", "'") \
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == seed_doc.text


def test_display_escapes_markup_in_the_text(nlp):
    html = nlp("<script>alert(1)</script> Путин & Co")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
