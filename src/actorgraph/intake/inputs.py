"""Any mix of inputs (files, folders, corpora) as one stream of articles and failure records."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputNotFoundError, IntakeError, NoArticlesInFolderError
from ..model import Article, IntakeFailure, IntakeSkip
from ..settings import Settings
from .corpus import is_corpus_name, looks_like_corpus, read_corpus, read_json
from .failures import failure
from .files import read_article
from .folders import article_files
from .warc import is_warc_name, read_warc

_NAMED_FORMATS = (".html", ".htm", ".xhtml", ".md", ".markdown")


def read_articles(inputs: Iterable[str | os.PathLike] | str | os.PathLike,
                  settings: Settings | None = None) -> Iterator[Article | IntakeFailure | IntakeSkip]:
    """Articles from files, folders, JSON Lines corpora and WARC files, in order; a failed input yields
    a failure, and a WARC record that holds no page (a request, a PDF, a revisit) a skip."""
    settings = settings or Settings()
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]
    for item in inputs:
        yield from _read_input(item, settings)


def _read_input(item: str | os.PathLike, settings: Settings) -> Iterator[Article | IntakeFailure | IntakeSkip]:
    source = os.fsdecode(item)
    if source.startswith(("http://", "https://")):
        yield failure(InputNotFoundError(source, "URLs are not fetched; save the page and give the file"))
        return
    path = Path(source)
    if path.is_dir():
        yield from _read_folder(path, settings)
    else:
        yield from _read_file(path, settings)


def _read_file(path: Path, settings: Settings) -> Iterator[Article | IntakeFailure | IntakeSkip]:
    name = path.name.lower()
    if is_warc_name(name) and not path.is_dir():
        yield from read_warc(path, settings)
    elif path.is_file() and (is_corpus_name(name) or (not name.endswith(_NAMED_FORMATS)
                                                    and not name.endswith(".json") and looks_like_corpus(path))):
        yield from read_corpus(path, settings)
    elif path.is_file() and name.removesuffix(".gz").endswith(".json"):
        yield from read_json(path, settings)
    else:
        try:
            yield read_article(path, settings)
        except IntakeError as exc:
            yield failure(exc)


def _read_folder(folder: Path, settings: Settings) -> Iterator[Article | IntakeFailure | IntakeSkip]:
    articles = files = 0
    for found in article_files(folder, settings.extensions):
        if isinstance(found, IntakeFailure):
            yield found
            continue
        files += 1
        for item in _read_file(found, settings):
            articles += isinstance(item, (Article, IntakeSkip))  # a WARC of only PDFs was read, not unreadable
            yield item
    if not articles:
        reason = (f"none of its {files} article file(s) could be read" if files else
                  f"holds no files ending in {', '.join(settings.extensions)}")
        yield failure(NoArticlesInFolderError(str(folder), reason))
