"""Reviews by hand on real store files: reject, confirm, correct, edge decisions, undo, the version check,
and decisions that hold over later ingests, merges and new evidence for the same edge."""
from __future__ import annotations

import pytest
from graph_articles import Hand

from actorgraph.errors import ReviewError, StaleReviewError, UnknownTargetError
from actorgraph.store import (Store, add_extraction, confirm_edge, confirm_statement, correct_statement, edge, merge,
                              reject_edge, reject_statement, reviews, statement, undo)

GRAPH = {
    "statements": "SELECT id, relation_id, subject, predicate, object, certainty FROM statements ORDER BY id",
    "rejected": "SELECT id, relation_id FROM rejected_statements ORDER BY id",
    "relations": "SELECT * FROM relations ORDER BY id",
    "stories": "SELECT * FROM relation_stories ORDER BY relation_id",
}


def snapshot(store: Store) -> dict[str, list]:
    return {k: store.rows(sql) for k, sql in GRAPH.items()}


def trained(source: str, text: str, date: str) -> Hand:
    """One article: Hezbollah trains Kataib Hezbollah (a 'supports' edge) and a second, other edge."""
    h = Hand(source, text, date)
    hz = h.actor("Hezbollah", "organization", registry_id="hezbollah")
    kh = h.actor("Kataib Hezbollah", "organization")
    ir = h.actor("Iran", "country")
    h.relation(hz, "supports", kh, text.split(". ")[0] + ".")
    h.relation(ir, "supports", hz, text.split(". ")[1])
    return h


FIRST = trained("hand/one.txt", "Hezbollah trained Kataib Hezbollah fighters. Iran funds Hezbollah.", "2021-03-01")
SECOND = trained("hand/two.txt", "Hezbollah armed Kataib Hezbollah in 2022. Iran arms Hezbollah.", "2022-06-01")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as st:
        add_extraction(st, FIRST.extraction())
        yield st


def sid_of(store: Store, predicate: str, subject: str) -> str:
    return store.value("""SELECT s.id FROM statements s JOIN actors a ON a.id = s.subject
                          WHERE s.predicate = ? AND a.name = ? ORDER BY s.id LIMIT 1""", [predicate, subject])


def test_a_rejected_statement_stays_stored_but_leaves_counts_and_undo_restores_the_state_before(store):
    before = snapshot(store)
    sid = sid_of(store, "supports", "Hezbollah")
    decision = reject_statement(store, sid, version=0, reviewer="ann", reason="a training course is not support")
    assert store.value("SELECT count(*) FROM statements WHERE id = ?", [sid]) == 0
    assert store.value("SELECT count(*) FROM rejected_statements WHERE id = ?", [sid]) == 1
    assert store.value("SELECT count(*) FROM relations") == 1  # the edge had one statement: gone from the graph
    s = statement(store, sid)
    assert (s.review, s.reason, s.reviewer, s.version) == ("rejected", "a training course is not support", "ann", 1)
    assert edge(store, s.relation_id).state == "rejected"
    assert decision.before["statements"][sid]["state"] == "unreviewed"
    undo(store, decision.seq, reviewer="ann")
    assert snapshot(store) == before
    assert statement(store, sid).review == "unreviewed" and statement(store, sid).version == 2
    assert [(r.kind, r.undone_by) for r in reviews(store)] == [("reject", 2), ("undo", None)]


def test_a_stale_write_is_refused_and_carries_the_current_state(store):
    sid = sid_of(store, "supports", "Iran")
    loaded = statement(store, sid)
    reject_statement(store, sid, version=loaded.version, reviewer="ann", reason="wrong")
    with pytest.raises(StaleReviewError) as err:
        confirm_statement(store, sid, version=loaded.version, reviewer="bob")
    assert err.value.current.review == "rejected" and err.value.current.reviewer == "ann"
    assert (err.value.expected, err.value.current_version) == (0, 1)
    assert statement(store, sid).review == "rejected"  # bob's write changed nothing
    assert len(reviews(store)) == 1


def test_bad_input_names_what_is_wrong(store):
    sid = sid_of(store, "supports", "Iran")
    with pytest.raises(ReviewError, match="reason"):
        reject_statement(store, sid, version=0, reviewer="ann", reason=" ")
    with pytest.raises(ReviewError, match="reviewer"):
        confirm_statement(store, sid, version=0, reviewer="")
    with pytest.raises(ReviewError, match="unknown predicate 'likes'"):
        correct_statement(store, sid, version=0, reviewer="ann", predicate="likes")
    with pytest.raises(UnknownTargetError, match="no statement with id 'nope'"):
        confirm_statement(store, "nope", version=0, reviewer="ann")
    assert reviews(store) == []


def test_a_corrected_direction_and_predicate_hold_over_a_later_ingest_and_a_merge(store):
    sid = sid_of(store, "supports", "Iran")
    correct_statement(store, sid, version=0, reviewer="ann", reverse=True, predicate="allied_with")
    s = statement(store, sid)
    assert (s.subject_name, s.predicate, s.object_name, s.review) == ("Hezbollah", "allied_with", "Iran", "confirmed")
    assert s.original == {"predicate": "supports", "subject": s.object, "object": s.subject}
    add_extraction(store, SECOND.extraction())  # resolution runs again over these actors
    s2 = statement(store, sid)
    assert (s2.subject_name, s2.predicate, s2.object_name, s2.review) == ("Hezbollah", "allied_with", "Iran",
                                                                          "confirmed")
    # a merge moves the statement's ends; the correction moves with them
    other = Hand("hand/three.txt", "The Islamic Republic backs Hezbollah.", "2023-01-01")
    ir = other.actor("Islamic Republic", "country")
    hz = other.actor("Hezbollah", "organization", registry_id="hezbollah")
    other.relation(ir, "supports", hz, "The Islamic Republic backs Hezbollah.")
    add_extraction(store, other.extraction())
    merge(store, store.value("SELECT id FROM actors WHERE name = 'Iran'"),
          store.value("SELECT id FROM actors WHERE name = 'Islamic Republic'"))
    s3 = statement(store, sid)
    assert (s3.subject_name, s3.predicate, s3.object_name) == ("Hezbollah", "allied_with", "Iran")
    assert store.value("SELECT statements FROM relations WHERE id = ?", [s3.relation_id]) == 1


def test_an_edge_decision_applies_to_new_evidence_for_the_same_edge_and_undo_takes_both_back(store):
    sid = sid_of(store, "supports", "Hezbollah")
    e = edge(store, statement(store, sid).relation_id)
    decision = reject_edge(store, e.id, version=e.version, reviewer="ann", reason="training is not support")
    add_extraction(store, SECOND.extraction())  # a new article states the same edge
    assert store.value("SELECT count(*) FROM statements WHERE relation_id = ?", [e.id]) == 0
    assert store.value("SELECT count(*) FROM rejected_statements WHERE relation_id = ?", [e.id]) == 2
    assert edge(store, e.id).state == "rejected" and edge(store, e.id).rejected == 2
    new = [i for (i,) in store.rows("SELECT id FROM rejected_statements WHERE id <> ?", [sid])][0]
    assert "edge decision #1" in statement(store, new).reason
    undo(store, decision.seq, reviewer="ann")
    assert store.value("SELECT statements FROM relations WHERE id = ?", [e.id]) == 2
    assert edge(store, e.id).state == "unreviewed"


def test_ingesting_the_same_article_again_keeps_every_review(store):
    sid = sid_of(store, "supports", "Iran")
    reject_statement(store, sid, version=0, reviewer="ann", reason="no")
    before = snapshot(store)
    assert not add_extraction(store, FIRST.extraction()).new
    assert snapshot(store) == before and statement(store, sid).review == "rejected"


def test_a_statement_review_is_applied_again_when_its_article_is_stored_anew(store):
    """A statement id is a hash of the article and the extracted relation: storing it again finds its review."""
    sid = sid_of(store, "supports", "Iran")
    correct_statement(store, sid, version=0, reviewer="ann", certainty="uncertain")
    sid2 = sid_of(store, "supports", "Hezbollah")
    reject_statement(store, sid2, version=0, reviewer="ann", reason="no")
    article = store.value("SELECT article_id FROM statements WHERE id = ?", [sid])
    with store.transaction():  # the article taken out, as a re-extraction would, then stored again
        for table in ("statements", "rejected_statements", "article_actors", "mentions", "article_fingerprints",
                      "article_bands", "article_stories", "articles"):
            store.conn.execute(f"DELETE FROM {table} WHERE {'id' if table == 'articles' else 'article_id'} = ?",
                               [article])
    add_extraction(store, FIRST.extraction())
    assert statement(store, sid).certainty == "uncertain" and statement(store, sid).version == 1
    assert statement(store, sid2).review == "rejected"
    assert store.value("SELECT count(*) FROM statements WHERE id = ?", [sid2]) == 0


def test_confirming_an_edge_confirms_its_statements_and_the_edge_shows_it(store):
    add_extraction(store, SECOND.extraction())
    sid = sid_of(store, "supports", "Hezbollah")
    e = edge(store, statement(store, sid).relation_id)
    assert (e.statements, e.state) == (2, "unreviewed")
    confirm_statement(store, sid, version=0, reviewer="ann")
    assert edge(store, e.id).state == "partly confirmed"
    with pytest.raises(StaleReviewError):  # the edge changed since `e` was loaded
        confirm_edge(store, e.id, version=e.version, reviewer="bob")
    confirm_edge(store, e.id, version=edge(store, e.id).version, reviewer="bob")
    assert edge(store, e.id).state == "confirmed" and edge(store, e.id).confirmed == 2
    other = [i for (i,) in store.rows("SELECT id FROM statements WHERE relation_id = ? AND id <> ?", [e.id, sid])][0]
    reject_statement(store, other, version=statement(store, other).version, reviewer="ann", reason="misread")
    assert edge(store, e.id).state == "partly rejected"


def test_additions_by_hand_carry_their_source_count_once_and_undo_removes_them(store):
    from actorgraph.store import add_actor, add_event, add_relation, rename_actor, set_wikidata, actor
    from actorgraph.query import evidence
    hz = store.value("SELECT id FROM actors WHERE name = 'Hezbollah'")
    articles = store.value("SELECT count(*) FROM articles")
    new = add_actor(store, "Kataib Sayyid al-Shuhada", "organization", source="Smith, Militias of Iraq (2021), p. 4",
                    reviewer="ann", note="named in <i>Smith</i>")
    ks = new.target_id
    rel = add_relation(store, hz, "supports", ks, source="https://example.org/report", reviewer="ann",
                       note="<script>alert(1)</script> trained its fighters")
    ev = add_event(store, "attack", [(ks, "attacker")], source="https://example.org/report", reviewer="ann")
    assert store.value("SELECT count(*) FROM articles") == articles + 2  # one per source, shared by two additions
    e = evidence(store, "Hezbollah", "supports", "Kataib Sayyid al-Shuhada")
    assert [(s["by_hand"], s["review"], s["source"]) for s in e["evidence"]] == [
        (True, "confirmed", "https://example.org/report")]
    assert e["evidence"][0]["sentence"] == "<script>alert(1)</script> trained its fighters"  # stored as given, inert
    with pytest.raises(ReviewError, match="already states"):
        add_relation(store, hz, "supports", ks, source="https://example.org/report", reviewer="ann")
    rename_actor(store, ks, "Kata'ib Sayyid al-Shuhada", version=0, reviewer="ann")
    set_wikidata(store, ks, "Q28114581", version=1, reviewer="ann")
    with pytest.raises(StaleReviewError):
        set_wikidata(store, ks, None, version=1, reviewer="bob")
    with pytest.raises(ReviewError, match="Wikidata id of actor"):
        set_wikidata(store, hz, "Q28114581", version=0, reviewer="bob")
    add_extraction(store, SECOND.extraction())  # a later ingest keeps the name and id set by hand
    assert (actor(store, ks).name, actor(store, ks).wikidata) == ("Kata'ib Sayyid al-Shuhada", "Q28114581")
    with pytest.raises(ReviewError, match="named by"):
        undo(store, new.seq, reviewer="ann")  # the added relation and event still name it
    undo(store, ev.seq, reviewer="ann")
    undo(store, rel.seq, reviewer="ann")
    assert store.value("SELECT count(*) FROM articles WHERE format = 'manual'") == 1  # the citation's
    assert not store.value("SELECT count(*) FROM relations WHERE subject = ? AND object = ?", [hz, ks])
    for seq in (5, 4):  # the Wikidata id, then the name
        undo(store, seq, reviewer="ann")
    assert actor(store, ks).name == "Kataib Sayyid al-Shuhada" and actor(store, ks).wikidata is None
    undo(store, new.seq, reviewer="ann")
    assert store.value("SELECT count(*) FROM actors WHERE id = ?", [ks]) == 0
    assert store.value("SELECT count(*) FROM articles") == articles + 2 - 2 + 1  # SECOND stored; the sources gone
