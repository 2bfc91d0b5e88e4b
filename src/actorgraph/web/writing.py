"""Ingest from the browser: one posted article is read, extracted and stored like a file would be."""
from __future__ import annotations

import hashlib

from ..errors import IntakeError
from ..intake.article import article_from_text
from ..model import IntakeFailure
from ..settings import Settings
from ..store import Store, store_extraction


def ingest_text(store: Store, settings: Settings, text: str, *, source: str | None = None,
                title: str | None = None, published: str | None = None, url: str | None = None,
                format: str | None = None) -> dict:
    """Store one article given as text; IntakeError (names the source and reason) when it cannot be."""
    source = source or f"web:{hashlib.sha256(text.encode('utf-8', 'replace')).hexdigest()[:12]}"
    if len(text) > settings.max_chars:
        raise IntakeError(source, f"text has {len(text)} characters, over the limit of {settings.max_chars}")
    article = article_from_text(text, source, settings, format, title=title, published=published, url=url)
    if store.has_article(article.id):
        return {"article": article.id, "source": source, "new": False}
    from ..extraction import extract_stream  # spaCy: imported by the first ingest, not by a read-only app

    for item in extract_stream(iter([article]), settings):
        if isinstance(item, IntakeFailure):
            raise IntakeError(source, item.reason)
        result = store_extraction(store, item)
        if isinstance(result, IntakeFailure):
            raise IntakeError(source, result.reason)
        return {"article": article.id, "source": source, "new": result.new, "actors": result.actors,
                "statements": result.statements}
    raise IntakeError(source, "extraction returned nothing")
