"""Cue words for finding actors, read once from data/actors.yaml (see that file for each list)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..names import fold


@dataclass(frozen=True)
class Cues:
    """The cue lists of data/actors.yaml, folded for lookup (`fold`)."""

    titles: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    particles: frozenset[str]
    demonyms: dict[str, str]  # folded demonym -> country name
    not_actors: frozenset[str]
    organization_heads: frozenset[str]
    organization_prefixes: frozenset[str]
    location_heads: frozenset[str]
    location_prefixes: frozenset[str]
    location_cues: frozenset[str]
    not_actor_heads: frozenset[str]
    backing_words: frozenset[str]
    alias_cues: tuple[str, ...]  # as written, longest first
    country_names: dict[str, str]  # folded short name -> ISO code
    dependent_territories: frozenset[str]
    max_title_words: int

    def is_group_word(self, name: str) -> bool:
        """A demonym, religion or similar adjective, singular or plural ("Iranians")."""
        key = fold(name)
        for k in (key, key[:-1] if key.endswith("s") else key, key[:-2] if key.endswith("es") else key):
            if k in self.demonyms or k in self.not_actors:
                return True
        return False


def _folded(values: list[str]) -> frozenset[str]:
    return frozenset(f for f in (fold(v) for v in values) if f)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The shipped cue lists (read once per process; the result is never changed)."""
    text = (resources.files("actorgraph") / "data" / "actors.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    titles = _folded(data["titles"])
    return Cues(
        titles=titles,
        determiners=_folded(data["determiners"]),
        pronouns=_folded(data["pronouns"]),
        particles=_folded(data["particles"]),
        demonyms={fold(k): v for k, v in data["demonyms"].items()},
        not_actors=_folded(data["not_actors"]),
        organization_heads=_folded(data["organization_heads"]),
        organization_prefixes=_folded(data["organization_prefixes"]),
        location_heads=_folded(data["location_heads"]),
        location_prefixes=_folded(data["location_prefixes"]),
        location_cues=_folded(data["location_cues"]),
        not_actor_heads=_folded(data["not_actor_heads"]),
        backing_words=_folded(data["backing_words"]),
        alias_cues=tuple(sorted(data["alias_cues"], key=len, reverse=True)),
        country_names={fold(k): v for k, v in data["country_names"].items()},
        dependent_territories=frozenset(data["dependent_territories"]),
        max_title_words=max(len(t.split()) for t in titles),
    )
