"""Time the review actions of the Python API on a large store, beside a read of the same statement.

    python benchmarks/review_actions.py --store /tmp/scale-100k.duckdb [--n 200] [--in-place]

The store is copied to a temporary file first (reviews write to it; --in-place writes to the
store itself). For N statements picked at random (seeded) it times, one after the other and
interleaved statement by statement: `statement` (the read a page makes before a write),
`reject_statement`, `undo`, `correct_statement` (reverse), `confirm_statement`; and for N/4
edges `edge` and `confirm_edge` followed by its undo. Prints the median, 95th percentile and
worst latency in ms of each, and the ratio of each write's median to the read's. The target
(issue 16) is a median under 100 ms on a store of 100k articles; review-web's loopback load
benchmark measures the same actions through HTTP under concurrent load.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from actorgraph.store import (Store, confirm_edge, confirm_statement, correct_statement, edge, reject_statement,
                              statement, undo)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="a store file (copied unless --in-place)")
    parser.add_argument("--n", type=int, default=200, help="statements reviewed (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--in-place", action="store_true", help="review the store itself, not a copy")
    args = parser.parse_args()

    path = Path(args.store)
    tmp = None
    if not args.in_place:
        tmp = Path(tempfile.mkdtemp(prefix="review-bench-"))
        started = time.perf_counter()
        shutil.copy(path, tmp / "store.duckdb")
        path = tmp / "store.duckdb"
        print(f"copied the store in {time.perf_counter() - started:.1f}s", flush=True)
    try:
        started = time.perf_counter()
        with Store.open(path) as store:  # brings the schema up to date (the review tables)
            print(f"opened (and migrated) in {time.perf_counter() - started:.1f}s: "
                  f"{store.article_count():,} articles, {store.value('SELECT count(*) FROM statements'):,} statements",
                  flush=True)
            ids = [i for (i,) in store.rows(f"SELECT DISTINCT id FROM statements USING SAMPLE "
                                            f"reservoir({int(args.n)} ROWS) REPEATABLE ({int(args.seed)})")]
            times: dict[str, list[float]] = {k: [] for k in ("statement (read)", "reject", "undo", "correct (reverse)",
                                                             "confirm", "edge (read)", "confirm-edge + undo")}

            def timed(name: str, fn):
                t = time.perf_counter()
                out = fn()
                times[name].append((time.perf_counter() - t) * 1000)
                return out

            for i, sid in enumerate(ids):
                s = timed("statement (read)", lambda: statement(store, sid))
                r = timed("reject", lambda: reject_statement(store, sid, version=s.version, reviewer="bench",
                                                             reason="benchmark"))
                timed("undo", lambda: undo(store, r.seq, reviewer="bench"))
                s = statement(store, sid)
                timed("correct (reverse)", lambda: correct_statement(store, sid, version=s.version, reviewer="bench",
                                                                     reverse=True))
                s = statement(store, sid)
                timed("confirm", lambda: confirm_statement(store, sid, version=s.version, reviewer="bench"))
                if i % 4 == 0:
                    e = timed("edge (read)", lambda: edge(store, s.relation_id))
                    t = time.perf_counter()
                    d = confirm_edge(store, e.id, version=e.version, reviewer="bench")
                    undo(store, d.seq, reviewer="bench")
                    times["confirm-edge + undo"].append((time.perf_counter() - t) * 1000)
        base = statistics.median(times["statement (read)"])
        print(f"{'action':<22} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'x read':>7}")
        for name, values in times.items():
            med = statistics.median(values)
            print(f"{name:<22} {len(values):>5} {med:>10.1f} {pct(values, 0.95):>8.1f} {max(values):>8.1f} "
                  f"{med / base:>7.1f}")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
