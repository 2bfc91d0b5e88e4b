"""Global actors in the store: candidates for resolution, creating actors, their names and keys."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import actor_keys, content_id
from .database import Store, now
from .summaries import refresh_actor_search

if TYPE_CHECKING:
    from ..resolve import NameKey


class StoreView:
    """The candidates resolution may need for one article, fetched in four queries.

    The candidates are kept in a `MemoryView`; actors created or named while the article is
    stored are added with `add`, so the article's later actors see them. `signatures` holds
    the node and reason of each signature already stored or placed in this batch: an actor
    alike to one of them goes where it went, without resolving again.
    """

    def __init__(self, store: Store, keys: Iterable[NameKey], ids: Iterable[str], signatures: Iterable[str] = ()):
        from ..resolve.replay import MemoryView  # rigour: on use, not for the commands that only read
        keys = list(keys)
        folded = sorted({k.folded for k in keys})
        surnames = sorted({k.loose for k in keys if k.words == 1})
        blocks = sorted({k.block for k in keys})
        self.memory = MemoryView({(f, t): a for f, t, a in store.rows(
            "SELECT folded, type, actor_id FROM name_pins WHERE folded IN (SELECT unnest(?))", [folded])})
        for key, actor_id in store.rows(
                "SELECT key, actor_id FROM actor_keys WHERE key IN (SELECT unnest(?))", [sorted(set(ids))]):
            self.memory.add(actor_id, [], "", None, "", [key])
        self.signatures: dict[str, tuple[str, str]] = {s: (a, r) for s, a, r in store.rows(
            "SELECT signature, actor_id, reason FROM actor_signatures WHERE signature IN (SELECT unnest(?))",
            [sorted(set(signatures))])}
        self.nodes: dict[str, tuple[str, str | None, str | None]] = {}  # id -> name, registry, wikidata
        rows = store.rows(
            """SELECT n.actor_id, n.name, n.folded, n.surname, n.block, a.type, a.registry_id, a.name, a.wikidata,
                      (SELECT min(s.parent) FROM actor_signatures s WHERE s.actor_id = n.actor_id)
               FROM actor_names n JOIN actors a ON a.id = n.actor_id
               WHERE n.folded IN (SELECT unnest(?)) OR n.surname IN (SELECT unnest(?)) OR n.block IN (SELECT unnest(?))""",
            [folded, surnames, blocks])
        for actor_id, name, f, surname, block, type_, registry_id, node_name, wikidata, parent in rows:
            self.nodes[actor_id] = (node_name, registry_id, wikidata)
            self.memory.put(actor_id, name, f, surname, block, type_, registry_id, node_name, parent)
        self.add, self.pinned, self.by_key = self.memory.add, self.memory.pinned, self.memory.by_key
        self.by_folded, self.by_surname, self.by_block = (self.memory.by_folded, self.memory.by_surname,
                                                          self.memory.by_block)

    def node(self, store: Store, actor_id: str) -> tuple[str, str | None, str | None]:
        """The actor's display name, registry id and Wikidata id."""
        if actor_id not in self.nodes:
            self.nodes[actor_id] = tuple(store.rows(
                "SELECT name, registry_id, wikidata FROM actors WHERE id = ?", [actor_id])[0])
        return self.nodes[actor_id]


def signature(name: str, type_: str, aliases, registry_id: str | None, wikidata: str | None,
              parent: str | None = None) -> str:
    """The content key of a per-article actor as resolution reads it: two alike resolve alike.

    A body's parent (`Actor.parent`) is part of it; an actor without one keys as it always did.
    """
    return content_id(name, type_, registry_id or "", wikidata or "", *sorted(set(aliases or ())),
                      *([PARENT_MARK + parent] if parent is not None else []), prefix="s", length=20)


PARENT_MARK = "\x1fparent:"  # sets a body's parent apart from its aliases in a signature


@lru_cache(maxsize=200_000)
def actor_id_for(type_: str, name: str, registry_id: str | None, n: int = 1) -> str:
    """The `n`th deterministic id of a new global actor of this type and name (or registry id)."""
    from ..resolve import NameKey
    basis = registry_id or NameKey.of(name, type_).loose
    return content_id(type_, basis, *([str(n)] if n > 1 else []), prefix="g", length=12)


def taken_actor_ids(store: Store, actor_ids: Iterable[str]) -> set[str]:
    """Those of the ids that actors of the store have (one query for a whole batch)."""
    return {a for (a,) in store.rows("SELECT id FROM actors WHERE id IN (SELECT unnest(?))", [sorted(set(actor_ids))])}


def new_actor_id(store: Store, type_: str, name: str, registry_id: str | None,
                 taken: Container[str] = (), reusable: Container[str] = ()) -> str:
    """A deterministic id for a new global actor; a counter separates a clash (after a split).

    `taken`: ids given out already but not stored yet; `reusable`: stored ids that may be given again.
    """
    n = 1
    while True:
        actor_id = actor_id_for(type_, name, registry_id, n)
        if actor_id not in taken and (actor_id in reusable or not store.value(
                "SELECT count(*) FROM actors WHERE id = ?", [actor_id])):
            return actor_id
        n += 1


def create_actor(store: Store, actor_id: str, name: str, type_: str, registry_id: str | None,
                 wikidata: str | None) -> None:
    store.insert("actors", [(actor_id, name, type_, registry_id, wikidata, now())])


_NAMES = """INSERT INTO actor_names {select}
ON CONFLICT (actor_id, folded) DO UPDATE SET name = least(actor_names.name, excluded.name)"""


def insert_names(store: Store, rows: list[tuple]) -> None:
    """Add actor_names rows; of the spellings of one folded name, an actor keeps the least.

    One spelling per folded name ("World Trade Organisation" / "Organization"), chosen by the
    set of spellings and not by which came first, so that the row is the same whatever order
    and however many at a time the articles were stored (keys other than the name are the
    folded name's own).
    """
    from .database import columns_select
    if rows:
        store.conn.execute(_NAMES.format(select=columns_select(len(rows[0]))), [list(c) for c in zip(*rows)])


ALIAS_REMOVE = "alias remove"  # the kind of decision that takes a name away from an actor


def dropped_names(store: Store) -> dict[str, set[str]]:
    """The folded names taken from each actor by hand (`alias remove`), following later merges to
    the actor kept, so a removed alias stays removed."""
    from ..names import fold
    merged = dict(store.rows("SELECT other_id, actor_id FROM decisions WHERE kind = 'merge'"))
    out: dict[str, set[str]] = defaultdict(set)
    for actor_id, name in store.rows("SELECT actor_id, name FROM decisions WHERE kind = ?", [ALIAS_REMOVE]):
        seen = {actor_id}
        while actor_id in merged and merged[actor_id] not in seen:
            actor_id = merged[actor_id]
            seen.add(actor_id)
        out[actor_id].add(fold(name))
    return out


def rebuild_names(store: Store, actor_ids: Iterable[str]) -> None:
    """Recompute the spellings and id keys of these actors from their per-article actors.

    A spelling removed by hand (`alias remove`) is left out; the display name always stays.
    A few queries for all the actors together (a bulk merge rebuilds hundreds at once).
    """
    from ..resolve import NameKey
    all_ids = list(dict.fromkeys(actor_ids))
    nodes = {a: (name, type_) for a, name, type_ in store.rows(
        "SELECT id, name, type FROM actors WHERE id IN (SELECT unnest(?))", [all_ids])}
    actor_ids = [a for a in all_ids if a in nodes]
    if not actor_ids:
        refresh_actor_search(store, all_ids)
        return
    dropped = dropped_names(store)
    pins = store.rows("SELECT folded, type, actor_id FROM name_pins")
    store.conn.execute("DELETE FROM actor_names WHERE actor_id IN (SELECT unnest(?))", [actor_ids])
    store.conn.execute("DELETE FROM actor_keys WHERE actor_id IN (SELECT unnest(?))", [actor_ids])
    names: dict[str, list[str]] = {a: [nodes[a][0]] for a in actor_ids}
    ids: dict[str, list[str]] = {a: [] for a in actor_ids}
    for actor_id, n, aliases, registry_id, wikidata in store.rows(
            "SELECT actor_id, name, aliases, registry_id, wikidata FROM article_actors "
            "WHERE actor_id IN (SELECT unnest(?)) ORDER BY actor_id, article_id, local_id", [actor_ids]):
        names[actor_id] += [n, *(aliases or [])]
        ids[actor_id] += actor_keys(registry_id, wikidata)
    rows: dict[tuple[str, str], tuple] = {}
    keys: dict[str, tuple[str, str]] = {}
    for actor_id in actor_ids:
        name, type_ = nodes[actor_id]
        pinned_elsewhere = {f for f, t, a in pins if a != actor_id and t == type_}
        for k in (NameKey.of(n, type_) for n in dict.fromkeys(names[actor_id])):
            if k.folded and (k.name == name or (k.folded not in pinned_elsewhere
                                                and k.folded not in dropped.get(actor_id, ()))):
                if (actor_id, k.folded) not in rows or k.name < rows[actor_id, k.folded][1]:
                    rows[actor_id, k.folded] = (actor_id, k.name, k.folded, k.loose, k.words, k.surname, k.block, type_)
        for key in ids[actor_id]:
            keys.setdefault(key, (key, actor_id))
    insert_names(store, list(rows.values()))
    store.insert("actor_keys", list(keys.values()), or_ignore=True)
    refresh_actor_search(store, all_ids)
