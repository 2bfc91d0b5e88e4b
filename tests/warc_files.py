"""WARC files for the tests, written with warcio itself from real pages: a crawl of the loopback news
site (`newsite.py`) captured over HTTP by warcio's `capture_http`, and the records a crawl also holds
(warcinfo, metadata, a revisit, a page the crawler cut short, a page with a declared charset).

`crawl(path, site)` writes the file and returns what a reader must find in it (`Expected`).
"""
from __future__ import annotations

import http.client
import io
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

NEWS_PAGE = Path(__file__).parent / "intake" / "fixtures" / "news-page.html"
# The pages of the news site that are articles, and those a crawl also fetches that are not.
ARTICLE_PATHS = ("/news/militia-attack", "/news/red-sea-missiles")
OTHER_PATHS = {"/report.pdf": "not-html", "/error": "http-status", "/loop/a": "http-status"}
# A sentence with Arabic names beside their English forms, for the page served in windows-1256.
ARABIC_SENTENCE = "Residents of Sanaa (صنعاء) and Hodeidah (الحديدة) said they heard the drones pass overhead."
CHARSET_URL = "https://harbourledger.example/world/2024/03/drone-strike-tanker-yemen"


@dataclass
class Expected:
    """What the crawl holds: page URLs, skips by kind, and the URL of the page in windows-1256."""

    pages: list[str] = field(default_factory=list)
    skips: dict[str, int] = field(default_factory=dict)
    charset_page: str = CHARSET_URL


def fetch(base: str, path: str) -> None:
    """GET one page with http.client (which capture_http records), without following redirects."""
    host, port = base.split("//", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.request("GET", path)
        conn.getresponse().read()
    finally:
        conn.close()


def response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", warc_headers: dict | None = None, length: int | None = None):
    """A response record with HTTP headers, as a crawler writes it."""
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                     length=len(body) if length is None else length, http_headers=http,
                                     warc_headers_dict=warc_headers or {})


def arabic_page() -> bytes:
    """The real news page with a sentence naming places in Arabic, its markup claiming UTF-8."""
    page = NEWS_PAGE.read_text(encoding="utf-8")
    anchor = "</p>\n      <p>The operator said"
    return page.replace(anchor, f" {ARABIC_SENTENCE}{anchor}", 1).encode("utf-8")


def crawl(path: Path, site) -> Expected:
    """Write a WARC (gzip per record when the name ends .gz) of a crawl of the site, and what it holds."""
    expected = Expected()
    skips: dict[str, int] = {}

    def skip(kind: str, n: int = 1) -> None:
        skips[kind] = skips.get(kind, 0) + n

    from warcio.capture_http import capture_http  # patches http.client on import: only where a test crawls

    with capture_http(str(path), gzip=path.name.endswith(".gz")) as writer:
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "warcio capture_http",
                                                                      "operator": "actorgraph tests"}))
        skip("warcinfo")
        for p in (*ARTICLE_PATHS, *OTHER_PATHS):
            fetch(site.base, p)
            skip("request")
            if p in OTHER_PATHS:
                skip(OTHER_PATHS[p])
        expected.pages += [f"{site.base}{p}" for p in ARTICLE_PATHS]
        first = f"{site.base}{ARTICLE_PATHS[0]}"
        writer.write_record(writer.create_revisit_record(first, digest="sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
                                                         refers_to_uri=first, refers_to_date="2026-12-01T08:00:00Z"))
        skip("revisit")
        writer.write_record(writer.create_warc_record(first, "metadata", payload=io.BytesIO(b"outlinks: /world\n"),
                                                      length=17, warc_content_type="application/warc-fields"))
        skip("metadata")
        page = NEWS_PAGE.read_bytes()
        writer.write_record(response(writer, "https://harbourledger.example/cut", page[:1500],
                                     warc_headers={"WARC-Truncated": "length"}))
        skip("truncated")
        body = arabic_page().decode("utf-8").encode("cp1256")
        writer.write_record(response(writer, CHARSET_URL, body, "text/html; charset=windows-1256"))
        expected.pages.append(CHARSET_URL)
    expected.skips = skips
    return expected
