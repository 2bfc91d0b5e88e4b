"""Inputs split into shards: pieces of work that one worker extracts and writes as one Parquet file.

A shard is a range of lines of a JSON Lines corpus, one WARC file, or a run of consecutive
files (given, or found in a folder). Shards are numbered in input order, and reading the
shards in that order gives the articles `read_articles` gives for the same inputs, in the
same order: the merge stores them in that order, so the store equals a one-process ingest's.

A shard's id is the hash of what it reads (paths, sizes, modification times, line range) and
of the extraction settings, so the same inputs give the same shards in a later run (which
finds them staged and does not extract them again) and a changed file gives a new shard.
"""
from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ..model import Article, IntakeFailure, content_id
from ..settings import Settings

WARC_ENDINGS = (".warc", ".warc.gz")
FILES_PER_SHARD = 64  # article files (HTML, text, markdown) per shard
LINES_PER_SHARD = 200  # lines of a corpus per shard


@dataclass(frozen=True)
class Shard:
    """One piece of the input: `paths` read whole, or lines `start`..`stop` (1-based, inclusive) of one corpus."""

    index: int  # its place in input order: the merge stores shards in this order
    id: str
    kind: str  # "files" | "corpus" | "warc" | "failure"
    paths: tuple[str, ...]
    start: int = 0
    stop: int = 0
    failure: tuple[str, str, str] | None = None  # (source, reason, error) of an input that cannot be listed

    def describe(self) -> str:
        if self.kind == "corpus":
            return f"{self.paths[0]} lines {self.start}-{self.stop}"
        if len(self.paths) == 1:
            return self.paths[0]
        return f"{self.paths[0]} and {len(self.paths) - 1} more files"


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "missing"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _settings_key(settings: Settings) -> str:
    return "|".join([settings.model, settings.language, *settings.pipeline, *settings.registry,
                     str(settings.max_bytes), str(settings.max_chars)])


def _count_lines(path: Path) -> int:
    from ..intake.corpus import _open  # gzip undone when the first bytes say gzip

    n, last = 0, b""
    try:
        with _open(path) as f:
            while chunk := f.read(1 << 20):
                n += chunk.count(b"\n")
                last = chunk
    except (OSError, EOFError, zlib.error):
        return n + 1  # a truncated or broken corpus: the shard that reads its end reports it
    return n + 1 if n == 0 or not last.endswith(b"\n") else n  # a last line without its newline


def _units(inputs: Iterable[str | os.PathLike], settings: Settings) -> Iterator[tuple[str, str] | IntakeFailure]:
    """(kind, path) for every file the inputs name, in the order `read_articles` reads them."""
    from ..intake.corpus import is_corpus_name, looks_like_corpus
    from ..intake.folders import article_files

    for item in inputs:
        source = os.fsdecode(item)
        path = Path(source)
        files: Iterable[Path | IntakeFailure] = article_files(path, settings.extensions) if path.is_dir() else [path]
        for found in files:
            if isinstance(found, IntakeFailure):
                yield found
                continue
            name = found.name.lower()
            if name.endswith(WARC_ENDINGS):
                yield "warc", str(found)
            elif found.is_file() and (is_corpus_name(name) or (not name.endswith((".html", ".htm", ".xhtml", ".md",
                                                                                   ".markdown", ".json"))
                                                               and looks_like_corpus(found))):
                yield "corpus", str(found)
            else:
                yield "files", str(found)


def plan_shards(inputs: Iterable[str | os.PathLike], settings: Settings, *, files_per_shard: int = FILES_PER_SHARD,
                lines_per_shard: int = LINES_PER_SHARD) -> list[Shard]:
    """The shards of the inputs, in input order.

    A folder whose files all fail is named by the per-file failures, not as one folder failure
    as `read_articles` does; a missing input is a shard of its own that reads to its failure.
    """
    key = _settings_key(settings)
    shards: list[Shard] = []
    run: list[str] = []

    def add(kind: str, paths: tuple[str, ...], start: int = 0, stop: int = 0, failure=None) -> None:
        sid = content_id(kind, *paths, *map(_stamp, paths), str(start), str(stop), key, prefix="s")
        shards.append(Shard(len(shards), sid, kind, paths, start, stop, failure))

    def close_run() -> None:
        if run:
            add("files", tuple(run))
            run.clear()

    for unit in _units(inputs, settings):
        if isinstance(unit, IntakeFailure):
            close_run()
            add("failure", (unit.source,), failure=(unit.source, unit.reason, unit.error))
            continue
        kind, path = unit
        if kind == "files":
            run.append(path)
            if len(run) >= files_per_shard:
                close_run()
            continue
        close_run()
        if kind == "warc":
            add("warc", (path,))
            continue
        lines = _count_lines(Path(path))
        for start in range(1, lines + 1, lines_per_shard):
            add("corpus", (path,), start, min(start + lines_per_shard - 1, lines))
    close_run()
    return shards


def read_shard(shard: Shard, settings: Settings) -> Iterator[Article | IntakeFailure]:
    """The articles (and intake failures) of one shard, as `read_articles` gives them."""
    from ..intake import read_articles
    from ..intake.corpus import read_corpus

    if shard.kind == "failure":
        yield IntakeFailure(*shard.failure)
    elif shard.kind == "corpus":
        yield from read_corpus(shard.paths[0], settings, start=shard.start, stop=shard.stop)
    else:
        yield from read_articles(list(shard.paths), settings)


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
