"""HTML pages: trafilatura finds the main text and the page's metadata.

Its output still goes through the clutter pass (`clutter.py`), which removes the captions,
credit lines and repeated headlines trafilatura sometimes keeps.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html
import trafilatura

from ..errors import MalformedInputError, NoArticleError
from .dates import iso_date

# trafilatura metadata fields copied into Article.metadata.
METADATA_FIELDS = ("author", "sitename", "hostname", "description", "categories", "tags",
                   "license", "pagetype")

_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.I)
_META_LANG = re.compile(r"""<meta[^>]+(?:http-equiv=["']?content-language["']?[^>]+content|"""
                        r"""property=["']og:locale["'][^>]+content)=["']?([A-Za-z]{2,3})""", re.I)
_VISIBLE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>|&\w+;", re.S | re.I)
_HTML_START = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)
_TAGS = re.compile(r"<(?:html|head|body|div|p|article|meta|title|span|a|section|main|br|h[1-6])\b", re.I)


@dataclass(slots=True)
class Page:
    """What trafilatura found in a page: its main text and metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML page rather than prose that mentions a tag or two."""
    head = text[:4096].lstrip()
    return bool(_HTML_START.match(head)) or (head.startswith("<") and len(_TAGS.findall(head)) >= 3)


def declared_language(html: str) -> str | None:
    """The language the page declares (<html lang>, content-language, og:locale)."""
    m = _LANG.search(html[:8192]) or _META_LANG.search(html[:8192])
    return m.group(1).lower() if m else None


# The publication date comes from the page's markup (meta tags, <time>, the URL), never from a year in the
# running text: htmldate's extensive search turned "in 2007, X was captured" into a date of 2007-01-01.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def read_page(html: str, source: str, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page; raises when there is no body to find."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_images=False, include_links=False,
                                          date_extraction_params=_DATE_PARAMS)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise MalformedInputError(source, f"HTML cannot be parsed: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise _why_empty(html, source)
    meta = {}
    for name in METADATA_FIELDS:
        value = getattr(doc, name, None)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value:
            meta[name] = str(value)
    return Page(text=doc.text, title=doc.title or None, published=iso_date(doc.date),
                url=doc.url or url, language=declared_language(html), metadata=meta)


TRUNCATED_WARNING = ("HTML is cut off before the page's closing </body> or </html> tag: the article may be "
                     "incomplete")


def is_truncated(html: str) -> bool:
    """Whether the page stops before its closing </body> or </html> tag."""
    tail = html[-4096:].lower()
    return "</html>" not in tail and "</body>" not in tail


def _why_empty(html: str, source: str) -> Exception:
    visible = " ".join(_VISIBLE.sub(" ", html).split())
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.LxmlError, ValueError):
        root = None
    if root is None or not visible:
        return MalformedInputError(source, "HTML is broken or truncated and holds no readable text")
    if is_truncated(html):
        return MalformedInputError(source, "HTML is truncated before any article text")
    return NoArticleError(source, "no article body found in the HTML page (only navigation or page furniture)")
