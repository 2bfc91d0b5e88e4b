"""Fetching: feeds and URL lists to articles, politely, each failure named.

    read_web(feeds, url_lists, settings, log)   Articles and IntakeFailures of the new pages
    Fetcher(settings).get(url, limit=...)       one polite request (robots.txt, delay, validators)
    read_feed(data, url)                        the entries of an RSS, Atom or JSON Feed document

Only the CLI fetches (`ingest --feed/--urls`, `watch`); the web app never does.
"""
from .client import Fetcher, Response
from .feeds import FeedEntry, read_feed, read_url_list
from .web import FetchLog, WebReport, read_web

__all__ = ["FeedEntry", "FetchLog", "Fetcher", "Response", "WebReport", "read_feed", "read_url_list", "read_web"]
