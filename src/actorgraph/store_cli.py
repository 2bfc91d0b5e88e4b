"""The graph commands of `actorgraph`: ingest into the store, decide merges, ask questions.

Each command is a thin shell over one function of `actorgraph.store` or `actorgraph.query`;
`--json` prints that function's answer as it is. Exit status: 0 ok, 1 some inputs failed
(ingest), 2 a usage or setup error (unknown or ambiguous actor, empty or newer store).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from .flags import (ACTOR_HELP, PREDICATE_LIST, certainty_flag, date_flags, decision_flags, engine_flags, fetch_flags,
                    rejected_flag,
                    limit_flag, model_flags, predicate_flag, store_flags)
from .model import IntakeFailure, IntakeSkip
from .wording import counted, skipped_text
from .settings import Settings

# The store (DuckDB) and the questions (networkx, rapidfuzz) are imported inside each command,
# so that building the parser, and `actorgraph --help`, costs neither. The path command's
# defaults are written out here for its help text; tests/test_cli_imports.py checks that they
# are those of actorgraph.query.
PATH_PREDICATES = ("commands", "leads", "founded", "part_of", "member_of", "deputy_of", "supports")
PATH_DIRECTIONS = ("auto", "down", "up", "any")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.load(getattr(args, "config", None), store=args.store,
                         model=getattr(args, "model", None), workers=getattr(args, "workers", None),
                         batch_size=getattr(args, "batch_size", None),
                         merge_batch_size=getattr(args, "merge_batch_size", None), registry=getattr(args, "registry", None) or None,
                         user_agent=getattr(args, "user_agent", None), fetch_delay=getattr(args, "delay", None),
                         fetch_timeout=getattr(args, "timeout", None))


def say_item(quiet: bool) -> Callable:
    """The per-article line ingest prints on stderr: FAIL and WARN always, ok and SKIP unless quiet (a
    WARC's requests and metadata records are only counted)."""
    from .store import Stored

    def say(item: Stored | IntakeFailure | IntakeSkip) -> None:
        if isinstance(item, IntakeSkip):
            if not quiet and not item.structural:
                print(f"SKIP {item.source}: {item.reason}", file=sys.stderr, flush=True)
            return
        if isinstance(item, IntakeFailure):
            print(f"FAIL {item.source}: {item.error}: {item.reason}", file=sys.stderr, flush=True)
            return
        for warning in item.warnings:  # stored, but intake doubted the input: said even when quiet
            print(f"WARN {item.source}: {warning}", file=sys.stderr, flush=True)
        if not quiet:
            state = (f"stored {counted(item.actors, 'actor')} ({item.new_actors} new), "
                     f"{counted(item.statements, 'statement')}"
                     if item.new else "already stored")
            print(f"ok   {item.source}: {state}", file=sys.stderr, flush=True)
    return say


def web_summary(web) -> str:
    """One line on what fetching did."""
    return (f"{web.feeds} feeds ({web.unchanged_feeds} unchanged), {web.entries} links, {web.known_pages} known "
            f"before, {web.fetched_pages} pages fetched, {len(web.failures)} fetch failures, {web.requests} requests")


def _print(answer: dict, as_json: bool, text: Callable[[dict], str]) -> None:
    print(json.dumps(answer, ensure_ascii=False, indent=1, default=str) if as_json else text(answer))


def cmd_ingest(args: argparse.Namespace) -> int:
    from .store import IngestReport, Store, failed_inputs, failed_pages, ingest, ingest_web

    settings = _settings(args)
    with Store.open(settings.store) as store:
        inputs, pages = list(args.inputs), []
        if args.retry_failed:
            inputs += [s for s in failed_inputs(store) if not s.startswith(("http://", "https://"))]
            pages = failed_pages(store)
        if not inputs and not args.feed and not args.urls and not pages and not args.shards:
            print("nothing to ingest: give inputs, --feed, --urls, --shards, or --retry-failed with failures recorded",
                  file=sys.stderr)
            return 0 if args.retry_failed else 2

        # `ingest` loads the model (failing on a missing one or a bad registry before any
        # extraction) only once an input holds an article that is not stored yet.
        say = say_item(args.quiet)
        report = IngestReport()
        for folder in args.shards or []:
            report = _added(report, _merge_shards(folder, store, say, settings))
        if inputs and args.engine == "ray":
            report = _added(report, _ingest_on_ray(inputs, settings, store, args, say))
        elif inputs:
            report = _added(report, ingest(inputs, settings, store, on_item=say))
        if args.feed or args.urls or pages:
            got, web = ingest_web(args.feed or [], args.urls or [], settings, store, on_item=say, urls=pages)
            print(web_summary(web), file=sys.stderr)
            report = _added(report, got)
        total = store.article_count()
    passed = f", {skipped_text(report.passed_over)}" if report.passed_over else ""
    print(f"{report.stored} stored, {report.skipped} already stored, {report.failed} failed{passed} "
          f"in {report.seconds:.1f}s; {total} articles in {settings.store}", file=sys.stderr)
    return 1 if report.failed else 0


def _added(a, b):
    from .store import IngestReport
    return IngestReport(a.stored + b.stored, a.skipped + b.skipped, a.failed + b.failed, a.seconds + b.seconds,
                        a.passed_over + b.passed_over)


def _merge_shards(folder: str, store, say, settings: Settings):
    """`ingest --shards DIR`: the staged shards of DIR merged in input order."""
    from pathlib import Path

    from .errors import ConfigError
    from .scale import Staging, merge_staged

    staging = Staging(folder)
    if not (Path(folder) / "manifest.json").is_file():
        raise ConfigError(f"--shards {folder}: no manifest.json there; give a folder written by "
                          f"`extract --engine ray --out DIR` or `ingest --engine ray --staging DIR`")
    report, missing = merge_staged(store, staging, settings, on_item=say)
    for shard in missing:
        print(f"MISS {shard.describe()}: shard {shard.id} is not staged in {folder} (extract it again)",
              file=sys.stderr)
    report.failed += len(missing)
    return report


def _ingest_on_ray(inputs: list[str], settings: Settings, store, args: argparse.Namespace, say):
    """`ingest --engine ray`: shards extracted on Ray, merged here as they come."""
    from .scale import FILES_PER_SHARD, LINES_PER_SHARD, ingest_on_ray
    from .scale.ray_engine import stop

    try:
        report, ray_report = ingest_on_ray(
            inputs, settings, store, staging=args.staging, address=args.address, workers=args.workers,
            on_item=say, files_per_shard=args.shard_size or FILES_PER_SHARD,
            lines_per_shard=args.shard_size or LINES_PER_SHARD)
    finally:
        stop()
    print(f"ray: {ray_report.shards} shards ({ray_report.reused} staged before), {ray_report.workers} workers, "
          f"{len(ray_report.failed_shards)} shards failed; shards in {ray_report.staging}", file=sys.stderr)
    return report


def cmd_failures(args: argparse.Namespace) -> int:
    from collections import Counter

    from .store import Store, article_warnings, failures, skipped_records

    with Store.open(_settings(args).store, create=False) as store:
        rows = [{"source": s, "reason": r, "error": e, "attempts": n, "last_at": str(t)}
                for s, r, e, n, t in failures(store)]
        warned = [{"source": s, "warning": w, "article": a} for s, w, a in article_warnings(store)]
        skipped = [{"source": s, "skipped": k, "reason": r, "seen": n, "last_at": str(t)}
                   for s, k, r, n, t in skipped_records(store)] if args.skipped else []
        kinds = Counter(dict(store.rows("SELECT kind, count(*) FROM skipped GROUP BY kind")))
    if args.json:
        print(json.dumps(rows + warned + skipped, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(f"{r['source']}\t{r['error']}\t{r['attempts']}x\t{r['reason']}")
        for w in warned:  # stored, but intake doubted the input
            print(f"{w['source']}\tstored with a warning\t{w['article']}\t{w['warning']}")
        for k in skipped:  # no article by design: listed when asked, not retried
            print(f"{k['source']}\tskipped {k['skipped']}\t{k['seen']}x\t{k['reason']}")
        listed = "" if args.skipped or not kinds else " (list them with --skipped)"
        print(f"{counted(len(rows), 'failure')}, {len(warned)} stored articles with warnings, {skipped_text(kinds)}{listed}; "
              f"retry failures with `actorgraph ingest --retry-failed`", file=sys.stderr)
    return 0


def _reviewer(args: argparse.Namespace) -> str:
    from .review_cli import reviewer_of
    return reviewer_of(args, _settings(args))


def cmd_merge(args: argparse.Namespace) -> int:
    from . import query
    from .store import Store, merge

    with Store.open(_settings(args).store, create=False) as store:
        keep, other = query.find_actor(store, args.keep), query.find_actor(store, args.other)
        d = merge(store, keep.id, other.id, note=args.note or "", reviewer=_reviewer(args))
    print(f"decision {d.seq}: merged {other.name} [{other.id}] into {keep.name} [{keep.id}] "
          f"(review {d.review}; `actorgraph undo {d.review}` reverses it)")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    from . import query
    from .store import Store, split

    with Store.open(_settings(args).store, create=False) as store:
        actor = query.find_actor(store, args.actor)
        d = split(store, actor.id, args.name, note=args.note or "", reviewer=_reviewer(args))
    print(f"decision {d.seq}: split {args.name!r} from {actor.name} [{actor.id}] into [{d.other_id}] "
          f"(review {d.review}; `actorgraph undo {d.review}` reverses it)")
    return 0


def _reviewer_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reviewer", default=None, metavar="NAME",
                   help="who decides, as the review decision names them (default: the setting reviewer, "
                        "ACTORGRAPH_REVIEWER, else your user name); `actorgraph undo N` reverses it")


def cmd_alias_remove(args: argparse.Namespace) -> int:
    from . import query
    from .store import Store, remove_alias

    with Store.open(_settings(args).store, create=False) as store:
        actor = query.find_actor(store, args.actor)
        d = remove_alias(store, actor.id, args.name, note=args.note or "")
    print(f"decision {d.seq}: {d.name!r} is no longer a name of {actor.name} [{actor.id}]")
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    from .store import Store, decisions, reviews, story_decisions

    with Store.open(_settings(args).store, create=False) as store:
        rows = [] if args.reviewer else [d.__dict__ for d in decisions(store)]
        stories = [] if args.reviewer else [d.__dict__ for d in story_decisions(store)]
        reviewed = [{**r.__dict__, "made_at": str(r.made_at)} for r in reviews(store, reviewer=args.reviewer)]
    if args.json:
        # a story decision's kind ends in -story/-stories; a review decision carries its "reviewer"
        print(json.dumps(rows + stories + reviewed, ensure_ascii=False, indent=1, default=str))
        return 0
    for d in rows:
        print(f"{d['seq']}\t{d['kind']}\t{d['actor_id']}\t{d['other_id']}\t{d['note']}")
    for d in stories:
        print(f"story {d['seq']}\t{d['kind']}\t{d['story_id']}\t{d['other']}\t{d['note']}")
    for d in reviewed:
        undone = f"\tundone by review {d['undone_by']}" if d["undone_by"] else ""
        print(f"review {d['seq']}\t{d['kind']}\t{d['target']} {d['target_id']}\t{d['reviewer']}\t{d['made_at'][:19]}"
              f"\t{d['reason']}{undone}")
    return 0


def _edges_shown(value: str) -> int | None:
    """`--edges N`: N relations per predicate, 0 for all (None)."""
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError(f"--edges must be 0 (all) or more, not {value}")
    return n or None


def _question(fn_name: str, *names: str, **options) -> Callable:
    """The command for the question `actorgraph.query.<fn_name>`, printed by `render.render_<fn_name>`."""
    def run(args: argparse.Namespace) -> int:
        from . import query
        from .query import render
        from .store import Store

        fn: Callable[..., dict] = getattr(query, fn_name)
        text: Callable[[dict], str] = getattr(render, f"render_{fn_name}")
        with Store.open(_settings(args).store, create=False) as store:
            answer = fn(store, *(getattr(args, n) for n in names),
                        **{k: getattr(args, v) for k, v in options.items()})
        _print(answer, args.json, text)
        return 0
    return run


def add_store_commands(sub: argparse._SubParsersAction) -> None:
    """Add ingest, failures, merge, split, alias, decisions and the questions to the `actorgraph` parser."""
    p = sub.add_parser("ingest", help="extract articles and store them in the graph (idempotent, incremental)",
                       description="Read, extract and store articles; skip those already stored; record failures. "
                                   "Of a WARC web archive (.warc, .warc.gz), the HTML responses are read; its other "
                                   "records (requests, metadata, revisits, non-HTML, non-200 and truncated responses) "
                                   "are skipped, counted by kind in the summary and recorded (`actorgraph failures "
                                   "--skipped` lists them).")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="article files, folders, .jsonl[.gz] corpora, or .warc[.gz] web archives")
    p.add_argument("--feed", action="append", metavar="URL|FILE",
                   help="an RSS, Atom or JSON Feed (URL or file): fetch and store its new articles; may be repeated")
    p.add_argument("--urls", action="append", metavar="FILE",
                   help="a file of article URLs, one a line: fetch and store the new ones; may be repeated")
    p.add_argument("--retry-failed", action="store_true", help="read again the inputs of recorded failures (and fetch again the pages whose failure "
                        "may pass: 5xx, timeouts, unreachable hosts)")
    model_flags(p, batch="articles per nlp.pipe batch and per commit to the store")
    engine_flags(p)
    p.add_argument("--staging", default=None, metavar="DIR",
                   help="with --engine ray: the folder of the Parquet shards (default: STORE.staging beside the store); "
                        "a run stopped part-way resumes from it")
    p.add_argument("--shards", action="append", metavar="DIR",
                   help="merge the Parquet shards of DIR (written by `extract --engine ray` or an interrupted "
                        "`ingest --engine ray`) into the store, in input order; may be repeated")
    p.add_argument("--merge-batch-size", type=int, default=None, metavar="N",
                   help=f"with --shards or --engine ray: articles per commit of the merge (default "
                        f"{Settings().merge_batch_size}); the store is the same at any size, larger is faster")
    p.add_argument("--quiet", "-q", action="store_true", help="no per-article lines")
    fetch_flags(p)
    store_flags(p, json_flag=False)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("failures", help="list the inputs that failed, with reason and error class",
                       description="List the inputs that could not be read, extracted or stored, with the reason, "
                                   "the error class and the number of attempts; `ingest --retry-failed` reads them "
                                   "again. Also the stored articles with a warning, and the count of WARC records "
                                   "skipped as holding no article (not retried: reading them again gives the same).")
    p.add_argument("--skipped", action="store_true",
                   help="list each skipped WARC record (request, revisit, not-html...) with its reason")
    store_flags(p)
    p.set_defaults(func=cmd_failures)
    p = sub.add_parser("merge", help="merge actor OTHER into KEEP, now and on later ingests",
                       description="Make two actors one: OTHER's articles, names and ids join KEEP. The decision "
                                   "is kept and applied to later ingests, and recorded as a review decision naming the "
                                   "reviewer: `actorgraph undo N` gives both actors back.")
    p.add_argument("keep", metavar="KEEP", help=f"the actor that stays ({ACTOR_HELP})")
    p.add_argument("other", metavar="OTHER", help=f"the actor merged into KEEP and gone ({ACTOR_HELP})")
    _reviewer_flag(p)
    decision_flags(p)
    p.set_defaults(func=cmd_merge)
    p = sub.add_parser("split", help="make the mentions of ACTOR called NAME a separate actor, now and later",
                       description="Move the articles that call ACTOR by NAME to a new actor named NAME, and pin "
                                   "NAME to it so later ingests send it there. Recorded as a review decision naming the "
                                   "reviewer: `actorgraph undo N` moves the articles back.")
    p.add_argument("actor", metavar="ACTOR", help=f"the actor to split ({ACTOR_HELP})")
    p.add_argument("name", metavar="NAME", help="the name whose mentions become a new actor")
    _reviewer_flag(p)
    decision_flags(p)
    p.set_defaults(func=cmd_split)
    alias = sub.add_parser("alias", help="manage an actor's aliases by hand (remove one)",
                           description="Manage the spellings an actor is known by.")
    alias_sub = alias.add_subparsers(dest="alias_command", required=True, metavar="{remove}")
    p = alias_sub.add_parser("remove", help="take the alias NAME away from ACTOR, now and on later ingests",
                             description="Take a spelling away from an actor: it is no longer listed or matched "
                                         "as that actor's name, and later ingests do not give it back. The "
                                         "articles already stored stay with the actor.")
    p.add_argument("actor", metavar="ACTOR", help=f"the actor ({ACTOR_HELP})")
    p.add_argument("name", metavar="NAME", help="the alias to remove, as `show` lists it")
    decision_flags(p)
    p.set_defaults(func=cmd_alias_remove)
    p = sub.add_parser("decisions", help="list the decisions made by hand: merges, splits, stories, reviews",
                       description="List the decisions made by hand (merge, split, alias remove, story splits and "
                                   "joins, and the reviews: who, when, what, why) in the order they were made; each "
                                   "is applied again to later ingests, and a review can be undone with `undo SEQ`.")
    p.add_argument("--reviewer", default=None, metavar="NAME", help="only the reviews this reviewer made")
    store_flags(p)
    p.set_defaults(func=cmd_decisions)

    for name, helptext, description in (
        ("show", "an actor's profile: aliases, ids, relations with sources, timeline",
         "An actor's profile: its type with how sure it is and what gave it (`organization 0.75 by syntax: "
         "'was founded'`: the surest of its articles; none for a type set by hand), its names and ids, how its "
         "spellings were merged, its relations by predicate with the sentences that state or deny them, and "
         "its latest events, quotes and figures."),
        ("neighbors", "the actors linked to an actor",
         "The actors linked to an actor by a relation either way, with the predicate, direction and number "
         "of sources; an edge its sources deny is marked NEGATED, one some deny CONTRADICTED."),
        ("where", "the places an actor operates in, is based in or targeted",
         "The places an actor operates in, is based in or targeted, and where its events happened."),
        ("timeline", "everything dated about an actor",
         "Everything stated about an actor in date order (undated last): relations, events, quotes, figures."),
    ):
        p = sub.add_parser(name, help=helptext, description=description)
        p.add_argument("name", metavar="NAME", help=f"the actor ({ACTOR_HELP})")
        if name == "neighbors":
            predicate_flag(p, "only relations with this predicate")
            p.set_defaults(func=_question(name, "name", predicates="predicate"))
        elif name == "timeline":
            limit_flag(p, 200, "the latest N items")
            p.set_defaults(func=_question(name, "name", limit="limit"))
        elif name == "show":
            limit_flag(p, 20, "the latest N events, quotes and figures", old="--items")
            p.add_argument("--edges", type=_edges_shown, default=50, metavar="N",
                           help="the strongest N relations of each predicate (default 50; 0 for all)")
            p.set_defaults(func=_question(name, "name", items="limit", edges="edges"))
        else:
            p.set_defaults(func=_question(name, "name"))
        store_flags(p)

    p = sub.add_parser("path", help="the chains of relations linking two actors, a sentence per hop",
                       description="The shortest chains of relations from actor A to actor B, each hop with the "
                                   "sentence that states it. Chains follow command and support down from A, else "
                                   "up (--direction); edges only denied are not followed unless asked for.")
    p.add_argument("source", metavar="A", help=f"where the chain starts ({ACTOR_HELP})")
    p.add_argument("target", metavar="B", help=f"where the chain ends ({ACTOR_HELP})")
    p.add_argument("--predicate", action="append", default=None, metavar="P",
                   help=f"follow this predicate; may be repeated ({PREDICATE_LIST}; "
                        f"default {', '.join(PATH_PREDICATES)})")
    certainty_flag(p, default="all but negated")
    date_flags(p)
    p.add_argument("--direction", choices=PATH_DIRECTIONS, default="auto",
                   help="down: A above B (A commands, leads, founded, supports ... B, or B is member_of/part_of A); "
                        "up: A below B; auto: down, else up (default); any: edges either way")
    p.add_argument("--max-hops", type=int, default=6, metavar="N", help="longest chain searched (default 6)")
    limit_flag(p, 5, "chains shown")
    rejected_flag(p)
    store_flags(p)
    p.set_defaults(func=_question("path", "source", "target", predicates="predicate",
                                  certainty="certainty", since="since", until="until", direction="direction", max_hops="max_hops",
                                  limit="limit", include_rejected="include_rejected"))
    p = sub.add_parser("evidence", help="every statement of one relation, contradictions flagged",
                       description="Every statement of one relation A PREDICATE B (either way for a symmetric "
                                   "predicate), with its sentence, source, date and certainty; an edge some "
                                   "sources deny is flagged CONTRADICTED. The " + PREDICATE_LIST + ".")
    p.add_argument("subject", metavar="A", help=f"the subject ({ACTOR_HELP})")
    p.add_argument("predicate", metavar="PREDICATE", help=f"the relation ({PREDICATE_LIST})")
    p.add_argument("object", metavar="B", help=f"the object ({ACTOR_HELP})")
    limit_flag(p, 100, "at most N statements that state it and N that deny it")
    rejected_flag(p)
    store_flags(p)
    p.set_defaults(func=_question("evidence", "subject", "predicate", "object",
                                  limit="limit", include_rejected="include_rejected"))
    p = sub.add_parser("search", help="actors, sentences and quotes containing TEXT",
                       description="Actors whose name or alias, and sentences and quotes whose text, contain TEXT.")
    p.add_argument("text", metavar="TEXT", help="the words to look for (case and accents ignored)")
    limit_flag(p, 20, "results per kind")
    store_flags(p)
    p.set_defaults(func=_question("search", "text", limit="limit"))
    p = sub.add_parser("stats", help="counts, the most connected and most cited actors, measured precision",
                       description="The store's counts of articles, actors, relations, events, quotes and "
                                   "figures, its most connected and most cited actors, and the precision of each "
                                   "extractor and construction measured over the statements reviewers confirmed, "
                                   "corrected or rejected. Rejected statements are counted apart.")
    rejected_flag(p)
    store_flags(p)
    p.set_defaults(func=_question("stats", include_rejected="include_rejected"))
