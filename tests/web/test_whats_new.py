"""What's new in Debian's chromium for a watched actor, followed to its evidence; the Atom feed parses."""
from __future__ import annotations

import feedparser
import pytest
from conftest import Server
from test_browser import SETTLE_MS, clean

import newsite
from actorgraph import query
from actorgraph.store import Store
from actorgraph.store.watch import watch


@pytest.fixture(scope="module")
def news_server(tmp_path_factory):
    site = newsite.start()
    site.slow_seconds = 2.0
    path = tmp_path_factory.mktemp("news") / "g.duckdb"
    newsite.build_news_store(path, site)
    site.close()
    with Store.open(path) as store:
        actor = query.find_actor(store, "Haidar al-Muhandis")
        watch(store, actor.id, actor.name)
    srv = Server(path, path.with_suffix(".log"))
    yield srv
    srv.stop()


def test_whats_new_for_a_watched_actor_leads_to_its_evidence(page, news_server):
    p = page.page
    p.goto(news_server.base + "/changes?watched=1")
    confirmed = p.locator("[data-kind=confirmed] li.change").first
    confirmed.wait_for(timeout=SETTLE_MS)
    assert "Haidar al-Muhandis leads Liwa al-Sabireen" in confirmed.inner_text()
    assert p.locator("[data-kind=contradicted] li.change").count() == 1
    assert p.locator("[data-kind=new_actor] li.change").count() == 0  # the new actors are not watched
    quoted = confirmed.locator("blockquote.sentence").inner_text()
    confirmed.locator("a.evidence-link").click()
    p.wait_for_url("**/article/a*?at=*")
    p.locator("#article-text[data-focus]").wait_for(timeout=SETTLE_MS)
    marked = p.evaluate("CSS.highlights.get('evidence').values().next().value.toString()")
    assert marked.strip() == quoted.strip()
    p.go_back()
    p.locator("[data-kind=confirmed] li.change").first.wait_for(timeout=SETTLE_MS)
    p.get_by_role("checkbox", name="watched actors only").uncheck()
    p.locator("[data-kind=new_actor] li.change").first.wait_for(timeout=SETTLE_MS)
    assert p.locator("[data-kind=new_actor] a.evidence-link", has_text="new person: Talal Hamiyah").count() == 1
    clean(page)


def test_the_atom_feed_of_watched_changes_parses_and_links_to_evidence(news_server):
    status, headers, body = news_server.request("/changes.atom")
    assert status == 200 and headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.title.startswith("actorgraph")
    titles = [e.title for e in feed.entries]
    assert titles == ["First independent confirmation: Haidar al-Muhandis leads Liwa al-Sabireen (2 independent sources)",
                      "New contradiction: Haidar al-Muhandis member_of Kataib Hezbollah"]
    for entry in feed.entries:
        assert entry.link.startswith(news_server.base + "/article/a") and "?at=" in entry.link
        assert len({e.id for e in feed.entries}) == len(feed.entries) and entry.updated_parsed
        status, _, html = news_server.request(entry.link.removeprefix(news_server.base))
        assert status == 200 and b"article.js" in html


def test_the_copies_of_a_story_are_listed(news_server):
    militia = next(a for a in news_server.get("/api/articles?limit=100")["articles"]
                   if a["source"].endswith("/news/militia-attack"))
    found = news_server.get(f"/api/articles/{militia['id']}/story")
    assert len(found["articles"]) == 3 and found["articles"][0]["id"] == militia["id"]
    assert news_server.request("/api/articles/a0000000000000000/story")[0] == 404
