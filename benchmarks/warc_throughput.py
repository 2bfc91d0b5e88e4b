"""Intake throughput: the same HTML pages read from .html files and from WARC files, side by side, one run.

    python benchmarks/warc_throughput.py [CORPUS] [--limit N] [--rounds R]

The pages are the BBC corpus's articles (../shared/corpora/bbc-news-2095.jsonl.gz), each laid out
as a news page (head with charset and title, navigation, the article's paragraphs, a footer).
They are written as N .html files, and with warcio as a crawl would: a .warc.gz (gzip per record)
and a plain .warc, each page a response record after its request record. Every round reads the
four inputs in turn with `actorgraph.intake.read_articles` (the HTML intake: decoding,
trafilatura, clutter pass) and, for the WARC, warcio's record loop alone (the parsing cost
without the HTML intake); the best round of each is kept. Prints pages per second, MB of page
HTML per second, and the ratio to the .html files. Extraction (spaCy) is the same whatever the
input and costs far more than intake; it is not measured here (see extract_throughput.py).
"""
from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from actorgraph.intake import read_articles
from actorgraph.model import Article
from actorgraph.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"


def page(title: str, text: str) -> bytes:
    """A news page around an article's paragraphs, as outlets lay them out."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)} | "
            f"The Outlet</title></head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
            f"<a href=\"/business\">Business</a></nav></header><main><article><h1>{html.escape(title)}</h1>\n"
            f"{paragraphs}</article></main><footer>Copyright The Outlet. All rights reserved.</footer>"
            f"</body></html>").encode("utf-8")


def write_inputs(corpus: Path, limit: int, folder: Path) -> tuple[int, int]:
    """The pages as .html files, a .warc.gz and a .warc; (pages, bytes of page HTML)."""
    pages_dir = folder / "pages"
    pages_dir.mkdir()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in islice(f, limit)]
    total = 0
    with open(folder / "crawl.warc.gz", "wb") as gz, open(folder / "crawl.warc", "wb") as plain:
        writers = [WARCWriter(gz, gzip=True), WARCWriter(plain, gzip=False)]
        for n, r in enumerate(records):
            body = page(r.get("title") or r["text"].split("\n", 1)[0], r["text"])
            total += len(body)
            (pages_dir / f"{n:05d}.html").write_bytes(body)
            url = f"https://outlet.example/{r['source'].removesuffix('.txt')}"
            for w in writers:
                request = StatusAndHeaders(f"GET /{n} HTTP/1.1", [("Host", "outlet.example")], is_http_request=True)
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0,
                                                    http_headers=request))
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                   ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                    http_headers=http))
    return len(records), total


def read_intake(inputs: list[Path], settings: Settings) -> tuple[float, int]:
    started = time.perf_counter()
    n = sum(isinstance(item, Article) for item in read_articles(inputs, settings))
    return time.perf_counter() - started, n


def read_records(path: Path) -> tuple[float, int]:
    """warcio's loop alone: every record's headers and the responses' bodies, no HTML intake."""
    started = time.perf_counter()
    n = 0
    with open(path, "rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                record.content_stream().read()
                n += 1
    return time.perf_counter() - started, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=300, help="pages (default 300)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds, best kept (default 3)")
    args = ap.parse_args(argv)
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages, size = write_inputs(Path(args.corpus), args.limit, folder)
        files = sorted((folder / "pages").glob("*.html"))
        runs = {
            ".html files (intake)": lambda: read_intake(files, settings),
            ".warc.gz (intake)": lambda: read_intake([folder / "crawl.warc.gz"], settings),
            ".warc (intake)": lambda: read_intake([folder / "crawl.warc"], settings),
            ".warc.gz (warcio loop only)": lambda: read_records(folder / "crawl.warc.gz"),
        }
        read_intake(files[:20], settings)  # warm-up: the first page pays for lazy set-up in trafilatura and lxml
        best: dict[str, float] = {}
        for _ in range(args.rounds):  # interleaved: noise from other jobs hits every input alike
            for name, run in runs.items():
                seconds, n = run()
                if n != pages:
                    print(f"{name}: read {n} of {pages} pages", file=sys.stderr)
                    return 1
                best[name] = min(best.get(name, seconds), seconds)
    base = pages / best[".html files (intake)"]
    print(f"{pages} pages, {size / 1e6:.1f} MB of HTML; best of {args.rounds} rounds")
    print(f"{'input':30} {'pages/s':>9} {'MB/s':>7} {'vs .html':>9}")
    for name, seconds in best.items():
        print(f"{name:30} {pages / seconds:9.1f} {size / 1e6 / seconds:7.2f} {pages / seconds / base:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
