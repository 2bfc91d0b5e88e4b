"""Places on the map: positions from the offline gazetteer (`gazetteer.py`), operating areas, targets, corridors.

Countries are named by their ISO 3166 numeric code, which is the id of their shape in the
vendored Natural Earth TopoJSON, so the page draws and centres them itself. A corridor is an ordered run of places
written "from X to Y (to Z...)" in one sentence of an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..query.filters import REJECTED_TOO
from ..query.places import NAMED_WITH, named_with
from ..store import Store
from ..store.review import edge_states
from . import gazetteer

PLACE_PREDICATES = ("operates_in", "based_in", "targeted")
PLACE_TYPES = ("location", "country")
MAX_PLACES = 300
MAX_ARTICLES = 200  # articles scanned for corridors per map (the latest)

_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_THEN = re.compile(r"^\s*,?\s*(?:and\s+|then\s+|and\s+then\s+|on\s+)?(?:to|into|through|via|towards?)\s+(?:the\s+)?$",
                   re.IGNORECASE)


def locate(names: list[str], type_: str, country: str | None = None) -> dict | None:
    """Where an actor of type location/country is: {"lat", "lon", ...} for a point, {"iso"} for a country."""
    found = gazetteer.locate(names, type_, country)
    return found.as_dict() if found is not None else None


@lru_cache(maxsize=1)
def _registry_countries() -> dict[str, str]:
    """Registry id -> the country the registry says a place lies in (ISO alpha-2)."""
    from ..registry import load_registry
    return {a.id: a.country for a in load_registry().actors.values() if a.country}


@lru_cache(maxsize=1)
def _registry_positions() -> dict[str, dict]:
    """Registry id -> where a place no gazetteer holds is drawn: the centre of the places the registry
    says it lies among (`near`), each placed by the gazetteer in its country ("Red Sea": Jeddah, Port
    Sudan, Al Hudaydah, Suez, Massawa). A place whose `near` the gazetteer cannot place is left out."""
    from ..registry import load_registry
    out = {}
    for actor in load_registry().actors.values():
        points = [gazetteer.locate([name], "location", country) for name, country in actor.near]
        points = [p for p in points if p is not None and p.lat is not None]
        if actor.near and len(points) == len(actor.near):
            out[actor.id] = {"lat": sum(p.lat for p in points) / len(points),
                             "lon": sum(p.lon for p in points) / len(points),
                             "country": actor.country.upper() if actor.country else None,
                             "kind": "area" if len(points) > 1 else "place", "found": actor.name}
    return out


def _places(store: Store, actor_ids: list[str]) -> dict[str, dict]:
    """Id -> place record (name, type, position) for those actors that the gazetteer places."""
    names: dict[str, list[str]] = {}
    meta: dict[str, tuple[str, str, str | None]] = {}
    countries = _registry_countries()
    registered: dict[str, str] = {}
    for actor_id, name, type_, registry_id, alias in store.rows("""
            SELECT a.id, a.name, a.type, a.registry_id, n.name FROM actors a LEFT JOIN actor_names n ON n.actor_id = a.id
            WHERE list_contains(?, a.id) ORDER BY a.id, n.words DESC""", [actor_ids]):
        meta[actor_id] = (name, type_, countries.get(registry_id or ""))
        if registry_id:
            registered[actor_id] = registry_id
        names.setdefault(actor_id, [name])
        if alias and alias not in names[actor_id]:
            names[actor_id].append(alias)
    out = {}
    for actor_id, (name, type_, country) in meta.items():
        where = locate(names[actor_id], type_, country) or _registry_positions().get(registered.get(actor_id, ""))
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


def _edges_sql(include_rejected: bool, where: str = "") -> str:
    """SQL: the edges to draw; with `include_rejected`, counted again from every statement, rejected ones too."""
    if not include_rejected:
        return "relations"
    return (f"(SELECT relation_id AS id, any_value(subject) AS subject, any_value(predicate) AS predicate, "
            f"any_value(object) AS object, count(DISTINCT article_id) AS sources FROM {REJECTED_TOO} s {where} "
            f"GROUP BY relation_id)")


def actor_map(store: Store, actor_id: str | None, limit: int = MAX_PLACES, include_rejected: bool = False) -> dict:
    """Places to draw: an actor's operating areas, bases, targets and event places (or the busiest places), and corridors.

    Relations a reviewer rejected draw nothing unless `include_rejected`; each link says its edge's review state."""
    if actor_id:
        rows = store.rows(f"""
            SELECT r.object, r.predicate, r.sources, r.id FROM {_edges_sql(include_rejected, "WHERE s.subject = ?")} r
            JOIN actors o ON o.id = r.object
            WHERE r.subject = ? AND list_contains(?, r.predicate) AND list_contains(?, o.type)
            ORDER BY r.sources DESC LIMIT ?""", [*([actor_id] if include_rejected else []), actor_id,
                                                  list(PLACE_PREDICATES), list(PLACE_TYPES), limit])
        rows += store.rows("""
            SELECT i.place_id, 'event: ' || e.type, count(*), NULL FROM actor_items i
            JOIN events e ON e.id = i.item_id AND e.article_id = i.article_id
            WHERE i.actor_id = ? AND i.kind = 'event' AND i.place_id IS NOT NULL
            GROUP BY ALL ORDER BY 3 DESC LIMIT ?""", [actor_id, limit])  # the store's per-actor item summary
        if not rows:  # no relation or event places the actor: the places named in its sentences
            rows = [(p["place"]["id"], NAMED_WITH, p["sources"], None) for p in named_with(store, actor_id)]
        articles = [a for (a,) in store.rows("""SELECT aa.article_id FROM article_actors aa
            JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id = ? GROUP BY ALL ORDER BY max(a.seq) DESC LIMIT ?""",
                                             [actor_id, MAX_ARTICLES])]
    else:
        rows = store.rows(f"""
            SELECT r.object, r.predicate, sum(r.sources) AS n, NULL FROM {_edges_sql(include_rejected)} r
            JOIN actors o ON o.id = r.object
            WHERE list_contains(?, r.predicate) AND list_contains(?, o.type)
            GROUP BY ALL ORDER BY n DESC LIMIT ?""", [list(PLACE_PREDICATES), list(PLACE_TYPES), limit])
        articles = [a for (a,) in store.rows("SELECT id FROM articles ORDER BY seq DESC LIMIT ?", [MAX_ARTICLES])]
    corridors = corridors_in(store, articles)
    wanted = list(dict.fromkeys([r[0] for r in rows] + [p for c in corridors for p in c["places"]]))
    places = _places(store, wanted) if wanted else {}
    links: dict[str, list[dict]] = {}
    reviews = edge_states(store, [r[3] for r in rows if r[3]])
    for place, predicate, sources, rid in rows:  # count: sources of a relation, or events there
        if place in places:
            links.setdefault(place, []).append({"how": predicate, "count": int(sources), "relation": rid,
                                                "review": reviews.get(rid) if rid else None})
    corridors = [c for c in corridors if sum(p in places for p in c["places"]) >= 2]
    return {"actor": actor_id, "include_rejected": include_rejected, "places": [places[p] | {"links": links.get(p, [])} for p in wanted if p in places],
            "unplaced": [p for p in dict.fromkeys(r[0] for r in rows) if p not in places], "corridors": corridors}
