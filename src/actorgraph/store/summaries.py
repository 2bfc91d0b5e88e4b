"""Per-actor summaries kept beside the graph, so a profile reads a few rows, not the whole store.

    actor_items      each event, quote and figure an actor takes part in, with its date and place
    actor_stats      per actor: articles naming it, first and last publication, item counts
    actor_spellings  per actor: each per-article name and why it joined, with its article count

New articles add to them (`summary_rows`, `add_summaries`); a merge or split recomputes them
for the actors it touches (`rebuild_summaries`); migration 2 fills them for an older store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .database import Store, columns_select
from .schema import SUMMARY_ITEMS, SUMMARY_SPELLINGS, SUMMARY_STATS

def rebuild_summaries(store: Store, actor_ids: Iterable[str]) -> None:
    """Recompute the summaries of these actors from their per-article actors (after a merge or split)."""
    ids = sorted(set(actor_ids))
    where = "WHERE aa.actor_id IN (SELECT unnest(?))"
    for table in ("actor_items", "actor_stats", "actor_spellings"):
        store.conn.execute(f"DELETE FROM {table} WHERE actor_id IN (SELECT unnest(?))", [ids])
    for sql in SUMMARY_ITEMS:
        store.conn.execute(f"INSERT INTO actor_items {sql.format(where=where)}", [ids])
    store.conn.execute(f"INSERT INTO actor_stats {SUMMARY_STATS.format(where=where)}", [ids])
    store.conn.execute(f"INSERT INTO actor_spellings {SUMMARY_SPELLINGS.format(where=where)}", [ids])


_ADD_STATS = f"""
INSERT INTO actor_stats {columns_select(7)}
ON CONFLICT (actor_id) DO UPDATE SET articles = actor_stats.articles + excluded.articles,
    first_published = least(actor_stats.first_published, excluded.first_published),
    last_published = greatest(actor_stats.last_published, excluded.last_published),
    events = actor_stats.events + excluded.events, quotes = actor_stats.quotes + excluded.quotes,
    figures = actor_stats.figures + excluded.figures
"""
_ADD_SPELLINGS = f"""
INSERT INTO actor_spellings {columns_select(4)}
ON CONFLICT (actor_id, name, reason) DO UPDATE SET articles = actor_spellings.articles + excluded.articles
"""


def add_summaries(store: Store, items: list[tuple], article_actors: list[tuple],
                  published: dict[str, str | None]) -> None:
    """Add new articles to the summaries: their items, and per actor their articles and counts.

    `items` are actor_items rows; `article_actors` the new per-article actor rows;
    `published` maps each new article id to its publication date.
    """
    store.insert("actor_items", items)
    articles: dict[str, set[str]] = defaultdict(set)
    spellings: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in article_actors:
        article_id, actor_id, name, reason = row[0], row[2], row[3], row[10]
        articles[actor_id].add(article_id)
        spellings[(actor_id, name, reason)].add(article_id)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"event": 0, "quote": 0, "figure": 0})
    for row in items:
        counts[row[0]][row[1]] += 1
    stats = []
    for actor_id, ids in articles.items():
        dates = [d for d in (published.get(i) for i in ids) if d]
        c = counts[actor_id]
        stats.append((actor_id, len(ids), min(dates, default=None), max(dates, default=None),
                      c["event"], c["quote"], c["figure"]))
    if stats:
        store.conn.execute(_ADD_STATS, [list(col) for col in zip(*stats)])
    if spellings:
        rows = [(a, n, r, len(ids)) for (a, n, r), ids in spellings.items()]
        store.conn.execute(_ADD_SPELLINGS, [list(col) for col in zip(*rows)])
