"""Build a store from the BBC corpus and time ingest and the two main questions.

    python benchmarks/store_benchmark.py [--articles N] [--store FILE] [--samples K]

The corpus is extracted once (spaCy, the real pipeline) and stored; to reach N articles the
extractions are stored again under distinct sources (`bbc#L12@copy3`), so the store grows as
with N distinct articles while the extraction cost is paid once. Prints ingest articles/s
(extract+store for the first pass, store only for copies), peak memory (ru_maxrss), store
size, and median / 95th percentile latency of `show` and `path` over sampled actors.
"""
from __future__ import annotations

import argparse
import os
import pickle
import random
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from actorgraph import query
from actorgraph.extraction import extract_stream
from actorgraph.intake import read_articles
from actorgraph.model import Extraction
from actorgraph.settings import Settings
from actorgraph.store import Store, add_extraction

BBC = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2095)
    ap.add_argument("--store", default=None)
    ap.add_argument("--samples", type=int, default=100, help="actors (and actor pairs) timed")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    path = Path(args.store or tempfile.mkdtemp() + "/bbc.duckdb")
    if path.exists():
        path.unlink()
    settings = Settings.load(workers=args.workers)
    cache = Path(tempfile.mkstemp(suffix=".pickle")[1])
    store = Store.open(path)
    n, storing = 0, 0.0
    t0 = time.perf_counter()
    with cache.open("wb") as out:
        for item in extract_stream(read_articles([str(BBC)], settings), settings):
            if not isinstance(item, Extraction):
                continue
            ts = time.perf_counter()
            add_extraction(store, item)
            storing += time.perf_counter() - ts
            pickle.dump(item, out)
            n += 1
            if n >= args.articles:
                break
    first = time.perf_counter() - t0
    print(f"pass 1 (extract + store): {n} articles in {first:.1f}s = {n / first:.1f} articles/s "
          f"({storing / n * 1000:.0f} ms of it per article in the store)")
    copies, t1, copy = 0, time.perf_counter(), 1
    while n < args.articles:
        copy += 1
        with cache.open("rb") as f:
            while n < args.articles:
                try:
                    ex = pickle.load(f)
                except EOFError:
                    break
                article = replace(ex.article, source=f"{ex.article.source}@copy{copy}")
                add_extraction(store, replace(ex, article=article))
                n += 1
                copies += 1
    if copies:
        t = time.perf_counter() - t1
        print(f"copies (store only): {copies} articles in {t:.1f}s = {copies / t:.1f} articles/s")
    cache.unlink()
    store.close()
    print(f"store: {n} articles, {path.stat().st_size / 1e6:.1f} MB at {path}")
    print(f"peak memory (ru_maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    with Store.open(path) as store:
        counts = query.stats(store)["counts"]
        print("counts: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        ids = [i for (i,) in store.rows("SELECT DISTINCT actor_id FROM article_actors ORDER BY actor_id")]
        rng = random.Random(5)
        sample = rng.sample(ids, min(args.samples, len(ids)))
        names = dict(store.rows("SELECT id, name FROM actors"))
        for label, run in (
            ("show", lambda i: query.show(store, i)),
            ("path", lambda i: query.path(store, i, rng.choice(ids) if len(ids) > 1 else i,
                                          predicates=None)),
        ):
            times = []
            for actor_id in sample:
                t = time.perf_counter()
                try:
                    run(actor_id)
                except Exception as exc:  # the same actor drawn twice for path: skip
                    if label != "path":
                        raise
                    print(f"  path skipped for {names[actor_id]}: {exc}")
                    continue
                times.append((time.perf_counter() - t) * 1000)
            print(f"{label}: median {statistics.median(times):.1f} ms, p95 {pct(times, 0.95):.1f} ms over {len(times)} actors")


if __name__ == "__main__":
    main()
