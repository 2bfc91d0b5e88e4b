"""The text of a parsed document, built once per document."""
from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "actorgraph.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached: spaCy re-joins every token on each access, which dominates long docs."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text` cut from the cached document text rather than re-joined from tokens."""
    return doc_text(span.doc)[span.start_char:span.end_char]
