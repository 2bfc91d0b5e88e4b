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


HOSTILE = "<img src=x onerror=\"window.__pwned='hand'\"><script>window.__pwned='hand'</script>"


def test_merge_split_undo_and_additions_by_hand_with_a_reader(browser, review_server):
    server = review_server
    keep = next(a for a in server.get("/api/search?q=revolutionary")["actors"]
                if a["name"] == "Islamic Revolutionary Guard Corps")["id"]
    other = next(a for a in server.get("/api/search?q=quds")["actors"] if a["name"] == "IRGC Quds Force")["id"]
    before = {i: server.get(f"/api/actors/{i}") for i in (keep, other)}
    a = signed_in(browser, server, "alice")
    reader_context = browser.new_context(viewport={"width": 1280, "height": 900})
    reader = Watched(reader_context.new_page())
    pa, pr = a.page, reader.page
    try:
        # merge: the other actor is picked by name; the page comes back with its name among the aliases
        pa.goto(f"{server.base}/actor/{keep}")
        pa.locator("details.tool summary", has_text="Merge another actor").click()
        form = pa.locator("form.merge-form")
        form.locator("input[name=merge-other]").fill("IRGC Quds")
        form.locator(".suggestions a", has_text="IRGC Quds Force").first.click()
        form.locator("input[name=merge-reason]").fill(f"one body here {HOSTILE}")
        form.get_by_role("button", name=re.compile("^Merge into")).click()
        pa.locator("p.aliases", has_text="IRGC Quds Force").wait_for(timeout=SETTLE_MS)
        merge = pa.locator("#actor-decisions li[data-kind=merge]")
        merge.wait_for(timeout=SETTLE_MS)
        assert "one body here <img" in merge.inner_text()  # the reason, as text
        assert server.request(f"/api/actors/{other}")[0] == 404

        # split: the articles calling it "IRGC Quds Force" become an actor of their own
        pa.locator("details.tool summary", has_text="Split off").click()
        form = pa.locator("form.split-form")
        form.locator("select[name=split-name]").select_option("IRGC Quds Force")
        form.locator("input[name=split-reason]").fill("two bodies after all")
        form.get_by_role("button", name="Split into a new actor").click()
        made = form.locator("a.split-new")
        made.wait_for(timeout=SETTLE_MS)
        new = made.get_attribute("href").rsplit("/", 1)[1]
        assert server.get(f"/api/actors/{new}")["actor"]["name"] == "IRGC Quds Force" and new != other

        # undo the split, then the merge (in that order: the merge cannot be undone under the split)
        for kind in ("split", "merge"):
            pa.goto(f"{server.base}/actor/{keep}")
            row = pa.locator(f"#actor-decisions li[data-kind={kind}]:not(.undone)")
            row.get_by_role("button", name="Undo").click()
            pa.locator(f"#actor-decisions li.undone[data-kind={kind}]").first.wait_for(timeout=SETTLE_MS)
        assert server.request(f"/api/actors/{new}")[0] == 404
        for i, profile in before.items():
            now = server.get(f"/api/actors/{i}")
            assert (now["actor"]["name"], sorted(now["aliases"]), now["relations"].keys()) == (
                profile["actor"]["name"], sorted(profile["aliases"]), profile["relations"].keys())

        # an event by hand, on the actor page: type, role, place, date, source, note
        pa.goto(f"{server.base}/actor/{keep}")
        pa.locator("details.tool summary", has_text="Add an event by hand").click()
        form = pa.locator("form.manual-event")
        form.locator("input[name=event-type]").fill("attack")
        form.locator("input[name=event-role]").fill("attacker")
        form.locator("input[name=event-place]").fill("Alepp")
        form.locator(".suggestions a", has_text="Aleppo").first.click()
        form.locator("input[name=event-date]").fill("2021-05-04")
        form.locator("input[name=event-source]").fill("Field report 7, p. 2")
        form.locator("textarea[name=event-note]").fill(f"struck a depot {HOSTILE}")
        form.get_by_role("button", name="Add event").click()
        form.locator(".review-status", has_text="Event added by hand").wait_for(timeout=SETTLE_MS)

        # an actor by hand, on the review page
        pa.goto(f"{server.base}/review")
        pa.locator("#add-actor summary").click()
        form = pa.locator("form.manual-actor")
        form.locator("input[name=actor-name]").fill("Liwa <b>Test</b> Brigade")
        form.locator("select[name=actor-type]").select_option("organization")
        form.locator("input[name=actor-source]").fill("https://example.org/brigades")
        form.locator("textarea[name=actor-note]").fill(f"formed in 2021 {HOSTILE}")
        form.get_by_role("button", name="Add actor").click()
        link = form.locator("a.added-actor")
        link.wait_for(timeout=SETTLE_MS)
        added = link.get_attribute("href").rsplit("/", 1)[1]

        # the reader sees all of it, marked by hand, and has no control to write and cannot write
        pr.goto(f"{server.base}/actor/{keep}")
        pr.locator("#actor-name").wait_for(timeout=SETTLE_MS)
        event = pr.locator("section", has=pr.locator("h2", has_text="Events")).locator("tr", has_text="attack")
        event.wait_for(timeout=SETTLE_MS)
        assert "added by hand" in event.inner_text() and "attacker" in event.inner_text() and "Aleppo" in event.inner_text()
        assert f"struck a depot <img" in event.inner_text()
        pr.locator("#actor-decisions li[data-kind=merge].undone").wait_for(timeout=SETTLE_MS)
        assert pr.locator("#actor-decisions button").count() == 0
        assert pr.locator("form.merge-form, form.split-form, form.manual-event").count() == 0
        pr.goto(f"{server.base}/actor/{added}")
        pr.locator("#actor-name", has_text="Liwa <b>Test</b> Brigade").wait_for(timeout=SETTLE_MS)
        assert "added by hand" in pr.locator("h1").inner_text()
        pr.goto(f"{server.base}/review")
        pr.locator("#queue li, #queue p").first.wait_for(timeout=SETTLE_MS)
        assert pr.locator("form.manual-actor").count() == 0
        for path, body in ((f"/api/actors/{keep}/merge", {"other": added}), (f"/api/actors/{keep}/split", {"name": "x"}),
                           ("/api/events", {"type": "attack", "participants": [{"actor": keep}], "source": "a"}),
                           ("/api/actors", {"name": "X", "type": "person", "source": "a"})):
            status = pr.evaluate("""([path, body]) => fetch(path, {method: 'POST', body: JSON.stringify(body),
                headers: {'Content-Type': 'application/json'}}).then(r => r.status)""", [path, body])
            assert status == 401, path
        # the map's rejected control: hidden by default, one click shows them
        pr.goto(f"{server.base}/map?actor={keep}")
        pr.locator("#rejected-toggle", has_text="Show rejected").click()
        pr.locator("#rejected-toggle", has_text="Hide rejected").wait_for(timeout=SETTLE_MS)
        assert "rejected=1" in pr.url
        for p in (pa, pr):
            assert p.evaluate("window.__pwned === undefined")
            assert p.locator("main script, main img, main iframe").count() == 0
        kinds = [r["kind"] for r in server.get("/api/reviews?limit=12")["reviews"] if r["reviewer"] == "alice"]
        assert {"merge", "split", "undo", "add-event", "add-actor"} <= set(kinds)
        for w in (a, reader):
            assert [e for e in w.errors if not re.search(r"\b(401|409)\b", e)] == [], w.errors
            assert w.csp_violations() == [] and w.dialogs == []
    finally:
        a.page.context.close()
        reader_context.close()
