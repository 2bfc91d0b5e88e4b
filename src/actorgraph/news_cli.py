"""The commands that follow the news: `watch` feeds, keep a `watch-list`, ask for `changes`, edit `stories`.

Thin shells over `actorgraph.store.ingest_web`, `actorgraph.store.watch`, `actorgraph.query.changes`
and `actorgraph.store.stories`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time

from .errors import ConfigError
from .flags import store_flags
from .store_cli import _settings, fetch_flags, say_item, web_summary

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def interval_seconds(text: str) -> float:
    """'15m' -> 900.0; '30s', '2h', '1d', or plain seconds."""
    m = _INTERVAL.match(text or "")
    if not m:
        raise ConfigError(f"--every {text!r}: give a number and a unit s, m, h or d (e.g. 15m)")
    return float(m.group(1)) * _UNITS[m.group(2)]


def cmd_watch(args: argparse.Namespace) -> int:
    from .store import Store, ingest_web

    settings = _settings(args)
    every = interval_seconds(args.every)
    say = say_item(args.quiet)
    failed = 0
    round_ = 0
    while True:
        round_ += 1
        started = time.monotonic()
        # The store is open only during a round, so `serve` and the queries can read it between rounds.
        with Store.open(settings.store) as store:
            report, web = ingest_web(args.feeds, args.urls or [], settings, store, on_item=say)
            total = store.article_count()
        failed += report.failed
        print(f"round {round_}: {web_summary(web)}; {report.stored} stored, {report.failed} failed; "
              f"{total} articles in {settings.store}", file=sys.stderr, flush=True)
        if args.rounds and round_ >= args.rounds:
            return 1 if failed else 0
        time.sleep(max(0.0, every - (time.monotonic() - started)))


def add_news_commands(sub: argparse._SubParsersAction) -> None:
    """Add watch (and the commands over watched actors and stories) to the `actorgraph` parser."""
    p = sub.add_parser("watch", help="fetch feeds again and again, storing what is new (resumable)",
                       description="Repeat `ingest --feed` every interval until stopped. What was fetched is kept "
                                   "in the store, so a restart fetches nothing twice: feeds are asked for with "
                                   "their validators, stored pages are not requested again.")
    p.add_argument("feeds", nargs="+", metavar="FEED", help="RSS, Atom or JSON Feed URLs or files")
    p.add_argument("--urls", action="append", metavar="FILE", help="also a file of article URLs; may be repeated")
    p.add_argument("--every", default="15m", metavar="INTERVAL", help="time between rounds: 30s, 15m, 2h (default 15m)")
    p.add_argument("--rounds", type=int, default=0, metavar="N", help="stop after N rounds (default: until stopped)")
    p.add_argument("--quiet", "-q", action="store_true", help="no per-article lines")
    p.add_argument("--batch-size", type=int, default=None, metavar="N", help="articles per commit (default 32)")
    fetch_flags(p)
    store_flags(p, json_flag=False)
    p.set_defaults(func=cmd_watch)
