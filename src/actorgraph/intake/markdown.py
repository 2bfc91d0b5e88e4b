"""Markdown pages: front matter, block syntax and inline markup down to plain lines.

Covers what blog and archive exports hold: YAML (`---`) or TOML (`+++`) front matter with
Jekyll, Hugo or WordPress keys, a top `# title`, emphasis, links, images, shortcodes such as
`[ad_1]`, and raw HTML fragments pasted into the markdown.
"""
from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass, field

import lxml.etree
import lxml.html
import yaml

from ..errors import MalformedInputError
from .clutter import Line
from .dates import iso_date
from .shape import mend

# Front matter keys, in order of preference.
TITLE_KEYS = ("title", "post_title", "headline", "original_title")
DATE_KEYS = ("date", "post_date", "published", "publishdate", "publish_date", "pubdate",
             "published_at", "date_published", "datepublished", "created", "created_at")
URL_KEYS = ("url", "permalink", "canonical_url", "canonical", "link", "original_link",
            "source_url", "source")
# Shortcodes whose content is page furniture, removed with it.
FURNITURE_SHORTCODES = ("caption", "embed", "video", "audio", "gallery", "tweet", "youtube")
# HTML elements that start a new line, and elements whose content is never article text.
BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote table tr section article "
                       "header footer aside pre hr dl dt dd figure main nav form".split())
DROPPED_TAGS = frozenset("script style noscript iframe figcaption button form select nav svg "
                         "template object embed".split())

_FRONT = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*[:=]")
_HTML_TAG = re.compile(r"</?(?:p|div|span|br|a|img|ul|ol|li|h[1-6]|blockquote|table|tr|td|figure"
                       r"|figcaption|em|strong|b|i|section|article|iframe|script)\b[^>]*>", re.I)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:[-*_=][ \t]*){3,}$")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^:?-{1,}:?$|^$")
# A table row is kept as one line of text, its cells apart so that names in them stay apart.
TABLE_CELL_SEPARATOR = " | "
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?[^)\s>]*>?(?:\s+[\"'(][^)]*[\"')])?\s*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"`+([^`]+)`+")
_STRONG = re.compile(r"(\*\*\*|\*\*|(?<!\w)___|(?<!\w)__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(.+?)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_SHORTCODE_BLOCK = re.compile(r"\[(%s)\b[^\]]*\].*?\[/\1\]" % "|".join(FURNITURE_SHORTCODES), re.S | re.I)
_SHORTCODE = re.compile(r"\[/?[a-z][\w-]*(?:_\w*|\d+|\s+\w+=[^\]]*)\]|\[/[a-z][\w-]*\]", re.I)


@dataclass(slots=True)
class FrontMatter:
    """What front matter states about the article."""

    title: str | None = None
    published: str | None = None
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def split_front_matter(text: str, source: str) -> tuple[FrontMatter | None, str]:
    """The parsed front matter (None when there is none) and the markdown after it."""
    m = _FRONT.match(text)
    if not m or not _FRONT_KEY.match(m.group(2).lstrip()):
        return None, text
    raw, rest = m.group(2), text[m.end():]
    try:
        if m.group(1) == "+++":
            data = tomllib.loads(raw)
        else:
            data = yaml.load(raw, Loader=yaml.BaseLoader)  # every scalar stays a string
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise MalformedInputError(source, f"front matter is not valid YAML/TOML: {problem}") from exc
    if not isinstance(data, dict):
        raise MalformedInputError(source, "front matter is not a key/value mapping")
    return _front_fields(data), rest


def _scalar(value: object) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, int, float)) and str(v).strip()), None)
    if value is None or isinstance(value, (dict, bool)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _front_fields(data: dict) -> FrontMatter:
    lowered = {str(k).lower(): v for k, v in data.items()}
    fm = FrontMatter()
    fm.title = next((t for k in TITLE_KEYS if (t := _scalar(lowered.get(k)))), None)
    fm.published = next((d for k in DATE_KEYS if (d := iso_date(_scalar(lowered.get(k))))), None)
    urls = [u for k in URL_KEYS if (u := _scalar(lowered.get(k)))]
    fm.url = next((u for u in urls if u.startswith(("http://", "https://"))), urls[0] if urls else None)
    for key, value in data.items():
        if (text := _scalar(value)) is not None:
            fm.metadata[str(key)] = text
    return fm


def html_fragment_to_markdown(fragment: str) -> str:
    """Raw HTML inside markdown as markdown-ish text: blocks on their own lines, links kept."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _TAG.sub(" ", fragment)
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in DROPPED_TAGS or not isinstance(el.tag, str):
            parts.append(el.tail or "")
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n\n" if tag != "br" else "\n")
        if tag == "a" and el.get("href"):
            parts.append("[" + " ".join(el.text_content().split()) + "](" + el.get("href").strip() + ")")
        elif tag != "img":
            parts.append(el.text or "")
            for child in el:
                walk(child)
        if block and tag != "br":
            parts.append("\n\n")
        parts.append(el.tail or "")

    walk(root)
    return "".join(parts)


def strip_inline(text: str) -> tuple[str, int]:
    """One line without inline markdown, and how many of its characters were link text."""
    text = _IMAGE.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    link_chars = 0

    def link(m: re.Match) -> str:
        nonlocal link_chars
        label = m.group(1) if m.group(1) is not None else m.group(2)
        link_chars += len(label)
        return label

    text = _LINK.sub(link, text)
    text = _CODE.sub(r"\1", text)
    text = mend(text)  # emphasis glued to its neighbours: "designated**Omar Said**for"
    for _ in range(2):  # nested emphasis: ***a*** or **a *b***
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _TAG.sub("", text)
    return " ".join(html.unescape(text).split()), link_chars


def markdown_lines(markdown: str) -> tuple[str | None, list[Line]]:
    """The top `# title` (if the page opens with one) and the rest as plain lines with kinds."""
    markdown = _COMMENT.sub("", markdown)
    markdown = _SHORTCODE_BLOCK.sub("", markdown)
    markdown = _SHORTCODE.sub("", markdown)
    if _HTML_TAG.search(markdown):
        markdown = html_fragment_to_markdown(markdown)
    title: str | None = None
    lines: list[Line] = []
    blank, fenced = True, False
    for raw in markdown.split("\n"):
        if _FENCE.match(raw):
            fenced, blank = not fenced, True
            continue
        if not raw.strip():
            blank = True
            continue
        kind, content = _block(raw, fenced)
        if kind == "drop":
            continue
        text, link_chars = strip_inline(content) if kind != "code" else (" ".join(content.split()), 0)
        if kind == "title" and title is None and not lines:
            title = text
            blank = True
            continue
        if kind == "title":
            kind = "heading"
        if text or kind == "rule":
            lines.append(Line(text or content.strip(), kind, link_chars, blank))
        blank = False
    return title, lines


def _block(raw: str, fenced: bool) -> tuple[str, str]:
    """The block kind of one markdown line and its content without the block marker."""
    if fenced:
        return "code", raw
    if _RULE.match(raw):
        return "rule", raw
    if m := _ATX.match(raw):
        if not m.group(2):
            return "rule", raw  # a lone '###' marker
        return ("title" if len(m.group(1)) == 1 else "heading"), m.group(2)
    if _REF_DEF.match(raw):
        return "drop", raw
    if _TABLE_ROW.match(raw):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", raw.strip().strip("|"))]
        if all(_TABLE_RULE.match(c) for c in cells):
            return "drop", raw  # the |---|:--:| line under the header row
        return "table", TABLE_CELL_SEPARATOR.join(c for c in cells if c)
    if m := _QUOTE.match(raw):
        return "quote", m.group(1)
    if m := _ITEM.match(raw):
        return "item", m.group(1)
    return "text", raw
