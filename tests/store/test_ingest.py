"""`actorgraph ingest` end to end on real articles: idempotent, resumable after SIGKILL, failures kept."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actorgraph.resolve import fold
from actorgraph.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
DEV = ROOT / ".." / "shared" / "eval" / "dev"
IDS = {
    "articles": "SELECT id FROM articles ORDER BY id",
    "actors": "SELECT id || name || type FROM actors ORDER BY 1",
    "article_actors": "SELECT article_id || local_id || actor_id || reason FROM article_actors ORDER BY 1",
    "mentions": "SELECT article_id || local_id || char_start FROM mentions ORDER BY 1",
    "statements": "SELECT id || relation_id FROM statements ORDER BY 1",
    "relations": "SELECT id || statements || sources FROM relations ORDER BY 1",
    "names": "SELECT actor_id || folded FROM actor_names ORDER BY 1",
}


def ingest_cmd(store: Path, *inputs: str) -> list[str]:
    return [sys.executable, "-m", "actorgraph.cli", "ingest", *inputs, "--store", str(store), "--batch-size", "1"]


def snapshot(path: Path) -> dict[str, list]:
    with Store.open(path, create=False) as store:
        return {k: [r[0] for r in store.rows(sql)] for k, sql in IDS.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample articles and the dev articles (text only), copied into one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    for p in [*SAMPLES.iterdir(), *(DEV.glob("*.txt") if DEV.is_dir() else [])]:
        if p.is_file():
            shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    store = tmp_path_factory.mktemp("clean") / "g.duckdb"
    proc = subprocess.run(ingest_cmd(store, str(corpus)), capture_output=True, text=True, timeout=900)
    return store, proc


def test_ingest_stores_every_article_and_a_second_run_changes_nothing(clean, corpus):
    store, proc = clean
    assert proc.returncode == 0, proc.stderr
    n = len([p for p in corpus.iterdir()])
    with Store.open(store, create=False) as s:
        assert s.article_count() == n
        assert s.value("SELECT count(*) FROM failures") == 0
    before = snapshot(store)
    again = subprocess.run(ingest_cmd(store, str(corpus)), capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    assert f"0 stored, {n} already stored" in again.stderr
    assert snapshot(store) == before


def test_a_run_killed_part_way_and_resumed_equals_one_clean_run(clean, corpus, tmp_path):
    store = tmp_path / "g.duckdb"
    proc = subprocess.Popen(ingest_cmd(store, str(corpus)), stderr=subprocess.PIPE, text=True)
    stored = 0
    deadline = time.time() + 600
    while stored < 3 and time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        stored += line.startswith("ok ")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert stored >= 3 and proc.returncode == -signal.SIGKILL
    with Store.open(store, create=False) as s:
        partial = s.article_count()
    assert 3 <= partial < len(list(corpus.iterdir()))
    resumed = subprocess.run(ingest_cmd(store, str(corpus)), capture_output=True, text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stderr
    assert f"already stored" in resumed.stderr and f"{partial} already stored" in resumed.stderr
    assert snapshot(store) == snapshot(clean[0])


def test_failed_inputs_are_recorded_listed_and_retried(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "seed-aleppo.txt", folder / "seed-aleppo.txt")
    (folder / "empty.txt").write_text("   \n")
    store = tmp_path / "g.duckdb"
    run = lambda *a: subprocess.run([sys.executable, "-m", "actorgraph.cli", *a, "--store", str(store)],
                                    capture_output=True, text=True, timeout=600)
    proc = run("ingest", str(folder))
    assert proc.returncode == 1 and "FAIL" in proc.stderr
    listed = run("failures")
    assert "empty.txt" in listed.stdout and "EmptyInputError" in listed.stdout
    (folder / "empty.txt").write_text("Hezbollah fighters were deployed to Aleppo in 2016, officials said.\n")
    proc = run("ingest", "--retry-failed")
    assert proc.returncode == 0, proc.stderr
    assert "1 stored, 0 already stored" in proc.stderr or "1 stored" in proc.stderr
    assert run("failures").stdout.strip() == ""


def _gold_actors() -> list[tuple[str, set[str]]]:
    """The gold actors of the dev articles, one per real actor: keys that share a name are united."""
    groups: list[tuple[str, set[str]]] = []
    for gold in sorted(DEV.glob("*.gold.json")):
        for e in json.loads(gold.read_text())["entities"].values():
            names = {fold(n) for n in e["names"]}
            joined = [g for g in groups if g[0] == e["type"] and g[1] & names]
            for g in joined:
                names |= g[1]
                groups.remove(g)
            groups.append((e["type"], names))
    return groups


@pytest.mark.skipif(not DEV.is_dir(), reason="the annotated dev articles (../shared/eval/dev) are absent")
def test_dev_articles_give_one_node_per_real_actor(clean):
    with Store.open(clean[0], create=False) as store:
        rows = store.rows("SELECT name, aliases, actor_id FROM article_actors")
    nodes = []
    for type_, names in _gold_actors():
        nodes.append({gid for name, aliases, gid in rows if {fold(n) for n in (name, *(aliases or []))} & names})
    assert sum(bool(n) for n in nodes) > 100  # the articles' actors are found at all
    assert [n for n in nodes if len(n) > 1] == []  # no real actor split over two nodes
    owners = [gid for n in nodes for gid in n]
    assert len(owners) == len(set(owners))  # no node holding two real actors


@pytest.mark.skipif(not DEV.is_dir(), reason="the annotated dev articles (../shared/eval/dev) are absent")
def test_dev_articles_chain_khamenei_down_to_asaib_ahl_al_haq_with_a_stated_sentence_per_hop(clean):
    proc = subprocess.run([sys.executable, "-m", "actorgraph.cli", "path", "Khamenei", "Asaib Ahl al-Haq", "--json",
                           "--store", str(clean[0])], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["followed"] == "down" and r["chains"]
    texts = {}
    with Store.open(clean[0], create=False) as store:
        texts = dict(store.rows("SELECT source, text FROM articles"))
    for chain in r["chains"]:
        assert chain["actors"][0] == "Ali Khamenei" and chain["actors"][-1] == "Asaib Ahl al-Haq"
        for h in chain["hops"]:
            assert h["certainty"] != "negated" and h["sentence"] in texts[h["source"]]


SUMMARIES = {t: f"SELECT * FROM {t} ORDER BY ALL" for t in ("actor_items", "actor_stats", "actor_spellings")}


@pytest.mark.skipif(not DEV.is_dir(), reason="the annotated dev articles (../shared/eval/dev) are absent")
def test_per_actor_summaries_added_article_by_article_equal_a_rebuild_also_after_a_merge(clean, tmp_path):
    from actorgraph.store import merge
    from actorgraph.store.summaries import rebuild_summaries
    path = tmp_path / "g.duckdb"
    path.write_bytes(clean[0].read_bytes())
    with Store.open(path, create=False) as store:
        added = {t: store.rows(sql) for t, sql in SUMMARIES.items()}
        assert all(added.values()) and any(r[1] == "quote" for r in added["actor_items"])
        everyone = [i for (i,) in store.rows("SELECT id FROM actors")]
        with store.transaction():
            rebuild_summaries(store, everyone)
        assert {t: store.rows(sql) for t, sql in SUMMARIES.items()} == added
        keep, other = store.rows("""SELECT actor_id FROM actor_stats ORDER BY quotes DESC, actor_id LIMIT 2""")
        merge(store, keep[0], other[0])
        merged = {t: store.rows(sql) for t, sql in SUMMARIES.items()}
        with store.transaction():
            rebuild_summaries(store, everyone)
        assert {t: store.rows(sql) for t, sql in SUMMARIES.items()} == merged
        assert store.value("SELECT count(*) FROM actor_stats WHERE actor_id = ?", [other[0]]) == 0
        n = store.value("SELECT quotes FROM actor_stats WHERE actor_id = ?", [keep[0]])
        assert n == sum(r[1] == "quote" and r[0] in (keep[0], other[0]) for r in added["actor_items"])
