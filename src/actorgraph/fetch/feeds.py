"""Feeds: the article links of an RSS, Atom or JSON Feed document, and lists of URLs.

RSS and Atom are read by feedparser; JSON Feed (jsonfeed.org, which feedparser 6 does not
read) by the json module. Only links are taken: each page is fetched and read as HTML.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser

from ..errors import FeedError, InputNotFoundError
from ..intake.dates import iso_date

JSON_FEED_VERSION = "https://jsonfeed.org/version/"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: the article's URL, and what the feed says of it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD


def read_feed(data: bytes, source: str) -> list[FeedEntry]:
    """The entries of a feed document, links made absolute against `source`; raises FeedError."""
    head = data.lstrip()[:1]
    entries = _json_feed(data, source) if head in (b"{", b"[") else _xml_feed(data, source)
    out, seen = [], set()
    for e in entries:
        if e.url not in seen and urlsplit(e.url).scheme in ("http", "https"):
            seen.add(e.url)
            out.append(e)
    return out


def _xml_feed(data: bytes, source: str) -> list[FeedEntry]:
    parsed = feedparser.parse(data, response_headers={"content-location": source})
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise FeedError(source, f"is not an RSS, Atom or JSON feed{f': {why}' if why else ''}")
    out = []
    for entry in parsed.entries:
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", stamp) if stamp else None
        out.append(FeedEntry(urljoin(source, link.strip()), _clean(entry.get("title")), published))
    return out


def _json_feed(data: bytes, source: str) -> list[FeedEntry]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FeedError(source, f"is not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(JSON_FEED_VERSION):
        raise FeedError(source, "is JSON but not a JSON Feed (no version https://jsonfeed.org/version/...)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError(source, "JSON Feed without an 'items' list")
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if isinstance(link, str) and link.strip():
            published = iso_date(item.get("date_published")) if isinstance(item.get("date_published"), str) else None
            out.append(FeedEntry(urljoin(source, link.strip()), _clean(item.get("title")), published))
    return out


def read_url_list(path: str) -> list[str]:
    """The URLs of a list file: one a line; blank lines and lines starting with # are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputNotFoundError(path, f"cannot read the URL list: {exc.strerror or exc}") from exc
    urls = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return list(dict.fromkeys(urls))


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
