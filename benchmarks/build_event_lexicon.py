"""Learn how often each word is a NEREL EVENT, and how far NEREL's EVENT spans reach, from NEREL *train*.

    python benchmarks/build_event_lexicon.py --data /work/shared/data [--out models/events/rates.json]

Our segment, morph and syntax stages parse ``nerel/train.jsonl`` (never dev or test). For every
token, keyed by ``lemma/V`` (verbs, auxiliaries) or ``lemma/N`` (nouns, proper nouns, adjectives):

  * ``lemmas``: [times the token heads a gold EVENT span, times it occurs]; the event stage drops a
    taxonomy trigger whose rate is low (its uses are mostly not events: "назначение" of a purpose,
    "процесс" of a process) and ``--candidates`` prints frequent event words the taxonomy lacks;
  * ``extend``: for the heads of gold EVENT spans, each dependent as ``rel child-lemma`` and
    ``head-key rel child-lemma``: [times the dependent lies inside the span, times it occurs]. The
    event stage widens a trigger by the dependents NEREL usually includes ("президентских выборах",
    "чемпионате мира", "подписал указ").

Only counts are written (no text). Keys seen fewer than ``--min`` times are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

VERBAL = {"VERB", "AUX"}
NOMINAL = {"NOUN", "PROPN", "ADJ"}


def key_of(token) -> str | None:
    lemma = (token.lemma or token.text).lower().replace("ё", "е")
    if token.pos in VERBAL:
        return f"{lemma}/V"
    if token.pos in NOMINAL:
        return f"{lemma}/N"
    return None


def span_head(doc, first: int, last: int) -> int:
    """The token of [first, last) whose head lies outside the span."""
    for index in range(first, last):
        head = doc.tokens[index].head
        if head is None or head == index or not first <= head < last:
            return index
    return first


def count(rows: list[dict], docs) -> tuple[Counter, Counter, Counter, Counter]:
    heads, totals, inside, seen = Counter(), Counter(), Counter(), Counter()
    for row, doc in zip(rows, docs):
        children: dict[int, list[int]] = {}
        for index, token in enumerate(doc.tokens):
            if token.head is not None and token.head != index:
                children.setdefault(token.head, []).append(index)
            key = key_of(token)
            if key:
                totals[key] += 1
        counted = set()  # a token heading two nested EVENT spans counts once
        for entity in row["entities"]:
            if entity["type"] != "EVENT":
                continue
            tokens = [i for i, token in enumerate(doc.tokens)
                      if token.start < entity["end"] and entity["start"] < token.end]
            if not tokens:
                continue
            head = span_head(doc, tokens[0], tokens[-1] + 1)
            key = key_of(doc.tokens[head])
            if key is None:
                continue
            if head not in counted:
                counted.add(head)
                heads[key] += 1
            for child in children.get(head, []):
                token = doc.tokens[child]
                lemma = (token.lemma or token.text).lower().replace("ё", "е")
                within = entity["start"] <= token.start and token.end <= entity["end"]
                for name in (f"{token.rel} {lemma}", f"{key} {token.rel} {lemma}"):
                    seen[name] += 1
                    inside[name] += within
    return heads, totals, inside, seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models" / "events" / "rates.json")
    parser.add_argument("--min", type=int, default=3, help="least occurrences for a key to be kept")
    parser.add_argument("--candidates", action="store_true", help="print frequent EVENT heads the taxonomy lacks")
    args = parser.parse_args(argv)

    from ruextract.events import Lexicon
    from ruextract.relations import parse_pipeline

    rows = [json.loads(line) for line in (args.data / "nerel" / "train.jsonl").open(encoding="utf-8")]
    docs = parse_pipeline().pipe({"id": row["id"], "text": row["text"]} for row in rows)
    heads, totals, inside, seen = count(rows, docs)
    lexicon = Lexicon.load()
    known = set(lexicon.verbs) | set(lexicon.nouns) | set(lexicon.plural) | set(lexicon.phrases)
    # event heads, and the taxonomy's lemmas even when never an event (so the stage can drop them)
    lemmas = {key: [heads[key], totals[key]] for key in sorted(totals)
              if (heads[key] or key.rsplit("/", 1)[0] in known) and totals[key] >= args.min}
    extend = {key: [inside[key], seen[key]] for key in sorted(seen) if seen[key] >= args.min and inside[key]}
    table = {
        "_about": "Learned from NEREL train by benchmarks/build_event_lexicon.py: lemmas: 'lemma/V|N' -> "
                  "[times it heads a gold EVENT, times it occurs]; extend: '[head key] rel child-lemma' -> "
                  "[times the dependent lies inside the EVENT span, times it depends on an EVENT head].",
        "documents": len(rows),
        "lemmas": lemmas,
        "extend": extend,
    }
    args.out.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(lemmas)} lemmas, {len(extend)} extension keys -> {args.out}")
    if args.candidates:
        for key, (events, total) in sorted(lemmas.items(), key=lambda item: -item[1][0]):
            lemma = key.rsplit("/", 1)[0]
            if lemma not in known and events >= 3 and events / total >= 0.3:
                print(f"{key:30s} {events:4d} / {total:4d} = {events / total:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
