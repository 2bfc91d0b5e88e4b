"""The actor network of a selection as a networkx graph, written as GEXF (Gephi) or GraphML.

Nodes are actors, edges are relations (a multigraph: two actors may be joined by several
predicates; the edge key and its `relation` attribute are the relation id: a reader that
finds no parallel edges returns a simple graph and drops the key). GEXF and GraphML hold scalar attributes only,
so lists are joined with "; " and an edge carries its first sentence, not all of them;
events, quotes and figures are not part of the network (docs/interop.md).
"""
from __future__ import annotations

from collections import defaultdict
from typing import IO

import networkx as nx

from .selection import Selection, certainty_of

LIST_SEPARATOR = "; "


def _scalars(values: dict) -> dict:
    """The attributes GEXF and GraphML can hold: no None (a missing attribute says it)."""
    return {k: v for k, v in values.items() if v is not None}


def actor_network(selection: Selection) -> nx.MultiDiGraph:
    """Actors as nodes (name, type, ids, aliases), relations as edges (predicate, certainty, counts, dates)."""
    graph = nx.MultiDiGraph(name="actorgraph")
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in selection.rows("aliases"):
        aliases[row["actor_id"]].append(row["name"])
    for row in selection.rows("actors"):
        graph.add_node(row["id"], **_scalars({
            "label": row["name"], "type": row["type"], "registry_id": row["registry_id"],
            "wikidata": row["wikidata"], "aliases": LIST_SEPARATOR.join(aliases.get(row["id"], [])) or None,
            "articles": row["articles"], "mentions": row["mentions"]}))
    evidence: dict[str, list[dict]] = defaultdict(list)
    for row in selection.rows("evidence"):
        evidence[row["relation_id"]].append(row)
    sources = {row["id"]: row["source"] for row in selection.rows("articles")}
    for row in selection.rows("relations"):
        statements = evidence.get(row["id"], [])
        graph.add_edge(row["subject"], row["object"], key=row["id"], **_scalars({
            "relation": row["id"], "label": row["predicate"], "predicate": row["predicate"], "certainty": certainty_of(row),
            "statements": row["statements"], "stories": row["stories"], "sources": row["sources"],
            "asserted": row["asserted"],
            "reported": row["reported"], "uncertain": row["uncertain"], "negated": row["negated"],
            "contradicted": bool(row["contradicted"]), "first_date": row["first_date"],
            "last_date": row["last_date"], "roles": row["roles"], "review": row["review"],
            "rejected": row["rejected"],
            "evidence": next((s["sentence"] for s in statements if s["review"] != "rejected"),
                             statements[0]["sentence"] if statements else None),
            "articles": LIST_SEPARATOR.join(dict.fromkeys(sources[s["article_id"]] for s in statements)),
        }))
    return graph


def write_gexf(selection: Selection, out: IO[bytes]) -> int:
    graph = actor_network(selection)
    nx.write_gexf(graph, out)
    return graph.number_of_nodes() + graph.number_of_edges()


def write_graphml(selection: Selection, out: IO[bytes]) -> int:
    graph = actor_network(selection)
    nx.write_graphml(graph, out)
    return graph.number_of_nodes() + graph.number_of_edges()
