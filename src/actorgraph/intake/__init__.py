"""Intake: from files, folders, corpora or content in memory to clean `Article` records.

    read_articles(inputs)      stream Articles and IntakeFailures from paths of any kind
    read_article(path)         one file's article, or the specific IntakeError
    article_from_bytes(data)   an article from raw bytes (encoding and format detected)
    article_from_text(text)    an article from decoded text

Formats: plain text (scraped pages with their clutter), HTML (via trafilatura), markdown
with or without front matter (and raw HTML inside it), JSON Lines corpora (plain or gzip).
"""
from __future__ import annotations

from .article import FORMATS, article_from_bytes, article_from_record, article_from_text, detect_format
from .files import read_article
from .inputs import read_articles

__all__ = ["FORMATS", "article_from_bytes", "article_from_record", "article_from_text",
           "detect_format", "read_article", "read_articles"]
