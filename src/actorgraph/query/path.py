"""`path`: the chains of edges linking two actors, found by bidirectional breadth-first search in SQL.

Each step asks the store for the edges touching the current frontier (indexed lookups), so
a query costs the neighbourhoods it visits, not the whole graph. Edges are followed either
way; each hop is reported in its true direction with its evidence sentence. Once the two
searches meet, networkx enumerates the shortest chains over the subgraph seen.
"""
from __future__ import annotations

import networkx as nx

from ..errors import StoreError
from ..store import Store
from .lookup import find_actor
from .profile import statements

DEFAULT_PREDICATES = ("commands", "leads", "part_of", "member_of")
MAX_HOPS = 6
MAX_FRONTIER = 5000  # stop widening past this many actors on one side (a hub joins everything)


def _expand(store: Store, frontier: set[str], predicates: list[str], certainty: list[str] | None,
            since: str | None, until: str | None) -> list[tuple[str, str, str, str]]:
    """Edges (relation id, subject, predicate, object) touching the frontier that pass the filters."""
    ids = sorted(frontier)
    if not (certainty or since or until):
        return store.rows("""
            SELECT id, subject, predicate, object FROM relations WHERE list_contains(?, subject) AND list_contains(?, predicate)
            UNION SELECT id, subject, predicate, object FROM relations WHERE list_contains(?, object) AND list_contains(?, predicate)""",
                          [ids, predicates, ids, predicates])
    cond, params = ["list_contains(?, predicate)"], [predicates]
    if certainty:
        cond.append("list_contains(?, certainty)")
        params.append(certainty)
    if since:
        cond.append("date >= ?")
        params.append(since)
    if until:
        cond.append("date <= ?")
        params.append(until)
    where = " AND ".join(cond)
    return store.rows(f"""
        SELECT DISTINCT relation_id, subject, predicate, object FROM statements
        WHERE (list_contains(?, subject) OR list_contains(?, object)) AND {where}""", [ids, ids, *params])


def path(store: Store, source: str, target: str, *, predicates: list[str] | None = None,
         certainty: list[str] | None = None, since: str | None = None, until: str | None = None,
         max_hops: int = MAX_HOPS, limit: int = 5) -> dict:
    """The shortest chains from `source` to `target` (at most `limit`), each hop with its evidence."""
    a, b = find_actor(store, source), find_actor(store, target)
    if a.id == b.id:
        raise StoreError(f"{source!r} and {target!r} are the same actor ({a.name})")
    predicates = list(predicates or DEFAULT_PREDICATES)
    graph = nx.MultiGraph()
    graph.add_nodes_from([a.id, b.id])
    seen = {a.id: 0, b.id: 1}  # which search reached each actor first
    frontiers = [{a.id}, {b.id}]
    met = False
    hops = 0
    while hops < max_hops and not met and all(frontiers):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        nxt: set[str] = set()
        for rid, s, p, o in _expand(store, frontiers[side], predicates, certainty, since, until):
            graph.add_edge(s, o, key=rid, subject=s, predicate=p, object=o)
            for node in (s, o):
                if node not in seen:
                    seen[node] = side
                    nxt.add(node)
                elif seen[node] != side:
                    met = True
        hops += 1
        if len(nxt) > MAX_FRONTIER:
            break
        frontiers[side] = nxt
    chains = []
    if met and nx.has_path(graph, a.id, b.id):
        for nodes in nx.all_shortest_paths(graph, a.id, b.id):
            if len(chains) >= limit:
                break
            chains.append(nodes)
    edge_ids = {k for n1, n2 in ((c[i], c[i + 1]) for c in chains for i in range(len(c) - 1))
                for k in graph.get_edge_data(n1, n2)}
    evidence = statements(store, sorted(edge_ids), per_edge=1)
    names = dict(store.rows("SELECT id, name FROM actors WHERE list_contains(?, id)",
                            [sorted({n for c in chains for n in c})])) if chains else {}
    out = []
    for nodes in chains:
        steps = []
        for n1, n2 in zip(nodes, nodes[1:]):
            options = []
            for rid, data in graph.get_edge_data(n1, n2).items():
                ev = (evidence.get(rid) or [{}])[0]
                options.append({"relation": rid, "subject": names.get(data["subject"]), "predicate": data["predicate"],
                                "object": names.get(data["object"]), "subject_id": data["subject"],
                                "object_id": data["object"], "sentence": ev.get("sentence"),
                                "source": ev.get("source"), "certainty": ev.get("certainty"), "date": ev.get("date")})
            steps.append(options[0] | {"alternatives": options[1:]})
        out.append({"actors": [names.get(n) for n in nodes], "hops": steps})
    return {"source": a.as_dict(), "target": b.as_dict(), "predicates": predicates, "chains": out}
