"""The review commands of `actorgraph`: `review ...`, `add ...` and `undo`, thin shells over store.review
and store.manual. Each write names its reviewer (--reviewer, else the setting `reviewer`, else the OS
user) and takes the version it was decided on (--if-version; default: the version read just before)."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from typing import Any

from .flags import ACTOR_HELP, PREDICATE_LIST, PREDICATES, limit_flag, store_flags
from .model import CERTAINTIES, ENTITY_TYPES
from .settings import Settings

STATEMENT_HELP = "a statement id (s...), as `evidence`, `review queue` and `--json` answers print them"
EDGE_HELP = "an edge id (r...), as `review show` and `neighbors --json` print them"


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.load(args.config, store=args.store)


def reviewer_of(args: argparse.Namespace, settings: Settings) -> str:
    """--reviewer, else the setting `reviewer` (ACTORGRAPH_REVIEWER), else the user running actorgraph."""
    return args.reviewer or settings.reviewer or getpass.getuser()


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(asdict(value), default=str))


def _said(review, args: argparse.Namespace) -> int:
    if getattr(args, "json", False):
        print(json.dumps(_plain(review), ensure_ascii=False, indent=1))
    else:
        print(f"review {review.seq}: {review.kind} {review.target} {review.target_id} by {review.reviewer}: "
              f"{review.reason}")
    return 0


def _write(args: argparse.Namespace, call) -> int:
    from .store import Store
    settings = _settings(args)
    with Store.open(settings.store, create=False) as store:
        return _said(call(store, reviewer_of(args, settings)), args)


def cmd_statement(args: argparse.Namespace) -> int:
    from .store import correct_statement, confirm_statement, reject_statement, statement

    def call(store, reviewer):
        version = statement(store, args.statement).version if args.if_version is None else args.if_version
        if args.review_command == "confirm":
            return confirm_statement(store, args.statement, version=version, reviewer=reviewer, note=args.note or "")
        if args.review_command == "reject":
            return reject_statement(store, args.statement, version=version, reviewer=reviewer, reason=args.reason)
        return correct_statement(store, args.statement, version=version, reviewer=reviewer, predicate=args.predicate,
                                 reverse=args.reverse, certainty=args.certainty, note=args.note or "")
    return _write(args, call)


def cmd_edge(args: argparse.Namespace) -> int:
    from .store import confirm_edge, edge, reject_edge

    def call(store, reviewer):
        version = edge(store, args.edge).version if args.if_version is None else args.if_version
        if args.review_command == "confirm-edge":
            return confirm_edge(store, args.edge, version=version, reviewer=reviewer, note=args.note or "")
        return reject_edge(store, args.edge, version=version, reviewer=reviewer, reason=args.reason)
    return _write(args, call)


def cmd_actor(args: argparse.Namespace) -> int:
    from . import query
    from .store import actor, rename_actor, set_actor_type, set_wikidata

    def call(store, reviewer):
        found = query.find_actor(store, args.actor)
        version = actor(store, found.id).version if args.if_version is None else args.if_version
        note = args.note or ""
        if args.review_command == "rename":
            return rename_actor(store, found.id, args.value, version=version, reviewer=reviewer, note=note)
        if args.review_command == "type":
            return set_actor_type(store, found.id, args.value, version=version, reviewer=reviewer, note=note)
        qid = None if args.value.lower() == "none" else args.value
        return set_wikidata(store, found.id, qid, version=version, reviewer=reviewer, note=note)
    return _write(args, call)


def cmd_show(args: argparse.Namespace) -> int:
    from .store import Store, edge, statement, statements_of_edge
    with Store.open(_settings(args).store, create=False) as store:
        if args.id.startswith("r"):
            answer = {"edge": _plain(edge(store, args.id)),
                      "statements": [_plain(s) for s in statements_of_edge(store, args.id, include_rejected=True)]}
        else:
            answer = {"statement": _plain(statement(store, args.id))}
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=1))
        return 0
    if "edge" in answer:
        e = answer["edge"]
        print(f"{e['id']}  {e['subject_name']} {e['predicate']} {e['object_name']}: {e['state']} "
              f"({e['statements']} statements, {e['confirmed']} confirmed, {e['rejected']} rejected; "
              f"version {e['version']})")
    for s in answer.get("statements", [answer.get("statement")]):
        _print_statement(s)
    return 0


def _print_statement(s: dict) -> None:
    mark = "BY HAND " if s["by_hand"] else ""
    print(f"{s['id']}  {mark}[{s['review']}] {s['subject_name']} {s['predicate']} {s['object_name']} "
          f"({s['certainty']}; version {s['version']}; {s['source']})")
    print(f"    {s['sentence']}")
    if s["reason"] and s["review"] != "unreviewed":
        print(f"    {s['review']} by {s['reviewer']}: {s['reason']}")
    if s["original"]:
        print(f"    as extracted: {', '.join(f'{k} {v}' for k, v in sorted(s['original'].items()))}")


def cmd_queue(args: argparse.Namespace) -> int:
    from . import query
    from .store import Store, review_queue
    with Store.open(_settings(args).store, create=False) as store:
        ids = [query.find_actor(store, a).id for a in args.actor or []]
        found = [_plain(s) for s in review_queue(store, actor_ids=ids or None, limit=args.limit)]
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    for s in found:
        _print_statement(s)
    print(f"{len(found)} unreviewed statements", file=sys.stderr)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from .store import undo
    return _write(args, lambda store, reviewer: undo(store, args.seq, reviewer=reviewer, note=args.note or ""))


def cmd_add(args: argparse.Namespace) -> int:
    from . import query
    from .store import add_actor, add_event, add_relation

    def call(store, reviewer):
        common = {"source": args.source, "reviewer": reviewer, "note": args.note or ""}
        if args.add_command == "relation":
            a, b = query.find_actor(store, args.subject), query.find_actor(store, args.object)
            return add_relation(store, a.id, args.predicate_name, b.id, certainty=args.certainty or "asserted",
                                date=args.date, **common)
        if args.add_command == "event":
            participants = []
            for item in args.participant:
                name, _, role = item.rpartition("=") if "=" in item else (item, "", "participant")
                participants.append((query.find_actor(store, name).id, role))
            place = query.find_actor(store, args.place).id if args.place else None
            return add_event(store, args.type, participants, date=args.date, place_id=place, **common)
        return add_actor(store, args.name, args.actor_type, wikidata=args.wikidata, **common)
    return _write(args, call)


def _writer_flags(p: argparse.ArgumentParser, *, version: str | None = None, note: bool = True) -> None:
    p.add_argument("--reviewer", default=None, metavar="NAME",
                   help="who decides (default: the setting reviewer, ACTORGRAPH_REVIEWER, else your user name)")
    if version:
        p.add_argument("--if-version", default=None, metavar="V", type=int if version == "int" else str,
                       help="refuse the write unless the target is still at this version (what you loaded); "
                            "default: the version read just before the write")
    if note:
        p.add_argument("--note", default=None, help="why (kept with the decision)")
    p.add_argument("--json", action="store_true", help="print the decision as JSON")
    store_flags(p, json_flag=False)


def add_review_commands(sub: argparse._SubParsersAction) -> None:
    """Add `review`, `add` and `undo` to the `actorgraph` parser."""
    review = sub.add_parser("review", help="confirm, reject or correct statements, edges and actors (kept, undoable)",
                            description="Review the graph by hand. Each review is a stored decision (who, when, "
                                        "why, the state before) that `decisions` lists, `undo` reverses and later "
                                        "ingests keep. A rejected statement stays stored but is left out of counts, "
                                        "paths, networks, the map and exports unless --include-rejected is given.")
    rs = review.add_subparsers(dest="review_command", required=True,
                               metavar="{confirm,reject,correct,confirm-edge,reject-edge,rename,type,wikidata,show,queue}")
    p = rs.add_parser("confirm", help="mark a statement right", description="Mark a statement (one sentence's "
                      "evidence for one relation) right as it stands.")
    p.add_argument("statement", metavar="STATEMENT", help=STATEMENT_HELP)
    _writer_flags(p, version="int")
    p.set_defaults(func=cmd_statement)
    p = rs.add_parser("reject", help="mark a statement wrong, with a reason",
                      description="Mark a statement wrong: it stays stored, marked rejected, and is left out of "
                                  "counts, paths, networks, the map and exports by default.")
    p.add_argument("statement", metavar="STATEMENT", help=STATEMENT_HELP)
    p.add_argument("--reason", required=True, help="why the statement is wrong (kept with the decision)")
    _writer_flags(p, version="int", note=False)
    p.set_defaults(func=cmd_statement)
    p = rs.add_parser("correct", help="correct a statement's predicate, direction or certainty",
                      description="Correct what a statement says: its predicate, its direction (subject and "
                                  "object swapped) or its certainty. The corrected statement counts as confirmed.")
    p.add_argument("statement", metavar="STATEMENT", help=STATEMENT_HELP)
    p.add_argument("--predicate", choices=PREDICATES, default=None, metavar="P", help=f"the right predicate ({PREDICATE_LIST})")
    p.add_argument("--reverse", action="store_true", help="swap subject and object")
    p.add_argument("--certainty", choices=CERTAINTIES, default=None, metavar="C",
                   help=f"the right certainty ({', '.join(CERTAINTIES)})")
    _writer_flags(p, version="int")
    p.set_defaults(func=cmd_statement)
    for name, helptext in (("confirm-edge", "confirm every statement of an edge (and its later evidence)"),
                           ("reject-edge", "reject every statement of an edge (and its later evidence)")):
        p = rs.add_parser(name, help=helptext,
                          description=helptext[0].upper() + helptext[1:] + ": the decision is a standing rule, so "
                                      "statements of the same edge from later ingests follow it.")
        p.add_argument("edge", metavar="EDGE", help=EDGE_HELP)
        if name == "reject-edge":
            p.add_argument("--reason", required=True, help="why the relation is wrong (kept with the decision)")
        _writer_flags(p, version="str", note=name == "confirm-edge")
        p.set_defaults(func=cmd_edge)
    for name, metavar, helptext in (("rename", "NAME", "show an actor under another name"),
                                    ("type", "TYPE", f"change an actor's type ({', '.join(ENTITY_TYPES)})"),
                                    ("wikidata", "QID", "set an actor's Wikidata id (QID), or clear it (none)")):
        p = rs.add_parser(name, help=helptext, description=helptext[0].upper() + helptext[1:] +
                          "; the change is kept over later ingests.")
        p.add_argument("actor", metavar="ACTOR", help=f"the actor ({ACTOR_HELP})")
        p.add_argument("value", metavar=metavar, help={"NAME": "the new name", "TYPE": "the new type",
                                                       "QID": "a Wikidata item id such as Q42, or none"}[metavar])
        _writer_flags(p, version="int")
        p.set_defaults(func=cmd_actor)
    p = rs.add_parser("show", help="a statement or an edge with its review state and version",
                      description="Show a statement (s...) or an edge (r...) with its review: state, reviewer, "
                                  "reason, version, and what was extracted where a correction changed it.")
    p.add_argument("id", metavar="ID", help="a statement id (s...) or an edge id (r...)")
    store_flags(p)
    p.set_defaults(func=cmd_show)
    p = rs.add_parser("queue", help="the statements to review next, lowest certainty first",
                      description="The unreviewed statements of the given actors (else the watched ones, else the "
                                  "most connected), lowest certainty first.")
    p.add_argument("--actor", action="append", default=None, metavar="NAME",
                   help=f"only this actor's statements; may be repeated ({ACTOR_HELP})")
    limit_flag(p, 50, "statements shown")
    store_flags(p)
    p.set_defaults(func=cmd_queue)

    add = sub.add_parser("add", help="add a relation, event or actor known from a source outside the store",
                         description="Add what an analyst knows from a source the store does not hold: a URL or a "
                                     "citation, and a note. It is marked as added by hand and kept as a decision.")
    adds = add.add_subparsers(dest="add_command", required=True, metavar="{relation,event,actor}")
    p = adds.add_parser("relation", help="add a relation A PREDICATE B", description="Add a relation between two "
                        "stored actors, with its own source; it counts as confirmed.")
    p.add_argument("subject", metavar="A", help=f"the subject ({ACTOR_HELP})")
    p.add_argument("predicate_name", metavar="PREDICATE", choices=PREDICATES, help=PREDICATE_LIST)
    p.add_argument("object", metavar="B", help=f"the object ({ACTOR_HELP})")
    p.add_argument("--certainty", choices=CERTAINTIES, default=None, metavar="C",
                   help=f"how the source states it ({', '.join(CERTAINTIES)}; default asserted)")
    _add_flags(p)
    p.set_defaults(func=cmd_add)
    p = adds.add_parser("event", help="add an event with its participants", description="Add an event (an "
                        "attack, a meeting, a capture ...) with its participants, with its own source.")
    p.add_argument("type", metavar="TYPE", help="the event type, e.g. attack, meeting, capture")
    p.add_argument("--participant", action="append", required=True, metavar="ACTOR=ROLE",
                   help="a participant and its role (e.g. 'Hezbollah=attacker'); may be repeated")
    p.add_argument("--place", default=None, metavar="NAME", help=f"where it happened ({ACTOR_HELP})")
    _add_flags(p)
    p.set_defaults(func=cmd_add)
    p = adds.add_parser("actor", help="add an actor", description="Add an actor with its own source; later "
                        "articles that name it resolve to it.")
    p.add_argument("name", metavar="NAME", help="the actor's name")
    p.add_argument("--type", dest="actor_type", required=True, choices=ENTITY_TYPES, help="the actor's type")
    p.add_argument("--wikidata", default=None, metavar="QID", help="its Wikidata item id, e.g. Q42")
    _add_flags(p, dated=False)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("undo", help="undo a review decision (restores the state before it)",
                       description="Undo a review decision by its number (as `decisions` lists it): the state "
                                   "before it comes back. Refused when a later decision changed the same target.")
    p.add_argument("seq", metavar="SEQ", type=int, help="the review decision's number")
    _writer_flags(p)
    p.set_defaults(func=cmd_undo)


def _add_flags(p: argparse.ArgumentParser, *, dated: bool = True) -> None:
    p.add_argument("--source", required=True, metavar="URL|CITATION",
                   help="where it is known from: a URL, or a citation (author, title, date)")
    if dated:
        p.add_argument("--date", default=None, metavar="DATE", help="when (YYYY, YYYY-MM or YYYY-MM-DD)")
    _writer_flags(p)
