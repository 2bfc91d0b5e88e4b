"""The interchange commands of `actorgraph`: `export` the store, `registry import` known actors.

Each is a thin shell over one function of `actorgraph.export`. Exit status: 0 ok, 1 some
lines of an imported file were malformed (the rest was imported), 2 a usage or setup error
(unknown format, bad filter, empty store, unwritable output, unreadable file).
"""
from __future__ import annotations

import argparse
import sys

from .errors import ExportError
from .flags import certainty_flag, date_flags, predicate_flag, rejected_flag, store_flags
from .settings import Settings
from .wording import counted

# The formats, written out for the parser so that `actorgraph --help` does not import the
# export package (DuckDB, the store, the questions); tests/test_cli_imports.py checks that they
# are actorgraph.export.FORMATS.
FORMATS = ("ftm", "gexf", "graphml", "review", "neo4j", "csv", "parquet")


def cmd_export(args: argparse.Namespace) -> int:
    from .export import Filters, export_store
    from .store import Store

    settings = Settings.load(args.config, store=args.store, registry=args.registry or None)
    if args.hops is not None and args.actor is None:
        raise ExportError("--hops counts relations from an actor: give --actor NAME too")
    filters = Filters(actor=args.actor, hops=1 if args.hops is None else args.hops, predicates=tuple(args.predicate or ()),
                      certainty=tuple(args.certainty or ()), since=args.since, until=args.until,
                      include_rejected=args.include_rejected)
    filters.check()  # a bad filter is named before the store is opened
    with Store.open(settings.store, create=False) as store:
        report = export_store(store, args.format, args.out, filters, settings.registry)
    sizes = ", ".join(counted(n, kind.removesuffix("s")) for kind, n in report.written.items())
    print(f"exported {counted(report.records, f'{args.format} record')} ({sizes}) -> {report.out}", file=sys.stderr)
    if report.left_out:
        cannot = ", ".join(counted(n, kind.removesuffix("s")) for kind, n in report.left_out.items()
                           if kind in report.selected)
        filtered = ", ".join(counted(n, kind.removesuffix("s")) for kind, n in report.left_out.items()
                             if kind not in report.selected and kind != "rejected statements")
        if cannot:
            print(f"left out: {cannot} (the {args.format} format cannot hold them; see docs/interop.md)",
                  file=sys.stderr)
        if filtered:
            print(f"left out: {filtered} (not asked for by --certainty)", file=sys.stderr)
        if report.left_out.get("rejected statements"):
            print(f"left out: {counted(report.left_out['rejected statements'], 'statement')} rejected by reviewers "
                  f"(--include-rejected exports them, marked)", file=sys.stderr)
    return 0


def cmd_registry_import(args: argparse.Namespace) -> int:
    from .export.ftm_import import import_ftm  # followthemoney loads slowly: only for this command

    settings = Settings.load(args.config, registry_dir=args.registry_dir)
    report = import_ftm(args.file, settings.registry_dir, args.registry_file, weak_aliases=args.weak_aliases)
    for failure in report.failures:
        print(f"FAIL {failure}", file=sys.stderr)
    skipped = ", ".join(f"{n} {schema}" for schema, n in sorted(report.skipped.items()))
    for name in report.dropped:
        print(f"left out {name}", file=sys.stderr)
    print(f"{report.added} actors added, {report.extended} shipped actors given more names, "
          f"{len(report.dropped)} names left out as another actor's, {len(report.failures)} malformed lines"
          f"{f'; not actors: {skipped}' if skipped else ''} -> {report.out}", file=sys.stderr)
    if args.registry_file:
        print(f"pass --registry {report.out} to extract/ingest, or name it in the settings' registry list",
              file=sys.stderr)
    return 1 if report.failures else 0


def add_export_commands(sub: argparse._SubParsersAction) -> None:
    """Add `export` and `registry import` to the `actorgraph` parser."""
    p = sub.add_parser("export", help="write the store (or an actor's neighbourhood) as FtM, GEXF, GraphML, "
                                      "Neo4j import files, CSV or Parquet",
                       description="Export the graph store in an interchange format; docs/interop.md says "
                                   "what each format carries.")
    p.add_argument("--format", "-f", required=True, choices=FORMATS, help="the output format")
    p.add_argument("--out", "-o", default=None, metavar="PATH",
                   help="the file (ftm, gexf, graphml; standard output when left out) or folder (neo4j, csv, parquet)")
    p.add_argument("--actor", default=None, metavar="NAME", help="only this actor's neighbourhood (name, alias or id)")
    p.add_argument("--hops", type=int, default=None, metavar="N", help="how far from --actor, in relations (default 1)")
    predicate_flag(p, "only relations with this predicate")
    certainty_flag(p)
    date_flags(p, "statements, events, quotes and figures")
    rejected_flag(p)
    p.add_argument("--registry", action="append", metavar="FILE",
                   help="a registry file the store was built with; actors imported from FtM keep their FtM ids")
    store_flags(p, json_flag=False)
    p.set_defaults(func=cmd_export)

    reg = sub.add_parser("registry", help="manage the actor registry (import known actors)",
                         description="Manage the actor registry: the known actors that extraction resolves names to.")
    reg_sub = reg.add_subparsers(dest="registry_command", required=True)
    p = reg_sub.add_parser("import", help="add the people and organizations of a FollowTheMoney file as known actors",
                           description="Read FtM entities (JSON lines, plain or .gz, e.g. an OpenSanctions export) "
                                       "and write them as a registry file that later extract and ingest runs read.")
    p.add_argument("file", metavar="FILE", help="FtM entities, one JSON object per line")
    p.add_argument("--registry-dir", default=None, metavar="DIR",
                   help="the folder later runs read registry files from (default actorgraph_registry)")
    p.add_argument("--registry-file", default=None, metavar="FILE",
                   help="write this registry file instead (then pass it with --registry)")
    p.add_argument("--weak-aliases", action="store_true",
                   help="also take FtM weakAlias names (short names that may match other actors)")
    p.add_argument("--config", default=None, metavar="FILE", help="settings file (TOML)")
    p.set_defaults(func=cmd_registry_import)
