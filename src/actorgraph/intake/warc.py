"""Web archives: the HTML pages of a WARC file (.warc, or .warc.gz), read one record at a time.

A crawl's WARC holds far more than pages: the requests, the crawler's metadata, revisits
(a page unchanged since an earlier capture), PDFs and images, redirects and error pages,
and records the crawler cut short. Only an HTTP response (or a resource record) with status
200, an HTML body and its whole content becomes an article, through the same HTML intake as
a .html file; every other record is an `IntakeSkip` that says why, so that a run can count
and record what it passed over. A WARC that cannot be read on is one failure, after the
records read before the break.

Records are read with warcio (streaming: one record's body in memory at a time, at most
`max_bytes` of it). An article's source is its URL; where it came from (file and byte
offset), when it was captured (WARC-Date) and its WARC-Record-ID go into its metadata.
"""
from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import EmptyInputError, InputNotFoundError, InputTooLargeError, IntakeError, MalformedInputError
from ..model import Article, IntakeFailure, IntakeSkip
from ..settings import Settings
from .article import article_from_bytes, size_text
from .decode import sniff_binary
from .failures import failure
from .files import GZIP_MAGIC
from .html import looks_like_html

WARC_ENDINGS = (".warc", ".warc.gz")
# Why a record is skipped, by kind. The first six are WARC record types that carry no page.
SKIP_KINDS = {
    "warcinfo": "describes the WARC file, not a page",
    "request": "is the crawler's request, not the page",
    "metadata": "is the crawler's metadata, not the page",
    "revisit": "says the page was unchanged since an earlier capture, which holds its content",
    "conversion": "is a converted copy of another record",
    "continuation": "continues a record segmented across files",
    "not-html": "is not an HTML page",
    "http-status": "is not a page the server delivered (status other than 200)",
    "truncated": "does not hold the whole page",
    "no-url": "names no URL (no WARC-Target-URI)",
}
HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS = ("response", "resource")
_CHUNK = 1 << 16


def is_warc_name(path: str | os.PathLike) -> bool:
    """Whether the file name says WARC (.warc or .warc.gz, any case)."""
    return os.fspath(path).lower().endswith(WARC_ENDINGS)


class _Records(ArchiveIterator):
    """warcio's iterator, which also notes whether the last gzip member stopped short of its end."""

    cut_short = False

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.cut_short = True  # warcio ends quietly on a gzip stream that stops mid-member
        super().close()


def read_warc(path: str | os.PathLike, settings: Settings | None = None
              ) -> Iterator[Article | IntakeFailure | IntakeSkip]:
    """Each record of a WARC file, in file order: an Article, an IntakeSkip, or a failure; streamed."""
    settings = settings or Settings()
    path = Path(path)
    source = str(path)
    try:
        f = open(path, "rb")
    except FileNotFoundError:
        yield failure(InputNotFoundError(source, "no such file or folder"))
        return
    except OSError as exc:
        yield failure(InputNotFoundError(source, f"cannot be opened: {exc.strerror or exc}"))
        return
    with f:
        head = f.read(8)
        f.seek(0)
        if not head:
            yield failure(EmptyInputError(source, "WARC file is empty"))
            return
        if not head.startswith((b"WARC/", GZIP_MAGIC)):
            kind = sniff_binary(head)
            yield failure(MalformedInputError(source, f"is not a WARC file: it looks like {kind}" if kind else
                                              "is not a WARC file: it does not start with a 'WARC/1.x' record"))
            return
        read = 0
        try:
            for item in _records(f, source, settings):
                read += 1
                yield item
        except _WholeGzip:
            # A WARC gzipped as one stream (`gzip crawl.warc`), not record by record: valid, only not
            # seekable; read on through a decompressing stream, past the records already read.
            with gzip.open(path, "rb") as whole:
                try:
                    for n, item in enumerate(_records(whole, source, settings, unpacked=True)):
                        if n >= read:
                            read += 1
                            yield item
                except _Broken as exc:
                    yield failure(MalformedInputError(source, exc.reason(read)))
                    return
        except _Broken as exc:
            yield failure(MalformedInputError(source, exc.reason(read)))
            return
    if not read:
        yield failure(EmptyInputError(source, "WARC file holds no records"))


class _WholeGzip(Exception):
    """The file is one gzip stream over all its records (warcio reads only per-record gzip)."""


class _Broken(Exception):
    """The WARC cannot be read on past a point."""

    def __init__(self, detail: str, offset: int | None):
        super().__init__(detail)
        self.detail, self.offset = detail, offset

    def reason(self, read: int) -> str:
        at = f" (at byte {self.offset:,})" if self.offset is not None else ""
        return f"WARC is broken after {read:,} record(s){at}: {self.detail}"


def _records(f, source: str, settings: Settings, unpacked: bool = False
             ) -> Iterator[Article | IntakeFailure | IntakeSkip]:
    records = _Records(f)
    try:
        for record in records:
            offset = records.offset  # where this record starts (warcio moves it on once the record is read)
            if record.format != "warc":
                raise _Broken("not a WARC record (a WARC record starts with 'WARC/1.x')", offset)
            yield _item(record, f"{source}#{'u' if unpacked else ''}{offset}", settings)
    except ArchiveLoadFailed as exc:
        message = " ".join(str(exc).split())
        if "non-chunked gzip" in message and not unpacked:
            raise _WholeGzip() from exc
        # warcio quotes the bad line, which is binary garbage in a broken gzip file: name the fault only
        raise _Broken(message.split(", first line:", 1)[0][:200], records.offset) from exc
    except (zlib.error, EOFError, OSError, ValueError) as exc:  # gzip.BadGzipFile is an OSError
        raise _Broken(f"{type(exc).__name__}: {exc}", records.offset) from exc
    if records.cut_short:
        raise _Broken("the gzip data stops in the middle of a record (the file is cut off)", records.offset)


def _header(headers, name: str) -> str | None:
    value = headers.get_header(name) if headers is not None else None
    return value.strip() if value else None


def _item(record, where: str, settings: Settings) -> Article | IntakeFailure | IntakeSkip:
    """One record as an article, or the reason it holds none."""
    kind = record.rec_type
    url = (_header(record.rec_headers, "WARC-Target-URI") or "").strip("<>") or None
    if kind not in _PAGE_RECORDS:
        if kind == "revisit":
            refers = _header(record.rec_headers, "WARC-Refers-To-Date")
            detail = f"revisit: unchanged since the capture{f' of {refers}' if refers else ''}, which holds the page"
        else:
            detail = f"{kind or 'untyped'} record, not a page"
        return IntakeSkip(where, f"{url}: {detail}" if url else detail, kind if kind in SKIP_KINDS else "metadata")
    if url is None:
        return IntakeSkip(where, f"{kind} record: {SKIP_KINDS['no-url']}", "no-url")
    truncated = _header(record.rec_headers, "WARC-Truncated")
    if truncated:
        return IntakeSkip(where, f"{url}: cut short by the crawler (WARC-Truncated: {truncated})", "truncated")
    http = record.http_headers if kind == "response" else None
    if kind == "response" and http is None:
        return IntakeSkip(where, f"{url}: response without HTTP headers (such as a DNS lookup), not a page",
                          "not-html")
    if http is not None:
        status = http.get_statuscode() or ""
        if status != "200":
            location = _header(http, "Location")
            return IntakeSkip(where, f"{url}: HTTP status {status or 'missing'}"
                                     f"{f' (redirect to {location})' if location else ''}", "http-status")
    content_type = _header(http, "Content-Type") if http is not None else _header(record.rec_headers, "Content-Type")
    mime, _, params = (content_type or "").partition(";")
    mime = mime.strip().lower()
    if mime and mime not in HTML_TYPES:
        return IntakeSkip(where, f"{url}: not HTML ({mime})", "not-html")
    try:
        body = record.content_stream().read(settings.max_bytes + 1)  # chunked and gzip/br transfer undone
    except (zlib.error, OSError, ValueError, EOFError) as exc:
        return failure(MalformedInputError(where, f"{url}: the page's content cannot be decoded "
                                                  f"({type(exc).__name__}: {exc})"))
    if len(body) > settings.max_bytes:
        return failure(InputTooLargeError(where, f"{url}: page is over the {size_text(settings.max_bytes)} "
                                                 f"limit (max_bytes)"))
    missing = _unread(record)
    if missing:
        return IntakeSkip(where, f"{url}: record is cut short, {missing:,} of its {record.length:,} bytes "
                                 f"missing (the file ends inside it)", "truncated")
    if not mime and not looks_like_html(body[:4096].decode("latin-1")):
        return IntakeSkip(where, f"{url}: not HTML (no content type, and the body is not a page)", "not-html")
    metadata = {"corpus_line": where, "warc_date": _header(record.rec_headers, "WARC-Date") or "",
                "warc_record_id": _header(record.rec_headers, "WARC-Record-ID") or "",
                "content_format": "html"}
    if http is not None:
        metadata["http_status"] = http.get_statuscode()
    if content_type:
        metadata["content_type"] = content_type
    try:
        article = article_from_bytes(body, url, settings, "html", charset=_charset(params), url=url,
                                     metadata={k: v for k, v in metadata.items() if v})
    except IntakeError as exc:
        # recorded under the record's place, which `ingest --retry-failed` can read again
        return failure(type(exc)(where, f"{url}: {exc.reason}"))
    return replace(article, format="warc")


def _unread(record) -> int:
    """How many bytes of the record's declared length the file does not hold."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return max(getattr(raw, "limit", 0), 0)


def _charset(params: str) -> str | None:
    """The charset parameter of a Content-Type ('text/html; charset=windows-1256')."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
