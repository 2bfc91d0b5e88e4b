"""Merge, split, and events and actors added by hand, over a real server: each a review decision naming
the reviewer, undone through the API; who may make them; markup in their fields stays data."""
from __future__ import annotations

import json
import shutil
from urllib.parse import quote

import pytest
from conftest import Server, add_reviewers


@pytest.fixture(scope="module")
def srv(built_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("hand-api") / "store.duckdb"
    shutil.copy(built_store, store)
    server = Server(store, store.with_suffix(".log"), add_reviewers(store, ("alice", "bob")))
    yield server
    server.stop()


def post(server: Server, path: str, data: dict, who: str | None = "alice", **headers) -> tuple[int, dict]:
    status, _, body = server.request(path, data, {**(server.bearer(who) if who else {}), **headers})
    return status, json.loads(body)


def actor(server: Server, name: str) -> str:
    return next(a for a in server.get(f"/api/search?q={quote(name)}")["actors"] if a["name"] == name)["id"]


def seen(server: Server, actor_id: str) -> dict:
    """What a reader sees of an actor: its names and its edges with their counts."""
    p = server.get(f"/api/actors/{actor_id}")
    return {"name": p["actor"]["name"], "aliases": sorted(p["aliases"]),
            "edges": sorted((e["relation"], e["statements"]) for g in p["relations"].values() for e in g["edges"])}


def test_a_merge_made_on_the_web_is_undone_and_both_actors_come_back(srv):
    keep, other = actor(srv, "Islamic Revolutionary Guard Corps"), actor(srv, "IRGC Quds Force")
    before = {keep: seen(srv, keep), other: seen(srv, other)}
    status, answer = post(srv, f"/api/actors/{keep}/merge", {"other": other, "reason": "one body here"})
    assert status == 200 and answer["review"]["kind"] == "merge" and answer["review"]["reviewer"] == "alice"
    assert answer["review"]["before"]["other"]["name"] == "IRGC Quds Force"
    assert srv.request(f"/api/actors/{other}")[0] == 404
    merged = seen(srv, keep)
    assert "IRGC Quds Force" in merged["aliases"] and len(merged["edges"]) > len(before[keep]["edges"])
    assert post(srv, f"/api/actors/{keep}/merge", {"other": other})[0] == 404  # gone: nothing to merge twice
    status, undone = post(srv, f"/api/reviews/{answer['review']['seq']}/undo", {}, "bob")
    assert status == 200 and undone["review"]["kind"] == "undo" and undone["review"]["reviewer"] == "bob"
    assert {keep: seen(srv, keep), other: seen(srv, other)} == before
    assert post(srv, f"/api/reviews/{answer['review']['seq']}/undo", {})[0] == 422  # undone already


def test_a_split_made_on_the_web_is_undone_and_the_new_actor_is_gone(srv):
    keep, other = actor(srv, "Islamic Revolutionary Guard Corps"), actor(srv, "IRGC Quds Force")
    merged = post(srv, f"/api/actors/{keep}/merge", {"other": other})[1]["review"]["seq"]
    before = seen(srv, keep)
    status, answer = post(srv, f"/api/actors/{keep}/split", {"name": "IRGC Quds Force", "reason": "<b>two</b> bodies"})
    assert status == 200 and answer["review"]["kind"] == "split" and answer["review"]["reason"] == "<b>two</b> bodies"
    new = answer["review"]["after"]["other"]
    assert seen(srv, new)["name"] == "IRGC Quds Force"
    # the merge cannot be undone while the later split stands
    status, refused = post(srv, f"/api/reviews/{merged}/undo", {})
    assert status == 409 and f"#{answer['review']['seq']}" in refused["error"]
    assert post(srv, f"/api/actors/{keep}/split", {"name": "Nobody at all"})[0] == 409
    assert post(srv, f"/api/reviews/{answer['review']['seq']}/undo", {})[0] == 200
    assert srv.request(f"/api/actors/{new}")[0] == 404 and seen(srv, keep) == before
    assert post(srv, f"/api/reviews/{merged}/undo", {})[0] == 200


def test_an_event_and_an_actor_added_by_hand_are_marked_and_undone(srv):
    hezbollah, aleppo = actor(srv, "Hezbollah"), actor(srv, "Aleppo")
    note = '<img src=x onerror="alert(1)"> seen by <b>us</b>'
    status, answer = post(srv, "/api/events", {"type": "attack", "participants": [{"actor": hezbollah, "role": "attacker"}],
                                               "source": "Field report 7, p. 2", "note": note, "date": "2021-05-04",
                                               "place": aleppo})
    assert status == 201 and answer["review"]["kind"] == "add-event"
    event = next(e for e in srv.get(f"/api/actors/{hezbollah}")["events"] if e["by_hand"])
    assert (event["type"], event["role"], event["place"], event["sentence"]) == ("attack", "attacker", "Aleppo", note)
    source = srv.get(f"/api/articles/{answer['review']['after']['article']}")
    assert source["by_hand"] and source["added"]["events"][0]["participants"][0]["name"] == "Hezbollah"
    assert "attack" in srv.get("/api/event-types")["types"]
    status, added = post(srv, "/api/actors", {"name": "Liwa <i>Test</i> Brigade", "type": "organization",
                                              "source": "https://example.org/report", "note": note})
    assert status == 201 and added["current"]["name"] == "Liwa <i>Test</i> Brigade"
    new = added["review"]["target_id"]
    assert srv.get(f"/api/actors/{new}")["actor"]["by_hand"]
    assert not srv.get(f"/api/actors/{hezbollah}")["actor"]["by_hand"]
    assert post(srv, "/api/actors", {"name": "X", "type": "spaceship", "source": "a book"})[0] == 422
    assert post(srv, "/api/events", {"type": "attack", "participants": [], "source": "a book"})[0] == 422
    for seq in (added["review"]["seq"], answer["review"]["seq"]):
        assert post(srv, f"/api/reviews/{seq}/undo", {})[0] == 200
    assert srv.request(f"/api/actors/{new}")[0] == 404
    assert not any(e["by_hand"] for e in srv.get(f"/api/actors/{hezbollah}")["events"])


def test_the_new_writes_refuse_no_token_a_bad_token_a_cross_site_origin_and_a_read_only_server(srv, ro_server):
    keep, other = actor(srv, "Islamic Revolutionary Guard Corps"), actor(srv, "IRGC Quds Force")
    writes = [(f"/api/actors/{keep}/merge", {"other": other}), (f"/api/actors/{keep}/split", {"name": "IRGC Quds Force"}),
              ("/api/events", {"type": "attack", "participants": [{"actor": keep}], "source": "a book"}),
              ("/api/actors", {"name": "Someone New", "type": "person", "source": "a book"})]
    before = srv.get("/api/reviews?limit=200")["reviews"]
    for path, data in writes:
        assert post(srv, path, data, None)[0] == 401, path
        assert post(srv, path, data, None, Authorization="Bearer agr_000000000000_" + "x" * 43)[0] == 401, path
        assert post(srv, path, data, "alice", Origin="http://evil.example")[0] == 403, path
        assert post(srv, path, data, "alice", **{"Sec-Fetch-Site": "cross-site"})[0] == 403, path
        assert ro_server.request(path, data, {"Authorization": "Bearer x"})[0] == 403, path
    assert srv.get("/api/reviews?limit=200")["reviews"] == before  # none of them was made


def test_sentence_search_and_the_map_leave_a_rejected_statement_out_unless_asked(srv):
    quds = actor(srv, "Ali Musa Daqduq")  # operates in Iraq, targeted Karbala ...
    link = next(l for p in srv.get(f"/api/map?actor={quds}")["places"] for l in p["links"] if l["relation"])
    sid = srv.get(f"/api/relations/{link['relation']}")["evidence"][0]["statement"]
    sentence = srv.get(f"/api/statements/{sid}")["sentence"]
    q = quote(" ".join(sentence.split()[:4]))

    def found(extra: str = "") -> list[dict]:
        return [s for s in srv.get(f"/api/search/text?q={q}&limit=100{extra}")["statements"] if s["sentence"] == sentence]

    before = len(found())
    status, answer = post(srv, f"/api/statements/{sid}/reject", {"version": 0, "reason": "wrong"})
    assert status == 200 and before >= 1
    assert len(found()) == before - 1 and not any(s.get("rejected") for s in found())
    assert len([s for s in found("&rejected=1") if s.get("rejected")]) == 1 and len(found("&rejected=1")) == before
    edge = srv.get(f"/api/edges/{link['relation']}")
    drawn = {l["relation"]: l["review"] for p in srv.get(f"/api/map?actor={quds}")["places"] for l in p["links"]}
    shown = {l["relation"]: l["review"] for p in srv.get(f"/api/map?actor={quds}&rejected=1")["places"] for l in p["links"]}
    if edge["statements"] == 0:  # every statement of the edge rejected: drawn only with the filter, marked
        assert link["relation"] not in drawn and shown[link["relation"]] == "rejected"
    else:
        assert drawn[link["relation"]] == shown[link["relation"]] == "partly rejected"
    assert post(srv, f"/api/reviews/{answer['review']['seq']}/undo", {})[0] == 200
    assert len(found()) == before
