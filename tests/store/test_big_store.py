"""benchmarks/build_big_store.py: a store built in bulk opens and answers like one made by `ingest`."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from graph_articles import Hand
from summary_check import kept, recounted

from actorgraph import query
from actorgraph.settings import Settings
from actorgraph.store import SCHEMA_VERSION, Store, add_extractions, ingest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
_spec = importlib.util.spec_from_file_location("build_big_store", ROOT / "benchmarks" / "build_big_store.py")
builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(builder)

# Every table a built store fills, with the columns that differ by design left out (none here).
TABLES = ("articles", "actors", "actor_names", "actor_keys", "article_actors", "mentions", "statements", "relations",
          "relation_stories", "relation_firsts", "events", "event_participants", "quotes", "figures", "actor_items",
          "actor_stats", "actor_spellings", "actor_signatures", "article_stories", "article_fingerprints",
          "article_bands")


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    """The repository's sample articles through the real pipeline and writer."""
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    with Store.open(path) as store:
        assert ingest([str(SAMPLES)], Settings(), store).failed == 0
    return path


def build(seed: Path, out: Path, n: int) -> Path:
    builder.build(seed, out, n, skew=2.0, variants=None, memory_limit="1GB", threads=1)
    return out


def rows(path: Path, table: str) -> list:
    with Store.open(path, read_only=True) as store:
        return sorted(store.rows(f"SELECT * FROM {table}"), key=repr)


def test_one_copy_is_the_store_ingest_made(seed, tmp_path):
    """Copy 0 is the seed: the edges, stories, signatures and summaries the bulk SQL makes equal the writer's."""
    out = build(seed, tmp_path / "one.duckdb", n=len(rows(seed, "articles")))
    for table in TABLES:
        assert rows(out, table) == rows(seed, table), table


def test_copies_answer_show_path_and_pages(seed, tmp_path):
    out = build(seed, tmp_path / "big.duckdb", n=10 * len(rows(seed, "articles")))
    with Store.open(out) as store:  # opened for writing: nothing to migrate
        assert store.version() == SCHEMA_VERSION
        hub, hub_name, articles = store.rows("""SELECT a.id, a.name, s.articles FROM actor_stats s
                                                JOIN actors a ON a.id = s.actor_id ORDER BY s.articles DESC, a.id""")[0]
        assert articles > 10  # a seed actor is shared by the copies
        variants = store.value("SELECT count(*) FROM actors WHERE registry_id IS NULL AND name ~ ' [0-9]+$'")
        assert variants > 0
        shown = query.show(store, hub)
        assert shown["articles"]["count"] == articles and shown["relations"]
        s, o, s_name, o_name = store.rows("""SELECT r.subject, r.object, a.name, b.name FROM relations r
            JOIN actors a ON a.id = r.subject JOIN actors b ON b.id = r.object
            WHERE r.predicate IN ('commands', 'leads', 'part_of', 'member_of', 'supports') AND r.subject <> r.object
            ORDER BY r.sources DESC, r.id""")[0]
        chain = query.path(store, s, o, direction="any")["chains"][0]
        assert chain["actors"] == [s_name, o_name]
        assert chain["hops"][0]["sentence"]
    cli = subprocess.run([sys.executable, "-m", "actorgraph.cli", "show", hub_name, "--store", str(out), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["actor"]["id"] == hub
    with _served(out, processes=2) as base:
        page = _get(f"{base}/api/actors/{hub}")
        assert page["actor"]["id"] == hub and page["articles"]["count"] == articles
        assert _get(f"{base}/api/network/{hub}?hops=2&limit=40")["nodes"]
        assert hub in [a["id"] for a in _get(f"{base}/api/search?q={hub_name[:4].replace(' ', '%20')}&limit=50")["actors"]]


def test_an_ingest_into_a_built_store_keeps_its_summaries_right(seed, tmp_path):
    out = build(seed, tmp_path / "big.duckdb", n=5 * len(rows(seed, "articles")))
    h = Hand("hand/new.txt", "Esmail Qaani commands the Quds Force. Esmail Qaani met Hassan Nasrallah.", "2024-05-01")
    qaani = h.actor("Esmail Qaani", "person")
    qf = h.actor("Quds Force", "organization", registry_id="quds_force")
    hn = h.actor("Hassan Nasrallah", "person")
    h.relation(qaani, "commands", qf, "Esmail Qaani commands the Quds Force.")
    h.relation(qaani, "met_with", hn, "Esmail Qaani met Hassan Nasrallah.")
    with Store.open(out) as store:
        before = store.article_count()
        assert add_extractions(store, [h.extraction()])[0].new
        assert store.article_count() == before + 1
        assert kept(store) == recounted(store)
        assert query.show(store, "Esmail Qaani")["relations"]["commands"][0]["evidence"]


class _served:
    """`actorgraph serve --processes N` over a store on a free loopback port, stopped on exit."""

    def __init__(self, store: Path, processes: int):
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen([sys.executable, "-m", "actorgraph.cli", "serve", "--store", str(store),
                                      "--port", str(self.port), "--processes", str(processes)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def __enter__(self) -> str:
        base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.proc.stderr.read().decode()
            try:
                _get(f"{base}/api/stats")
                return base
            except OSError:
                time.sleep(0.3)
        raise AssertionError("the server did not answer within 120 s")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as r:
        assert r.status == 200
        return json.loads(r.read())
