"""Time expressions: detection on NEREL dev and value accuracy on our gold, against three baselines.

    python benchmarks/timex.py --data /work/shared/data [--systems ours,natasha,dateparser,pullenti]
                               [--split dev] [--errors 40]

Detection: NEREL DATE and TIME entities (all of them, nested ones included) against each
system's spans, one-to-one matching: exact-span P/R/F1, and overlap P/R/F1 (a maximum matching
of overlapping pairs). Values: ``benchmarks/gold/timex_nerel.jsonl`` (see gold/README.md); an
expression is right when an overlapping predicted timex has the gold value (only our system
normalises to TIMEX3). Speed: ms per document of the extraction call alone, after loading.

Systems: ours (``ruextract.time.extract_timexes``; ``ours-novague`` the same without the vague
references PAST_REF / PRESENT_REF / FUTURE_REF, which NEREL mostly leaves out), natasha 1.6 ``DatesExtractor`` (with
ruextract's pymorphy3 vocabulary), dateparser ``search_dates(text, languages=['ru'])`` (offsets
recovered by finding the returned substrings in order), PullEnti 4.1 date analyzer (outermost
DATE / DATERANGE occurrences; documents it crashes on are counted and scored as empty).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "timex_nerel.jsonl"
ANCHORS = HERE / "gold" / "timex_anchors.json"
SYSTEMS = ("ours", "natasha", "dateparser", "pullenti")
VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
Span = tuple[int, int]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# systems: text (+ anchor) -> spans; None when the system failed on the document


def load_system(name: str) -> Callable[[str, date | None], list[Span] | None]:
    if name in ("ours", "ours-novague"):
        import ruextract
        from ruextract.time import extract_timexes

        extract_timexes("Прогрев начали 1 мая.", None)  # loads the tables and the morphology
        keep_vague = name == "ours"  # ours-novague: what is left without vague references
        return lambda text, anchor: [
            (t.start, t.end)
            for t in extract_timexes(text, anchor)
            if keep_vague or t.value not in VAGUE
        ]

    if name == "natasha":
        from natasha import DatesExtractor, MorphVocab

        import ruextract  # noqa: F401  first: natasha's MorphVocab then uses pymorphy3

        extractor = DatesExtractor(MorphVocab())
        return lambda text, anchor: [(m.start, m.stop) for m in extractor(text)]

    if name == "dateparser":
        import dateparser.search

        def run(text: str, anchor: date | None) -> list[Span] | None:
            found = dateparser.search.search_dates(text, languages=["ru"]) or []
            spans, position = [], 0
            for substring, _ in found:
                start = text.find(substring, position)
                if start < 0:
                    start = text.find(substring)
                if start < 0:
                    continue
                spans.append((start, start + len(substring)))
                position = start + len(substring)
            return spans

        return run

    if name == "pullenti":
        from pullenti.Sdk import Sdk

        Sdk.initialize_all()
        from pullenti.ner.date.DateAnalyzer import DateAnalyzer
        from pullenti.ner.ProcessorService import ProcessorService
        from pullenti.ner.SourceOfAnalysis import SourceOfAnalysis

        processor = ProcessorService.create_specific_processor(DateAnalyzer.ANALYZER_NAME)

        def run(text: str, anchor: date | None) -> list[Span] | None:
            try:
                result = processor.process(SourceOfAnalysis(text))
            except Exception:  # noqa: BLE001  PullEnti fails in many ways; a failure is counted
                return None
            spans = [
                (occurrence.begin_char, occurrence.end_char + 1)
                for entity in result.entities
                if entity.type_name in ("DATE", "DATERANGE")
                for occurrence in entity.occurrence
            ]
            return outermost(spans)

        return run

    raise SystemExit(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")


def outermost(spans: list[Span]) -> list[Span]:
    unique = sorted(set(spans), key=lambda span: (span[0], -span[1]))
    return [s for s in unique if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in unique)]


# scoring


def max_matching(gold: list[Span], predicted: list[Span]) -> int:
    """Size of a maximum one-to-one matching of overlapping spans (augmenting paths)."""
    edges = [[j for j, p in enumerate(predicted) if p[0] < g[1] and g[0] < p[1]] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(gold)))


def prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def detection(
    docs: list[dict[str, Any]], run: Callable[[str, date | None], list[Span] | None]
) -> dict[str, Any]:
    exact = overlap = n_gold = n_pred = failed = 0
    by_type: Counter[str] = Counter()
    found_by_type: Counter[str] = Counter()
    seconds = 0.0
    misses, extras = [], []
    for doc in docs:
        gold_typed = [
            (e["start"], e["end"], e["type"])
            for e in doc["entities"]
            if e["type"] in ("DATE", "TIME")
        ]
        gold = [(s, e) for s, e, _ in gold_typed]
        started = time.perf_counter()
        predicted = run(doc["text"], None)
        seconds += time.perf_counter() - started
        if predicted is None:
            failed += 1
            predicted = []
        n_gold += len(gold)
        n_pred += len(predicted)
        exact += sum((Counter(gold) & Counter(predicted)).values())
        overlap += max_matching(gold, predicted)
        for s, e, kind in gold_typed:
            by_type[kind] += 1
            if any(p[0] < e and s < p[1] for p in predicted):
                found_by_type[kind] += 1
            else:
                misses.append((doc["id"], doc["text"], s, e))
        for s, e in predicted:
            if not any(g[0] < e and s < g[1] for g in gold):
                extras.append((doc["id"], doc["text"], s, e))
    return {
        "exact": prf(exact, n_pred, n_gold),
        "overlap": prf(overlap, n_pred, n_gold),
        "recall_by_type": {kind: found_by_type[kind] / by_type[kind] for kind in sorted(by_type)},
        "gold": n_gold,
        "predicted": n_pred,
        "failed": failed,
        "ms_per_doc": 1000 * seconds / max(1, len(docs)),
        "misses": misses,
        "extras": extras,
    }


def values(data: Path) -> dict[str, Any]:
    import ruextract  # noqa: F401
    from ruextract.time import extract_timexes

    gold = read_jsonl(GOLD)
    anchors = json.loads(ANCHORS.read_text(encoding="utf-8"))
    texts = {}
    for split in {row["split"] for row in gold}:
        for doc in read_jsonl(data / "nerel" / f"{split}.jsonl"):
            texts[doc["id"]] = doc["text"]
    predicted = {
        doc_id: extract_timexes(texts[doc_id], date.fromisoformat(entry["anchor"]))
        for doc_id, entry in anchors.items()
    }
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with_mod = 0
    wrong = []
    for row in gold:
        assert row["end"] - row["start"] == row["text_len"], f"offsets no longer fit {row}"
        overlapping = [
            t for t in predicted[row["doc_id"]] if t.start < row["end"] and row["start"] < t.end
        ]
        total[row["type"]] += 1
        if any(t.value == row["value"] for t in overlapping):
            right[row["type"]] += 1
            with_mod += any(t.value == row["value"] and t.mod == row["mod"] for t in overlapping)
        else:
            text = texts[row["doc_id"]]
            got = ", ".join(f"{t.value}" for t in overlapping) or "-"
            wrong.append(
                f"{row['doc_id']} {text[row['start'] : row['end']]!r}: gold {row['value']}, got {got}"
            )
    return {
        "accuracy": sum(right.values()) / sum(total.values()),
        "accuracy_with_mod": with_mod / sum(total.values()),
        "by_type": {kind: (right[kind] / total[kind], total[kind]) for kind in sorted(total)},
        "count": sum(total.values()),
        "wrong": wrong,
    }


def context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="folder with nerel/{train,dev}.jsonl"
    )
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--split", default="dev", help="NEREL split for detection (never test)")
    parser.add_argument("--limit", type=int, default=0, help="first N documents only")
    parser.add_argument("--errors", type=int, default=0, help="print N misses and N extras of ours")
    args = parser.parse_args(argv)
    if args.split not in ("dev", "train"):
        raise SystemExit("tune and measure on train or dev only")

    docs = read_jsonl(args.data / "nerel" / f"{args.split}.jsonl")
    if args.limit:
        docs = docs[: args.limit]
    print(f"NEREL {args.split}: {len(docs)} documents, DATE+TIME entities as gold\n")
    print(
        f"{'system':<13} {'exact P':>8} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6} "
        f"| {'R DATE':>6} {'R TIME':>6} | {'ms/doc':>7} {'failed':>6}"
    )
    results = {}
    for name in args.systems.split(","):
        run = load_system(name)
        result = results[name] = detection(docs, run)
        e, o, by = result["exact"], result["overlap"], result["recall_by_type"]
        print(
            f"{name:<13} {e['p']:8.3f} {e['r']:6.3f} {e['f1']:6.3f} | {o['p']:9.3f} {o['r']:6.3f} "
            f"{o['f1']:6.3f} | {by.get('DATE', 0):6.3f} {by.get('TIME', 0):6.3f} | "
            f"{result['ms_per_doc']:7.2f} {result['failed']:6d}"
        )
        sys.stdout.flush()

    if "ours" in results:
        scored = values(args.data)
        print(
            f"\nvalue accuracy of ours on {scored['count']} gold expressions "
            f"({GOLD.relative_to(HERE.parent)}): {scored['accuracy']:.3f}; "
            f"value and mod: {scored['accuracy_with_mod']:.3f}"
        )
        for kind, (accuracy, count) in scored["by_type"].items():
            print(f"  {kind:<9} {accuracy:.3f}  ({count})")
        if args.errors:
            ours = results["ours"]
            print(f"\nmisses ({len(ours['misses'])}):")
            for doc_id, text, s, e in ours["misses"][: args.errors]:
                print(f"  {doc_id}: {context(text, s, e)}")
            print(f"\nextras ({len(ours['extras'])}):")
            for doc_id, text, s, e in ours["extras"][: args.errors]:
                print(f"  {doc_id}: {context(text, s, e)}")
            print(f"\nwrong values ({len(scored['wrong'])}):")
            for line in scored["wrong"][: args.errors]:
                print("  " + line)


if __name__ == "__main__":
    main()
