"""The single writer: staged shards merged into the store in bulk, in input order.

The merge is `ingest_items` itself, over the staged shards' records in input order, with an
`extract` that looks the extractions up instead of running spaCy: stored articles are
dropped by identity as `ingest` drops them, and failures and skipped records are recorded as
there. It commits `merge_batch_size` articles at a time (1000; `--merge-batch-size`), not
`batch_size`: most of a commit's cost is fixed (the touched groups of actors resolved again,
summaries, one statement per table), and the store does not depend on it (an actor's id is
made from its node's signatures, `store.resolution.node_ids`), so the merged store equals a
one-process `ingest` of the same inputs at any batch size.

Idempotent by article identity, and resumable: a run started again merges every staged shard
again, and the articles it stored before are dropped before they cost anything but a lookup.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ..model import Article, Extraction, IntakeFailure, IntakeSkip
from ..settings import Settings
from ..store import IngestReport, Store, Stored
from ..store.ingest import batched, ingest_items
from .shards import Shard
from .staging import Staging

Item = Extraction | IntakeFailure | IntakeSkip


class PreExtracted:
    """The articles of staged records, and an `extract` for `ingest_items` that gives their extractions back."""

    def __init__(self) -> None:
        self._waiting: dict[int, Extraction] = {}

    def articles(self, items: Iterable[Item]) -> Iterator[Article | IntakeFailure | IntakeSkip]:
        for item in items:
            if isinstance(item, Extraction):
                self._waiting[id(item.article)] = item
                yield item.article
            else:
                yield item

    def extract(self, items: Iterable[Article | IntakeFailure | IntakeSkip],
                settings: Settings) -> Iterator[Item]:
        # batch by batch, as extract_stream reads its input, so the store is asked what it holds
        # at the same points of the stream as in a one-process ingest
        for batch in batched(items, settings.batch_size):
            for item in batch:
                yield self._waiting.pop(id(item)) if isinstance(item, Article) else item

    def forget(self) -> None:
        """Drop the extractions of articles the store held (they were never asked for)."""
        self._waiting.clear()


def in_order(done: Iterable[tuple[Shard, Iterable[Item] | None]]) -> Iterator[Item]:
    """The records of shards that come in any order (None: a shard that failed whole), in input order."""
    waiting: dict[int, Iterable[Item] | None] = {}
    next_index = 0
    for shard, items in done:
        waiting[shard.index] = items
        while next_index in waiting:
            yield from waiting.pop(next_index) or ()
            next_index += 1


def merge_items(items: Iterable[Item], settings: Settings, store: Store,
                on_item: Callable[[Stored | IntakeFailure | IntakeSkip], None] | None = None,
                command: str = "ingest --shards") -> IngestReport:
    """Store pre-extracted records (in input order) as `ingest` stores what it extracts."""
    pre = PreExtracted()
    settings = replace(settings, batch_size=settings.merge_batch_size)  # commits of the merge's size
    report = ingest_items(pre.articles(items), settings, store, on_item, command=command, extract=pre.extract)
    pre.forget()
    return report


def merge_staged(store: Store, staging: Staging, settings: Settings,
                 on_item: Callable[[Stored | IntakeFailure | IntakeSkip], None] | None = None
                 ) -> tuple[IngestReport, list[Shard]]:
    """Merge every staged shard of a staging folder's manifest, in order; the shards not staged are returned."""
    shards = staging.manifest()
    missing = [s for s in shards if not staging.is_staged(s.id)]
    items = (item for s in shards if staging.is_staged(s.id) for item in staging.read(s.id))
    return merge_items(items, settings, store, on_item), missing
