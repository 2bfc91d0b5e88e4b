"""The rules that decide which global actor a per-article actor joins, each with its reason."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..names import fold
from .names import NameKey, name_similarity


@dataclass(frozen=True, slots=True)
class Candidate:
    """A global actor found under one of its stored spellings."""

    actor_id: str
    spelling: str  # the stored name or alias that was found
    type: str  # the actor's type
    registry_id: str | None  # the actor's registry id
    node_name: str  # the actor's display name
    node_words: int  # identifying words in the display name (1 = known by a lone name)
    parent: str | None = None  # a body's parent (`actorgraph.extraction.bodies`): "" unknown, None no body


class CandidateView(Protocol):
    """What resolution may ask of the store."""

    def pinned(self, folded: str, type_: str) -> str | None:
        """The actor a split decision pinned this folded name to."""

    def by_key(self, key: str) -> str | None:
        """The actor holding "registry:<id>" or "wikidata:<QID>"."""

    def by_folded(self, folded: str) -> list[Candidate]:
        """Actors with a name or alias that folds to this."""

    def by_surname(self, surname: str) -> list[Candidate]:
        """Persons with a name of two words or more ending in this surname."""

    def by_block(self, block: str) -> list[Candidate]:
        """Actors with a spelling whose last word sounds like this."""


@dataclass(frozen=True, slots=True)
class Match:
    """The resolution of one per-article actor: the actor it joins (None: a new one) and why."""

    actor_id: str | None
    reason: str


def _names(name: str, aliases: list[str] | tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(n for n in (name, *aliases) if n and n.strip()))


def resolve_actor(name: str, type_: str, aliases: list[str] | tuple[str, ...],
                  registry_id: str | None, wikidata: str | None, view: CandidateView,
                  parent: str | None = None) -> Match:
    """The global actor this per-article actor is, by the first rule that decides.

    A body many have one of ("Shura Council": `parent` is not None) joins only a node of the
    same parent: Hezbollah's Shura Council is not Hamas's, and one whose parent the article
    does not say ("") is neither.
    """
    keys = [NameKey.of(n, type_) for n in _names(name, aliases)]
    primary = keys[0]
    person = type_ == "person"

    pinned = view.pinned(primary.folded, type_)
    if pinned:
        return Match(pinned, f"split decision: {primary.name!r}")
    if registry_id and (found := view.by_key(f"registry:{registry_id}")):
        return Match(found, "registry id")
    if wikidata and (found := view.by_key(f"wikidata:{wikidata}")):
        return Match(found, "wikidata id")

    def fits(c: Candidate) -> bool:
        if parent is not None and c.parent is not None and c.parent != parent:
            return False
        return c.type == type_ and not (registry_id and c.registry_id and c.registry_id != registry_id)

    if person and primary.words == 1:
        return _lone_name(primary, fits, view)

    ambiguous: set[str] = set()
    for key in keys:
        if person and key.words == 1:
            continue  # "Soleimani" as an alias of Qasem Soleimani says nothing about other people
        found = {c.actor_id: c for c in view.by_folded(key.folded) if fits(c)}
        if person:  # a person's full name must not meet another's lone alias or surname
            found = {i: c for i, c in found.items() if c.node_words > 1 or len(key.folded.split()) == 1}
        if len(found) == 1:
            c = next(iter(found.values()))
            same = key is primary and fold(c.node_name) == key.folded
            return Match(c.actor_id, "name match" if same else f"alias match: {key.name!r} = {c.spelling!r}")
        if len(found) > 1:
            # The actor displayed under this very name takes it (else every later article
            # carrying the name would open one more node); lowest id if several already do.
            named = sorted((c for c in found.values() if fold(c.node_name) == key.folded), key=lambda c: c.actor_id)
            if named:
                others = sorted({c.node_name for c in found.values() if c.actor_id != named[0].actor_id})
                return Match(named[0].actor_id, f"name match (also a name of {', '.join(others)})")
            ambiguous.update(c.node_name for c in found.values())

    scores: dict[str, tuple[float, Candidate, NameKey]] = {}
    for key in keys:
        if person and key.words == 1:
            continue
        for c in view.by_block(key.block):
            if not fits(c) or (person and c.node_words < 2):
                continue
            score = name_similarity(key.name, c.spelling)
            if score is not None and score > scores.get(c.actor_id, (-1.0,))[0]:
                scores[c.actor_id] = (score, c, key)
    ranked = sorted(scores.values(), key=lambda t: -t[0])
    if ranked and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] > 1e-9):
        score, c, key = ranked[0]
        return Match(c.actor_id, f"fuzzy {score:.2f}: {key.name!r} ~ {c.spelling!r}")
    if ambiguous:
        return Match(None, "new: ambiguous name, could be " + ", ".join(sorted(ambiguous)))
    return Match(None, "new")


def _lone_name(key: NameKey, fits, view: CandidateView) -> Match:
    """A person known by one word: the one person with that surname, else a lone-name node."""
    full = {c.actor_id: c for c in view.by_surname(key.loose) if fits(c)}
    full.update({c.actor_id: c for c in view.by_folded(key.folded) if fits(c) and c.node_words > 1})
    if len(full) == 1:
        c = next(iter(full.values()))
        return Match(c.actor_id, f"surname of {c.node_name}")
    lone = [c for c in view.by_folded(key.folded) if fits(c) and c.node_words == 1]
    note = ("ambiguous surname, could be " + ", ".join(sorted(c.node_name for c in full.values()))
            if full else "")
    if lone:
        return Match(lone[0].actor_id, "name match" + (f" ({note})" if note else ""))
    return Match(None, "new" + (f": {note}" if note else ""))
