"""Load test of the HTTP service: ``ruextract.service.serve`` in a subprocess on 127.0.0.1 (a
free port), N concurrent clients posting ~2,000-character articles for a bounded time.

    python benchmarks/load.py [--duration 60] [--clients 8] [--workers 1] [--chars 2000]
                              [--texts /work/shared/data/nerel/dev.jsonl ...]

Articles are generated here (invented names and words; see memory.py), or cut to about
``--chars`` characters at a sentence end from the ``text`` fields of the JSONL files given by
``--texts`` (read at run time, never stored). After ``--warmup`` seconds of the same load,
reports throughput, latency percentiles, errors (any non-200 answer, transport failure or error
record) and the server's RSS (all its processes) after the warm-up and at the end. Exit code 1 if a floor is missed: 0 errors, p99 under
1 s, RSS growth under 10%.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from memory import documents  # noqa: E402  (the invented-text generator)

P99_FLOOR = 1.0
RSS_GROWTH_FLOOR = 0.10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def articles(paths: list[Path], chars: int, count: int = 200) -> list[str]:
    found: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                if len(text) < chars:
                    continue
                cut = text.rfind(". ", 0, chars)
                found.append(text[: cut + 1] if cut > chars // 2 else text[:chars])
    if not found:  # invented articles: sentences joined until about `chars` long
        sentences = iter(documents(10**6, seed=1))
        for _ in range(count):
            article = ""
            while len(article) < chars - 150:
                article += next(sentences) + "\n"
            found.append(article.strip())
    return found


def rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants (uvicorn's worker processes)."""
    import psutil

    root = psutil.Process(pid)
    total = 0
    for process in [root, *root.children(recursive=True)]:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def start_server(port: int, workers: int, threads: int | None) -> subprocess.Popen[bytes]:
    code = (f"from ruextract.service import serve; "
            f"serve('127.0.0.1', {port}, {workers}, threads={threads}, log_level='warning')")
    return subprocess.Popen([sys.executable, "-c", code], start_new_session=True)


def wait_ready(url: str, server: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server was not ready after {timeout:.0f}s")


def client(url: str, texts: list[str], until: float, seed: int, results: list[Any]) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=30) as http:
        number = 0
        while time.monotonic() < until:
            number += 1
            text = rng.choice(texts)
            body = {"id": f"c{seed}-{number}", "text": text, "published": "2020-10-26"}
            started = time.perf_counter()
            try:
                response = http.post("/extract", json=body)
                ok = response.status_code == 200 and "error" not in response.json()
                status = response.status_code
            except httpx.HTTPError as error:
                ok, status = False, type(error).__name__
            results.append((time.perf_counter() - started, ok, status, len(text)))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--warmup", type=float, default=10.0,
                        help="seconds of the same load before RSS is first measured (default 10)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--threads", type=int, help="server pipeline threads (default: CPUs)")
    parser.add_argument("--chars", type=int, default=2000, help="article length (default 2000)")
    parser.add_argument("--texts", type=Path, nargs="*", default=[],
                        help="JSONL files whose 'text' fields become the articles")
    args = parser.parse_args(argv)

    texts = articles(args.texts, args.chars)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(port, args.workers, args.threads)
    try:
        started = time.monotonic()
        wait_ready(url, server)
        print(f"server ready on {url} in {time.monotonic() - started:.1f}s "
              f"({args.workers} worker(s)); {len(texts)} articles of "
              f"~{sum(map(len, texts)) / len(texts):.0f} characters", flush=True)
        # warm-up under the same concurrency: first-use allocations (thread arenas, buffers) are
        # not growth; what grows after this is
        warm: list[Any] = []
        warmers = [threading.Thread(target=client, args=(url, texts, time.monotonic() + args.warmup,
                                                          100 + seed, warm))
                   for seed in range(args.clients)]
        for thread in warmers:
            thread.start()
        for thread in warmers:
            thread.join()
        rss_before = rss_mb(server.pid)
        print(f"warm-up: {len(warm)} requests in {args.warmup:.0f}s, server RSS {rss_before:.0f} MB",
              flush=True)
        results: list[Any] = []
        until = time.monotonic() + args.duration
        threads = [threading.Thread(target=client, args=(url, texts, until, seed, results))
                   for seed in range(args.clients)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        rss_after = rss_mb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGINT)  # our own server's process group, nothing else
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()

    latencies = [latency for latency, *_ in results]
    errors = [status for _, ok, status, _ in results if not ok]
    p50, p90, p99 = (percentile(latencies, share) for share in (0.5, 0.9, 0.99))
    growth = (rss_after - rss_before) / rss_before
    chars = sum(length for *_, length in results)
    print(f"{len(results)} requests from {args.clients} clients in {elapsed:.1f}s: "
          f"{len(results) / elapsed:.2f} req/s ({chars / elapsed:,.0f} chars/s)")
    print(f"latency p50 {p50 * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms")
    print(f"errors: {len(errors)}" + (f" {sorted(set(map(str, errors)))}" if errors else ""))
    print(f"server RSS: {rss_before:.0f} MB after warm-up, {rss_after:.0f} MB at the end "
          f"({growth:+.1%})")
    floors = {"0 errors": not errors, f"p99 < {P99_FLOOR:.0f} s": p99 < P99_FLOOR,
              f"RSS growth < {RSS_GROWTH_FLOOR:.0%}": growth < RSS_GROWTH_FLOOR}
    print("floors: " + ", ".join(f"{name} {'ok' if met else 'MISSED'}" for name, met in floors.items()))
    return 0 if all(floors.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
