"""What two stores are compared on: every row of the graph's tables, timestamps left out."""
from __future__ import annotations

from pathlib import Path

from actorgraph.store import Store

TIMESTAMPS = {"created_at", "ingested_at", "stored_at", "added_at", "applied_at", "last_at", "first_at"}
TABLES = ("articles", "actors", "actor_names", "actor_keys", "article_actors", "mentions", "statements", "relations",
          "events", "event_participants", "quotes", "figures", "failures", "skipped")


TRIES = {"attempts", "seen"}  # how often a failure or a skipped record was met: a resumed run meets some again


def contents(path: Path, tries: bool = True) -> dict[str, list[tuple]]:
    """Every row of the graph's tables (without timestamps, and without try counts unless `tries`), sorted."""
    out = {}
    left_out = TIMESTAMPS | (set() if tries else TRIES)
    with Store.open(path, read_only=True) as store:
        for table in TABLES:
            cols = [c for (c, *_rest) in store.rows(f"DESCRIBE {table}") if c not in left_out]
            out[table] = store.rows(f"SELECT {', '.join(cols)} FROM {table} ORDER BY ALL")
    return out


def differences(a: Path, b: Path, tries: bool = True) -> list[str]:
    """The tables whose rows differ, with counts (empty when the stores hold the same graph)."""
    ca, cb = contents(a, tries), contents(b, tries)
    return [f"{t}: {len(ca[t])} rows vs {len(cb[t])}, {len(set(map(repr, ca[t])) ^ set(map(repr, cb[t])))} differ"
            for t in TABLES if ca[t] != cb[t]]
