"""Extraction: from an `Article` to an `Extraction` of actors, relations, events, quotes, figures."""
from .pipeline import Resources, extract_batch, extract_doc, extract_stream, load_resources

__all__ = ["Resources", "extract_batch", "extract_doc", "extract_stream", "load_resources"]
