"""Quote attribution on our NEREL quote gold: cue, source and content F1, speaker accuracy, speed.

    python benchmarks/quotes.py --data ../shared/data [--gold benchmarks/gold/quotes_nerel.jsonl]
                                [--split train|dev] [--errors 20] [--speakers 20] [--check]

The pipeline is ``ruextract.load()`` plus ``QuoteStage`` (added here if the default pipeline does
not have it yet). Scores come from ``ruextract.evaluate.quotes``. Speed: milliseconds per
document of the quotes stage alone (run again over the processed documents), and documents per
second of the whole pipeline. ``--errors`` lists missed, extra and differing quotes, ``--speakers``
the gold speakers the prediction gets wrong (with both sources). ``--check`` only checks the gold
offsets against the corpus texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "quotes_nerel.jsonl"
CORPUS = ("nerel/train.jsonl", "nerel/dev.jsonl")


def texts(data: Path) -> dict[str, str]:
    found = {}
    for name in CORPUS:
        with open(data / name, encoding="utf-8") as stream:
            for line in stream:
                item = json.loads(line)
                found[str(item["id"])] = item["text"]
    return found


def check(gold: Path, corpus: dict[str, str]) -> int:
    """Every gold span fits its text: content non-empty and not padded with spaces, cue and source
    outside the content, cue and source inside the text. Returns the number of problems."""
    problems = 0
    with open(gold, encoding="utf-8") as stream:
        lines = stream.read().splitlines()
    for number, line in enumerate(lines, start=1):
        item = json.loads(line)
        text = corpus.get(item["doc_id"])
        if text is None:
            print(f"line {number}: no document {item['doc_id']!r} in the corpus")
            problems += 1
            continue
        if item.get("no_quotes"):
            continue
        content = item["content"]
        inner = text[content["start"] : content["end"]]
        if not inner.strip() or inner != inner.strip():
            print(f"line {number}: content empty or padded with spaces")
            problems += 1
        for part in ("cue", "source"):
            span = item.get(part)
            if span is None:
                continue
            value = text[span["start"] : span["end"]]
            if not 0 <= span["start"] < span["end"] <= len(text) or value != value.strip():
                print(f"line {number}: {part} outside the text or padded")
                problems += 1
            if span["start"] < content["end"] and content["start"] < span["end"]:
                print(f"line {number}: {part} overlaps the content")
                problems += 1
    return problems


def pipeline():  # type: ignore[no-untyped-def]
    import ruextract
    from ruextract.quotes import QuoteStage

    nlp = ruextract.load()
    if "quotes" not in nlp:
        nlp.add(QuoteStage())
    return nlp


def reachable(examples) -> None:  # type: ignore[no-untyped-def]
    """Speaker accuracy where it can be right at all: gold speakers that are the name of an entity
    the pipeline found in that document (unnamed speakers such as "врачи" never are)."""
    from ruextract.evaluate.facts import text_key
    from ruextract.evaluate.quotes import Tokens, pair_quotes, predicted_quotes

    total = correct = 0
    for example in examples:
        names = {text_key(entity["name"]) for entity in example.predicted.get("entities", [])}
        gold, pred = example.gold.quotes, predicted_quotes(example.predicted)
        pairs = dict(pair_quotes(gold, pred, Tokens(example.gold.text)))
        for g, quote in enumerate(gold):
            if quote.speaker and text_key(quote.speaker) in names:
                total += 1
                speaker = pred[pairs[g]].speaker if g in pairs else None
                correct += bool(speaker) and text_key(speaker) == text_key(quote.speaker)
    if total:
        print(f"speaker accuracy where the gold speaker is an entity name the pipeline produced: "
              f"{100 * correct / total:.1f} ({correct}/{total})")


def errors(examples, limit: int) -> None:  # type: ignore[no-untyped-def]
    from ruextract.evaluate.quotes import Tokens, pair_quotes, predicted_quotes

    shown = 0
    for example in examples:
        text = example.gold.text
        gold = example.gold.quotes
        pred = predicted_quotes(example.predicted)
        pairs = pair_quotes(gold, pred, Tokens(text))
        paired_gold = {g for g, _p in pairs}
        paired_pred = {p for _g, p in pairs}

        def show(span, text=text):  # type: ignore[no-untyped-def]
            return None if span is None else text[span[0] : span[1]][:70]

        for g, quote in enumerate(gold):
            if g not in paired_gold and shown < limit:
                print(f"MISSED {example.gold.id} {quote.kind} cue={show(quote.cue)!r} "
                      f"content={show(quote.content)!r}")
                shown += 1
        for p, quote in enumerate(pred):
            if p not in paired_pred and shown < limit:
                print(f"EXTRA  {example.gold.id} {quote.kind} cue={show(quote.cue)!r} "
                      f"content={show(quote.content)!r}")
                shown += 1
        for g, p in pairs:
            a, b = gold[g], pred[p]
            if (a.content != b.content or a.cue != b.cue) and shown < limit:
                print(f"DIFF   {example.gold.id} gold cue={show(a.cue)!r} content={show(a.content)!r}\n"
                      f"{'':7}{'':{len(example.gold.id)}} pred cue={show(b.cue)!r} content={show(b.content)!r}")
                shown += 1


def speaker_errors(examples, limit: int) -> None:  # type: ignore[no-untyped-def]
    """Gold quotes with a speaker whose paired prediction names another one (or none)."""
    from ruextract.evaluate.quotes import Tokens, pair_quotes, predicted_quotes, speaker_key

    shown = 0
    for example in examples:
        text = example.gold.text
        gold, pred = example.gold.quotes, predicted_quotes(example.predicted)
        pairs = dict(pair_quotes(gold, pred, Tokens(text)))

        def show(span, text=text):  # type: ignore[no-untyped-def]
            return None if span is None else text[span[0] : span[1]][:60]

        for g, quote in enumerate(gold):
            if not quote.speaker or shown >= limit:
                continue
            found = pred[pairs[g]] if g in pairs else None
            if found is not None and found.speaker and (
                    speaker_key(found.speaker) == speaker_key(quote.speaker)):
                continue
            shown += 1
            if found is None:
                print(f"SPEAKER {example.gold.id} gold={quote.speaker!r} source={show(quote.source)!r}"
                      f" (quote missed: {show(quote.content)!r})")
            else:
                print(f"SPEAKER {example.gold.id} gold={quote.speaker!r} source={show(quote.source)!r}"
                      f" pred={found.speaker!r} source={show(found.source)!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--split", choices=("train", "dev"), help="score one split only")
    parser.add_argument("--errors", type=int, default=0, help="print this many differences")
    parser.add_argument("--speakers", type=int, default=0, help="print this many wrong speakers")
    parser.add_argument("--check", action="store_true", help="only check the gold offsets")
    args = parser.parse_args(argv)

    corpus = texts(args.data)
    problems = check(args.gold, corpus)
    print(f"gold offsets: {problems} problems")
    if args.check or problems:
        return 1 if problems else 0

    from ruextract.evaluate.gold import GoldDocument, attach, read_quotes
    from ruextract.evaluate.predictions import examples, predict
    from ruextract.evaluate.quotes import evaluate_quotes, quotes_table

    gold = read_quotes(args.gold)
    if args.split:
        with open(args.gold, encoding="utf-8") as stream:
            items = [json.loads(line) for line in stream]
        splits = {item["doc_id"]: item["split"] for item in items}
        gold = {id: quotes for id, quotes in gold.items() if splits.get(id) == args.split}
    documents = attach([GoldDocument(id=id, text=text, format="texts") for id, text in corpus.items()
                        if id in gold], quotes=gold)
    nlp = pipeline()
    nlp("Прогрев.")
    started = time.perf_counter()
    predictions = predict(documents, nlp=nlp)
    elapsed = time.perf_counter() - started
    scores = evaluate_quotes(examples(documents, predictions))
    print(quotes_table(scores))

    # the quotes stage alone, run again over the processed documents
    stage = nlp["quotes"]
    processed = list(nlp.pipe([{"id": doc.id, "text": doc.text} for doc in documents]))
    chars = sum(len(doc.text) for doc in processed)
    stage_seconds = float("inf")
    for _round in range(5):  # CPU time, best of five: the machine is shared
        started = time.process_time()
        stage.process(processed)
        stage_seconds = min(stage_seconds, time.process_time() - started)
    per_doc = 1000 * stage_seconds / len(processed)
    per_2000 = 1000 * stage_seconds / (chars / 2000)
    print(f"\nquotes stage: {per_doc:.2f} ms per document, {per_2000:.2f} ms per 2,000 characters "
          f"(CPU time, best of 5); whole pipeline {len(documents) / elapsed:.1f} docs/s wall clock "
          f"({len(documents)} documents)")
    reachable(examples(documents, predictions))
    if args.errors:
        print()
        errors(examples(documents, predictions), args.errors)
    if args.speakers:
        print()
        speaker_errors(examples(documents, predictions), args.speakers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
