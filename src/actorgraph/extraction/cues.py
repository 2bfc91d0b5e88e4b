"""Cue words for finding actors, read once from lang/<code>/actors.yaml (see that file for each list)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import DEFAULT, lexicon, mapping, strings, where as file_name, words
from ..names import fold


@dataclass(frozen=True)
class Cues:
    """The cue lists of lang/<code>/actors.yaml, folded for lookup (`fold`)."""

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
    alias_nouns: tuple[str, ...] = ()  # as written, longest first ("acronym", "abbr")
    alias_noun_cues: tuple[str, ...] = ()  # "known by"
    alias_owners: tuple[str, ...] = ()  # "its", "their"
    # function words of names (see lang/<code>/actors.yaml)
    name_links: frozenset[str] = frozenset()
    short_name_links: frozenset[str] = frozenset()
    dropped_articles: frozenset[str] = frozenset()
    phrase_links: frozenset[str] = frozenset()
    acronym_skips: frozenset[str] = frozenset()
    possessive_endings: frozenset[str] = frozenset()
    time_cues: frozenset[str] = frozenset()  # lower case
    name_articles: frozenset[str] = frozenset()  # as written
    place_articles: frozenset[str] = frozenset()

    def is_group_word(self, name: str) -> bool:
        """A demonym, religion or similar adjective, singular or plural ("Iranians")."""
        key = fold(name)
        for k in (key, key[:-1] if key.endswith("s") else key, key[:-2] if key.endswith("es") else key):
            if k in self.demonyms or k in self.not_actors:
                return True
        return False


def _folded(values: list[str]) -> frozenset[str]:
    return frozenset(f for f in (fold(v) for v in values) if f)


@lru_cache(maxsize=None)
def load_cues(lang: str = DEFAULT, root: str | None = None) -> Cues:
    """The cue lists of a language (read once per process; the result is never changed); `root`
    as for `actorgraph.lang.lexicon`."""
    data, where = lexicon(lang, "actors", root), file_name(lang, "actors", root)

    def listed(key: str) -> frozenset[str]:
        return _folded(strings(data, key, where))

    def longest_first(key: str) -> tuple[str, ...]:  # phrases matched as written, longest first
        return tuple(sorted(strings(data, key, where), key=len, reverse=True))

    titles = listed("titles")
    return Cues(
        titles=titles,
        determiners=listed("determiners"),
        pronouns=listed("pronouns"),
        particles=listed("particles"),
        demonyms={fold(k): v for k, v in mapping(data, "demonyms", where).items()},
        not_actors=listed("not_actors"),
        organization_heads=listed("organization_heads"),
        organization_prefixes=listed("organization_prefixes"),
        location_heads=listed("location_heads"),
        location_prefixes=listed("location_prefixes"),
        location_cues=listed("location_cues"),
        not_actor_heads=listed("not_actor_heads"),
        backing_words=listed("backing_words"),
        alias_cues=longest_first("alias_cues"),
        alias_nouns=longest_first("alias_nouns"),
        alias_noun_cues=longest_first("alias_noun_cues"),
        alias_owners=tuple(strings(data, "alias_owners", where)),
        country_names={fold(k): v for k, v in mapping(data, "country_names", where).items()},
        dependent_territories=frozenset(strings(data, "dependent_territories", where)),
        max_title_words=max(len(t.split()) for t in titles),
        name_links=listed("name_links"),
        short_name_links=listed("short_name_links"),
        dropped_articles=listed("dropped_articles"),
        phrase_links=listed("phrase_links"),
        acronym_skips=listed("acronym_skips"),
        possessive_endings=listed("possessive_endings"),
        time_cues=words(data, "time_cues", where),
        name_articles=frozenset(strings(data, "name_articles", where)),
        place_articles=listed("place_articles"),
    )
