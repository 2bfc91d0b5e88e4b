"""Checks that an exported file is what the receiving tool expects (shared by the tests)."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from followthemoney import model

# neo4j-admin database import: the property types a header may name (arrays add "[]").
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}
_ID = re.compile(r"^\w*:ID(\([A-Za-z_]\w*\))?$")
_END = re.compile(r"^:(START|END)_ID(\([A-Za-z_]\w*\))?$")


def load_ftm(text: str) -> list:
    """Each line as an FtM proxy; raises on an invalid entity, a missing required property or a dangling id."""
    proxies = []
    for n, line in enumerate(text.splitlines(), 1):
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.name == data["schema"] and not proxy.schema.abstract, f"line {n}: {data['schema']}"
        for prop in proxy.schema.required:
            assert proxy.get(prop), f"line {n}: {proxy.schema.name} {proxy.id} lacks required {prop}"
        # every value must survive FtM's own cleaning (dates, countries, urls, ids)
        clean = model.get_proxy(data, cleaned=True)
        assert clean.to_dict()["properties"] == proxy.to_dict()["properties"], f"line {n}: values FtM would change"
        proxies.append(proxy)
    ids = [p.id for p in proxies]
    assert len(ids) == len(set(ids)), "entity ids repeat"
    known = set(ids)
    for p in proxies:
        for prop, value in p.itervalues():
            if prop.type.name == "entity":
                assert value in known, f"{p.schema.name} {p.id}: {prop.name} refers to missing entity {value}"
                target = next(q for q in proxies if q.id == value)
                assert target.schema.is_a(prop.range), f"{p.id}: {prop.name} -> {target.schema.name} is not a {prop.range.name}"
    return proxies


def neo4j_headers(folder: Path) -> dict[str, list[str]]:
    """Every CSV file's header, checked against the neo4j-admin import format."""
    headers = {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        ids = [h for h in header if _ID.match(h)]
        ends = [h for h in header if _END.match(h)]
        if ids:
            assert len(ids) == 1, f"{path.name}: {len(ids)} :ID columns"
            assert not ends and ":TYPE" not in header, f"{path.name}: a node file with relationship columns"
            assert ":LABEL" in header, f"{path.name}: no :LABEL"
        else:
            assert [h.split("(")[0] for h in ends] == [":START_ID", ":END_ID"], f"{path.name}: {ends}"
            assert ":TYPE" in header, f"{path.name}: no :TYPE"
        for h in header:
            if h in (":LABEL", ":TYPE") or _ID.match(h) or _END.match(h):
                continue
            name, _, kind = h.partition(":")
            assert name, f"{path.name}: column {h!r} has no property name"
            assert not kind or kind.removesuffix("[]").lower() in NEO4J_TYPES, f"{path.name}: type of {h!r}"
        headers[path.name] = header
    return headers
