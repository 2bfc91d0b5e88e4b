"""Load test of `actorgraph serve` on loopback: requests per second and latency percentiles of
the actor page, network and type-ahead endpoints, under N concurrent clients for a bounded time.

    .venv/bin/python benchmarks/web_load.py --store FILE [--seconds 30] [--workers 8]
        [--actors 200] [--max-requests 100000]

Starts `actorgraph serve` (read-only) on a free loopback port in its own process, picks actors
(the most connected, then random ones), and for each endpoint runs `--workers` client threads
with keep-alive connections for `--seconds` (or until `--max-requests`). Prints, per endpoint,
requests, errors, requests/s and the 50th/95th/99th percentile latency in milliseconds.
The clients share this process (and the machine's cores) with nothing else of the benchmark.
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import duckdb

from actorgraph.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pick_actors(store: str, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """Half the most connected actors (the heavy pages), half random ones."""
    conn = duckdb.connect(store, read_only=True)
    try:
        top = [r[0] for r in conn.execute("""
            SELECT id, count(*) AS d FROM (SELECT subject AS id FROM relations UNION ALL SELECT object FROM relations)
            GROUP BY id ORDER BY d DESC LIMIT ?""", [n // 2]).fetchall()]
        names = dict(conn.execute("SELECT id, name FROM actors").fetchall())
        rest = list(names)
        counts = conn.execute("SELECT count(*) FROM articles").fetchone()[0], len(rest)
    finally:
        conn.close()
    random.Random(seed).shuffle(rest)
    chosen = list(dict.fromkeys(top + rest))[:n]
    print(f"store {store}: {counts[0]} articles, {counts[1]} actors; {len(chosen)} actors asked "
          f"({len(top)} most connected, the rest random)")
    return [(i, names[i]) for i in chosen]


def start_server(store: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "actorgraph.cli", "serve", "--store", store, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/api/stats")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("server did not start within 120 s")


def run(port: int, paths: list[str], workers: int, seconds: float, max_requests: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    counter = iter(range(max_requests))

    def worker(k: int) -> None:
        rng = random.Random(k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, bad = [], []
        while time.monotonic() < stop_at and next(counter, None) is not None:
            path = rng.choice(paths)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                body = r.read()
                if r.status != 200:
                    bad.append(f"{r.status} {path}")
                else:
                    json.loads(body)
            except (OSError, http.client.HTTPException) as exc:
                bad.append(f"{type(exc).__name__} {path}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p / 100 * len(ms)))] if ms else float("nan")

    return {"requests": len(ms), "errors": len(errors), "seconds": elapsed, "rps": len(ms) / elapsed,
            "p50": pct(50), "p95": pct(95), "p99": pct(99), "mean": statistics.fmean(ms) if ms else float("nan"),
            "error_sample": errors[:3]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="the store to serve (opened read-only)")
    parser.add_argument("--seconds", type=float, default=30.0, help="time per endpoint (default 30)")
    parser.add_argument("--workers", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--actors", type=int, default=200, help="actors asked about (default 200)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="cap per endpoint (default 100000)")
    args = parser.parse_args()
    if not Path(args.store).is_file():
        raise SystemExit(f"no store at {args.store}")
    with Store.open(args.store, create=False) as store:  # an older store is upgraded, as any command does
        print(f"schema version {store.version()}")
    actors = pick_actors(args.store, args.actors)
    proc, port = start_server(args.store)
    try:
        endpoints = {
            "actor page  GET /api/actors/{id}": [f"/api/actors/{a}" for a, _ in actors],
            "network     GET /api/network/{id}?hops=2&limit=80": [f"/api/network/{a}?hops=2&limit=80" for a, _ in actors],
            "network as the page asks it (negated left out) GET /api/network/{id}?hops=2&limit=80&certainty=...":
                [f"/api/network/{a}?hops=2&limit=80&certainty=asserted&certainty=reported&certainty=uncertain"
                 for a, _ in actors],
            "type-ahead  GET /api/search?q=<first 3-6 letters>&limit=8":
                [f"/api/search?q={quote(n[:k])}&limit=8" for _, n in actors for k in (3, 6) if len(n) >= k],
        }
        print(f"{args.workers} clients, {args.seconds:g} s per endpoint, keep-alive, loopback port {port}")
        for name, paths in endpoints.items():
            run(port, paths[:20], 2, 2.0, 200)  # warm-up: first queries, caches
            r = run(port, paths, args.workers, args.seconds, args.max_requests)
            print(f"{name}: {r['requests']} requests, {r['errors']} errors in {r['seconds']:.1f} s -> "
                  f"{r['rps']:.1f} req/s; latency ms p50 {r['p50']:.1f}, p95 {r['p95']:.1f}, p99 {r['p99']:.1f}, "
                  f"mean {r['mean']:.1f}" + (f"; errors e.g. {r['error_sample']}" if r["errors"] else ""))
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
