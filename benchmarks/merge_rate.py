"""The bulk merge of pre-extracted shards: articles/s on one core, and the store it makes.

    python benchmarks/merge_rate.py --shards /tmp/bbc-shards [--limit N] [--repeat 3]

The first run extracts the BBC corpus (or its first --limit articles) into Parquet shards in
--shards with the local pipeline (--workers 2, no Ray needed); later runs reuse them. Then,
side by side in one run, best of --repeat, each into a fresh store:

    one-process   the extractions (in memory) stored as `ingest --batch-size N` stores them
    merge         `ingest --shards DIR --merge-batch-size N`: the shards read back from Parquet and merged

for N = 32 (`ingest`'s default, and the merge's default before it had its own) and 1000 (the
merge's default, `merge_batch_size`) (--batch 32 1000). An actor's id does not depend on which
articles share a transaction, so every store must equal the one-process store at 32, which is
what a default `ingest` makes: that is checked and printed.

It prints articles/s on the wall clock and per CPU-second of this process (DuckDB's threads
included; on a shared machine the CPU rate is the one-core rate), the ratio, peak memory, and
whether the stores hold the same graph (every row of every table but timestamps).
DuckDB runs with one thread (`SET threads = 1`), so that this is one core's rate.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "scale"))

from actorgraph.extraction import extract_stream  # noqa: E402
from actorgraph.model import Article  # noqa: E402
from actorgraph.scale import Staging, merge_staged, plan_shards  # noqa: E402
from actorgraph.scale.shards import read_shard  # noqa: E402
from actorgraph.settings import Settings  # noqa: E402
from actorgraph.store import Store  # noqa: E402
from actorgraph.store.ingest import store_batch  # noqa: E402

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"


def stage(folder: Path, corpus: Path, limit: int | None, workers: int) -> Staging:
    """The corpus extracted into shards of 200 lines (once; a later run finds them)."""
    staging = Staging(folder)
    settings = Settings.load(workers=workers)
    shards = plan_shards([str(corpus)], settings)
    if limit:
        shards = [s for s in shards if s.start <= limit]
    staging.write_manifest(shards)
    for shard in shards:
        if staging.is_staged(shard.id):
            continue
        started = time.perf_counter()
        items = list(extract_stream(read_shard(shard, settings), settings))
        staging.write(shard, items)
        print(f"  staged {shard.describe()}: {len(items)} items in {time.perf_counter() - started:.0f}s", flush=True)
    return staging


def one_process(staging: Staging, path: Path, batch: int) -> int:
    """Store the extractions (held in memory) as `ingest --batch-size N` does: N per transaction."""
    extractions = [x for s in staging.manifest() for x in staging.read(s.id) if hasattr(x, "article")]
    with Store.open(path) as store:
        store.conn.execute("SET threads = 1")
        for i in range(0, len(extractions), batch):
            store_batch(store, extractions[i:i + batch])
    return len(extractions)


def merge(staging: Staging, path: Path, batch: int) -> int:
    """`ingest --shards DIR --merge-batch-size N`: read the Parquet shards back and merge them."""
    with Store.open(path) as store:
        store.conn.execute("SET threads = 1")
        report, _ = merge_staged(store, staging, Settings.load(merge_batch_size=batch))
    return report.stored


def timed(fn, *args) -> tuple[int, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    n = fn(*args)
    return n, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shards", required=True, help="staging folder (made on the first run)")
    ap.add_argument("--corpus", default=str(BBC))
    ap.add_argument("--limit", type=int, default=None, help="the first N articles only (whole shards of 200)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="extraction processes for the first run")
    ap.add_argument("--batch", type=int, nargs="+", default=[32, 1000],
                    help="articles per transaction (--batch-size): 32 is ingest's default")
    args = ap.parse_args()
    staging = stage(Path(args.shards), Path(args.corpus), args.limit, args.workers)
    import datasketch, rigour  # noqa: F401,E401 - imported once before timing, as in a long-running ingest

    from stores import differences

    best: dict[str, tuple[int, float, float]] = {}
    same: dict[str, list[str]] = {}
    default = Settings().merge_batch_size
    with tempfile.TemporaryDirectory() as tmp:
        reference = Path(tmp) / "one-process-32-0.duckdb"  # what a default `ingest` makes
        for r in range(args.repeat):  # interleaved, best of N
            for batch in args.batch:
                for name, fn in (("one-process", one_process), ("merge", merge)):
                    path = Path(tmp) / f"{name}-{batch}-{r}.duckdb"
                    n, wall, cpu = timed(fn, staging, path, batch)
                    print(f"  run {r + 1} {name:12s} batch {batch:5d}: {n} articles in {wall:.1f}s (cpu {cpu:.1f}s)",
                          flush=True)
                    key = f"{name} {batch}"
                    if key not in best or wall < best[key][1]:
                        best[key] = (n, wall, cpu)
        if not reference.exists():
            one_process(staging, reference, 32)
        for path in sorted(Path(tmp).glob("*-0.duckdb")):
            if path != reference:
                same[path.stem[:-2]] = differences(path, reference)
    print(f"\n{'path, batch':18s} {'articles':>8s} {'wall s':>7s} {'art/s':>7s} {'cpu s':>7s} {'art/cpu-s':>9s}")
    for name, (n, wall, cpu) in best.items():
        mark = "  <- the merge's default" if name == f"merge {default}" else ""
        print(f"{name:18s} {n:8d} {wall:7.1f} {n / wall:7.0f} {cpu:7.1f} {n / cpu:9.0f}{mark}")
    for batch in args.batch:
        (n1, w1, c1), (n2, w2, c2) = best[f"one-process {batch}"], best[f"merge {batch}"]
        print(f"batch {batch}: merge / one-process {w1 / w2:.2f}x wall, {c1 / c2:.2f}x cpu")
    if f"merge {default}" in best and "merge 32" in best:
        (n1, w1, c1), (n2, w2, c2) = best["merge 32"], best[f"merge {default}"]
        print(f"merge at its default ({default}) / at 32: {n2 / c2:.0f} / {n1 / c1:.0f} articles per CPU-second = "
              f"{(n2 / c2) / (n1 / c1):.2f}x")
    for name, diff in same.items():
        print(f"{name} store equals a default ingest's (one process, batch 32): "
              + ("yes" if not diff else f"NO: {diff}"))
    print("target: merge >= 200 articles/s on one core at the default settings")
    print(f"peak memory (ru_maxrss) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
