"""GEXF and GraphML: networkx reads back the same actors, relations and attributes."""
from __future__ import annotations

import networkx as nx
import pytest

from actorgraph.export import export_store
from actorgraph.export.network import actor_network
from actorgraph.export.selection import select


@pytest.mark.parametrize("fmt,read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_the_file_loads_back_with_the_same_nodes_edges_and_attributes(store, tmp_path, fmt, read):
    with select(store) as selection:
        graph = actor_network(selection)
    path = tmp_path / f"graph.{fmt}"
    export_store(store, fmt, str(path))
    back = read(path)
    assert set(back.nodes) == set(graph.nodes) and len(back.nodes) == 12
    back_edges = {d["relation"]: (u, v, d) for u, v, d in back.edges(data=True)}
    assert len(back_edges) == back.number_of_edges() == graph.number_of_edges() == 9
    for node, data in graph.nodes(data=True):
        assert {k: back.nodes[node][k] for k in data} == data
    for u, v, key, data in graph.edges(keys=True, data=True):
        bu, bv, got = back_edges[key]
        assert (bu, bv) == (u, v)
        assert {a: got[a] for a in data} == data


def test_edges_carry_predicate_certainty_counts_and_dates_and_nodes_their_ids(store):
    with select(store) as selection:
        graph = actor_network(selection)
    names = {n: d["label"] for n, d in graph.nodes(data=True)}
    support = next(d for u, v, d in graph.edges(data=True) if d["predicate"] == "supports")
    assert names[next(u for u, v, d in graph.edges(data=True) if d["predicate"] == "supports")] == "Hezbollah"
    assert support["certainty"] == "contradicted" and support["contradicted"] is True
    assert (support["statements"], support["sources"], support["asserted"], support["negated"]) == (2, 2, 1, 1)
    assert (support["first_date"], support["last_date"]) == ("2020-01-05", "2020-01-10")
    assert support["articles"] == "hand/aah.txt; hand/denial.txt"
    khamenei = next(d for d in graph.nodes.values() if d["label"] == "Ali Khamenei")
    assert (khamenei["type"], khamenei["registry_id"], khamenei["wikidata"], khamenei["aliases"]) == \
        ("person", "ali_khamenei", "Q57336", "Khamenei")
