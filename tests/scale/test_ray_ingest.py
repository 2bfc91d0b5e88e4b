"""`ingest --engine ray` on a local Ray instance (2 CPUs) over the dev articles, the samples, a corpus
and a WARC crawl: the store equals a one-process ingest's,
even when a Ray worker is killed with SIGKILL mid-run, or the whole run is, and started again."""
from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsite
import warc_files
from actorgraph.scale.processes import command_line, descendants
from stores import differences

pytest.importorskip("ray", reason="the Ray tests need the ray extra: pip install -e '.[ray]'")

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / ".." / "shared" / "eval" / "dev"
BBC = ROOT / ".." / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "RAY_USAGE_STATS_ENABLED": "0"}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The dev articles, the samples folder, a corpus of 8 BBC articles with one broken line, and a
    WARC crawl of the loopback news site (HTML pages, requests, a PDF, a revisit...) written with warcio.

    Where the shared data is absent beside the checkout, the samples alone, and a corpus made of them."""
    folder = tmp_path_factory.mktemp("inputs")
    site = newsite.start()
    try:
        warc_files.crawl(folder / "crawl.warc.gz", site)
    finally:
        site.close()
    if BBC.is_file():
        with gzip.open(BBC, "rt", encoding="utf-8") as f:
            lines = list(itertools.islice(f, 8))
    else:
        lines = [json.dumps({"text": p.read_text(encoding="utf-8"), "source": f"copy-of-{p.name}"}) + "\n"
                 for p in sorted((ROOT / "samples").iterdir())]
    corpus = folder / "bbc.jsonl"
    corpus.write_text("".join(lines[:4]) + '{"text": "a broken line\n' + "".join(lines[4:]), encoding="utf-8")
    dev = sorted(str(p) for p in DEV.glob("*.txt")) if DEV.is_dir() else []
    return [*dev, str(ROOT / "samples"), str(corpus), str(folder / "crawl.warc.gz")]


def ingest(store: Path, inputs: list[str], *flags: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "actorgraph.cli", "ingest", *inputs, "--store", str(store), "-q",
                             *flags], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def ray_flags(staging: Path) -> tuple[str, ...]:
    return ("--engine", "ray", "--workers", "2", "--shard-size", "3", "--staging", str(staging))


@pytest.fixture(scope="module")
def one_process(inputs, tmp_path_factory) -> Path:
    """A one-process `ingest` at the default settings: the store every other run must equal."""
    store = tmp_path_factory.mktemp("one") / "g.duckdb"
    run = ingest(store, inputs)
    out, err = run.communicate(timeout=600)
    assert run.returncode == 1, err  # the broken corpus line fails, the rest is stored
    return store


def wait_for(run: subprocess.Popen, check, what: str, timeout: float = 300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert run.poll() is None, f"the run ended before {what}: {run.communicate()[1]}"
        if found := check():
            return found
        time.sleep(0.2)
    run.kill()
    pytest.fail(f"no {what} within {timeout}s")


def test_shards_merged_at_any_batch_size_equal_a_one_process_ingest(inputs, one_process, tmp_path):
    """An actor's id and spellings do not depend on which articles share a transaction."""
    shards = tmp_path / "shards"
    run = subprocess.run([sys.executable, "-m", "actorgraph.cli", "extract", *inputs, "--engine", "ray",
                          "--workers", "2", "--shard-size", "5", "--out", str(shards), "-q"],
                         env=ENV, capture_output=True, text=True, timeout=600)
    assert "FAIL" in run.stderr and "bbc.jsonl#L5" in run.stderr and " 1 failed" in run.stderr, run.stderr
    for size in ("1", "7", "1000"):
        store = tmp_path / f"merged-{size}.duckdb"
        merge = ingest(store, [], "--shards", str(shards), "--merge-batch-size", size)
        out, err = merge.communicate(timeout=600)
        assert merge.returncode == 1, err  # the broken corpus line, recorded as in the one-process run
        assert differences(store, one_process) == [], f"--merge-batch-size {size}"


def test_a_worker_killed_mid_run_loses_no_article_and_duplicates_none(inputs, one_process, tmp_path):
    store, staging = tmp_path / "g.duckdb", tmp_path / "staging"
    run = ingest(store, inputs, *ray_flags(staging))

    def busy_worker() -> int | None:  # a Ray actor while it extracts a shard (Ray names the process so)
        return next((p for p in descendants(run.pid) if "ShardExtractor.extract" in command_line(p)), None)

    victim = wait_for(run, busy_worker, "Ray worker extracting a shard")
    os.kill(victim, signal.SIGKILL)
    out, err = run.communicate(timeout=600)
    assert run.returncode == 1, err  # the broken corpus line only
    assert "FAIL" in err and "bbc.jsonl#L5" in err
    assert "0 shards failed" in err  # the killed worker's shard ran again
    assert victim not in descendants(os.getpid())
    assert differences(store, one_process) == []


def test_a_run_killed_part_way_resumes_with_every_article_once(inputs, one_process, tmp_path):
    store, staging = tmp_path / "g.duckdb", tmp_path / "staging"
    run = ingest(store, inputs, *ray_flags(staging))
    wait_for(run, lambda: len(list((staging / "shards").glob("*.parquet"))) >= 3, "staged shards")
    for pid in descendants(run.pid):  # the driver and its Ray instance die at once, as in a crash
        os.kill(pid, signal.SIGKILL)
    run.kill()
    run.communicate()
    staged_before = len(list((staging / "shards").glob("*.parquet")))
    again = ingest(store, inputs, *ray_flags(staging))
    out, err = again.communicate(timeout=600)
    assert again.returncode == 1, err  # the broken corpus line is read, and fails, again
    reused = int(re.search(r"\((\d+) staged before\)", err).group(1))
    assert reused >= staged_before >= 3  # the shards staged before the crash are not extracted again
    # every article stored once, with every statement, event, quote and figure: the same graph, though
    # the transactions after the crash differ from an uninterrupted run's (the ids do not depend on them)
    assert differences(store, one_process, tries=False) == []

    # a third run over the same inputs extracts nothing and stores nothing
    third = ingest(store, inputs, *ray_flags(staging))
    out, err = third.communicate(timeout=600)
    assert " 0 stored" in err.replace("\n", " ") and "0 workers" in err, err
    assert differences(store, one_process, tries=False) == []
