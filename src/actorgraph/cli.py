"""The `actorgraph` command: a thin shell over the Python API.

Exit status: 0 when every input was processed, 1 when any input failed (each failure is
reported on stderr, the rest of the batch still goes on), 2 for a usage or setup error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from . import __version__
from .errors import ActorgraphError
from .model import Article, Extraction, IntakeFailure, IntakeSkip
from .settings import Settings
from .wording import counted, skipped_text
from .export_cli import add_export_commands
from .flags import engine_flags, model_flags
from .store_cli import add_store_commands
from .news_cli import add_news_commands
from .review_cli import add_review_commands
from .web.serve import add_serve_command

# Only the commands that extract import spaCy, trafilatura and the rest of the pipeline (inside
# their function): `actorgraph --help` and the commands over the store start without them.

PROGRESS_AFTER = 5  # a progress bar appears once more than this many articles are under way


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.load(
        getattr(args, "config", None), model=args.model, workers=args.workers,
        batch_size=args.batch_size, registry=args.registry or None,
    )


class _Outputs:
    """Names output files `<stem>.json`, a corpus record's `<corpus stem>-<line>.json`, never
    overwriting another input's output of the same run."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.taken: set[str] = set()

    def path_for(self, article: Article) -> Path:
        # a corpus record is named after its corpus and line, whatever its own `source` says
        source = article.metadata.get("corpus_line") or article.source
        base = source.split("#", 1)[0]
        stem = Path(base).name
        for ending in (".jsonl.gz", ".ndjson.gz", ".warc.gz", ".ndjson", ".jsonl", ".json", ".warc", ".gz"):
            if stem.endswith(ending):
                stem = stem[: -len(ending)]
                break
        else:
            stem = Path(stem).stem or "article"
        if "#" in source:  # a record of a corpus or WARC: its stem plus the record's line or byte offset
            stem = f"{stem}-{source.split('#', 1)[1].strip('L')}"
        name, n = stem, 1
        while name in self.taken:
            n += 1
            name = f"{stem}-{n}"
        self.taken.add(name)
        return self.folder / f"{name}.json"


def _summary(ex: Extraction) -> str:
    kinds = Counter(a.type for a in ex.actors)
    parts = ", ".join(counted(kinds[k], k) for k in ("person", "organization", "country", "location") if kinds[k])
    return (f"ok   {ex.article.source}: {counted(len(ex.article.text), 'char')}, {counted(len(ex.actors), 'actor')}"
            f"{f' ({parts})' if parts else ''}, {counted(len(ex.relations), 'relation')}, "
            f"{counted(len(ex.events), 'event')}, {counted(len(ex.quotes), 'quote')}, "
            f"{counted(len(ex.figures), 'figure')}")


def _with_progress(items: Iterator, quiet: bool) -> Iterator:
    """Yield items; once more than a few have passed, show a progress bar on stderr.

    Only on a terminal: into a log or a pipe a bar writes a carriage-return frame per update, and the
    per-article lines and the closing summary say the same.
    """
    bar = None
    show = not quiet and sys.stderr.isatty()
    try:
        for n, item in enumerate(items, 1):
            if bar is None and n > PROGRESS_AFTER and show:
                from tqdm import tqdm

                bar = tqdm(desc="articles", unit="art", initial=n - 1, file=sys.stderr,
                           dynamic_ncols=True, leave=True)
            if bar is not None:
                bar.update(1)
            yield item, bar
    finally:
        if bar is not None:
            bar.close()


def _extracted(items: Iterator[Article | IntakeFailure | IntakeSkip],
               settings: Settings) -> Iterator[Extraction | IntakeFailure | IntakeSkip]:
    """The intake failures and skipped records up to the first article, then the extraction of the rest.

    spaCy and the model (seconds to load) are loaded once there is an article to extract, so a
    run whose inputs are all missing or unreadable says so at once; a missing model or a bad
    registry still fails before any extraction.
    """
    for item in items:
        if not isinstance(item, Article):
            yield item
            continue
        from .extraction import extract_stream, load_resources

        load_resources(settings)  # fail early, once, on a missing model or a bad registry
        yield from extract_stream(chain([item], items), settings)
        return


def _say(bar, line: str) -> None:
    if bar is not None:
        bar.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


def _extracted_on_ray(args: argparse.Namespace, settings: Settings, out: Path) -> Iterator[Extraction | IntakeFailure]:
    """`extract --engine ray`: the inputs extracted on Ray into Parquet shards (in OUT, or OUT/.staging when
    the output is JSON), then, for JSON output, read back in input order."""
    from .scale import FILES_PER_SHARD, LINES_PER_SHARD, Staging, extract_on_ray
    from .scale.ray_engine import stop

    folder = out if args.format == "parquet" else out / ".staging"
    try:
        report = extract_on_ray(args.inputs, settings, str(folder), address=args.address, workers=args.workers,
                                files_per_shard=args.shard_size or FILES_PER_SHARD,
                                lines_per_shard=args.shard_size or LINES_PER_SHARD)
    finally:
        stop()
    print(f"ray: {report.shards} shards ({report.reused} staged before), {report.workers} workers; "
          f"shards in {report.staging}", file=sys.stderr)
    yield from report.failed_shards
    staging = Staging(folder)
    for shard in staging.manifest():
        if staging.is_staged(shard.id):
            yield from staging.read(shard.id)


def cmd_extract(args: argparse.Namespace) -> int:
    from .export.contract import to_contract
    from .intake import read_articles

    settings = _settings(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.format is None:
        args.format = "parquet" if args.engine == "ray" else "json"
    if args.format == "parquet" and args.engine != "ray":
        print("actorgraph: error: --format parquet writes Ray's shards: use it with --engine ray", file=sys.stderr)
        return 2
    names = _Outputs(out)
    lines = None
    if args.format == "jsonl":
        lines = open(out / "extractions.jsonl.tmp", "w", encoding="utf-8")
    explain = None
    if args.explain:
        from .extraction.explain import explain
    ok = failed = 0
    skipped: Counter = Counter()
    started = time.perf_counter()
    if args.engine == "ray":
        stream = _extracted_on_ray(args, settings, out)
    else:
        stream = _extracted(iter(read_articles(args.inputs, settings)), settings)
    for item, bar in _with_progress(stream, args.quiet):
        if isinstance(item, IntakeSkip):
            skipped[item.kind] += 1
            if not args.quiet and not item.structural:
                _say(bar, f"SKIP {item.source}: {item.reason}")
            continue
        if isinstance(item, IntakeFailure):
            failed += 1
            _say(bar, f"FAIL {item.source}: {item.reason}")
            continue
        for warning in item.article.warnings:
            _say(bar, f"WARN {item.article.source}: {warning}")
        if args.format == "json":
            path = names.path_for(item.article)
            tmp = path.with_suffix(".json.tmp")
            tmp.write_text(json.dumps(to_contract(item), ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, path)
        elif lines is not None:
            lines.write(json.dumps(to_contract(item), ensure_ascii=False) + "\n")
            path = out / "extractions.jsonl"
        else:
            path = out / "shards"
        ok += 1
        if not args.quiet:
            _say(bar, f"{_summary(item)} -> {path}")
        if explain is not None:
            text = explain(item)
            if text:
                _say(bar, text)
    if lines is not None:
        lines.close()
        os.replace(out / "extractions.jsonl.tmp", out / "extractions.jsonl")
    seconds = time.perf_counter() - started
    passed = f", {skipped_text(skipped)}" if skipped else ""
    print(f"{ok} extracted, {failed} failed{passed} in {seconds:.1f}s -> {out}", file=sys.stderr)
    return 1 if failed or not (ok or failed or skipped) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actorgraph",
        description="Read articles on armed conflict and state influence; build a sourced graph of actors.",
    )
    parser.add_argument("--version", action="version", version=f"actorgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract actors (and more) from articles into one JSON file each",
                        description="Read files, folders, JSON Lines corpora (plain or .gz) and WARC web archives "
                                    "(.warc, .warc.gz); write DIR/<stem>.json per article (DIR/<corpus stem>-<line>.json "
                                    "per corpus record, DIR/<warc stem>-<byte offset>.json per WARC page) in the "
                                    "evaluation-contract format. Of a WARC, the HTML responses are read; its other "
                                    "records (requests, metadata, revisits, non-HTML, non-200 and truncated responses) "
                                    "are skipped and counted by kind in the summary.")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="article files, folders, .jsonl[.gz] corpora, or .warc[.gz] web archives")
    ex.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the JSON files (created)")
    model_flags(ex, batch="articles per nlp.pipe batch")
    ex.add_argument("--config", default=None, metavar="FILE", help="settings file (TOML)")
    ex.add_argument("--explain", action="store_true", help="print each relation's sentence with actors and cue marked")
    ex.add_argument("--format", "-f", choices=("json", "jsonl", "parquet"), default=None,
                    help="json: DIR/<stem>.json per article (default); jsonl: DIR/extractions.jsonl, one record a "
                         "line in input order; parquet: Ray's shards in DIR/shards (default with --engine ray), "
                         "for `ingest --shards DIR`")
    engine_flags(ex)
    ex.add_argument("--quiet", "-q", action="store_true", help="no per-article lines or progress bar")
    ex.set_defaults(func=cmd_extract)
    add_store_commands(sub)
    add_news_commands(sub)
    add_review_commands(sub)
    add_serve_command(sub)
    add_export_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ActorgraphError as exc:
        print(f"actorgraph: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("actorgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output stopped (`| head`): stop quietly, as other command-line tools do;
        # stdout goes to devnull so that the flush at exit does not raise again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, the status of a tool the pipe ended


if __name__ == "__main__":
    sys.exit(main())
