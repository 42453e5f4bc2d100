"""Quote scores: cue, source and content, exact and token-overlap F1, and speaker accuracy.

Gold lines ``{"doc_id","kind","cue":{start,end}|null,"source":{start,end}|null,"speaker":
"canonical name"|null,"content":{start,end}}`` (``gold.read_quotes``); predictions are the
contract's ``quotes``, whose ``speaker`` is an entity id: it stands for that entity's ``name``.

**Pairing.** Per document, gold and predicted quotes are paired one to one, greedily by the best
content overlap: all pairs whose contents share a character are sorted by shared tokens, then
shared characters (then by position, for a stable result), and a pair is taken when neither quote
is taken yet. Identical predicted quotes (same content, cue and source) count once.

**Exact** F1, for each of ``cue``, ``source`` and ``content``: a true positive is a pair in which
both quotes have that part and its spans are equal; precision divides by the predicted quotes that
have the part, recall by the gold quotes that have it (a null cue or source is not an item).
**Token** F1: tokens are the ``\\w+`` runs of the document text a span touches; the true positives
are the tokens a pair's two spans share, summed over pairs; precision divides by the tokens of
every predicted span of that part (paired or not), recall by the tokens of every gold span.

**Speaker** ``accuracy``: the share of gold quotes with a speaker whose paired prediction names the
same speaker; unpaired gold quotes count as wrong. Names compare by ``speaker_key``: case, ё and
word order aside, and a country named by its name in any case form or by its adjective counts as
that country (the guidelines allow both forms of a descriptive label: "американские власти" and
"власти США", "венесуэльский министр" and "министр Венесуэлы", "полиция РФ" and "российская
полиция"; the country names and adjectives are ``models/entities/countries.tsv``), and a
person's name with or without the patronymic is one name (the guidelines' "fullest name" does
not settle it: annotators write "Владимир Машков" for "Владимир Львович Машков"). ``accuracy_paired`` divides by the paired ones only. ``kind`` accuracy is
over paired quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from ..entities.keys import fold, stem
from ..entities.tables import load_tables
from .gold import GoldQuote
from .predictions import Example, Output, results
from .report import prf, prf_row, ratio, table

PARTS = ("content", "cue", "source")
Offsets = tuple[int, int]


class Tokens:
    """The ``\\w+`` tokens of a text, and the ones a span touches (as indices)."""

    def __init__(self, text: str):
        found = [match.span() for match in re.finditer(r"\w+", text)]
        self.starts = [start for start, _end in found]
        self.ends = [end for _start, end in found]

    def of(self, span: Offsets | None) -> set[int]:
        if span is None:
            return set()
        start, end = span
        first = bisect_right(self.ends, start)  # first token ending after the span starts
        last = bisect_left(self.starts, end)  # first token starting at or after the span ends
        return set(range(first, last))


def score_quotes(
    gold: Sequence[Sequence[GoldQuote]], pred: Sequence[Sequence[GoldQuote]], texts: Sequence[str]
) -> dict[str, Any]:
    """``{"quotes": {gold, pred, paired}, "content"|"cue"|"source": {"exact": prf, "tokens": prf},
    "speaker": {accuracy, accuracy_paired, gold}, "kind": {accuracy_paired}}``."""
    if not len(gold) == len(pred) == len(texts):
        raise ValueError(f"{len(gold)} gold documents, {len(pred)} predicted, {len(texts)} texts")
    exact = {part: [0, 0, 0] for part in PARTS}
    tokens = {part: [0, 0, 0] for part in PARTS}
    counts = {"gold": 0, "pred": 0, "paired": 0}
    speakers = {"gold": 0, "paired": 0, "correct": 0}
    kinds = {"paired": 0, "correct": 0}
    for gold_quotes, pred_quotes, text in zip(gold, pred, texts):
        pred_quotes = _unique(pred_quotes)
        if (gold_quotes or pred_quotes) and not text:
            raise ValueError("quote scores need the document texts: give --texts CORPUS.jsonl")
        words = Tokens(text)
        counts["gold"] += len(gold_quotes)
        counts["pred"] += len(pred_quotes)
        for side, quotes in ((1, pred_quotes), (2, gold_quotes)):
            for quote in quotes:
                for part in PARTS:
                    span = getattr(quote, part)
                    if span is not None:
                        exact[part][side] += 1
                        tokens[part][side] += len(words.of(span))
        pairs = pair_quotes(gold_quotes, pred_quotes, words)
        counts["paired"] += len(pairs)
        for g, p in pairs:
            gold_quote, pred_quote = gold_quotes[g], pred_quotes[p]
            for part in PARTS:
                gold_span, pred_span = getattr(gold_quote, part), getattr(pred_quote, part)
                if gold_span is not None and pred_span is not None:
                    exact[part][0] += gold_span == pred_span
                    tokens[part][0] += len(words.of(gold_span) & words.of(pred_span))
            kinds["paired"] += 1
            kinds["correct"] += gold_quote.kind == pred_quote.kind
            if gold_quote.speaker:
                speakers["paired"] += 1
                speakers["correct"] += bool(pred_quote.speaker) and (
                    speaker_key(gold_quote.speaker) == speaker_key(pred_quote.speaker)
                )
        speakers["gold"] += sum(bool(quote.speaker) for quote in gold_quotes)
    return {
        "quotes": counts,
        **{part: {"exact": prf(*exact[part]), "tokens": prf(*tokens[part])} for part in PARTS},
        "speaker": {
            "accuracy": ratio(speakers["correct"], speakers["gold"]),
            "accuracy_paired": ratio(speakers["correct"], speakers["paired"]),
            "gold": speakers["gold"],
        },
        "kind": {"accuracy_paired": ratio(kinds["correct"], kinds["paired"])},
    }


PATRONYMIC = ("ович", "евич", "ьич", "овна", "евна", "ична", "инична")


def speaker_key(name: str) -> tuple[str, ...]:
    """The words of a speaker's name, lower case with ё as е, sorted; a country's name (of one or
    two words, in any case form) or adjective becomes "country:<canonical name>"; a patronymic in
    a name of three words or more is left out (Владимир Львович Машков = Владимир Машков)."""
    tables = load_tables()
    words = re.findall(r"[\w-]+", name)
    keys, index = [], 0
    while index < len(words):
        for size in (2, 1):
            chunk = words[index : index + size]
            if len(chunk) < size:
                continue
            referent = tables.lookup(tuple(stem(word) for word in chunk))
            if referent is None and size == 1:
                referent = tables.adjectives.get(stem(chunk[0]))
            if referent is not None and referent.id.startswith("country:"):
                keys.append(referent.id)
                index += size
                break
        else:
            if not (len(words) > 2 and words[index][:1].isupper()
                    and fold(words[index]).endswith(PATRONYMIC)):
                keys.append(fold(words[index]))
            index += 1
    return tuple(sorted(keys))


def _unique(quotes: Sequence[GoldQuote]) -> list[GoldQuote]:
    """The first of the quotes with the same content, cue and source."""
    unique: dict[tuple[Any, ...], GoldQuote] = {}
    for quote in quotes:
        unique.setdefault((quote.content, quote.cue, quote.source), quote)
    return list(unique.values())


def pair_quotes(
    gold: Sequence[GoldQuote], pred: Sequence[GoldQuote], words: Tokens
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, pred index), best content overlap first."""
    candidates = []
    for g, gold_quote in enumerate(gold):
        gold_tokens = words.of(gold_quote.content)
        gs, ge = gold_quote.content
        for p, pred_quote in enumerate(pred):
            ps, pe = pred_quote.content
            shared_chars = min(ge, pe) - max(gs, ps)
            if shared_chars > 0:
                shared_tokens = len(gold_tokens & words.of(pred_quote.content))
                candidates.append((-shared_tokens, -shared_chars, g, p))
    pairs, taken_gold, taken_pred = [], set(), set()
    for _tokens, _chars, g, p in sorted(candidates):
        if g not in taken_gold and p not in taken_pred:
            taken_gold.add(g)
            taken_pred.add(p)
            pairs.append((g, p))
    return pairs


def predicted_quotes(output: Output) -> list[GoldQuote]:
    """The contract's quotes, with the speaker's entity id replaced by that entity's name."""
    names = {entity["id"]: entity.get("name") for entity in results(output, "entities")}
    return [
        GoldQuote(
            kind=quote.get("kind"),
            cue=_offsets(quote.get("cue")),
            source=_offsets(quote.get("source")),
            speaker=names.get(quote["speaker"]) if quote.get("speaker") else None,
            content=_offsets(quote["content"]),
        )
        for quote in results(output, "quotes")
    ]


def _offsets(span: dict[str, Any] | None) -> Offsets | None:
    return None if span is None else (int(span["start"]), int(span["end"]))


def evaluate_quotes(examples: Sequence[Example]) -> dict[str, Any]:
    return score_quotes(
        [example.gold.quotes for example in examples],
        [predicted_quotes(example.predicted) for example in examples],
        [example.gold.text for example in examples],
    )


def quotes_table(scores: dict[str, Any]) -> str:
    rows = []
    for part in PARTS:
        for mode in ("exact", "tokens"):
            rows.append(prf_row(f"{part} {mode}", scores[part][mode]))
    counts = scores["quotes"]
    text = table(("", "P", "R", "F1", "TP", "pred", "gold"), rows,
                 title=f"Quotes ({counts['gold']} gold, {counts['pred']} predicted, "
                       f"{counts['paired']} paired)")
    speaker, kind = scores["speaker"], scores["kind"]
    text += (
        f"\nspeaker accuracy {100 * speaker['accuracy']:.1f} "
        f"({100 * speaker['accuracy_paired']:.1f} on paired quotes; "
        f"{speaker['gold']} gold speakers)"
        f"\nkind accuracy on paired quotes {100 * kind['accuracy_paired']:.1f}"
    )
    return text
