"""Ray as the engine: shards extracted by Ray actors, each loading the model once.

`actorgraph ingest --engine ray` and `extract --engine ray` call `extract_shards`. Each actor
(`ShardExtractor`, one CPU) loads the spaCy pipeline when it starts and then extracts shard
after shard, writing each as a Parquet file in the staging folder. An actor whose process
dies (killed, out of memory, a lost machine) is started again by Ray and its unfinished
shards are run again: a shard file is written whole under a temporary name and renamed, so
a shard is staged once whatever happened to the workers, and the merge, which skips stored
articles, stores each article once. A shard that kills its worker `MAX_RETRIES` times fails
as a whole, recorded under its inputs, and the run goes on.

Ray is an optional dependency (`pip install 'actorgraph[ray]'`); this module is imported
only by the commands that ask for it.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace

try:
    import ray
except ImportError as exc:  # pragma: no cover - the message is the point
    from ..errors import ConfigError
    raise ConfigError("--engine ray needs Ray: pip install 'actorgraph[ray]'") from exc

from ..errors import ConfigError
from ..model import IntakeFailure
from ..settings import Settings
from .shards import Shard, read_shard
from .staging import StagedShard, Staging

MAX_RETRIES = 3  # restarts of a dead actor, and runs of a shard whose worker died, before the shard fails
IN_FLIGHT = 2  # shards queued per actor, so that it never waits for the driver between two shards
WORKER_NICENESS = 0  # the workers of a local instance run at the priority of a one-process `extract`


@ray.remote(num_cpus=1, max_restarts=MAX_RETRIES, max_task_retries=MAX_RETRIES)
class ShardExtractor:
    """One worker: the pipeline loaded once, then shards extracted to Parquet one after another."""

    def __init__(self, settings: Settings):
        from ..extraction import load_resources

        self.settings = replace(settings, workers=1)
        load_resources(self.settings)

    def pid(self) -> int:
        return os.getpid()

    def extract(self, shard: Shard, folder: str) -> StagedShard:
        from ..extraction import extract_stream

        wall, cpu = time.perf_counter(), time.process_time()
        staged = Staging(folder).write(shard, list(extract_stream(read_shard(shard, self.settings), self.settings)))
        return replace(staged, seconds=time.perf_counter() - wall, cpu_seconds=time.process_time() - cpu)


def start(address: str | None, workers: int | None) -> int:
    """Connect to the Ray cluster at `address`, or start a local one; the number of workers to use."""
    if not ray.is_initialized():
        try:
            if address:
                ray.init(address=address, include_dashboard=False, log_to_driver=False,
                         configure_logging=False)
            else:
                # Ray starts its workers at nice 15 by default: on a machine that does anything
                # else they lose the CPU to it (this machine: +14-22% per article against one
                # process, which runs at nice 0). Extraction is the work here, so at 0.
                ray.init(num_cpus=workers or os.cpu_count(), include_dashboard=False, log_to_driver=False,
                         configure_logging=False, _system_config={"worker_niceness": WORKER_NICENESS})
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ConfigError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from exc
    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, min(workers or cpus, cpus))


def shard_failure(shard: Shard, exc: BaseException) -> IntakeFailure:
    """A shard that could not be extracted, recorded under its inputs (a corpus under its line range)."""
    where = f"{shard.paths[0]}#L{shard.start}-L{shard.stop}" if shard.kind == "corpus" else shard.describe()
    return IntakeFailure(where, f"extraction on Ray failed for shard {shard.id} ({shard.describe()}): "
                                f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
                         "WorkerFailedError")


def start_workers(settings: Settings, workers: int) -> list:
    """`workers` Ray actors, each loading the pipeline (call `start` first); `ray.get(a.pid.remote())` waits for one."""
    return [ShardExtractor.remote(settings) for _ in range(workers)]


def extract_shards(shards: list[Shard], staging: Staging, settings: Settings, workers: int,
                   actors: list | None = None) -> Iterator[tuple[Shard, StagedShard | IntakeFailure]]:
    """Extract the shards on `workers` Ray actors into the staging folder (call `start` first);
    yield each shard with what became of it, in the order they finish.

    `actors` are workers started before (`start_workers`), as a benchmark does to time the
    start apart; they are killed at the end all the same."""
    folder = str(staging.folder.resolve())
    actors = list(actors) if actors else start_workers(settings, workers)
    workers = len(actors)
    queue = list(reversed(shards))
    load = {i: 0 for i in range(workers)}
    in_flight: dict = {}
    try:
        while queue or in_flight:
            for i in sorted(load, key=load.get):
                while queue and load[i] < IN_FLIGHT:
                    shard = queue.pop()
                    in_flight[actors[i].extract.remote(shard, folder)] = (i, shard)
                    load[i] += 1
            done, _ = ray.wait(list(in_flight), num_returns=1)
            for ref in done:
                i, shard = in_flight.pop(ref)
                load[i] -= 1
                try:
                    staged = ray.get(ref)
                except (ray.exceptions.RayError, OSError) as exc:
                    if isinstance(exc, ray.exceptions.ActorDiedError):  # out of restarts: a new one
                        actors[i] = ShardExtractor.remote(settings)
                    yield shard, shard_failure(shard, exc)
                    continue
                yield shard, staged
    finally:
        for actor in actors:
            ray.kill(actor)


def stop() -> None:
    """Leave the cluster (a local instance started here is shut down)."""
    if ray.is_initialized():
        ray.shutdown()


__all__ = ["ShardExtractor", "extract_shards", "start", "start_workers", "stop"]
