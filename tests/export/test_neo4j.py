"""The Neo4j folder: headers in the neo4j-admin import format, every relationship end a node."""
from __future__ import annotations

import csv

from interop_checks import neo4j_headers

from actorgraph.export import export_store


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_headers_follow_the_import_tool_format_and_every_end_is_a_node(store, tmp_path):
    export_store(store, "neo4j", str(tmp_path / "neo4j"))
    folder = tmp_path / "neo4j"
    headers = neo4j_headers(folder)
    assert {"actors.csv", "articles.csv", "statements.csv", "events.csv", "relations.csv"} <= set(headers)
    ids: dict[str, set[str]] = {}
    for name, header in headers.items():
        id_col = next((h for h in header if ":ID(" in h), None)
        if id_col:
            group = id_col[id_col.index("(") + 1:-1]
            ids.setdefault(group, set()).update(r[id_col] for r in _rows(folder / name))
    for name, header in headers.items():
        if ":TYPE" not in header:
            continue
        start, end = header[0], header[1]
        for row in _rows(folder / name):
            assert row[start] in ids[start[start.index("(") + 1:-1]], f"{name}: {row[start]}"
            assert row[end] in ids[end[end.index("(") + 1:-1]], f"{name}: {row[end]}"


def test_values_are_typed_and_arrays_use_the_default_delimiter(store, tmp_path):
    export_store(store, "neo4j", str(tmp_path / "n"))
    actors = {r["name"]: r for r in _rows(tmp_path / "n" / "actors.csv")}
    assert actors["United States"][":LABEL"] == "Actor;Country"
    assert actors["Quds Force"]["aliases:string[]"].split(";") == ["IRGC-Qods Force", "Qods Force"]
    relations = _rows(tmp_path / "n" / "relations.csv")
    support = next(r for r in relations if r[":TYPE"] == "SUPPORTS")
    assert (support["statements:int"], support["contradicted:boolean"], support["certainty"]) == ("2", "true", "contradicted")
    statements = _rows(tmp_path / "n" / "statements.csv")
    assert len([s for s in statements if s["relationId"] == support["relationId"]]) == 2


def test_the_cypher_script_loads_every_file(store, tmp_path):
    export_store(store, "neo4j", str(tmp_path / "n"))
    script = (tmp_path / "n" / "load.cypher").read_text(encoding="utf-8")
    for path in (tmp_path / "n").glob("*.csv"):
        assert f"'file:///{path.name}'" in script
    assert "CREATE (a)-[:SUPPORTS {" in script and "SET n:Person" in script
    assert "--nodes=actors.csv" in (tmp_path / "n" / "import.sh").read_text(encoding="utf-8")
