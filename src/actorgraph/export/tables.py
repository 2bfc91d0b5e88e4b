"""One table per record kind, as CSV or Parquet files written by DuckDB's own COPY.

The tables are the selection's rows (`selection.KIND_SQL`): actors, aliases, relations,
evidence, events, event_participants, quotes, figures, articles; every actor reference is a
global actor id, so the tables join on `actors.id`.
"""
from __future__ import annotations

from pathlib import Path

from .selection import KINDS, Selection

COPY_OPTIONS = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet, COMPRESSION zstd"}


def write_tables(selection: Selection, folder: Path, fmt: str) -> int:
    """Write `<kind>.csv` or `<kind>.parquet` for every kind into `folder`; returns the number of rows."""
    n = 0
    for kind in KINDS:
        path = str(folder / f"{kind}.{fmt}").replace("'", "''")
        sql = selection.sql(kind)
        selection.store.conn.execute(f"COPY ({sql}) TO '{path}' ({COPY_OPTIONS[fmt]})")
        n += selection.store.value(f"SELECT count(*) FROM ({sql})")
    return n
