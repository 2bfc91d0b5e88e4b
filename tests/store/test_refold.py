"""One fold for names: a store keyed by the fold of before version 4 is keyed again when opened."""
from __future__ import annotations

import duckdb
from graph_articles import Hand

from actorgraph import query
from actorgraph.names import fold
from actorgraph.store import Store, add_extraction

OLD = {"Popular Mobilisation Forces": "popular mobilisation forces", "PMF": "pmf"}  # the old fold's keys


def _article(source: str, name: str):
    d = Hand(source, f"The {name} said on Monday that it would stay.", "2021-01-04")
    d.actor(name, "organization", *(["PMF"] if "Mobilisation" in name else []))
    return d.extraction()


def test_an_old_store_is_refolded_and_a_later_spelling_joins_the_same_actor(tmp_path):
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        add_extraction(store, _article("hand/pmf.txt", "Popular Mobilisation Forces"))
        (actor_id,) = store.value("SELECT list(id) FROM actors")
    assert fold("Popular Mobilisation Forces") == fold("Popular Mobilization Forces") == "popular mobilization forces"

    # what a store written before version 4 holds: keys of the old fold, no migration 4
    conn = duckdb.connect(str(path))
    conn.execute("UPDATE actor_names SET folded = 'popular mobilisation forces', loose = 'popular mobilisation forces' "
                 "WHERE name = 'Popular Mobilisation Forces'")
    conn.execute("UPDATE article_actors SET folded = ['popular mobilisation forces', 'pmf']")
    conn.execute("INSERT INTO name_pins VALUES ('popular mobilisation forces', 'organization', ?)", [actor_id])
    conn.execute("DELETE FROM migrations WHERE version >= 4")
    conn.close()

    with Store.open(path) as store:
        assert store.version() >= 4
        assert sorted(store.rows("SELECT name, folded, loose FROM actor_names")) == [
            ("PMF", "pmf", "pmf"),
            ("Popular Mobilisation Forces", "popular mobilization forces", "popular mobilization forces")]
        assert store.rows("SELECT folded FROM article_actors") == [(["popular mobilization forces", "pmf"],)]
        assert store.rows("SELECT folded FROM name_pins") == [("popular mobilization forces",)]
        assert query.find_actor(store, "Popular Mobilization Forces").id == actor_id
        add_extraction(store, _article("hand/pmf2.txt", "Popular Mobilization Forces"))
        assert store.rows("SELECT DISTINCT actor_id FROM article_actors") == [(actor_id,)]
