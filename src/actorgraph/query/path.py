"""`path`: the shortest chains of edges linking two actors, found by bidirectional breadth-first search.

A chain of command or influence runs one way. Every predicate has a downward sense, from the
actor above to the one below: "X commands Y", "X leads Y", "X founded Y", "X supports Y" point
down as written; "Y member_of X", "Y part_of X", "Y deputy_of X" point down read backwards;
symmetric predicates (met_with, allied_with, associated_with) go both ways. So

    direction="down"   chains from A down to B (Khamenei commands al-Kaabi, who founded Asaib)
    direction="up"     chains from A up to B (the same chain asked from Asaib's end)
    direction="auto"   down, else up (the default)
    direction="any"    any orientation: the actors are linked somehow

Each hop is printed in its true direction with a sentence that states it. Edges whose every
statement is negated are not followed unless `certainty` asks for negated ones. The predicate,
certainty and date filters mean what they mean everywhere (`query.filters`). Each step asks
the store for the edges touching one frontier (indexed lookups), so a query costs the
neighbourhoods it visits, not the whole graph; networkx lists the shortest chains in what was seen.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..model import CERTAINTIES
from ..store import Store
from ..store.database import in_list
from .filters import StatementFilters, article_join, item_date, statement_filters
from .lookup import find_actor

if TYPE_CHECKING:
    import networkx as nx

DEFAULT_PREDICATES = ("commands", "leads", "founded", "part_of", "member_of", "deputy_of", "supports")
UPWARD = frozenset({"member_of", "part_of", "deputy_of"})  # subject is below the object
SYMMETRIC = frozenset({"met_with", "allied_with", "associated_with"})
DIRECTIONS = ("auto", "down", "up", "any")
MAX_HOPS = 6
CHAINS_RANKED = 50  # shortest chains compared before the `limit` strongest are kept
MAX_FRONTIER = 5000  # stop widening past this many actors on one side (a hub joins everything)
LITERAL_FRONTIER = 200  # up to this many actors a step looks each up in the edges' indexes; beyond, one scan


def downward(subject: str, predicate: str, object_: str) -> list[tuple[str, str]]:
    """The edge as (upper, lower) pairs: one pair, or both ways for a symmetric predicate."""
    if predicate in SYMMETRIC:
        return [(subject, object_), (object_, subject)]
    return [(object_, subject)] if predicate in UPWARD else [(subject, object_)]


def _check(direction: str) -> None:
    if direction not in DIRECTIONS:
        raise StoreError(f"direction {direction!r} is not one of {', '.join(DIRECTIONS)}")


def _edges(store: Store, frontier: Iterable[str], f: StatementFilters) -> list[tuple[str, str, str, str]]:
    """Edges (relation id, subject, predicate, object) touching the frontier that pass the filters."""
    ids = sorted(frontier)
    if len(ids) <= LITERAL_FRONTIER and not (f.dated or f.include_rejected):  # index lookups, not a scan
        counted = " + ".join(f.certainty)
        return store.rows(f"""
            SELECT id, subject, predicate, object FROM relations
            WHERE subject IN {in_list(ids)} AND list_contains(?, predicate) AND {counted} > 0
            UNION SELECT id, subject, predicate, object FROM relations
            WHERE object IN {in_list(ids)} AND list_contains(?, predicate) AND {counted} > 0""",
                          [list(f.predicates)] * 2)
    if f.dated or f.include_rejected:
        cond, params = f.conditions("s", date_sql=item_date("s") if f.dated else None)
        return store.rows(f"""
            SELECT DISTINCT s.relation_id, s.subject, s.predicate, s.object FROM {f.table} s
            {article_join("s") if f.dated else ""}
            WHERE (s.subject IN (SELECT unnest(?)) OR s.object IN (SELECT unnest(?))) AND {' AND '.join(cond or ['true'])}""",
                          [ids, ids, *params])
    counted = " + ".join(f.certainty)  # the relation's count of each certainty asked for (names from CERTAINTIES)
    return store.rows(f"""
        SELECT id, subject, predicate, object FROM relations
        WHERE list_contains(?, predicate) AND (subject IN (SELECT unnest(?)) OR object IN (SELECT unnest(?)))
          AND {counted} > 0""", [list(f.predicates), ids, ids])


def _search(store: Store, a: str, b: str, directed: bool, f: StatementFilters,
            max_hops: int) -> tuple[nx.MultiGraph, bool]:
    """Bidirectional BFS from a (downward) and b (upward); the graph of edges seen, and whether they met."""
    import networkx as nx  # imported on use: `actorgraph stats`, `show` ... start without it
    graph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    graph.add_nodes_from([a, b])
    seen = {a: 0, b: 1}  # which search reached each actor first
    frontiers = [{a}, {b}]
    for _ in range(max_hops):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        nxt: set[str] = set()
        met = False
        for rid, s, p, o in _edges(store, frontiers[side], f):
            pairs = downward(s, p, o) if directed else [(s, o)]
            for upper, lower in pairs:
                graph.add_edge(upper, lower, key=rid + ("" if (upper, lower) == (s, o) else "~"),
                               relation=rid, subject=s, predicate=p, object=o)
                if directed:  # the forward search walks down, the backward one up
                    here, there = (upper, lower) if side == 0 else (lower, upper)
                    steps = [(here, there)]
                else:
                    steps = [(upper, lower), (lower, upper)]
                for here, there in steps:
                    if here not in frontiers[side]:
                        continue
                    if there not in seen:
                        seen[there] = side
                        nxt.add(there)
                    elif seen[there] != side:
                        met = True
        if met:
            return graph, True
        if not nxt or len(nxt) > MAX_FRONTIER:
            return graph, False
        frontiers[side] = nxt
    return graph, False


def _evidence(store: Store, relation_ids: list[str], f: StatementFilters) -> dict[str, dict]:
    """For each edge, the statement to print: one that passes the filters, most certain first, then earliest.

    The edges are named literally (their statements read by the relation index; a bound list read
    every statement)."""
    if not relation_ids:
        return {}
    cond, params = f.conditions("s", date_sql=item_date("s"), predicates=False)
    rows = store.rows(f"""
        SELECT s.relation_id, a.source, s.sentence, s.certainty, s.date, coalesce(r.sources, 0),
               coalesce(r.statements, 0), coalesce(r.contradicted, false), coalesce(rs.stories, r.sources, 0),
               {f.rejected_sql("s")}, s.id
        FROM {f.table} s JOIN articles a ON a.id = s.article_id {"LEFT " if f.include_rejected else ""}JOIN relations r ON r.id = s.relation_id
        LEFT JOIN relation_stories rs ON rs.relation_id = s.relation_id
        WHERE s.relation_id IN {in_list(relation_ids)} AND {' AND '.join(cond or ['true'])}
        QUALIFY row_number() OVER (PARTITION BY s.relation_id
            ORDER BY {f.rejected_sql("s")}, list_position(?, s.certainty), s.date NULLS LAST, a.seq) = 1""",
                      [*params, list(CERTAINTIES)])
    keys = ("source", "sentence", "certainty", "date", "sources", "statements", "contradicted", "stories", "rejected",
            "statement")
    return {r[0]: dict(zip(keys, r[1:])) for r in rows}


def path(store: Store, source: str, target: str, *, predicates: list[str] | None = None,
         certainty: list[str] | None = None, since: str | None = None, until: str | None = None,
         direction: str = "auto", max_hops: int = MAX_HOPS, limit: int = 5, include_rejected: bool = False) -> dict:
    """The shortest chains from `source` to `target` (at most `limit`), each hop with its evidence.

    Statements a reviewer rejected make no hop unless `include_rejected` (a hop then says `rejected`)."""
    import networkx as nx
    _check(direction)
    # negated statements make no chain unless asked for
    f = statement_filters(predicates or DEFAULT_PREDICATES, certainty or CERTAINTIES[:3], since, until,
                          include_rejected=include_rejected)
    predicates = list(f.predicates)
    a, b = find_actor(store, source), find_actor(store, target)
    if a.id == b.id:
        raise StoreError(f"{source!r} and {target!r} are the same actor ({a.name})")
    tries = {"auto": ["down", "up"], "down": ["down"], "up": ["up"], "any": ["any"]}[direction]
    chains: list[list[str]] = []
    graph: nx.MultiGraph = nx.MultiGraph()
    used = tries[-1]
    for used in tries:
        top, bottom = (a.id, b.id) if used != "up" else (b.id, a.id)
        graph, met = _search(store, top, bottom, used != "any", f, max_hops)
        if met and nx.has_path(graph, top, bottom):
            for nodes in nx.all_shortest_paths(graph, top, bottom):
                chains.append(nodes if used != "up" else nodes[::-1])
                if len(chains) >= CHAINS_RANKED:
                    break
            break
    hop_edges: list[list[list[dict]]] = []
    for nodes in chains:
        hops = []
        for n1, n2 in zip(nodes, nodes[1:]):
            data = graph.get_edge_data(n1, n2) if used != "up" else graph.get_edge_data(n2, n1)
            hops.append(list(data.values()))
        hop_edges.append(hops)
    evidence = _evidence(store, sorted({e["relation"] for hops in hop_edges for h in hops for e in h}), f)
    rank = {p: i for i, p in enumerate(predicates)}

    def strength(i: int) -> tuple:
        """Chains whose weakest hop has the most sources first, then those of the earlier predicates."""
        best = [max(h, key=lambda e: evidence.get(e["relation"], {}).get("stories") or 0) for h in hop_edges[i]]
        return (-min(evidence.get(e["relation"], {}).get("stories") or 0 for e in best),
                sum(rank.get(e["predicate"], len(rank)) for e in best), chains[i])

    order = sorted(range(len(chains)), key=strength)[:limit]
    chains, hop_edges = [chains[i] for i in order], [hop_edges[i] for i in order]
    names = dict(store.rows(f"SELECT id, name FROM actors WHERE id IN {in_list(sorted({n for c in chains for n in c}))}"
                            )) if chains else {}
    out = []
    for nodes, hops in zip(chains, hop_edges):
        steps = []
        for options in hops:
            described = [{"relation": e["relation"], "subject": names.get(e["subject"]), "predicate": e["predicate"],
                          "object": names.get(e["object"]), "subject_id": e["subject"], "object_id": e["object"],
                          **evidence.get(e["relation"], {})} for e in options]
            described.sort(key=lambda h: (-(h.get("stories") or 0), rank.get(h["predicate"], len(rank))))
            steps.append(described[0] | {"alternatives": described[1:]})
        out.append({"actors": [names.get(n) for n in nodes], "hops": steps})
    return {"source": a.as_dict(), "target": b.as_dict(), "predicates": predicates, "direction": direction,
            "followed": used if chains else None, "certainty": certainty, "since": since, "until": until,
            "include_rejected": include_rejected, "chains": out}
