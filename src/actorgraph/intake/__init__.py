"""Intake: from files, folders, corpora or content in memory to clean `Article` records.

    read_articles(inputs)      stream Articles and IntakeFailures from paths of any kind
    read_article(path)         one file's article, or the specific IntakeError
    read_warc(path)            a WARC file's pages as Articles, other records as IntakeSkips
    article_from_bytes(data)   an article from raw bytes (encoding and format detected)
    article_from_text(text)    an article from decoded text

Formats: plain text (scraped pages with their clutter), HTML (via trafilatura), markdown
with or without front matter (and raw HTML inside it), JSON Lines corpora (plain or gzip),
and web archives (WARC, plain or gzip: the HTML responses; other records are skipped with a reason).
"""
from __future__ import annotations

from .article import FORMATS, article_from_bytes, article_from_record, article_from_text, detect_format
from .files import read_article
from .inputs import read_articles
from .warc import SKIP_KINDS, is_warc_name, read_warc

__all__ = ["FORMATS", "article_from_bytes", "article_from_record", "article_from_text",
           "detect_format", "read_article", "read_articles", "read_warc", "is_warc_name", "SKIP_KINDS"]
