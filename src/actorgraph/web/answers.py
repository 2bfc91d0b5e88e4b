"""Answers kept by a read-only server: the same GET asked again is answered from memory.

A store served read-only cannot change while it is served (DuckDB lets no process write a file
that another has open), so a kept answer is never stale; a writable server keeps none, since a
review changes what a page shows. Each serving process keeps its own answers, the least recently
asked dropped first once they pass the size limit (settings.response_cache_mb). The answer says
which it was in its `X-Cache` header (hit or miss), so a benchmark can count the hit rate.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

# GET answers that depend on who asks, never kept
PER_CLIENT = frozenset({"/api/session"})


class AnswerCache:
    """The JSON bodies of successful GET /api/... answers, by path and query, up to `max_bytes` in all."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.largest = max_bytes // 16  # an answer bigger than this is not kept (it would push out many)
        self._answers: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def key(method: str, path: str, query: str) -> str | None:
        """The key of a request whose answer may be kept, else None."""
        if method != "GET" or not path.startswith("/api/") or path in PER_CLIENT:
            return None
        return f"{path}?{query}"

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._answers.get(key)
            if body is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: str, body: bytes) -> None:
        if len(body) > self.largest:
            return
        with self._lock:
            old = self._answers.pop(key, None)
            self._size += len(body) - (len(old) if old is not None else 0)
            self._answers[key] = body
            while self._size > self.max_bytes:
                _, dropped = self._answers.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._answers)
