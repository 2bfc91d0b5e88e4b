"""End to end in Debian's chromium: search, actor page and evidence, network, map, article,
and a hostile article whose payloads must stay text."""
from __future__ import annotations

import json
import re


SETTLE_MS = 15000  # the page's own CSP forbids eval, so waits use locators, not wait_for_function


def clean(watched) -> None:
    """No script error, no CSP violation, no dialog on the page so far."""
    assert watched.errors == [], watched.errors
    assert watched.csp_violations() == []
    assert watched.dialogs == []


def open_soleimani(watched, server) -> None:
    page = watched.page
    page.goto(server.base + "/")
    box = page.get_by_role("searchbox", name="search actors").first
    box.fill("Soleimani")
    suggestion = page.locator(".suggestions a.suggestion", has_text="Soleimani").first
    suggestion.wait_for(timeout=SETTLE_MS)
    suggestion.click()
    page.wait_for_url(re.compile(r"/actor/g[0-9a-f]+$"))
    page.locator("#actor-name").wait_for(timeout=SETTLE_MS)


def test_search_actor_page_and_evidence(page, ro_server):
    open_soleimani(page, ro_server)
    p = page.page
    assert "Soleimani" in p.locator("#actor-name").inner_text()
    row = p.locator("li.relation", has=p.locator("a", has_text="Quds")).first
    row.get_by_role("button", name=re.compile("evidence")).click()
    sentence = row.locator("blockquote.sentence").first
    sentence.wait_for(timeout=SETTLE_MS)
    assert "Quds" in sentence.inner_text()
    assert row.locator(".hl-subject, .hl-object").count() >= 2
    assert p.locator("#timeline li").count() >= 1
    # the evidence links to its sentence in the article, which the article page scrolls to and marks
    quoted = sentence.inner_text()
    row.locator("a[href^='/article/a']").first.click()
    focus = p.locator("#article-text[data-focus]")
    focus.wait_for(timeout=SETTLE_MS)
    marked = p.evaluate("CSS.highlights.get('evidence').values().next().value.toString()")
    assert marked.strip() == quoted.strip()
    clean(page)


def test_network_draws_nodes_and_edges_and_shows_edge_evidence(page, ro_server):
    open_soleimani(page, ro_server)
    p = page.page
    p.get_by_role("link", name="Network").click()
    p.locator("#cy[data-edges]").wait_for(timeout=SETTLE_MS)  # set once the graph is drawn
    counts = p.evaluate("({nodes: window.actorgraphNetwork.nodes().length, edges: window.actorgraphNetwork.edges().length,"
                        " drawn: window.actorgraphNetwork.nodes().filter(n => n.renderedBoundingBox().w > 0).length})")
    assert counts["nodes"] >= 2 and counts["edges"] >= 1 and counts["drawn"] == counts["nodes"]
    assert p.locator("#cy canvas").count() >= 1
    # a real mouse click on the middle of the first edge opens its evidence
    # no scrolling first: cytoscape caches where its box is and learns of a scroll only later
    point = p.evaluate("""(() => { const cy = window.actorgraphNetwork;
        const r = document.querySelector('#cy').getBoundingClientRect();
        const clear = (m) => cy.nodes().every(n => { const b = n.renderedBoundingBox({includeLabels: false});
            return m.x < b.x1 - 4 || m.x > b.x2 + 4 || m.y < b.y1 - 4 || m.y > b.y2 + 4; });
        const straight = cy.edges().filter(e => e.parallelEdges().length === 1);  // a curve's midpoint may miss it
        const inside = [];
        straight.forEach(e => { const a = e.renderedSourceEndpoint(), b = e.renderedTargetEndpoint();
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) inside.push({x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)}); });
        inside.splice(0, inside.length, ...inside.filter(m => m.x > 10 && m.y > 10 && clear(m)
            && r.top + m.y < window.innerHeight - 10 && m.x < r.width - 10 && m.y < r.height - 10));
        return {x: r.left + inside[0].x, y: r.top + inside[0].y}; })()""")
    p.mouse.click(point["x"], point["y"])
    p.locator("#edge-panel blockquote.sentence").first.wait_for(timeout=SETTLE_MS)
    # a filter re-queries the bounded neighbourhood
    p.locator("select[name=hops]").select_option("2")
    p.locator("#network-status", has_text="actors").wait_for(timeout=SETTLE_MS)
    assert p.locator("#cy canvas").count() >= 1
    clean(page)


def test_map_places_aleppo(page, ro_server):
    p = page.page
    p.goto(ro_server.base + "/map")
    p.locator("#map[data-markers]").wait_for(timeout=SETTLE_MS)  # set once the places are drawn
    assert int(p.locator("#map").get_attribute("data-markers")) > 0
    label = p.locator(".leaflet-tooltip", has_text="Aleppo")
    assert label.count() == 1 and label.is_visible()
    assert p.locator("path.leaflet-interactive").count() > 100  # country shapes drawn from the vendored TopoJSON
    assert int(p.locator("#map").get_attribute("data-corridors")) >= 1
    assert p.locator("path.corridor").count() >= 1
    clean(page)


def test_article_page_highlights(page, ro_server):
    seed = next(a for a in ro_server.get("/api/articles?limit=100")["articles"]
                if a["source"].endswith("seed-aleppo.txt"))
    p = page.page
    p.goto(f"{ro_server.base}/article/{seed['id']}")
    text = p.locator("#article-text")
    text.wait_for(timeout=SETTLE_MS)
    assert p.locator("#article-text a.hl-actor", has_text="Soleimani").count() >= 1
    assert p.locator("#article-text .hl-cue").count() >= 1
    assert p.locator("#article-text .hl-quote, #article-text .hl-figure").count() >= 1
    assert len(text.inner_text()) > 0.9 * seed["chars"]
    clean(page)


HOSTILE = """General Hassan <img src=x onerror="window.__pwned='img'"> Khalil leads the Quds Force in Aleppo.

"<script>window.__pwned='script'</script> We will strike," said Qassem Soleimani, the head of the Quds Force.

Hezbollah, whose <a href="javascript:window.__pwned='link'">javascript:alert(1)</a> fighters are based in Aleppo, \
moved 1,500 fighters from Baghdad to Damascus to Beirut.
<svg onload="window.__pwned='svg'"></svg><iframe src="javascript:alert(2)"></iframe>
"""


REVIEW_MARKUP = "<img src=x onerror=\"window.__pwned='review'\"><script>window.__pwned='r2'</script> wrong <b>actor</b>"


def test_hostile_article_stays_text(page, server):
    status, _, body = server.request(
        "/api/articles",
        {"text": HOSTILE, "format": "text", "source": "hostile<script>alert(3)</script>.txt",
         "title": "<img src=x onerror=\"window.__pwned='title'\">Title", "url": "javascript:alert(4)"},
        server.bearer())
    assert status == 201, body
    article_id = json.loads(body)["article"]
    p = page.page
    p.goto(f"{server.base}/article/{article_id}")
    p.locator("#article-text").wait_for(timeout=SETTLE_MS)
    shown = p.locator("#article-text").inner_text()
    assert "<script>window.__pwned='script'</script>" in shown  # the payload reached the page, as text
    assert "<img src=x" in p.locator("h1").inner_text()
    assert p.locator("#article-text script, #article-text img, #article-text svg, #article-text iframe").count() == 0
    assert p.locator("a[href^='javascript']").count() == 0
    # every page that shows this article's actors, quotes and sentences
    actors = {m["actor"]["id"] for m in server.get(f"/api/articles/{article_id}")["marks"] if m["kind"] == "actor"}
    for actor_id in sorted(actors):
        p.goto(f"{server.base}/actor/{actor_id}")
        p.locator("#actor-name").wait_for(timeout=SETTLE_MS)
        for button in p.get_by_role("button", name=re.compile("evidence")).all():
            button.click()
        p.wait_for_timeout(300)
        assert p.locator("main script, main img, main iframe, main svg").count() == 0
    # review reasons, manual-relation notes and sources carrying markup stay text on every page that shows them
    statements = server.get(f"/api/articles/{article_id}/statements")["statements"]
    assert len(statements) >= 2
    first, second = statements[0], statements[1]
    status, _, body = server.request(f"/api/statements/{first['id']}/reject",
                                     {"version": first["version"], "reason": REVIEW_MARKUP}, server.bearer())
    assert status == 200, body
    status, _, body = server.request(f"/api/statements/{second['id']}/confirm",
                                     {"version": second["version"], "reason": REVIEW_MARKUP}, server.bearer())
    assert status == 200, body
    status, _, body = server.request("/api/relations", {
        "subject": second["subject"], "predicate": "opposes", "object": second["object"],
        "source": "<iframe src=\"javascript:window.__pwned='source'\"></iframe> a citation", "note": REVIEW_MARKUP},
        server.bearer())
    assert status == 201, body
    manual_article = json.loads(body)["review"]["after"]["article"]
    for path in (f"/article/{article_id}?rejected=1", f"/actor/{first['subject']}?rejected=1",
                 f"/actor/{second['subject']}", "/review", f"/article/{manual_article}"):
        p.goto(server.base + path)
        p.locator("main h1").first.wait_for(timeout=SETTLE_MS)
        for button in p.get_by_role("button", name=re.compile("evidence")).all():
            button.click()
        p.wait_for_timeout(500)
        assert p.locator("main script, main img, main iframe, main svg").count() == 0, path
    p.goto(f"{server.base}/article/{article_id}?rejected=1")
    p.locator("#statements li.is-rejected").first.wait_for(timeout=SETTLE_MS)
    assert REVIEW_MARKUP in p.locator("#statements").inner_text()
    p.goto(f"{server.base}/articles")
    p.locator("ul.articles li").first.wait_for(timeout=SETTLE_MS)
    p.goto(f"{server.base}/map")
    p.locator("#map[data-markers]").wait_for(timeout=SETTLE_MS)
    p.goto(f"{server.base}/")
    p.get_by_role("searchbox", name="search sentences").fill("strike")
    p.get_by_role("button", name="Search sentences").click()
    p.locator(".sentences li").first.wait_for(timeout=SETTLE_MS)
    assert p.evaluate("window.__pwned === undefined")
    clean(page)


def test_pages_fit_a_narrow_window(browser, ro_server):
    """At phone width no page scrolls sideways (wide tables scroll inside their own box)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        p = context.new_page()
        actor = next(a for a in ro_server.get("/api/search?q=soleim")["actors"] if "Soleimani" in a["name"])
        article = ro_server.get("/api/articles?limit=1")["articles"][0]
        for path, ready in ((f"/actor/{actor['id']}", "#timeline"), (f"/network/{actor['id']}", "#cy[data-edges]"),
                            ("/map", "#map[data-markers]"), (f"/article/{article['id']}", "#article-text"),
                            ("/", ".overview ol")):
            p.goto(ro_server.base + path)
            p.locator(ready).first.wait_for(timeout=SETTLE_MS)
            width = p.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], (path, width)
    finally:
        context.close()


def sign_in(watched, server, token: str, expect_ok: bool = True) -> None:
    """Sign in through the page's own form (a plain form post: no script involved)."""
    p = watched.page
    p.goto(server.base + "/signin?next=/articles")
    p.locator("input[name=token]").fill(token)
    p.get_by_role("button", name="Sign in").click()
    if expect_ok:
        p.locator("nav.top .who", has_text="signed in as").wait_for(timeout=SETTLE_MS)


def test_ingest_form_appears_only_for_a_signed_in_reviewer_and_stores_the_article(page, server, ro_server):
    p = page.page
    p.goto(ro_server.base + "/articles")
    p.locator("ul.articles li").first.wait_for(timeout=SETTLE_MS)
    assert p.locator("#add-article form").count() == 0
    assert p.get_by_role("link", name="Sign in to review").count() == 0  # a read-only server has no sign-in
    p.goto(server.base + "/articles")
    p.get_by_role("link", name="Sign in to review").wait_for(timeout=SETTLE_MS)
    assert p.locator("#add-article form").count() == 0  # a reader: no form
    sign_in(page, server, "agr_000000000000_" + "x" * 43, expect_ok=False)
    p.locator("p.error", has_text="not a reviewer's").wait_for(timeout=SETTLE_MS)
    sign_in(page, server, server.tokens["alice"])
    assert p.url.endswith("/articles")
    p.locator("#add-article summary").click()
    form = p.locator("#add-article form")
    form.locator("textarea[name=text]").fill("The Houthis, also known as Ansarallah, are based in Sanaa, Yemen, "
                                             "and operate in the Red Sea, officials said on Monday.")
    form.locator("input[name=title]").fill("A form test")
    form.get_by_role("button", name="Ingest").click()
    form.get_by_role("link", name="open the article").click()
    p.locator("#article-text").wait_for(timeout=60000)
    assert p.locator("h1").inner_text() == "A form test"
    assert p.locator("#article-text .hl-actor").count() >= 2
    cookie = next(c for c in p.context.cookies() if c["name"] == "actorgraph_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert p.evaluate("document.cookie") == ""  # the page's scripts cannot read the session
    p.get_by_role("button", name="Sign out").click()
    p.get_by_role("link", name="Sign in to review").wait_for(timeout=SETTLE_MS)
    assert [e for e in page.errors if "401" not in e] == []  # the refused sign-in is logged by the browser
    assert page.csp_violations() == [] and page.dialogs == []


def _box(text: str) -> tuple[float, float, float, float]:
    south, west, north, east = (float(x) for x in text.split(","))
    return south, west, north, east


def test_the_map_of_the_dev_store_opens_on_its_places_with_labels_apart(page, dev_server):
    p = page.page
    p.goto(dev_server.base + "/map")
    p.locator("#map[data-markers]").wait_for(timeout=4 * SETTLE_MS)  # the first map of a server reads the gazetteer
    assert int(p.locator("#map").get_attribute("data-markers")) >= 5
    south, west, north, east = _box(p.locator("#map").get_attribute("data-view"))
    ps, pw, pn, pe = _box(p.locator("#map").get_attribute("data-places-bounds"))
    assert south <= ps and west <= pw and north >= pn and east >= pe  # every place is in view
    # ... and the view is the places' extent with a margin, not the world
    assert (east - west) <= 2 * (pe - pw) + 20 and (north - south) <= 2 * (pn - ps) + 20
    assert east - west < 300
    shown = [t.bounding_box() for t in p.locator(".leaflet-tooltip.place-tooltip:not(.label-hidden)").all()]
    assert shown and int(p.locator("#map").get_attribute("data-labels-shown")) == len(shown)
    for i, a in enumerate(shown):  # no label drawn over another
        for b in shown[i + 1:]:
            apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                     or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
            assert apart, (a, b)
    p.locator(".leaflet-control-zoom-out").click()  # labels are laid out again after a zoom
    p.locator(".leaflet-control-zoom-out").click()
    p.wait_for_timeout(600)
    assert int(p.locator("#map").get_attribute("data-labels-hidden")) >= 0
    clean(page)
