"""`ingest`: read, extract and store a stream of inputs, skipping what the store already holds."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

import duckdb

from ..errors import ActorgraphError
from ..model import Article, Extraction, IntakeFailure, IntakeSkip
from ..settings import Settings
from .database import Store
from .writer import Stored, add_extraction, add_extractions, record_failure, record_skips


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    skipped: int = 0  # already in the store before extraction: no work spent on them
    failed: int = 0
    seconds: float = 0.0
    # records that hold no article by design (a WARC's requests, PDFs, revisits), by kind
    passed_over: Counter = field(default_factory=Counter)


def store_extraction(store: Store, ex: Extraction) -> Stored | IntakeFailure:
    """Store one extraction; a failure to store it becomes a failure record (the batch goes on)."""
    try:
        return add_extraction(store, ex)
    except (ActorgraphError, duckdb.Error) as exc:
        failure = IntakeFailure(ex.article.source, f"store failed: {exc}", type(exc).__name__)
        record_failure(store, failure)
        return failure


def store_batch(store: Store, batch: list[Extraction]) -> list[Stored | IntakeFailure]:
    """Store a batch in one transaction; when that fails, article by article (a bad one fails alone)."""
    if len(batch) > 1:
        try:
            return list(add_extractions(store, batch))
        except (ActorgraphError, duckdb.Error):
            pass  # the batch was rolled back as a whole; find the article that fails
    return [store_extraction(store, ex) for ex in batch]


def stored_articles(store: Store, article_ids: list[str]) -> set[str]:
    """Those of the article ids that the store holds."""
    if not article_ids:
        return set()
    return {r[0] for r in store.rows("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                     [article_ids])}


def ingest(inputs: Iterable[str], settings: Settings, store: Store,
           on_item: Callable[[Stored | IntakeFailure | IntakeSkip], None] | None = None) -> IngestReport:
    """Extract and store every new article of the inputs (files, folders, corpora); record every failure."""
    from ..intake import read_articles  # trafilatura, lxml: not for the commands that only read the store

    return ingest_items(read_articles(list(inputs), settings), settings, store, on_item)


def ingest_web(feeds: Iterable[str], url_lists: Iterable[str], settings: Settings, store: Store,
               on_item: Callable[[Stored | IntakeFailure], None] | None = None,
               fetcher=None, urls: Iterable[str] = ()) -> tuple[IngestReport, "WebReport"]:
    """Fetch the new pages of feeds and URL lists (politely, see `actorgraph.fetch`), extract and store them.

    The store keeps what was fetched (`fetched`), so a second run asks for each feed with its
    validators and does not request a page it holds or that failed for good. `urls` are pages
    to fetch besides (`--retry-failed` gives those whose last failure may pass on another try).
    """
    from ..fetch import WebReport, read_web
    from .fetched import StoreFetchLog

    web = WebReport()
    items = read_web(list(feeds), list(url_lists), settings, StoreFetchLog(store), web, fetcher, list(urls))
    return ingest_items(items, settings, store, on_item, command="ingest --feed/--urls"), web


def ingest_items(items: Iterable[Article | IntakeFailure | IntakeSkip], settings: Settings, store: Store,
                 on_item: Callable[[Stored | IntakeFailure | IntakeSkip], None] | None = None,
                 command: str = "ingest", extract: Callable | None = None) -> IngestReport:
    """Extract and store every new article of a stream; record every failure and every skipped record.

    `extract(items, settings)` maps the stream to extractions as `extract_stream` does (the
    default); the bulk merge of pre-extracted shards (actorgraph.scale) gives one that looks
    them up, so that its transactions hold the articles a one-process ingest's would.

    Articles already stored are dropped before extraction, so a new article costs its own
    work only, and a run started again after a crash picks up where the last commit was.
    The model is loaded (`load_resources`: a missing model or a bad registry raises here,
    before any extraction) once the first article that is not stored yet is read, and not at
    all when every article is stored: re-ingesting a stored corpus reads it, and that is all.
    Extractions are committed `settings.batch_size` at a time (each article whole or absent),
    so a crash loses at most one batch of extraction work.
    """
    from .watch import finish_run, start_run

    report = IngestReport()
    started = time.perf_counter()
    run = start_run(store, command)  # `changes` lists what the last run added

    def new_articles(items: Iterable[Article | IntakeFailure | IntakeSkip]) -> Iterator[Article | IntakeFailure | IntakeSkip]:
        # The identities of `batch_size` articles are looked up at a time, with one query.
        for chunk in batched(items, settings.batch_size):
            ids = {i: item.id for i, item in enumerate(chunk) if isinstance(item, Article)}
            read_files.update(chunk[i].metadata["corpus_line"].split("#", 1)[0] for i in ids
                              if "corpus_line" in chunk[i].metadata)
            stored = stored_articles(store, list(ids.values()))
            if stored:
                sources = [where for i, article_id in ids.items() if article_id in stored
                           for where in (chunk[i].source, chunk[i].metadata.get("corpus_line")) if where]
                store.conn.execute("DELETE FROM failures WHERE source IN (SELECT unnest(?::VARCHAR[]))", [sources])
            for i, item in enumerate(chunk):
                if ids.get(i) in stored:
                    report.skipped += 1
                    continue
                yield item

    skips: list[IntakeSkip] = []
    read_files: set[str] = set()  # corpus and WARC files read on to their end...
    failed_now: set[str] = set()  # ...unless they failed in this run: their earlier failure is cleared

    def count(result: Stored | IntakeFailure | IntakeSkip) -> None:
        if isinstance(result, IntakeSkip):
            read_files.add(result.source.split("#", 1)[0])
            report.passed_over[result.kind] += 1
            skips.append(result)
            if len(skips) >= 1000:  # recorded in bulk: a crawl holds a request record per page
                record_skips(store, skips)
                skips.clear()
        elif isinstance(result, IntakeFailure):
            report.failed += 1
        elif result.new:
            report.stored += 1
        else:
            report.skipped += 1
        if on_item is not None:
            on_item(result)

    def failed(item: IntakeFailure) -> None:
        failed_now.add(item.source)
        record_failure(store, item)
        count(item)

    def extract_and_store(items: Iterable[Article | IntakeFailure]) -> None:
        if extract is None:
            from ..extraction import extract_stream, load_resources  # spaCy: only when there is work for it

            load_resources(settings)  # fail early, once, on a missing model or a bad registry
        batch: list[Extraction] = []
        for item in (extract or extract_stream)(items, settings):
            if isinstance(item, IntakeFailure):
                failed(item)
                continue
            if isinstance(item, IntakeSkip):
                count(item)
                continue
            batch.append(item)
            if len(batch) >= settings.batch_size:
                for result in store_batch(store, batch):
                    count(result)
                batch = []
        for result in store_batch(store, batch):
            count(result)

    items = new_articles(items)
    for item in items:  # up to the first article to extract: stored ones are skipped, failures kept
        if isinstance(item, IntakeFailure):
            failed(item)
        elif isinstance(item, IntakeSkip):
            count(item)
        else:
            extract_and_store(chain([item], items))
            break
    record_skips(store, skips)
    if cleared := sorted(read_files - failed_now):  # a WARC broken before, read whole now
        store.conn.execute("DELETE FROM failures WHERE source IN (SELECT unnest(?::VARCHAR[]))", [cleared])
    report.seconds = time.perf_counter() - started
    finish_run(store, run, report.stored)
    return report


def failures(store: Store) -> list[tuple[str, str, str, int, object]]:
    """The recorded failures: (source, reason, error class, attempts, last attempt)."""
    return store.rows("SELECT source, reason, error, attempts, last_at FROM failures ORDER BY source")


def failed_pages(store: Store) -> list[str]:
    """The URLs whose fetch failed in a way that may pass on another try (5xx, timeout, DNS...)."""
    return [u for (u,) in store.rows("""SELECT f.source FROM failures f LEFT JOIN fetched w ON w.url = f.source
        WHERE (f.source LIKE 'http://%' OR f.source LIKE 'https://%') AND NOT coalesce(w.lasting, false)
        ORDER BY 1""")]


def article_warnings(store: Store) -> list[tuple[str, str, str]]:
    """The warnings of stored articles: (source, warning, article id), such as HTML cut off mid-page."""
    return store.rows("""SELECT source, unnest(warnings), id FROM articles
                         WHERE len(coalesce(warnings, [])) > 0 ORDER BY source""")


def skipped_records(store: Store) -> list[tuple[str, str, str, int, object]]:
    """The records passed over as holding no article: (source, kind, reason, times seen, last seen)."""
    return store.rows("SELECT source, kind, reason, seen, last_at FROM skipped ORDER BY source")


def failed_inputs(store: Store) -> list[str]:
    """The inputs to read again to retry every failure (a corpus record's corpus file)."""
    return list(dict.fromkeys(source.split("#", 1)[0] for source, *_ in failures(store)))
