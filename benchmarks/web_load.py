"""Load test of `actorgraph serve` on loopback: requests per second and latency percentiles of
the actor page, network and type-ahead endpoints, under N concurrent clients for a bounded time.

    .venv/bin/python benchmarks/web_load.py --store FILE [--seconds 30] [--workers 8]
        [--actors 2000] [--max-requests 100000] [--processes N] [--cache cold|warm|both]
    .venv/bin/python benchmarks/web_load.py --store FILE --mixed [--seconds 30] [--workers 8]
        [--write-share 0.3] [--work-dir /tmp]

--mixed: reviewers at work. The store is copied into --work-dir (the benchmark writes; the
given file is left as it is), a reviewer is added to the copy, and `actorgraph serve` opens it
for writing. Each client mixes reads (actor page, an edge's evidence with its review state, a
statement, the review queue) with review actions on statements of its own (read the
statement's version, then confirm, reject with a reason, or correct its certainty; every
fourth action undoes the client's previous one), sent with the reviewer's Bearer token.
Prints, for reads and for review actions apart: count, errors, p50 / p95 / p99 ms.

Starts `actorgraph serve` (read-only) on a free loopback port in its own process, picks actors
(the 20 most cited, then `--actors` distinct ones drawn with a chance that follows the articles
naming each), and for each endpoint runs `--workers` client threads with keep-alive connections
for `--seconds` (or until `--max-requests`). Prints, per endpoint, requests, errors, requests/s,
the 50th/95th/99th percentile latency in milliseconds and the share of answers the server took
from its kept answers (web.answers, X-Cache: hit). `--cache both` (the default) serves twice,
without kept answers (cold: every answer read from the store) and with them (warm), and prints
the two side by side; a warm figure alone says little without its hit rate.
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
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import duckdb

from actorgraph.store import Store



def _run_clients(worker, workers: int) -> float:
    """Run `worker(k)` in `workers` threads at once; the seconds until the last one ends."""
    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pick_actors(store: str, n: int, hubs: int = 20, seed: int = 7) -> list[tuple[str, str]]:
    """The `hubs` most cited actors, then `n` more drawn without replacement with a chance that follows
    the articles naming each (Efraimidis-Spirakis keys): thousands of distinct pages, big ones more often."""
    conn = duckdb.connect(store, read_only=True)
    try:
        top = [r[0] for r in conn.execute("SELECT actor_id FROM actor_stats ORDER BY articles DESC, actor_id LIMIT ?",
                                          [hubs]).fetchall()]
        conn.execute(f"SELECT setseed({(seed % 1000) / 1000})")
        drawn = [r[0] for r in conn.execute("""SELECT actor_id FROM actor_stats WHERE articles > 0
            ORDER BY pow(random(), 1.0 / articles) DESC LIMIT ?""", [n]).fetchall()]
        chosen = list(dict.fromkeys(top + drawn))
        names = dict(conn.execute(f"SELECT id, name FROM actors WHERE id IN (SELECT unnest(?))", [chosen]).fetchall())
        sizes = [r[0] for r in conn.execute("SELECT articles FROM actor_stats WHERE actor_id IN (SELECT unnest(?))",
                                            [chosen]).fetchall()]
        counts = conn.execute("SELECT count(*) FROM articles").fetchone()[0], conn.execute(
            "SELECT count(*) FROM actors").fetchone()[0]
    finally:
        conn.close()
    sizes.sort()
    print(f"store {store}: {counts[0]} articles, {counts[1]} actors; {len(chosen)} distinct actors asked "
          f"({len(top)} most cited, the rest drawn by articles): articles per actor median {sizes[len(sizes) // 2]}, "
          f"max {sizes[-1]}")
    random.Random(seed).shuffle(chosen)
    return [(i, names[i]) for i in chosen if i in names]


def start_server(store: str, processes: int = 1, cache_mb: int | None = None) -> tuple[subprocess.Popen, int]:
    """`actorgraph serve` over the store (read-write when the store has reviewers; read-only from
    `processes` processes when more than one; `cache_mb` of kept answers per process), once it answers."""
    import os
    port = free_port()
    more = ["--read-only", "--processes", str(processes)] if processes > 1 else []
    env = dict(os.environ) | ({"ACTORGRAPH_RESPONSE_CACHE_MB": str(cache_mb)} if cache_mb is not None else {})
    # the server's messages go to a file: a pipe nobody reads would stop the server once it is full
    log = Path(tempfile.gettempdir()) / f"web-load-serve-{port}.log"
    proc = subprocess.Popen([sys.executable, "-m", "actorgraph.cli", "serve", "--store", store, "--port", str(port),
                             *more], stdout=subprocess.DEVNULL, stderr=log.open("w"), env=env,
                            start_new_session=True)  # its own process group: stop_server ends its children too
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {log.read_text()[-2000:]}")
        try:
            # the predicates need no query: the store is open once the server listens, and /api/stats
            # (counts and the most connected actors) takes seconds on a million articles
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/api/predicates")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    raise SystemExit("server did not start within 300 s")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server and its serving processes; killed when they have not ended 20 s after being asked."""
    import os
    import signal
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=20)


def run(port: int, paths: list[str], workers: int, seconds: float, max_requests: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    hits = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    counter = iter(range(max_requests))

    def worker(k: int) -> None:
        rng = random.Random(k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, bad, kept = [], [], 0
        while time.monotonic() < stop_at and next(counter, None) is not None:
            path = rng.choice(paths)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                body = r.read()
                kept += r.getheader("X-Cache") == "hit"
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
            hits[0] += kept

    elapsed = _run_clients(worker, workers)
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p / 100 * len(ms)))] if ms else float("nan")

    return {"requests": len(ms), "errors": len(errors), "seconds": elapsed, "rps": len(ms) / elapsed,
            "p50": pct(50), "p95": pct(95), "p99": pct(99), "mean": statistics.fmean(ms) if ms else float("nan"),
            "error_sample": errors[:3], "hit_rate": hits[0] / len(ms) if ms else 0.0}


def pick_statements(store: str, n: int, seed: int = 11) -> list[str]:
    """Statements drawn at random (an edge with many statements is drawn as often as it has them)."""
    conn = duckdb.connect(store, read_only=True)
    try:
        return [i for (i,) in conn.execute(f"SELECT id FROM statements USING SAMPLE {int(n)} ROWS (reservoir, {seed})")
                .fetchall()]
    finally:
        conn.close()


def run_mixed(port: int, token: str, actors: list[str], statements: list[str], workers: int, seconds: float,
              write_share: float, merge_pairs: list[tuple[str, str]] = (), merge_every: int = 0) -> dict:
    """Clients mixing reads and review actions; latencies of each kind apart.

    With `merge_every` N, every Nth review action of a client merges one of its pairs of actors (kept
    out of the reads: a merged actor's page is gone) and the next one undoes that merge."""
    lock = threading.Lock()
    out: dict[str, list] = {"read": [], "write": [], "read_errors": [], "write_errors": [], "kinds": [], "timing": []}
    stop_at = time.monotonic() + seconds
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    share = [statements[k::workers] for k in range(workers)]  # each client reviews statements of its own
    pairs = [list(merge_pairs[k::workers]) for k in range(workers)]

    def worker(k: int) -> None:
        rng = random.Random(100 + k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: dict[str, list] = {key: [] for key in out}
        todo = list(share[k])
        rng.shuffle(todo)
        last_seq: int | None = None
        actions = 0
        merged: int | None = None  # the seq of this client's merge to undo next

        def call(method: str, path: str, body: dict | None = None) -> tuple[int, dict | None, float]:
            nonlocal conn
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=json.dumps(body) if body is not None else None,
                             headers=auth if method == "POST" else {})
                r = conn.getresponse()
                raw = r.read()
                took = time.perf_counter() - t0
                if method == "POST" and r.getheader("Server-Timing"):
                    mine["timing"].append(dict((part.split(";dur=")[0].strip(), float(part.split(";dur=")[1]))
                                               for part in r.getheader("Server-Timing").split(",")))
                try:
                    return r.status, (json.loads(raw) if raw else None), took
                except ValueError:
                    return r.status, {"error": raw[:120].decode("utf-8", "replace")}, took
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                return 0, {"error": type(exc).__name__}, time.perf_counter() - t0

        while time.monotonic() < stop_at:
            if rng.random() >= write_share or not todo:
                path = rng.choice([f"/api/actors/{rng.choice(actors)}", f"/api/statements/{rng.choice(statements)}",
                                   "/api/review/queue?limit=20", f"/api/actors/{rng.choice(actors)}"])
                status, body, took = call("GET", path)
                mine["read"].append(took)
                if status != 200:
                    mine["read_errors"].append(f"{status} {path}")
                elif path.startswith("/api/actors/") and rng.random() < 0.5:
                    edges = [e for g in body["relations"].values() for e in g["edges"]]
                    if edges:
                        path = f"/api/relations/{rng.choice(edges)['relation']}?limit=10"
                        status, _, took = call("GET", path)
                        mine["read"].append(took)
                        if status != 200:
                            mine["read_errors"].append(f"{status} {path}")
                continue
            actions += 1
            if merged is not None:
                kind, path, body = "undo merge", f"/api/reviews/{merged}/undo", {}
                merged = None
            elif merge_every and actions % merge_every == 0 and pairs[k]:
                keep, other = pairs[k].pop()
                kind, path, body = "merge", f"/api/actors/{keep}/merge", {"other": other, "reason": "benchmark"}
            elif actions % 4 == 0 and last_seq is not None:
                kind, path, body = "undo", f"/api/reviews/{last_seq}/undo", {}
                last_seq = None
            else:
                sid = todo.pop()
                status, state, took = call("GET", f"/api/statements/{sid}")
                mine["read"].append(took)
                if status != 200:
                    mine["read_errors"].append(f"{status} /api/statements/{sid}")
                    continue
                kind = rng.choice(["confirm", "reject", "certainty"])
                body = {"version": state["version"]}
                if kind == "reject":
                    body["reason"] = "benchmark: not what the sentence says"
                if kind == "certainty":
                    body["certainty"] = rng.choice([c for c in ("asserted", "reported", "uncertain") if c != state["certainty"]])
                path = f"/api/statements/{sid}/{'correct' if kind == 'certainty' else kind}"
            status, answer, took = call("POST", path, body)
            mine["write"].append(took)
            mine["kinds"].append(kind)
            if status != 200:
                mine["write_errors"].append(f"{status} {kind} {(answer or {}).get('error', '')[:120]}")
            elif kind == "merge":
                merged = answer["review"]["seq"]
            elif kind not in ("undo", "undo merge"):
                last_seq = answer["review"]["seq"]
        with lock:
            for key in out:
                out[key].extend(mine[key])

    out["seconds"] = _run_clients(worker, workers)
    return out


def percentiles(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return "none"
    pick = lambda p: ms[min(len(ms) - 1, int(p / 100 * len(ms)))]
    return f"p50 {pick(50):.1f}, p95 {pick(95):.1f}, p99 {pick(99):.1f} ms"


def mixed(args: argparse.Namespace) -> None:
    """Reviewers at work on a copy of the store: reads and review actions side by side."""
    import shutil
    from collections import Counter

    from actorgraph.store.reviewers import add_reviewer

    work = Path(tempfile.mkdtemp(prefix="web-load-", dir=args.work_dir))
    copy = work / "store.duckdb"
    t0 = time.perf_counter()
    shutil.copy(args.store, copy)
    with Store.open(copy, create=False) as store:  # upgraded to this schema (migrations) as any command does
        _, token = add_reviewer(store, "benchmark")
    print(f"copied and upgraded {args.store} -> {copy} in {time.perf_counter() - t0:.0f} s; reviewer 'benchmark' added")
    actors = [a for a, _ in pick_actors(str(copy), args.actors)]
    pool = actors[-4 * args.workers:] if args.merge_every else []  # merged and given back: never read meanwhile
    actors = actors[:len(actors) - len(pool)]
    pairs = list(zip(pool[0::2], pool[1::2]))
    statements = pick_statements(str(copy), 400 * args.workers)
    proc, port = start_server(str(copy))
    try:
        print(f"{args.workers} clients for {args.seconds:g} s, {args.write_share:.0%} of steps review actions, "
              f"keep-alive, loopback port {port}")
        run_mixed(port, token, actors[:20], statements[:40], 2, 2.0, args.write_share)  # warm-up
        r = run_mixed(port, token, actors, statements[40:], args.workers, args.seconds, args.write_share, pairs,
                      args.merge_every)
        kinds = Counter(r["kinds"])
        print(f"reads: {len(r['read'])} in {r['seconds']:.1f} s, {len(r['read_errors'])} errors; {percentiles(r['read'])}"
              + (f"; errors e.g. {r['read_errors'][:3]}" if r["read_errors"] else ""))
        print(f"review actions: {len(r['write'])} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}), "
              f"{len(r['write_errors'])} errors; {percentiles(r['write'])}"
              + (f"; errors e.g. {r['write_errors'][:3]}" if r["write_errors"] else ""))
        for kind in ("merge", "undo merge"):
            took = [t for t, k in zip(r["write"], r["kinds"]) if k == kind]
            if took:
                print(f"  {kind}: {len(took)}; {percentiles(took)}")
        if r["timing"]:  # the server's own account of a review action (Server-Timing), medians
            parts = {k: statistics.median(t.get(k, 0.0) for t in r["timing"]) for k in r["timing"][0]}
            print("review actions inside the server, median ms: " + ", ".join(f"{k} {v:.1f}" for k, v in parts.items()))
    finally:
        stop_server(proc)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="the store to serve (opened read-only)")
    parser.add_argument("--seconds", type=float, default=30.0, help="time per endpoint (default 30)")
    parser.add_argument("--workers", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--actors", type=int, default=2000,
                        help="distinct actors asked about, drawn by articles, beside the 20 most cited (default 2000)")
    parser.add_argument("--cache", choices=("cold", "warm", "both"), default="both",
                        help="serve without kept answers (cold), with them (warm), or both side by side (default)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="cap per endpoint (default 100000)")
    parser.add_argument("--processes", type=int, default=1,
                        help="read-only serving processes (serve --read-only --processes N; default 1; not with --mixed)")
    parser.add_argument("--mixed", action="store_true", help="reads and review actions mixed, on a copy with a reviewer")
    parser.add_argument("--write-share", type=float, default=0.3, help="--mixed: share of steps that review (default 0.3)")
    parser.add_argument("--work-dir", default=None, help="--mixed: where the copy of the store goes (default: temp dir)")
    parser.add_argument("--keep", action="store_true", help="--mixed: keep the reviewed copy")
    parser.add_argument("--merge-every", type=int, default=0, metavar="N",
                        help="--mixed: every Nth review action of a client merges two actors, the next undoes it "
                             "(default 0: no merges)")
    args = parser.parse_args()
    if not Path(args.store).is_file():
        raise SystemExit(f"no store at {args.store}")
    if args.mixed:
        mixed(args)
        return
    with Store.open(args.store, create=False) as store:  # an older store is upgraded, as any command does
        print(f"schema version {store.version()}")
    actors = pick_actors(args.store, args.actors)
    endpoints = {
        "actor page  GET /api/actors/{id}": [f"/api/actors/{a}" for a, _ in actors],
        "network     GET /api/network/{id}?hops=2&limit=80": [f"/api/network/{a}?hops=2&limit=80" for a, _ in actors],
        "network*    GET /api/network/{id}?hops=2&limit=80&certainty=asserted,reported,uncertain (as the page asks)":
            [f"/api/network/{a}?hops=2&limit=80&certainty=asserted&certainty=reported&certainty=uncertain"
             for a, _ in actors],
        "type-ahead  GET /api/search?q=<first 3-6 letters>&limit=8":
            [f"/api/search?q={quote(n[:k])}&limit=8" for _, n in actors for k in (3, 6) if len(n) >= k],
    }
    modes = {"cold": [0], "warm": [None], "both": [0, None]}[args.cache]
    print(f"{args.workers} clients, {args.seconds:g} s per endpoint, keep-alive, {args.processes} serving process(es); "
          + ", ".join("kept answers off (cold)" if m == 0 else f"kept answers on (warm, default size)" for m in modes))
    results: dict[str, dict] = {}
    for cache_mb in modes:
        label = "cold" if cache_mb == 0 else "warm"
        proc, port = start_server(args.store, args.processes, cache_mb)
        try:
            for name, paths in endpoints.items():
                run(port, paths[:20], 2, 2.0, 200)  # warm-up: first queries, DuckDB's buffers
                r = run(port, paths, args.workers, args.seconds, args.max_requests)
                results[(name, label)] = r
                print(f"[{label}] {name}: {r['requests']} requests, {r['errors']} errors in {r['seconds']:.1f} s -> "
                      f"{r['rps']:.1f} req/s; latency ms p50 {r['p50']:.1f}, p95 {r['p95']:.1f}, p99 {r['p99']:.1f}, "
                      f"mean {r['mean']:.1f}; answered from kept answers {r['hit_rate']:.0%}"
                      + (f"; errors e.g. {r['error_sample']}" if r["errors"] else ""), flush=True)
        finally:
            stop_server(proc)
    if len(modes) == 2:
        print("side by side, p50 / p95 ms (cold -> warm, hit rate):")
        for name in endpoints:
            c, w = results[(name, "cold")], results[(name, "warm")]
            print(f"  {name.split(' GET')[0].strip():<12} {c['p50']:.0f} / {c['p95']:.0f} -> {w['p50']:.0f} / "
                  f"{w['p95']:.0f}  ({w['hit_rate']:.0%} kept; {c['rps']:.0f} -> {w['rps']:.0f} req/s)")


if __name__ == "__main__":
    main()
