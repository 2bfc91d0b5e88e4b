"""The review flow in Debian's chromium: two reviewers and a reader on one real server.

Reviewer A rejects a statement, fixes a direction, confirms one by keyboard, adds a relation by
hand with a source, and undoes one action. Reviewer B loaded the page before A's rejection: B's
write is refused as stale and the page shows the current state. The reader sees the results and
cannot write. Reasons and notes carry markup that must stay text.
"""
from __future__ import annotations

import re
import shutil

import pytest
from conftest import Server, Watched, add_reviewers

SETTLE_MS = 20000
REJECT_REASON = "<img src=x onerror=\"window.__pwned='reason'\"> the sentence is about someone else"
NOTE = "<script>window.__pwned='note'</script> named allies in the 2019 report"


@pytest.fixture(scope="module")
def review_server(built_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("review") / "store.duckdb"
    shutil.copy(built_store, store)
    srv = Server(store, store.with_suffix(".log"), add_reviewers(store, ("alice", "bob")))
    yield srv
    srv.stop()


def signed_in(browser, server, name: str) -> Watched:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    p = watched.page
    p.goto(server.base + "/signin")
    p.locator("input[name=token]").fill(server.tokens[name])
    p.get_by_role("button", name="Sign in").click()
    p.locator("nav.top .who", has_text=f"signed in as {name}").wait_for(timeout=SETTLE_MS)
    return watched


def open_evidence(p, server, actor_id: str, relation_id: str, query: str = ""):
    """The actor page with one edge's evidence open; its first statement's review box."""
    p.goto(f"{server.base}/actor/{actor_id}{query}")
    row = p.locator(f"li.relation[data-relation='{relation_id}']")
    row.get_by_role("button", name=re.compile("evidence")).click()
    box = row.locator(".evidence .review").first
    box.wait_for(timeout=SETTLE_MS)
    return row, box


def test_two_reviewers_and_a_reader(browser, review_server):
    server = review_server
    actor = next(a for a in server.get("/api/search?q=soleim")["actors"] if "Soleimani" in a["name"])["id"]
    profile = server.get(f"/api/actors/{actor}")
    edges = [e for group in profile["relations"].values() for e in group["edges"]]
    assert len(edges) >= 3 and all(e["review"] == "unreviewed" for e in edges)
    rejected_edge, reversed_edge, keyed_edge = edges[0], edges[1], edges[2]
    other = next(a for a in server.get("/api/search?q=hezbollah")["actors"])

    a, b = signed_in(browser, server, "alice"), signed_in(browser, server, "bob")
    reader_context = browser.new_context(viewport={"width": 1280, "height": 900})
    reader = Watched(reader_context.new_page())
    try:
        # B loads the statement first, then A rejects it
        _, b_box = open_evidence(b.page, server, actor, rejected_edge["relation"])
        b_box.get_by_role("button", name="Confirm", exact=True).wait_for(timeout=SETTLE_MS)

        pa = a.page
        _, box = open_evidence(pa, server, actor, rejected_edge["relation"])
        box.get_by_role("button", name="Reject", exact=True).click()
        box.locator("input[name=reason]").fill(REJECT_REASON)
        box.locator("input[name=reason]").press("Enter")
        box.locator(".review-status", has_text="Saved as decision").wait_for(timeout=SETTLE_MS)
        assert box.get_attribute("data-review") == "rejected"
        assert REJECT_REASON in box.inner_text()  # the reason is shown, as text

        # A fixes a direction
        _, box = open_evidence(pa, server, actor, reversed_edge["relation"])
        box.get_by_role("button", name="Fix direction").click()
        box.locator(".review-status", has_text="Saved as decision").wait_for(timeout=SETTLE_MS)
        assert box.get_attribute("data-review") == "confirmed" and "corrected" in box.inner_text()

        # A confirms one by keyboard: j moves to the first statement of the page, c confirms it
        _, box = open_evidence(pa, server, actor, keyed_edge["relation"])
        box.get_by_role("button", name="Confirm", exact=True).wait_for(timeout=SETTLE_MS)
        pa.locator("h1").click()
        pa.keyboard.press("j")
        assert pa.evaluate("document.activeElement.dataset.statement") == box.get_attribute("data-statement")
        pa.keyboard.press("c")
        box.locator(".review-status", has_text="Saved as decision").wait_for(timeout=SETTLE_MS)
        assert box.get_attribute("data-review") == "confirmed"
        # ... and undoes it (the Undo button beside the saved decision)
        box.get_by_role("button", name="Undo").click()
        box.locator(".review-status", has_text="undone").wait_for(timeout=SETTLE_MS)
        assert box.get_attribute("data-review") == "unreviewed"

        # A adds a relation by hand, with a source and a note
        pa.locator("details.tool summary", has_text="Add a relation by hand").click()
        form = pa.locator("form.manual-relation")
        form.locator("select[name=predicate]").select_option("allied_with")
        form.locator("input[name=other]").fill(other["name"][:6])
        form.locator(".suggestions a", has_text=other["name"]).first.click()
        form.locator("input[name=source]").fill("https://example.org/2019-report")
        form.locator("textarea[name=note]").fill(NOTE)
        form.get_by_role("button", name="Add relation").click()
        form.locator(".review-status", has_text="Added by hand").wait_for(timeout=SETTLE_MS)

        # B's write on what B loaded before A's rejection is refused; B's page shows the current state
        b_box.get_by_role("button", name="Confirm", exact=True).click()
        b_box.locator(".review-status .stale").wait_for(timeout=SETTLE_MS)
        assert "Not saved" in b_box.inner_text() and "changed since" in b_box.inner_text()
        assert b_box.get_attribute("data-review") == "rejected" and "rejected by alice" in b_box.inner_text()

        # the reader sees the results, with no control to write, and cannot write
        pr = reader.page
        pr.goto(f"{server.base}/actor/{actor}")
        pr.locator("#actor-name").wait_for(timeout=SETTLE_MS)
        assert pr.locator(f"li.relation[data-relation='{rejected_edge['relation']}']").count() == 0  # hidden by default
        manual = pr.locator("li.relation", has=pr.locator("a", has_text=other["name"]))
        manual.first.wait_for(timeout=SETTLE_MS)
        pr.get_by_role("link", name="Show rejected").click()
        gone = pr.locator(f"li.relation.is-rejected[data-relation='{rejected_edge['relation']}']")
        gone.wait_for(timeout=SETTLE_MS)
        assert "rejected" in gone.inner_text()
        gone.get_by_role("button", name=re.compile("evidence")).click()
        shown = gone.locator(".review").first
        shown.wait_for(timeout=SETTLE_MS)
        assert REJECT_REASON in shown.inner_text() and "rejected by alice" in shown.inner_text()
        fixed = pr.locator("li.relation", has=pr.locator(".review-confirmed"))
        assert fixed.count() >= 1  # the edge whose direction A fixed shows its review state
        assert pr.get_by_role("button", name=re.compile("^(Confirm|Reject|Fix direction)")).count() == 0
        status = pr.evaluate("""fetch('/api/statements/' + document.querySelector('.review').dataset.statement + '/confirm',
            {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{"version": 1}'}).then(r => r.status)""")
        assert status == 401
        # the manual relation's note reaches the pages as text only
        for p in (pr, pa, b.page):
            assert p.evaluate("window.__pwned === undefined")
            assert p.locator("main script, main img, main iframe").count() == 0
        reviews = server.get("/api/reviews?limit=20")["reviews"]
        assert {r["reviewer"] for r in reviews} == {"alice"}  # B's refused write made no decision
        assert {r["kind"] for r in reviews} >= {"reject", "correct", "confirm", "undo", "add-relation"}
        for w in (a, b, reader):
            assert [e for e in w.errors if not re.search(r"\b(401|409)\b", e)] == [], w.errors
            assert w.csp_violations() == [] and w.dialogs == []
    finally:
        for w in (a, b, reader):
            w.page.context.close()
