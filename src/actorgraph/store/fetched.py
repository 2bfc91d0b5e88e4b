"""The store's record of what was fetched (`actorgraph.fetch.FetchLog`): validators, pages done with."""
from __future__ import annotations

from .database import Store, now


class StoreFetchLog:
    """A `FetchLog` kept in the store's `fetched` table, so a restarted run fetches nothing twice."""

    def __init__(self, store: Store):
        self.store = store

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of the last full answer for `url`."""
        rows = self.store.rows("SELECT etag, last_modified FROM fetched WHERE url = ?", [url])
        return rows[0] if rows else (None, None)

    def remember(self, url: str, kind: str, status: int | None, etag: str | None = None,
                 last_modified: str | None = None, error: str | None = None, lasting: bool = False) -> None:
        """Record the outcome of one request; a failure keeps the validators of the last good answer."""
        self.store.conn.execute(
            """INSERT INTO fetched VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET
                   kind = excluded.kind, status = excluded.status,
                   etag = CASE WHEN excluded.error IS NULL THEN excluded.etag ELSE fetched.etag END,
                   last_modified = CASE WHEN excluded.error IS NULL THEN excluded.last_modified
                                        ELSE fetched.last_modified END,
                   error = excluded.error, lasting = excluded.lasting, fetched_at = excluded.fetched_at""",
            [url, kind, status, etag, last_modified, error, lasting, now()])

    def done(self, urls: list[str]) -> set[str]:
        """Those of the URLs whose page is stored, or failed for good: not to be requested again."""
        if not urls:
            return set()
        stored = {r[0] for r in self.store.rows(
            "SELECT source FROM articles WHERE source IN (SELECT unnest(?::VARCHAR[]))", [urls])}
        failed = {r[0] for r in self.store.rows(
            "SELECT url FROM fetched WHERE lasting AND url IN (SELECT unnest(?::VARCHAR[]))", [urls])}
        return stored | failed

    def feeds(self) -> list[tuple]:
        """Every feed asked for: (url, last status, error, last asked)."""
        return self.store.rows("SELECT url, status, error, fetched_at FROM fetched WHERE kind = 'feed' ORDER BY url")
