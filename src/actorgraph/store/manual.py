"""Actor edits and additions by hand: rename, retype, set or clear a Wikidata id; add an actor, relation, event.

An actor edit is kept in `actor_reviews` and applied again after every ingest (resolution may
show an actor under another of its names; the reviewer's choice wins). What is added by hand
comes with its own source, a URL or a citation and a note: the source is stored as an article
of format "manual", so the addition carries provenance like extracted evidence, counts as a
source, and is marked by hand wherever articles are shown. Each is a review decision (store.review)
that undo reverses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ReviewError, StaleReviewError, UnknownTargetError
from ..model import CERTAINTIES, ENTITY_TYPES, content_id
from .actors import create_actor, new_actor_id, rebuild_names
from .database import Store, now
from .edges import relation_id
from .review import _need, _next_seq, _record, _set, refresh_edges
from .summaries import rebuild_summaries

if TYPE_CHECKING:
    from .review import Review

MANUAL = "manual"  # the format of a source added by hand
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class ActorState:
    """An actor as a reviewer edits it."""

    id: str
    name: str
    type: str
    wikidata: str | None
    registry_id: str | None
    version: int  # 0: never edited by hand; one more on every edit (and undo)


def actor(store: Store, actor_id: str) -> ActorState:
    rows = store.rows("SELECT name, type, wikidata, registry_id FROM actors WHERE id = ?", [actor_id])
    if not rows:
        raise UnknownTargetError(f"no actor with id {actor_id!r}")
    version = store.value("SELECT version FROM actor_reviews WHERE actor_id = ?", [actor_id]) or 0
    return ActorState(actor_id, *rows[0], version)


def _override(store: Store, actor_id: str) -> dict:
    rows = store.rows("SELECT version, name, type, wikidata, wikidata_set FROM actor_reviews WHERE actor_id = ?",
                      [actor_id])
    keys = ("version", "name", "type", "wikidata", "wikidata_set")
    return dict(zip(keys, rows[0])) if rows else dict(zip(keys, (0, None, None, None, False)))


def _write_actor(store: Store, actor_id: str, name: str, type_: str, wikidata: str | None) -> None:
    """Set an actor's shown name, type and Wikidata id, and its spellings and id keys with them."""
    store.conn.execute("UPDATE actors SET name = ?, type = ?, wikidata = ? WHERE id = ?",
                       [name, type_, wikidata, actor_id])
    rebuild_names(store, [actor_id])
    store.conn.execute("DELETE FROM actor_keys WHERE actor_id = ? AND key LIKE 'wikidata:%'", [actor_id])
    if wikidata:
        store.conn.execute("INSERT OR REPLACE INTO actor_keys VALUES (?, ?)", [f"wikidata:{wikidata}", actor_id])


def _edit_actor(store: Store, kind: str, actor_id: str, version: int, reviewer: str, note: str, **change) -> "Review":
    reviewer = _need(reviewer)
    with store.transaction():
        current = actor(store, actor_id)
        if version is None or int(version) != current.version:
            raise StaleReviewError(actor_id, version, current.version, current)
        if "wikidata" in change and change["wikidata"]:
            holder = store.value("SELECT actor_id FROM actor_keys WHERE key = ?", [f"wikidata:{change['wikidata']}"])
            if holder and holder != actor_id:
                raise ReviewError(f"{change['wikidata']} is the Wikidata id of actor {holder} "
                                  f"({actor(store, holder).name}); merge the two actors instead")
        over = _override(store, actor_id)
        seq = _next_seq(store)
        before = {"actor": {"name": current.name, "type": current.type, "wikidata": current.wikidata},
                  "override": {k: over[k] for k in ("name", "type", "wikidata", "wikidata_set")}}
        over.update(change)
        if "wikidata" in change:
            over["wikidata_set"] = True
        store.conn.execute("INSERT OR REPLACE INTO actor_reviews VALUES (?, ?, ?, ?, ?, ?)",
                           [actor_id, over["version"] + 1, over["name"], over["type"], over["wikidata"],
                            over["wikidata_set"]])
        _write_actor(store, actor_id, change.get("name", current.name), change.get("type", current.type),
                     change["wikidata"] if "wikidata" in change else current.wikidata)
        return _record(store, seq, kind, "actor", actor_id, reviewer, note, before,
                       {"actor": {"name": change.get("name", current.name), "type": change.get("type", current.type),
                                  "wikidata": change.get("wikidata", current.wikidata)}})


def rename_actor(store: Store, actor_id: str, name: str, *, version: int, reviewer: str, note: str = "") -> "Review":
    """Show an actor under `name` from now on (later ingests keep it); its other spellings stay."""
    name = _need(name, "new name")
    return _edit_actor(store, "rename", actor_id, version, reviewer, note or f"renamed {name}", name=name)


def set_actor_type(store: Store, actor_id: str, type_: str, *, version: int, reviewer: str,
                   note: str = "") -> "Review":
    """Change an actor's type (one of the entity types)."""
    if type_ not in ENTITY_TYPES:
        raise ReviewError(f"unknown actor type {type_!r}; known: {', '.join(ENTITY_TYPES)}")
    return _edit_actor(store, "type", actor_id, version, reviewer, note or f"type {type_}", type=type_)


def set_wikidata(store: Store, actor_id: str, qid: str | None, *, version: int, reviewer: str,
                 note: str = "") -> "Review":
    """Set (or, with None, clear) an actor's Wikidata id."""
    if qid is not None and not _QID.match(qid):
        raise ReviewError(f"{qid!r} is not a Wikidata item id (Q followed by digits, e.g. Q42)")
    return _edit_actor(store, "wikidata", actor_id, version, reviewer,
                       note or (f"Wikidata {qid}" if qid else "Wikidata id cleared"), wikidata=qid)


def apply_actor_reviews(store: Store) -> None:
    """After an ingest: actors edited by hand show what the reviewer set, whatever resolution chose."""
    if not store.value("SELECT count(*) FROM actor_reviews"):
        return
    for actor_id, name, type_, wikidata, wikidata_set in store.rows(
            """SELECT r.actor_id, r.name, r.type, r.wikidata, r.wikidata_set FROM actor_reviews r JOIN actors a
               ON a.id = r.actor_id WHERE (r.name IS NOT NULL AND r.name <> a.name)
               OR (r.type IS NOT NULL AND r.type <> a.type)
               OR (r.wikidata_set AND r.wikidata IS DISTINCT FROM a.wikidata)"""):
        current = actor(store, actor_id)
        _write_actor(store, actor_id, name or current.name, type_ or current.type,
                     wikidata if wikidata_set else current.wikidata)


# -- additions by hand ------------------------------------------------------------------------


def _source_article(store: Store, source: str, note: str, date: str | None, reviewer: str) -> str:
    """The article standing for a source added by hand (one per source text), created when new."""
    source = _need(source, "source (a URL or a citation)")
    article_id = content_id(MANUAL, source, prefix="h")
    if not store.value("SELECT count(*) FROM articles WHERE id = ?", [article_id]):
        url = source if re.match(r"^https?://\S+$", source) else None
        seq = store.value("SELECT coalesce(max(seq), 0) + 1 FROM articles")
        store.conn.execute("""INSERT INTO articles (id, source, title, published, language, url, format, text, extractor,
                                                    seq, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                           [article_id, source, None if url else source, date, "en", url, MANUAL, note or "",
                            f"by hand: {reviewer}", seq, now()])
    return article_id


def _local(store: Store, article_id: str, actor_id: str) -> str:
    """The per-article actor of `actor_id` in a source added by hand (made when new)."""
    from ..names import fold
    local_id = f"h-{actor_id}"
    if not store.value("SELECT count(*) FROM article_actors WHERE article_id = ? AND local_id = ?",
                       [article_id, local_id]):
        name, type_ = store.rows("SELECT name, type FROM actors WHERE id = ?", [actor_id])[0]
        # no signature (resolution does not place it: it is where the reviewer put it), no parent, no
        # typing (the actor's type is the stored node's)
        store.conn.execute("""INSERT INTO article_actors (article_id, local_id, actor_id, name, type, aliases, folded,
                                                          reason, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                           [article_id, local_id, actor_id, name, type_, [], [fold(name)], "added by hand"])
    return local_id


def add_relation(store: Store, subject_id: str, predicate: str, object_id: str, *, source: str, reviewer: str,
                 note: str = "", certainty: str = "asserted", date: str | None = None) -> "Review":
    """Add a relation known from a source outside the store; it is confirmed and marked by hand."""
    from ..ontology import ontology
    reviewer = _need(reviewer)
    if predicate not in ontology():
        raise ReviewError(f"unknown predicate {predicate!r}; known: {', '.join(sorted(ontology()))}")
    if certainty not in CERTAINTIES:
        raise ReviewError(f"unknown certainty {certainty!r}; known: {', '.join(CERTAINTIES)}")
    with store.transaction():
        names = [actor(store, a).name for a in (subject_id, object_id)]
        article_id = _source_article(store, source, note, date, reviewer)
        ls, lo = _local(store, article_id, subject_id), _local(store, article_id, object_id)
        sid = content_id(article_id, ls, predicate, lo, certainty, prefix="s")
        if store.value("SELECT count(*) FROM statements WHERE id = ?", [sid]):
            raise ReviewError(f"this source already states {names[0]} {predicate} {names[1]} (statement {sid})")
        rid = relation_id(subject_id, predicate, object_id)
        sentence = note or f"{names[0]} {predicate} {names[1]} (added by hand)"
        store.conn.execute("""INSERT INTO statements (id, relation_id, article_id, subject, predicate, object,
                                  local_subject, local_object, certainty, date, sentence, extractor)
                              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                           [sid, rid, article_id, subject_id, predicate, object_id, ls, lo, certainty, date, sentence,
                            f"hand:{reviewer}"])
        seq = _next_seq(store)
        _set(store, sid, state="confirmed", reason=note or "added by hand", reviewer=reviewer, seq=seq,
             predicate=None, reversed=False, certainty=None)  # its statement_reviews row: confirmed, version 1
        refresh_edges(store, {rid})
        rebuild_summaries(store, [subject_id, object_id])
        return _record(store, seq, "add-relation", "statement", sid, reviewer, note or "added by hand", {},
                       {"statement": sid, "article": article_id, "edge": rid, "source": source})


def add_event(store: Store, type_: str, participants: list[tuple[str, str]], *, source: str, reviewer: str,
              note: str = "", date: str | None = None, place_id: str | None = None) -> "Review":
    """Add an event known from a source outside the store, with its participants (actor id, role)."""
    reviewer = _need(reviewer)
    type_ = _need(type_, "event type")
    if not participants:
        raise ReviewError("an event needs at least one participant (actor id and role)")
    with store.transaction():
        for actor_id, _ in participants:
            actor(store, actor_id)
        article_id = _source_article(store, source, note, date, reviewer)
        n = store.value("SELECT count(*) FROM events WHERE article_id = ?", [article_id])
        event_id = content_id(article_id, "event", str(n), prefix="e")
        place = _local(store, article_id, actor(store, place_id).id) if place_id else None
        store.conn.execute("""INSERT INTO events (id, article_id, type, date, date_text, place, certainty, sentence,
                                                  extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                           [event_id, article_id, type_, date, date, place, "asserted",
                            note or f"{type_} (added by hand)", f"hand:{reviewer}"])
        for a, role in participants:
            store.conn.execute("INSERT INTO event_participants (event_id, article_id, local_id, role) VALUES (?, ?, ?, ?)",
                               [event_id, article_id, _local(store, article_id, a), role or "participant"])
        rebuild_summaries(store, [a for a, _ in participants])
        seq = _next_seq(store)
        return _record(store, seq, "add-event", "event", event_id, reviewer, note or "added by hand", {},
                       {"event": event_id, "article": article_id, "source": source,
                        "participants": [list(p) for p in participants]})


def add_actor(store: Store, name: str, type_: str, *, source: str, reviewer: str, note: str = "",
              wikidata: str | None = None) -> "Review":
    """Add an actor known from a source outside the store; later articles naming it resolve to it."""
    reviewer = _need(reviewer)
    name = _need(name, "name")
    if type_ not in ENTITY_TYPES:
        raise ReviewError(f"unknown actor type {type_!r}; known: {', '.join(ENTITY_TYPES)}")
    if wikidata is not None and not _QID.match(wikidata):
        raise ReviewError(f"{wikidata!r} is not a Wikidata item id (Q followed by digits, e.g. Q42)")
    with store.transaction():
        if wikidata and store.value("SELECT actor_id FROM actor_keys WHERE key = ?", [f"wikidata:{wikidata}"]):
            raise ReviewError(f"an actor with Wikidata id {wikidata} exists already")
        actor_id = new_actor_id(store, type_, name, None)
        create_actor(store, actor_id, name, type_, None, wikidata)
        article_id = _source_article(store, source, note, None, reviewer)
        _local(store, article_id, actor_id)
        _write_actor(store, actor_id, name, type_, wikidata)
        rebuild_summaries(store, [actor_id])
        seq = _next_seq(store)
        return _record(store, seq, "add-actor", "actor", actor_id, reviewer, note or "added by hand", {},
                       {"actor": actor_id, "article": article_id, "source": source})


def _drop_source_if_empty(store: Store, article_id: str, undoing: int) -> None:
    """Remove the article of a source added by hand once nothing added from it is left (`undoing`: the decision
    being undone, which counts as gone)."""
    if store.value("SELECT count(*) FROM statements WHERE article_id = ?", [article_id]) or store.value(
            "SELECT count(*) FROM rejected_statements WHERE article_id = ?", [article_id]) or store.value(
            "SELECT count(*) FROM events WHERE article_id = ?", [article_id]):
        return
    if store.value("SELECT count(*) FROM reviews WHERE kind = 'add-actor' AND undone_by IS NULL AND seq <> ? "
                   "AND json_extract_string(after, '$.article') = ?", [undoing, article_id]):
        return  # the source of an actor added by hand
    actors = [a for (a,) in store.rows("SELECT actor_id FROM article_actors WHERE article_id = ?", [article_id])]
    store.conn.execute("DELETE FROM article_actors WHERE article_id = ?", [article_id])
    store.conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
    rebuild_summaries(store, actors)


def undo_other(store: Store, done: "Review", seq: int) -> None:
    """Undo an actor edit, a merge or split, or an addition by hand (statement reviews are undone by store.review.undo)."""
    if done.kind in ("merge", "split"):
        from .decisions import undo_merge, undo_split
        (undo_merge if done.kind == "merge" else undo_split)(store, done)
    elif done.target == "actor" and done.kind != "add-actor":
        over = _override(store, done.target_id)
        a = done.before["actor"]
        o = done.before["override"]
        store.conn.execute("INSERT OR REPLACE INTO actor_reviews VALUES (?, ?, ?, ?, ?, ?)",
                           [done.target_id, over["version"] + 1, o["name"], o["type"], o["wikidata"], o["wikidata_set"]])
        _write_actor(store, done.target_id, a["name"], a["type"], a["wikidata"])
    elif done.kind == "add-relation":
        sid = done.after["statement"]
        row = store.rows("SELECT seq FROM statement_reviews WHERE statement_id = ?", [sid])
        if not row or row[0][0] != done.seq:
            from .review import statement
            current = statement(store, sid)
            raise StaleReviewError(sid, 1, current.version, current)
        ends = store.rows("SELECT relation_id, subject, object FROM statements WHERE id = ?", [sid])
        store.conn.execute("DELETE FROM statements WHERE id = ?", [sid])
        store.conn.execute("DELETE FROM statement_reviews WHERE statement_id = ?", [sid])
        _drop_source_if_empty(store, done.after["article"], done.seq)
        if ends:
            refresh_edges(store, {ends[0][0]})
            rebuild_summaries(store, [ends[0][1], ends[0][2]])
    elif done.kind == "add-event":
        event_id = done.after["event"]
        store.conn.execute("DELETE FROM event_participants WHERE event_id = ?", [event_id])
        store.conn.execute("DELETE FROM events WHERE id = ?", [event_id])
        _drop_source_if_empty(store, done.after["article"], done.seq)
        rebuild_summaries(store, [a for a, _ in done.after["participants"]])
    elif done.kind == "add-actor":
        actor_id = done.target_id
        used = store.value("SELECT count(*) FROM article_actors WHERE actor_id = ? AND article_id <> ?",
                           [actor_id, done.after["article"]])
        if used:
            raise ReviewError(f"actor {actor_id} added by #{done.seq} is named by {used} other article(s) or "
                              f"additions now; split or merge it instead of undoing its addition")
        store.conn.execute("DELETE FROM article_actors WHERE actor_id = ?", [actor_id])
        for table, column in (("actor_names", "actor_id"), ("actor_keys", "actor_id"), ("actor_reviews", "actor_id"),
                              ("actors", "id")):
            store.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", [actor_id])
        _drop_source_if_empty(store, done.after["article"], done.seq)
        rebuild_summaries(store, [actor_id])
