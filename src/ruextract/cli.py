"""The ``ruextract`` command: ``extract`` documents to the JSON contract, ``evaluate`` on gold
data, print the output ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from .io import read_path, read_stdin


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    return int(args.run(args) or 0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ruextract",
        description="Typed records (entities, quotes, dates, events, relations) from Russian news.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract records from text or JSONL files",
        description=(
            "Read plain-text files (one document each), JSONL files (.jsonl: one "
            '{"id", "text", "published", ...} object per line) or standard input, and write '
            "one output object per input document, in input order. A document that fails gets "
            'an "error" object instead of results; the run goes on and the exit code stays 0.'
        ),
    )
    extract.add_argument("files", nargs="*", type=Path, metavar="FILE",
                         help="input files; none or '-' reads standard input")
    extract.add_argument("--published", type=date.fromisoformat, metavar="YYYY-MM-DD",
                         help="publication date for inputs that do not carry their own")
    extract.add_argument("--format", choices=("jsonl", "json"), default="jsonl",
                         help="jsonl: one object per line (default); json: one array")
    extract.add_argument("-o", "--output", type=Path, metavar="OUT",
                         help="output file (default: standard output)")
    extract.add_argument("--batch-size", type=int, default=32, metavar="N")
    extract.add_argument("--quiet", action="store_true", help="no progress on stderr")
    extract.set_defaults(run=run_extract)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output contract")
    schema.set_defaults(run=run_schema)

    try:
        from .evaluate import cli as evaluate_cli
    except ImportError:  # the evaluation package is optional at import time
        evaluate_cli = None
    if evaluate_cli is not None:
        evaluate = commands.add_parser(
            "evaluate", help="score the pipeline against gold data",
            description=evaluate_cli.DESCRIPTION,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        evaluate_cli.add_arguments(evaluate)
        evaluate.set_defaults(run=evaluate_cli.run)
    return parser


def run_schema(args: argparse.Namespace) -> int:
    from .document import output_schema

    json.dump(output_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def run_extract(args: argparse.Namespace) -> int:
    missing = [str(path) for path in args.files if str(path) != "-" and not path.is_file()]
    if missing:
        print(f"ruextract: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("ruextract: --batch-size must be at least 1", file=sys.stderr)
        return 2

    from . import load

    nlp = load()
    items = with_published(read_inputs(args.files), args.published)
    docs = nlp.pipe(items, batch_size=args.batch_size)
    outputs = (doc.output() for doc in progress(docs, quiet=args.quiet))
    if args.output:
        with args.output.open("w", encoding="utf-8") as stream:
            write(outputs, stream, args.format)
    else:
        write(outputs, sys.stdout, args.format)
    return 0


def read_inputs(files: list[Path]) -> Iterator[Any]:
    if not files:
        files = [Path("-")]
    for path in files:
        if str(path) == "-":
            yield from read_stdin(sys.stdin.buffer)
        else:
            yield from read_path(path)


def with_published(items: Iterable[Any], published: date | None) -> Iterator[Any]:
    for item in items:
        if published is not None and isinstance(item, dict) and not item.get("published"):
            item["published"] = published.isoformat()
        yield item


def write(outputs: Iterable[dict[str, Any]], stream: IO[str], format: str) -> None:
    if format == "jsonl":
        for output in outputs:
            stream.write(json.dumps(output, ensure_ascii=False) + "\n")
        return
    stream.write("[")
    for index, output in enumerate(outputs):
        stream.write(("," if index else "") + "\n" + json.dumps(output, ensure_ascii=False, indent=2))
    stream.write("\n]\n")


def progress(docs: Iterable[Any], *, quiet: bool, every: float = 2.0) -> Iterator[Any]:
    """Pass documents through, reporting counts and speed on stderr every few seconds."""
    started = last = time.perf_counter()
    count = failed = 0
    for doc in docs:
        count += 1
        failed += doc.error is not None
        yield doc
        now = time.perf_counter()
        if not quiet and now - last >= every:
            last = now
            print(f"ruextract: {count} documents ({failed} failed), "
                  f"{count / (now - started):.1f} docs/s", file=sys.stderr)
    if not quiet and count:
        elapsed = time.perf_counter() - started
        print(f"ruextract: done, {count} documents ({failed} failed) in {elapsed:.1f}s",
              file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
