"""Fetching against a real news site on loopback: politeness, named failures, conditional requests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsite
from actorgraph.fetch import Fetcher, WebReport, read_feed, read_web
from actorgraph.model import Article, IntakeFailure
from actorgraph.settings import Settings
from actorgraph.store import Store, story

ROOT = Path(__file__).resolve().parents[2]
FAILURES = {"/private/leak": "RobotsDisallowedError", "/slow": "FetchTimeoutError", "/error": "HTTPStatusError",
            "/loop/a": "RedirectLoopError", "/huge": "ResponseTooLargeError", "/report.pdf": "NotHTMLError"}


class MemoryLog:
    """A FetchLog in memory, for the runs that do not store."""

    def __init__(self):
        self.kept: dict[str, tuple] = {}
        self.lasting: set[str] = set()

    def validators(self, url):
        return self.kept.get(url, (None, None))

    def remember(self, url, kind, status, etag=None, last_modified=None, error=None, lasting=False):
        if error is None:
            self.kept[url] = (etag, last_modified)
        if lasting:
            self.lasting.add(url)

    def done(self, urls):
        return set(urls) & self.lasting


@pytest.fixture()
def site():
    s = newsite.start()
    s.slow_seconds = 2.5
    yield s
    s.close()


def settings(**kw) -> Settings:
    return Settings(**{"fetch_delay": 0.01, "fetch_timeout": 1.0, "max_page_bytes": 200_000, **kw})


def run(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "ACTORGRAPH_MAX_PAGE_BYTES": "200000", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "actorgraph.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_every_failure_is_named_and_the_rest_goes_on(site, tmp_path):
    urls = tmp_path / "urls.txt"
    port = site.base.rsplit(":", 1)[1]
    urls.write_text(f"# two hosts that cannot be reached\nhttp://nowhere.invalid/news\nhttps://127.0.0.1:{port}/tls\n")
    got = list(read_web([f"{site.base}/feed.rss"], [str(urls)], settings(), MemoryLog()))
    articles = [a for a in got if isinstance(a, Article)]
    failed = {f.source.removeprefix(site.base): f.error for f in got if isinstance(f, IntakeFailure)}
    assert sorted(a.source.removeprefix(site.base) for a in articles) == sorted(
        p for p in newsite.FIRST_FEED if p in newsite.PAGES)
    assert {k: v for k, v in failed.items() if k in FAILURES} == FAILURES
    assert failed["http://nowhere.invalid/news"] == "DNSError"
    assert failed[f"https://127.0.0.1:{port}/tls"] == "TLSError"
    assert "/private/leak" not in site.paths()  # robots.txt forbids it: never asked for
    assert site.paths()[0] == "/robots.txt"
    assert {r.user_agent for r in site.log} == {Settings().user_agent}
    first = articles[0]
    assert first.title == "Militia attacks police station in Tal Kaif" and first.published == "2026-12-06"
    assert first.url == f"{site.base}/news/militia-attack" and "Liwa al-Sabireen" in first.text


def test_a_host_is_asked_no_faster_than_the_delay(site):
    list(read_web([f"{site.base}/feed.rss"], [], settings(fetch_delay=0.25, fetch_timeout=0.5), MemoryLog()))
    times = [r.at for r in site.log]
    assert len(times) >= 8
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.24


def test_an_unchanged_feed_costs_one_conditional_request(site):
    log = MemoryLog()
    list(read_web([f"{site.base}/feed.rss"], [], settings(), log))
    before = len(site.log)
    report = WebReport()
    assert list(read_web([f"{site.base}/feed.rss"], [], settings(), log, report)) == []
    second = site.log[before:]
    assert [r.path for r in second] == ["/robots.txt", "/feed.rss"]
    assert second[1].if_none_match and second[1].if_modified_since == newsite.LAST_MODIFIED
    assert second[1].status == 304 and report.unchanged_feeds == 1


def test_a_redirect_loop_and_an_oversized_answer_are_bounded(site):
    with Fetcher(settings(max_redirects=3)) as f:
        with pytest.raises(Exception) as loop:
            f.get(f"{site.base}/loop/a", limit=1000)
        with pytest.raises(Exception) as huge:
            f.get(f"{site.base}/huge", limit=50_000, html=True)
    assert type(loop.value).__name__ == "RedirectLoopError" and "/loop/b" in str(loop.value)
    assert type(huge.value).__name__ == "ResponseTooLargeError"
    assert site.paths().count("/loop/a") == 1  # the loop is seen, not followed round again


def test_feeds_of_each_kind_give_their_links():
    base = "http://example.test"
    assert [e.url for e in read_feed(newsite.rss(base, ["/news/red-sea-missiles"]), base + "/feed")] == \
        [base + "/news/red-sea-missiles"]
    atom = read_feed(newsite.atom(base, ["/news/latakia-strike"]), base + "/atom")
    assert [(e.url, e.published) for e in atom] == [(base + "/news/latakia-strike", "2026-12-07")]
    jf = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t",
                     "items": [{"id": "1", "url": "/a", "title": " A  title ", "date_published": "2026-12-01T10:00:00Z"},
                               {"id": "2", "external_url": "https://other.test/b"}]}).encode()
    assert [(e.url, e.title, e.published) for e in read_feed(jf, base + "/feed.json")] == \
        [(base + "/a", "A title", "2026-12-01"), ("https://other.test/b", None, None)]
    with pytest.raises(Exception) as bad:
        read_feed(b"<html><body>not a feed</body></html>", base)
    assert type(bad.value).__name__ == "FeedError"


def test_ingest_and_watch_store_each_article_once_and_fetch_nothing_twice(site, tmp_path):
    store = tmp_path / "g.duckdb"
    flags = ("--store", str(store), "--delay", "0.01", "--timeout", "1", "--batch-size", "2")
    first = run("ingest", "--feed", f"{site.base}/feed.rss", *flags)
    assert first.returncode == 1, first.stderr  # some pages failed; the rest was stored
    for path, error in FAILURES.items():
        assert any(l.startswith(f"FAIL {site.base}{path}: {error}:") for l in first.stderr.splitlines()), \
            (path, first.stderr)
    assert "/private/leak" not in site.paths()
    with Store.open(store, create=False) as st:
        sources = sorted(s for (s,) in st.rows("SELECT source FROM articles"))
        failures = {s: e for s, e in st.rows("SELECT source, error FROM failures")}
    assert sources == sorted(site.base + p for p in newsite.FIRST_FEED if p in newsite.PAGES)
    assert {s.removeprefix(site.base): e for s, e in failures.items()} == FAILURES
    with Store.open(store, create=False) as st:  # the wire story under three URLs is one story
        copies = story(st, f"{site.base}/news/militia-attack")["articles"]
        assert sorted(a["source"].removeprefix(site.base) for a in copies) == sorted(
            ["/news/militia-attack", "/wire/iraq-police-attack", "/syndicated/2026/12/tal-kaif"])
        assert len(story(st, f"{site.base}/news/red-sea-missiles")["articles"]) == 1

    before = len(site.log)
    watch = run("watch", f"{site.base}/feed.rss", "--every", "0s", "--rounds", "2", *flags)
    assert "0 stored" in watch.stderr, watch.stderr
    later = site.log[before:]
    assert [r.path for r in later] == ["/robots.txt", "/feed.rss"] * 2  # a restart fetches nothing twice
    assert all(r.status == 304 and r.if_none_match for r in later if r.path == "/feed.rss")
    with Store.open(store, create=False) as st:
        assert st.article_count() == len(sources)

    site.slow_seconds = 0
    before = len(site.log)
    retry = run("ingest", "--retry-failed", *flags)
    asked = {r.path for r in site.log[before:]}
    assert asked == {"/robots.txt", "/slow", "/error", "/loop/a", "/loop/b"}, retry.stderr  # not what fails for good
    with Store.open(store, create=False) as st:
        assert st.article_count() == len(sources) + 1  # the slow page, answered in time now
