"""Per-actor summaries kept beside the graph, so a profile reads a few rows, not the whole store.

    actor_items      each event, quote and figure an actor takes part in, with its date and place
    actor_stats      per actor: articles naming it, first and last publication, item counts
    actor_spellings  per actor: each per-article name and why it joined, with its article count
    relation_firsts  per edge: its first few statements each way, with their article's source and title
    actor_search     per spelling of an actor, a key from each of its words on, with the actor's articles:
                     the type-ahead reads one sorted range of it, not every name

New articles add to them (`add_summaries`, `add_relation_firsts`); a merge or split recomputes
them for the actors and edges it touches (`rebuild_summaries`, `rebuild_relation_firsts`); a
change of an actor's names (`actors.rebuild_names`) refreshes its search keys; migrations 2, 15
and 17 fill them for an older store.
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
    refresh_actor_search(store, ids)


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
    refresh_actor_search(store, articles)


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
    _recompute(store, "relation_firsts", "relation_id", _FIRSTS_OF, "s.relation_id", relation_ids)


def _recompute(store: Store, table: str, key: str, select: str, select_key: str, ids: Iterable[str]) -> None:
    """Delete the rows of `table` whose `key` is one of `ids` and insert them again from `select`
    (a query with a `{where}` slot, filtered on its column `select_key`)."""
    ids = sorted(set(ids))
    if not ids:
        return
    store.conn.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[]))", [ids])
    store.conn.execute(f"INSERT INTO {table} "
                       f"{select.format(where=f'WHERE {select_key} IN (SELECT unnest(?::VARCHAR[]))')}", [ids])


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


# Type-ahead keys: a spelling folded, from each of its first SEARCH_WORDS words to its end
# ("united nations security council", "nations security council", ...), so that what the user
# types is a prefix of a key: one range of a table sorted by key, which DuckDB reads by its
# row groups' min/max without a scan of every name. `whole` marks the key that is the whole
# spelling (those rank first); `articles` is the actor's (actor_stats), to rank without a join.
SEARCH_WORDS = 8
_SEARCH_OF = f"""
SELECT key, actor_id, name, whole, articles FROM (
    SELECT array_to_string(w[i:], ' ') AS key, actor_id, name, i = 1 AS whole, articles FROM (
        SELECT n.actor_id, n.name, w, coalesce(s.articles, 0) AS articles,
               unnest(range(1, least(len(w), {SEARCH_WORDS}) + 1)) AS i
        FROM (SELECT actor_id, name, string_split(trim(folded), ' ') AS w FROM actor_names {{where}}) n
        LEFT JOIN actor_stats s ON s.actor_id = n.actor_id))
WHERE key <> '' AND NOT starts_with(key, ' ')"""


def build_actor_search(store: Store) -> None:
    """Fill actor_search for every actor, sorted by key (a migration, or a bulk-built store)."""
    store.conn.execute("DELETE FROM actor_search")
    store.conn.execute(f"INSERT INTO actor_search {_SEARCH_OF.format(where='')} ORDER BY key")


def refresh_actor_search(store: Store, actor_ids: Iterable[str]) -> None:
    """Recompute the search keys of these actors (their names or article counts changed; gone when the actor is).

    New rows are appended after the sorted ones: a range read then also reads those row groups
    whole, which costs little until many actors have changed; `build_actor_search` sorts again.
    """
    _recompute(store, "actor_search", "actor_id", _SEARCH_OF, "actor_id", actor_ids)
