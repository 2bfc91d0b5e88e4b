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
from .flags import decision_flags, fetch_flags, pipeline_flags, store_flags
from .store_cli import _print, _settings, say_item, web_summary
from .wording import counted

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


def cmd_story(args: argparse.Namespace) -> int:
    from .store import Store, story

    with Store.open(_settings(args).store, create=False) as store:
        answer = story(store, args.article)
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=1))
        return 0
    n = len(answer["articles"])
    print(f"story {answer['story']}: {counted(n, 'article')}, one independent source"
          f"{' (decided by hand)' if answer['pinned'] else ''}")
    for a in answer["articles"]:
        how = (f"copy of {a['copy_of']} ({a['similarity']:.2f})" if a["how"] == "copy" and a["copy_of"]
               else a["how"])
        print(f"  {a['id']}  {a['published'] or '?':<10}  {a['source']}  [{how}]")
        if a["title"]:
            print(f"      {a['title']}")
    return 0


def cmd_split_story(args: argparse.Namespace) -> int:
    from .store import Store, split_story

    with Store.open(_settings(args).store, create=False) as store:
        d = split_story(store, args.article, note=args.note or "")
    print(f"decision {d.seq}: {args.article} is a story of its own [{d.story_id}]")
    return 0


def cmd_join_stories(args: argparse.Namespace) -> int:
    from .store import Store, join_stories

    with Store.open(_settings(args).store, create=False) as store:
        d = join_stories(store, args.keep, args.other, note=args.note or "")
    print(f"decision {d.seq}: story {d.other} joined into {d.story_id}")
    return 0


def cmd_watch_list(args: argparse.Namespace) -> int:
    from . import query
    from .store import Store
    from .store.watch import unwatch, watch, watch_list

    with Store.open(_settings(args).store, create=args.action != "list") as store:
        if args.action == "list":
            rows = watch_list(store)
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=1))
            for r in [] if args.json else rows:
                print(f"{r['name']} ({r['type']}) [{r['id']}]  since {r['added_at'][:19]}")
            return 0
        if not args.name:
            raise ConfigError(f"watch-list {args.action} needs an actor NAME")
        actor = query.find_actor(store, args.name)
        if args.action == "add":
            added = watch(store, actor.id, actor.name)
            print(f"{'watching' if added else 'already watching'} {actor.name} [{actor.id}]")
        else:
            unwatch(store, actor.id)
            print(f"no longer watching {actor.name} [{actor.id}]")
    return 0


def render_changes(r: dict) -> str:
    """The changes as text: one block per kind, each item with its evidence sentence and source."""
    titles = {"new_actor": "new actors", "new_edge": "new edges", "confirmed": "first independent confirmations",
              "contradicted": "new contradictions", "new_event": "new events"}
    scope = " for watched actors" if r["watched"] is not None else ""
    lines = [f"changes since {r['since']}{scope}: {r['articles']} new articles"]
    for kind, title in titles.items():
        items = r[kind]
        lines.append(f"  {title} ({len(items)}):")
        for item in items:
            lines.append(f"    {item['what']}")
            ev = item.get("evidence")
            if ev:
                sentence = " ".join((ev["sentence"] or "").split())
                lines.append(f"        \"{sentence[:160]}\" [{ev['source']}]")
    return "\n".join(lines)


def cmd_changes(args: argparse.Namespace) -> int:
    from . import query
    from .store import Store

    with Store.open(_settings(args).store, create=False) as store:
        answer = query.changes(store, since=args.since, watched=args.watched)
    _print(answer, args.json, render_changes)
    return 0


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
    pipeline_flags(p)
    fetch_flags(p)
    store_flags(p, json_flag=False)
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("watch-list", help="the actors you follow: add, remove, list",
                       description="Add an actor to the watch list, remove one, or list them; `changes --watched`, "
                                   "the web app's What's new and /changes.atom follow these actors.")
    p.add_argument("action", choices=("add", "remove", "list"), help="add NAME, remove NAME, or list the watched actors")
    p.add_argument("name", nargs="?", metavar="NAME", help="a name, alias or actor id (add, remove)")
    store_flags(p)
    p.set_defaults(func=cmd_watch_list)
    p = sub.add_parser("changes", help="what is new since a date or the last run: actors, edges, confirmations, "
                                       "contradictions, events, each with its evidence",
                       description="List new actors, new edges, edges that gained their first independent "
                                   "confirmation, new contradictions and new events, each with its evidence, from "
                                   "the articles of the last ingest run that stored any, or those ingested since DATE.")
    p.add_argument("--since", default=None, metavar="DATE",
                   help="changes from articles ingested since DATE (default: by the last ingest run that stored any)")
    p.add_argument("--watched", action="store_true", help="only changes that involve a watched actor")
    store_flags(p)
    p.set_defaults(func=cmd_changes)

    p = sub.add_parser("story", help="the copies of an article's story across outlets (one independent source)",
                       description="List the articles of ARTICLE's story (copies across outlets count as one "
                                   "source), with what each copies and how closely.")
    p.add_argument("article", metavar="ARTICLE", help="an article id or source (URL or path)")
    store_flags(p)
    p.set_defaults(func=cmd_story)
    p = sub.add_parser("split-story", help="take ARTICLE out of its story: not a copy (kept, like merge/split)",
                       description="Make ARTICLE a story of its own; the decision is kept and the stories are "
                                   "never regrouped automatically.")
    p.add_argument("article", metavar="ARTICLE", help="an article id or source")
    decision_flags(p)
    p.set_defaults(func=cmd_split_story)
    p = sub.add_parser("join-stories", help="join the story of OTHER into the story of KEEP: copies of one story",
                       description="Join two stories into one (their articles then count as one source); the "
                                   "decision is kept.")
    p.add_argument("keep", metavar="KEEP", help="an article id or source")
    p.add_argument("other", metavar="OTHER", help="an article id or source")
    decision_flags(p)
    p.set_defaults(func=cmd_join_stories)
