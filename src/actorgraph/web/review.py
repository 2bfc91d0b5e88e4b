"""Reviewing from the web app: review state beside the evidence, the review queue, and reviewers' writes.

Every write is one call into `actorgraph.store.review` (or `store.manual`) naming the reviewer the
request proves (web.auth), and carries the version the page loaded: when the target changed since,
the store refuses it (StaleReviewError) and the answer, 409, holds the current state for the page to
show. A write answers the decision made and the target's state now.
"""
from __future__ import annotations

import importlib
import time
from dataclasses import asdict
from datetime import datetime
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..model import CERTAINTIES
from ..store import Store
from .auth import Gate
from .storage import StoreAccess, valid_id

NOTE = 2000  # the longest reason or note taken
# The modules themselves: actorgraph.store re-exports a function named `review` over the module's name.
review = importlib.import_module("..store.review", __package__)
manual = importlib.import_module("..store.manual", __package__)
hand = importlib.import_module("..store.decisions", __package__)


def plain(value: Any) -> Any:
    """A dataclass state or decision as JSON-ready data (datetimes as ISO text)."""
    if hasattr(value, "__dataclass_fields__"):
        value = asdict(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value


def _statement_id(value: str) -> str:
    if not valid_id("s", value):
        raise HTTPException(404, f"not a valid statement id: {value[:80]!r}")
    return value


def _relation_id(value: str) -> str:
    if not valid_id("r", value):
        raise HTTPException(404, f"not a valid relation id: {value[:80]!r}")
    return value


def _actor_id(value: str) -> str:
    if not valid_id("g", value):
        raise HTTPException(404, f"not a valid actor id: {value[:80]!r}")
    return value


class Verdict(BaseModel):
    """Confirm (a note is optional) or reject (a reason is required) what the page showed at `version`."""

    version: int | str = Field(description="the version the page loaded (a statement's number, an edge's token)")
    reason: str = Field("", max_length=NOTE, description="why; required to reject")


class Correction(BaseModel):
    version: int
    predicate: str | None = Field(None, max_length=40)
    reverse: bool = Field(False, description="swap subject and object (the direction was wrong)")
    certainty: Literal[CERTAINTIES] | None = None  # type: ignore[valid-type]
    reason: str = Field("", max_length=NOTE)


class ActorEdit(BaseModel):
    version: int
    name: str | None = Field(None, min_length=1, max_length=300)
    type: str | None = Field(None, max_length=40)
    wikidata: str | None = Field(None, max_length=20, description="a QID; empty clears it")
    reason: str = Field("", max_length=NOTE)


class ManualRelation(BaseModel):
    subject: str = Field(max_length=80)
    predicate: str = Field(max_length=40)
    object: str = Field(max_length=80)
    source: str = Field(min_length=1, max_length=2000, description="a URL (http, https) or a citation")
    note: str = Field("", max_length=NOTE)
    certainty: Literal[CERTAINTIES] = "asserted"  # type: ignore[valid-type]
    date: str | None = Field(None, max_length=10)


class Merge(BaseModel):
    """Merge the actor `other` into the actor of the page (which stays)."""

    other: str = Field(max_length=80, description="the id of the actor merged in and gone")
    reason: str = Field("", max_length=NOTE)


class Split(BaseModel):
    """Make the articles that call the actor `name` a new actor."""

    name: str = Field(min_length=1, max_length=300, description="the name whose mentions become a new actor")
    reason: str = Field("", max_length=NOTE)


class Participant(BaseModel):
    actor: str = Field(max_length=80, description="an actor id")
    role: str = Field("participant", min_length=1, max_length=40)


class ManualEvent(BaseModel):
    type: str = Field(min_length=1, max_length=60, description="the event type (an event type of the ontology)")
    participants: list[Participant] = Field(min_length=1, max_length=20)
    source: str = Field(min_length=1, max_length=2000, description="a URL (http, https) or a citation")
    note: str = Field("", max_length=NOTE)
    date: str | None = Field(None, max_length=10)
    place: str | None = Field(None, max_length=80, description="the id of the place's actor")


class ManualActor(BaseModel):
    name: str = Field(min_length=1, max_length=300)
    type: str = Field(max_length=40)
    source: str = Field(min_length=1, max_length=2000, description="a URL (http, https) or a citation")
    note: str = Field("", max_length=NOTE)
    wikidata: str | None = Field(None, max_length=20)


class Undo(BaseModel):
    reason: str = Field("", max_length=NOTE)


def statement_states(store: Store, ids: list[str]) -> dict[str, dict]:
    """The review state of these statements by id (rejected ones included)."""
    return {i: plain(review.statement(store, i)) for i in ids}


def evidence_with_review(store: Store, found: dict, *, rejected: bool) -> dict:
    """An edge's evidence page with each statement's review state, the edge's state, and (asked) its rejected ones."""
    states = statement_states(store, [s["statement"] for s in found.get("evidence", [])])
    for item in found.get("evidence", []):
        item["review"] = states[item["statement"]]
    found["edge_review"] = plain(review.edge(store, found["relation"]))
    found["rejected"] = [plain(s) for s in review.statements_of_edge(store, found["relation"], include_rejected=True)
                         if s.review == "rejected"] if rejected else []
    return found


def rejected_edge(store: Store, relation_id: str) -> dict:
    """The page of an edge whose every statement is rejected (shown only with the filter)."""
    edge = review.edge(store, relation_id)
    return {"relation": relation_id, "predicate": edge.predicate,
            "subject": {"id": edge.subject, "name": edge.subject_name}, "object": {"id": edge.object, "name": edge.object_name},
            "statements": 0, "stories": 0, "sources": 0, "offset": 0, "limit": 0, "evidence": [],
            "edge_review": plain(edge),
            "rejected": [plain(s) for s in review.statements_of_edge(store, relation_id, include_rejected=True)]}


def article_statements(store: Store, article_id: str, *, rejected: bool) -> list[dict]:
    """The statements of one article in reading order, with their review state (rejected ones when asked)."""
    tables = ["statements", "rejected_statements"] if rejected else ["statements"]
    union = " UNION ALL ".join(f"SELECT id, sent_start, cue_start FROM {t} WHERE article_id = ?" for t in tables)
    ids = [i for (i,) in store.rows(f"SELECT id FROM ({union}) ORDER BY sent_start NULLS LAST, cue_start NULLS LAST, id",
                                    [article_id] * len(tables))]
    return list(statement_states(store, ids).values())


def add_review_routes(app: FastAPI, access: StoreAccess, gate: Gate) -> None:
    """The review endpoints: reads for the pages, and the reviewers' writes."""

    def write(request: Request, act) -> JSONResponse:
        # Server-Timing says where a write's time goes (load benchmarks read it): the reviewer's check,
        # the wait for the one writer, the decision, the state read back.
        t0 = time.perf_counter()
        reviewer = gate.writer(request)
        t1 = time.perf_counter()
        with access.writer() as store:
            t2 = time.perf_counter()
            done = act(store, reviewer.name)
            t3 = time.perf_counter()
            answer = {"review": plain(done), "current": _current(store, done)}
        t4 = time.perf_counter()
        timing = ", ".join(f"{name};dur={1000 * d:.1f}" for name, d in
                           (("auth", t1 - t0), ("wait", t2 - t1), ("decide", t3 - t2), ("state", t4 - t3)))
        return JSONResponse(answer, status_code=201 if done.kind.startswith("add-") else 200,
                            headers={"Server-Timing": timing})

    # -- reads ---------------------------------------------------------------------------

    @app.get("/api/statements/{statement_id}", tags=["review"])
    def statement(statement_id: str) -> dict:
        """One statement with its review: state, reason, reviewer, version, what a correction changed."""
        with access.reader() as store:
            return plain(review.statement(store, _statement_id(statement_id)))

    @app.get("/api/edges/{relation_id}", tags=["review"])
    def edge(relation_id: str) -> dict:
        """An edge's review state (confirmed, partly rejected, unreviewed...) and version token."""
        with access.reader() as store:
            return plain(review.edge(store, _relation_id(relation_id)))

    @app.get("/api/review/queue", tags=["review"])
    def queue(actor: list[str] | None = Query(None), limit: int = Query(50, ge=1, le=200)) -> dict:
        """Unreviewed statements of the given actors (else the watched, else the most connected), lowest certainty first."""
        ids = [_actor_id(a) for a in actor or []] or None
        with access.reader() as store:
            items = review.review_queue(store, limit=limit, actor_ids=ids)
            return {"statements": [plain(s) for s in items], "limit": limit}

    @app.get("/api/event-types", tags=["review"])
    def event_types() -> dict:
        """The event types the store holds, most frequent first (what the add-an-event form offers)."""
        with access.reader() as store:
            return {"types": [t for (t,) in store.rows(
                "SELECT type FROM events GROUP BY type ORDER BY count(*) DESC, type LIMIT 100")]}

    @app.get("/api/reviews", tags=["review"])
    def decisions(reviewer: str | None = Query(None, max_length=64), target: str | None = Query(None, max_length=80),
                  limit: int = Query(20, ge=1, le=200)) -> dict:
        """The latest review decisions, newest first: who, when, what, why, the state before; undone or not."""
        with access.reader() as store:
            found = review.reviews(store, reviewer=reviewer or None, target_id=target or None, limit=limit)
        return {"reviews": [plain(r) for r in reversed(found)]}

    @app.get("/api/articles/{article_id}/statements", tags=["review"])
    def statements_of_article(article_id: str, rejected: bool = Query(False)) -> dict:
        """The statements of one article with their review state (`rejected=1`: rejected ones too, marked)."""
        if not valid_id("a", article_id):
            raise HTTPException(404, f"not a valid article id: {article_id[:80]!r}")
        with access.reader() as store:
            return {"article": article_id, "statements": article_statements(store, article_id, rejected=rejected)}

    # -- writes --------------------------------------------------------------------------

    @app.post("/api/statements/{statement_id}/confirm", tags=["review"])
    def confirm(statement_id: str, body: Verdict, request: Request) -> dict:
        """Confirm a statement: the sentence does say this."""
        sid = _statement_id(statement_id)
        return write(request, lambda st, who: review.confirm_statement(
            st, sid, version=_int(body.version), reviewer=who, note=body.reason))

    @app.post("/api/statements/{statement_id}/reject", tags=["review"])
    def reject(statement_id: str, body: Verdict, request: Request) -> dict:
        """Reject a statement with a reason: kept, but left out of counts, paths, networks, the map and exports."""
        sid = _statement_id(statement_id)
        return write(request, lambda st, who: review.reject_statement(
            st, sid, version=_int(body.version), reviewer=who, reason=body.reason))

    @app.post("/api/statements/{statement_id}/correct", tags=["review"])
    def correct(statement_id: str, body: Correction, request: Request) -> dict:
        """Correct a statement's predicate, direction or certainty (the corrected reading counts as confirmed)."""
        sid = _statement_id(statement_id)
        return write(request, lambda st, who: review.correct_statement(
            st, sid, version=body.version, reviewer=who, predicate=body.predicate or None, reverse=body.reverse,
            certainty=body.certainty, note=body.reason))

    @app.post("/api/edges/{relation_id}/confirm", tags=["review"])
    def confirm_edge(relation_id: str, body: Verdict, request: Request) -> dict:
        """Confirm every statement of an edge (and, later, new evidence for it)."""
        rid = _relation_id(relation_id)
        return write(request, lambda st, who: review.confirm_edge(st, rid, version=str(body.version), reviewer=who,
                                                                  note=body.reason))

    @app.post("/api/edges/{relation_id}/reject", tags=["review"])
    def reject_edge(relation_id: str, body: Verdict, request: Request) -> dict:
        """Reject every statement of an edge with a reason (and, later, new evidence for it)."""
        rid = _relation_id(relation_id)
        return write(request, lambda st, who: review.reject_edge(st, rid, version=str(body.version), reviewer=who,
                                                                 reason=body.reason))

    @app.get("/api/actors/{actor_id}/review", tags=["review"])
    def actor_state(actor_id: str) -> dict:
        """An actor's name, type, Wikidata id and version, for the edit form."""
        with access.reader() as store:
            return plain(manual.actor(store, _actor_id(actor_id)))

    @app.post("/api/actors/{actor_id}/edit", tags=["review"])
    def edit_actor(actor_id: str, body: ActorEdit, request: Request) -> dict:
        """Rename an actor, change its type, or set or clear its Wikidata id (one change per request)."""
        aid = _actor_id(actor_id)
        changes = [k for k in ("name", "type", "wikidata") if k in body.model_fields_set]
        if len(changes) != 1:
            raise HTTPException(422, "send exactly one of name, type, wikidata")
        if changes == ["name"]:
            act = lambda st, who: manual.rename_actor(st, aid, body.name or "", version=body.version, reviewer=who,
                                                     note=body.reason)
        elif changes == ["type"]:
            act = lambda st, who: manual.set_actor_type(st, aid, body.type or "", version=body.version, reviewer=who,
                                                       note=body.reason)
        else:
            act = lambda st, who: manual.set_wikidata(st, aid, (body.wikidata or "").strip() or None,
                                                     version=body.version, reviewer=who, note=body.reason)
        return write(request, act)

    @app.post("/api/relations", tags=["review"], status_code=201)
    def add_relation(body: ManualRelation, request: Request) -> dict:
        """Add a relation by hand, with its own source (a URL or a citation) and a note; marked as added by hand."""
        subject, object_ = _actor_id(body.subject), _actor_id(body.object)
        return write(request, lambda st, who: manual.add_relation(
            st, subject, body.predicate, object_, source=body.source, note=body.note, certainty=body.certainty,
            date=body.date or None, reviewer=who))

    @app.post("/api/actors/{actor_id}/merge", tags=["review"])
    def merge(actor_id: str, body: Merge, request: Request) -> dict:
        """Merge actor `other` into this one: its articles, names and ids join this actor, now and on later
        ingests. A review decision: undo gives both actors back."""
        keep, other = _actor_id(actor_id), _actor_id(body.other)
        return write(request, lambda st, who: _decision_review(st, hand.merge(st, keep, other, note=body.reason,
                                                                              reviewer=who)))

    @app.post("/api/actors/{actor_id}/split", tags=["review"])
    def split(actor_id: str, body: Split, request: Request) -> dict:
        """Make the articles that call this actor `name` a new actor, now and on later ingests. A review
        decision: undo moves them back."""
        aid = _actor_id(actor_id)
        return write(request, lambda st, who: _decision_review(st, hand.split(st, aid, body.name.strip(),
                                                                              note=body.reason, reviewer=who)))

    @app.post("/api/events", tags=["review"], status_code=201)
    def add_event(body: ManualEvent, request: Request) -> dict:
        """Add an event by hand with its participants and its own source; marked as added by hand."""
        participants = [(_actor_id(p.actor), p.role.strip() or "participant") for p in body.participants]
        place = _actor_id(body.place) if body.place else None
        return write(request, lambda st, who: manual.add_event(
            st, body.type.strip(), participants, source=body.source.strip(), note=body.note, date=body.date or None,
            place_id=place, reviewer=who))

    @app.post("/api/actors", tags=["review"], status_code=201)
    def add_actor(body: ManualActor, request: Request) -> dict:
        """Add an actor by hand with its own source; later articles naming it resolve to it."""
        return write(request, lambda st, who: manual.add_actor(
            st, body.name.strip(), body.type, source=body.source.strip(), note=body.note,
            wikidata=(body.wikidata or "").strip() or None, reviewer=who))

    @app.post("/api/reviews/{seq}/undo", tags=["review"])
    def undo(seq: int, body: Undo, request: Request) -> dict:
        """Undo a review decision: the state before it comes back (refused when a later decision changed it)."""
        return write(request, lambda st, who: review.undo(st, seq, reviewer=who, note=body.reason))


def _current(store: Store, done) -> dict | None:
    """The state of a decision's target after it (None when the decision took the target away)."""
    from ..errors import UnknownTargetError
    read = {"statement": review.statement, "edge": review.edge, "actor": manual.actor}.get(done.target)
    if read is None:
        return None
    try:
        return plain(read(store, done.target_id))
    except UnknownTargetError:
        return None


def _decision_review(store: Store, decision) -> "review.Review":
    """The review decision that records a merge or split."""
    return review.review(store, decision.review)


def _int(version: int | str) -> int:
    try:
        return int(version)
    except ValueError:
        raise HTTPException(422, f"a statement's version is a number, not {str(version)[:40]!r}") from None
