"""Latency of the read path on a big store: `show`, the actor page, the network, the type-ahead and `path`,
over actors of every size.

    .venv/bin/python benchmarks/read_path.py --store /tmp/big.duckdb [--per-size 20] [--hubs 10] [--pairs 60]

The actors are sampled by size (articles naming them, from actor_stats): the `--hubs` biggest
always, then `--per-size` at random from each decade (1, 2-9, 10-99, ...). Each question is
asked once per actor after one warm-up call; printed: median, p95 and max in ms over all
actors, and the median of each size band, so a slow hub is not hidden by many small actors;
with the CPU time of this process (DuckDB's threads included) beside the wall time, since on a
shared machine the wall time mostly measures the other tenants (the load average is printed).
`path` runs over pairs of hubs, pairs of random linked actors, and hub-to-random pairs.

Run it with another checkout on PYTHONPATH to compare code on one store (the store is opened
read-only, so a store of a newer schema is read by older code for the questions both know).
"""
from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import time
from collections import defaultdict

from actorgraph import query
from actorgraph.errors import StoreError
from actorgraph.store import Store
from actorgraph.web import network
from actorgraph.web.catalogue import actor_page, search_actors


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(math.ceil(p * len(values))) - 1)]


def sample(store: Store, hubs: int, per_size: int, seed: int) -> list[tuple[str, int]]:
    """(actor id, articles) of the biggest actors and of random ones from each size decade."""
    rng = random.Random(seed)
    top = store.rows("SELECT actor_id, articles FROM actor_stats ORDER BY articles DESC, actor_id LIMIT ?", [hubs])
    chosen = dict(top)
    biggest = top[0][1] if top else 1
    for low in (10 ** k for k in range(int(math.log10(biggest)) + 1)):
        band = store.rows("SELECT actor_id, articles FROM actor_stats WHERE articles >= ? AND articles < ? "
                          "ORDER BY actor_id", [low, low * 10])
        for actor_id, n in rng.sample(band, min(per_size, len(band))):
            chosen.setdefault(actor_id, n)
    return sorted(chosen.items(), key=lambda x: (-x[1], x[0]))


def band(n: int) -> str:
    low = 10 ** int(math.log10(max(n, 1)))
    return f"{low}-{low * 10 - 1}" if low > 1 else "1-9"


def timed(label: str, calls: list, run, sizes: list[int] | None = None) -> None:
    times, cpu, by_band, refused = [], [], defaultdict(list), 0
    for i, arg in enumerate(calls):
        t, c = time.perf_counter(), time.process_time()
        try:
            run(arg)
        except StoreError:
            refused += 1
            continue
        ms = (time.perf_counter() - t) * 1000
        times.append(ms)
        cpu.append((time.process_time() - c) * 1000)
        if sizes:
            by_band[band(sizes[i])].append(ms)
    line = (f"{label}: median {statistics.median(times):.1f} ms, p95 {pct(times, 0.95):.1f} ms, "
            f"max {max(times):.1f} ms over {len(times)}" + (f" ({refused} refused)" if refused else "")
            + f"; CPU time median {statistics.median(cpu):.1f} ms, p95 {pct(cpu, 0.95):.1f} ms")
    if by_band:
        line += "\n    median by actor size (articles): " + ", ".join(
            f"{b}: {statistics.median(v):.1f}" for b, v in sorted(by_band.items(), key=lambda x: int(x[0].split('-')[0])))
    print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--hubs", type=int, default=10, help="the biggest actors, always asked (default 10)")
    ap.add_argument("--per-size", type=int, default=20, help="random actors per size decade (default 20)")
    ap.add_argument("--pairs", type=int, default=60, help="pairs of each kind for path (default 60)")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    print(f"load average at start: {' '.join(open('/proc/loadavg').read().split()[:3])} on {os.cpu_count()} cores")
    with Store.open(args.store, read_only=True) as store:
        arts, actors, relations = (store.value(f"SELECT count(*) FROM {t}") for t in ("articles", "actors", "relations"))
        print(f"store {args.store}: {arts:,} articles, {actors:,} actors, {relations:,} relations", flush=True)
        chosen = sample(store, args.hubs, args.per_size, args.seed)
        ids, sizes = [a for a, _ in chosen], [n for _, n in chosen]
        print(f"{len(ids)} actors: sizes {sizes[0]:,} .. {sizes[-1]:,} articles; "
              + ", ".join(f"{b} {sum(band(n) == b for n in sizes)}" for b in dict.fromkeys(band(n) for n in sizes)))
        t = time.perf_counter()
        query.show(store, ids[0])
        print(f"first call (cold, the biggest hub): {(time.perf_counter() - t) * 1000:.0f} ms", flush=True)
        timed("show", ids, lambda a: query.show(store, a), sizes)
        timed("actor page (GET /api/actors/{id} body)", ids, lambda a: actor_page(store, a), sizes)
        timed("network, 2 hops, 80 actors (GET /api/network/{id} body)", ids,
              lambda a: network.neighbourhood(store, a, hops=2, limit=80), sizes)
        names = [n for (n,) in store.rows("SELECT name FROM actors WHERE id IN (SELECT unnest(?))", [ids])]
        typed = [n[:k] for n in names for k in (3, 6) if len(n) >= k]
        timed("type-ahead, first 3 and 6 letters of each name (GET /api/search body)", typed,
              lambda q: search_actors(store, q, limit=8))
        rng = random.Random(args.seed)
        hubs = ids[:args.hubs]
        linked = [a for (a,) in store.rows("SELECT subject FROM relations USING SAMPLE 5000 ROWS (reservoir, 7)")]
        pairs = {
            "hub to hub": [tuple(rng.sample(hubs, 2)) for _ in range(args.pairs)],
            "random linked": [tuple(rng.sample(linked, 2)) for _ in range(args.pairs)],
            "hub to random linked": [(rng.choice(hubs), rng.choice(linked)) for _ in range(args.pairs)],
        }
        for label, ps in pairs.items():
            ps = [p for p in ps if p[0] != p[1]]
            found = sum(bool(query.path(store, a, b)["chains"]) for a, b in ps[:10])
            timed(f"path, {label} ({found}/10 first pairs linked)", ps, lambda ab: query.path(store, *ab))
            timed(f"path --direction any, {label}", ps, lambda ab: query.path(store, *ab, direction="any"))
    print(f"load average at end: {' '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
