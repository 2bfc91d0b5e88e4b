"""Merges and splits made by hand: applied to the store now, kept, and applied to later ingests.

A merge moves every per-article actor, spelling and id of one actor to another, so later
articles naming either resolve to the kept one. A split moves the per-article actors known
by one name to a new actor and pins that name to it, so resolution sends the name there first;
the old actor's own names (its display name, the registry's name) stay pinned to it. An alias
removal takes one spelling away from an actor, and later ingests do not give it back.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import DecisionError
from .actors import ALIAS_REMOVE, create_actor, new_actor_id, rebuild_names
from .database import Store, now
from .watch import move_watch
from .summaries import rebuild_summaries
from .edges import relink_statements


@dataclass(frozen=True)
class Decision:
    seq: int
    kind: str  # merge | split | alias remove
    actor_id: str  # merge: the kept actor; split: the actor split
    other_id: str  # merge: the actor merged away; split: the new actor; alias remove: empty
    name: str | None
    note: str


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
        raise DecisionError(f"no actor with id {actor_id}")
    return rows[0]


def merge(store: Store, keep_id: str, other_id: str, note: str = "") -> Decision:
    """Merge actor `other_id` into `keep_id`: one node from now on, for this store and later ingests."""
    if keep_id == other_id:
        raise DecisionError("both names are the same actor; nothing to merge")
    keep, other = _actor(store, keep_id), _actor(store, other_id)
    with store.transaction():
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
        # A spelling that cannot be a name ("the group") is not kept as an alias: it is removed as by
        # `alias remove`, so `decisions` shows it and later ingests do not give it back.
        from ..names import looks_like_a_name
        (name,) = store.rows("SELECT name FROM actors WHERE id = ?", [keep_id])[0]
        junk = [n for (n,) in store.rows("SELECT name FROM actor_names WHERE actor_id = ? AND name <> ? ORDER BY name",
                                         [keep_id, name]) if not looks_like_a_name(n)]
        for n in junk:
            _record(store, ALIAS_REMOVE, keep_id, "", n, f"{n!r} cannot be a name (no capital letter); "
                                                         f"left out when {other[0]} was merged into {keep[0]}")
        if junk:
            rebuild_names(store, [keep_id])
        return decision


def split(store: Store, actor_id: str, name: str, note: str = "") -> Decision:
    """Move the per-article actors of `actor_id` known as `name` to a new actor, and pin the name to it."""
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
    with store.transaction():
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
        own = {fold(base_name), *(fold(n) for _, _, n, registry_id, _ in moved if registry_id)} - {folded}
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
        return _record(store, "split", actor_id, new_id, name, note or f"{name} split from {base_name}")


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
