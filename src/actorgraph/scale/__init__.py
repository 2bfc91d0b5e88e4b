"""Scaling out: inputs in shards, extracted on Ray, merged into the store by one writer in bulk.

    plan_shards(inputs, settings)          the inputs as shards, in input order (shards.py)
    Staging(folder)                         a staging folder of Parquet shards (staging.py)
    ingest_on_ray(inputs, settings, store)  extract on Ray, merge each shard as it is staged, in order
    extract_on_ray(inputs, settings, out)   extract on Ray into a staging folder, no store
    merge_staged(store, staging, settings)  merge a staging folder's shards (`ingest --shards DIR`)

Imports go downward: this package uses intake, extraction and the store; nothing below it
knows it exists. Ray itself is imported only by `ray_engine`, when a run asks for it.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..model import IntakeFailure, IntakeSkip
from ..settings import Settings
from ..store import IngestReport, Store, Stored
from .merge import in_order, merge_items, merge_staged
from .shards import FILES_PER_SHARD, LINES_PER_SHARD, Shard, plan_shards, read_shard
from .staging import StagedShard, Staging


@dataclass
class RayReport:
    """What a run on Ray did, besides what it stored."""

    shards: int = 0
    reused: int = 0  # shards staged by an earlier run: not extracted again
    workers: int = 0
    failed_shards: list[IntakeFailure] = field(default_factory=list)
    staging: str = ""


def default_staging(store_path: str) -> str:
    """The staging folder of a store: beside it, named after it."""
    return f"{store_path}.staging"


def _plan(inputs: Iterable[str], settings: Settings, staging: Staging, files_per_shard: int,
          lines_per_shard: int) -> list[Shard]:
    shards = plan_shards(list(inputs), settings, files_per_shard=files_per_shard, lines_per_shard=lines_per_shard)
    staging.write_manifest(shards)
    for shard in shards:  # an input that cannot even be listed: staged here, no worker needed
        if shard.kind == "failure" and not staging.is_staged(shard.id):
            staging.write(shard, list(read_shard(shard, settings)))
    return shards


def ingest_on_ray(inputs: Iterable[str], settings: Settings, store: Store, *, staging: str | None = None,
                  address: str | None = None, workers: int | None = None,
                  on_item: Callable[[Stored | IntakeFailure | IntakeSkip], None] | None = None,
                  files_per_shard: int = FILES_PER_SHARD, lines_per_shard: int = LINES_PER_SHARD,
                  ) -> tuple[IngestReport, RayReport]:
    """Extract the inputs on Ray and merge each shard into the store once those before it are merged.

    A run stopped part-way (a crash, Ctrl-C) is resumed by running it again: staged shards are
    not extracted again, and the articles stored before are dropped by identity.
    """
    from .ray_engine import extract_shards, start

    started = time.perf_counter()
    stage = Staging(staging or default_staging(str(store.path)))
    shards = _plan(inputs, settings, stage, files_per_shard, lines_per_shard)
    todo = [s for s in shards if not stage.is_staged(s.id)]
    ray_report = RayReport(shards=len(shards), reused=len(shards) - len(todo), staging=str(stage.folder))

    def finished() -> Iterator[tuple[Shard, Iterable]]:
        for shard in shards:
            if stage.is_staged(shard.id):
                yield shard, stage.read(shard.id)
        if not todo:
            return
        ray_report.workers = start(address, workers)
        for shard, result in extract_shards(todo, stage, settings, ray_report.workers):
            if isinstance(result, IntakeFailure):
                ray_report.failed_shards.append(result)
                yield shard, [result]
            else:
                yield shard, stage.read(shard.id)

    report = merge_items(in_order(finished()), settings, store, on_item, command="ingest --engine ray")
    report.seconds = time.perf_counter() - started
    return report, ray_report


def extract_on_ray(inputs: Iterable[str], settings: Settings, out: str, *, address: str | None = None,
                   workers: int | None = None, on_staged: Callable[[Shard, StagedShard], None] | None = None,
                   files_per_shard: int = FILES_PER_SHARD,
                   lines_per_shard: int = LINES_PER_SHARD) -> RayReport:
    """Extract the inputs on Ray into Parquet shards in `out` (no store); shards already there are kept."""
    from .ray_engine import extract_shards, start

    stage = Staging(out)
    shards = _plan(inputs, settings, stage, files_per_shard, lines_per_shard)
    todo = [s for s in shards if not stage.is_staged(s.id)]
    report = RayReport(shards=len(shards), reused=len(shards) - len(todo), staging=str(stage.folder))
    if todo:
        report.workers = start(address, workers)
        for shard, result in extract_shards(todo, stage, settings, report.workers):
            if isinstance(result, IntakeFailure):
                report.failed_shards.append(result)
            elif on_staged is not None:
                on_staged(shard, result)
    return report


__all__ = ["FILES_PER_SHARD", "LINES_PER_SHARD", "merge_items", "RayReport", "Shard", "StagedShard",
           "Staging", "default_staging", "extract_on_ray", "ingest_on_ray", "merge_staged", "plan_shards"]
