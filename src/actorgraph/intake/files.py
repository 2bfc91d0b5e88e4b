"""One file from disk: open it safely (missing, unreadable, too large), then read its article."""
from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

from ..errors import EmptyInputError, InputNotFoundError, InputTooLargeError, MalformedInputError
from ..model import Article
from ..settings import Settings
from .article import article_from_bytes, size_text

GZIP_MAGIC = b"\x1f\x8b"


def read_bytes(path: Path, settings: Settings) -> bytes:
    """The file's bytes (gzip is undone), refusing what is missing, unreadable or over max_bytes."""
    source = str(path)
    limit = settings.max_bytes
    try:
        if path.is_dir():
            raise InputNotFoundError(source, "is a folder, not a file (read folders with read_articles)")
        if not path.exists():
            raise InputNotFoundError(source, "no such file or folder")
        if not path.is_file():
            raise InputNotFoundError(source, "is not a regular file")
        size = path.stat().st_size
        if size > limit and not is_gzip_name(path):
            raise InputTooLargeError(source, f"is {size_text(size)}, over the {size_text(limit)} limit (max_bytes)")
        with open(path, "rb") as f:
            data = f.read(limit + 1)
            if data.startswith(GZIP_MAGIC) and is_gzip_name(path):
                f.seek(0)
                data = _gunzip(f, source, limit)
    except PermissionError as exc:
        raise InputNotFoundError(source, "cannot be opened: permission denied") from exc
    except OSError as exc:
        raise InputNotFoundError(source, f"cannot be read: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputTooLargeError(source, f"is over the {size_text(limit)} limit (max_bytes)")
    if not data:
        raise EmptyInputError(source, "file is empty")
    return data


def _gunzip(f, source: str, limit: int) -> bytes:
    try:
        with gzip.open(f) as gz:
            return gz.read(limit + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise MalformedInputError(source, f"gzip data is broken or truncated: {exc}") from exc


def is_gzip_name(path: str | os.PathLike) -> bool:
    """Whether the file name ends in .gz."""
    return str(path).lower().endswith(".gz")


def read_article(path: str | os.PathLike, settings: Settings | None = None) -> Article:
    """The article in one file; raises the specific IntakeError when it cannot be read."""
    settings = settings or Settings()
    path = Path(path)
    data = read_bytes(path, settings)
    return article_from_bytes(data, str(path), settings)  # the name ending, else the content, decides
