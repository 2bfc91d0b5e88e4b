"""Folders: the article files under a folder, recursively, in a stable sorted order.

Hidden files and folders (names starting with '.') are skipped, as are symbolic links to
folders (which could loop); a sub-folder that cannot be listed becomes a failure record.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputNotFoundError
from ..model import IntakeFailure
from .failures import failure


def article_files(folder: Path, extensions: tuple[str, ...]) -> Iterator[Path | IntakeFailure]:
    """Files under the folder whose names end with one of the extensions, sorted by path."""
    endings = tuple(e.lower() for e in extensions)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield failure(InputNotFoundError(str(folder), f"folder cannot be listed: {exc.strerror or exc}"))
        return
    folders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                folders.append(Path(entry.path))
            elif entry.is_file() and entry.name.lower().endswith(endings):
                yield Path(entry.path)
        except OSError as exc:  # vanished or unreadable while listing
            yield failure(InputNotFoundError(entry.path, f"cannot be read: {exc.strerror or exc}"))
    for sub in folders:
        yield from article_files(sub, extensions)
