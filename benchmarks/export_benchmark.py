"""Time every export format on a store: seconds, records, size on disk and peak memory.

    python benchmarks/export_benchmark.py --store FILE [--formats ftm,gexf,...] [--actor NAME --hops N]

Build the store first, e.g. `actorgraph ingest ../shared/corpora/bbc-news-2095.jsonl.gz
--store /tmp/bbc.duckdb` (or with benchmarks/store_benchmark.py for a larger one). Each
format runs in its own process, so each peak memory (ru_maxrss) is that format's alone; the
store is copied first, as an export opens it for writing its temporary selection tables.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("ftm", "gexf", "graphml", "neo4j", "csv", "parquet")


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def one(store: str, fmt: str, out: str, actor: str | None, hops: int) -> None:
    """Export once in this process and print a JSON line of figures."""
    from actorgraph.export import Filters, export_store
    from actorgraph.store import Store

    started = time.perf_counter()
    with Store.open(store, create=False) as st:
        articles = st.article_count()
        report = export_store(st, fmt, out, Filters(actor=actor, hops=hops))
    seconds = time.perf_counter() - started
    print(json.dumps({"format": fmt, "articles": articles, "records": report.records, "seconds": seconds,
                      "bytes": _size(Path(out)), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "selected": report.selected}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--actor", default=None)
    ap.add_argument("--hops", type=int, default=1)
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--out", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.store, args.one, args.out, args.actor, args.hops)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store.duckdb"
        shutil.copy(args.store, store)
        print(f"{'format':8} {'articles':>8} {'records':>9} {'seconds':>8} {'records/s':>10} {'MB out':>8} {'peak MB':>8}")
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"out-{fmt}"
            cmd = [sys.executable, __file__, "--store", str(store), "--one", fmt, "--out", str(out), "--hops", str(args.hops)]
            if args.actor:
                cmd += ["--actor", args.actor]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"{fmt:8} failed: {proc.stderr.strip().splitlines()[-1]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{fmt:8} {r['articles']:8d} {r['records']:9d} {r['seconds']:8.2f} {r['records'] / r['seconds']:10.0f} "
                  f"{r['bytes'] / 1e6:8.2f} {r['peak_mb']:8.0f}")
            shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
