"""The store file: migrations, idempotent writes, aggregated relations, failures, decisions."""
from __future__ import annotations

import duckdb
import pytest
from graph_articles import Hand, chain_articles

from actorgraph.errors import DecisionError, SchemaVersionError, StoreError
from actorgraph.model import IntakeFailure
from actorgraph.store import SCHEMA_VERSION, Store, add_extraction, merge, record_failure, split
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
        qf = store.value("SELECT id FROM actors WHERE name = 'Quds Force'")
        irgc = store.value("SELECT id FROM actors WHERE name = 'Islamic Revolutionary Guard Corps'")
        statements = store.value("SELECT count(*) FROM statements")
        merge(store, irgc, qf)
        assert store.value("SELECT count(*) FROM statements") == statements
        assert store.value("SELECT count(*) FROM statements WHERE subject = ? OR object = ?", [qf, qf]) == 0
        assert store.value("SELECT sum(statements) FROM relations") == statements
