"""Per-actor and per-edge summaries: kept at ingest, after merges and splits, equal to a recount from scratch."""
from __future__ import annotations

from graph_articles import Hand, chain_articles

from summary_check import kept, recounted

from actorgraph import query
from actorgraph.store import Store, add_extraction, add_extractions, merge, split
from actorgraph.store.summaries import FIRSTS_PER_EDGE

def many_statements() -> list:
    """Six articles stating one edge on different dates, one of them denying it, stored out of date order."""
    out = []
    for n, (date, certainty) in enumerate([("2021-06-01", "asserted"), ("2019-02-01", "reported"),
                                           ("2022-01-01", "negated"), (None, "asserted"),
                                           ("2018-03-01", "asserted"), ("2020-07-01", "uncertain")]):
        sentence = f"The Badr Organization backed the Popular Mobilization Forces in report {n}."
        h = Hand(f"hand/badr-{n}.txt", sentence, date)
        badr = h.actor("Badr Organization", "organization")
        pmf = h.actor("Popular Mobilization Forces", "organization")
        h.relation(badr, "supports", pmf, sentence, certainty=certainty, date=date)
        out.append(h.extraction())
    return out


def test_first_statements_kept_at_ingest_are_the_earliest_and_equal_a_recount(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in chain_articles():
            add_extraction(store, ex)
        articles = many_statements()
        add_extractions(store, articles[:2])
        for ex in articles[2:]:
            add_extraction(store, ex)
        assert kept(store) == recounted(store)
        rid = store.value("SELECT id FROM relations WHERE predicate = 'supports' AND statements = 6")
        dates = store.rows("SELECT date, certainty FROM relation_firsts WHERE relation_id = ? "
                           "ORDER BY negated, date NULLS LAST", [rid])
        assert dates == [("2018-03-01", "asserted"), ("2019-02-01", "reported"), ("2020-07-01", "uncertain"),
                         ("2022-01-01", "negated")]
        shown = query.show(store, "Badr Organization")["relations"]["supports"][0]["evidence"]
        assert [s["date"] for s in shown] == ["2018-03-01", "2019-02-01", "2020-07-01", "2022-01-01"]
        # more than the summary keeps: read from the statements, the same order
        every = query.evidence(store, "Badr Organization", "supports", "Popular Mobilization Forces", limit=5)
        assert [s["date"] for s in every["evidence"]][:3] == ["2018-03-01", "2019-02-01", "2020-07-01"]
        assert len(every["evidence"]) == 6 and 5 > FIRSTS_PER_EDGE  # 5 stating it (more than kept) and the denial


def test_summaries_follow_a_merge_and_a_split(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in [*chain_articles(), *many_statements()]:
            add_extraction(store, ex)
        badr = store.value("SELECT id FROM actors WHERE name = 'Badr Organization'")
        hz = store.value("SELECT id FROM actors WHERE name = 'Hezbollah'")
        merge(store, hz, badr)
        assert kept(store) == recounted(store)
        assert store.value("SELECT count(*) FROM relation_firsts f JOIN relations r ON r.id = f.relation_id "
                           "WHERE r.subject = ?", [badr]) == 0
        split(store, hz, "Badr Organization")
        assert kept(store) == recounted(store)
        assert len(query.show(store, "Badr Organization")["relations"]["supports"][0]["evidence"]) == 4


def test_a_profile_lists_the_strongest_edges_of_each_predicate_with_their_total(tmp_path):
    articles = []
    for n in range(5):
        sentences = " ".join(f"The Badr Organization backed Brigade {n} in report {k}." for k in range(n + 1))
        h = Hand(f"hand/brigade-{n}.txt", sentences, f"2020-0{n + 1}-01")
        badr = h.actor("Badr Organization", "organization")
        brigade = h.actor(f"Brigade {n}", "organization")
        for k in range(n + 1):
            h.relation(badr, "supports", brigade, f"The Badr Organization backed Brigade {n} in report {k}.")
        articles.append(h.extraction())
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extractions(store, articles)
        every = query.show(store, "Badr Organization", edges=None)
        some = query.show(store, "Badr Organization", edges=2)
    assert [e["other"]["name"] for e in every["relations"]["supports"]] == [f"Brigade {n}" for n in range(4, -1, -1)]
    assert [e["other"]["name"] for e in some["relations"]["supports"]] == ["Brigade 4", "Brigade 3"]
    assert some["relations_total"] == every["relations_total"] == {"supports": 5}
    assert some["relations"]["supports"] == every["relations"]["supports"][:2]
