"""Merges and splits made by hand: applied to the store now, kept, and applied to later ingests.

A merge moves every per-article actor, spelling and id of one actor to another, so later
articles naming either resolve to the kept one. A split moves the per-article actors known
by one name to a new actor and pins that name to it, so resolution sends the name there first;
the old actor's own names (its display name, the registry's name) stay pinned to it. An alias
removal takes one spelling away from an actor, and later ingests do not give it back.

A merge or a split is also a review decision (store.review): it names the reviewer and keeps the
state before (the moved per-article actors and their reasons, the name pins, the ids), so
`undo` gives both actors back as they were and drops the decision, which later ingests then no
longer apply. Undo is refused when a later decision changed either actor (undo that one first).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import DecisionError, UnknownTargetError
from .actors import ALIAS_REMOVE, create_actor, new_actor_id, rebuild_names
from .database import Store, now
from .watch import move_watch
from .summaries import rebuild_summaries
from .edges import relink_statements


UNNAMED = "unnamed"  # the reviewer of a merge or split made through the Python API without one


@dataclass(frozen=True)
class Decision:
    seq: int
    kind: str  # merge | split | alias remove
    actor_id: str  # merge: the kept actor; split: the actor split
    other_id: str  # merge: the actor merged away; split: the new actor; alias remove: empty
    name: str | None
    note: str
    review: int | None = None  # the review decision that records it (who, the state before; undo)


def _record(store: Store, kind: str, actor_id: str, other_id: str, name: str | None, note: str) -> Decision:
    seq = store.value("SELECT coalesce(max(seq), 0) + 1 FROM decisions")
    store.insert("decisions", [(seq, kind, actor_id, other_id, name, note, now())])
    return Decision(seq, kind, actor_id, other_id, name, note)


def _sync_signatures(store: Store, actor_ids: list[str]) -> None:
    """Key these actors' per-article actors again (a split may rename them) and list their signatures anew."""
    from .actors import signature
    from .schema import SIGNATURES_OF
    rows = store.rows("""SELECT article_id, local_id, name, type, aliases, registry_id, wikidata, signature, parent
                         FROM article_actors WHERE actor_id IN (SELECT unnest(?))""", [actor_ids])
    keys = {r[7] for r in rows}
    changed = []
    for article_id, local_id, name, type_, aliases, registry_id, wikidata, old, parent in rows:
        new = signature(name, type_, aliases, registry_id, wikidata, parent)
        keys.add(new)
        if new != old:
            changed.append((article_id, local_id, new))
    if changed:
        store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS rekeyed (article_id VARCHAR, local_id VARCHAR, "
                           "signature VARCHAR)")
        store.conn.execute("DELETE FROM rekeyed")
        store.insert("rekeyed", changed)
        store.conn.execute("""UPDATE article_actors SET signature = r.signature FROM rekeyed r
            WHERE article_actors.article_id = r.article_id AND article_actors.local_id = r.local_id""")
        store.conn.execute("DELETE FROM rekeyed")
    keys = sorted(k for k in keys if k)
    store.conn.execute("DELETE FROM actor_signatures WHERE signature IN (SELECT unnest(?))", [keys])
    store.conn.execute(f"INSERT INTO actor_signatures {SIGNATURES_OF.format(where='WHERE signature IN (SELECT unnest(?))')}",
                       [keys])


def _actor(store: Store, actor_id: str) -> tuple[str, str, str | None, str | None]:
    rows = store.rows("SELECT name, type, registry_id, wikidata FROM actors WHERE id = ?", [actor_id])
    if not rows:
        raise UnknownTargetError(f"no actor with id {actor_id}")
    return rows[0]


def merge(store: Store, keep_id: str, other_id: str, note: str = "", *, reviewer: str = UNNAMED) -> Decision:
    """Merge actor `other_id` into `keep_id`: one node from now on, for this store and later ingests (undoable)."""
    if keep_id == other_id:
        raise DecisionError("both names are the same actor; nothing to merge")
    keep, other = _actor(store, keep_id), _actor(store, other_id)
    with store.transaction():
        before = {"keep": {"id": keep_id, "registry_id": keep[2], "wikidata": keep[3]},
                  "other": dict(zip(("id", "name", "type", "registry_id", "wikidata", "created_at"),
                                    store.rows("SELECT id, name, type, registry_id, wikidata, created_at FROM actors "
                                               "WHERE id = ?", [other_id])[0])),
                  "moved": store.rows("SELECT article_id, local_id, reason FROM article_actors WHERE actor_id = ? "
                                      "ORDER BY article_id, local_id", [other_id]),
                  "pins": store.rows("SELECT folded, type FROM name_pins WHERE actor_id = ? ORDER BY ALL", [other_id]),
                  "watched": store.rows("SELECT actor_id, name, added_at FROM watch_list WHERE actor_id IN (?, ?)",
                                        [keep_id, other_id])}
        store.conn.execute("UPDATE article_actors SET actor_id = ?, reason = ? WHERE actor_id = ?",
                           [keep_id, f"merged by hand: {other[0]!r} into {keep[0]!r}", other_id])
        store.conn.execute("UPDATE name_pins SET actor_id = ? WHERE actor_id = ?", [keep_id, other_id])
        move_watch(store, other_id, keep_id)
        if not keep[2] and other[2]:
            store.conn.execute("UPDATE actors SET registry_id = ? WHERE id = ?", [other[2], keep_id])
        if not keep[3] and other[3]:
            store.conn.execute("UPDATE actors SET wikidata = ? WHERE id = ?", [other[3], keep_id])
        store.conn.execute("DELETE FROM actor_names WHERE actor_id = ?", [other_id])
        store.conn.execute("DELETE FROM actor_keys WHERE actor_id = ?", [other_id])
        store.conn.execute("DELETE FROM actors WHERE id = ?", [other_id])
        _sync_signatures(store, [keep_id])
        rebuild_names(store, [keep_id])
        relink_statements(store, [keep_id, other_id])
        rebuild_summaries(store, [keep_id, other_id])
        decision = _record(store, "merge", keep_id, other_id, other[0], note or f"{other[0]} merged into {keep[0]}")
        seqs = [decision.seq]
        # A spelling that cannot be a name ("the group") is not kept as an alias: it is removed as by
        # `alias remove`, so `decisions` shows it and later ingests do not give it back.
        from ..names import looks_like_a_name
        (name,) = store.rows("SELECT name FROM actors WHERE id = ?", [keep_id])[0]
        junk = [n for (n,) in store.rows("SELECT name FROM actor_names WHERE actor_id = ? AND name <> ? ORDER BY name",
                                         [keep_id, name]) if not looks_like_a_name(n)]
        for n in junk:
            seqs.append(_record(store, ALIAS_REMOVE, keep_id, "", n, f"{n!r} cannot be a name (no capital letter); "
                                                                     f"left out when {other[0]} was merged into {keep[0]}").seq)
        if junk:
            rebuild_names(store, [keep_id])
        return _reviewed(store, decision, reviewer, before, {"decisions": seqs})


def split(store: Store, actor_id: str, name: str, note: str = "", *, reviewer: str = UNNAMED) -> Decision:
    """Move the per-article actors of `actor_id` known as `name` to a new actor, and pin the name to it (undoable)."""
    from ..names import fold  # rigour: on use, not for the commands that only read
    base_name, type_, _, _ = _actor(store, actor_id)
    folded = fold(name)
    moved = store.rows(
        "SELECT article_id, local_id, name, registry_id, wikidata FROM article_actors "
        "WHERE actor_id = ? AND list_contains(folded, ?) ORDER BY article_id, local_id", [actor_id, folded])
    if not moved:
        raise DecisionError(f"no article names {base_name!r} as {name!r}; nothing to split")
    total = store.value("SELECT count(*) FROM article_actors WHERE actor_id = ?", [actor_id])
    if len(moved) == total and fold(base_name) == folded:
        raise DecisionError(f"every article of {base_name!r} calls it {name!r}; nothing would be left")
    own = {fold(base_name), *(fold(n) for _, _, n, registry_id, _ in moved if registry_id)} - {folded}
    with store.transaction():
        before = {"actor": {"id": actor_id, "name": base_name},
                  "moved": store.rows("SELECT article_id, local_id, reason, name, registry_id, wikidata FROM article_actors "
                                      "WHERE actor_id = ? AND list_contains(folded, ?) ORDER BY article_id, local_id",
                                      [actor_id, folded]),
                  "pins": [[f, store.value("SELECT actor_id FROM name_pins WHERE folded = ? AND type = ?", [f, type_])]
                           for f in sorted(own | {folded})], "type": type_}
        new_id = new_actor_id(store, type_, name, None)
        create_actor(store, new_id, name, type_, None, None)
        # A moved mention named by the registry was the registry's actor; it is not, by this decision:
        # it takes the split name and leaves the registry's name and ids behind.
        store.conn.execute(
            "UPDATE article_actors SET actor_id = ?, reason = ?, name = CASE WHEN registry_id IS NULL THEN name "
            "ELSE ? END, registry_id = NULL, wikidata = NULL WHERE actor_id = ? AND list_contains(folded, ?)",
            [new_id, f"split by hand: {name!r} from {base_name!r}", name, actor_id, folded])
        store.conn.execute("INSERT OR REPLACE INTO name_pins VALUES (?, ?, ?)", [folded, type_, new_id])
        # The names the old actor is known by (its display name; the registry's name, which the
        # moved mentions carry as theirs) are pinned to it, so the new actor does not take them.
        store.conn.execute("INSERT OR IGNORE INTO name_pins SELECT unnest(?), ?, ?", [sorted(own), type_, actor_id])
        if len(moved) == total:  # the old actor keeps no article; its display name stays for the record
            pass
        elif fold(base_name) == folded:  # the old display name left with the split: take a remaining one
            (remaining,) = store.rows(
                "SELECT name FROM article_actors WHERE actor_id = ? GROUP BY name ORDER BY count(*) DESC, name LIMIT 1",
                [actor_id])[0]
            store.conn.execute("UPDATE actors SET name = ? WHERE id = ?", [remaining, actor_id])
        _sync_signatures(store, [actor_id, new_id])
        rebuild_names(store, [actor_id, new_id])
        relink_statements(store, [actor_id, new_id])
        rebuild_summaries(store, [actor_id, new_id])
        decision = _record(store, "split", actor_id, new_id, name, note or f"{name} split from {base_name}")
        return _reviewed(store, decision, reviewer, before, {"new": new_id, "decisions": [decision.seq]})


def _reviewed(store: Store, decision: Decision, reviewer: str, before: dict, after: dict) -> Decision:
    """Record a merge or split as a review decision too (who, the state before), so that undo reverses it."""
    from .review import _need, _next_seq, _record as record_review
    seq = _next_seq(store)
    record_review(store, seq, decision.kind, "actor", decision.actor_id, _need(reviewer), decision.note, before,
                  {**after, "other": decision.other_id, "name": decision.name})
    return Decision(decision.seq, decision.kind, decision.actor_id, decision.other_id, decision.name, decision.note, seq)


def remove_alias(store: Store, actor_id: str, name: str, note: str = "") -> Decision:
    """Take the spelling `name` away from an actor, now and on later ingests (its display name cannot be)."""
    from ..names import fold  # rigour: on use, not for the commands that only read
    display, _, _, _ = _actor(store, actor_id)
    folded = fold(name)
    if folded == fold(display):
        raise DecisionError(f"{name!r} is the name of {display!r} itself, not an alias; "
                            f"to make its mentions another actor use `actorgraph split`")
    found = store.rows("SELECT name FROM actor_names WHERE actor_id = ? AND folded = ?", [actor_id, folded])
    if not found:
        aliases = [n for (n,) in store.rows("SELECT name FROM actor_names WHERE actor_id = ? AND name <> ? "
                                            "ORDER BY name", [actor_id, display])]
        raise DecisionError(f"{display!r} has no alias {name!r}; its aliases: {', '.join(aliases) or 'none'}")
    with store.transaction():
        decision = _record(store, ALIAS_REMOVE, actor_id, "", found[0][0],
                           note or f"{found[0][0]} is not a name of {display}")
        rebuild_names(store, [actor_id])
    return decision


def decisions(store: Store) -> list[Decision]:
    return [Decision(*row) for row in store.rows(
        "SELECT seq, kind, actor_id, other_id, name, note FROM decisions ORDER BY seq")]


# -- undo ----------------------------------------------------------------------------------------


def _refuse_if_changed_since(store: Store, done, actor_ids: list[str], own: list[int]) -> None:
    """Refuse to undo `done` when a later decision (merge, split, alias, actor edit) changed one of these actors."""
    later = store.rows("SELECT seq, kind FROM decisions WHERE seq NOT IN (SELECT unnest(?::INTEGER[])) AND seq > ? "
                       "AND (actor_id IN (SELECT unnest(?::VARCHAR[])) OR other_id IN (SELECT unnest(?::VARCHAR[]))) "
                       "ORDER BY seq", [own, min(own), actor_ids, actor_ids])
    reviewed = store.rows("SELECT seq, kind FROM reviews WHERE seq > ? AND target = 'actor' AND undone_by IS NULL "
                          "AND kind <> 'undo' AND (target_id IN (SELECT unnest(?::VARCHAR[])) OR "
                          "json_extract_string(after, '$.other') IN (SELECT unnest(?::VARCHAR[]))) ORDER BY seq",
                          [done.seq, actor_ids, actor_ids])
    if reviewed:
        seq, kind = reviewed[0]
        raise DecisionError(f"review decision #{done.seq} ({done.kind}) cannot be undone: #{seq} ({kind}) changed the "
                            f"same actors since; undo #{seq} first")
    if later:
        seq, kind = later[0]
        raise DecisionError(f"review decision #{done.seq} ({done.kind}) cannot be undone: decision {seq} ({kind}) "
                            f"changed the same actors since")


def _put_back(store: Store, rows: list[tuple], columns: tuple[str, ...], from_id: str, to_id: str) -> None:
    """Give these per-article actors (article_id, local_id, *columns) back to `to_id` with their old values."""
    if not rows:
        return
    store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS put_back (article_id VARCHAR, local_id VARCHAR, reason VARCHAR, "
                       "name VARCHAR, registry_id VARCHAR, wikidata VARCHAR)")
    store.conn.execute("DELETE FROM put_back")
    width = 2 + len(columns)
    store.insert("put_back", [tuple(r[:width]) + (None,) * (6 - width) for r in rows])
    sets = ", ".join(f"{c} = p.{c}" for c in columns)
    store.conn.execute(f"""UPDATE article_actors SET actor_id = ?, {sets} FROM put_back p
                           WHERE article_actors.article_id = p.article_id AND article_actors.local_id = p.local_id
                             AND article_actors.actor_id = ?""", [to_id, from_id])
    store.conn.execute("DELETE FROM put_back")


def _settle(store: Store, actor_ids: list[str]) -> None:
    """Signatures, spellings, edges and summaries of these actors again, after per-article actors moved."""
    present = [a for a in actor_ids if store.value("SELECT count(*) FROM actors WHERE id = ?", [a])]
    _sync_signatures(store, present)
    rebuild_names(store, present)
    relink_statements(store, actor_ids)
    rebuild_summaries(store, actor_ids)


def undo_merge(store: Store, done) -> None:
    """Give back the actor a merge took away, with its per-article actors, names, ids, pins and watch; drop the merge."""
    keep, other = done.before["keep"], done.before["other"]
    own = done.after["decisions"]
    _refuse_if_changed_since(store, done, [keep["id"], other["id"]], own)
    if store.value("SELECT count(*) FROM actors WHERE id = ?", [other["id"]]):
        raise DecisionError(f"actor {other['id']} exists again since #{done.seq}; merge it again instead of undoing")
    _actor(store, keep["id"])
    store.insert("actors", [(other["id"], other["name"], other["type"], other["registry_id"], other["wikidata"],
                             other["created_at"])])
    _put_back(store, done.before["moved"], ("reason",), keep["id"], other["id"])
    for folded, type_ in done.before["pins"]:
        store.conn.execute("UPDATE name_pins SET actor_id = ? WHERE folded = ? AND type = ? AND actor_id = ?",
                           [other["id"], folded, type_, keep["id"]])
    watched = {a: (n, t) for a, n, t in done.before["watched"]}
    if other["id"] in watched:
        store.conn.execute("INSERT OR IGNORE INTO watch_list VALUES (?, ?, ?)", [other["id"], *watched[other["id"]]])
        if keep["id"] not in watched:
            store.conn.execute("DELETE FROM watch_list WHERE actor_id = ?", [keep["id"]])
    store.conn.execute("UPDATE actors SET registry_id = ?, wikidata = ? WHERE id = ?",
                       [keep["registry_id"], keep["wikidata"], keep["id"]])
    store.conn.execute("DELETE FROM decisions WHERE seq IN (SELECT unnest(?::INTEGER[]))", [own])
    _settle(store, [keep["id"], other["id"]])


def undo_split(store: Store, done) -> None:
    """Give the per-article actors a split moved back to the actor split, drop the new actor, its pins and the split."""
    actor_id, new_id, type_ = done.before["actor"]["id"], done.after["new"], done.before["type"]
    own = done.after["decisions"]
    _refuse_if_changed_since(store, done, [actor_id, new_id], own)
    _actor(store, actor_id)
    _put_back(store, done.before["moved"], ("reason", "name", "registry_id", "wikidata"), new_id, actor_id)
    # articles stored since that the pin sent to the new actor go with the rest
    store.conn.execute("UPDATE article_actors SET actor_id = ? WHERE actor_id = ?", [actor_id, new_id])
    move_watch(store, new_id, actor_id)
    for folded, holder in done.before["pins"]:
        store.conn.execute("DELETE FROM name_pins WHERE folded = ? AND type = ?", [folded, type_])
        if holder:
            store.conn.execute("INSERT INTO name_pins VALUES (?, ?, ?)", [folded, type_, holder])
    store.conn.execute("UPDATE actors SET name = ? WHERE id = ?", [done.before["actor"]["name"], actor_id])
    for table, column in (("actor_names", "actor_id"), ("actor_keys", "actor_id"), ("actor_reviews", "actor_id"),
                          ("actors", "id")):
        store.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", [new_id])
    store.conn.execute("DELETE FROM decisions WHERE seq IN (SELECT unnest(?::INTEGER[]))", [own])
    _settle(store, [actor_id, new_id])
