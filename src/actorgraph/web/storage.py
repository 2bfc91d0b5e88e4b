"""The web app's hold on the store: one DuckDB connection, a cursor per request, ids checked.

Read-only by default (DuckDB's read-only mode: other readers may open the file too); with an
ingest token the app opens the store for writing and serialises writes behind one lock.
"""
from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import SchemaVersionError, StoreError
from ..store import SCHEMA_VERSION, Store

# Ids are deterministic hashes with a one-letter kind prefix: g (actor), a (article), r (relation), s (statement);
# a source added by hand (store.manual) is an article whose id starts with h.
_ID = {kind: re.compile(rf"{kind}[0-9a-f]{{6,64}}") for kind in ("g", "r", "s")} | {"a": re.compile(r"[ah][0-9a-f]{6,64}")}


READ_SLOTS = max(2, os.cpu_count() or 2)  # reads served at once


def valid_id(kind: str, value: str) -> bool:
    """True when `value` has the shape of an id of this kind ('g' actor, 'a' article, 'r' relation, 's' statement)."""
    return bool(_ID[kind].fullmatch(value))


class StoreAccess:
    """The store file the app serves, opened once; `reader()` gives each request its own cursor."""

    def __init__(self, path: str, *, writable: bool = False, memory_mb: int | None = None):
        self.path = str(path)
        self.writable = writable
        self.write_lock = threading.Lock()
        self.read_slots = threading.BoundedSemaphore(READ_SLOTS)
        self._store = Store.open(self.path, create=False, read_only=not writable)
        self._check_version()
        if memory_mb:
            self._store.conn.execute(f"SET memory_limit = '{int(memory_mb)}MB'")

    def _check_version(self) -> None:
        version = self._store.version()
        if version != SCHEMA_VERSION:
            self._store.close()
            upgrade = (f"; any other command upgrades it, e.g. `actorgraph stats --store {self.path}`"
                       if version < SCHEMA_VERSION else "; upgrade actorgraph to serve it")
            raise SchemaVersionError(f"store {self.path} has schema version {version}, and a read-only server "
                                     f"serves version {SCHEMA_VERSION}{upgrade}")

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A Store on a fresh cursor of the shared connection (DuckDB cursors are safe across threads).

        At most READ_SLOTS reads run at once: more only share the same cores and interpreter lock,
        and a reviewer's write (which does not wait for a slot) would wait behind all of them.
        """
        with self.read_slots:
            with self.lookup() as store:
                yield store

    @contextmanager
    def lookup(self) -> Iterator[Store]:
        """A cursor outside the read slots, for point lookups a write needs first (who the reviewer is)."""
        cursor = self._store.conn.cursor()
        try:
            yield Store(self.path, cursor)
        finally:
            cursor.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store for writing, one writer at a time; StoreError when the app was started read-only."""
        if not self.writable:
            raise StoreError(f"store {self.path} is served read-only")
        with self.write_lock, self.lookup() as store:
            yield store

    def close(self) -> None:
        self._store.close()
