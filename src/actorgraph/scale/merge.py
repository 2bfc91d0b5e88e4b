"""The single writer: staged shards merged into the store in bulk, in input order.

Idempotent by article identity (an article the store holds is skipped, as `ingest` skips
it), resumable after a crash (a merged shard is marked; a shard merged part-way is merged
again, and its stored articles skipped), and each failure is recorded per article. Shards
are stored in input order, `batch` articles per transaction, so the store equals the one a
one-process `ingest` of the same inputs and `batch_size` makes: a new actor's id is made from
the name it has when its transaction stores it, so the transactions must hold the same
articles as `ingest`'s do. A larger `--batch-size` (1000) merges several times faster, and
gives the store that `ingest --batch-size 1000` gives.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import StoreError
from ..model import Extraction, IntakeFailure
from ..store import IngestReport, Store, Stored, record_failure
from ..store.ingest import store_batch, stored_articles
from .shards import Shard
from .staging import Staging



class Merger:
    """Merges shards into one store as they come, in input order, whatever order they are extracted in."""

    def __init__(self, store: Store, staging: Staging, on_item: Callable[[Stored | IntakeFailure], None] | None = None,
                 batch: int = 32, *, store_key: str = "", keep_shards: bool = True):
        self.store, self.staging, self.on_item, self.batch = store, staging, on_item, batch
        self.store_key = store_key  # which store a shard was merged into: another store merges it again
        self.keep_shards = keep_shards
        self.report = IngestReport()
        self.merged_shards = 0
        self.merge_seconds = 0.0  # time spent merging (the rest of a run is extraction it waited for)
        self._waiting: dict[int, tuple[Shard, bool]] = {}
        self._next = 0
        self._buffer: list[Extraction] = []  # articles of merged shards waiting for their transaction
        self._done: list[Shard] = []  # shards whose articles are all in the buffer or stored

    def is_merged(self, shard: Shard) -> bool:
        return self.staging.is_merged(shard.id, self.store_key)

    def ready(self, shard: Shard, failed: bool = False) -> None:
        """Shard `shard` is staged (or merged before, or `failed` as a whole): merge it and every
        staged one after it, in input order."""
        self._waiting[shard.index] = (shard, failed)
        while self._next in self._waiting:
            shard, failed = self._waiting.pop(self._next)
            if not failed:
                self.merge(shard)
            self._next += 1

    def merge(self, shard: Shard) -> None:
        """Add one staged shard's articles to the batch (stored `batch` at a time) and record its failures;
        the shard is marked merged once the transaction that holds its last article is committed."""
        if self.is_merged(shard):
            return
        if not self.staging.is_staged(shard.id):
            raise StoreError(f"shard {shard.id} ({shard.describe()}) is not staged in {self.staging.folder}")
        started = time.perf_counter()
        self._add(self.staging.read(shard.id))
        self._done.append(shard)
        self.merge_seconds += time.perf_counter() - started

    def flush(self) -> None:
        """Store the articles waiting in the batch; mark the shards they complete as merged."""
        started = time.perf_counter()
        self._store_buffer()
        for shard in self._done:
            self.staging.mark_merged(shard.id, self.store_key)
            if not self.keep_shards:
                self.staging.shard_path(shard.id).unlink(missing_ok=True)
            self.merged_shards += 1
        self._done = []
        self.merge_seconds += time.perf_counter() - started

    def store_items(self, items: Iterable[Extraction | IntakeFailure]) -> None:
        """Store extractions and record failures now, skipping stored articles (no shard is marked)."""
        self._add(items)
        self._store_buffer()

    def _add(self, items: Iterable[Extraction | IntakeFailure]) -> None:
        """As `ingest_items` does: stored articles dropped first, failures recorded as they come, the
        others stored `batch` at a time, so that the transactions hold the same articles as there."""
        items = list(items)
        extractions = [x for x in items if isinstance(x, Extraction)]
        stored = stored_articles(self.store, [x.article.id for x in extractions])
        if stored:  # an article stored clears the failures recorded for its input
            sources = [where for x in extractions if x.article.id in stored
                       for where in (x.article.source, x.article.metadata.get("corpus_line")) if where]
            self.store.conn.execute("DELETE FROM failures WHERE source IN (SELECT unnest(?::VARCHAR[]))", [sources])
        for item in items:
            if isinstance(item, IntakeFailure):
                record_failure(self.store, item)
                self.count(item)
            elif item.article.id in stored:
                self.report.skipped += 1
            else:
                self._buffer.append(item)
                if len(self._buffer) >= self.batch:
                    self._store_buffer()

    def _store_buffer(self) -> None:
        buffer, self._buffer = self._buffer, []
        for result in store_batch(self.store, buffer) if buffer else ():
            self.count(result)

    def count(self, result: Stored | IntakeFailure) -> None:
        if isinstance(result, IntakeFailure):
            self.report.failed += 1
        elif result.new:
            self.report.stored += 1
        else:
            self.report.skipped += 1
        if self.on_item is not None:
            self.on_item(result)


def merge_staged(store: Store, staging: Staging, on_item: Callable[[Stored | IntakeFailure], None] | None = None,
                 batch: int = 32) -> tuple[IngestReport, list[Shard]]:
    """Merge every staged shard of a staging folder's manifest, in order; the shards not staged are returned."""
    from ..store.watch import finish_run, start_run

    started = time.perf_counter()
    merger = Merger(store, staging, on_item, batch, store_key=store_key(store))
    missing = []
    run = start_run(store, "ingest --shards")
    for shard in staging.manifest():
        if merger.is_merged(shard) or staging.is_staged(shard.id):
            merger.merge(shard)
        else:
            missing.append(shard)
    merger.flush()
    finish_run(store, run, merger.report.stored)
    merger.report.seconds = time.perf_counter() - started
    return merger.report, missing


def store_key(store: Store) -> str:
    """What names one store in the merged markers: its path and when it was made."""
    created = store.value("SELECT min(applied_at) FROM migrations")
    return f"{Path(store.path).resolve()}|{created}"


