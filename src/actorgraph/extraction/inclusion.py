"""Membership stated by a verb of inclusion whose subject names an actor's people or units.

"Around 1,200 Hezbollah fighters were killed. These include commanders A and B" -> A and B are
members of Hezbollah; "The group's units include the Radwan Force" -> part_of. The subject may be
a plural demonstrative ("these", "those") that stands for the plural noun phrase named just before
(`Referents.demonstrated`). Only people are members of a group of people and only organizations
parts of a group of units: "Iran's allies include Hezbollah" gives nothing here.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .patterns import SELF, Context, Proposal
from .referents import INCLUSION, Ref

# what each kind of group holds, and the relation of an item to the group's actor
HOLDS = {"people": ("person", "member_of"), "unit": ("organization", "part_of")}


def included(ctx: Context) -> Iterator[Proposal]:
    """Each person (organization) a verb of inclusion lists, as a member (part) of the group its subject names."""
    np = ctx.np
    for v in ctx.doc:
        if v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in INCLUSION or np.passive(v):
            continue
        for s in (c for c in v.children if c.dep_ == "nsubj"):
            group = np.demonstrated(s) or np.one(s)
            if group is None or group.via not in HOLDS:
                continue
            wanted, predicate = HOLDS[group.via]
            for item in _items(ctx, v):
                if item.actor.type == wanted and item.via == SELF and item.actor.id != group.actor.id:
                    yield Proposal(item.actor, predicate, group.actor, cue=(v.i, v.i + 1), anchor=v,
                                   construction="inclusion")


def _items(ctx: Context, v: Token) -> list[Ref]:
    """What the verb lists: its objects and their conjuncts, and the names a plural title announces
    ("include commanders A and B")."""
    np = ctx.np
    out: list[Ref] = []
    for d in (c for c in v.children if c.dep_ == "dobj"):
        for t in (d, *d.conjuncts):
            out += np.of(t)
            if ctx.refs.at(t) is None:
                out += np.bearers(t)
    seen: set[str] = set()
    return [r for r in out if not (r.actor.id in seen or seen.add(r.actor.id))]
