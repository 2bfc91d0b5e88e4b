"""Global actors in the store: candidates for resolution, creating actors, their names and keys."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import content_id
from .database import Store, now

if TYPE_CHECKING:
    from ..resolve import Candidate, NameKey


class StoreView:
    """The candidates resolution may need for one article, fetched in three queries.

    Actors created or named while the article is stored are added with `add`, so the
    article's later actors see them.
    """

    def __init__(self, store: Store, keys: Iterable[NameKey], ids: Iterable[str]):
        keys = list(keys)
        folded = sorted({k.folded for k in keys})
        surnames = sorted({k.loose for k in keys if k.words == 1})
        blocks = sorted({k.block for k in keys})
        self._pins = {(f, t): a for f, t, a in store.rows(
            "SELECT folded, type, actor_id FROM name_pins WHERE folded IN (SELECT unnest(?))", [folded])}
        self._keys = dict(store.rows(
            "SELECT key, actor_id FROM actor_keys WHERE key IN (SELECT unnest(?))", [sorted(set(ids))]))
        self._folded: dict[str, dict[str, Candidate]] = defaultdict(dict)
        self._surname: dict[str, dict[str, Candidate]] = defaultdict(dict)
        self._block: dict[str, dict[str, Candidate]] = defaultdict(dict)
        self.nodes: dict[str, tuple[str, str | None, str | None]] = {}  # id -> name, registry, wikidata
        rows = store.rows(
            """SELECT n.actor_id, n.name, n.folded, n.surname, n.block, a.type, a.registry_id, a.name, a.wikidata
               FROM actor_names n JOIN actors a ON a.id = n.actor_id
               WHERE n.folded IN (SELECT unnest(?)) OR n.surname IN (SELECT unnest(?)) OR n.block IN (SELECT unnest(?))""",
            [folded, surnames, blocks])
        for actor_id, name, f, surname, block, type_, registry_id, node_name, wikidata in rows:
            self.nodes[actor_id] = (node_name, registry_id, wikidata)
            self._put(actor_id, name, f, surname, block, type_, registry_id, node_name)

    def _put(self, actor_id, name, folded, surname, block, type_, registry_id, node_name) -> None:
        from ..resolve import Candidate, NameKey  # rigour: on use, not for the commands that only read
        c = Candidate(actor_id, name, type_, registry_id, node_name, NameKey.of(node_name, type_).words)
        self._folded[folded][actor_id + "|" + name] = c
        if surname:
            self._surname[surname][actor_id + "|" + name] = c
        self._block[block][actor_id + "|" + name] = c

    def add(self, actor_id: str, keys: Iterable[NameKey], type_: str, registry_id: str | None,
            node_name: str, ids: Iterable[str]) -> None:
        """Make an actor's (new) names and ids visible to the rest of this article."""
        for k in keys:
            self._put(actor_id, k.name, k.folded, k.surname, k.block, type_, registry_id, node_name)
        for key in ids:
            self._keys.setdefault(key, actor_id)

    def node(self, store: Store, actor_id: str) -> tuple[str, str | None, str | None]:
        """The actor's display name, registry id and Wikidata id."""
        if actor_id not in self.nodes:
            self.nodes[actor_id] = tuple(store.rows(
                "SELECT name, registry_id, wikidata FROM actors WHERE id = ?", [actor_id])[0])
        return self.nodes[actor_id]

    def pinned(self, folded: str, type_: str) -> str | None:
        return self._pins.get((folded, type_))

    def by_key(self, key: str) -> str | None:
        return self._keys.get(key)

    def by_folded(self, folded: str) -> list[Candidate]:
        return list(self._folded.get(folded, {}).values())

    def by_surname(self, surname: str) -> list[Candidate]:
        return list(self._surname.get(surname, {}).values())

    def by_block(self, block: str) -> list[Candidate]:
        return list(self._block.get(block, {}).values())


def actor_keys(registry_id: str | None, wikidata: str | None) -> list[str]:
    """The id keys an actor is found under."""
    return [k for k in (registry_id and f"registry:{registry_id}", wikidata and f"wikidata:{wikidata}") if k]


def new_actor_id(store: Store, type_: str, name: str, registry_id: str | None, start: int = 1) -> str:
    """A deterministic id for a new global actor; a counter separates a clash (after a split)."""
    from ..resolve import NameKey
    basis = registry_id or NameKey.of(name, type_).loose
    n = start
    while True:
        actor_id = content_id(type_, basis, *([str(n)] if n > 1 else []), prefix="g", length=12)
        if not store.value("SELECT count(*) FROM actors WHERE id = ?", [actor_id]):
            return actor_id
        n += 1


def create_actor(store: Store, actor_id: str, name: str, type_: str, registry_id: str | None,
                 wikidata: str | None) -> None:
    store.insert("actors", [(actor_id, name, type_, registry_id, wikidata, now())])


def add_names(store: Store, actor_id: str, type_: str, keys: Iterable[NameKey]) -> None:
    """Record spellings of an actor (a spelling it already has is left alone)."""
    rows = {k.folded: (actor_id, k.name, k.folded, k.loose, k.words, k.surname, k.block, type_)
            for k in keys if k.folded}
    store.insert("actor_names", list(rows.values()), or_ignore=True)


def add_keys(store: Store, actor_id: str, keys: Iterable[str]) -> None:
    store.insert("actor_keys", [(k, actor_id) for k in keys], or_ignore=True)


def rebuild_names(store: Store, actor_ids: Iterable[str]) -> None:
    """Recompute the spellings and id keys of these actors from their per-article actors."""
    from ..resolve import NameKey
    for actor_id in actor_ids:
        row = store.rows("SELECT type FROM actors WHERE id = ?", [actor_id])
        if not row:
            continue
        type_ = row[0][0]
        pinned_elsewhere = {f for (f,) in store.rows(
            "SELECT folded FROM name_pins WHERE actor_id <> ? AND type = ?", [actor_id, type_])}
        store.conn.execute("DELETE FROM actor_names WHERE actor_id = ?", [actor_id])
        store.conn.execute("DELETE FROM actor_keys WHERE actor_id = ?", [actor_id])
        names, ids = [], []
        name, = store.rows("SELECT name FROM actors WHERE id = ?", [actor_id])[0]
        names.append(name)
        for n, aliases, registry_id, wikidata in store.rows(
                "SELECT name, aliases, registry_id, wikidata FROM article_actors WHERE actor_id = ? "
                "ORDER BY article_id, local_id", [actor_id]):
            names += [n, *(aliases or [])]
            ids += actor_keys(registry_id, wikidata)
        keys = [k for k in (NameKey.of(n, type_) for n in dict.fromkeys(names))
                if k.folded not in pinned_elsewhere or k.name == name]
        add_names(store, actor_id, type_, keys)
        add_keys(store, actor_id, dict.fromkeys(ids))
