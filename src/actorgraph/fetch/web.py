"""From feeds and URL lists to articles: fetch what is new, read each page as HTML, name each failure.

What was fetched before is asked of a `FetchLog` (the store keeps one, `store.fetched`): a
feed is asked for with the validators of its last answer (ETag, Last-Modified), so an
unchanged feed costs a 304 and nothing else; a page already stored, or one that failed for
good (4xx, not HTML, too large, forbidden by robots.txt), is not requested again.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import FetchError, HTTPStatusError, IntakeError, NotHTMLError, ResponseTooLargeError, \
    RobotsDisallowedError
from ..model import Article, IntakeFailure
from ..settings import Settings
from .client import Fetcher, Response
from .feeds import FeedEntry, read_feed, read_url_list

# Failures that will not change by asking again; anything else (5xx, timeouts, DNS) is retried next run.
LASTING = (NotHTMLError, ResponseTooLargeError, RobotsDisallowedError)
RETRIED_STATUSES = (408, 425, 429)


class FetchLog(Protocol):
    """What earlier runs fetched: validators of feeds, pages done with."""

    def validators(self, url: str) -> tuple[str | None, str | None]: ...

    def remember(self, url: str, kind: str, status: int | None, etag: str | None = None,
                 last_modified: str | None = None, error: str | None = None, lasting: bool = False) -> None: ...

    def done(self, urls: list[str]) -> set[str]: ...


@dataclass
class WebReport:
    """What the fetching part of one run did."""

    feeds: int = 0
    unchanged_feeds: int = 0
    entries: int = 0
    known_pages: int = 0  # stored or failed for good before: not requested
    fetched_pages: int = 0
    requests: int = 0
    failures: list[IntakeFailure] = field(default_factory=list)


def lasting(exc: FetchError) -> bool:
    """Whether asking again would fail the same way."""
    if isinstance(exc, HTTPStatusError):
        return 400 <= exc.status < 500 and exc.status not in RETRIED_STATUSES
    return isinstance(exc, LASTING)


def read_web(feeds: Iterable[str], url_lists: Iterable[str], settings: Settings, log: FetchLog,
             report: WebReport | None = None, fetcher: Fetcher | None = None,
             urls: Iterable[str] = ()) -> Iterator[Article | IntakeFailure]:
    """Articles of the new pages that the feeds (URLs or files), URL list files and `urls` name; failures named."""
    from ..intake.failures import failure

    report = report if report is not None else WebReport()
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        targets: dict[str, FeedEntry] = {}
        for feed in feeds:
            report.feeds += 1
            try:
                entries = _feed_entries(feed, settings, log, fetcher, report)
            except IntakeError as exc:
                report.failures.append(failure(exc))
                yield failure(exc)
                continue
            for e in entries:
                targets.setdefault(e.url, e)
        for url_list in url_lists:
            try:
                for url in read_url_list(url_list):
                    targets.setdefault(url, FeedEntry(url))
            except IntakeError as exc:
                report.failures.append(failure(exc))
                yield failure(exc)
        for url in urls:
            targets.setdefault(url, FeedEntry(url))
        report.entries = len(targets)
        done = log.done(list(targets))
        report.known_pages = len(done)
        for url, entry in targets.items():
            if url in done:
                continue
            try:
                yield _page(entry, settings, fetcher, log)
                report.fetched_pages += 1
            except IntakeError as exc:
                if isinstance(exc, FetchError):
                    log.remember(url, "page", getattr(exc, "status", None), error=type(exc).__name__,
                                 lasting=lasting(exc))
                report.failures.append(failure(exc))
                yield failure(exc)
    finally:
        report.requests += fetcher.requests
        if own:
            fetcher.close()


def _feed_entries(feed: str, settings: Settings, log: FetchLog, fetcher: Fetcher,
                  report: WebReport) -> list[FeedEntry]:
    if not feed.startswith(("http://", "https://")):
        from ..intake.files import read_bytes

        data = read_bytes(Path(feed), settings)
        return read_feed(data, Path(feed).resolve().as_uri())
    etag, last_modified = log.validators(feed)
    try:
        got: Response = fetcher.get(feed, limit=settings.max_feed_bytes, etag=etag, last_modified=last_modified)
    except FetchError as exc:
        log.remember(feed, "feed", getattr(exc, "status", None), etag, last_modified, error=type(exc).__name__)
        raise
    if got.unchanged:
        report.unchanged_feeds += 1
        log.remember(feed, "feed", 304, etag, last_modified)
        return []
    entries = read_feed(got.content, got.final_url)
    log.remember(feed, "feed", got.status, got.etag, got.last_modified)
    return entries


def _page(entry: FeedEntry, settings: Settings, fetcher: Fetcher, log: FetchLog) -> Article:
    from ..intake import article_from_text
    from ..intake.decode import decode

    got = fetcher.get(entry.url, limit=settings.max_page_bytes, html=True)
    text, _ = decode(got.content, entry.url)
    article = article_from_text(text, entry.url, settings, format="html", title=entry.title,
                                published=entry.published, url=got.final_url)
    log.remember(entry.url, "page", got.status, got.etag, got.last_modified)
    return article
