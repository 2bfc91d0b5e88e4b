"""The committed exports of the dev articles (docs/examples) load in each tool and agree with each other."""
from __future__ import annotations

from pathlib import Path

import duckdb
import networkx as nx
import pytest
from interop_checks import load_ftm, neo4j_headers

from actorgraph.export.selection import KINDS

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="docs/examples is not in this checkout")

ACTOR_SCHEMATA = {"Person", "Organization", "PublicBody", "Territory"}


def _table(fmt: str, kind: str) -> list[tuple]:
    read = "read_csv_auto" if fmt == "csv" else "read_parquet"
    return duckdb.connect().execute(f"SELECT * FROM {read}('{EXAMPLES / fmt / f'{kind}.{fmt}'}')").fetchall()


def test_every_format_holds_the_same_actors_and_relations():
    proxies = load_ftm((EXAMPLES / "dev-articles.ftm.json").read_text(encoding="utf-8"))
    actors = [p for p in proxies if p.schema.name in ACTOR_SCHEMATA]
    relations = [p for p in proxies if p.schema.edge and p.get("recordId", quiet=True)]
    gexf = nx.read_gexf(EXAMPLES / "dev-articles.gexf")
    graphml = nx.read_graphml(EXAMPLES / "dev-articles.graphml")
    csv_actors, parquet_actors = _table("csv", "actors"), _table("parquet", "actors")
    assert len(actors) == gexf.number_of_nodes() == graphml.number_of_nodes() == len(csv_actors) == len(parquet_actors)
    assert len(relations) == gexf.number_of_edges() == graphml.number_of_edges() == len(_table("csv", "relations"))
    assert len(actors) > 100 and len(relations) > 100
    assert {r[0] for r in csv_actors} == set(gexf.nodes) == {r[0] for r in parquet_actors}


def test_csv_and_parquet_tables_hold_the_same_rows():
    for kind in KINDS:
        assert len(_table("csv", kind)) == len(_table("parquet", kind)), kind


def test_the_neo4j_folder_follows_the_import_format():
    headers = neo4j_headers(EXAMPLES / "neo4j")
    assert "actors.csv" in headers and "relations.csv" in headers
    assert (EXAMPLES / "neo4j" / "load.cypher").is_file()


def test_the_neighbourhood_example_is_a_part_of_the_whole():
    whole = nx.read_gexf(EXAMPLES / "dev-articles.gexf")
    part = nx.read_gexf(EXAMPLES / "soleimani-1hop.gexf")
    assert 1 < part.number_of_nodes() < whole.number_of_nodes()
    assert set(part.nodes) <= set(whole.nodes)
    soleimani = next(n for n, d in part.nodes(data=True) if d["label"] == "Qasem Soleimani")
    # every relation of the neighbourhood touches Soleimani or links two of his neighbours
    neighbours = set(part.predecessors(soleimani)) | set(part.successors(soleimani)) | {soleimani}
    assert all(u in neighbours and v in neighbours for u, v in part.edges())
