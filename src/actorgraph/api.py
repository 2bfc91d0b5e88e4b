"""The Python API: the same calls the CLI makes, as plain functions."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .extraction import extract_doc, extract_stream, load_resources
from .intake import article_from_text, read_articles
from .model import Article, Extraction, IntakeFailure, IntakeSkip
from .settings import Settings


@dataclass
class Batch:
    """The outcome of extracting several inputs: what was extracted, what failed, and the records that hold
    no article by design (a WARC's requests, PDFs, revisits), in input order."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[IntakeFailure] = field(default_factory=list)
    skipped: list[IntakeSkip] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _articles(inputs: Iterable[str | os.PathLike | Article], settings: Settings):
    paths: list[str | os.PathLike] = []
    for item in inputs:
        if isinstance(item, Article):
            if paths:
                yield from read_articles(paths, settings)
                paths = []
            yield item
        else:
            paths.append(item)
    if paths:
        yield from read_articles(paths, settings)


def extract(*inputs: str | os.PathLike | Article, settings: Settings | None = None,
            **flags: Any) -> Batch:
    """Read and extract files, folders, corpora or `Article`s; flags override settings (model=..., workers=...)."""
    settings = settings or Settings.load(**flags)
    batch = Batch()
    for item in extract_stream(_articles(inputs, settings), settings):
        (batch.failures if isinstance(item, IntakeFailure) else batch.skipped if isinstance(item, IntakeSkip)
         else batch.extractions).append(item)
    return batch


def extract_text(text: str, source: str = "<text>", *, settings: Settings | None = None,
                 **flags: Any) -> Extraction:
    """Extract one article given as text (clutter removal applies as for a file)."""
    settings = settings or Settings.load(**flags)
    article = article_from_text(text, source, settings)  # raises the specific IntakeError
    res = load_resources(settings)
    return extract_doc(res.nlp(article.text), article, res)
