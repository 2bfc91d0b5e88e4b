"""Per-actor summaries kept beside the graph, so a profile reads a few rows, not the whole store.

    actor_items      each event, quote and figure an actor takes part in, with its date and place
    actor_stats      per actor: articles naming it, first and last publication, item counts
    actor_spellings  per actor: each per-article name and why it joined, with its article count
    relation_firsts  per edge: its first few statements each way, with their article's source and title

New articles add to them (`add_summaries`, `add_relation_firsts`); a merge or split recomputes
them for the actors and edges it touches (`rebuild_summaries`, `rebuild_relation_firsts`);
migrations 2 and 11 fill them for an older store.
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


# Per-edge summary: the first statements of each edge, so a profile shows an edge's evidence
# without reading all of its statements (a hub's strongest edges have thousands).
FIRSTS_PER_EDGE = 3  # statements kept per edge each way (stating it, denying it)
FIRSTS_ORDER = "date NULLS LAST, seq, sent_start, statement_id"  # the earliest first, then the order stored
_FIRSTS_COLUMNS = ("relation_id, negated, statement_id, article_id, sentence, sent_start, sent_end, certainty, date, "
                   "role, extractor, source, title, seq")
_FIRSTS_OF = f"""
SELECT s.relation_id, s.certainty = 'negated' AS negated, s.id AS statement_id, s.article_id, s.sentence, s.sent_start,
       s.sent_end, s.certainty, s.date, s.role, s.extractor, a.source, a.title, a.seq
FROM statements s JOIN articles a ON a.id = s.article_id {{where}}
QUALIFY row_number() OVER (PARTITION BY s.relation_id, s.certainty = 'negated'
                           ORDER BY s.date NULLS LAST, a.seq, s.sent_start, s.id) <= {FIRSTS_PER_EDGE}"""


def build_relation_firsts(store: Store) -> None:
    """Fill relation_firsts for every edge from all statements (a migration, or a bulk-built store)."""
    store.conn.execute("DELETE FROM relation_firsts")
    store.conn.execute(f"INSERT INTO relation_firsts {_FIRSTS_OF.format(where='')} ORDER BY s.relation_id")


def rebuild_relation_firsts(store: Store, relation_ids: Iterable[str]) -> None:
    """Recompute the first statements of these edges from their statements (after a merge or split)."""
    ids = sorted(set(relation_ids))
    if not ids:
        return
    store.conn.execute("DELETE FROM relation_firsts WHERE relation_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    store.conn.execute(f"INSERT INTO relation_firsts "
                       f"{_FIRSTS_OF.format(where='WHERE s.relation_id IN (SELECT unnest(?::VARCHAR[]))')}", [ids])


def add_relation_firsts(store: Store, article_ids: list[str]) -> None:
    """Fold new articles' statements into their edges' first statements.

    The first few of (kept firsts + new statements) are the first few of all statements, so
    the cost follows the new statements, not the size of their edges.
    """
    if not article_ids:
        return
    new = _FIRSTS_OF.format(where="WHERE s.article_id IN (SELECT unnest(?::VARCHAR[]))")
    store.conn.execute(f"""CREATE OR REPLACE TEMP TABLE firsts_new AS
        WITH fresh AS ({new}),
             kept AS (SELECT {_FIRSTS_COLUMNS} FROM relation_firsts
                      WHERE relation_id IN (SELECT DISTINCT relation_id FROM fresh))
        SELECT * FROM (SELECT * FROM kept UNION ALL SELECT * FROM fresh)
        QUALIFY row_number() OVER (PARTITION BY relation_id, negated ORDER BY {FIRSTS_ORDER}) <= {FIRSTS_PER_EDGE}""",
                       [article_ids])
    store.conn.execute("DELETE FROM relation_firsts WHERE relation_id IN (SELECT DISTINCT relation_id FROM firsts_new)")
    store.conn.execute(f"INSERT INTO relation_firsts SELECT {_FIRSTS_COLUMNS} FROM firsts_new")
    store.conn.execute("DROP TABLE firsts_new")
