"""Merges and splits as review decisions on real store files: who made them, the state before, and undo
that gives both actors back with their edges, statements and names; an undone merge or split is not
applied again by later ingests."""
from __future__ import annotations

import pytest
from graph_articles import Hand

from actorgraph.errors import DecisionError
from actorgraph.store import Store, add_extraction, decisions, merge, reviews, split, undo

# Every table a merge or split changes, in a stable order (created_at aside: a timestamp, compared apart).
TABLES = {
    "actors": "SELECT id, name, type, registry_id, wikidata FROM actors ORDER BY id",
    "article_actors": "SELECT article_id, local_id, actor_id, name, registry_id, wikidata, reason, signature "
                      "FROM article_actors ORDER BY ALL",
    "actor_names": "SELECT * FROM actor_names ORDER BY ALL",
    "actor_keys": "SELECT * FROM actor_keys ORDER BY ALL",
    "actor_signatures": "SELECT signature, actor_id, name, reason, occurrences FROM actor_signatures ORDER BY ALL",
    "name_pins": "SELECT * FROM name_pins ORDER BY ALL",
    "statements": "SELECT id, relation_id, subject, predicate, object FROM statements ORDER BY id",
    "relations": "SELECT * FROM relations ORDER BY id",
    "actor_stats": "SELECT * FROM actor_stats ORDER BY ALL",
    "actor_spellings": "SELECT * FROM actor_spellings ORDER BY ALL",
    "watch_list": "SELECT actor_id, name FROM watch_list ORDER BY ALL",
    "decisions": "SELECT seq, kind, actor_id, other_id, name FROM decisions ORDER BY seq",
}


def state(store: Store) -> dict[str, list]:
    return {k: store.rows(sql) for k, sql in TABLES.items()}


def article(source: str, text: str, *actors: tuple[str, str, str | None], date: str = "2021-01-01") -> Hand:
    """An article whose first actor `supports` each other one, one sentence each."""
    h = Hand(source, text, date)
    ids = [h.actor(name, type_, registry_id=reg) for name, type_, reg in actors]
    for sentence, other in zip(text.split(". "), ids[1:]):
        h.relation(ids[0], "supports", other, sentence.rstrip(".") + ".")
    return h


ONE = article("hand/a.txt", "Tehran backs the Badr Organization. Tehran backs the Popular Mobilization Forces.",
              ("Tehran", "location", None), ("Badr Organization", "organization", None),
              ("Popular Mobilization Forces", "organization", None))
TWO = article("hand/b.txt", "Iran armed the Badr Organization.", ("Iran", "country", "iran"),
              ("Badr Organization", "organization", None), date="2022-02-02")
LATER = article("hand/c.txt", "Tehran funded the Badr Organization in 2023.", ("Tehran", "location", None),
                ("Badr Organization", "organization", None), date="2023-03-03")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as st:
        add_extraction(st, ONE.extraction())
        add_extraction(st, TWO.extraction())
        yield st


def actor_id(store: Store, name: str) -> str:
    return store.value("SELECT id FROM actors WHERE name = ?", [name])


def test_undo_of_a_merge_gives_both_actors_back_with_their_edges_statements_and_names(store):
    iran, tehran = actor_id(store, "Iran"), actor_id(store, "Tehran")
    store.conn.execute("INSERT INTO watch_list VALUES (?, 'Tehran', now())", [tehran])
    before = state(store)
    d = merge(store, iran, tehran, note="Tehran stands for the state here", reviewer="ann")
    assert store.value("SELECT count(*) FROM actors WHERE id = ?", [tehran]) == 0
    assert store.value("SELECT count(*) FROM relations WHERE subject = ?", [iran]) == 2  # Badr, PMF
    done = reviews(store)[-1]
    assert (done.seq, done.kind, done.reviewer, done.target_id) == (d.review, "merge", "ann", iran)
    assert done.before["other"]["name"] == "Tehran" and len(done.before["moved"]) == 1
    undone = undo(store, d.review, reviewer="bob")
    assert undone.kind == "undo" and undone.undoes == d.review
    assert state(store) == before
    assert [r.undone_by for r in reviews(store)] == [undone.seq, None]
    # the undone merge is not applied again: a later article naming Tehran gives Tehran its edge
    add_extraction(store, LATER.extraction())
    assert actor_id(store, "Tehran") == tehran
    assert store.value("SELECT statements FROM relations WHERE subject = ? AND object = ?",
                       [tehran, actor_id(store, "Badr Organization")]) == 2
    assert store.value("SELECT count(*) FROM article_actors WHERE actor_id = ?", [iran]) == 1
    assert decisions(store) == []


def test_undo_of_a_split_gives_the_mentions_back_and_drops_the_new_actor_and_its_pin(store):
    iran, tehran = actor_id(store, "Iran"), actor_id(store, "Tehran")
    merge(store, iran, tehran, reviewer="ann")
    before = state(store)
    d = split(store, iran, "Tehran", reviewer="ann")
    assert store.value("SELECT name FROM actors WHERE id = ?", [d.other_id]) == "Tehran"
    assert store.value("SELECT count(*) FROM name_pins") >= 1
    undo(store, d.review, reviewer="ann")
    assert state(store) == before
    # with the split undone (the merge stands), a later article naming Tehran goes to the merged actor
    add_extraction(store, LATER.extraction())
    assert store.value("SELECT count(*) FROM actors WHERE name = 'Tehran'") == 0
    assert store.value("SELECT count(*) FROM article_actors WHERE actor_id = ?", [iran]) == 3


def test_a_merge_cannot_be_undone_after_a_later_decision_on_the_same_actors(store):
    iran, tehran, badr = actor_id(store, "Iran"), actor_id(store, "Tehran"), actor_id(store, "Badr Organization")
    first = merge(store, iran, tehran, reviewer="ann")
    second = split(store, iran, "Tehran", reviewer="ann")
    with pytest.raises(DecisionError, match=f"#{second.review}"):
        undo(store, first.review, reviewer="ann")
    undo(store, second.review, reviewer="ann")
    undo(store, first.review, reviewer="ann")
    assert {actor_id(store, "Iran"), actor_id(store, "Tehran")} == {iran, tehran}
    assert store.value("SELECT count(*) FROM relations WHERE subject = ? AND object = ?", [tehran, badr]) == 1
