"""Order-independent resolution: a set of spellings resolved in one canonical order.

Resolving article by article as they arrive makes the nodes depend on the order: a lone
"Salami" stored before "Hossein Salami" opens a node of its own, stored after it joins it.
So the store resolves again, in the order `canonical` gives, every distinct per-article
actor (a `Signature`: name, type, aliases, ids) of the group of nodes that a new one could
join (`actorgraph.store.resolution`). The nodes are then a function of the set of
signatures, whatever order and however often the articles came. The canonical order puts
what identifies most first: registry ids, Wikidata ids, then longer names, so that a lone
surname or a short name meets the full names before deciding.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import actor_keys
from ..names import fold, is_acronym
from .matching import Candidate, resolve_actor
from .names import NameKey


@dataclass(frozen=True, slots=True)
class Signature:
    """One distinct per-article actor: what resolution reads of it."""

    key: str  # its content hash (`actorgraph.store.actors.signature`)
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    registry_id: str | None = None
    wikidata: str | None = None
    parent: str | None = None  # a body's parent (`actorgraph.extraction.bodies`)

    @property
    def names(self) -> list[str]:
        return [n for n in dict.fromkeys((self.name, *self.aliases)) if n]



def canonical(s: Signature) -> tuple:
    """Registry ids first, then Wikidata ids, then more identifying words, then the name itself."""
    return (s.registry_id is None, s.wikidata is None, -NameKey.of(s.name, s.type).words, -len(s.aliases),
            s.type, fold(s.name), s.name, s.aliases, s.key)


class MemoryView:
    """The candidates of resolution kept in dictionaries (the `CandidateView` of `resolve_actor`)."""

    def __init__(self, pins: dict[tuple[str, str], str] | None = None):
        self._pins = dict(pins or {})
        self._keys: dict[str, str] = {}
        self._folded: dict[str, dict[str, Candidate]] = defaultdict(dict)
        self._surname: dict[str, dict[str, Candidate]] = defaultdict(dict)
        self._block: dict[str, dict[str, Candidate]] = defaultdict(dict)

    def put(self, actor_id: str, name: str, folded: str, surname: str | None, block: str, type_: str,
            registry_id: str | None, node_name: str, parent: str | None = None) -> None:
        c = Candidate(actor_id, name, type_, registry_id, node_name, NameKey.of(node_name, type_).words, parent)
        self._folded[folded][actor_id + "|" + name] = c
        if surname:
            self._surname[surname][actor_id + "|" + name] = c
        self._block[block][actor_id + "|" + name] = c

    def add(self, actor_id: str, keys: Iterable[NameKey], type_: str, registry_id: str | None,
            node_name: str, ids: Iterable[str], parent: str | None = None) -> None:
        """Make an actor's (new) names and ids visible to the resolutions that follow."""
        for k in keys:
            self.put(actor_id, k.name, k.folded, k.surname, k.block, type_, registry_id, node_name, parent)
        for key in ids:
            self._keys.setdefault(key, actor_id)

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


@dataclass
class Node:
    """A node as the replay builds it: its display name and ids, from the signatures it holds."""

    key: str  # an existing actor id (a node kept by a hand decision) or "new:<n>"
    name: str
    type: str
    registry_id: str | None
    wikidata: str | None
    parent: str | None = None  # the parent of the first body among its signatures
    members: list[str] = field(default_factory=list)  # signature keys


def display_name(members: Iterable[tuple[Signature, int]], registry_id: str | None = None) -> str:
    """The name a node is shown under: its most frequent written-out name (of its registry's spellings, if any).

    Counted over articles, so it is the same whatever order the articles came in. An acronym
    is shown only when no name is written out; a tie goes to a person's fullest name and to
    the shortest name of anything else ("Quds Force" before "IRGC-Qods Force"), then to the
    canonical order.
    """
    members = list(members)
    pool = [(s, n) for s, n in members if registry_id and s.registry_id == registry_id] or members
    weight: dict[str, int] = defaultdict(int)
    for s, n in pool:
        weight[s.name] += n
    def rank(t: tuple[Signature, int]) -> tuple:
        words = NameKey.of(t[0].name, t[0].type).words
        return (is_acronym(t[0].name), -weight[t[0].name], -words if t[0].type == "person" else words, canonical(t[0]))
    return min(pool, key=rank)[0].name


@dataclass
class Replay:
    nodes: dict[str, Node]
    placed: dict[str, tuple[str, str]]  # signature key -> (node key, reason)


def replay(signatures: Iterable[Signature], kept: Iterable[tuple[Signature, str]] = (),
           pins: dict[tuple[str, str], str] | None = None, counts: dict[str, int] | None = None,
           dropped: dict[str, set[str]] | None = None) -> Replay:
    """Resolve these signatures in canonical order into nodes, each shown under its `display_name`.

    `kept` are signatures a hand decision placed (signature, actor id): they stay where they
    are and the others may join them. `pins` are the names a split pinned to an actor;
    `counts` the number of articles of each signature (1 when not given); `dropped` the folded
    names removed from kept actors by hand (`alias remove`), which they are not found under.
    """
    view = MemoryView(pins)
    nodes: dict[str, Node] = {}
    placed: dict[str, tuple[str, str]] = {}

    def enter(s: Signature, node: Node) -> None:
        node.members.append(s.key)
        if node.parent is None:
            node.parent = s.parent
        gone = (dropped or {}).get(node.key, set())
        view.add(node.key, [NameKey.of(n, s.type) for n in s.names if fold(n) not in gone], s.type,
                 node.registry_id, node.name, actor_keys(s.registry_id, s.wikidata), node.parent)

    signatures = list(signatures)
    kept = list(kept)
    for s, actor_id in sorted(kept, key=lambda t: canonical(t[0])):
        node = nodes.get(actor_id) or nodes.setdefault(actor_id, Node(actor_id, s.name, s.type, s.registry_id,
                                                                      s.wikidata))
        placed[s.key] = (actor_id, "")
        enter(s, node)
    for s in sorted(signatures, key=canonical):
        match = resolve_actor(s.name, s.type, s.aliases, s.registry_id, s.wikidata, view, s.parent)
        if match.actor_id is None or match.actor_id not in nodes:
            # a new node; the actor a split pinned this name to keeps its id
            pinned = match.actor_id if match.actor_id in (pins or {}).values() else None
            node = Node(pinned or f"new:{len(nodes)}", s.name, s.type, s.registry_id, s.wikidata)
            nodes[node.key] = node
            reason = match.reason if match.actor_id is None or pinned else "new"
        else:
            node, reason = nodes[match.actor_id], match.reason
            if s.registry_id and not node.registry_id:  # the registry's name becomes the display name
                node.registry_id, node.name = s.registry_id, s.name
            if s.wikidata and not node.wikidata:
                node.wikidata = s.wikidata
        placed[s.key] = (node.key, reason)
        enter(s, node)
    by_key = {s.key: s for s in signatures} | {s.key: s for s, _ in kept}
    for node in nodes.values():
        node.name = display_name([(by_key[k], (counts or {}).get(k, 1)) for k in node.members], node.registry_id)
    return Replay(nodes, placed)
