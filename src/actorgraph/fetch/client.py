"""Polite HTTP: robots.txt, a delay per host, conditional requests, timeouts, size limits.

One `Fetcher` per run. Each request waits until `fetch_delay` seconds have passed since the
last request to the same host, asks the host's robots.txt first (read once per run, with the
same client), follows redirects itself (so each hop is checked against robots.txt and a loop
is named as one), stops reading at the size limit and at the timeout of the whole answer, and
turns every transport error into the `FetchError` that names it.
"""
from __future__ import annotations

import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import (ConnectionFailedError, DNSError, FetchError, FetchTimeoutError, HTTPStatusError,
                      NotHTMLError, RedirectLoopError, ResponseTooLargeError, RobotsDisallowedError, TLSError)
from ..settings import Settings

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
ROBOTS_MAX_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt
CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched answer: 200 with its bytes, or 304 (unchanged since the validators sent)."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def unchanged(self) -> bool:
        return self.status == 304


class Fetcher:
    """An HTTP client that is polite to every host and names every failure."""

    def __init__(self, settings: Settings, *, sleep=time.sleep, clock=time.monotonic):
        self.settings = settings
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.fetch_timeout), follow_redirects=False, trust_env=False)
        self._robots: dict[str, RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._sleep, self._clock = sleep, clock
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the one public request ------------------------------------------------------------

    def get(self, url: str, *, limit: int, html: bool = False, etag: str | None = None,
            last_modified: str | None = None) -> Response:
        """GET `url` (conditional when validators are given); raises the FetchError that names what failed.

        `html` requires an HTML answer (NotHTMLError otherwise); `limit` bounds the bytes read.
        """
        seen = [url]
        current = url
        while True:
            self._check_robots(url, current)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, got_headers, content, final = self._request(url, current, headers, limit, html)
            if status in REDIRECTS:
                location = got_headers.get("location")
                if not location:
                    raise HTTPStatusError(url, status, f"HTTP {status} redirect without a Location header")
                target = urljoin(current, location)
                if target in seen:
                    raise RedirectLoopError(url, "redirect loop: " + " -> ".join([*seen, target]))
                if len(seen) > self.settings.max_redirects:
                    raise RedirectLoopError(url, f"more than {self.settings.max_redirects} redirects "
                                                 f"(max_redirects): " + " -> ".join(seen))
                seen.append(target)
                current = target
                continue
            if status == 304:
                return Response(url, final, 304, b"", "", etag, last_modified)
            if status >= 400:
                kind = "client error" if status < 500 else "server error"
                raise HTTPStatusError(url, status, f"HTTP {status} ({kind}) from {final}")
            return Response(url, final, status, content, got_headers.get("content-type", ""),
                            got_headers.get("etag"), got_headers.get("last-modified"))

    # -- steps -----------------------------------------------------------------------------

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.settings.fetch_delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)

    def _request(self, url: str, current: str, headers: dict[str, str], limit: int,
                 html: bool) -> tuple[int, httpx.Headers, bytes, str]:
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, f"not an http(s) URL: {current[:200]}")
        host = parts.netloc.lower()
        self._wait_for(host)
        timeout = self.settings.fetch_timeout
        started = self._clock()
        try:
            with self.client.stream("GET", current, headers=headers) as r:
                self.requests += 1
                status = r.status_code
                if status in REDIRECTS or status == 304 or status >= 400:
                    return status, r.headers, b"", str(r.url)
                ctype = r.headers.get("content-type", "")
                if html and ctype and ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                    raise NotHTMLError(url, f"is not an HTML page: its content type is {ctype.split(';')[0]!r}")
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise ResponseTooLargeError(url, f"is {int(declared):,} bytes, over the {limit:,}-byte limit")
                body = bytearray()
                for chunk in r.iter_bytes(CHUNK):
                    body += chunk
                    if len(body) > limit:
                        raise ResponseTooLargeError(url, f"is over the {limit:,}-byte limit (stopped reading)")
                    if self._clock() - started > timeout:
                        raise FetchTimeoutError(url, f"the whole answer took over {timeout:g}s (fetch_timeout)")
                return status, r.headers, bytes(body), str(r.url)
        except httpx.TimeoutException as exc:
            raise FetchTimeoutError(url, f"timed out after {timeout:g}s ({type(exc).__name__}, fetch_timeout)") from exc
        except httpx.ConnectError as exc:
            raise _connect_error(url, exc) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise ConnectionFailedError(url, f"the connection broke: {exc or type(exc).__name__}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc
        finally:
            self._last[host] = self._clock()

    def _check_robots(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        robots = self._robots.get(key)
        if robots is None:
            robots = self._robots[key] = self._read_robots(url, key)
        if not robots.can_fetch(self.settings.user_agent, current):
            raise RobotsDisallowedError(url, f"robots.txt of {key} forbids {current} to this User-Agent")

    def _read_robots(self, url: str, site: str) -> RobotFileParser:
        """The site's robots.txt: missing (4xx) allows everything; a 5xx fails the request (RFC 9309: closed)."""
        robots = RobotFileParser(site + "/robots.txt")
        current = site + "/robots.txt"
        for _ in range(self.settings.max_redirects + 1):
            status, headers, content, _ = self._request(url, current, {}, ROBOTS_MAX_BYTES, False)
            if status in REDIRECTS and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            break
        if status >= 500:  # not cached: the next request asks again, and this one may be retried later
            raise HTTPStatusError(url, status, f"{site}/robots.txt answered HTTP {status}; until it answers, the "
                                               f"site is treated as closed (RFC 9309)")
        if status in REDIRECTS:
            robots.disallow_all = True
        elif status >= 400:
            robots.allow_all = True
        else:
            robots.parse(content.decode("utf-8", "replace").splitlines())
        return robots


def _connect_error(url: str, exc: httpx.ConnectError) -> FetchError:
    """Which connection failure this is: DNS, TLS, or a refused or dropped connection."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return DNSError(url, f"the host name does not resolve: {cause}")
        if isinstance(cause, ssl.SSLError):
            return TLSError(url, f"TLS failed: {cause}")
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return DNSError(url, f"the host name does not resolve: {text}")
    if "SSL" in text or "CERTIFICATE" in text:
        return TLSError(url, f"TLS failed: {text}")
    return ConnectionFailedError(url, f"cannot connect: {text or type(exc).__name__}")
