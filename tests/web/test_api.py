"""The JSON API over a real store, through a real `actorgraph serve` on loopback."""
from __future__ import annotations

import json



def soleimani(server) -> dict:
    found = server.get("/api/search?q=soleim")["actors"]
    return next(a for a in found if "Soleimani" in a["name"])


def test_search_finds_actors_by_alias_prefix(ro_server):
    found = ro_server.get("/api/search?q=Quds")
    names = [a["name"] for a in found["actors"]]
    assert any("Quds" in n for n in names)
    assert soleimani(ro_server)["type"] == "person"
    assert ro_server.get("/api/search?q=zzzzqqq")["actors"] == []


def test_search_text_is_data_not_sql(ro_server):
    answer = ro_server.get("/api/search?q=" + "%27%3B%20DROP%20TABLE%20actors%3B--")
    assert answer["actors"] == []
    assert ro_server.get("/api/stats")["counts"]["actors"] > 0


def test_actor_profile_groups_relations_with_counts(ro_server):
    actor = soleimani(ro_server)
    profile = ro_server.get(f"/api/actors/{actor['id']}")
    assert profile["actor"]["name"] == actor["name"]
    edges = [e for group in profile["relations"].values() for e in group["edges"]]
    quds = [e for e in edges if "Quds" in e["other"]["name"]]
    assert quds, f"no Quds Force relation among {[e['other']['name'] for e in edges]}"
    assert all(e["sources"] >= 1 and sum(e["certainty"].values()) >= 1 for e in quds)


def test_relation_evidence_marks_actors_and_cue_inside_the_sentence(ro_server):
    actor = soleimani(ro_server)
    profile = ro_server.get(f"/api/actors/{actor['id']}")
    edge = next(e for g in profile["relations"].values() for e in g["edges"] if "Quds" in e["other"]["name"])
    ev = ro_server.get(f"/api/relations/{edge['relation']}")
    assert ev["statements"] >= 1 and ev["evidence"]
    first = ev["evidence"][0]
    assert "".join(s["text"] for s in first["segments"]) == first["sentence"]
    kinds = {m["kind"] for m in first["marks"]}
    assert {"subject", "object"} <= kinds
    for m in first["marks"]:
        assert 0 <= m["start"] < m["end"] <= len(first["sentence"])
    assert first["article"].startswith("a")


def test_network_is_bounded_and_filtered(ro_server):
    actor = soleimani(ro_server)
    net = ro_server.get(f"/api/network/{actor['id']}?hops=2&limit=80")
    ids = {n["id"] for n in net["nodes"]}
    assert actor["id"] in ids and len(net["edges"]) >= 1
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    small = ro_server.get(f"/api/network/{actor['id']}?hops=3&limit=3")
    assert len(small["nodes"]) <= 3 and small["truncated"] is True
    only = ro_server.get(f"/api/network/{actor['id']}?predicate=leads")
    assert only["edges"] and {e["predicate"] for e in only["edges"]} == {"leads"}
    none = ro_server.get(f"/api/network/{actor['id']}?since=2999-01-01")
    assert none["edges"] == [] and [n["id"] for n in none["nodes"]] == [actor["id"]]
    status, _, body = ro_server.request(f"/api/network/{actor['id']}?certainty=sure")
    assert status == 422 and b"certainty 'sure' is not one of asserted" in body
    status, _, body = ro_server.request(f"/api/network/{actor['id']}?until=2024-13")
    assert status == 422 and b"until '2024-13'" in body
    status, _, _ = ro_server.request(f"/api/network/{actor['id']}?limit=100000")
    assert status == 422


def test_map_places_aleppo_and_draws_the_corridor(ro_server):
    data = ro_server.get("/api/map")
    aleppo = next(p for p in data["places"] if p["name"] == "Aleppo")
    assert abs(aleppo["lat"] - 36.2) < 0.3 and abs(aleppo["lon"] - 37.16) < 0.3
    names = {p["id"]: p["name"] for p in data["places"]}
    runs = [[names[p] for p in c["places"]] for c in data["corridors"]]
    assert ["Baghdad", "Damascus", "Beirut"] in runs
    actor = soleimani(ro_server)
    mine = ro_server.get(f"/api/map?actor={actor['id']}")
    assert "Aleppo" in [p["name"] for p in mine["places"]]


def test_article_view_marks_every_kind_and_keeps_the_text(ro_server):
    listing = ro_server.get("/api/articles?limit=100")
    seed = next(a for a in listing["articles"] if a["source"].endswith("seed-aleppo.txt"))
    view = ro_server.get(f"/api/articles/{seed['id']}")
    assert len("".join(s["text"] for s in view["segments"])) == seed["chars"]
    assert view["counts"]["actor"] > 10 and view["counts"]["cue"] >= 1
    page = ro_server.get("/api/articles?limit=2&offset=1")
    assert len(page["articles"]) == 2 and page["total"] == listing["total"]


def test_every_response_carries_the_security_headers(ro_server):
    for path in ("/", "/api/stats", "/static/js/common.js", "/no/such/page"):
        _, headers, _ = ro_server.request(path)
        csp = headers["content-security-policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                          "frame-ancestors 'none'", "base-uri 'none'"):
            assert directive in csp
        assert "unsafe" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_ids_and_paths_are_checked(ro_server):
    for path in ("/api/actors/..%2F..%2Fetc%2Fpasswd", "/actor/not-an-id", "/api/articles/x' OR 1=1",
                 "/static/../app.py", "/static/%2e%2e/%2e%2e/web/app.py", "/static/..%2fapp.py",
                 "/api/relations/r0000000000000000", "/api/actors/g000000000000"):
        status, _, body = ro_server.request(path.replace(" ", "%20"))
        assert status == 404, (path, status)
        assert b"create_app" not in body and b"root:" not in body


def test_openapi_is_served_and_docs_need_no_cdn(ro_server):
    spec = ro_server.get("/openapi.json")
    for path in ("/api/search", "/api/actors/{actor_id}", "/api/network/{actor_id}", "/api/map",
                 "/api/articles/{article_id}", "/api/relations/{relation_id}"):
        assert path in spec["paths"]
    assert ro_server.request("/docs")[0] == 404


def test_ingest_is_off_on_a_store_without_reviewers(ro_server):
    status, _, body = ro_server.request("/api/articles", {"text": "Hezbollah is based in Lebanon."})
    assert status == 403 and b"reviewers add" in body


def test_ingest_requires_a_reviewer_token_and_names_bad_input(server):
    article = {"text": "Hezbollah fighters are based in Nabatieh, Lebanon, officials said.", "format": "text"}
    assert server.request("/api/articles", article)[0] == 401
    assert server.request("/api/articles", article, {"Authorization": "Bearer wrong-token-123"})[0] == 401
    status, _, body = server.request("/api/articles", article, server.bearer())
    assert status == 201, body
    stored = json.loads(body)
    assert stored["reviewer"] == "alice"
    assert server.get(f"/api/articles/{stored['article']}")["source"] == stored["source"]
    status, _, body = server.request("/api/articles", article, server.bearer())
    assert status == 201 and json.loads(body)["new"] is False
    status, _, body = server.request("/api/articles", {"text": "   \n  ", "source": "blank-note"},
                                     server.bearer())
    assert status == 422 and b"blank-note" in body


def test_search_pages_and_puts_names_starting_with_the_text_first(ro_server):
    everything = ro_server.get("/api/search?q=a&limit=50")
    assert everything["total"] > 10
    first, second = ro_server.get("/api/search?q=a&limit=5"), ro_server.get("/api/search?q=a&limit=5&offset=5")
    ids = [a["id"] for a in first["actors"] + second["actors"]]
    assert len(set(ids)) == 10 and ids == [a["id"] for a in everything["actors"][:10]]
    starting = [a for a in everything["actors"] if (a["matched"] or a["name"]).lower().startswith("a")]
    assert everything["actors"][:len(starting)] == starting


def test_only_loopback_host_names_are_answered(ro_server):
    """A page elsewhere that rebinds its own name to 127.0.0.1 gets nothing from a local server."""
    status, _, body = ro_server.request("/api/stats", headers={"Host": "evil.example:8000"})
    assert status == 400 and b"evil.example" in body
    for host in ("localhost", f"127.0.0.1:{ro_server.port}"):
        assert ro_server.request("/api/stats", headers={"Host": host})[0] == 200


def test_an_oversized_article_is_refused_before_it_is_read(server):
    status, _, body = server.request("/api/articles", headers={**server.bearer(),
                                                                "Content-Length": str(10**9)}, method="POST")
    assert status == 413 and b"limit" in body
