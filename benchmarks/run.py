"""Speed, memory and NER quality of ruextract, natasha and PullEnti on the same corpora, in one run.

    python benchmarks/run.py --data ../shared/data [--systems ruextract,natasha,pullenti]
                             [--corpora nerel-dev,factru-dev] [--write BENCHMARKS.md]

Each system runs in its own subprocess (so peak RSS and load time are its own) over the same
documents: load time, docs/s, tokens/s (razdel tokens), peak RSS, failed documents. Their
PER/LOC/ORG spans are scored by ``ruextract.evaluate`` against the gold of each corpus. Speeds are
also given as a ratio to natasha measured in the same run: the machines are noisy, absolute
times mean little.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPORA = {"nerel-dev": "nerel/dev.jsonl", "factru-dev": "factru/dev.jsonl"}
SYSTEMS = ("ruextract", "natasha", "pullenti")  # and "ruextract-core", "ruextract-quotes"
EXCLUDES = {
    "ruextract": (),
    # the stages natasha's loop also has (tokens, morphology, syntax, NER, names)
    "ruextract-core": ("time", "quotes", "events", "links", "relations", "records"),
    # the default pipeline as it was before events and relations (through quotes)
    "ruextract-quotes": ("events", "links", "relations", "records"),
}
PULLENTI_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "GEO": "LOC"}


# one system, in a worker process


def load_system(name: str) -> Any:
    """A callable texts -> iterator of (ner spans [(start, end, type)] | None on failure)."""
    if name in EXCLUDES:
        import ruextract

        nlp = ruextract.load(exclude=EXCLUDES[name])
        # models and tables load lazily, some only on the first quote, event or relation: a
        # sentence with all of them makes their loading load time, as natasha's is
        nlp("«Мы довольны», — заявил 5 мая министр Иван Петров после встречи в Москве, где "
            "полиция задержала двух человек.")

        def run(texts: list[str]) -> Any:
            for doc in nlp.pipe(texts, batch_size=32):
                if doc.error is not None:
                    yield None
                    continue
                yield [
                    (mention.start, mention.end, entity.type)
                    for entity in doc.entities
                    for mention in entity.mentions
                    if mention.kind == "name"
                ]

        return run

    if name == "natasha":
        import ruextract  # noqa: F401  first: natasha's MorphVocab then uses pymorphy3
        from natasha import (
            Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser,
            Segmenter,
        )

        segmenter, vocab, emb = Segmenter(), MorphVocab(), NewsEmbedding()
        morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)

        def run(texts: list[str]) -> Any:
            for text in texts:
                try:
                    doc = Doc(text)
                    doc.segment(segmenter)
                    doc.tag_morph(morph)
                    doc.parse_syntax(syntax)
                    doc.tag_ner(ner)
                    for span in doc.spans:
                        span.normalize(vocab)
                    yield [(span.start, span.stop, span.type) for span in doc.spans]
                except Exception:
                    yield None

        return run

    if name == "pullenti":
        from pullenti.ner.ProcessorService import ProcessorService
        from pullenti.ner.SourceOfAnalysis import SourceOfAnalysis
        from pullenti.Sdk import Sdk

        Sdk.initialize_all()
        processor = ProcessorService.create_processor()

        def run(texts: list[str]) -> Any:
            for text in texts:
                try:
                    result = processor.process(SourceOfAnalysis(text))
                except Exception:
                    yield None
                    continue
                yield [
                    (occurrence.begin_char, occurrence.end_char + 1, PULLENTI_TYPES[entity.type_name])
                    for entity in result.entities
                    if entity.type_name in PULLENTI_TYPES
                    for occurrence in entity.occurrence
                ]

        return run

    raise SystemExit(f"unknown system {name!r}; choose from {SYSTEMS}")


def worker(system: str, corpus: Path) -> dict[str, Any]:
    docs = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    texts = [doc["text"] for doc in docs]
    started = time.perf_counter()
    run = load_system(system)
    loaded = time.perf_counter()
    predictions = list(run(texts))
    finished = time.perf_counter()
    return {
        "system": system,
        "load_s": loaded - started,
        "run_s": finished - loaded,
        "docs": len(texts),
        "failed": sum(prediction is None for prediction in predictions),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "predictions": {doc["id"]: prediction or [] for doc, prediction in zip(docs, predictions)},
    }


# the whole comparison, in the main process


def measure(system: str, corpus: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", system, "--corpus", str(corpus)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


def count_tokens(corpus: Path) -> int:
    from razdel import tokenize

    return sum(
        sum(1 for _token in tokenize(json.loads(line)["text"])) for line in corpus.open(encoding="utf-8")
    )


def score(corpus: Path, predictions: dict[str, list]) -> dict[str, Any]:
    """PER/LOC/ORG exact and overlap scores by ``ruextract.evaluate`` (the same for every system)."""
    from ruextract.evaluate.gold import read_corpus
    from ruextract.evaluate.ner import gold_items, score_ner

    gold = read_corpus(corpus)
    return score_ner(
        [gold_items(doc) for doc in gold],
        [{tuple(span) for span in predictions.get(doc.id, [])} for doc in gold],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--corpora", default=",".join(CORPORA))
    parser.add_argument("--write", type=Path, help="write the results as JSON here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus)))
        return 0

    results: dict[str, Any] = {
        "date": date.today().isoformat(),
        "python": platform.python_version(),
        "cpu": cpu_name(),
        "command": "python benchmarks/run.py --data ../shared/data",
        "corpora": {},
    }
    for corpus_name in args.corpora.split(","):
        corpus = args.data / CORPORA[corpus_name]
        tokens = count_tokens(corpus)
        rows = {}
        for system in args.systems.split(","):
            print(f"{corpus_name}: {system} ...", file=sys.stderr)
            row = measure(system, corpus)
            predictions = row.pop("predictions")
            row["docs_per_s"] = row["docs"] / row["run_s"]
            row["tokens_per_s"] = tokens / row["run_s"]
            row["ner"] = score(corpus, predictions)
            rows[system] = row
        if "natasha" in rows:
            for row in rows.values():
                row["speed_vs_natasha"] = row["docs_per_s"] / rows["natasha"]["docs_per_s"]
        results["corpora"][corpus_name] = {"tokens": tokens, "systems": rows}
        print(format_corpus(corpus_name, results["corpora"][corpus_name]), file=sys.stderr)
    if args.write:
        args.write.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def format_corpus(name: str, corpus: dict[str, Any]) -> str:
    lines = [
        f"### {name} ({corpus['tokens']:,} tokens)",
        "",
        "| system | load s | docs/s | tokens/s | × natasha | peak RSS MB | failed | PER F1 | LOC F1 | ORG F1 | micro P | micro R | micro F1 | overlap F1 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for system, row in corpus["systems"].items():
        ner = row["ner"]["exact"]
        per_type = ner["per_type"]
        lines.append(
            f"| {system} | {row['load_s']:.1f} | {row['docs_per_s']:.1f} | {row['tokens_per_s']:,.0f} | "
            f"{row.get('speed_vs_natasha', float('nan')):.2f} | {row['peak_rss_mb']:.0f} | "
            f"{row['failed']} | "
            + " | ".join(f"{per_type.get(type, {}).get('f1', 0):.3f}" for type in ("PER", "LOC", "ORG"))
            + f" | {ner['micro']['p']:.3f} | {ner['micro']['r']:.3f} | {ner['micro']['f1']:.3f} | "
            f"{row['ner']['overlap']['micro']['f1']:.3f} |"
        )
    return "\n".join(lines)


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    sys.exit(main())
