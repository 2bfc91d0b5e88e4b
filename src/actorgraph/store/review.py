"""Reviews by hand of statements and edges: confirm, reject, correct; each a stored, reversible decision.

A statement is one sentence's evidence for one relation. A rejected statement moves to
`rejected_statements` (same columns), so `statements`, `relations` and every reader of them
leave it out unless asked (`include_rejected`); undo brings it back. A correction (predicate,
direction, certainty) rewrites the statement's row and keeps what was extracted in
`statement_reviews`, keyed by the statement id, which is a hash of the article and the extracted
relation: it outlives merges, splits and re-ingests, and `apply_reviews` applies it again to a
statement stored anew. An edge decision (confirm or reject every statement of an edge) is also a
standing rule: statements of that edge from later ingests follow it.

Every write takes the version the caller loaded and is refused (`StaleReviewError`, carrying the
current state) when the target changed since. Writes touch rows by id through indexes.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..errors import ReviewError, StaleReviewError, UnknownTargetError
from ..model import CERTAINTIES
from .database import Store, in_list, now
from .edges import aggregate_relation, relation_id

STATES = ("unreviewed", "confirmed", "rejected")
_COLUMNS = ("id", "relation_id", "article_id", "subject", "predicate", "object", "local_subject", "local_object",
            "certainty", "role", "date", "attributed_to", "sentence", "sent_start", "sent_end", "cue_start", "cue_end",
            "extractor")
_SELECT = ", ".join(_COLUMNS)
_REVIEW_COLUMNS = ("state", "version", "reason", "reviewer", "seq", "made_at", "predicate", "reversed", "certainty",
                   "orig_predicate", "orig_certainty")


@dataclass(frozen=True)
class StatementState:
    """A statement as a reviewer sees it: the evidence, where it points, and its review."""

    id: str
    relation_id: str
    article_id: str
    source: str
    subject: str
    subject_name: str
    predicate: str
    object: str
    object_name: str
    certainty: str
    sentence: str
    sent_start: int | None
    sent_end: int | None
    extractor: str | None
    review: str  # unreviewed | confirmed | rejected
    reason: str | None
    reviewer: str | None
    reviewed_at: datetime | None
    version: int  # 0: never reviewed; one more on every decision (and undo) that touches it
    by_hand: bool  # added with add_relation, from a source of its own
    original: dict = field(default_factory=dict)  # what was extracted, where a correction changed it


@dataclass(frozen=True)
class EdgeState:
    """An edge (subject, predicate, object) and the review of its statements."""

    id: str
    subject: str
    subject_name: str
    predicate: str
    object: str
    object_name: str
    statements: int  # not rejected
    rejected: int
    confirmed: int
    state: str  # confirmed | partly confirmed | partly rejected | rejected | unreviewed
    version: str  # a token over its statements' ids and versions


@dataclass(frozen=True)
class Review:
    """One stored review decision: who, when, what, why, and the state before."""

    seq: int
    kind: str
    target: str  # statement | edge | actor | event
    target_id: str
    reviewer: str
    made_at: datetime
    reason: str
    before: dict
    after: dict
    undoes: int | None = None
    undone_by: int | None = None


# -- reading -----------------------------------------------------------------------------


def _locate(store: Store, statement_id: str) -> tuple[str, tuple] | None:
    """(table, row) of a statement, rejected or not; point lookups on the id indexes."""
    for table in ("statements", "rejected_statements"):
        rows = store.rows(f"SELECT {_SELECT} FROM {table} WHERE id = ?", [statement_id])
        if rows:
            return table, rows[0]
    return None


def _review_row(store: Store, statement_id: str) -> dict | None:
    rows = store.rows(f"SELECT {', '.join(_REVIEW_COLUMNS)} FROM statement_reviews WHERE statement_id = ?",
                      [statement_id])
    return dict(zip(_REVIEW_COLUMNS, rows[0])) if rows else None


def _name(store: Store, actor_id: str) -> str:
    return store.value("SELECT name FROM actors WHERE id = ?", [actor_id]) or actor_id


def _state(store: Store, table: str, row: tuple, review: dict | None) -> StatementState:
    r = dict(zip(_COLUMNS, row))
    source, fmt = store.rows("SELECT source, format FROM articles WHERE id = ?", [r["article_id"]])[0]
    review = review or {}
    original = {}
    if review.get("predicate") and review["predicate"] != review["orig_predicate"]:
        original["predicate"] = review["orig_predicate"]
    if review.get("certainty") and review["certainty"] != review["orig_certainty"]:
        original["certainty"] = review["orig_certainty"]
    if review.get("reversed"):
        original["subject"], original["object"] = r["object"], r["subject"]
    return StatementState(
        r["id"], r["relation_id"], r["article_id"], source, r["subject"], _name(store, r["subject"]), r["predicate"],
        r["object"], _name(store, r["object"]), r["certainty"], r["sentence"], r["sent_start"], r["sent_end"],
        r["extractor"], "rejected" if table == "rejected_statements" else review.get("state", "unreviewed"),
        review.get("reason"), review.get("reviewer"), review.get("made_at"), review.get("version", 0),
        fmt == "manual", original)


def statement(store: Store, statement_id: str) -> StatementState:
    """The statement with this id, rejected or not, with its review."""
    found = _locate(store, statement_id)
    if found is None:
        raise UnknownTargetError(f"no statement with id {statement_id!r}")
    return _state(store, *found, _review_row(store, statement_id))


def statements_of_edge(store: Store, edge_id: str, *, include_rejected: bool = False) -> list[StatementState]:
    """The statements of one edge, oldest article first; rejected ones only when asked."""
    tables = ("statements", "rejected_statements") if include_rejected else ("statements",)
    out = []
    for table in tables:
        for row in store.rows(f"SELECT {_SELECT} FROM {table} WHERE relation_id = ? ORDER BY article_id, sent_start",
                              [edge_id]):
            out.append(_state(store, table, row, _review_row(store, row[0])))
    return out


def _edge_token(pairs: list[tuple[str, int]]) -> str:
    return hashlib.md5("|".join(f"{i}:{v}" for i, v in sorted(pairs)).encode()).hexdigest()[:12]


def edge_state_name(live: int, confirmed: int, rejected: int) -> str:
    """The review state of an edge from its counts of live, confirmed (of the live) and rejected statements."""
    if rejected and not live:
        return "rejected"
    if rejected:
        return "partly rejected"
    if live and confirmed >= live:
        return "confirmed"
    return "partly confirmed" if confirmed else "unreviewed"


def edge(store: Store, edge_id: str) -> EdgeState:
    """The edge with this relation id and the review of its statements (also when all are rejected)."""
    ids = [(i, s, p, o) for table in ("statements", "rejected_statements") for i, s, p, o in store.rows(
        f"SELECT id, subject, predicate, object FROM {table} WHERE relation_id = ?", [edge_id])]
    if not ids:
        raise UnknownTargetError(f"no edge with id {edge_id!r}")
    versions = dict(store.rows("SELECT statement_id, version FROM statement_reviews WHERE statement_id IN "
                               "(SELECT unnest(?::VARCHAR[]))", [[i for i, *_ in ids]]))
    live = store.value("SELECT statements FROM relations WHERE id = ?", [edge_id]) or 0
    confirmed, rejected = store.rows("SELECT confirmed, rejected FROM edge_reviews WHERE relation_id = ?",
                                     [edge_id])[0] if store.value(
        "SELECT count(*) FROM edge_reviews WHERE relation_id = ?", [edge_id]) else (0, 0)
    _, s, p, o = ids[0]
    return EdgeState(edge_id, s, _name(store, s), p, o, _name(store, o), live, rejected, confirmed,
                     edge_state_name(live, confirmed, rejected), _edge_token([(i, versions.get(i, 0)) for i, *_ in ids]))


def edge_states(store: Store, edge_ids: list[str]) -> dict[str, str]:
    """The review state of each of these edges (unreviewed when it has no review).

    A few hundred ids are looked up in the indexes as a literal list; more, by one scan (a bound list always scans).
    """
    if len(edge_ids) <= 1000:
        live = dict(store.rows(f"SELECT id, statements FROM relations WHERE id IN {in_list(list(edge_ids))}"))
        counts = {r: (c, x) for r, c, x in store.rows(
            f"SELECT relation_id, confirmed, rejected FROM edge_reviews WHERE relation_id IN {in_list(list(edge_ids))}")}
        return {e: edge_state_name(live.get(e, 0), *counts.get(e, (0, 0))) for e in edge_ids}
    live = dict(store.rows("SELECT id, statements FROM relations WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                           [list(edge_ids)]))
    counts = {r: (c, x) for r, c, x in store.rows(
        "SELECT relation_id, confirmed, rejected FROM edge_reviews WHERE relation_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(edge_ids)])}
    return {e: edge_state_name(live.get(e, 0), *counts.get(e, (0, 0))) for e in edge_ids}


_CERTAINTY_ORDER = "CASE certainty WHEN 'uncertain' THEN 0 WHEN 'reported' THEN 1 WHEN 'negated' THEN 2 ELSE 3 END"


def review_queue(store: Store, *, actor_ids: list[str] | None = None, limit: int = 50) -> list[StatementState]:
    """The unreviewed statements of these actors (else the watched ones, else the 20 most connected),
    lowest certainty first: what a reviewer should look at next."""
    if not actor_ids:
        actor_ids = [a for (a,) in store.rows("SELECT actor_id FROM watch_list ORDER BY actor_id")]
    if not actor_ids:
        actor_ids = [a for (a,) in store.rows("""SELECT id FROM (SELECT subject AS id, statements FROM relations
            UNION ALL SELECT object, statements FROM relations) GROUP BY id ORDER BY sum(statements) DESC, id LIMIT 20""")]
    rows = store.rows(f"""SELECT {_SELECT} FROM statements
        WHERE (subject IN (SELECT unnest(?::VARCHAR[])) OR object IN (SELECT unnest(?::VARCHAR[])))
          AND id NOT IN (SELECT statement_id FROM statement_reviews WHERE state <> 'unreviewed')
        ORDER BY {_CERTAINTY_ORDER}, article_id, sent_start, id LIMIT ?""", [actor_ids, actor_ids, int(limit)])
    return [_state(store, "statements", row, _review_row(store, row[0])) for row in rows]


def precision(store: Store) -> list[dict]:
    """Measured precision of each extractor and construction over the reviewed statements it produced.

    A statement confirmed as extracted is right; one rejected is wrong, and so is one corrected
    (its predicate, direction or certainty was wrong as extracted): precision = confirmed /
    (confirmed + corrected + rejected). Statements added by hand are no extractor's.
    """
    rows = store.rows("""
        SELECT coalesce(s.extractor, '?'), count(*) FILTER (WHERE r.state = 'confirmed' AND r.predicate IS NULL
                   AND r.certainty IS NULL AND NOT r.reversed),
               count(*) FILTER (WHERE r.state = 'confirmed' AND (r.predicate IS NOT NULL OR r.certainty IS NOT NULL
                   OR r.reversed)),
               count(*) FILTER (WHERE r.state = 'rejected')
        FROM (SELECT id, extractor, article_id FROM statements UNION ALL
              SELECT id, extractor, article_id FROM rejected_statements) s
        JOIN statement_reviews r ON r.statement_id = s.id
        JOIN articles a ON a.id = s.article_id AND a.format IS DISTINCT FROM 'manual'
        WHERE r.state IN ('confirmed', 'rejected') GROUP BY 1""")
    out = []
    for extractor, confirmed, corrected, rejected in sorted(rows):
        name, _, construction = extractor.partition("/")
        reviewed = confirmed + corrected + rejected
        out.append({"extractor": name, "construction": construction or None, "confirmed": confirmed,
                    "corrected": corrected, "rejected": rejected, "reviewed": reviewed,
                    "precision": round(confirmed / reviewed, 3) if reviewed else None})
    return out


# -- keeping edges right -------------------------------------------------------------------


_RECOUNT_ONE = """INSERT INTO relation_stories
SELECT s.relation_id, count(DISTINCT coalesce(st.story_id, s.article_id))::INTEGER FROM statements s
LEFT JOIN article_stories st ON st.article_id = s.article_id WHERE s.relation_id = ? GROUP BY s.relation_id"""
_COUNT_ONE = """INSERT OR REPLACE INTO edge_reviews SELECT ?,
    (SELECT count(*) FROM statements s JOIN statement_reviews r ON r.statement_id = s.id
     WHERE s.relation_id = ? AND r.state = 'confirmed'),
    (SELECT count(*) FROM rejected_statements WHERE relation_id = ?)"""


def refresh_edges(store: Store, edge_ids: set[str]) -> None:
    """Recompute these edges, their independent stories and review counts (after a review moved statements).

    One edge at a time through the relation_id indexes: a review touches one or two edges."""
    for rid in sorted(edge_ids):
        aggregate_relation(store, rid)
        store.conn.execute("DELETE FROM relation_stories WHERE relation_id = ?", [rid])
        store.conn.execute(_RECOUNT_ONE, [rid])
    count_reviews(store, edge_ids)


def count_reviews(store: Store, edge_ids: set[str]) -> None:
    """Count again the confirmed and rejected statements of these edges (edge_reviews)."""
    for rid in sorted(edge_ids):
        store.conn.execute(_COUNT_ONE, [rid, rid, rid])
        store.conn.execute("DELETE FROM edge_reviews WHERE relation_id = ? AND confirmed = 0 AND rejected = 0", [rid])


def follow_edges(store: Store, before: set[str], after: set[str]) -> None:
    """After merges, splits or re-resolution moved statements: review counts and standing edge rules follow."""
    reviewed = store.value("SELECT count(*) FROM statement_reviews") or store.value("SELECT count(*) FROM edge_rules")
    if not reviewed:
        return
    count_reviews(store, before | after)
    rules = store.rows("SELECT relation_id, state, seq FROM edge_rules WHERE relation_id IN (SELECT unnest(?::VARCHAR[]))",
                       [sorted(before)])
    for rid, state, seq in rules:
        moved = store.rows("""SELECT s.relation_id, count(*) FROM (SELECT id, relation_id FROM statements
                                  UNION ALL SELECT id, relation_id FROM rejected_statements) s
                              JOIN statement_reviews r ON r.statement_id = s.id WHERE r.seq = ?
                              GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""", [seq])
        if moved and moved[0][0] != rid:
            store.conn.execute("DELETE FROM edge_rules WHERE relation_id = ?", [rid])
            store.conn.execute("INSERT OR REPLACE INTO edge_rules VALUES (?, ?, ?)", [moved[0][0], state, seq])


# -- writing -----------------------------------------------------------------------------


def _need(reviewer: str, what: str = "reviewer") -> str:
    if not reviewer or not str(reviewer).strip():
        raise ReviewError(f"a review needs a {what}; got {reviewer!r}")
    return str(reviewer).strip()


@dataclass
class _Loaded:
    """A statement read once for a write: where it is, its row, its review (defaults when never reviewed)."""

    table: str
    row: dict
    review: dict

    @property
    def version(self) -> int:
        return self.review["version"]

    def kept(self) -> dict:
        """The corrections it has now (a confirm or reject keeps them)."""
        return {"predicate": self.review["predicate"], "reversed": bool(self.review["reversed"]),
                "certainty": self.review["certainty"]}

    def snapshot(self) -> dict:
        """What undo restores: the review and the corrections, and what the statement says."""
        r, v = self.row, self.review
        return {"state": "rejected" if self.table == "rejected_statements" else v["state"],
                "reason": v["reason"], "reviewer": v["reviewer"], "predicate": v["predicate"],
                "reversed": bool(v["reversed"]), "certainty": v["certainty"], "version": v["version"], "seq": v["seq"],
                "shown": {"subject": r["subject"], "predicate": r["predicate"], "object": r["object"],
                          "certainty": r["certainty"]}}


def _load(store: Store, statement_id: str) -> _Loaded:
    found = _locate(store, statement_id)
    if found is None:
        raise UnknownTargetError(f"no statement with id {statement_id!r}")
    table, row = found
    r = dict(zip(_COLUMNS, row))
    review = _review_row(store, statement_id) or {
        "state": "unreviewed", "version": 0, "reason": None, "reviewer": None, "seq": None, "made_at": None,
        "predicate": None, "reversed": False, "certainty": None, "orig_predicate": r["predicate"],
        "orig_certainty": r["certainty"]}
    return _Loaded(table, r, review)


def _snapshot(store: Store, statement_id: str) -> dict:
    return _load(store, statement_id).snapshot()


def _set(store: Store, statement_id: str, *, state: str, reason: str | None, reviewer: str | None, seq: int | None,
         predicate: str | None, reversed: bool, certainty: str | None,
         loaded: _Loaded | None = None) -> tuple[set[str], _Loaded]:
    """Give a statement this review and these corrections: the edges it left and joined, and its new state."""
    current = loaded or _load(store, statement_id)
    table, r, review = current.table, current.row, current.review
    subject, object_, local_subject, local_object = r["subject"], r["object"], r["local_subject"], r["local_object"]
    if bool(reversed) != bool(review["reversed"]):
        subject, object_, local_subject, local_object = object_, subject, local_object, local_subject
    new_predicate = predicate or review["orig_predicate"]
    new_certainty = certainty or review["orig_certainty"]
    rid = relation_id(subject, new_predicate, object_)
    if (subject, object_, new_predicate, new_certainty) != (r["subject"], r["object"], r["predicate"], r["certainty"]):
        store.conn.execute(f"""UPDATE {table} SET subject = ?, object = ?, local_subject = ?, local_object = ?,
                               predicate = ?, certainty = ?, relation_id = ? WHERE id = ?""",
                           [subject, object_, local_subject, local_object, new_predicate, new_certainty, rid,
                            statement_id])
    wanted = "rejected_statements" if state == "rejected" else "statements"
    if wanted != table:
        store.conn.execute(f"INSERT INTO {wanted} ({_SELECT}) SELECT {_SELECT} FROM {table} WHERE id = ?", [statement_id])
        store.conn.execute(f"DELETE FROM {table} WHERE id = ?", [statement_id])
    made = now()
    new_review = {"state": state, "version": review["version"] + 1, "reason": reason, "reviewer": reviewer, "seq": seq,
                  "made_at": made, "predicate": predicate, "reversed": bool(reversed), "certainty": certainty,
                  "orig_predicate": review["orig_predicate"], "orig_certainty": review["orig_certainty"]}
    store.conn.execute(f"""INSERT OR REPLACE INTO statement_reviews ({', '.join(('statement_id',) + _REVIEW_COLUMNS)})
                           VALUES ({', '.join('?' * (len(_REVIEW_COLUMNS) + 1))})""",
                       [statement_id, *(new_review[c] for c in _REVIEW_COLUMNS)])
    row = {**r, "subject": subject, "object": object_, "local_subject": local_subject, "local_object": local_object,
           "predicate": new_predicate, "certainty": new_certainty, "relation_id": rid}
    return {r["relation_id"], rid}, _Loaded(wanted, row, new_review)


def _next_seq(store: Store) -> int:
    return store.value("SELECT coalesce(max(seq), 0) + 1 FROM reviews")


def _record(store: Store, seq: int, kind: str, target: str, target_id: str, reviewer: str, reason: str,
            before: dict, after: dict, undoes: int | None = None) -> Review:
    made = now()
    store.conn.execute("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                       [seq, kind, target, target_id, reviewer, made, reason, json.dumps(before, default=str),
                        json.dumps(after, default=str), undoes])
    return Review(seq, kind, target, target_id, reviewer, made, reason, before, after, undoes)


def _review_statement(store: Store, kind: str, statement_id: str, version: int, reviewer: str, reason: str,
                      change: Callable[[_Loaded], dict]) -> Review:
    """One decision on one statement: load it once, check the version, write, keep its edges right."""
    reviewer = _need(reviewer)
    with store.transaction():
        loaded = _load(store, statement_id)
        if version is None or int(version) != loaded.version:
            current = statement(store, statement_id)
            raise StaleReviewError(statement_id, version, current.version, current)
        seq = _next_seq(store)
        edges, after = _set(store, statement_id, seq=seq, reviewer=reviewer, reason=reason, loaded=loaded,
                            **change(loaded))
        if after.table == loaded.table and all(after.row[k] == loaded.row[k] for k in ("relation_id", "certainty")):
            count_reviews(store, edges)  # a confirm: the edge's statements and totals are as they were
        else:
            refresh_edges(store, edges)
        return _record(store, seq, kind, "statement", statement_id, reviewer, reason,
                       {"statements": {statement_id: loaded.snapshot()}}, {"statements": {statement_id: after.snapshot()}})


def confirm_statement(store: Store, statement_id: str, *, version: int, reviewer: str, note: str = "") -> Review:
    """Mark a statement right as it stands (corrections made before are kept)."""
    return _review_statement(store, "confirm", statement_id, version, reviewer, note or "confirmed",
                             lambda loaded: {"state": "confirmed", **loaded.kept()})


def reject_statement(store: Store, statement_id: str, *, version: int, reviewer: str, reason: str) -> Review:
    """Mark a statement wrong: it stays stored, left out of counts, paths, networks and exports unless asked."""
    reason = _need(reason, "reason for a rejection")
    return _review_statement(store, "reject", statement_id, version, reviewer, reason,
                             lambda loaded: {"state": "rejected", **loaded.kept()})


def correct_statement(store: Store, statement_id: str, *, version: int, reviewer: str, predicate: str | None = None,
                      reverse: bool = False, certainty: str | None = None, note: str = "") -> Review:
    """Correct a statement's predicate, direction or certainty; the corrected statement counts as confirmed."""
    from ..ontology import ontology
    if predicate is not None and predicate not in ontology():
        raise ReviewError(f"unknown predicate {predicate!r}; known: {', '.join(sorted(ontology()))}")
    if certainty is not None and certainty not in CERTAINTIES:
        raise ReviewError(f"unknown certainty {certainty!r}; known: {', '.join(CERTAINTIES)}")
    if predicate is None and certainty is None and not reverse:
        raise ReviewError("a correction needs a new predicate, a new certainty or a reversed direction")
    what = ", ".join(w for w in (predicate and f"predicate {predicate}", reverse and "direction reversed",
                                 certainty and f"certainty {certainty}") if w)

    def change(loaded: _Loaded) -> dict:
        kept, v = loaded.kept(), loaded.review
        return {"state": "confirmed",
                "predicate": None if predicate == v["orig_predicate"] else (predicate or kept["predicate"]),
                "reversed": kept["reversed"] != bool(reverse),
                "certainty": None if certainty == v["orig_certainty"] else (certainty or kept["certainty"])}
    return _review_statement(store, "correct", statement_id, version, reviewer, note or f"corrected: {what}", change)


def confirm_edge(store: Store, edge_id: str, *, version: str, reviewer: str, note: str = "") -> Review:
    """Confirm every statement of an edge that is not rejected; later evidence for the edge is confirmed too."""
    return _review_edge(store, "confirm-edge", "confirmed", edge_id, version, reviewer, note or "edge confirmed")


def reject_edge(store: Store, edge_id: str, *, version: str, reviewer: str, reason: str) -> Review:
    """Reject every statement of an edge; later evidence for the edge is rejected too."""
    return _review_edge(store, "reject-edge", "rejected", edge_id, version, reviewer,
                        _need(reason, "reason for a rejection"))


def _review_edge(store: Store, kind: str, state: str, edge_id: str, version: str, reviewer: str,
                 reason: str) -> Review:
    reviewer = _need(reviewer)
    with store.transaction():
        current = edge(store, edge_id)
        if version != current.version:
            raise StaleReviewError(edge_id, version, current.version, current)
        seq = _next_seq(store)
        ids = [i for (i,) in store.rows("SELECT DISTINCT id FROM statements WHERE relation_id = ? ORDER BY id",
                                        [edge_id])]
        loaded = {i: _load(store, i) for i in ids}
        rule = store.rows("SELECT state, seq FROM edge_rules WHERE relation_id = ?", [edge_id])
        touched, after = {edge_id}, {}
        for i in ids:
            edges, after[i] = _set(store, i, state=state, reason=reason, reviewer=reviewer, seq=seq, loaded=loaded[i],
                                   **loaded[i].kept())
            touched |= edges
        store.conn.execute("INSERT OR REPLACE INTO edge_rules VALUES (?, ?, ?)", [edge_id, state, seq])
        refresh_edges(store, touched)
        return _record(store, seq, kind, "edge", edge_id, reviewer, reason,
                       {"statements": {i: loaded[i].snapshot() for i in ids},
                        "rule": {"relation_id": edge_id, "state": rule[0][0], "seq": rule[0][1]}
                        if rule else {"relation_id": edge_id, "state": None}},
                       {"statements": {i: a.snapshot() for i, a in after.items()},
                        "rule": {"relation_id": edge_id, "state": state, "seq": seq}})


# -- undo and the list -------------------------------------------------------------------------


def review(store: Store, seq: int) -> Review:
    rows = store.rows("SELECT seq, kind, target, target_id, reviewer, made_at, reason, before, after, undoes, "
                      "undone_by FROM reviews WHERE seq = ?", [int(seq)])
    if not rows:
        raise UnknownTargetError(f"no review decision #{seq}; `actorgraph decisions` lists them")
    return _review(rows[0])


def _review(row: tuple) -> Review:
    seq, kind, target, target_id, reviewer, made, reason, before, after, undoes, undone_by = row
    return Review(seq, kind, target, target_id, reviewer, made, reason, json.loads(before), json.loads(after),
                  undoes, undone_by)


def reviews(store: Store, *, reviewer: str | None = None, target_id: str | None = None,
            limit: int | None = None) -> list[Review]:
    """The review decisions in the order they were made (the last `limit` of them)."""
    cond, params = [], []
    if reviewer:
        cond.append("reviewer = ?"), params.append(reviewer)
    if target_id:
        cond.append("target_id = ?"), params.append(target_id)
    where = f"WHERE {' AND '.join(cond)}" if cond else ""
    rows = store.rows(f"""SELECT seq, kind, target, target_id, reviewer, made_at, reason, before, after, undoes,
                          undone_by FROM reviews {where} ORDER BY seq DESC {f'LIMIT {int(limit)}' if limit else ''}""",
                      params)
    return [_review(r) for r in reversed(rows)]


def undo(store: Store, seq: int, *, reviewer: str, note: str = "") -> Review:
    """Restore the state before review decision `seq`; refused when a later decision changed its targets."""
    reviewer = _need(reviewer)
    with store.transaction():
        done = review(store, seq)
        if done.undone_by is not None:
            raise ReviewError(f"review decision #{seq} was undone already (by #{done.undone_by})")
        if done.kind == "undo":
            raise ReviewError(f"review decision #{seq} is an undo; make the decision again instead")
        new = _next_seq(store)
        before_all = done.before.get("statements", {})
        later = [i for (i,) in store.rows("SELECT statement_id FROM statement_reviews WHERE seq = ?",
                                          [done.seq])] if done.target == "edge" else []
        loaded = {i: _load(store, i) for i in [*before_all, *(i for i in later if i not in before_all)]}
        for i in before_all:
            if loaded[i].review["seq"] != done.seq:
                current = statement(store, i)
                raise StaleReviewError(i, done.after.get("statements", {}).get(i, {}).get("version"),
                                       current.version, current)
        touched: set[str] = set()
        after = {}
        for i, before in before_all.items():
            # the statement is as decision before["seq"] left it, so that one can be undone next
            edges, after[i] = _set(store, i, state=before["state"], reason=before["reason"], reviewer=before["reviewer"],
                                   seq=before.get("seq"), predicate=before["predicate"], reversed=before["reversed"],
                                   certainty=before["certainty"], loaded=loaded[i])
            touched |= edges
        for i in later:  # new evidence an edge rule reviewed after the decision: back to unreviewed
            if i not in before_all:
                edges, after[i] = _set(store, i, state="unreviewed", reason=None, reviewer=None, seq=new,
                                       predicate=None, reversed=False, certainty=None, loaded=loaded[i])
                touched |= edges
        rule = done.before.get("rule")
        if rule:
            store.conn.execute("DELETE FROM edge_rules WHERE seq = ?", [done.seq])
            if rule.get("state"):
                store.conn.execute("INSERT OR REPLACE INTO edge_rules VALUES (?, ?, ?)",
                                   [rule["relation_id"], rule["state"], rule["seq"]])
        from .manual import undo_other  # actor edits and additions by hand undo themselves
        undo_other(store, done, new)
        refresh_edges(store, touched)
        store.conn.execute("UPDATE reviews SET undone_by = ? WHERE seq = ?", [new, done.seq])
        return _record(store, new, "undo", done.target, done.target_id, reviewer,
                       note or f"undo #{done.seq} ({done.kind})", {"statements": {i: l.snapshot() for i, l in loaded.items()}},
                       {"statements": {i: a.snapshot() for i, a in after.items()}}, undoes=done.seq)


# -- later ingests ---------------------------------------------------------------------------------


def apply_reviews(store: Store, statement_ids: list[str]) -> None:
    """Apply the stored reviews to statements just stored: their own (a re-stored article), else their edge's rule."""
    if not statement_ids or not (store.value("SELECT count(*) FROM statement_reviews")
                                 or store.value("SELECT count(*) FROM edge_rules")):
        return
    own = {r[0]: dict(zip(_REVIEW_COLUMNS, r[1:])) for r in store.rows(
        f"SELECT statement_id, {', '.join(_REVIEW_COLUMNS)} FROM statement_reviews "
        "WHERE statement_id IN (SELECT unnest(?::VARCHAR[]))", [statement_ids])}
    current = store.rows("SELECT id, relation_id FROM statements WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                         [statement_ids])
    rules = {r: (s, q) for r, s, q in store.rows(
        "SELECT relation_id, state, seq FROM edge_rules WHERE relation_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({rid for _, rid in current})])}
    touched: set[str] = set()
    for sid, rid in current:
        if sid in own:  # stored anew, as extracted: its review and corrections again, at the same version
            o = own[sid]
            store.conn.execute("UPDATE statement_reviews SET predicate = NULL, certainty = NULL, reversed = false, "
                               "version = ? WHERE statement_id = ?", [o["version"] - 1, sid])
            touched |= _set(store, sid, state=o["state"], reason=o["reason"], reviewer=o["reviewer"], seq=o["seq"],
                            predicate=o["predicate"], reversed=o["reversed"], certainty=o["certainty"])[0]
        elif rid in rules:
            state, seq = rules[rid]
            who, why = store.rows("SELECT reviewer, reason FROM reviews WHERE seq = ?", [seq])[0]
            touched |= _set(store, sid, state=state, reason=f"{why} (edge decision #{seq})", reviewer=who, seq=seq,
                            predicate=None, reversed=False, certainty=None)[0]
    if touched:
        refresh_edges(store, touched)
