"""`path` on a real store: chains follow edges in their natural direction, filters hold, evidence fits."""
from __future__ import annotations

import subprocess
import sys

import pytest
from graph_articles import Hand, chain_articles

from actorgraph import query
from actorgraph.errors import StoreError
from actorgraph.store import Store, add_extraction


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as s:
        for ex in chain_articles():
            add_extraction(s, ex)
        yield s


def hops(chain: dict) -> list[tuple[str, str, str]]:
    return [(h["subject"], h["predicate"], h["object"]) for h in chain["hops"]]


def test_asked_from_the_bottom_the_chain_goes_up_and_each_hop_keeps_its_true_direction(store):
    r = query.path(store, "Asaib Ahl al-Haq", "Khamenei")
    assert r["followed"] == "up"
    chain = r["chains"][0]
    assert chain["actors"] == ["Asaib Ahl al-Haq", "Quds Force", "Islamic Revolutionary Guard Corps", "Ali Khamenei"]
    assert hops(chain) == [("Quds Force", "commands", "Asaib Ahl al-Haq"),
                           ("Quds Force", "part_of", "Islamic Revolutionary Guard Corps"),
                           ("Ali Khamenei", "commands", "Islamic Revolutionary Guard Corps")]
    assert not query.path(store, "Asaib Ahl al-Haq", "Khamenei", direction="down")["chains"]
    assert query.path(store, "Khamenei", "Asaib Ahl al-Haq", direction="down")["followed"] == "down"


def test_a_chain_does_not_turn_around_unless_any_direction_is_asked(store):
    # Qais al-Khazali leads Asaib, which the Quds Force commands: both are above Asaib, neither above the other.
    assert not query.path(store, "Qais al-Khazali", "Quds Force")["chains"]
    r = query.path(store, "Qais al-Khazali", "Quds Force", direction="any")
    assert r["followed"] == "any"
    assert hops(r["chains"][0]) == [("Qais al-Khazali", "leads", "Asaib Ahl al-Haq"),
                                    ("Quds Force", "commands", "Asaib Ahl al-Haq")]


def test_a_denied_edge_is_not_followed_and_a_contradicted_one_shows_a_statement_that_asserts_it(store, tmp_path):
    d = Hand("hand/deny.txt", "Iran denied that it commands Kataib Hezbollah.", "2021-01-01")
    iran, kh = d.actor("Iran", "country"), d.actor("Kataib Hezbollah", "organization")
    d.relation(iran, "commands", kh, "Iran denied that it commands Kataib Hezbollah.", certainty="negated")
    add_extraction(store, d.extraction())
    assert not query.path(store, "Iran", "Kataib Hezbollah")["chains"]
    denied = query.path(store, "Iran", "Kataib Hezbollah", certainty=["negated"])["chains"][0]["hops"][0]
    assert denied["certainty"] == "negated" and denied["sentence"].startswith("Iran denied")

    hop = query.path(store, "Hezbollah", "Asaib Ahl al-Haq")["chains"][0]["hops"][0]
    assert hop["predicate"] == "supports" and hop["contradicted"] and hop["sources"] == 2
    assert hop["certainty"] == "asserted" and hop["sentence"] == "Hizballah trained Asaib Ahl al-Haq fighters."


def test_filters_by_predicate_and_date_narrow_the_chains(store):
    assert not query.path(store, "Khamenei", "Asaib Ahl al-Haq", predicates=["leads", "supports"])["chains"]
    assert not query.path(store, "Khamenei", "Asaib Ahl al-Haq", until="2019-12-31")["chains"]
    assert query.path(store, "Khamenei", "Asaib Ahl al-Haq", since="2019-01-01")["chains"]
    assert not query.path(store, "Khamenei", "Asaib Ahl al-Haq", since="2020-01-06")["chains"]


def test_of_two_shortest_chains_the_one_of_command_comes_before_the_one_of_support(tmp_path):
    h = Hand("hand/two.txt", "Abu Ali commands Jaish al-Sadr. Jaish al-Sadr founded Liwa Zulfiqar. "
                             "Abu Ali leads Harakat Amal. Harakat Amal funds Liwa Zulfiqar.")
    a, j = h.actor("Abu Ali", "person"), h.actor("Jaish al-Sadr", "organization")
    lz, am = h.actor("Liwa Zulfiqar", "organization"), h.actor("Harakat Amal", "organization")
    h.relation(am, "supports", lz, "Harakat Amal funds Liwa Zulfiqar.")
    h.relation(a, "leads", am, "Abu Ali leads Harakat Amal.")
    h.relation(a, "commands", j, "Abu Ali commands Jaish al-Sadr.")
    h.relation(j, "founded", lz, "Jaish al-Sadr founded Liwa Zulfiqar.")
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extraction(store, h.extraction())
        r = query.path(store, "Abu Ali", "Liwa Zulfiqar")
        assert [c["actors"][1] for c in r["chains"]] == ["Jaish al-Sadr", "Harakat Amal"]
        assert query.path(store, "Abu Ali", "Liwa Zulfiqar", limit=1)["chains"][0]["actors"][1] == "Jaish al-Sadr"


def test_bad_options_are_refused_by_name(store, tmp_path):
    with pytest.raises(StoreError, match="'sideways'"):
        query.path(store, "Khamenei", "Asaib Ahl al-Haq", direction="sideways")
    with pytest.raises(StoreError, match="'probable'"):
        query.path(store, "Khamenei", "Asaib Ahl al-Haq", certainty=["probable"])
    with pytest.raises(StoreError, match="same actor"):
        query.path(store, "Khamenei", "Ali Khamenei")
    store.close()
    proc = subprocess.run([sys.executable, "-m", "actorgraph.cli", "path", "Khamenei", "Asaib Ahl al-Haq",
                           "--certainty", "probable", "--store", str(tmp_path / "g.duckdb")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "'probable' is not one of asserted" in proc.stderr
