"""Build a large store from the BBC corpus and time ingest, memory, size and the two main questions.

Two steps, run as two processes so that the store's peak memory is not hidden by spaCy's:

    python benchmarks/store_benchmark.py --extract-only --cache /tmp/bbc.pickle [--limit N]
        extract the corpus once with the real pipeline, storing each article in a fresh store
        as it comes (the full pipeline: extract + store); cache the extractions in FILE
    python benchmarks/store_benchmark.py --cache /tmp/bbc.pickle --articles 100000 --store FILE
        store the cached extractions again and again under distinct identities
        (source `...#L12@copy3`) until the store holds N articles (store only, no spaCy):
        the first copy one transaction per article as `ingest` does, the rest in batches of
        --batch articles per transaction; then time `show` and `path` on the full store

Prints articles/s of each step, peak memory (ru_maxrss) of the process, the store's size on
disk, and median / 95th percentile latency of `show` over the most connected and random
actors and of `path` over pairs of them.
"""
from __future__ import annotations

import argparse
import pickle
import random
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from actorgraph import query
from actorgraph.errors import StoreError
from actorgraph.extraction import extract_stream
from actorgraph.intake import read_articles
from actorgraph.model import Extraction
from actorgraph.settings import Settings
from actorgraph.store import Store, add_extraction, add_extractions

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def say(text: str) -> None:
    print(text, flush=True)


def extract(cache: Path, store_path: Path, limit: int | None, workers: int) -> None:
    """The full pipeline on real articles: read, extract, store; the extractions go to the cache."""
    if store_path.exists():
        store_path.unlink()
    settings = Settings.load(workers=workers)
    n, storing, started = 0, 0.0, time.perf_counter()
    with Store.open(store_path) as store, cache.open("wb") as out:
        for item in extract_stream(read_articles([str(BBC)], settings), settings):
            if not isinstance(item, Extraction):
                say(f"  skipped {item}")
                continue
            t = time.perf_counter()
            add_extraction(store, item)
            storing += time.perf_counter() - t
            pickle.dump(item, out, protocol=pickle.HIGHEST_PROTOCOL)
            n += 1
            if n % 100 == 0:
                say(f"  {n} articles, {n / (time.perf_counter() - started):.2f}/s")
            if limit and n >= limit:
                break
    took = time.perf_counter() - started
    say(f"full pipeline (read + extract + store), {workers} worker(s): {n} articles in {took:.1f}s "
        f"= {n / took:.2f} articles/s; storing took {storing / n * 1000:.1f} ms per article")
    say(f"peak memory (ru_maxrss) of the extraction process: {peak_mb():.0f} MB")
    say(f"real store: {store_path.stat().st_size / 1e6:.1f} MB at {store_path}; cache {cache}")


def cached(cache: Path) -> list[Extraction]:
    items = []
    with cache.open("rb") as f:
        while True:
            try:
                items.append(pickle.load(f))
            except (EOFError, pickle.UnpicklingError):  # the end, or a cache cut short by a killed run
                return items


def build(cache: Path, store_path: Path, articles: int, batch: int) -> None:
    """Store the cached extractions under distinct identities until the store holds `articles`.

    The first copy goes in one transaction per article (as `actorgraph ingest` writes); the
    rest with `add_extractions`, `batch` articles per transaction (a bulk load).
    """
    if store_path.exists():
        store_path.unlink()
    items = cached(cache)
    say(f"{len(items)} cached extractions; building {articles} articles")

    def copies():
        copy = 0
        while True:
            copy += 1
            for ex in items:
                source = ex.article.source if copy == 1 else f"{ex.article.source}@copy{copy}"
                yield replace(ex, article=replace(ex.article, source=source))

    stream = copies()
    started = time.perf_counter()
    with Store.open(store_path) as store:
        first = min(len(items), articles)
        for _ in range(first):
            add_extraction(store, next(stream))
        took = time.perf_counter() - started
        say(f"store only, one transaction per article: {first} articles in {took:.1f}s = {first / took:.1f} articles/s")
        n, t0, last = first, time.perf_counter(), time.perf_counter()
        while n < articles:
            size = min(batch, articles - n)
            add_extractions(store, [next(stream) for _ in range(size)])
            n += size
            if n // 5000 != (n - size) // 5000:
                now = time.perf_counter()
                say(f"  {n} articles, {n - first} in batches: {(n - first) / (now - t0):.0f}/s overall, "
                    f"{store_path.stat().st_size / 1e6:.0f} MB")
        if n > first:
            took = time.perf_counter() - t0
            say(f"store only, {batch} articles per transaction: {n - first} articles in {took:.1f}s "
                f"= {(n - first) / took:.1f} articles/s")
    say(f"total build: {n} articles in {time.perf_counter() - started:.1f}s")
    say(f"peak memory (ru_maxrss) of the store process: {peak_mb():.0f} MB")
    say(f"store size: {store_path.stat().st_size / 1e6:.1f} MB at {store_path}")


def timed(label: str, calls: list, run) -> None:
    times, errors = [], 0
    for arg in calls:
        t = time.perf_counter()
        try:
            run(arg)
        except StoreError:
            errors += 1
            continue
        times.append((time.perf_counter() - t) * 1000)
    say(f"{label}: median {statistics.median(times):.1f} ms, p95 {pct(times, 0.95):.1f} ms, "
        f"max {max(times):.1f} ms over {len(times)} queries" + (f" ({errors} refused)" if errors else ""))


def latency(store_path: Path, samples: int) -> None:
    """Median and p95 of `show` and `path` over the most connected and random actors."""
    with Store.open(store_path, create=False) as store:
        counts = query.stats(store)["counts"]
        say("counts: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        linked = [i for (i,) in store.rows("""
            SELECT id FROM (SELECT subject AS id, object AS other FROM relations
                            UNION ALL SELECT object, subject FROM relations)
            GROUP BY id ORDER BY count(DISTINCT other) DESC, id""")]
        rng = random.Random(5)
        half = samples // 2
        top = linked[:half]
        some = rng.sample(linked, min(half, len(linked)))
        query.show(store, top[0])  # first query pays for loading the file's pages
        timed(f"show, {len(top)} most connected actors", top, lambda i: query.show(store, i))
        timed(f"show, {len(some)} random linked actors", some, lambda i: query.show(store, i))
        pairs_top = [tuple(rng.sample(top, 2)) for _ in range(half)]
        pairs_any = [tuple(rng.sample(linked, 2)) for _ in range(half)]
        for label, pairs in (("most connected", pairs_top), ("random linked", pairs_any)):
            found = sum(bool(query.path(store, a, b)["chains"]) for a, b in pairs[:20])
            timed(f"path, {len(pairs)} pairs of {label} actors ({found}/20 first pairs linked)", pairs,
                  lambda ab: query.path(store, *ab))
            timed(f"path --direction any, {len(pairs)} pairs of {label} actors", pairs,
                  lambda ab: query.path(store, *ab, direction="any"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", required=True, type=Path, help="the pickled extractions (written by --extract-only)")
    ap.add_argument("--extract-only", action="store_true", help="extract the corpus and write the cache")
    ap.add_argument("--limit", type=int, default=None, help="articles of the corpus to extract (default all)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--articles", type=int, default=100_000, help="articles in the built store")
    ap.add_argument("--store", type=Path, default=Path("/tmp/actorgraph-benchmark.duckdb"))
    ap.add_argument("--batch", type=int, default=100, help="articles per transaction after the first copy")
    ap.add_argument("--samples", type=int, default=200, help="queries timed per question")
    ap.add_argument("--queries-only", action="store_true", help="time the questions on an existing store")
    args = ap.parse_args()
    if args.extract_only:
        extract(args.cache, args.store, args.limit, args.workers)
        return
    if not args.queries_only:
        if not args.cache.is_file():
            sys.exit(f"no cache at {args.cache}; run with --extract-only first")
        build(args.cache, args.store, args.articles, args.batch)
    latency(args.store, args.samples)


if __name__ == "__main__":
    main()
