"""Questions an analyst asks of the store; each is one function here and one command.

    show(store, name)                 profile: aliases, ids, merges, relations by predicate, events, quotes, figures
    path(store, a, b, ...)            the shortest chains of command or support from one actor down (or up) to
                                      another, each hop with its sentence
    neighbors(store, name)            linked actors          where(store, name)      places
    timeline(store, name)             dated items            evidence(store, a, p, b) every statement of an edge
    search(store, text)               names and sentences    stats(store)            counts, most connected
    find_actor(store, name)           name lookup: id, folded name or alias, surname, then fuzzy
    changes(store, since, watched)    new actors, edges, confirmations, contradictions, events, with evidence

Every function returns a JSON-ready dict; `render` turns each into readable text.
"""
from .changes import changes
from .lookup import ActorRef, find_actor
from .overview import search, stats
from .path import DEFAULT_PREDICATES, DIRECTIONS, path
from .profile import evidence, neighbors, show, timeline, where

__all__ = ["changes", "ActorRef", "DEFAULT_PREDICATES", "DIRECTIONS", "evidence", "find_actor", "neighbors", "path", "search",
           "show", "stats", "timeline", "where"]
