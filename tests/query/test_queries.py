"""Each question on a real store built from hand-made extractions, through Python and the CLI."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from graph_articles import chain_articles

from actorgraph import query
from actorgraph.errors import AmbiguousActorError, EmptyStoreError, FilterError, UnknownActorError
from actorgraph.store import Store, add_extraction


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        for ex in chain_articles():
            add_extraction(store, ex)
    return path


@pytest.fixture
def store(store_path):
    with Store.open(store_path) as s:
        yield s


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "actorgraph.cli", *args], capture_output=True, text=True,
                          env=os.environ, timeout=300)


def test_path_from_khamenei_to_asaib_ahl_al_haq_has_a_sentence_per_hop(store):
    r = query.path(store, "Ali Khamenei", "Asaib Ahl al-Haq")
    assert r["chains"], r
    chain = r["chains"][0]
    assert chain["actors"] == ["Ali Khamenei", "Islamic Revolutionary Guard Corps", "Quds Force", "Asaib Ahl al-Haq"]
    assert [h["predicate"] for h in chain["hops"]] == ["commands", "part_of", "commands"]
    assert all(h["sentence"] and h["source"].startswith("hand/") for h in chain["hops"])
    assert not query.path(store, "Ali Khamenei", "Asaib Ahl al-Haq", predicates=["leads"])["chains"]
    assert not query.path(store, "Ali Khamenei", "Asaib Ahl al-Haq", until="2019-12-31")["chains"]


def test_show_gives_aliases_ids_merges_relations_and_timeline(store):
    r = query.show(store, "Qassem Soleimani")
    assert r["actor"]["name"] == "Qasem Soleimani" and r["actor"]["registry_id"] == "qasem_soleimani"
    assert "Qassem Soleimani" in r["aliases"]
    assert {m["reason"].split(":")[0] for m in r["resolution"]} == {"new", "fuzzy 0.98"}
    assert set(r["relations"]) == {"leads", "met_with"}
    assert r["relations"]["leads"][0]["evidence"][0]["sentence"].startswith("Qassem Soleimani led")
    assert [i["date"] for i in r["timeline"]] == ["2020", "2020-01-10"]


def test_neighbors_where_timeline_evidence_search_stats(store):
    n = query.neighbors(store, "Asaib Ahl al-Haq")
    assert {(e["predicate"], e["direction"], e["other"]["name"]) for e in n["neighbors"]} == {
        ("commands", "in", "Quds Force"), ("leads", "in", "Qais al-Khazali"), ("supports", "in", "Hezbollah")}
    assert query.where(store, "Nasrallah")["places"][0]["place"]["name"] == "Beirut"
    assert query.timeline(store, "Hezbollah")["timeline"][0]["date"] == "2020-01-05"
    ev = query.evidence(store, "Hizballah", "supports", "Asaib Ahl al-Haq")
    assert ev["contradicted"] and ev["sources"] == 2 and {s["certainty"] for s in ev["evidence"]} == {"asserted", "negated"}
    assert query.evidence(store, "Nasrallah", "met_with", "Soleimani")["statements"] == 1  # either way
    s = query.search(store, "quds")
    assert s["actors"][0]["name"] == "Quds Force" and s["statements"]
    st = query.stats(store)
    assert st["counts"]["articles"] == 3 and st["counts"]["contradicted_relations"] == 1
    assert st["most_connected"][0]["name"] == "Asaib Ahl al-Haq"


def test_bad_names_and_an_empty_store_get_clear_errors(store, tmp_path):
    with pytest.raises(UnknownActorError, match="Zorro"):
        query.show(store, "Zorro")
    with Store.open(tmp_path / "empty.duckdb") as empty, pytest.raises(EmptyStoreError, match="ingest"):
        query.show(empty, "Hezbollah")
    assert query.find_actor(store, "Hizbollah").name == "Hezbollah"  # fuzzy, one clear winner


def test_an_ambiguous_name_lists_the_candidates(tmp_path):
    from graph_articles import Hand
    h = Hand("k.txt", "Qais al-Khazali and Laith al-Khazali lead the group.")
    h.actor("Qais al-Khazali", "person")
    h.actor("Laith al-Khazali", "person")
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extraction(store, h.extraction())
        with pytest.raises(AmbiguousActorError) as info:
            query.show(store, "Khazali")
        assert {c[1] for c in info.value.candidates} == {"Qais al-Khazali", "Laith al-Khazali"}
    proc = cli("show", "Khazali", "--store", str(tmp_path / "g.duckdb"))
    assert proc.returncode == 2 and "Laith al-Khazali" in proc.stderr and "Qais al-Khazali" in proc.stderr


def test_a_name_with_near_duplicate_nodes_lists_them_rather_than_picking_one(tmp_path):
    from graph_articles import Hand
    a = Hand("a.txt", "Al-Shabaab fighters attacked the base.")
    a.actor("Al-Shabaab", "organization")
    b = Hand("b.txt", "Al-Shabab said the talks had failed.")
    b.actor("Al-Shabab", "person")  # typed otherwise in one article: kept apart, but close
    c = Hand("c.txt", "The Northern Front met Dario Vela.")
    c.actor("Northern Front", "organization")
    with Store.open(tmp_path / "g.duckdb") as store:
        for h in (a, b, c):
            add_extraction(store, h.extraction())
        with pytest.raises(AmbiguousActorError) as info:
            query.show(store, "al-Shabaab")
        assert info.value.near and {c[1] for c in info.value.candidates} == {"Al-Shabaab", "Al-Shabab"}
        assert query.find_actor(store, "Northern Front").name == "Northern Front"  # nothing near: found
        shabab = store.value("SELECT id FROM actors WHERE name = 'Al-Shabab'")
        assert query.show(store, shabab)["actor"]["type"] == "person"  # an id says which
    proc = cli("show", "al-Shabaab", "--store", str(tmp_path / "g.duckdb"))
    assert proc.returncode == 2 and "close to the names of 2 actors" in proc.stderr and "Al-Shabab (person" in proc.stderr


def test_cli_questions_print_tables_and_json(store_path):
    proc = cli("path", "Khamenei", "Asaib Ahl al-Haq", "--store", str(store_path))
    assert proc.returncode == 0, proc.stderr
    assert "Ali Khamenei --commands--> Islamic Revolutionary Guard Corps" in proc.stdout
    assert '"The Quds Force is the foreign wing of the IRGC."' in proc.stdout
    proc = cli("show", "Hezbollah", "--json", "--store", str(store_path))
    assert json.loads(proc.stdout)["actor"]["name"] == "Hezbollah"
    for args in (("neighbors", "IRGC"), ("where", "Nasrallah"), ("timeline", "Soleimani"),
                 ("evidence", "Hezbollah", "supports", "Asaib Ahl al-Haq"), ("search", "Beirut"), ("stats",)):
        proc = cli(*args, "--store", str(store_path))
        assert proc.returncode == 0 and proc.stdout.strip(), (args, proc.stderr)
    assert "CONTRADICTED" in cli("evidence", "Hezbollah", "supports", "Asa'ib Ahl al-Haq", "--store", str(store_path)).stdout
    proc = cli("show", "Hezbollah", "--store", str(store_path.parent / "missing.duckdb"))
    assert proc.returncode == 2 and "no store" in proc.stderr


def test_cli_refuses_bad_questions_with_status_2_and_the_reason(store_path, tmp_path):
    proc = cli("show", "Zorro", "--store", str(store_path))
    assert proc.returncode == 2 and "no actor named 'Zorro'" in proc.stderr
    proc = cli("evidence", "Hezbollah", "supports", "Zorro", "--store", str(store_path))
    assert proc.returncode == 2 and "'Zorro'" in proc.stderr
    with Store.open(tmp_path / "empty.duckdb"):
        pass
    for args in (("path", "Khamenei", "Hezbollah"), ("neighbors", "Hezbollah"), ("search", "Quds")):
        proc = cli(*args, "--store", str(tmp_path / "empty.duckdb"))
        assert proc.returncode == 2 and "holds no article yet" in proc.stderr, args
    newer = tmp_path / "newer.duckdb"
    newer.write_bytes(store_path.read_bytes())
    import duckdb
    from actorgraph.store import SCHEMA_VERSION
    conn = duckdb.connect(str(newer))
    conn.execute("INSERT INTO migrations VALUES (?, 'from-the-future', now())", [SCHEMA_VERSION + 1])
    conn.close()
    for args in (("show", "Hezbollah"), ("stats",)):
        proc = cli(*args, "--store", str(newer))
        assert proc.returncode == 2 and f"schema version {SCHEMA_VERSION + 1}" in proc.stderr, args


def test_show_surfaces_a_contradiction_in_text_and_json(store_path):
    proc = cli("show", "Hezbollah", "--store", str(store_path))
    assert proc.returncode == 0, proc.stderr
    assert "Hezbollah supports Asaib Ahl al-Haq: 1 asserted, 1 negated" in proc.stdout
    assert '"Hezbollah denied that it trained Asa\'ib Ahl al-Haq."' in proc.stdout  # the denial is among the sentences
    answer = json.loads(cli("show", "Hezbollah", "--json", "--store", str(store_path)).stdout)
    (edge,) = answer["contradicted"]
    assert edge["other"]["name"] == "Asaib Ahl al-Haq" and edge["certainty"]["negated"] == 1


def test_evidence_limits_each_side_and_names_an_unknown_predicate(store):
    ev = query.evidence(store, "Hezbollah", "supports", "Asaib Ahl al-Haq", limit=1)
    assert ev["statements"] == 2 and {s["certainty"] for s in ev["evidence"]} == {"asserted", "negated"}
    # a word that is no predicate is an error naming the valid ones (the CLI exits 2 on it) ...
    with pytest.raises(FilterError, match=r"predicate 'backs' is not one of .*supports"):
        query.evidence(store, "Hezbollah", "backs", "Asaib Ahl al-Haq")
    # ... and a predicate no relation of the store has says so, with those it has
    from actorgraph.query.render import render_evidence
    text = render_evidence(query.evidence(store, "Hezbollah", "opposes", "Asaib Ahl al-Haq"))
    assert "no relation at all has predicate 'opposes'" in text and "supports" in text


def test_a_spelling_never_stored_finds_the_actor_it_sounds_like_word_by_word(tmp_path):
    from graph_articles import Hand
    h = Hand("k.txt", "Kataib Hezbollah and Hezbollah and the IRGC Quds Force met.")
    h.actor("Kataib Hezbollah", "organization")
    h.actor("Hezbollah", "organization")
    h.actor("IRGC Quds Force", "organization")
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extraction(store, h.extraction())
        assert query.find_actor(store, "Kata'ib Hizballah").name == "Kataib Hezbollah"
        assert query.find_actor(store, "IRGC-Qods Force").name == "IRGC Quds Force"
        assert query.find_actor(store, "Hizballah").name == "Hezbollah"
        with pytest.raises(UnknownActorError):
            query.find_actor(store, "Kataib Sayyid al-Shuhada")


def test_an_unknown_name_sharing_words_with_an_actor_is_refused_with_a_suggestion(store):
    with pytest.raises(UnknownActorError, match="did you mean .*'Hezbollah'"):
        query.find_actor(store, "Hezbollah Al-Nujaba Brigades")
    assert query.find_actor(store, "Qais al-Khazaly").name == "Qais al-Khazali"  # a typo is taken
