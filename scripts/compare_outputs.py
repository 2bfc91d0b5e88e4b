"""Compare the extraction output of this checkout with another commit's, and print every difference.

    python scripts/compare_outputs.py [--ref main] [--bbc 500] [--keep DIR]

Extracts the same inputs twice with the same venv: once with the source of git REF (checked out
into a temporary worktree and put first on PYTHONPATH), once with this working tree. The inputs
are the annotated dev articles (../shared/eval/dev/*.txt), the first N records of the BBC
corpus (../shared/corpora/bbc-news-2095.jsonl.gz) and samples/. Each output JSON file is
compared record by record; the script prints one line per differing record (actors, relations,
events, quotes, figures, document) and a total, and exits 1 when anything differs.

The `extractor` names are ignored where they only carry the version string.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KINDS = ("entities", "relations", "events", "quotes", "figures")


def _inputs(folder: Path, bbc: int) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {"samples": [str(ROOT / "samples")]}
    dev = SHARED / "eval" / "dev"
    if dev.is_dir():
        sets["dev"] = [str(p) for p in sorted(dev.glob("*.txt"))]
    corpus = SHARED / "corpora" / "bbc-news-2095.jsonl.gz"
    if bbc and corpus.is_file():
        path = folder / f"bbc-{bbc}.jsonl.gz"
        with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as dst:
            dst.writelines(islice(src, bbc))
        sets["bbc"] = [str(path)]
    return sets


def _extract(src: Path | None, inputs: list[str], out: Path) -> None:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "actorgraph.cli", "extract", *inputs, "--out", str(out), "-q"],
                          env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"extraction with {src or 'this tree'} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


def _records(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("extractor", None)
    return data


def _describe(kind: str, item) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)[:300]


def compare(old: Path, new: Path, label: str) -> int:
    diffs = 0
    names = sorted({p.name for p in old.glob("*.json")} | {p.name for p in new.glob("*.json")})
    for name in names:
        a, b = old / name, new / name
        if not a.exists() or not b.exists():
            print(f"{label}/{name}: only in {'new' if b.exists() else 'old'}")
            diffs += 1
            continue
        ra, rb = _records(a), _records(b)
        if ra.get("document") != rb.get("document"):
            print(f"{label}/{name}: document differs")
            diffs += 1
        for kind in KINDS:
            xa = [json.dumps(x, sort_keys=True, ensure_ascii=False) for x in ra.get(kind, [])]
            xb = [json.dumps(x, sort_keys=True, ensure_ascii=False) for x in rb.get(kind, [])]
            if xa == xb:
                continue
            gone = [x for x in xa if x not in xb]
            added = [x for x in xb if x not in xa]
            if not gone and not added:
                print(f"{label}/{name}: {kind} in another order")
            for x in gone:
                print(f"{label}/{name}: - {kind} {x[:300]}")
            for x in added:
                print(f"{label}/{name}: + {kind} {x[:300]}")
            diffs += 1
        for key in sorted(set(ra) | set(rb)):
            if key not in KINDS and key != "document" and ra.get(key) != rb.get(key):
                print(f"{label}/{name}: {key} differs")
                diffs += 1
    print(f"{label}: {len(names)} files compared, {diffs} differing records")
    return diffs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="main", help="the git commit to compare with (default main)")
    parser.add_argument("--bbc", type=int, default=500, help="first N BBC corpus records (0: none)")
    parser.add_argument("--keep", default=None, help="write the outputs into this folder and keep them")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="actorgraph-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    tree = work / "ref-tree"
    if tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.ref],
                   check=True, capture_output=True)
    try:
        total = 0
        for label, inputs in _inputs(work, args.bbc).items():
            old, new = work / "old" / label, work / "new" / label
            for d in (old, new):
                shutil.rmtree(d, ignore_errors=True)
                d.mkdir(parents=True)
            _extract(tree / "src", inputs, old)
            _extract(None, inputs, new)
            total += compare(old, new, label)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"total: {total} differing records")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
