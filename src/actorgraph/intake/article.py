"""One article from content in memory: detect its format, find its body, title, date, language.

`article_from_text` and `article_from_bytes` are what a file reader, a corpus reader or a
web upload call; nothing here touches the file system.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace

from ..errors import EmptyInputError, InputTooLargeError, MalformedInputError, NoArticleError
from ..model import Article
from ..settings import Settings
from .clutter import Body, Line, select_body, split_lines, unwrap
from .dates import dateline_date, iso_date, leading_date
from .decode import decode, normalise
from .html import TRUNCATED_WARNING, is_truncated, looks_like_html, read_page
from .language import detect_language
from .markdown import markdown_lines, split_front_matter

FORMATS = ("text", "html", "markdown", "jsonl")
# File name endings that decide the format without looking at the content.
EXTENSION_FORMATS = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown",
                     ".markdown": "markdown", ".mdown": "markdown", ".jsonl": "jsonl",
                     ".ndjson": "jsonl", ".json": "jsonl"}
# Record fields of a corpus line; any other scalar field goes to Article.metadata.
RECORD_TEXT, RECORD_HTML = "text", "html"
RECORD_DATE_KEYS = ("published", "date", "pubdate", "published_at")

_MD_SIGNALS = (re.compile(r"^#{1,6}[ \t]+\S", re.M), re.compile(r"\*\*\S[^*\n]*\*\*|(?<!\w)__\S[^_\n]*__"),
               re.compile(r"\]\((?:https?://|/)[^)\s]*\)"), re.compile(r"!\["),
               re.compile(r"^```", re.M), re.compile(r"^ {0,3}(?:-{3,}|\*{3,})[ \t]*$", re.M))
_FRONT_START = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n[A-Za-z_][\w-]*\s*[:=]")
_TITLE_MAX_WORDS = 30
_TITLE_MIN_WORDS = 3  # a headline; menu items and section names ("Arab & International") have one or two words
_TITLE_LINES = 8  # header lines nearest the body that may hold the headline


@dataclass(slots=True)
class Known:
    """What the caller already knows about an article; it wins over what the page says."""

    title: str | None = None
    published: str | None = None
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def detect_format(text: str, name: str = "") -> str:
    """The article format: by file name ending first, else by sniffing the content."""
    lowered = name.lower().removesuffix(".gz")
    for ending, fmt in EXTENSION_FORMATS.items():
        if lowered.endswith(ending):
            return "text" if fmt == "html" and "<" not in text[:65536] else fmt
    if looks_like_html(text):
        return "html"
    head = text.lstrip("\n")[:65536]
    if _FRONT_START.match(head) or re.match(r"#[ \t]+\S", head):
        return "markdown"
    if head.startswith("{") and _record_line(head.split("\n", 1)[0]):
        return "jsonl"
    return "markdown" if sum(bool(p.search(head)) for p in _MD_SIGNALS) >= 2 else "text"


def _record_line(line: str) -> bool:
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and (RECORD_TEXT in value or RECORD_HTML in value)


def article_from_bytes(data: bytes, source: str, settings: Settings | None = None,
                       format: str | None = None, *, charset: str | None = None, url: str | None = None,
                       metadata: dict[str, str] | None = None) -> Article:
    """An article from raw bytes of any supported encoding and format.

    `charset` is the encoding the transport declared (an HTTP Content-Type's); `url` and
    `metadata` are what the caller knows of the page (a WARC record's URL and capture).
    """
    settings = settings or Settings()
    if len(data) > settings.max_bytes:
        raise InputTooLargeError(source, f"is {size_text(len(data))}, over the {size_text(settings.max_bytes)} "
                                         f"limit (max_bytes)")
    text, encoding = decode(data, source, charset)
    return _build(text, source, settings, format, encoding, Known(url=url, metadata=dict(metadata or {})))


def article_from_text(text: str, source: str, settings: Settings | None = None,
                      format: str | None = None, *, title: str | None = None,
                      published: str | None = None, url: str | None = None,
                      metadata: dict[str, str] | None = None) -> Article:
    """An article from text already decoded; title, published and url override the page's."""
    settings = settings or Settings()
    text = normalise(text)
    if not text.strip():
        raise EmptyInputError(source, "text is empty")
    known = Known(title, iso_date(published) if published else None, url, dict(metadata or {}))
    return _build(text, source, settings, format, None, known)


def article_from_record(record: object, source: str, settings: Settings | None = None,
                        corpus_line: str | None = None) -> Article:
    """An article from one corpus record: `text` or `html`, plus title, published/date, url."""
    settings = settings or Settings()
    if not isinstance(record, dict):
        raise MalformedInputError(source, f"record is a JSON {type(record).__name__}, not an object")
    fields = {}
    for key in (RECORD_HTML, RECORD_TEXT):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedInputError(source, f"record field {key!r} is a {type(value).__name__}, not text")
        fields[key] = value
    content = fields[RECORD_HTML] or fields[RECORD_TEXT]
    if not content or not content.strip():
        present = [k for k in (RECORD_TEXT, RECORD_HTML) if k in record]
        raise EmptyInputError(source, f"record has an empty {present[0]!r}" if present
                              else "record has neither 'text' nor 'html'")
    if len(content.encode("utf-8")) > settings.max_bytes:
        raise InputTooLargeError(source, f"record is {size_text(len(content.encode('utf-8')))}, over the "
                                         f"{size_text(settings.max_bytes)} limit (max_bytes)")
    metadata = {k: str(v) for k, v in record.items()
                if k not in (RECORD_TEXT, RECORD_HTML) and isinstance(v, (str, int, float)) and str(v)}
    if corpus_line:
        metadata["corpus_line"] = corpus_line
    fmt = "html" if fields[RECORD_HTML] else "text"
    metadata["content_format"] = fmt
    published = next((d for k in RECORD_DATE_KEYS if (d := iso_date(record.get(k)))), None)
    known = Known(_text_field(record, "title"), published, _text_field(record, "url"), metadata)
    article = _build(normalise(content), source, settings, fmt, "utf-8", known)
    return replace(article, format="jsonl")


def _text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def _build(text: str, source: str, settings: Settings, fmt: str | None, encoding: str | None,
           known: Known) -> Article:
    fmt = fmt or detect_format(text, source)
    if fmt not in FORMATS:
        raise ValueError(f"unknown article format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "jsonl":
        return _single_record(text, source, settings)
    title, published, url, language = known.title, known.published, known.url, None
    metadata: dict[str, str] = {}
    if fmt == "html":
        page = read_page(text, source, url)
        lines = split_lines(page.text)
        title, published = title or page.title, published or page.published
        url, language, metadata = url or page.url, page.language, page.metadata
    elif fmt == "markdown":
        front, rest = split_front_matter(text, source)
        heading, lines = markdown_lines(rest)
        lines = unwrap(lines, markdown=True)
        if front:
            title, published = title or front.title, published or front.published
            url, metadata = url or front.url, front.metadata
            language = (metadata.get("lang") or metadata.get("language") or "")[:2].lower() or None
        title = title or heading
    else:
        lines = unwrap(split_lines(text))
    body = select_body(lines, title)
    if not body.paragraphs:
        if fmt == "html" and is_truncated(text):
            raise MalformedInputError(source, "HTML is truncated before the article body")
        raise NoArticleError(source, _no_body_reason(lines))
    body_text = body.text
    if fmt != "html" and (lead := leading_date(body_text)) is not None:  # "date 2025-06-08 The ..."
        published, body_text = published or lead[0], body_text[lead[1]:]
    if len(body_text) > settings.max_chars:
        raise InputTooLargeError(source, f"article text has {len(body_text):,} characters, over the "
                                         f"{settings.max_chars:,} limit (max_chars)")
    if fmt != "html":
        published = published or _header_date(body)
        title = title or _header_title(body)
    metadata.update(known.metadata)
    title = " ".join(normalise(title).split()) or None if title else None  # a caller's title is cleaned too
    warnings = (TRUNCATED_WARNING,) if fmt == "html" and is_truncated(text) else ()
    return Article(text=body_text, source=source, title=title, published=published,
                   language=language or detect_language(body_text), url=url, format=fmt,
                   encoding=encoding, metadata=metadata, warnings=warnings)


def _single_record(text: str, source: str, settings: Settings) -> Article:
    try:
        record = json.loads(text)
    except ValueError as exc:
        lines = [l for l in text.split("\n") if l.strip()]
        if len(lines) > 1 and _record_line(lines[0]):
            raise MalformedInputError(source, f"holds {len(lines)} corpus records; read it with "
                                              f"read_articles") from exc
        raise MalformedInputError(source, f"is not valid JSON: {exc}") from exc
    if isinstance(record, list):
        raise MalformedInputError(source, f"holds a list of {len(record)} records; read it with read_articles")
    return article_from_record(record, source, settings)


def _no_body_reason(lines: list[Line]) -> str:
    if not lines:
        return "no text left once markup is removed"
    return (f"no running prose found: its {len(lines)} line(s) are all headings, lists, links, "
            f"dates or page furniture")


def _header_date(body: Body) -> str | None:
    """The date a 'Published: ...' or date-only line before the body states."""
    return next((d for v in body.header[:12] if (d := dateline_date(v.line.text))), None)


def _header_title(body: Body) -> str | None:
    """The headline before the body: of the headline-shaped lines near it (not furniture, a few
    words, no date), the longest, since section names and menu items above it are short."""
    candidates = [v for v in body.header[-_TITLE_LINES:]
                  if v.role != "furniture" and _TITLE_MIN_WORDS <= v.shape.words <= _TITLE_MAX_WORDS and v.line.kind != "item"
                  and not dateline_date(v.line.text)]
    return max(candidates, key=lambda v: v.shape.words).line.text if candidates else None


def size_text(n: int) -> str:
    """A byte count for people: 20.0 MB."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} bytes"
