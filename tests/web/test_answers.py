"""A read-only server keeps its answers (the store cannot change while served); a writable one keeps none."""
from __future__ import annotations

import json


def cache(headers: dict) -> str | None:
    return {k.lower(): v for k, v in headers.items()}.get("x-cache")


def actor_id(server, name: str) -> str:
    return server.get(f"/api/search?q={name}")["actors"][0]["id"]


def test_a_read_only_server_answers_a_repeated_request_from_memory_with_the_same_body(ro_server):
    path = f"/api/actors/{actor_id(ro_server, 'soleim')}"
    answers = [ro_server.request(path) for _ in range(3)]
    assert [status for status, _, _ in answers] == [200, 200, 200]
    assert [cache(h) for _, h, _ in answers] in (["miss", "hit", "hit"], ["hit", "hit", "hit"])
    assert answers[0][2] == answers[1][2] == answers[2][2]
    assert json.loads(answers[1][2])["actor"]["name"]
    _, headers, _ = ro_server.request(path)
    assert {k.lower(): v for k, v in headers.items()}["cache-control"] == "no-store"  # browsers still ask again
    # another query string is another answer
    status, headers, body = ro_server.request(path + "?rejected=1")
    assert status == 200 and cache(headers) in ("miss", "hit") and "rejected_edges" in json.loads(body)
    # failures, and who is signed in, are never kept
    for _ in range(2):
        status, headers, _ = ro_server.request("/api/actors/g000000000000")
        assert status == 404 and cache(headers) is None
        status, headers, _ = ro_server.request("/api/session")
        assert status == 200 and cache(headers) is None


def test_a_writable_server_keeps_no_answer_and_shows_a_review_at_once(server):
    actor = actor_id(server, "aleppo")
    for _ in range(2):
        status, headers, _ = server.request(f"/api/actors/{actor}")
        assert status == 200 and cache(headers) is None
