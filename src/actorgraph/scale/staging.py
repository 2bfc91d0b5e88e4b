"""The staging folder: one Parquet file per extracted shard, and the manifest of the run.

A shard's file holds one row per article or failure, in input order: the extraction as the
record of `actorgraph.export.contract.to_record` (the contract JSON plus what the store keeps),
and its provenance: shard, position, input, the worker that extracted it and when. A file is
written under a temporary name and renamed when whole, so a worker killed while writing leaves
no shard, and the retried task writes it again. DuckDB writes and reads the Parquet files.

    DIR/shards/<shard id>.parquet     the extractions of one shard
    DIR/manifest.json                 the shards of the run, in input order
"""
from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from ..model import Extraction, IntakeFailure, IntakeSkip
from .shards import Shard

COLUMNS = """shard VARCHAR, position INTEGER, status VARCHAR, article_id VARCHAR, source VARCHAR,
             input VARCHAR, error VARCHAR, reason VARCHAR, extractor VARCHAR, record VARCHAR,
             worker VARCHAR, extracted_at TIMESTAMP"""


@dataclass(frozen=True)
class StagedShard:
    """What a worker reports back for one shard."""

    shard: str
    index: int
    path: str
    extracted: int
    failed: int
    worker: str  # host:pid of the process that extracted it
    seconds: float = 0.0  # the worker's wall-clock time on the shard: reading, extracting, writing
    cpu_seconds: float = 0.0  # the worker's CPU time on it (its threads included)


class Staging:
    """A staging folder of shards."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    def shard_path(self, shard_id: str) -> Path:
        return self.folder / "shards" / f"{shard_id}.parquet"

    def is_staged(self, shard_id: str) -> bool:
        return self.shard_path(shard_id).is_file()

    def write_manifest(self, shards: list[Shard]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / "manifest.json.tmp"
        tmp.write_text(json.dumps([asdict(s) for s in shards], ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(tmp, self.folder / "manifest.json")

    def manifest(self) -> list[Shard]:
        """The shards of the last run that wrote this folder, in input order."""
        path = self.folder / "manifest.json"
        if not path.is_file():
            return []
        return [Shard(**{**d, "paths": tuple(d["paths"]), "failure": tuple(d["failure"]) if d["failure"] else None})
                for d in json.loads(path.read_text(encoding="utf-8"))]

    def write(self, shard: Shard, items: list[Extraction | IntakeFailure | IntakeSkip]) -> StagedShard:
        """Write one shard's extractions and failures (whole, or not at all)."""
        from ..export.contract import to_record

        worker = f"{socket.gethostname()}:{os.getpid()}"
        at = datetime.now(timezone.utc).replace(tzinfo=None)
        rows = []
        for position, item in enumerate(items):
            if isinstance(item, IntakeFailure):
                rows.append((shard.id, position, "failed", None, item.source, item.source, item.error, item.reason,
                             None, None, worker, at))
            elif isinstance(item, IntakeSkip):  # a record with no article by design: `error` holds its kind
                rows.append((shard.id, position, "skipped", None, item.source, item.source, item.kind, item.reason,
                             None, None, worker, at))
            else:
                a = item.article
                rows.append((shard.id, position, "extracted", a.id, a.source, a.metadata.get("corpus_line") or a.source,
                             None, None, item.extractor, json.dumps(to_record(item), ensure_ascii=False), worker, at))
        path = self.shard_path(shard.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
        con = duckdb.connect()
        try:
            con.execute(f"CREATE TABLE shard ({COLUMNS})")
            if rows:
                con.execute("INSERT INTO shard SELECT * FROM (SELECT unnest(?), unnest(?), unnest(?), unnest(?), "
                            "unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?))",
                            [list(c) for c in zip(*rows)])
            con.execute(f"COPY shard TO '{_quoted(tmp)}' (FORMAT parquet, COMPRESSION zstd)")
        finally:
            con.close()
        os.replace(tmp, path)
        return StagedShard(shard.id, shard.index, str(path), sum(r[2] == "extracted" for r in rows),
                           sum(r[2] == "failed" for r in rows), worker)

    def read(self, shard_id: str) -> Iterator[Extraction | IntakeFailure | IntakeSkip]:
        """A staged shard's extractions, failures and skipped records, in input order."""
        from ..export.contract import from_record

        con = duckdb.connect()
        try:
            rows = con.execute(f"SELECT status, source, error, reason, record FROM read_parquet('"
                               f"{_quoted(self.shard_path(shard_id))}') ORDER BY position").fetchall()
        finally:
            con.close()
        for status, source, error, reason, record in rows:
            if status == "failed":
                yield IntakeFailure(source, reason, error)
            elif status == "skipped":
                yield IntakeSkip(source, reason, error)
            else:
                yield from_record(json.loads(record))


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
