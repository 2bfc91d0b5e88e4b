"""Time the commands that do not extract, and a re-ingest where every article is already stored.

    .venv/bin/python benchmarks/cli_timings.py [--runs 10] [--articles 300] [--work DIR] [--src DIR]

Builds what it needs in a temporary folder (or --work DIR, kept and reused by later runs):
a small store (the 4 files of samples/ plus the first --small BBC records) and a store of
--articles BBC records (../shared/corpora/bbc-news-2095.jsonl.gz, written as one .jsonl file
and ingested once). Then runs each command --runs times as its own process through the
`actorgraph` console script and prints the median wall time beside its target, and whether
the command imported spaCy (checked in a separate run that reports `sys.modules`):

    actorgraph --help                               target < 0.3 s
    actorgraph stats --store SMALL                  target < 0.5 s
    actorgraph ingest BBC300.jsonl --store BIG      (every article stored) target < 2 s
    actorgraph show / export --format csv           for information

Last, `python -X importtime -c "import actorgraph.cli"`: the import time of the CLI module
and its ratio to a bare interpreter start.

--src DIR puts DIR first on the children's PYTHONPATH, to time another tree's code, e.g. the
commit before a change: `git archive HEAD~1 src | tar -x -C /tmp/base` then `--src /tmp/base/src`.
Speed is measured here only, never asserted in the unit tests.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BBC = ROOT.parent / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"
CLI = Path(sys.executable).parent / "actorgraph"  # the console script, as users run it

# Runs the CLI in-process, then writes to the file named first whether spaCy was imported (even
# after --help's exit).
PROBE = """
import sys
out = sys.argv.pop(1)
from actorgraph.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
finally:
    with open(out, "w") as f:
        f.write("yes" if "spacy" in sys.modules else "no")
"""


def env(src: str | None) -> dict[str, str]:
    e = dict(os.environ)
    if src:
        e["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [e.get("PYTHONPATH")])])
    return e


def run(args: list[str], src: str | None, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, capture_output=True, text=True, env=env(src))
    if check and proc.returncode not in (0,):
        sys.exit(f"failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr[-2000:]}")
    return proc


def timed(args: list[str], runs: int, src: str | None) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run(args, src)
        times.append(time.perf_counter() - started)
    return times


def imports_spacy(cli_args: list[str], src: str | None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "spacy"
        subprocess.run([sys.executable, "-c", PROBE, str(out), *cli_args], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env(src))
        return out.read_text() if out.exists() else "?"


def bbc_records(n: int, skip: int = 0) -> list[str]:
    out = []
    with gzip.open(BBC, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < skip:
                continue
            if len(out) >= n:
                break
            out.append(line if line.endswith("\n") else line + "\n")
    return out


def build(work: Path, articles: int, small: int, src: str | None) -> tuple[Path, Path, Path]:
    """The small store, the big store and its input; each built once per work folder."""
    small_in, big_in = work / "small-bbc.jsonl", work / f"bbc{articles}.jsonl"
    small_store, big_store = work / "small.duckdb", work / f"bbc{articles}.duckdb"
    if not small_in.exists():
        small_in.write_text("".join(bbc_records(small)), encoding="utf-8")
    if not big_in.exists():
        big_in.write_text("".join(bbc_records(articles)), encoding="utf-8")
    for store, inputs in ((small_store, [str(SAMPLES), str(small_in)]), (big_store, [str(big_in)])):
        if not store.exists():
            print(f"building {store.name} (extracts every article once) ...", flush=True)
            started = time.perf_counter()
            proc = run([str(CLI), "ingest", *inputs, "--store", str(store), "-q"], src, check=False)
            if proc.returncode not in (0, 1):
                sys.exit(f"ingest failed:\n{proc.stderr[-2000:]}")
            print(f"  {proc.stderr.strip().splitlines()[-1]} ({time.perf_counter() - started:.0f}s)", flush=True)
    return small_store, big_store, big_in


def import_ratio(src: str | None) -> str:
    bare = statistics.median(timed([sys.executable, "-c", "pass"], 5, src))
    proc = run([sys.executable, "-X", "importtime", "-c", "import actorgraph.cli"], src)
    cumulative = [int(m.group(1)) for m in re.finditer(r"\|\s*(\d+)\s*\|\s*actorgraph\.cli\s*$", proc.stderr, re.M)]
    cli_s = cumulative[-1] / 1e6 if cumulative else float("nan")
    return (f"import actorgraph.cli: {cli_s:.3f}s (-X importtime, cumulative); bare interpreter start "
            f"{bare:.3f}s; ratio {cli_s / bare:.1f}x")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10, help="runs per command (median printed; default 10)")
    ap.add_argument("--articles", type=int, default=300, help="BBC records of the re-ingest store (default 300)")
    ap.add_argument("--small", type=int, default=20, help="BBC records added to samples/ in the small store")
    ap.add_argument("--work", default=None, metavar="DIR", help="keep the stores here and reuse them")
    ap.add_argument("--src", default=None, metavar="DIR", help="put DIR first on the children's PYTHONPATH")
    ap.add_argument("--build-only", action="store_true", help="build the stores in --work and stop")
    opts = ap.parse_args()
    if not BBC.is_file():
        sys.exit(f"the BBC corpus is absent: {BBC}")

    holder = None
    if opts.work:
        work = Path(opts.work)
        work.mkdir(parents=True, exist_ok=True)
    else:
        holder = tempfile.TemporaryDirectory(prefix="cli-timings-")
        work = Path(holder.name)
    src = str(Path(opts.src).resolve()) if opts.src else None
    small_store, big_store, big_in = build(work, opts.articles, opts.small, src)
    if opts.build_only:
        return 0
    top = json.loads(run([str(CLI), "stats", "--json", "--store", str(small_store)], src).stdout)
    name = (top.get("most_connected") or top.get("most_cited") or [{}])[0].get("name", "Hezbollah")

    cases = [
        ("actorgraph --help", ["--help"], 0.3),
        ("actorgraph stats (small store)", ["stats", "--store", str(small_store)], 0.5),
        (f"actorgraph ingest: no-op re-ingest of {opts.articles} stored articles",
         ["ingest", str(big_in), "--store", str(big_store)], 2.0),
        (f"actorgraph show {name!r} (small store)", ["show", name, "--store", str(small_store)], None),
        ("actorgraph export --format csv (small store)",
         ["export", "--format", "csv", "--out", str(work / "csv"), "--store", str(small_store)], None),
    ]
    print(f"{'command':62} {'median':>8} {'min':>7} {'max':>7}  target   spaCy imported")
    failed = False
    for label, args, target in cases:
        times = timed([str(CLI), *args], opts.runs, src)
        med = statistics.median(times)
        verdict = "" if target is None else f"< {target:.1f}s {'ok' if med < target else 'MISSED'}"
        failed |= target is not None and med >= target
        print(f"{label:62} {med:7.3f}s {min(times):6.3f}s {max(times):6.3f}s  {verdict:11}  "
              f"{imports_spacy(args, src)}", flush=True)
    print(import_ratio(src))
    if holder is not None:
        holder.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
