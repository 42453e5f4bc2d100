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
from typing import Any

from slovnet.chop import chop

from .io import Columns, open_writer, read_path, read_stdin


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
                         help="input files or folders (.txt, .jsonl, .csv, .parquet); none or '-' "
                              "reads standard input")
    extract.add_argument("--published", type=date.fromisoformat, metavar="YYYY-MM-DD",
                         help="publication date for inputs that do not carry their own")
    extract.add_argument("--format", choices=("jsonl", "json"), default="jsonl",
                         help="jsonl: one object per line (default); json: one array")
    extract.add_argument("-o", "--output", type=Path, metavar="OUT",
                         help="output file (default: standard output); OUT.parquet writes a "
                              "Parquet dataset folder. An existing JSONL or Parquet output is "
                              "resumed: documents whose ids it holds are skipped")
    extract.add_argument("--overwrite", action="store_true",
                         help="start the output afresh instead of resuming it")
    extract.add_argument("--workers", type=int, default=1, metavar="N",
                         help="worker processes (default 1)")
    extract.add_argument("--batch-size", type=int, default=32, metavar="N")
    extract.add_argument("--text-column", default="text", metavar="NAME",
                         help="CSV/Parquet column with the text (default: text)")
    extract.add_argument("--id-column", default="id", metavar="NAME")
    extract.add_argument("--published-column", default="published", metavar="NAME")
    extract.add_argument("--quiet", action="store_true", help="no progress on stderr")
    extract.set_defaults(run=run_extract)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output contract")
    schema.set_defaults(run=run_schema)

    from .service import add_serve_parser  # FastAPI itself is imported only when serving

    add_serve_parser(commands)

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
    missing = [str(path) for path in args.files if str(path) != "-" and not path.exists()]
    if missing:
        print(f"ruextract: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.batch_size < 1 or args.workers < 1:
        print("ruextract: --batch-size and --workers must be at least 1", file=sys.stderr)
        return 2
    columns = Columns(args.text_column, args.id_column, args.published_column)
    try:
        writer = open_writer(args.output, args.format, resume=not args.overwrite)
    except (ValueError, ImportError) as error:
        print(f"ruextract: {error}", file=sys.stderr)
        return 2
    if writer.done:
        print(f"ruextract: resuming {args.output}: {len(writer.done)} documents already there",
              file=sys.stderr)

    from . import load

    nlp = load()
    items = with_published(read_inputs(args.files, columns), args.published)
    items = (item for item in items if item_id(item) not in writer.done)
    try:
        docs = nlp.pipe(items, batch_size=args.batch_size, n_process=args.workers)
        outputs = (doc.output() for doc in progress(docs, quiet=args.quiet))
        for group in chop(outputs, WRITE_EVERY):  # slovnet's batching helper
            writer.write(group)
    except ValueError as error:  # a table without its text column
        print(f"ruextract: {error}", file=sys.stderr)
        return 2
    finally:
        writer.close()
    return 0


WRITE_EVERY = 256


def item_id(item: Any) -> str | None:
    return str(item["id"]) if isinstance(item, dict) and "id" in item else getattr(item, "id", None)


def read_inputs(files: list[Path], columns: Columns = Columns()) -> Iterator[Any]:
    if not files:
        files = [Path("-")]
    for path in files:
        if str(path) == "-":
            yield from read_stdin(sys.stdin.buffer)
        else:
            yield from read_path(path, columns)


def with_published(items: Iterable[Any], published: date | None) -> Iterator[Any]:
    for item in items:
        if published is not None and isinstance(item, dict) and not item.get("published"):
            item["published"] = published.isoformat()
        yield item


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
