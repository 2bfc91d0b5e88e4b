"""`changes` after a second feed lists exactly what that feed added, each with its evidence; the watch list."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsite
from actorgraph import query
from actorgraph.store import Store, merge
from actorgraph.store.watch import unwatch, watch, watch_list

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    site = newsite.start()
    site.slow_seconds = 2.0
    path = tmp_path_factory.mktemp("news") / "g.duckdb"
    first, second = newsite.build_news_store(path, site)
    yield path, first, second, site
    site.close()


def test_changes_list_exactly_what_the_second_feed_added(news):
    path, first, second, site = news
    later = f"{site.base}/news/latakia-strike"
    with Store.open(path, create=False) as store:
        r = query.changes(store)
        article = store.value("SELECT id FROM articles WHERE source = ?", [later])
    assert r["articles"] == 1 and r["since"].startswith("the last run")
    assert {a["actors"][0]["id"] for a in r["new_actor"]} == second["actors"] - first["actors"]
    assert {e["relation"] for e in r["new_edge"]} == set(second["edges"]) - set(first["edges"])
    confirmed = {rid for rid, (stories, _) in second["edges"].items()
                 if rid in first["edges"] and first["edges"][rid][0] == 1 and stories >= 2}
    contradicted = {rid for rid, (_, c) in second["edges"].items() if c and not first["edges"].get(rid, (0, False))[1]}
    assert {e["relation"] for e in r["confirmed"]} == confirmed and confirmed  # "led by" said again, independently
    assert {e["relation"] for e in r["contradicted"]} == contradicted and contradicted  # "never a member"
    assert {(e["evidence"]["article"], e["evidence"]["sent_start"]) for e in r["new_event"]} == \
        second["events"] - first["events"]
    for kind in query.changes.__globals__["KINDS"]:
        for item in r[kind]:
            ev = item["evidence"]
            assert ev["source"] == later and ev["article"] == article and ev["sentence"]
            assert ev["page"] == f"/article/{article}?at={ev['sent_start']}-{ev['sent_end']}"
    with Store.open(path, create=False) as store:
        everything = query.changes(store, since="2000-01-01")
    assert everything["articles"] == 5 and len(everything["new_actor"]) == len(second["actors"])


def test_watched_changes_and_the_watch_list_cli(news, tmp_path):
    path, *_ = news
    run = lambda *a: subprocess.run([sys.executable, "-m", "actorgraph.cli", *a, "--store", str(path)],
                                    capture_output=True, text=True, timeout=300)
    added = run("watch-list", "add", "Haidar al-Muhandis")
    assert added.returncode == 0 and "watching Haidar al-Muhandis" in added.stdout, added.stderr
    assert "Haidar al-Muhandis" in run("watch-list", "list").stdout
    out = run("changes", "--watched")
    assert out.returncode == 0, out.stderr
    assert "first independent confirmations (1):" in out.stdout and "new contradictions (1):" in out.stdout
    assert "Talal Hamiyah" not in out.stdout  # not watched
    with Store.open(path) as store:
        r = query.changes(store, watched=True)
        assert [e["predicate"] for e in r["confirmed"]] == ["leads"]
        assert [e["predicate"] for e in r["contradicted"]] == ["member_of"]
        assert r["new_edge"] == [] and r["new_actor"] == []
        haidar = query.find_actor(store, "Haidar al-Muhandis").id
        unwatch(store, haidar)
        assert query.changes(store, watched=True)["confirmed"] == []
        watch(store, haidar, "Haidar al-Muhandis")
    assert run("watch-list", "remove", "Haidar al-Muhandis").returncode == 0
    assert run("watch-list", "remove", "Haidar al-Muhandis").returncode == 2  # not on the list: named
    with Store.open(path) as store:
        assert watch_list(store) == []
