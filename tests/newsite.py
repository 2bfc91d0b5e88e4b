"""A small news site on loopback for the fetching tests: feeds, pages, copies, robots.txt, failures.

It logs every request (path and the conditional headers), answers ETag / Last-Modified, and
serves a wire story under three URLs with light edits, a page robots.txt forbids, a slow page,
a 500, a redirect loop, a huge page and a PDF. The articles are invented.
"""
from __future__ import annotations

import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Mon, 07 Dec 2026 08:00:00 GMT"

WIRE = [
    "Fighters of the Liwa al-Sabireen militia attacked a police station in the town of Tal Kaif on Sunday, "
    "killing four officers, the Iraqi Interior Ministry said.",
    "The ministry said the militia is backed by the Islamic Revolutionary Guard Corps and had received drones "
    "from it last year.",
    "Liwa al-Sabireen is led by Haidar al-Muhandis, a former commander of Kataib Hezbollah, according to two "
    "security officials who spoke on condition of anonymity.",
    "Prime Minister Mohammed Shia al-Sudani ordered an inquiry into the attack and sent reinforcements to "
    "Nineveh province.",
    "The group did not claim the attack. Residents said gunfire lasted for more than an hour before the "
    "attackers withdrew towards the desert west of the town.",
    "Security in northern Iraq has worsened since the spring, with several attacks on checkpoints and "
    "convoys blamed on armed groups that answer to commanders outside the state.",
]
# The same wire story, as two other outlets ran it: a changed opening, a dropped and an added sentence.
COPY_1 = [WIRE[0].replace("on Sunday", "on Sunday evening"), *WIRE[1:4],
          "Local officials said funerals for the officers would be held on Monday.", WIRE[5]]
COPY_2 = ["Gunmen from the Liwa al-Sabireen militia stormed a police station in Tal Kaif on Sunday, killing "
          "four officers, the Iraqi Interior Ministry said.", *WIRE[1:]]

OTHER = [
    "The Houthis fired two missiles at a commercial ship in the Red Sea on Tuesday, the United States Central "
    "Command said in a statement.",
    "Central Command said the ship, a bulk carrier flagged in Liberia, reported minor damage and no "
    "casualties, and continued its voyage to the Suez Canal.",
    "Houthi spokesman Yahya Saree said the group would keep attacking ships linked to Israel until the war in "
    "Gaza ends.",
    "Shipping companies have diverted hundreds of vessels around the Cape of Good Hope since the attacks began, "
    "adding days to voyages between Asia and Europe.",
    "Insurers said premiums for ships crossing the Red Sea had risen again this month.",
]

LATER = [
    "Hezbollah commander Talal Hamiyah met officials of the Quds Force in Damascus on Wednesday, a Syrian "
    "opposition monitor said.",
    "In Iraq, the monitor said, the militia Liwa al-Sabireen is led by Haidar al-Muhandis. A spokesman for Kataib "
    "Hezbollah said Haidar al-Muhandis was never a member of Kataib Hezbollah.",
    "The monitor said Hamiyah, who heads the group's external operations unit, discussed weapons transfers "
    "through the Syrian port of Latakia.",
    "Israeli aircraft struck a warehouse near Latakia port on Thursday, killing three people, the Syrian "
    "Observatory for Human Rights said.",
    "The Israeli military did not comment on the strike. Syrian state media said air defences had intercepted "
    "several missiles over the coast.",
    "Regional officials said the transfers had continued despite repeated strikes on roads and depots near "
    "the border with Lebanon.",
]


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>"
            f"<h1>{html.escape(title)}</h1>\n{body}</article><footer>Copyright the outlet</footer></body></html>"
            ).encode()


PAGES = {
    "/news/militia-attack": ("Militia attacks police station in Tal Kaif", WIRE),
    "/wire/iraq-police-attack": ("Four police officers killed in Tal Kaif attack", COPY_1),
    "/syndicated/2026/12/tal-kaif": ("Gunmen storm police station in northern Iraq", COPY_2),
    "/news/red-sea-missiles": ("Houthis fire missiles at ship in Red Sea", OTHER),
    "/news/latakia-strike": ("Hezbollah commander met Quds Force officials", LATER),
}


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{html.escape(PAGES.get(p, ('x',))[0])}</title><link>{base}{p}</link>"
                    f"<guid>{base}{p}</guid><pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate></item>" for p in paths)
    return (f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test news</title><link>{base}/</link>"
            f"<description>test</description>{items}</channel></rss>").encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(f"<entry><title>{html.escape(PAGES[p][0])}</title><link href=\"{p}\"/><id>{base}{p}</id>"
                      f"<updated>2026-12-07T09:00:00Z</updated></entry>" for p in paths)
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
            f"xml:base=\"{base}/\"><title>Later news</title><id>{base}/atom</id><updated>2026-12-07T09:00:00Z"
            f"</updated>{entries}</feed>").encode()


FIRST_FEED = ["/news/militia-attack", "/wire/iraq-police-attack", "/syndicated/2026/12/tal-kaif",
              "/news/red-sea-missiles", "/private/leak", "/slow", "/error", "/loop/a", "/huge", "/report.pdf"]
SECOND_FEED = ["/news/latakia-strike"]


@dataclass
class Logged:
    path: str
    at: float
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None
    status: int = 0


@dataclass
class Site:
    """The running site: its base URL and the log of every request it answered."""

    base: str
    server: ThreadingHTTPServer
    log: list[Logged] = field(default_factory=list)
    slow_seconds: float = 3.0

    def paths(self) -> list[str]:
        return [r.path for r in self.log]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # the Site keeps its own log
            pass

        def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                 headers: dict[str, str] | None = None, length: bool = True) -> None:
            site.log[-1].status = status
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if length:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            try:
                if body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (the slow page)
                self.close_connection = True

        def conditional(self, body: bytes, ctype: str) -> None:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send(304, b"", ctype, {"ETag": etag, "Last-Modified": LAST_MODIFIED})
            else:
                self.send(200, body, ctype, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

        def do_GET(self) -> None:
            path = self.path
            site.log.append(Logged(path, time.monotonic(), self.headers.get("If-None-Match"),
                                   self.headers.get("If-Modified-Since"), self.headers.get("User-Agent")))
            if path == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path == "/feed.rss":
                self.conditional(rss(site.base, FIRST_FEED), "application/rss+xml")
            elif path == "/feed.atom":
                self.conditional(atom(site.base, SECOND_FEED), "application/atom+xml")
            elif path in PAGES:
                title, paragraphs = PAGES[path]
                self.conditional(page(title, paragraphs), "text/html; charset=utf-8")
            elif path == "/private/leak":
                self.send(200, page("Leaked", WIRE))
            elif path == "/slow":
                time.sleep(site.slow_seconds)
                try:
                    self.send(200, page("Slow", OTHER))
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
            elif path == "/error":
                self.send(500, b"<html><body>Internal error</body></html>")
            elif path == "/loop/a":
                self.send(302, b"", headers={"Location": "/loop/b"})
            elif path == "/loop/b":
                self.send(302, b"", headers={"Location": "/loop/a"})
            elif path == "/huge":
                site.log[-1].status = 200
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(b"<html><body>")
                    for _ in range(400):
                        self.wfile.write(b"<p>" + b"filler words " * 1000 + b"</p>")
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
            elif path == "/report.pdf":
                self.send(200, b"%PDF-1.4\n% not an article\n", "application/pdf")
            else:
                self.send(404, b"<html><body>Not found</body></html>")

    return Handler


def start() -> Site:
    """Start the site on a free loopback port, in a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    site = Site(f"http://127.0.0.1:{server.server_address[1]}", server)
    server.RequestHandlerClass = _handler(site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site


def snapshot(store) -> dict:
    """What a store holds, by id: actors, edges (with their independent stories and contradiction), events."""
    return {
        "actors": {r[0] for r in store.rows("SELECT id FROM actors")},
        "edges": {r[0]: (r[1], r[2]) for r in store.rows(  # stories that state it (asserted, reported)
            """SELECT r.id, count(DISTINCT coalesce(t.story_id, s.article_id))
                             FILTER (WHERE s.certainty IN ('asserted', 'reported')), r.contradicted
               FROM relations r JOIN statements s ON s.relation_id = r.id
               LEFT JOIN article_stories t ON t.article_id = s.article_id GROUP BY r.id, r.contradicted""")},
        "events": {(r[0], r[1]) for r in store.rows("SELECT article_id, sent_start FROM events")},
    }


def build_news_store(path, site: Site) -> tuple[dict, dict]:
    """Ingest the first feed, then the second (as two runs); the store's snapshots after each."""
    from actorgraph.settings import Settings
    from actorgraph.store import Store, ingest_web

    settings = Settings(fetch_delay=0.0, fetch_timeout=1.0, max_page_bytes=200_000)
    with Store.open(path) as store:
        ingest_web([f"{site.base}/feed.rss"], [], settings, store)
        first = snapshot(store)
        ingest_web([f"{site.base}/feed.atom"], [], settings, store)
        second = snapshot(store)
    return first, second
