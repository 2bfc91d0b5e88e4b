"""Extraction throughput on the BBC corpus, side by side in one run: one process, `--workers 2`,
Ray with 1 and with 2 workers; scaling efficiency, peak memory per worker, Ray's overhead.

    python benchmarks/scale_out.py            # 400 articles, shards of 50, 2 rounds: about 5 minutes quiet

Each configuration reads and extracts the same first --limit articles of the corpus (reading is
part of every path: the one process streams `read_articles`, a Ray worker reads its shard). The
fixed start-up and the marginal cost per article are measured apart:

    one process   start: loading the model; then extract_stream(read_articles(...)), workers=1
                  (what `actorgraph extract` does)
    --workers 2   the same with workers=2 (spawned processes, batches of 32); start: the first
                  result (spawn, model load, one batch); the rate is the steady one after each
                  worker's first batch
    ray 1, ray 2  `extract --engine ray --workers K`: start: Ray's own start (once per run) and
                  the K actors started and their model loaded (waited for); then the shards
                  (--shard-size lines each) extracted and written as Parquet by the actors

Printed per configuration: the start-up seconds, articles/s after it, milliseconds per article on
the wall clock and in CPU (for Ray, the CPU the workers report for their shards: read, extract,
write), the speed-up over one process, and the peak resident memory (VmHWM) of each worker.
Then Ray's overhead per article against one process (ray 1's marginal ms per article over the
one process's, on the wall clock and in CPU), the scaling efficiency (ray 2 / (2 x ray 1)), and
the spread between rounds with the load average, which says how noisy the figures are.
Targets: ray 2 >= 1.7x ray 1 on a 2-core machine; overhead per article < 10%.
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


def one_process(corpus: str, limit: int) -> dict:
    from actorgraph.extraction import extract_stream, load_resources
    from actorgraph.intake import read_articles

    settings = Settings.load(workers=1)
    started = time.perf_counter()
    load_resources(settings)
    ready = time.perf_counter()
    cpu = time.process_time()
    n = sum(1 for _ in extract_stream(islice(read_articles([corpus], settings), limit), settings))
    end = time.perf_counter()
    return {"n": n, "start": ready - started, "marginal": (end - ready) / n, "cpu": (time.process_time() - cpu) / n,
            "peaks": [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]}


def two_processes(corpus: str, limit: int) -> dict:
    from actorgraph.extraction import extract_stream
    from actorgraph.intake import read_articles

    settings = Settings.load(workers=2)
    sampler = Sampler("spawn_main")
    sampler.start()
    started = time.perf_counter()
    times = [time.perf_counter() for _ in extract_stream(islice(read_articles([corpus], settings), limit), settings)]
    # results come a batch at a time; each worker's first batch includes its start (spawn, model): left apart
    n, head = len(times), 2 * settings.batch_size
    return {"n": n, "start": times[0] - started, "marginal": (times[-1] - times[head - 1]) / (n - head), "cpu": None,
            "peaks": sampler.stop()}


def on_ray(corpus: str, limit: int, workers: int, shard_size: int, folder: str) -> dict:
    import ray

    from actorgraph.scale import Staging
    from actorgraph.scale import ray_engine
    from actorgraph.scale.shards import plan_shards

    settings = Settings()
    shards = [s for s in plan_shards([corpus], settings, lines_per_shard=shard_size) if s.start <= limit]
    sampler = Sampler("ShardExtractor")
    sampler.start()
    started = time.perf_counter()
    actors = ray_engine.start_workers(settings, workers)
    ray.get([a.pid.remote() for a in actors])  # each has loaded the model
    ready = time.perf_counter()
    n = cpu = 0
    for _shard, staged in ray_engine.extract_shards(shards, Staging(folder), settings, workers, actors):
        n += staged.extracted + staged.failed
        cpu += staged.cpu_seconds
    end = time.perf_counter()
    return {"n": n, "start": ready - started, "marginal": (end - ready) / n, "cpu": cpu / n, "peaks": sampler.stop()}


NAMES = {"one": "one process", "workers2": "--workers 2", "ray1": "ray 1", "ray2": "ray 2"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(BBC))
    ap.add_argument("--limit", type=int, default=400, help="articles (the first of the corpus)")
    ap.add_argument("--shard-size", type=int, default=50, help="corpus lines per Ray shard")
    ap.add_argument("--repeat", type=int, default=2, help="rounds, interleaved; the best of each is kept")
    ap.add_argument("--only", nargs="*", default=list(NAMES), choices=list(NAMES))
    args = ap.parse_args()
    if "workers2" in args.only and args.limit < 4 * Settings().batch_size:  # each worker's first batch is left apart
        ap.error(f"--workers 2 needs --limit {4 * Settings().batch_size} or more for a steady rate")
    print(f"first {args.limit} articles of {Path(args.corpus).name}, {os.cpu_count()} CPUs, shards of "
          f"{args.shard_size}, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    ray_start = None
    if any(name.startswith("ray") for name in args.only):
        from actorgraph.scale import ray_engine
        t = time.perf_counter()
        ray_engine.start(None, 2)
        ray_start = time.perf_counter() - t
    runs: dict[str, list[dict]] = {name: [] for name in args.only}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            for name in args.only:
                load = os.getloadavg()[0]
                if name == "one":
                    got = one_process(args.corpus, args.limit)
                elif name == "workers2":
                    got = two_processes(args.corpus, args.limit)
                else:
                    got = on_ray(args.corpus, args.limit, int(name[-1]), args.shard_size, f"{tmp}/{name}-{r}")
                got["load"] = (load + os.getloadavg()[0]) / 2
                runs[name].append(got)
                cpu = f", {1000 * got['cpu']:.0f} ms CPU" if got["cpu"] else ""
                print(f"  round {r + 1} {NAMES[name]:12s} {got['n']} articles: start {got['start']:.1f}s, then "
                      f"{1 / got['marginal']:.2f} articles/s ({1000 * got['marginal']:.0f} ms each{cpu}); "
                      f"load {got['load']:.1f}", flush=True)
    if ray_start is not None:
        from actorgraph.scale.ray_engine import stop
        stop()
    # the best marginal rate of the rounds; the start of the first round (a later one finds the model cached)
    best = {name: {**min(rs, key=lambda g: g["marginal"]), "start": rs[0]["start"]} for name, rs in runs.items()}
    one = best.get("one")
    print(f"\n{'engine':12s} {'start s':>8s} {'art/s':>7s} {'ms/art':>7s} {'CPU ms/art':>10s} {'vs one':>7s}  "
          f"{'peak MB per worker':s}")
    for name, got in best.items():
        ratio = f"{one['marginal'] / got['marginal']:.2f}x" if one else "-"
        cpu = f"{1000 * got['cpu']:.0f}" if got["cpu"] else "-"
        peaks = ", ".join(f"{kb / 1024:.0f}" for kb in got["peaks"]) or "-"
        print(f"{NAMES[name]:12s} {got['start']:8.1f} {1 / got['marginal']:7.2f} {1000 * got['marginal']:7.0f} "
              f"{cpu:>10s} {ratio:>7s}  {peaks}")
    if ray_start is not None:
        print(f"Ray's own start (a local instance, once per run): {ray_start:.1f}s, before the start above")
    if "ray1" in best and "ray2" in best:
        r1, r2 = 1 / best["ray1"]["marginal"], 1 / best["ray2"]["marginal"]
        print(f"ray 2 / ray 1: {r2 / r1:.2f}x (target >= 1.7x); scaling efficiency {r2 / (2 * r1):.0%}")
    if one and "ray1" in best:
        r1 = best["ray1"]
        wall = r1["marginal"] / one["marginal"] - 1
        cpu = r1["cpu"] / one["cpu"] - 1
        print(f"Ray's overhead per article against one process: {wall:+.1%} on the wall clock "
              f"({1000 * r1['marginal']:.0f} vs {1000 * one['marginal']:.0f} ms), {cpu:+.1%} in CPU "
              f"({1000 * r1['cpu']:.0f} vs {1000 * one['cpu']:.0f} ms) (target < 10%); fixed start-up "
              f"{(ray_start or 0) + r1['start']:.1f}s against {one['start']:.1f}s")
    if one and "workers2" in best:
        print(f"--workers 2 / one process: {one['marginal'] / best['workers2']['marginal']:.2f}x")
    if args.repeat > 1:
        spread = ", ".join(f"{NAMES[n]} {min(1 / g['marginal'] for g in rs):.1f}-{max(1 / g['marginal'] for g in rs):.1f}"
                           for n, rs in runs.items())
        print(f"noise: articles/s from round to round: {spread}")
    print(f"load average: {min(g['load'] for rs in runs.values() for g in rs):.1f} to "
          f"{max(g['load'] for rs in runs.values() for g in rs):.1f} while measuring (2 CPUs: above 2, every figure "
          f"is slowed by other work)")


if __name__ == "__main__":
    main()
