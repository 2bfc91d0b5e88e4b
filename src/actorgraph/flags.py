"""The flags several commands share: one name, one metavar and one help text per concept.

`actorgraph --help` builds every parser, so this module imports nothing heavy: the ontology's
predicates are written out here, and tests/test_cli_imports.py checks that they are
actorgraph.ontology's.
"""
from __future__ import annotations

import argparse
import sys

from .model import CERTAINTIES
from .settings import Settings

PREDICATES = ("leads", "deputy_of", "member_of", "founded", "part_of", "commands", "supports", "allied_with",
              "opposes", "targeted", "met_with", "based_in", "operates_in", "associated_with")
PREDICATE_LIST = "predicates: " + ", ".join(PREDICATES)
ACTOR_HELP = "a name, alias or actor id, as `search` prints them"


def store_flags(p: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
    p.add_argument("--store", default=None, metavar="FILE", help="the store file (default actorgraph.duckdb)")
    p.add_argument("--config", default=None, metavar="FILE", help="settings file (TOML)")
    if json_flag:
        p.add_argument("--json", action="store_true", help="print the answer as JSON")


def fetch_flags(p: argparse.ArgumentParser) -> None:
    """The flags of polite fetching (ingest --feed/--urls, watch)."""
    p.add_argument("--user-agent", default=None, metavar="TEXT", help="the User-Agent sent (setting user_agent)")
    p.add_argument("--delay", type=float, default=None, metavar="SECONDS",
                   help="seconds between two requests to one host (default 2)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="seconds a request may take in all (default 20)")


def decision_flags(p: argparse.ArgumentParser) -> None:
    """The flags of a command that records a decision by hand (merge, split, alias remove, stories)."""
    p.add_argument("--note", default=None, help="why (kept with the decision)")
    store_flags(p, json_flag=False)


class _Renamed(argparse.Action):
    """A flag's old name, kept working but hidden from help: it says the new name on stderr."""

    def __init__(self, option_strings, dest, new: str = "", **kw):
        super().__init__(option_strings, dest, help=argparse.SUPPRESS, **kw)
        self.new = new

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"actorgraph: {option_string} is now {self.new}", file=sys.stderr)
        setattr(namespace, self.dest, values)


def limit_flag(p: argparse.ArgumentParser, default: int, what: str, *, old: str | None = None) -> None:
    """The one flag for how many items a command prints: `--limit N` (an old name kept hidden)."""
    p.add_argument("--limit", type=int, default=default, metavar="N", help=f"{what} (default {default})")
    if old:
        p.add_argument(old, type=int, dest="limit", action=_Renamed, new="--limit", metavar="N")


def predicate_flag(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--predicate", action="append", default=None, metavar="P",
                   help=f"{what}; may be repeated ({PREDICATE_LIST})")


def certainty_flag(p: argparse.ArgumentParser, default: str = "all") -> None:
    p.add_argument("--certainty", action="append", default=None, metavar="C",
                   help=f"only statements of this certainty ({', '.join(CERTAINTIES)}); may be repeated "
                        f"(default: {default})")


def rejected_flag(p: argparse.ArgumentParser) -> None:
    """The one flag that brings back the statements a reviewer rejected (left out by default)."""
    p.add_argument("--include-rejected", action="store_true",
                   help="also the statements a reviewer rejected, marked rejected (left out by default)")


def date_flags(p: argparse.ArgumentParser, items: str = "statements") -> None:
    p.add_argument("--since", default=None, metavar="DATE",
                   help=f"only {items} dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", default=None, metavar="DATE",
                   help=f"only {items} dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)")


def model_flags(p: argparse.ArgumentParser, *, batch: str) -> None:
    """The flags of the commands that extract: workers, batch size, model, registry."""
    defaults = Settings()
    p.add_argument("--workers", "-j", type=int, default=None, metavar="N",
                   help=f"worker processes (default {defaults.workers})")
    p.add_argument("--batch-size", type=int, default=None, metavar="N", help=f"{batch} (default {defaults.batch_size})")
    pipeline_flags(p)


def pipeline_flags(p: argparse.ArgumentParser) -> None:
    """The flags that choose what reads the articles: the spaCy model and extra registries."""
    p.add_argument("--model", default=None, metavar="NAME",
                   help=f"the spaCy pipeline to load, e.g. en_core_web_sm or en_core_web_trf (default {Settings().model})")
    p.add_argument("--registry", action="append", metavar="FILE",
                   help="an extra actor registry file (YAML/JSON); may be repeated")



def engine_flags(p: argparse.ArgumentParser) -> None:
    """The flags that run extraction on Ray instead of this machine's processes (`actorgraph[ray]`)."""
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: this machine's processes (--workers); ray: shards extracted by Ray actors "
                        "(pip install 'actorgraph[ray]'), see README 'Scaling out'")
    p.add_argument("--address", default=None, metavar="ADDR",
                   help="with --engine ray: the Ray cluster to use, e.g. 10.0.0.5:6379 or auto "
                        "(default: a local Ray instance with --workers CPUs, all CPUs when unset)")
    p.add_argument("--shard-size", type=int, default=None, metavar="N",
                   help="with --engine ray: corpus lines, or article files, per shard "
                        "(default 200 lines, 64 files; a WARC file is one shard)")
