"""The store's summaries as kept, and as recounted from scratch: a test compares the two."""
from __future__ import annotations

from actorgraph.store import Store
from actorgraph.store.summaries import build_actor_search, build_relation_firsts, rebuild_summaries

SUMMARIES = {"relation_firsts": "SELECT * FROM relation_firsts",
             "actor_items": "SELECT * FROM actor_items", "actor_stats": "SELECT * FROM actor_stats",
             "actor_spellings": "SELECT * FROM actor_spellings", "actor_search": "SELECT * FROM actor_search"}


def kept(store: Store) -> dict[str, list]:
    return {name: sorted(store.rows(sql), key=repr) for name, sql in SUMMARIES.items()}


def recounted(store: Store) -> dict[str, list]:
    """The summaries made again from all the stored rows, in a transaction rolled back after reading."""
    store.conn.execute("BEGIN TRANSACTION")
    try:
        build_relation_firsts(store)
        rebuild_summaries(store, [a for (a,) in store.rows("SELECT id FROM actors")])
        build_actor_search(store)
        return kept(store)
    finally:
        store.conn.execute("ROLLBACK")
