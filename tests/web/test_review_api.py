"""The review endpoints over a real server: versions, stale writes, the rejected filter, who may write, bad input."""
from __future__ import annotations

import json
import shutil

import pytest
from conftest import Server, add_reviewers


@pytest.fixture(scope="module")
def srv(built_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("review-api") / "store.duckdb"
    shutil.copy(built_store, store)
    server = Server(store, store.with_suffix(".log"), add_reviewers(store, ("alice", "bob")))
    yield server
    server.stop()


def post(server: Server, path: str, data: dict, who: str | None = "alice") -> tuple[int, dict]:
    status, _, body = server.request(path, data, server.bearer(who) if who else {})
    return status, json.loads(body)


def edges_of(server: Server, name: str) -> tuple[str, list[dict]]:
    actor = next(a for a in server.get(f"/api/search?q={name}")["actors"])["id"]
    profile = server.get(f"/api/actors/{actor}")
    return actor, [e for group in profile["relations"].values() for e in group["edges"]]


def test_a_statement_is_confirmed_then_a_stale_rejection_is_refused_with_the_current_state(srv):
    _, edges = edges_of(srv, "soleimani")
    evidence = srv.get(f"/api/relations/{edges[0]['relation']}")
    item = evidence["evidence"][0]
    assert item["review"]["review"] == "unreviewed" and item["review"]["version"] == 0
    assert evidence["edge_review"]["state"] == "unreviewed"
    sid = item["statement"]
    status, answer = post(srv, f"/api/statements/{sid}/confirm", {"version": 0}, "bob")
    assert status == 200 and answer["review"]["reviewer"] == "bob"
    assert answer["current"]["review"] == "confirmed" and answer["current"]["version"] == 1
    status, answer = post(srv, f"/api/statements/{sid}/reject", {"version": 0, "reason": "not him"}, "alice")
    assert status == 409 and "changed since" in answer["error"]
    assert answer["current"]["review"] == "confirmed" and answer["current"]["reviewer"] == "bob"
    assert srv.get(f"/api/statements/{sid}")["version"] == 1  # the refused write changed nothing
    assert srv.get(f"/api/relations/{edges[0]['relation']}")["edge_review"]["state"] == "confirmed"


def test_a_rejected_statement_is_left_out_unless_the_filter_asks_and_undo_brings_it_back(srv):
    actor, edges = edges_of(srv, "hezbollah")
    edge = next(e for e in edges if e["statements"] == 1)
    sid = srv.get(f"/api/relations/{edge['relation']}")["evidence"][0]["statement"]
    status, answer = post(srv, f"/api/statements/{sid}/reject", {"version": 0, "reason": "<b>misread</b>"})
    assert status == 200 and answer["current"]["review"] == "rejected" and answer["current"]["reason"] == "<b>misread</b>"
    assert srv.request(f"/api/relations/{edge['relation']}")[0] == 404
    shown = srv.get(f"/api/relations/{edge['relation']}?rejected=1")
    assert [s["id"] for s in shown["rejected"]] == [sid] and shown["edge_review"]["state"] == "rejected"
    assert edge["relation"] not in {e["relation"] for e in edges_of(srv, "hezbollah")[1]}
    marked = srv.get(f"/api/actors/{actor}?rejected=1")["rejected_edges"]
    assert any(e["relation"] == edge["relation"] and e["review"] == "rejected" for e in marked)
    article = answer["current"]["article_id"]
    assert sid not in {s["id"] for s in srv.get(f"/api/articles/{article}/statements")["statements"]}
    assert sid in {s["id"] for s in srv.get(f"/api/articles/{article}/statements?rejected=1")["statements"]}
    status, undone = post(srv, f"/api/reviews/{answer['review']['seq']}/undo", {})
    assert status == 200 and undone["review"]["kind"] == "undo"
    assert srv.get(f"/api/relations/{edge['relation']}")["evidence"][0]["statement"] == sid
    latest = srv.get("/api/reviews?limit=2")["reviews"]
    assert latest[0]["kind"] == "undo" and latest[1]["undone_by"] == latest[0]["seq"]


def test_corrections_edge_verdicts_actor_edits_and_a_manual_relation(srv):
    actor, edges = edges_of(srv, "quds")
    edge = edges[0]
    sid = srv.get(f"/api/relations/{edge['relation']}")["evidence"][0]["statement"]
    status, answer = post(srv, f"/api/statements/{sid}/correct", {"version": 0, "certainty": "uncertain"})
    assert status == 200 and answer["current"]["certainty"] == "uncertain" and answer["current"]["original"]
    other = edges[-1]
    token = srv.get(f"/api/edges/{other['relation']}")["version"]
    status, answer = post(srv, f"/api/edges/{other['relation']}/confirm", {"version": token})
    assert status == 200 and answer["current"]["state"] == "confirmed"
    assert post(srv, f"/api/edges/{other['relation']}/reject", {"version": token, "reason": "x"})[0] == 409
    state = srv.get(f"/api/actors/{actor}/review")
    status, answer = post(srv, f"/api/actors/{actor}/edit", {"version": state["version"], "wikidata": "Q1137869"})
    assert status == 200 and answer["current"]["wikidata"] == "Q1137869"
    assert post(srv, f"/api/actors/{actor}/edit", {"version": state["version"] + 1, "name": "A", "type": "person"})[0] == 422
    target = next(a for a in srv.get("/api/search?q=aleppo")["actors"])["id"]
    status, answer = post(srv, "/api/relations", {"subject": actor, "predicate": "operates_in", "object": target,
                                                  "source": "Annual report 2020, p. 4", "note": "<i>seen</i> there"})
    assert status == 201 and answer["current"]["by_hand"] and answer["current"]["review"] == "confirmed"
    source = srv.get(f"/api/articles/{answer['review']['after']['article']}")
    assert source["title"] == "Annual report 2020, p. 4" and "<i>seen</i> there" in "".join(s["text"] for s in source["segments"])


def test_nobody_writes_without_being_a_reviewer_and_bad_input_is_named(srv, ro_server):
    _, edges = edges_of(srv, "aleppo")
    sid = srv.get(f"/api/relations/{edges[0]['relation']}")["evidence"][0]["statement"]
    assert post(srv, f"/api/statements/{sid}/confirm", {"version": 0}, None)[0] == 401
    status, _, _ = srv.request(f"/api/statements/{sid}/confirm", {"version": 0},
                               {**srv.bearer(), "Origin": "http://evil.example"})
    assert status == 403
    assert ro_server.request(f"/api/statements/{sid}/confirm", {"version": 0}, {"Authorization": "Bearer x"})[0] == 403
    status, answer = post(srv, f"/api/statements/{sid}/reject", {"version": 0, "reason": " "})
    assert status == 422 and "reason" in answer["error"]
    status, answer = post(srv, f"/api/statements/{sid}/correct", {"version": 0, "predicate": "befriends"})
    assert status == 422 and "befriends" in answer["error"]
    assert post(srv, "/api/statements/s0000000000000000/confirm", {"version": 0})[0] == 404
    assert post(srv, "/api/statements/nonsense/confirm", {"version": 0})[0] == 404
    assert post(srv, "/api/reviews/999999/undo", {})[0] == 404
    assert srv.get(f"/api/statements/{sid}")["version"] == 0  # none of these changed it
