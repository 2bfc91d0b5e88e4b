"""Throughput: actorgraph's whole extraction beside bare spaCy `nlp.pipe`, same model, same texts, one run.

    python benchmarks/extract_throughput.py [CORPUS] [--limit N] [--rounds R] [--workers N]

The corpus defaults to ../shared/corpora/bbc-news-2095.jsonl.gz. Bare spaCy gets the texts
that actorgraph's intake produced (so both parse identical strings); actorgraph's figure
includes intake (reading the gzip corpus, clutter removal) and every extraction stage.
Rounds alternate the two so that machine noise hits both; the best round of each is kept.
Prints articles per second for both and the ratio (actorgraph / bare spaCy), by the wall
clock and by the process's CPU time (with one worker; steadier when other jobs share the
machine, since time spent waiting for a core is not counted).
"""
from __future__ import annotations

import argparse
import gzip
import resource
import sys
import time
from itertools import islice
from pathlib import Path

import spacy

from actorgraph.extraction import extract_stream, load_resources
from actorgraph.intake import read_articles
from actorgraph.model import Article, IntakeFailure
from actorgraph.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"


def _limited_corpus(corpus: Path, limit: int | None, folder: Path) -> Path:
    """A copy of the first `limit` records, so both sides see exactly the same articles."""
    if limit is None:
        return corpus
    path = folder / f"bench-{limit}.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as dst:
        dst.writelines(islice(src, limit))
    return path


def run_actorgraph(corpus: Path, settings: Settings) -> tuple[float, float, int, int]:
    started, cpu = time.perf_counter(), time.process_time()
    ok = failed = 0
    for item in extract_stream(read_articles([corpus], settings), settings):
        if isinstance(item, IntakeFailure):
            failed += 1
        else:
            ok += 1
    return time.perf_counter() - started, time.process_time() - cpu, ok, failed


def run_spacy(nlp, texts: list[str], batch_size: int) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=1, help="actorgraph worker processes (bare spaCy stays at 1)")
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        corpus = _limited_corpus(args.corpus, args.limit, Path(tmp))
        settings = Settings.load(workers=args.workers)
        res = load_resources(settings)  # both sides start with a loaded model
        texts = [a.text for a in read_articles([corpus], settings) if isinstance(a, Article)]
        bare = spacy.load(settings.model)  # a plain pipeline: no registry ruler, no actorgraph stages
        chars = sum(map(len, texts))
        print(f"corpus {args.corpus.name}: {len(texts)} articles, {chars / len(texts):.0f} chars on average; "
              f"model {res.name}; workers {args.workers}", flush=True)
        best_ag = best_sp = best_ag_cpu = best_sp_cpu = float("inf")
        for r in range(1, args.rounds + 1):
            sp, sp_cpu = run_spacy(bare, texts, settings.batch_size)
            ag, ag_cpu, ok, failed = run_actorgraph(corpus, settings)
            best_sp, best_ag = min(best_sp, sp), min(best_ag, ag)
            best_sp_cpu, best_ag_cpu = min(best_sp_cpu, sp_cpu), min(best_ag_cpu, ag_cpu)
            print(f"round {r}: bare spaCy {len(texts) / sp:7.1f} art/s | actorgraph {ok / ag:7.1f} art/s "
                  f"({ok} ok, {failed} failed)", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sp_rate, ag_rate = len(texts) / best_sp, ok / best_ag
    print(f"best: bare spaCy nlp.pipe {sp_rate:.1f} articles/s, actorgraph extract {ag_rate:.1f} articles/s, "
          f"ratio {ag_rate / sp_rate:.2f}; peak RSS {peak:.0f} MiB")
    if args.workers == 1:
        sp_cpu_rate, ag_cpu_rate = len(texts) / best_sp_cpu, ok / best_ag_cpu
        print(f"by CPU time: bare spaCy {sp_cpu_rate:.1f} articles per CPU-second, actorgraph "
              f"{ag_cpu_rate:.1f}, ratio {ag_cpu_rate / sp_cpu_rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
