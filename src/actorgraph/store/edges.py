"""Edges: the statements of one (subject, predicate, object) aggregated, kept up to date as actors move."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ..model import CERTAINTIES
from .database import Store, columns_select
from .summaries import rebuild_relation_firsts


def relation_id(subject: str, predicate: str, object_: str) -> str:
    """The id of the edge (subject, predicate, object); `RELATION_ID_SQL` computes the same in SQL."""
    return "r" + hashlib.md5(f"{subject}|{predicate}|{object_}".encode()).hexdigest()[:16]


RELATION_ID_SQL = "'r' || left(md5(subject || '|' || predicate || '|' || object), 16)"

_AGGREGATE_WHERE = """
INSERT INTO relations
SELECT relation_id, any_value(subject), any_value(predicate), any_value(object), count(*),
       count(DISTINCT article_id), min(date), max(date),
       count(*) FILTER (WHERE certainty = 'asserted'), count(*) FILTER (WHERE certainty = 'reported'),
       count(*) FILTER (WHERE certainty = 'uncertain'), count(*) FILTER (WHERE certainty = 'negated'),
       count(*) FILTER (WHERE certainty = 'negated') > 0
           AND count(*) FILTER (WHERE certainty IN ('asserted', 'reported')) > 0
FROM statements WHERE {where} GROUP BY relation_id
"""
_AGGREGATE = _AGGREGATE_WHERE.format(where="list_contains(?, relation_id)")
_AGGREGATE_ONE = _AGGREGATE_WHERE.format(where="relation_id = ?")  # index-backed: one edge of a review


def aggregate_relation(store: Store, relation_id: str) -> None:
    """Recompute one edge and its first statements through the relation_id index (a review's edge; cheap)."""
    store.conn.execute("DELETE FROM relations WHERE id = ?", [relation_id])
    store.conn.execute(_AGGREGATE_ONE, [relation_id])
    rebuild_relation_firsts(store, [relation_id])


def aggregate_relations(store: Store, ids: Iterable[str]) -> None:
    """Recompute the edges with these ids from all their statements (an edge without any goes).

    Scans the statements; used after merges and splits. A new article adds to its edges with
    `add_to_relations` instead, whose cost does not grow with the store.
    """
    ids = sorted(set(ids))
    if not ids:
        return
    store.conn.execute("DELETE FROM relations WHERE list_contains(?, id)", [ids])
    store.conn.execute(_AGGREGATE, [ids])
    rebuild_relation_firsts(store, ids)


_ADD = f"""
INSERT INTO relations {columns_select(13)}
ON CONFLICT (id) DO UPDATE SET
    statements = relations.statements + excluded.statements, sources = relations.sources + excluded.sources,
    first_date = least(relations.first_date, excluded.first_date),
    last_date = greatest(relations.last_date, excluded.last_date),
    asserted = relations.asserted + excluded.asserted, reported = relations.reported + excluded.reported,
    uncertain = relations.uncertain + excluded.uncertain, negated = relations.negated + excluded.negated,
    contradicted = relations.negated + excluded.negated > 0
        AND relations.asserted + excluded.asserted + relations.reported + excluded.reported > 0
"""


def add_to_relations(store: Store, statement_rows: list[tuple]) -> None:
    """Add new articles' statements to their edges: counts, sources (the new articles), date range."""
    edges: dict[str, list] = {}
    articles: dict[str, set[str]] = {}
    for row in statement_rows:
        rid, s, p, o, certainty, date = row[1], row[3], row[4], row[5], row[8], row[10]
        e = edges.setdefault(rid, [rid, s, p, o, 0, 0, None, None, 0, 0, 0, 0, False])
        articles.setdefault(rid, set()).add(row[2])
        e[5] = len(articles[rid])
        e[4] += 1
        if date:
            e[6] = min(e[6] or date, date)
            e[7] = max(e[7] or date, date)
        e[8 + CERTAINTIES.index(certainty)] += 1
    for e in edges.values():
        e[12] = e[11] > 0 and e[8] + e[9] > 0
    if edges:
        store.conn.execute(_ADD, [list(c) for c in zip(*edges.values())])


def _edges_of(store: Store, actor_ids: list[str]) -> set[str]:
    return {r for table in ("statements", "rejected_statements") for (r,) in store.rows(
        f"SELECT DISTINCT relation_id FROM {table} WHERE list_contains(?, subject) OR list_contains(?, object)",
        [actor_ids, actor_ids])}


def relink_statements(store: Store, actor_ids: list[str]) -> None:
    """Point statements (rejected ones too) at the global actors their per-article actors now resolve to; re-aggregate."""
    before = _edges_of(store, actor_ids)
    for table in ("statements", "rejected_statements"):
        for side in ("subject", "object"):
            store.conn.execute(f"""
                UPDATE {table} SET {side} = aa.actor_id FROM article_actors aa
                WHERE aa.article_id = {table}.article_id AND aa.local_id = {table}.local_{side}
                  AND (list_contains(?, {table}.{side}) OR list_contains(?, aa.actor_id))""", [actor_ids, actor_ids])
        store.conn.execute(f"""UPDATE {table} SET relation_id = {RELATION_ID_SQL}
            WHERE list_contains(?, subject) OR list_contains(?, object)""", [actor_ids, actor_ids])
    after = _edges_of(store, actor_ids)
    aggregate_relations(store, before | after)
    from .review import follow_edges  # review reads the edges; no cycle at import

    follow_edges(store, before, after)
    from .stories import recount_stories  # stories reads the edges' statements; no cycle at import

    recount_stories(store, before | after)
