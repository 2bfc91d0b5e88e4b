"""The network around one actor: a bounded neighbourhood, never the whole graph.

Breadth-first from the centre, hop by hop, following the strongest edges first (most sources);
it stops adding actors at `limit` and says so (`truncated`). Filters by predicate, certainty
and date apply to the statements behind each edge, with the meaning `query.filters` gives them
(a statement's date, else its article's; `until=2024-07` keeps all of July).
Without a date filter the edges' stored totals answer: an edge passes a certainty filter when
one of its kept certainties counts a statement, and only an edge that also has statements of
a left-out certainty has its figures recounted from its statements. A date filter reads the
statements.
"""
from __future__ import annotations

from ..model import CERTAINTIES
from ..query.filters import StatementFilters, article_join, item_date, statement_filters
from ..store import Store
from ..store.review import edge_states
from ..store.database import in_list

MAX_HOPS = 3
MAX_NODES = 300


def _edges(store: Store, frontier: list[str], f: StatementFilters, cap: int, within: bool = False) -> list[tuple]:
    """Edges touching the frontier (or, `within`, joining two of its actors) that pass the filters, strongest first."""
    join = "AND" if within else "OR"
    if not f.dated and not f.include_rejected:
        return _stored_edges(store, frontier, join, f, cap)
    ids = in_list(frontier)
    return _statement_edges(store, f"(s.subject IN {ids} {join} s.object IN {ids})", [], f, cap)


def _stored_edges(store: Store, frontier: list[str], join: str, f: StatementFilters, cap: int) -> list[tuple]:
    """Edges answered from their stored totals; those with statements of a left-out certainty recounted.

    The actors are named literally and each end read apart: DuckDB then reads the subject and object
    indexes, where a bound list, or an OR of the two ends, reads every edge (150-500 ms on a million)."""
    ids = in_list(frontier)
    if join == "AND":
        touching = f"(SELECT * FROM relations WHERE subject IN {ids}) r"
        cond, params = [f"r.object IN {ids}"], []
    else:
        touching = (f"(SELECT * FROM relations WHERE subject IN {ids} "
                    f"UNION SELECT * FROM relations WHERE object IN {ids}) r")
        cond, params = ["true"], []
    if f.predicates:
        cond.append("r.predicate IN (SELECT unnest(?))")
        params.append(list(f.predicates))
    left_out = [c for c in CERTAINTIES if c not in (f.certainty or CERTAINTIES)]
    if not left_out:
        return store.rows(f"""
            SELECT id, subject, predicate, object, sources, statements, asserted, reported, uncertain, negated,
                   first_date, last_date FROM {touching} WHERE {' AND '.join(cond)}
            ORDER BY sources DESC, statements DESC, id LIMIT ?""", params + [cap])
    kept = [c for c in CERTAINTIES if c not in left_out]
    if not kept:
        return []
    cond.append("(" + " OR ".join(f"r.{c} > 0" for c in kept) + ")")  # column names from CERTAINTIES only
    mixed = " OR ".join(f"r.{c} > 0" for c in left_out)
    rows = store.rows(f"""
        SELECT id, subject, predicate, object, sources, statements, asserted, reported, uncertain, negated,
               first_date, last_date, {mixed} AS mixed FROM {touching} WHERE {' AND '.join(cond)}""", params)
    pure = [row[:12] for row in rows if not row[12]]
    recount = [row[0] for row in rows if row[12]]
    if recount:  # an edge with statements of a left-out certainty: its figures from the kept statements alone
        pure += _statement_edges(store, f"s.relation_id IN {in_list(recount)}", [],
                                 StatementFilters(certainty=f.certainty), len(recount))
    pure.sort(key=lambda r: (-r[4], -r[5], r[0]))
    return pure[:cap]


def _statement_edges(store: Store, where: str, params: list, f: StatementFilters, cap: int) -> list[tuple]:
    """Edges counted from their statements that pass the filters, strongest first."""
    # A statement's date, else its article's; the articles are joined only for a date filter (costly).
    date, articles = (item_date("s"), article_join("s")) if f.dated else ("s.date", "")
    cond, more = f.conditions("s", date_sql=date)
    cond, params = [where, *cond], [*params, *more]
    return store.rows(f"""
        SELECT s.relation_id, s.subject, s.predicate, s.object, count(DISTINCT s.article_id) AS sources,
               count(*) AS statements, count_if(s.certainty = 'asserted'), count_if(s.certainty = 'reported'),
               count_if(s.certainty = 'uncertain'), count_if(s.certainty = 'negated'), min({date}), max({date})
        FROM {f.table} s {articles}
        WHERE {' AND '.join(cond)}
        GROUP BY ALL ORDER BY sources DESC, statements DESC, s.relation_id LIMIT ?""", params + [cap])


def neighbourhood(store: Store, actor_id: str, *, hops: int = 1, predicates: list[str] | None = None,
                  certainty: list[str] | None = None, since: str | None = None, until: str | None = None,
                  limit: int = 100, include_rejected: bool = False) -> dict:
    """Actors within `hops` edges of the centre (at most `limit`), and the edges between them.

    Each edge says its review state; the statements a reviewer rejected count only with
    `include_rejected` (an edge of rejected statements only is drawn then, `review` "rejected").
    Raises FilterError naming a predicate, certainty or date that cannot be used."""
    f = statement_filters(predicates, certainty, since, until, include_rejected=include_rejected)
    hops = max(1, min(hops, MAX_HOPS))
    limit = max(2, min(limit, MAX_NODES))
    depth = {actor_id: 0}
    edges: dict[str, dict] = {}
    frontier = [actor_id]
    truncated = False
    for hop in range(1, hops + 1):
        if not frontier:
            break
        nxt = []
        for (rid, s, p, o, sources, n, asserted, reported, uncertain, negated, first,
             last) in _edges(store, frontier, f, cap=limit * 4):
            for node in (s, o):
                if node not in depth:
                    if len(depth) >= limit:
                        truncated = True
                        continue
                    depth[node] = hop
                    nxt.append(node)
            if s in depth and o in depth and rid not in edges:
                edges[rid] = {"id": rid, "source": s, "target": o, "predicate": p, "sources": sources,
                              "statements": n, "first_date": first, "last_date": last,
                              "certainty": {"asserted": asserted, "reported": reported, "uncertain": uncertain,
                                            "negated": negated}}
        frontier = nxt
    if len(depth) > 1:  # edges among the actors found (the search above saw only edges at the frontier)
        ids = list(depth)
        for row in _edges(store, ids, f, cap=limit * 8, within=True):
            rid, s, p, o = row[:4]
            if s in depth and o in depth and rid not in edges:
                edges[rid] = {"id": rid, "source": s, "target": o, "predicate": p, "sources": row[4],
                              "statements": row[5], "first_date": row[10], "last_date": row[11],
                              "certainty": dict(zip(CERTAINTIES, row[6:10]))}
    stories = dict(store.rows(f"SELECT relation_id, stories FROM relation_stories WHERE relation_id IN "
                              f"{in_list(list(edges))}")) if edges else {}
    reviews = edge_states(store, list(edges))
    for rid, e in edges.items():
        e["stories"] = min(stories.get(rid, e["sources"]), e["sources"])  # independent stories among its sources
        e["review"] = reviews[rid]
    names = {i: (n, t) for i, n, t in store.rows(
        f"SELECT id, name, type FROM actors WHERE id IN {in_list(list(depth))}")}
    nodes = [{"id": i, "name": names.get(i, ("?", "?"))[0], "type": names.get(i, ("?", "?"))[1], "hop": d}
             for i, d in depth.items()]
    return {"centre": actor_id, "hops": hops, "limit": limit, "truncated": truncated,
            "filters": {"predicates": predicates or [], "certainty": certainty or [], "since": since, "until": until,
                        "include_rejected": include_rejected},
            "nodes": nodes, "edges": list(edges.values())}
