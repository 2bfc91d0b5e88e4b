"""Reviews on real articles (dev work set), real store files and the real CLI: a rejected statement is
left out of counts, `path`, the network, the map and every export, and comes back marked with the
filter; decisions survive a re-ingest and a later article's new evidence; the review export is in
the evaluation contract's shape."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import duckdb
import pytest

from actorgraph.cli import main
from actorgraph.export import FORMATS, Filters, export_store
from actorgraph.query import path, stats
from actorgraph.query.profile import evidence
from actorgraph.store import (Store, add_extraction, correct_statement, edge, reject_edge, reject_statement,
                              statement, undo)
from actorgraph.web.geo import actor_map
from actorgraph.web.network import neighbourhood

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / ".." / "shared" / "eval"
DEV = EVAL / "dev"
pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="the annotated dev articles (../shared/eval/dev) are absent")


@pytest.fixture(scope="module")
def extracted() -> dict:
    """art-05 and art-06 of the work set (both tell of Hezbollah, Ansarallah and the Houthis' war)."""
    from actorgraph.api import extract
    batch = extract(DEV / "art-05.txt", DEV / "art-06.txt")
    assert batch.ok
    return {Path(ex.article.source).stem: ex for ex in batch.extractions}


def store_of(tmp_path: Path, extracted: dict, *stems: str) -> Path:
    file = tmp_path / "g.duckdb"
    with Store.open(file) as st:
        for stem in stems:
            add_extraction(st, extracted[stem])
    return file


def edge_of(st: Store, subject: str, predicate: str, object_: str) -> str:
    rid = st.value("""SELECT r.id FROM relations r JOIN actors s ON s.id = r.subject JOIN actors o ON o.id = r.object
                      WHERE s.name = ? AND r.predicate = ? AND o.name = ?""", [subject, predicate, object_])
    assert rid, f"{subject} {predicate} {object_} is not extracted from the articles any more"
    return rid


def exported(st: Store, fmt: str, tmp: Path, include_rejected: bool) -> str:
    """Everything an export wrote, as text (Parquet tables read back with DuckDB)."""
    tmp.mkdir(exist_ok=True)
    out = tmp / f"{fmt}-{include_rejected}"
    folder = fmt in ("neo4j", "csv", "parquet")
    export_store(st, fmt, str(out if folder else out.with_suffix(".out")), Filters(include_rejected=include_rejected))
    if not folder:
        return out.with_suffix(".out").read_text(encoding="utf-8")
    parts = []
    for f in sorted(out.iterdir()):
        if f.suffix == ".parquet":
            parts.append(str(duckdb.sql(f"SELECT * FROM read_parquet('{f}')").fetchall()))
        else:
            parts.append(f.read_text(encoding="utf-8"))
    return "\n".join(parts)


def test_a_rejected_statement_is_left_out_everywhere_and_comes_back_marked_with_the_filter(tmp_path, extracted):
    file = store_of(tmp_path, extracted, "art-05")
    with Store.open(file) as st:
        rid = edge_of(st, "Hezbollah", "targeted", "Majdal Shams")
        (sid,) = [i for (i,) in st.rows("SELECT id FROM statements WHERE relation_id = ?", [rid])]
        hz = st.value("SELECT subject FROM relations WHERE id = ?", [rid])
        before = stats(st)["counts"]
        assert rid in {e["id"] for e in neighbourhood(st, hz)["edges"]}
        assert path(st, "Hezbollah", "Majdal Shams", predicates=["targeted"], direction="any")["chains"]
        texts = {fmt: exported(st, fmt, tmp_path / "before", False) for fmt in FORMATS if fmt != "review"}
        assert all(rid in t for t in texts.values()), [f for f, t in texts.items() if rid not in t]

        reject_statement(st, sid, version=0, reviewer="ann", reason="Hezbollah denied the strike")

        # counts
        after = stats(st)["counts"]
        assert after["statements"] == before["statements"] - 1 and after["relations"] == before["relations"] - 1
        assert after["rejected_statements"] == 1
        back = stats(st, include_rejected=True)["counts"]
        assert (back["statements"], back["relations"]) == (before["statements"], before["relations"])
        # path
        assert not path(st, "Hezbollah", "Majdal Shams", predicates=["targeted"], direction="any")["chains"]
        chains = path(st, "Hezbollah", "Majdal Shams", predicates=["targeted"], direction="any",
                      include_rejected=True)["chains"]
        assert chains and chains[0]["hops"][0]["rejected"] and chains[0]["hops"][0]["relation"] == rid
        # the network
        assert rid not in {e["id"] for e in neighbourhood(st, hz)["edges"]}
        edges = {e["id"]: e for e in neighbourhood(st, hz, include_rejected=True)["edges"]}
        assert edges[rid]["review"] == "rejected" and edges[rid]["statements"] == 1
        # the map
        links = [l for p in actor_map(st, hz)["places"] for l in p["links"]]
        assert rid not in {l["relation"] for l in links}
        links = [l for p in actor_map(st, hz, include_rejected=True)["places"] for l in p["links"]]
        assert {l["relation"]: l["review"] for l in links}[rid] == "rejected"
        # the evidence of the edge
        e = evidence(st, "Hezbollah", "targeted", "Majdal Shams")
        assert (e["statements"], e["rejected"], e["evidence"]) == (0, 1, [])
        e = evidence(st, "Hezbollah", "targeted", "Majdal Shams", include_rejected=True)
        assert [(s["statement"], s["review"]) for s in e["evidence"]] == [(sid, "rejected")]
        # every export
        for fmt in texts:
            assert rid not in exported(st, fmt, tmp_path / "after", False), fmt
            text = exported(st, fmt, tmp_path / "with", True)
            assert rid in text and "rejected" in text.lower(), fmt


def test_decisions_survive_a_reingest_and_new_evidence_from_a_later_article(tmp_path, extracted, capsys):
    file = store_of(tmp_path, extracted, "art-05")
    with Store.open(file) as st:
        rid = edge_of(st, "Ansarallah", "operates_in", "Yemen")
        e = edge(st, rid)
        reject_edge(st, rid, version=e.version, reviewer="ann", reason="the Houthis are Yemeni: not 'operating in'")
        other = edge_of(st, "Fuad Shukr", "member_of", "Hezbollah")
        sid = st.value("SELECT min(id) FROM statements WHERE relation_id = ?", [other])
        fixed = correct_statement(st, sid, version=0, reviewer="bob", predicate="leads", note="he led its military")
        snapshot = {t: st.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in
                    ("statements", "rejected_statements", "relations", "statement_reviews", "edge_reviews")}
    # the same article again, through the CLI: skipped, nothing changes
    assert main(["ingest", str(DEV / "art-05.txt"), "--store", str(file), "-q"]) == 0
    with Store.open(file) as st:
        assert {t: st.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in snapshot} == snapshot
        add_extraction(st, extracted["art-06"])  # a later article: more evidence for both edges
        assert st.value("SELECT count(*) FROM statements WHERE relation_id = ?", [rid]) == 0
        later = st.rows("SELECT id, article_id FROM rejected_statements WHERE relation_id = ?", [rid])
        assert len({a for _, a in later}) == 2  # art-06's statement is rejected by the standing edge decision
        assert edge(st, rid).state == "rejected"
        s = statement(st, sid)
        assert (s.predicate, s.review, s.original["predicate"]) == ("leads", "confirmed", "member_of")
        # undo the correction: the statement goes back to what was extracted, on the edge art-06 also states
        undo(st, fixed.seq, reviewer="bob")
        s = statement(st, sid)
        assert (s.predicate, s.review, s.relation_id) == ("member_of", "unreviewed", other)
        assert st.value("SELECT statements FROM relations WHERE id = ?", [other]) >= 2


def _score_module():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CONTRACT_PREDICATES = {"leads", "deputy_of", "member_of", "founded", "part_of", "commands", "supports", "allied_with",
                       "opposes", "targeted", "met_with", "based_in", "operates_in", "associated_with"}


def test_the_review_export_is_in_the_contract_shape_with_a_label_per_statement(tmp_path, extracted, capsys):
    file = store_of(tmp_path, extracted, "art-05")
    with Store.open(file) as st:
        ids = [i for (i,) in st.rows("SELECT id FROM statements ORDER BY id LIMIT 3")]
        reject_statement(st, ids[0], version=0, reviewer="ann", reason="no")
        correct_statement(st, ids[1], version=0, reviewer="ann", reverse=True)
    assert main(["review", "confirm", ids[2], "--reviewer", "bob", "--store", str(file)]) == 0
    out = tmp_path / "reviews.jsonl"
    assert main(["export", "--format", "review", "--out", str(out), "--store", str(file)]) == 0
    score = _score_module()
    preds = score.load_predictions(out)  # the scorer's own loader reads it
    assert list(preds) == ["art-05"]
    record = preds["art-05"]
    assert {"document", "entities", "relations", "events", "quotes", "figures"} <= set(record)
    assert record["document"]["source"].endswith("art-05.txt") and record["document"]["text"]
    entity_ids = {e["id"] for e in record["entities"]}
    assert all(e["type"] in ("person", "organization", "country", "location") for e in record["entities"])
    labels = {}
    for r in record["relations"]:
        assert {r["subject"], r["object"]} <= entity_ids
        assert r["predicate"] in CONTRACT_PREDICATES
        assert r["certainty"] in ("asserted", "reported", "uncertain", "negated")
        assert all({"sentence", "start", "end"} <= set(ev) for ev in r["evidence"])
        labels[r["statement"]] = r["review"]
    assert labels == {ids[0]: "rejected", ids[1]: "corrected", ids[2]: "confirmed"}
    corrected = next(r for r in record["relations"] if r["review"] == "corrected")
    assert (corrected["extracted"]["subject"], corrected["extracted"]["object"]) == (corrected["object"],
                                                                                     corrected["subject"])
    # and it scores: the scorer runs on it against the article's gold without complaint
    gold = score.Gold(json.loads((DEV / "art-05.gold.json").read_text(encoding="utf-8")))
    assert score.score_document(gold, record)["relations"]["tp"] >= 0


def test_the_cli_names_the_reviewer_refuses_a_stale_write_and_lists_and_undoes(tmp_path, extracted, capsys,
                                                                                monkeypatch):
    file = store_of(tmp_path, extracted, "art-05")
    with Store.open(file) as st:
        sid = st.value("SELECT min(id) FROM statements")
    monkeypatch.setenv("ACTORGRAPH_REVIEWER", "carol")
    store = ["--store", str(file)]
    assert main(["review", "reject", sid, "--reason", "<b>not said</b>", *store]) == 0
    assert "by carol" in capsys.readouterr().out
    assert main(["review", "confirm", sid, "--if-version", "0", "--reviewer", "dan", *store]) == 2
    err = capsys.readouterr().err
    assert "changed since it was loaded" in err and "it is rejected by carol" in err
    assert main(["decisions", "--json", *store]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(d["kind"], d["reviewer"], d["reason"]) for d in listed] == [("reject", "carol", "<b>not said</b>")]
    assert main(["undo", str(listed[0]["seq"]), *store]) == 0
    capsys.readouterr()
    assert main(["review", "show", sid, "--json", *store]) == 0
    assert json.loads(capsys.readouterr().out)["statement"]["review"] == "unreviewed"
