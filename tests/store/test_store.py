"""The store file: migrations, idempotent writes, aggregated relations, failures, decisions."""
from __future__ import annotations

import duckdb
import pytest
from graph_articles import Hand, chain_articles

from actorgraph.errors import DecisionError, SchemaVersionError, StoreError
from actorgraph.model import IntakeFailure
from actorgraph.store import (SCHEMA_VERSION, Store, add_extraction, add_extractions, merge, record_failure, split,
                              store_extraction)
from actorgraph.store.edges import aggregate_relations
from actorgraph.store.schema import MIGRATIONS

TABLES = ("articles", "actors", "actor_names", "article_actors", "mentions", "statements", "relations")


def counts(store: Store) -> dict[str, int]:
    return {t: store.value(f"SELECT count(*) FROM {t}") for t in TABLES}


def test_migrations_are_named_and_recorded_and_a_newer_store_is_refused(tmp_path):
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        assert store.migrations() == [(v, n) for v, n, _ in MIGRATIONS]
        assert store.version() == SCHEMA_VERSION
    with Store.open(path) as store:  # opening again applies nothing
        assert len(store.migrations()) == len(MIGRATIONS)
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO migrations VALUES (?, 'from-the-future', now())", [SCHEMA_VERSION + 1])
    conn.close()
    with pytest.raises(SchemaVersionError, match="newer actorgraph"):
        Store.open(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database")
    with pytest.raises(StoreError, match="notes.duckdb"):
        Store.open(bad)


def test_storing_the_same_article_twice_changes_nothing(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in chain_articles():
            assert add_extraction(store, ex).new
        before = counts(store)
        for ex in chain_articles():
            assert not add_extraction(store, ex).new
        assert counts(store) == before


def test_relations_aggregate_sources_dates_and_contradictions(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in chain_articles():
            add_extraction(store, ex)
        row = store.rows("""SELECT r.statements, r.sources, r.asserted, r.negated, r.contradicted, r.first_date, r.last_date
                            FROM relations r JOIN actors s ON s.id = r.subject JOIN actors o ON o.id = r.object
                            WHERE s.name = 'Hezbollah' AND r.predicate = 'supports' AND o.name = 'Asaib Ahl al-Haq'""")
        assert row == [(2, 2, 1, 1, True, "2020-01-05", "2020-01-10")]
        assert store.value("SELECT count(*) FROM relations WHERE NOT contradicted") == 7


def test_failures_are_recorded_counted_and_cleared_by_success(tmp_path):
    ex = chain_articles()[0]
    with Store.open(tmp_path / "g.duckdb") as store:
        record_failure(store, IntakeFailure(ex.article.source, "model crashed", "ModelError"))
        record_failure(store, IntakeFailure(ex.article.source, "model crashed again", "ModelError"))
        assert store.rows("SELECT reason, error, attempts FROM failures") == [("model crashed again", "ModelError", 2)]
        add_extraction(store, ex)
        assert store.value("SELECT count(*) FROM failures") == 0


def test_merge_and_split_are_kept_and_applied_to_later_ingests(tmp_path):
    a = Hand("a.txt", "Abu Fadak led the Kataib Hezbollah fighters.")
    a.actor("Abu Fadak", "person")
    b = Hand("b.txt", "Abdulaziz al-Muhammadawi is the chief of staff.")
    b.actor("Abdulaziz al-Muhammadawi", "person")
    c = Hand("c.txt", "Abu Fadak spoke on Monday.")
    c.actor("Abu Fadak", "person")
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        add_extraction(store, a.extraction())
        add_extraction(store, b.extraction())
        keep = store.value("SELECT id FROM actors WHERE name = 'Abdulaziz al-Muhammadawi'")
        other = store.value("SELECT id FROM actors WHERE name = 'Abu Fadak'")
        merge(store, keep, other, note="Abu Fadak is his nom de guerre")
        with pytest.raises(DecisionError):
            merge(store, keep, keep)
    with Store.open(path) as store:  # a later ingest: the nom de guerre joins the merged actor
        add_extraction(store, c.extraction())
        assert store.value("SELECT count(DISTINCT actor_id) FROM article_actors") == 1
        assert store.value("SELECT count(*) FROM actors") == 1
        d = split(store, keep, "Abu Fadak")
        assert store.value("SELECT count(*) FROM article_actors WHERE actor_id = ?", [d.other_id]) == 2
    e = Hand("e.txt", "Abu Fadak was sanctioned.")
    e.actor("Abu Fadak", "person")
    with Store.open(path) as store:  # the split name stays apart on a later ingest too
        add_extraction(store, e.extraction())
        assert store.value("SELECT count(*) FROM article_actors WHERE actor_id = ?", [d.other_id]) == 3
        assert store.value("SELECT count(*) FROM article_actors WHERE actor_id = ?", [keep]) == 1
        assert [k for k, in store.rows("SELECT kind FROM decisions ORDER BY seq")] == ["merge", "split"]


def test_merge_moves_relations_and_keeps_evidence(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in chain_articles():
            add_extraction(store, ex)
        qf = store.value("SELECT id FROM actors WHERE registry_id = 'quds_force'")
        irgc = store.value("SELECT id FROM actors WHERE name = 'Islamic Revolutionary Guard Corps'")
        statements = store.value("SELECT count(*) FROM statements")
        merge(store, irgc, qf)
        assert store.value("SELECT count(*) FROM statements") == statements
        assert store.value("SELECT count(*) FROM statements WHERE subject = ? OR object = ?", [qf, qf]) == 0
        assert store.value("SELECT sum(statements) FROM relations") == statements


def test_edges_added_to_article_by_article_equal_a_recount_of_all_their_statements(tmp_path):
    again = Hand("hand/again.txt", "Hezbollah may have trained Asaib Ahl al-Haq. Hezbollah trained Asaib Ahl al-Haq.")
    hz = again.actor("Hezbollah", "organization", registry_id="hezbollah")
    aah = again.actor("Asaib Ahl al-Haq", "organization", registry_id="asaib_ahl_al_haq")
    again.relation(hz, "supports", aah, "Hezbollah may have trained Asaib Ahl al-Haq.", certainty="uncertain")
    again.relation(hz, "supports", aah, "Hezbollah trained Asaib Ahl al-Haq.", date="2021-03")
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in [*chain_articles(), again.extraction()]:
            add_extraction(store, ex)
        added = store.rows("SELECT * FROM relations ORDER BY id")
        with store.transaction():
            aggregate_relations(store, [r[0] for r in added])
        assert store.rows("SELECT * FROM relations ORDER BY id") == added
        row = store.rows("""SELECT r.statements, r.sources, r.asserted, r.uncertain, r.negated, r.contradicted,
                                   r.first_date, r.last_date FROM relations r JOIN actors s ON s.id = r.subject
                            WHERE s.name = 'Hezbollah' AND r.predicate = 'supports'""")
        assert row == [(4, 3, 2, 1, 1, True, "2020-01-05", "2021-03")]


def test_a_relation_of_unknown_certainty_fails_its_article_alone_naming_the_value(tmp_path):
    odd = Hand("hand/odd.txt", "Hezbollah backs Hamas.")
    hz, hm = odd.actor("Hezbollah", "organization"), odd.actor("Hamas", "organization")
    odd.relation(hz, "supports", hm, "Hezbollah backs Hamas.", certainty="probable")
    with Store.open(tmp_path / "g.duckdb") as store:
        failure = store_extraction(store, odd.extraction())
        assert isinstance(failure, IntakeFailure)
        assert "hand/odd.txt" in failure.reason and "'probable'" in failure.reason
        assert counts(store) == dict.fromkeys(TABLES, 0)  # nothing of the article was kept
        assert store_extraction(store, chain_articles()[0]).new
        assert store.rows("SELECT source, error FROM failures") == [("hand/odd.txt", "StoreError")]


def test_a_batch_stores_what_one_by_one_stores_and_a_bad_article_keeps_the_whole_batch_out(tmp_path):
    snapshot = "SELECT a.name, r.predicate, o.name, r.statements, r.sources FROM relations r " \
               "JOIN actors a ON a.id = r.subject JOIN actors o ON o.id = r.object ORDER BY ALL"
    with Store.open(tmp_path / "one.duckdb") as one, Store.open(tmp_path / "batch.duckdb") as batch:
        for ex in chain_articles():
            add_extraction(one, ex)
        assert [s.new for s in add_extractions(batch, chain_articles())] == [True, True, True]
        assert counts(batch) == counts(one) and batch.rows(snapshot) == one.rows(snapshot)
        assert [s.new for s in add_extractions(batch, chain_articles())] == [False, False, False]
    odd = Hand("hand/odd.txt", "Hezbollah backs Hamas.")
    hz, hm = odd.actor("Hezbollah", "organization"), odd.actor("Hamas", "organization")
    odd.relation(hz, "supports", hm, "Hezbollah backs Hamas.", certainty="probable")
    with Store.open(tmp_path / "bad.duckdb") as store:
        with pytest.raises(StoreError, match="probable"):
            add_extractions(store, [*chain_articles(), odd.extraction()])
        assert counts(store) == dict.fromkeys(TABLES, 0)


def test_a_store_of_schema_version_1_is_upgraded_and_its_summaries_filled(tmp_path):
    path = tmp_path / "g.duckdb"
    summaries = ("actor_items", "actor_stats", "actor_spellings")
    with Store.open(path) as store:
        for ex in chain_articles():
            add_extraction(store, ex)
        written = {t: store.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in summaries}
    conn = duckdb.connect(str(path))  # make it what actorgraph with schema version 1 wrote
    for t in summaries:
        conn.execute(f"DROP TABLE {t}")
    for index in ("events_id", "quotes_id", "figures_id"):
        conn.execute(f"DROP INDEX {index}")
    conn.execute("DELETE FROM migrations WHERE version > 1")
    conn.close()
    with Store.open(path) as store:
        assert (2, "actor-summaries") in store.migrations()
        assert {t: store.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in summaries} == written
        assert written["actor_stats"] and written["actor_spellings"]


def test_a_batch_with_a_bad_article_stores_the_others_and_records_the_bad_one(tmp_path):
    from actorgraph.store.ingest import store_batch
    odd = Hand("hand/odd.txt", "Hezbollah backs Hamas.")
    hz, hm = odd.actor("Hezbollah", "organization"), odd.actor("Hamas", "organization")
    odd.relation(hz, "supports", hm, "Hezbollah backs Hamas.", certainty="probable")
    first, second, third = chain_articles()
    with Store.open(tmp_path / "g.duckdb") as store:
        results = store_batch(store, [first, odd.extraction(), second, third])
        assert [type(r).__name__ for r in results] == ["Stored", "IntakeFailure", "Stored", "Stored"]
        assert store.article_count() == 3
        assert store.rows("SELECT source FROM failures") == [("hand/odd.txt",)]
