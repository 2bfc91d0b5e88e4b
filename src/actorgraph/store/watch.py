"""The watch list (actors an analyst follows) and the record of ingest runs that `changes` starts from."""
from __future__ import annotations

from datetime import datetime

from ..errors import DecisionError
from .database import Store, now


def watch(store: Store, actor_id: str, name: str) -> bool:
    """Add an actor to the watch list; False when it is there already."""
    if store.value("SELECT count(*) FROM watch_list WHERE actor_id = ?", [actor_id]):
        return False
    store.conn.execute("INSERT INTO watch_list VALUES (?, ?, ?)", [actor_id, name, now()])
    return True


def unwatch(store: Store, actor_id: str) -> None:
    """Take an actor off the watch list; DecisionError when it is not on it."""
    if not store.value("SELECT count(*) FROM watch_list WHERE actor_id = ?", [actor_id]):
        raise DecisionError(f"actor {actor_id} is not on the watch list")
    store.conn.execute("DELETE FROM watch_list WHERE actor_id = ?", [actor_id])


def watch_list(store: Store) -> list[dict]:
    """The watched actors, with their current name and type, in the order they were added."""
    return [{"id": i, "name": n, "type": t, "added_at": str(at)} for i, n, t, at in store.rows(
        """SELECT w.actor_id, coalesce(a.name, w.name), a.type, w.added_at FROM watch_list w
           LEFT JOIN actors a ON a.id = w.actor_id ORDER BY w.added_at, w.actor_id""")]


def watched_ids(store: Store) -> set[str]:
    return {i for (i,) in store.rows("SELECT actor_id FROM watch_list")}


def move_watch(store: Store, from_id: str, to_id: str) -> None:
    """A merge keeps the merged actor watched under the kept id."""
    if store.value("SELECT count(*) FROM watch_list WHERE actor_id = ?", [from_id]):
        store.conn.execute("INSERT OR IGNORE INTO watch_list SELECT ?, name, added_at FROM watch_list WHERE actor_id = ?",
                           [to_id, from_id])
        store.conn.execute("DELETE FROM watch_list WHERE actor_id = ?", [from_id])


def start_run(store: Store, command: str) -> int:
    """Record the start of an ingest run; its number."""
    seq = store.value("SELECT coalesce(max(seq), 0) + 1 FROM runs")
    store.conn.execute("INSERT INTO runs VALUES (?, ?, ?, NULL, 0)", [seq, command, now()])
    return seq


def finish_run(store: Store, seq: int, stored: int) -> None:
    store.conn.execute("UPDATE runs SET finished_at = ?, stored = ? WHERE seq = ?", [now(), stored, seq])


def last_run(store: Store) -> dict | None:
    """The latest ingest run that stored articles (else the latest run): command, started_at, finished_at, stored.

    A `watch` round that found nothing new is a run too; what changed is what the last run with news added.
    """
    rows = store.rows("SELECT command, started_at, finished_at, stored FROM runs ORDER BY stored > 0 DESC, seq DESC "
                      "LIMIT 1")
    if not rows:
        return None
    command, started, finished, stored = rows[0]
    return {"command": command, "started_at": started, "finished_at": finished, "stored": stored}


def runs(store: Store) -> list[tuple[int, str, datetime, datetime | None, int]]:
    return store.rows("SELECT seq, command, started_at, finished_at, stored FROM runs ORDER BY seq")
