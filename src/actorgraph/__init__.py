"""actorgraph: read articles on armed conflict and state influence, build a sourced graph of actors.

The public API::

    import actorgraph
    batch = actorgraph.extract("article.html", "corpus.jsonl.gz")
    for ex in batch.extractions:
        print(ex.article.title, [a.name for a in ex.actors])
    one = actorgraph.extract_text("Hezbollah leader Hassan Nasrallah said ...")
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import Batch, extract, extract_text  # noqa: E402
from .errors import ActorgraphError  # noqa: E402
from .model import (  # noqa: E402
    Actor, Article, Event, Evidence, Extraction, Figure, IntakeFailure, Quote, Relation, Span,
)
from .settings import Settings  # noqa: E402

__all__ = [
    "ActorgraphError", "Actor", "Article", "Batch", "Event", "Evidence", "Extraction", "Figure",
    "IntakeFailure", "Quote", "Relation", "Settings", "Span", "__version__", "extract", "extract_text",
]
