"""The type-ahead's keys (actor_search) stay equal to a rebuild from scratch after every kind of write,
and the type-ahead answers from them: a word's start finds the actor, the most cited first."""
from __future__ import annotations

from graph_articles import Hand, chain_articles

from summary_check import kept, recounted

from actorgraph.store import Store, add_extraction, add_extractions, merge, reject_statement, remove_alias, \
    rename_actor, split, statement
from actorgraph.store.manual import actor as actor_state
from actorgraph.web.catalogue import search_actors


def names(store: Store, text: str, limit: int = 10) -> list[str]:
    return [a["name"] for a in search_actors(store, text, limit=limit)["actors"]]


def brigades() -> list:
    """Three articles about the Popular Mobilization Forces, one about a Mobile Brigade named once."""
    out = []
    for n in range(3):
        sentence = f"The Badr Organization backed the Popular Mobilization Forces in report {n}."
        h = Hand(f"hand/pmf-{n}.txt", sentence, f"2021-0{n + 1}-01")
        badr = h.actor("Badr Organization", "organization")
        pmf = h.actor("Popular Mobilization Forces", "organization", "PMF")
        h.relation(badr, "supports", pmf, sentence)
        out.append(h.extraction())
    h = Hand("hand/mobile.txt", "The Mobile Brigade of Kirkuk fought the Popular Resistance Front.", "2021-05-01")
    h.actor("Mobile Brigade of Kirkuk", "organization")
    h.actor("Popular Resistance Front", "organization")
    out.append(h.extraction())
    return out


def test_a_word_start_finds_the_actor_most_cited_first_and_whole_names_before_inner_words(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extractions(store, brigades())
        assert kept(store) == recounted(store)
        # "popular": two names start with it; the one in three articles comes first
        assert names(store, "popular") == ["Popular Mobilization Forces", "Popular Resistance Front"]
        # "mobil" starts a whole name (Mobile Brigade) and an inner word (Popular Mobilization Forces)
        assert names(store, "Mobil") == ["Mobile Brigade of Kirkuk", "Popular Mobilization Forces"]
        # an alias finds its actor, which says which of its names matched
        found = search_actors(store, "pmf")["actors"]
        assert [(a["name"], a["matched"]) for a in found] == [("Popular Mobilization Forces", "PMF")]
        assert search_actors(store, "popular", limit=1) | {"actors": None} == {
            "q": "popular", "offset": 0, "limit": 1, "total": 2, "actors": None}
        assert names(store, "popular", limit=1) == ["Popular Mobilization Forces"]
        # no word starts with it: the names that contain it, as before
        assert names(store, "irkuk") == ["Mobile Brigade of Kirkuk"]
        assert names(store, "zzqx") == []
        assert names(store, "'; DROP TABLE actors;--") == [] and store.value("SELECT count(*) FROM actors") == 4


def test_keys_follow_ingest_merge_split_alias_removal_rename_and_review(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in chain_articles():
            add_extraction(store, ex)
        add_extractions(store, brigades())
        assert kept(store) == recounted(store)
        before = search_actors(store, "badr")["actors"][0]["articles"]
        add_extraction(store, Hand("hand/nobody.txt", "Nobody was named here.", "2022-01-01").extraction())
        assert kept(store) == recounted(store)  # an article naming no one changes nothing
        more = Hand("hand/badr-more2.txt", "The Badr Organization met in Basra.", "2022-01-02")
        more.actor("Badr Organization", "organization")
        add_extraction(store, more.extraction())
        assert kept(store) == recounted(store)
        assert search_actors(store, "badr")["actors"][0]["articles"] == before + 1  # counts follow ingest

        badr = store.value("SELECT id FROM actors WHERE name = 'Badr Organization'")
        hz = store.value("SELECT id FROM actors WHERE name = 'Hezbollah'")
        merge(store, hz, badr)
        assert kept(store) == recounted(store)
        assert "Badr Organization" not in names(store, "badr")  # its name now finds the actor kept
        assert search_actors(store, "badr")["actors"][0]["id"] == hz

        split(store, hz, "Badr Organization")
        assert kept(store) == recounted(store)
        assert names(store, "badr") == ["Badr Organization"]

        pmf = store.value("SELECT id FROM actors WHERE name = 'Popular Mobilization Forces'")
        remove_alias(store, pmf, "PMF")
        assert kept(store) == recounted(store)
        assert names(store, "pmf") == []

        rename_actor(store, pmf, "Hashd al-Shaabi", version=actor_state(store, pmf).version, reviewer="t")
        assert kept(store) == recounted(store)
        assert names(store, "hashd") == ["Hashd al-Shaabi"] and names(store, "shaabi") == ["Hashd al-Shaabi"]

        sid = store.value("SELECT id FROM statements WHERE subject = ? OR object = ? ORDER BY id LIMIT 1", [pmf, pmf])
        reject_statement(store, sid, version=statement(store, sid).version, reviewer="t", reason="not said")
        assert kept(store) == recounted(store)
