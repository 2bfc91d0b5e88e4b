"""CSV and Parquet tables: one per record kind, joined by actor ids, read back by DuckDB."""
from __future__ import annotations

import duckdb
import pytest

from actorgraph.export import export_store
from actorgraph.export.selection import KINDS


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_one_table_per_kind_whose_actor_references_all_join(store, tmp_path, fmt):
    folder = tmp_path / fmt
    export_store(store, fmt, str(folder))
    assert sorted(p.stem for p in folder.iterdir()) == sorted(KINDS)
    db = duckdb.connect()
    read = "read_csv_auto" if fmt == "csv" else "read_parquet"
    for kind in KINDS:
        db.execute(f"CREATE TABLE {kind} AS SELECT * FROM {read}('{folder / f'{kind}.{fmt}'}')")
    counts = {k: db.execute(f"SELECT count(*) FROM {k}").fetchone()[0] for k in KINDS}
    assert counts == {"articles": 4, "actors": 12, "aliases": counts["aliases"], "relations": 9, "evidence": 10,
                      "events": 1, "event_participants": 2, "quotes": 1, "figures": 1}
    dangling = db.execute("""
        SELECT count(*) FROM (SELECT subject AS a FROM relations UNION ALL SELECT object FROM relations
                              UNION ALL SELECT actor_id FROM event_participants UNION ALL SELECT speaker FROM quotes
                              UNION ALL SELECT place FROM figures) WHERE a NOT IN (SELECT id FROM actors)""").fetchone()[0]
    assert dangling == 0
    assert db.execute("SELECT count(*) FROM evidence WHERE relation_id NOT IN (SELECT id FROM relations)").fetchone()[0] == 0
    support = db.execute("SELECT statements, negated, contradicted FROM relations WHERE predicate = 'supports'").fetchone()
    assert support == (2, 1, True)
