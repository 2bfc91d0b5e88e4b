"""FollowTheMoney entities of a selection, built with the `followthemoney` library itself.

Actors become Person, Organization, PublicBody (state bodies and the states themselves)
or Territory (places); relations become the FtM link that fits the predicate
(`PREDICATE_SCHEMA`), falling back to UnknownLink when the two actors do not fit that
link's ends; events become Event; articles become Article and are every entity's `proof`.
FtM has no certainty: it goes into each link's `status` and `description`. The mapping is
documented in docs/interop.md.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import PurePath
from typing import IO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from ..registry import load_registry
from ..wording import counted
from .selection import Selection, certainty_of

ID_PREFIX = "actorgraph"  # hashed into every entity id, so ids do not collide with other datasets'

# predicate -> (FtM schema, property of the subject, property of the object); the link's
# `role` always starts with the predicate, so nothing of the ontology is lost in the mapping.
PREDICATE_SCHEMA: dict[str, tuple[str, str, str]] = {
    "leads": ("Directorship", "director", "organization"),
    "deputy_of": ("Directorship", "director", "organization"),
    "member_of": ("Membership", "member", "organization"),
    "founded": ("UnknownLink", "subject", "object"),
    "part_of": ("Membership", "member", "organization"),
    "commands": ("Control", "controller", "controlled"),
    "supports": ("UnknownLink", "subject", "object"),
    "allied_with": ("UnknownLink", "subject", "object"),
    "opposes": ("UnknownLink", "subject", "object"),
    "targeted": ("UnknownLink", "subject", "object"),
    "met_with": ("UnknownLink", "subject", "object"),
    "based_in": ("UnknownLink", "subject", "object"),
    "operates_in": ("UnknownLink", "subject", "object"),
    "associated_with": ("Associate", "person", "associate"),
}
FALLBACK = ("UnknownLink", "subject", "object")

# Names of organizations outside the registry that make them state bodies (PublicBody).
STATE_BODY_WORDS = re.compile(
    r"\b(ministry|minister|department|army|armed forces|defen[cs]e forces|navy|air force|police|"
    r"government|parliament|senate|congress|cabinet|presidency|embassy|consulate|intelligence|"
    r"security forces|national guard|guard corps|revolutionary guards?|central bank|treasury|"
    r"state department|white house|pentagon|administration|judiciary|supreme court)\b", re.I)
# ...unless the name says it is a business, a party or an association ("May Department Stores").
NOT_STATE_BODY_WORDS = re.compile(
    r"\b(stores?|hotels?|services|party|association|union|unit|inc|ltd|plc|llc|group|company|corp|corporation|"
    r"holdings?|foundation|institute)\b", re.I)


@lru_cache(maxsize=1)
def _state_bodies() -> frozenset[str]:
    """Registry ids of organizations placed, through their parents, under a state (a country code)."""
    registry = load_registry()
    out: set[str] = set()
    for actor in registry.actors.values():
        if actor.type != "organization":
            continue
        seen, parent = {actor.id}, actor.parent
        while parent and parent not in seen:
            if re.fullmatch(r"[a-z]{2}", parent):
                out.add(actor.id)
                break
            seen.add(parent)
            up = registry.get(parent)
            parent = up.parent if up is not None else None
    return frozenset(out)


def actor_schema(type_: str, name: str, registry_id: str | None) -> str:
    """The FtM schema of an actor of this type (see docs/interop.md for why)."""
    if type_ == "person":
        return "Person"
    if type_ == "country":
        return "PublicBody"  # a state acts (supports, targets, is a party): it must be a LegalEntity
    if type_ == "location":
        return "Territory"
    if registry_id in _state_bodies() or (registry_id is None and STATE_BODY_WORDS.search(name)
                                          and not NOT_STATE_BODY_WORDS.search(name)):
        return "PublicBody"
    return "Organization"


def _entity(schema: str, *key: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.make_id(ID_PREFIX, *key)
    return entity


def _certainty_text(row: dict) -> str:
    parts = ", ".join(f"{row[c]} {c}" for c in ("asserted", "reported", "uncertain", "negated") if row[c])
    review = "" if row.get("review", "unreviewed") == "unreviewed" else f"; review: {row['review']}"
    return (f"certainty: {certainty_of(row)} ({parts}); {counted(row['stories'], 'independent source')}; "
            f"{counted(row['statements'], 'statement')} in {counted(row['sources'], 'article')}{review}")


def _fits(schema_name: str, prop: str, entity: EntityProxy) -> bool:
    return entity.schema.is_a(model.get(schema_name).get(prop).range)


def entities(selection: Selection, known_ids: dict[str, str] | None = None) -> Iterator[EntityProxy]:
    """The FtM entities of the selection: articles, actors, relations, events (in that order).

    `known_ids` maps registry ids to FtM ids: an actor imported from FtM data keeps its id.
    """
    known_ids = known_ids or {}
    store = selection.store
    article_ids: dict[str, str] = {}
    for row in selection.rows("articles"):
        a = _entity("Article", "article", row["id"])
        a.add("title", row["title"] or PurePath(row["source"].split("#", 1)[0]).name)
        a.add("fileName", PurePath(row["source"].split("#", 1)[0]).name)
        a.add("publishedAt", row["published"])
        a.add("sourceUrl", row["url"], quiet=True)  # a relative or malformed URL is left out
        a.add("language", row["language"], quiet=True)
        a.add("bodyText", row["text"])
        a.add("recordId", row["id"], quiet=True)
        article_ids[row["id"]] = a.id
        yield a

    mentioned: dict[str, list[str]] = defaultdict(list)
    for actor_id, article_id in store.rows(
            "SELECT DISTINCT aa.actor_id, aa.article_id FROM article_actors aa JOIN x_actors x ON x.id = aa.actor_id "
            "JOIN x_articles xa ON xa.id = aa.article_id ORDER BY 1, 2"):
        mentioned[actor_id].append(article_id)
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in selection.rows("aliases"):
        aliases[row["actor_id"]].append(row["name"])
    actors: dict[str, EntityProxy] = {}
    for row in selection.rows("actors"):
        e = _entity(actor_schema(row["type"], row["name"], row["registry_id"]), "actor", row["id"])
        if row["registry_id"] in known_ids:
            e.id = known_ids[row["registry_id"]]
        e.add("name", row["name"])
        e.add("alias", aliases.get(row["id"], []))
        e.add("wikidataId", row["wikidata"])
        if row["type"] == "country":
            e.add("country", row["name"], quiet=True)  # FtM cleans a country's name to its code
            e.add("classification", "state")
        e.add("notes", f"actorgraph actor {row['id']} ({row['type']})"
                       + (f", registry id {row['registry_id']}" if row["registry_id"] else ""))
        e.add("proof", [article_ids[a] for a in mentioned.get(row["id"], [])])
        actors[row["id"]] = e
        yield e

    evidence: dict[str, list[dict]] = defaultdict(list)
    for row in selection.rows("evidence"):
        evidence[row["relation_id"]].append(row)
    for row in selection.rows("relations"):
        subject, object_ = actors[row["subject"]], actors[row["object"]]
        schema, sprop, oprop = PREDICATE_SCHEMA.get(row["predicate"], FALLBACK)
        if not (_fits(schema, sprop, subject) and _fits(schema, oprop, object_)):
            schema, sprop, oprop = FALLBACK
        link = _entity(schema, "relation", row["id"])
        link.add(sprop, subject.id)
        link.add(oprop, object_.id)
        role = row["predicate"] + (f": {row['roles']}" if row["roles"] else "")
        link.add("relationship" if schema == "Associate" else "role", role)
        if "status" in link.schema.properties:  # Associate has none; its description says it too
            link.add("status", certainty_of(row))
        link.add("description", _certainty_text(row))
        statements = evidence.get(row["id"], [])
        link.add("summary", [f"[{s['certainty']}{'; REJECTED by a reviewer' if s['review'] == 'rejected' else ''}] "
                             f"{s['sentence']}" for s in statements if s["sentence"]])
        link.add("date", [s["date"] for s in statements if s["date"]], quiet=True)
        link.add("proof", [article_ids[s["article_id"]] for s in statements])
        link.add("recordId", row["id"])
        yield link

    participants: dict[str, list[dict]] = defaultdict(list)
    for row in selection.rows("event_participants"):
        participants[row["event_id"]].append(row)
    for row in selection.rows("events"):
        ev = _entity("Event", "event", row["id"])
        place = actors.get(row["place"]) if row["place"] else None
        place_name = place.first("name") if place is not None else None
        ev.add("name", row["type"] + (f" in {place_name}" if place_name else "")
               + (f" ({row['date']})" if row["date"] else ""))
        ev.add("keywords", row["type"])
        ev.add("summary", row["sentence"])
        ev.add("date", row["date"], quiet=True)
        ev.add("description", f"certainty: {row['certainty']}" + (f"; when: {row['date_text']}" if row["date_text"] else ""))
        ev.add("proof", article_ids[row["article_id"]])
        if place is not None:
            ev.add("location", place_name)
            ev.add("country", place.get("country"))
        for p in participants.get(row["id"], []):
            who = actors[p["actor_id"]]
            if who.schema.is_a(model.get("LegalEntity")):
                ev.add("involved", who.id)
                if p["role"] == "agent":
                    ev.add("organizer", who.id)
            elif place is None:  # a place named as a participant is where it happened
                ev.add("location", who.first("name"))
        yield ev
        if place is not None:  # the place as a link too, so the Territory is reachable from the event
            at = _entity("UnknownLink", "event-place", row["id"])
            at.add("subject", ev.id)
            at.add("object", place.id)
            at.add("role", "place of the event")
            at.add("proof", article_ids[row["article_id"]])
            yield at


def write_ftm(selection: Selection, out: IO[str], known_ids: dict[str, str] | None = None) -> int:
    """Write the entities as line-delimited JSON (FtM's own serialisation); returns how many."""
    n = 0
    for entity in entities(selection, known_ids):
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
