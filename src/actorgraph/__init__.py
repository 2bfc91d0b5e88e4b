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

from typing import TYPE_CHECKING, Any

from .errors import ActorgraphError  # noqa: E402
from .model import (  # noqa: E402
    Actor, Article, Event, Evidence, Extraction, Figure, IntakeFailure, Quote, Relation, Span,
)
from .settings import Settings  # noqa: E402

if TYPE_CHECKING:
    from .api import Batch, extract, extract_text

__all__ = [
    "ActorgraphError", "Actor", "Article", "Batch", "Event", "Evidence", "Extraction", "Figure",
    "IntakeFailure", "Quote", "Relation", "Settings", "Span", "__version__", "extract", "extract_text",
]

_LAZY = {"Batch": "api", "extract": "api", "extract_text": "api"}


def __getattr__(name: str) -> Any:
    # The extraction API (and through it spaCy) is imported on first use, so that the commands
    # that only read the store (`actorgraph --help`, `stats`, `show`, `export`, ...) start fast.
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
