"""`changes --watched` on a store with more changes than the limit: the watched actor's are all there.

The watched filter used to run after the SQL LIMIT, so a watched actor whose changes came after the
first `limit` rows of everyone's lost them.
"""
from __future__ import annotations

import pytest

from actorgraph import query
from actorgraph.model import Event, Evidence, Participant
from actorgraph.store import Store, add_extractions
from actorgraph.store.watch import watch
from graph_articles import Hand

LIMIT = 5
ARTICLES = 12  # more new actors and events than LIMIT


def _article(n: int, name: str) -> Hand:
    sentence = f"Fighters of the {name} shelled the village of Kafr {n} on Tuesday."
    a = Hand(f"hand/raid-{n}.txt", f"{sentence} Residents fled north.", f"2024-05-{n:02d}")
    group = a.actor(name, "organization")
    village = a.actor(f"Kafr {n}", "location")
    a.relation(group, "targeted", village, sentence)
    ex = a.extraction()
    ev = Evidence(a.article.source, sentence, 0, len(sentence), extractor="hand@1")
    ex.events.append(Event("attack", [Participant(group, "agent"), Participant(village, "target")], [ev],
                           date=f"2024-05-{n:02d}", place=village))
    return ex


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as st:
        names = [f"Liwa Test Brigade {n}" for n in range(1, ARTICLES + 1)]
        add_extractions(st, [_article(n, name) for n, name in enumerate(names, 1)])
        last = query.find_actor(st, names[-1])  # its changes come after everyone else's
        watch(st, last.id, last.name)
        yield st, last


def test_a_watched_actor_beyond_the_limit_keeps_its_new_actor_edge_and_event(store):
    st, last = store
    everyone = query.changes(st, since="2000-01-01", limit=LIMIT)
    assert len(everyone["new_actor"]) == LIMIT and len(everyone["new_event"]) == LIMIT
    assert last.id not in {a["actors"][0]["id"] for a in everyone["new_actor"]}  # cut by the limit

    watched = query.changes(st, since="2000-01-01", watched=True, limit=LIMIT)
    assert [a["actors"][0]["id"] for a in watched["new_actor"]] == [last.id]
    assert [e["actors"][0]["id"] for e in watched["new_edge"]] == [last.id]
    assert [{a["id"] for a in e["actors"]} >= {last.id} for e in watched["new_event"]] == [True]
    assert watched["new_event"][0]["evidence"]["source"] == f"hand/raid-{ARTICLES}.txt"


def test_the_limit_still_applies_to_the_watched_changes(store):
    st, _ = store
    for n in range(1, ARTICLES):  # watch every brigade: more watched changes than the limit
        actor = query.find_actor(st, f"Liwa Test Brigade {n}")
        watch(st, actor.id, actor.name)
    watched = query.changes(st, since="2000-01-01", watched=True, limit=LIMIT)
    assert len(watched["new_actor"]) == LIMIT and len(watched["new_event"]) == LIMIT
    assert len(watched["new_edge"]) == LIMIT
