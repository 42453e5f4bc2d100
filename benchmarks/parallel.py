"""``Pipeline.pipe(n_process=N)`` against ``n_process=1`` over NEREL train + dev.

    python benchmarks/parallel.py --data ../shared/data [--processes 1,2]

Each setting runs in a fresh process: wall time, speed-up over the first setting, and the peak
RSS of the parent and of the largest worker.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def run(data: Path, n_process: int) -> dict:
    import ruextract

    texts = [json.loads(line)["text"] for split in ("train", "dev")
             for line in (data / "nerel" / f"{split}.jsonl").open(encoding="utf-8")]
    nlp = ruextract.load()
    started = time.perf_counter()
    count = sum(1 for _doc in nlp.pipe(texts, batch_size=32, n_process=n_process))
    return {
        "n_process": n_process, "docs": count, "seconds": time.perf_counter() - started,
        "parent_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run(args.data, args.one)))
        return 0
    rows = []
    for n_process in (int(value) for value in args.processes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--one",
                              str(n_process)], check=True, capture_output=True, text=True)
        rows.append(json.loads(out.stdout.splitlines()[-1]))
    print("| n_process | seconds | speed-up | parent peak RSS MB | worker peak RSS MB |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['n_process']} | {row['seconds']:.1f} | {rows[0]['seconds'] / row['seconds']:.2f} "
              f"| {row['parent_rss_mb']:.0f} | {row['worker_rss_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
