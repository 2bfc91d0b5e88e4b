"""Order-independent resolution in the store: the group of nodes a new signature could join, resolved again.

After a batch is written, `reresolve(store, signatures)` takes the nodes holding the batch's
new signatures, widens them to every node one of their spellings could meet (the same
folded name and type, a lone name and a person's surname, a close spelling in the same sound
block, the same registry or Wikidata id) until nothing more is reached, and resolves every
signature of that group again in canonical order (`actorgraph.resolve.replay`). Nothing
outside the group could have been a candidate, so the nodes are a function of the set of
signatures: the same articles in any order, or stored twice, give the same nodes. Only what
changed is written: per-article actors move, nodes are made, renamed or dropped, and the
spellings, edges and summaries of the touched nodes are recomputed. Signatures that a hand
merge or split placed, and those of an actor a name was removed from, stay where they are.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .actors import dropped_names, new_actor_id, rebuild_names
from .database import Store, columns_select, now
from .summaries import rebuild_summaries
from .edges import relink_statements

if TYPE_CHECKING:
    from ..resolve.replay import Replay, Signature

HAND_REASONS = ("merged by hand", "split by hand")  # the reasons `decisions` writes
_SPELLINGS = "SELECT actor_id, name, folded, loose, words, surname, block, type FROM actor_names"


def group(store: Store, start: Iterable[str]) -> set[str]:
    """The nodes reachable from `start` by spellings or ids that resolution could match."""
    from ..resolve import name_similarity
    nodes = set(start)
    frontier = set(nodes)
    while frontier:
        spellings = store.rows(f"{_SPELLINGS} WHERE actor_id IN (SELECT unnest(?))", [sorted(frontier)])
        ids = [k for (k,) in store.rows("SELECT key FROM actor_keys WHERE actor_id IN (SELECT unnest(?))",
                                        [sorted(frontier)])]
        folded = {(r[2], r[7]) for r in spellings}
        surnames = {(r[5], r[7]) for r in spellings if r[5]}
        lone = {(r[3], r[7]) for r in spellings if r[4] == 1}
        by_block: dict[tuple[str, str], list[str]] = defaultdict(list)
        for r in spellings:
            by_block[(r[6], r[7])].append(r[1])
        found = store.rows(
            f"""{_SPELLINGS} WHERE folded IN (SELECT unnest(?)) OR block IN (SELECT unnest(?))
                OR surname IN (SELECT unnest(?)) OR (words = 1 AND loose IN (SELECT unnest(?)))""",
            [sorted({f for f, _ in folded}), sorted({b for b, _ in by_block}), sorted({l for l, _ in lone}),
             sorted({s for s, _ in surnames})])
        reached = set()
        for actor_id, name, f, loose, words, surname, block, type_ in found:
            if actor_id in nodes or actor_id in reached:
                continue
            if ((f, type_) in folded or (surname and (surname, type_) in lone)
                    or (words == 1 and (loose, type_) in surnames)
                    or any(name_similarity(name, other) is not None for other in by_block.get((block, type_), ()))):
                reached.add(actor_id)
        reached |= {a for (a,) in store.rows("SELECT actor_id FROM actor_keys WHERE key IN (SELECT unnest(?))",
                                             [sorted(set(ids))])} - nodes
        nodes |= reached
        frontier = reached
    return nodes


_ADD = f"""
INSERT INTO actor_signatures {columns_select(10)}
ON CONFLICT (signature) DO UPDATE SET occurrences = actor_signatures.occurrences + excluded.occurrences
"""


def add_signatures(store: Store, rows: list[list]) -> list[str]:
    """Count a batch's signatures (actor_signatures rows) in; the signatures that were not stored yet."""
    if not rows:
        return []
    keys = [r[0] for r in rows]
    known = {k for (k,) in store.rows("SELECT signature FROM actor_signatures WHERE signature IN (SELECT unnest(?))",
                                      [keys])}
    store.conn.execute(_ADD, [list(c) for c in zip(*rows)])
    return [k for k in keys if k not in known]


def _signatures_of(store: Store, actor_ids: Iterable[str]) -> list[tuple[Signature, str, str | None, int]]:
    """The stored signatures of these nodes: (signature, its node, why it is there, in how many articles)."""
    from ..resolve.replay import Signature
    return [(Signature(key, name, type_, tuple(aliases or ()), registry_id, wikidata, parent), actor_id, reason, n)
            for key, actor_id, name, type_, aliases, registry_id, wikidata, reason, n, parent in store.rows(
                """SELECT signature, actor_id, name, type, aliases, registry_id, wikidata, reason, occurrences,
                          parent FROM actor_signatures WHERE actor_id IN (SELECT unnest(?))""",
                [sorted(set(actor_ids))])]


def rename(store: Store, actor_ids: Iterable[str]) -> None:
    """Show these nodes under their most frequent name (`display_name`), after their counts changed."""
    from ..resolve.replay import display_name
    members: dict[str, list] = defaultdict(list)
    for s, actor_id, _, n in _signatures_of(store, actor_ids):
        members[actor_id].append((s, n))
    current = dict(store.rows("SELECT id, name || chr(31) || coalesce(registry_id, '') FROM actors "
                              "WHERE id IN (SELECT unnest(?))", [sorted(members)]))
    for actor_id, ms in sorted(members.items()):
        name, registry_id = current[actor_id].split(chr(31))
        shown = display_name(ms, registry_id or None)
        if shown != name:  # one of its spellings already
            store.conn.execute("UPDATE actors SET name = ? WHERE id = ?", [shown, actor_id])


def node_ids(store: Store, result: Replay, free: dict[str, Signature], nodes: set[str]) -> dict[str, str]:
    """The actor id of each node of a replay (replay node key -> actor id): kept nodes keep theirs.

    A new node's id is made from its first signature in canonical order (its registry id, or
    else its fullest name: `canonical` puts them first), which is a function of the node's
    signatures alone, not of which articles shared a transaction or which name was the most
    frequent when the group was last resolved: so a store is the same whatever `--batch-size`
    it was ingested with. Two nodes whose first signatures give one id (a split's halves), or
    a node whose id an actor outside the group holds, are told apart by `new_actor_id`'s counter.
    """
    ids: dict[str, str] = {}
    given: set[str] = set()
    for node in result.nodes.values():  # kept nodes first, then the new ones in canonical order
        if not node.key.startswith("new:"):
            ids[node.key] = given_id = node.key
        else:  # the group's own nodes are replaced, so their ids may be given again
            first = free[node.members[0]]
            ids[node.key] = given_id = new_actor_id(store, node.type, first.name, node.registry_id, taken=given,
                                                    reusable=nodes)
        given.add(given_id)
    return ids


def reresolve(store: Store, signatures: Iterable[str], touched: Iterable[str] = ()) -> None:
    """Resolve again, in canonical order, the group of nodes these (new) signatures could join.

    `touched` are nodes whose counts changed: they are shown under their most frequent name.
    """
    from ..resolve.replay import replay
    signatures = sorted(set(signatures))
    if not signatures:
        rename(store, touched)
        return
    start = {a for (a,) in store.rows("SELECT DISTINCT actor_id FROM actor_signatures WHERE signature IN "
                                      "(SELECT unnest(?))", [signatures])}
    nodes = group(store, start)
    dropped = dropped_names(store)  # an actor that lost a name by hand keeps its per-article actors
    free, kept, current, counts = [], [], {}, {}
    for s, actor_id, reason, n in _signatures_of(store, nodes):
        counts[s.key] = n
        current[s.key] = (actor_id, reason)
        hand = (reason or "").startswith(HAND_REASONS) or actor_id in dropped
        (kept.append((s, actor_id)) if hand else free.append(s))
    pins = {(f, t): a for f, t, a in store.rows("SELECT folded, type, actor_id FROM name_pins")}
    result = replay(free, kept, pins, counts, dropped)

    ids = node_ids(store, result, {s.key: s for s in free}, nodes)

    moved = []
    for key, (node_key, reason) in result.placed.items():
        actor_id = ids[node_key]
        if not reason:  # kept by a hand decision
            continue
        if (actor_id, reason) != current[key]:
            moved.append((key, actor_id, reason))
    existing = {r[0]: tuple(r[1:]) for r in store.rows(
        "SELECT id, name, type, registry_id, wikidata FROM actors WHERE id IN (SELECT unnest(?))",
        [sorted(set(ids.values()) | nodes)])}
    wanted = {ids[n.key]: (n.name, n.type, n.registry_id, n.wikidata) for n in result.nodes.values()}
    dropped = nodes - set(wanted)
    changed = {i for i, row in wanted.items() if existing.get(i) != row}
    if not moved and not changed and not dropped:
        rename(store, set(touched) - nodes)
        return

    store.insert("actors", [(i, *wanted[i], now()) for i in sorted(changed - set(existing))])
    for i in sorted(changed & set(existing)):
        name, _, registry_id, wikidata = wanted[i]
        store.conn.execute("UPDATE actors SET name = ?, registry_id = ?, wikidata = ? WHERE id = ?",
                           [name, registry_id, wikidata, i])
    if moved:
        store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS placed (signature VARCHAR, actor_id VARCHAR, reason VARCHAR)")
        store.conn.execute("DELETE FROM placed")
        store.insert("placed", moved)
        for table in ("actor_signatures", "article_actors"):
            store.conn.execute(f"""UPDATE {table} SET actor_id = p.actor_id, reason = p.reason FROM placed p
                                   WHERE {table}.signature = p.signature""")
        store.conn.execute("DELETE FROM placed")
    if dropped:
        for table, column in (("actor_names", "actor_id"), ("actor_keys", "actor_id"), ("actors", "id")):
            store.conn.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [sorted(dropped)])
    # only nodes that gained or lost per-article actors need their spellings, edges and summaries again;
    # a renamed node already holds its new name among its spellings
    shifted = sorted({n for key, actor_id, _ in moved if current[key][0] != actor_id for n in (current[key][0], actor_id)}
                     | dropped)
    rebuild_names(store, [i for i in shifted if i not in dropped])
    relink_statements(store, shifted)
    rebuild_summaries(store, sorted(set(shifted) | {actor_id for _, actor_id, _ in moved}))  # reasons are shown too
    rename(store, set(touched) - nodes - set(wanted))
