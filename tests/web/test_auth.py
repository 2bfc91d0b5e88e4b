"""Who may write, over real `actorgraph serve` processes: reviewer tokens, sessions, CSRF, cross-site refusals.

Readers need no token. A write needs a reviewer's Bearer token, or their session cookie with the
session's CSRF token from a page of this server; a removed reviewer's token and sessions stop working.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import ROOT, Server, add_reviewers

ARTICLE = {"text": "Hezbollah fighters are based in Nabatieh, Lebanon, officials said on Monday.", "format": "text",
           "source": "auth-test.txt"}


def form(server: Server, path: str, fields: dict, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """POST a urlencoded form as a browser would, without following a redirect."""
    import urllib.request
    body = urlencode(fields).encode()
    req = urllib.request.Request(server.base + path, data=body, method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=60) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def sign_in(server: Server, token: str) -> tuple[str, str]:
    """Sign in through /signin; the Cookie header value and the session's CSRF token."""
    status, headers, _ = form(server, "/signin", {"token": token, "next": "/articles"}, {"Origin": server.base})
    assert status == 303 and headers["location"] == "/articles"
    cookie = SimpleCookie(headers["set-cookie"])
    morsel = cookie["actorgraph_session"]
    assert morsel["httponly"] and morsel["samesite"] == "strict" and morsel["path"] == "/"
    header = f"actorgraph_session={morsel.value}"
    status, _, body = server.request("/api/session", headers={"Cookie": header})
    answer = json.loads(body)
    assert status == 200 and answer["reviewer"] in server.tokens and answer["csrf"]
    return header, answer["csrf"]


def test_readers_need_no_token_and_a_session_is_nobody_without_a_cookie(server):
    assert server.get("/api/stats")["writable"] is True
    assert server.get("/api/session") == {"reviewer": None, "csrf": None, "writable": True}


def test_a_write_without_a_token_or_with_a_wrong_one_is_refused(server):
    assert server.request("/api/articles", ARTICLE)[0] == 401
    for wrong in ("Bearer nope", "Bearer agr_000000000000_" + "A" * 43, "Basic YWxpY2U6eA==",
                  "Bearer " + server.tokens["alice"][:-1] + "x"):
        status, headers, body = server.request("/api/articles", ARTICLE, {"Authorization": wrong})
        assert status == 401 and headers.get("www-authenticate") == "Bearer", (wrong, body)


def test_every_write_names_its_reviewer(server):
    for name in ("alice", "bob"):
        status, _, body = server.request("/api/articles", ARTICLE, server.bearer(name))
        assert status == 201 and json.loads(body)["reviewer"] == name


def test_a_cross_site_write_is_refused_even_with_a_valid_token(server):
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                    {"Referer": "http://evil.example/page"}):
        status, _, body = server.request("/api/articles", ARTICLE, {**server.bearer(), **headers})
        assert status == 403 and b"cross-site" in body, (headers, body)
    cookie, csrf = sign_in(server, server.tokens["bob"])
    status, _, body = server.request("/api/articles", ARTICLE, {"Cookie": cookie, "X-CSRF-Token": csrf,
                                                                 "Origin": "http://evil.example"})
    assert status == 403 and b"evil.example" in body
    # signing in from another site is refused too (a page elsewhere cannot sign a browser in)
    status, headers, body = form(server, "/signin", {"token": server.tokens["bob"]}, {"Origin": "http://evil.example"})
    assert status == 403 and "set-cookie" not in headers


def test_a_session_write_needs_its_csrf_token_and_a_page_of_this_server(server):
    cookie, csrf = sign_in(server, server.tokens["alice"])
    _, other_csrf = sign_in(server, server.tokens["bob"])
    same = {"Cookie": cookie, "Origin": server.base}
    assert server.request("/api/articles", ARTICLE, same)[0] == 403  # no CSRF token
    status, _, body = server.request("/api/articles", ARTICLE, {**same, "X-CSRF-Token": other_csrf})
    assert status == 403 and b"CSRF" in body  # another session's token
    status, _, body = server.request("/api/articles", ARTICLE, {"Cookie": cookie, "X-CSRF-Token": csrf})
    assert status == 403 and b"Origin" in body  # neither Origin nor Referer: not from a page of ours
    status, _, body = server.request("/api/articles", ARTICLE, {**same, "X-CSRF-Token": csrf})
    assert status == 201 and json.loads(body)["reviewer"] == "alice"
    status, _, _ = server.request("/api/articles", ARTICLE, {"Cookie": cookie, "X-CSRF-Token": csrf,
                                                              "Referer": server.base + "/articles"})
    assert status == 201
    # a forged or altered cookie is no session
    forged = re.sub(r"\.(\d+)\.", lambda m: f".{int(m.group(1)) + 1}.", cookie)
    status, _, body = server.request("/api/articles", ARTICLE, {"Cookie": forged, "Origin": server.base,
                                                                 "X-CSRF-Token": csrf})
    assert status == 401 and b"sign in" in body
    # signing out is a write too: refused without the CSRF token, done with it
    assert form(server, "/signout", {}, same)[0] == 403
    status, headers, _ = form(server, "/signout", {"csrf": csrf}, same)
    assert status == 303 and "actorgraph_session=\"\"" in headers["set-cookie"]


def test_a_wrong_token_at_the_sign_in_form_says_so_and_sets_no_cookie(server):
    status, headers, body = form(server, "/signin", {"token": "agr_000000000000_" + "A" * 43}, {"Origin": server.base})
    assert status == 401 and "set-cookie" not in headers and b"not a reviewer" in body
    assert b"<form" in body  # the form again, to try once more


def test_a_read_only_server_lets_nobody_write_or_sign_in(ro_server):
    assert ro_server.get("/api/session") == {"reviewer": None, "csrf": None, "writable": False}
    status, _, body = ro_server.request("/api/articles", ARTICLE, {"Authorization": "Bearer anything"})
    assert status == 403 and b"read-only" in body
    status, headers, body = form(ro_server, "/signin", {"token": "x"}, {"Origin": ro_server.base})
    assert status == 403 and "set-cookie" not in headers


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "actorgraph.cli", *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


@pytest.fixture
def own_store(built_store, tmp_path):
    path = tmp_path / "own.duckdb"
    shutil.copy(built_store, path)
    return path


def test_reviewers_command_adds_lists_and_removes_and_keeps_only_hashes(own_store):
    added = cli("reviewers", "add", "Carol Ng", "--store", str(own_store))
    assert added.returncode == 0, added.stderr
    token = added.stdout.strip()
    assert re.fullmatch(r"agr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}", token) and "shown this once" in added.stderr
    again = cli("reviewers", "add", "Carol Ng", "--store", str(own_store))
    assert again.returncode == 2 and "already" in again.stderr
    bad = cli("reviewers", "add", "<script>", "--store", str(own_store))
    assert bad.returncode == 2 and "not valid" in bad.stderr
    listed = cli("reviewers", "list", "--json", "--store", str(own_store))
    rows = json.loads(listed.stdout)
    assert [r["name"] for r in rows] == ["Carol Ng"] and token.split("_")[1] == rows[0]["token_id"]
    kept = Path(f"{own_store}.reviewers")  # the reviewers file beside the store: only the salted hash is kept
    assert token.split("_", 2)[2].encode() not in kept.read_bytes() + own_store.read_bytes()
    assert kept.stat().st_mode & 0o777 == 0o600
    missing = cli("reviewers", "remove", "Dan", "--store", str(own_store))
    assert missing.returncode == 2 and "Carol Ng" in missing.stderr
    removed = cli("reviewers", "remove", "Carol Ng", "--store", str(own_store))
    assert removed.returncode == 0 and "no longer work" in removed.stdout
    assert "no reviewers" in cli("reviewers", "list", "--store", str(own_store)).stdout


def test_reviewers_added_or_removed_while_the_server_runs_take_effect_at_its_next_request(own_store):
    tokens = add_reviewers(own_store, ("carol", "dave"))
    srv = Server(own_store, own_store.with_suffix(".log"), tokens)
    try:
        carol, carol_csrf = sign_in(srv, tokens["carol"])
        dave, dave_csrf = sign_in(srv, tokens["dave"])
        assert srv.request("/api/articles", ARTICLE, srv.bearer("carol"))[0] == 201  # her token is now trusted
        # the server holds the store; the reviewers file beside it changes under it
        assert cli("reviewers", "remove", "carol", "--store", str(own_store)).returncode == 0
        status, _, body = srv.request("/api/articles", ARTICLE, srv.bearer("carol"))
        assert status == 401 and b"removed" in body
        status, _, body = srv.request("/api/articles", ARTICLE, {"Cookie": carol, "X-CSRF-Token": carol_csrf,
                                                                  "Origin": srv.base})
        assert status == 401 and b"session has ended" in body
        assert json.loads(srv.request("/api/session", headers={"Cookie": carol})[2])["reviewer"] is None
        # dave's session goes on: the refusal above is carol's removal, nothing else
        status, _, body = srv.request("/api/articles", ARTICLE, {"Cookie": dave, "X-CSRF-Token": dave_csrf,
                                                                  "Origin": srv.base})
        assert status == 201 and json.loads(body)["reviewer"] == "dave"
        added = cli("reviewers", "add", "erin", "--store", str(own_store))
        assert added.returncode == 0, added.stderr
        status, _, body = srv.request("/api/articles", ARTICLE, {"Authorization": f"Bearer {added.stdout.strip()}"})
        assert status == 201 and json.loads(body)["reviewer"] == "erin"
        listed = json.loads(cli("reviewers", "list", "--json", "--store", str(own_store)).stdout)
        assert [r["name"] for r in listed] == ["dave", "erin"]
    finally:
        srv.stop()
    # after a restart the removal holds, and the sessions signed before it still work for dave
    srv = Server(own_store, own_store.with_suffix(".log"), tokens)
    try:
        assert srv.request("/api/articles", ARTICLE, srv.bearer("carol"))[0] == 401
        status, _, body = srv.request("/api/articles", ARTICLE, {"Cookie": dave, "X-CSRF-Token": dave_csrf,
                                                                  "Origin": srv.base})
        assert status == 201
    finally:
        srv.stop()


def test_reviewers_of_a_store_from_before_the_file_move_to_it(own_store):
    """A store made when reviewers lived in its table: the migration moves them, with the tokens they had."""
    import duckdb

    from actorgraph.store.reviewers import token_hash
    salt = bytes(16)
    with duckdb.connect(str(own_store)) as conn:
        conn.execute("INSERT INTO reviewers VALUES ('olga', '0123456789ab', ?, ?, now())",
                     [salt, token_hash("s" * 43, salt)])
        conn.execute("DELETE FROM migrations WHERE version = 18")
    listed = cli("reviewers", "list", "--json", "--store", str(own_store))
    assert [r["name"] for r in json.loads(listed.stdout)] == ["olga"], listed.stderr
    srv = Server(own_store, own_store.with_suffix(".log"))
    try:
        status, _, body = srv.request("/api/articles", ARTICLE, {"Authorization": f"Bearer agr_0123456789ab_{'s' * 43}"})
        assert status == 201 and json.loads(body)["reviewer"] == "olga"
    finally:
        srv.stop()
