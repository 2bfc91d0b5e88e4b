"""`export_store`: write (part of) a store in one of the interchange formats.

    ftm       line-delimited FollowTheMoney entities (one file, or standard output)
    gexf      the actor network for Gephi (one file, or standard output)
    graphml   the actor network as GraphML (one file, or standard output)
    neo4j     CSV files for neo4j-admin import plus a LOAD CSV script (a folder)
    csv       one CSV table per record kind (a folder)
    parquet   one Parquet table per record kind (a folder)
    review    the reviewed statements in the evaluation contract's shape, labelled (JSON Lines; one file)
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

import duckdb

from ..errors import ExportError
from ..store import Store
from .selection import Filters, Selection, select

FILE_FORMATS = {"ftm": "text", "gexf": "bytes", "graphml": "bytes", "review": "text"}  # format -> how its file is written
FOLDER_FORMATS = ("neo4j", "csv", "parquet")
FORMATS = (*FILE_FORMATS, *FOLDER_FORMATS)
# The record kinds of a selection each format holds (docs/interop.md): FtM has no schema for a
# quote or a figure, and the network formats hold actors and relations only.
ALL_KINDS = ("actors", "statements", "events", "quotes", "figures", "articles")
HOLDS: dict[str, tuple[str, ...]] = {"ftm": ("actors", "statements", "events", "articles"),
                                     "gexf": ("actors", "statements"), "graphml": ("actors", "statements"),
                                     "neo4j": ALL_KINDS, "csv": ALL_KINDS, "parquet": ALL_KINDS,
                                     "review": ("statements", "articles")}


@dataclass
class ExportReport:
    """What an export wrote."""

    format: str
    out: str  # the file or folder, "-" for standard output
    records: int  # entities (ftm), nodes plus edges (gexf, graphml), rows (the others)
    selected: dict[str, int] = field(default_factory=dict)  # the selection's size by kind
    written: dict[str, int] = field(default_factory=dict)  # of those, the kinds the format holds
    left_out: dict[str, int] = field(default_factory=dict)  # what the format cannot hold, or the filters left out


def _writer(fmt: str, registry_files: Sequence[str]) -> Callable[[Selection, IO], int]:
    """The writer of a format (imported on use: followthemoney and networkx load slowly)."""
    if fmt == "review":
        from .review import write_review
        return write_review
    if fmt == "ftm":
        from .ftm import write_ftm
        from .ftm_import import ftm_ids
        known = ftm_ids(registry_files)
        return lambda selection, out: write_ftm(selection, out, known)
    from .network import write_gexf, write_graphml
    return write_gexf if fmt == "gexf" else write_graphml


def _file(selection: Selection, fmt: str, out: str | None, registry_files: Sequence[str]) -> int:
    write, mode = _writer(fmt, registry_files), FILE_FORMATS[fmt]
    if out in (None, "-"):
        if mode == "text":
            return write(selection, sys.stdout)
        buffer = io.BytesIO()
        n = write(selection, buffer)
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.flush()
        return n
    path = Path(out)
    if path.is_dir():
        raise ExportError(f"--out {out} is a folder; the {fmt} format writes one file")
    if path.exists() and not path.is_file():
        # a device or a pipe (/dev/null, /dev/stdout, a FIFO): written in place; renamed over, /dev/null
        # became a regular file for every process of the machine (as root)
        try:
            with open(path, "w", encoding="utf-8") if mode == "text" else open(path, "wb") as f:
                return write(selection, f)
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") if mode == "text" else open(tmp, "wb") as f:
            n = write(selection, f)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return n


def _folder(selection: Selection, fmt: str, out: str | None) -> int:
    if out in (None, "-"):
        raise ExportError(f"the {fmt} format writes several files: give a folder with --out DIR")
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if fmt == "neo4j":
            from .neo4j import write_neo4j
            return write_neo4j(selection, folder)
        from .tables import write_tables
        return write_tables(selection, folder, fmt)
    except FileExistsError as exc:
        raise ExportError(f"--out {out} is a file; the {fmt} format writes a folder") from exc
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    except duckdb.IOException as exc:
        raise ExportError(f"cannot write {out}: {exc}") from exc


def export_store(store: Store, fmt: str, out: str | None = None, filters: Filters = Filters(),
                 registry_files: Sequence[str] = ()) -> ExportReport:
    """Write the part of `store` that passes `filters` in format `fmt` to `out` (a file or folder).

    `registry_files` (the settings' `registry`): actors imported from FtM data into them keep
    their FtM ids in the `ftm` format.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "review":  # a review export is made of reviewed statements, rejected ones included
        filters = replace(filters, include_rejected=True)
    with select(store, filters) as selection:
        n = _file(selection, fmt, out, registry_files) if fmt in FILE_FORMATS else _folder(selection, fmt, out)
        counts = dict(selection.counts)
        left_out = {kind: counts[kind] for kind in ALL_KINDS if kind not in HOLDS[fmt] and counts.get(kind)}
        left_out.update({k: v for k, v in selection.left_out.items() if v})
        return ExportReport(fmt, out or "-", n, counts, {k: v for k, v in counts.items() if k in HOLDS[fmt]},
                            left_out)
