"""The network's certainty filter answered from the edges' stored totals gives what counting
the statements gives, for every choice of certainties, on a store with a contradicted edge."""
from __future__ import annotations

from itertools import combinations

import pytest
from graph_articles import Hand, chain_articles

from actorgraph.store import Store, add_extraction
from actorgraph.web import network


def support_again() -> Hand:
    """A fourth article: Hezbollah is said (reported) to back Asaib Ahl al-Haq, and to fund it."""
    d = Hand("hand/support.txt", "Officials said Hezbollah backs Asaib Ahl al-Haq. Hezbollah funds Asaib Ahl al-Haq.",
             "2021-03-02")
    hz = d.actor("Hezbollah", "organization", registry_id="hezbollah")
    aah = d.actor("Asaib Ahl al-Haq", "organization", registry_id="asaib_ahl_al_haq")
    d.relation(hz, "supports", aah, "Officials said Hezbollah backs Asaib Ahl al-Haq.", certainty="reported")
    d.relation(hz, "supports", aah, "Hezbollah funds Asaib Ahl al-Haq.", date="2021-03")
    return d


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("net") / "g.duckdb"
    with Store.open(path) as s:
        for ex in [*chain_articles(), support_again().extraction()]:
            add_extraction(s, ex)
        yield s


def counted(edge: dict) -> tuple:
    return edge["id"], edge["sources"], edge["statements"], tuple(sorted(edge["certainty"].items()))


@pytest.mark.parametrize("kept", [list(c) for n in (1, 2, 3) for c in combinations(network.CERTAINTIES, n)])
def test_certainty_filter_from_stored_totals_matches_counting_statements(store, kept):
    centre = store.value("SELECT actor_id FROM actor_keys WHERE key = 'registry:hezbollah'")
    mixed = store.value("SELECT count(*) FROM relations WHERE negated > 0 AND asserted + reported > 0")
    assert mixed == 1  # the recount of an edge with left-out statements is exercised
    fast = network.neighbourhood(store, centre, hops=2, certainty=kept)
    # a date filter that every statement passes makes the network count statements
    slow = network.neighbourhood(store, centre, hops=2, certainty=kept, since="1000")
    assert sorted(map(counted, fast["edges"])) == sorted(map(counted, slow["edges"]))
    assert {n["id"] for n in fast["nodes"]} == {n["id"] for n in slow["nodes"]}
    for e in fast["edges"]:
        assert sum(e["certainty"][c] for c in kept) == e["statements"] > 0
        assert all(e["certainty"][c] == 0 for c in network.CERTAINTIES if c not in kept)


def test_a_denied_edge_is_left_out_with_its_denials_and_kept_with_them(store):
    centre = store.value("SELECT actor_id FROM actor_keys WHERE key = 'registry:hezbollah'")
    edge = store.value("SELECT id FROM relations WHERE negated > 0")
    stated = {e["id"]: e for e in network.neighbourhood(store, centre, certainty=["asserted", "reported"])["edges"]}
    assert stated[edge]["statements"] == 3 and stated[edge]["sources"] == 2  # the denial's article is not counted
    denied = {e["id"]: e for e in network.neighbourhood(store, centre, certainty=["negated"])["edges"]}
    assert denied[edge]["statements"] == 1 and denied[edge]["certainty"]["negated"] == 1
