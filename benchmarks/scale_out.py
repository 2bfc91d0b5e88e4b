"""Extraction throughput on the BBC corpus, side by side in one run: one process, `--workers 2`,
Ray with 1 and with 2 workers; scaling efficiency, peak memory per worker, Ray's overhead.

    python benchmarks/scale_out.py [--limit 400] [--shard-size 25] [--repeat 1]

Each configuration extracts the same first --limit articles (the model loaded before the clock
starts where it can be: the rate is the steady one, from the first finished result to the last;
start-up, model loading and Ray's start are printed apart):

    one process   extract_stream with workers=1 (what `actorgraph extract` does)
    --workers 2   extract_stream with workers=2 (spawned processes, batches of 32)
    ray 1, ray 2  `extract --engine ray --workers K`: shards of --shard-size lines, Ray actors,
                  Parquet shards written to a temporary staging folder

Printed: articles/s, speed-up over one process, Ray's scaling efficiency (ray 2 / (2 x ray 1)),
Ray's overhead per article against one process ((1/ray1 - 1/one) / (1/one)), and the peak
resident memory (VmHWM) of each worker process. Targets: ray 2 >= 1.7x ray 1 on a 2-core
machine, overhead < 10%. On a shared machine the figures are noisy: say so with them.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

from actorgraph.scale.processes import command_line, descendants
from actorgraph.settings import Settings

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"


def peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """The peak memory of every descendant process whose command line holds `marker`."""

    def __init__(self, marker: str):
        super().__init__(daemon=True)
        self.marker, self.peaks, self.running = marker, {}, True

    def run(self) -> None:
        while self.running:
            for pid in descendants(os.getpid()):
                if self.marker in command_line(pid):
                    self.peaks[pid] = max(self.peaks.get(pid, 0), peak_kb(pid))
            time.sleep(0.5)

    def stop(self) -> list[int]:
        self.running = False
        self.join()
        return sorted(self.peaks.values())


def local(articles, workers: int) -> dict:
    from actorgraph.extraction import extract_stream, load_resources

    settings = Settings.load(workers=workers)
    sampler = Sampler("spawn_main")
    if workers == 1:
        load_resources(settings)
    else:
        sampler.start()
    started = time.perf_counter()
    times = [time.perf_counter() for _ in extract_stream(iter(articles), settings)]
    peaks = sampler.stop() if workers > 1 else [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]
    # results come a batch at a time; each worker's first batch includes its start (spawn, model): left out
    n, head = len(times), min(len(times) - 1, workers * settings.batch_size)
    return {"n": n, "wall": times[-1] - started, "first": times[0] - started,
            "steady": (n - head) / (times[-1] - times[head - 1]), "peaks": peaks}


def on_ray(corpus: str, limit: int, workers: int, shard_size: int, folder: str) -> dict:
    from actorgraph.scale import Staging, extract_on_ray
    from actorgraph.scale.shards import plan_shards
    from actorgraph.scale import ray_engine

    settings = Settings()
    ray_engine.start(None, 2)
    shards = [s for s in plan_shards([corpus], settings, lines_per_shard=shard_size) if s.start <= limit]
    staging = Staging(folder)
    times: list[tuple[float, int]] = []
    sampler = Sampler("ShardExtractor")
    sampler.start()
    started = time.perf_counter()
    for _shard, staged in ray_engine.extract_shards(shards, staging, settings, workers):
        times.append((time.perf_counter(), staged.extracted + staged.failed))
    n = sum(k for _, k in times)
    first, last = times[0][0], times[-1][0]
    head = sum(k for t, k in times[:workers])  # each actor's first shard includes loading its model
    t_head = times[workers - 1][0] if len(times) > workers else first
    return {"n": n, "wall": last - started, "first": first - started,
            "steady": (n - head) / (last - t_head), "peaks": sampler.stop()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(BBC))
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--shard-size", type=int, default=25, help="corpus lines per Ray shard")
    ap.add_argument("--repeat", type=int, default=1, help="rounds, interleaved; the best steady rate is kept")
    ap.add_argument("--only", nargs="*", default=["one", "workers2", "ray1", "ray2"])
    args = ap.parse_args()
    from actorgraph.intake import read_articles
    from actorgraph.model import Article

    articles = [a for a in islice(read_articles([args.corpus], Settings()), args.limit) if isinstance(a, Article)]
    print(f"{len(articles)} BBC articles, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start",
          flush=True)
    best: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            for name in args.only:
                if name == "one":
                    got = local(articles, 1)
                elif name == "workers2":
                    got = local(articles, 2)
                else:
                    got = on_ray(args.corpus, args.limit, int(name[-1]), args.shard_size, f"{tmp}/{name}-{r}")
                print(f"  round {r + 1} {name:9s} {got['n']} articles, {got['wall']:.1f}s in all, first result after "
                      f"{got['first']:.1f}s, steady {got['steady']:.2f} articles/s", flush=True)
                if name not in best or got["steady"] > best[name]["steady"]:
                    best[name] = got
    from actorgraph.scale.ray_engine import stop
    stop()
    one = best.get("one", {}).get("steady")
    print(f"\n{'engine':10s} {'art/s':>7s} {'vs one':>7s} {'peak MB per worker':>20s}")
    for name, got in best.items():
        ratio = f"{got['steady'] / one:.2f}x" if one else "-"
        peaks = ", ".join(f"{kb / 1024:.0f}" for kb in got["peaks"]) or "-"
        print(f"{name:10s} {got['steady']:7.2f} {ratio:>7s} {peaks:>20s}")
    if "ray1" in best and "ray2" in best:
        r1, r2 = best["ray1"]["steady"], best["ray2"]["steady"]
        print(f"ray 2 / ray 1: {r2 / r1:.2f}x (target >= 1.7x); scaling efficiency {r2 / (2 * r1):.0%}")
    if one and "ray1" in best:
        overhead = (1 / best["ray1"]["steady"] - 1 / one) / (1 / one)
        print(f"Ray's overhead per article against one process: {overhead:+.1%} (target < 10%); "
              f"{1000 / best['ray1']['steady']:.0f} ms vs {1000 / one:.0f} ms per article")
    if one and "workers2" in best:
        print(f"--workers 2 / one process: {best['workers2']['steady'] / one:.2f}x")
    print(f"load average at the end {os.getloadavg()[0]:.1f} (a shared machine makes every figure noisy)")


if __name__ == "__main__":
    main()
