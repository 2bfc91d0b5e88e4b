"""Corpora: JSON Lines files (plain or gzip), read one record at a time.

Memory stays flat whatever the corpus size: lines are read with a bound, and a line longer
than `max_bytes` is skipped (and reported) without being held whole.
"""
from __future__ import annotations

import codecs
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import (BinaryInputError, DecodingError, EmptyInputError, InputNotFoundError, InputTooLargeError,
                      IntakeError, MalformedInputError)
from ..model import Article, IntakeFailure
from ..settings import Settings
from .article import article_from_record, size_text
from .decode import sniff_binary
from .failures import failure
from .files import GZIP_MAGIC, read_bytes

CORPUS_ENDINGS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_CHUNK = 1 << 20


def is_corpus_name(path: str | Path) -> bool:
    """Whether the file name says JSON Lines (.jsonl, .ndjson, optionally .gz)."""
    return str(path).lower().endswith(CORPUS_ENDINGS)


def looks_like_corpus(path: Path) -> bool:
    """Whether a file of another name starts with a JSON record holding 'text' or 'html'."""
    try:
        with _open(path) as f:
            head = f.read(65536)
    except (OSError, EOFError, zlib.error):
        return False
    head = head.removeprefix(codecs.BOM_UTF8).lstrip()
    first = head.split(b"\n", 1)[0]
    if not first.startswith(b"{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:  # a first record longer than the peek
        return b"\n" not in head and (b'"text"' in first or b'"html"' in first)
    return isinstance(record, dict) and ("text" in record or "html" in record)


def _open(path: Path):
    """The file for binary reading, gzip undone when its first bytes say gzip."""
    with open(path, "rb") as f:
        compressed = f.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else open(path, "rb")


def read_corpus(path: str | Path, settings: Settings, *, start: int = 1,
                stop: int | None = None) -> Iterator[Article | IntakeFailure]:
    """Each record of a JSON Lines corpus as an Article, or a failure record; line by line.

    `start` and `stop` (1-based, inclusive) read a range of lines only, as a shard does
    (actorgraph.scale); the lines before it are skipped unparsed. Failures of the whole file
    (binary, no records) are reported by the range that starts at line 1.
    """
    path = Path(path)
    whole = start <= 1
    try:
        f = _open(path)
    except FileNotFoundError:
        yield failure(InputNotFoundError(str(path), "no such file or folder"))
        return
    except OSError as exc:
        yield failure(InputNotFoundError(str(path), f"cannot be opened: {exc.strerror or exc}"))
        return
    records = 0
    number = 0
    with f:
        try:
            head = f.peek(4096)[:4096] if hasattr(f, "peek") else b""
            if (kind := sniff_binary(head)) or b"\x00" in head:
                if whole:
                    yield failure(BinaryInputError(str(path), f"corpus looks like {kind or 'binary data'}, "
                                                              f"not JSON Lines"))
                return
            for number, line in _bounded_lines(f, settings.max_bytes):
                if number < start:
                    continue
                if stop is not None and number > stop:
                    return
                if line is None:
                    yield failure(InputTooLargeError(f"{path}#L{number}", f"line {number} is over the "
                                                     f"{size_text(settings.max_bytes)} limit (max_bytes)"))
                    continue
                if not line.strip():
                    continue
                records += 1
                yield _record(line, path, number, settings)
        except (OSError, EOFError, zlib.error) as exc:
            yield failure(MalformedInputError(str(path), f"corpus is broken or truncated after line "
                                                         f"{number}: {exc}"))
            return
    if not records and whole:
        yield failure(EmptyInputError(str(path), "corpus holds no records"))


def _bounded_lines(f, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; None for a line over the limit, which is skipped unread."""
    number = 0
    while line := f.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (chunk := f.readline(_CHUNK)) and not chunk.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _record(line: bytes, path: Path, number: int, settings: Settings) -> Article | IntakeFailure:
    where = f"{path}#L{number}"
    try:
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise DecodingError(where, f"line {number} is not UTF-8 text (byte {exc.start})") from exc
        try:
            record = json.loads(text)
        except ValueError as exc:
            raise MalformedInputError(where, f"line {number} is not JSON ({exc})") from exc
        source = where
        if isinstance(record, dict):
            named = record.get("source") or record.get("url")
            source = named if isinstance(named, str) and named.strip() else where
        try:
            return article_from_record(record, source, settings, corpus_line=where)
        except IntakeError as exc:
            if exc.source == where:
                raise
            # recorded under the corpus line, which `ingest --retry-failed` can read again, not the
            # record's own `source`, which names no file
            raise type(exc)(where, f"record {exc.source!r}: {exc.reason}") from exc
    except IntakeError as exc:
        return failure(exc)


def read_json(path: Path, settings: Settings) -> Iterator[Article | IntakeFailure]:
    """A .json file: one record, a list of records, or JSON Lines under another name."""
    try:
        data = read_bytes(path, settings)
        text = data.decode("utf-8-sig")
    except IntakeError as exc:
        yield failure(exc)
        return
    except UnicodeDecodeError:
        yield failure(DecodingError(str(path), "JSON file is not UTF-8 text"))
        return
    try:
        value = json.loads(text)
    except ValueError as exc:
        if "Extra data" in str(exc):  # several values, one per line: JSON Lines
            yield from read_corpus(path, settings)
        else:
            yield failure(MalformedInputError(str(path), f"is not valid JSON ({exc})"))
        return
    items = value if isinstance(value, list) else [value]
    if not items:
        yield failure(EmptyInputError(str(path), "JSON list holds no records"))
    for i, record in enumerate(items, 1):
        where = f"{path}#{i}" if isinstance(value, list) else str(path)
        named = record.get("source") or record.get("url") if isinstance(record, dict) else None
        try:
            yield article_from_record(record, named if isinstance(named, str) and named.strip() else where,
                                      settings, corpus_line=where if isinstance(value, list) else None)
        except IntakeError as exc:
            yield failure(exc)
