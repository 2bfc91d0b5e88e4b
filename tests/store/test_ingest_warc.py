"""`actorgraph extract` and `ingest` on WARC files written by warcio from a real loopback crawl: the pages
become articles with their URL, capture date and record id; the other records are counted by kind,
printed and recorded; a broken WARC is one failure; ingesting again changes nothing."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsite
import warc_files
from actorgraph.store import Store
from test_cli import run

IDS = {
    "articles": "SELECT id || source || origin || captured_at || record_id FROM articles ORDER BY 1",
    "actors": "SELECT id || name FROM actors ORDER BY 1",
    "statements": "SELECT id FROM statements ORDER BY 1",
    "relations": "SELECT id || statements || sources FROM relations ORDER BY 1",
}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    site = newsite.start()
    folder = tmp_path_factory.mktemp("crawl")
    try:
        expected = warc_files.crawl(folder / "crawl.warc.gz", site)
    finally:
        site.close()
    data = (folder / "crawl.warc.gz").read_bytes()
    (folder / "broken.warc.gz").write_bytes(data[:len(data) // 2] + b"\x00" * 200 + data[len(data) // 2 + 200:])
    return folder, expected


def snapshot(path: Path) -> dict[str, list]:
    with Store.open(path, create=False) as store:
        return {k: [r[0] for r in store.rows(sql)] for k, sql in IDS.items()}


def test_extract_names_each_page_after_its_warc_and_offset_and_counts_the_rest(crawl, tmp_path):
    folder, expected = crawl
    out = tmp_path / "out"
    proc = run("extract", str(folder / "crawl.warc.gz"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    files = sorted(out.glob("*.json"), key=lambda p: int(p.stem.split("-")[1]))
    assert all(re.fullmatch(r"crawl-\d+\.json", p.name) for p in files)
    docs = [json.loads(p.read_text(encoding="utf-8"))["document"] for p in files]
    assert [d["source"] for d in docs] == expected.pages
    for doc, path in zip(docs, files):
        assert doc["url"] == doc["source"] and doc["format"] == "warc"
        assert doc["origin"] == f"{folder / 'crawl.warc.gz'}#{path.stem.split('-')[1]}"
        assert doc["captured_at"].endswith("Z") and doc["record_id"].startswith("<urn:uuid:")
    total = sum(expected.skips.values())
    assert (f"3 extracted, 0 failed, {total} records skipped (5 request, 2 http-status, 1 metadata, 1 not-html, "
            f"1 revisit, 1 truncated, 1 warcinfo)") in proc.stderr
    skip_lines = [line for line in proc.stderr.splitlines() if line.startswith("SKIP ")]
    # a page that could have been an article says why it was not; requests and metadata are only counted
    assert len(skip_lines) == 5 and any(line.endswith("not HTML (application/pdf)") for line in skip_lines)


def test_a_broken_warc_fails_alone_and_the_batch_goes_on(crawl, tmp_path):
    folder, _ = crawl
    proc = run("extract", str(folder / "broken.warc.gz"), str(warc_files.NEWS_PAGE), "--out", str(tmp_path / "o"),
               "-q")
    assert proc.returncode == 1
    [fail] = [line for line in proc.stderr.splitlines() if line.startswith("FAIL")]
    assert fail.startswith(f"FAIL {folder / 'broken.warc.gz'}: WARC is broken after ")
    assert (tmp_path / "o" / "news-page.json").exists()


def test_ingest_stores_pages_records_skips_and_failures_and_is_idempotent(crawl, tmp_path):
    folder, expected = crawl
    store = tmp_path / "g.duckdb"
    inputs = [str(folder / "crawl.warc.gz"), str(folder / "broken.warc.gz")]
    first = run("ingest", *inputs, "--store", str(store))
    assert first.returncode == 1, first.stderr  # the broken WARC
    # the three pages of the crawl; the broken copy's pages before its break are the same articles
    known = int(re.search(r"\b3 stored, (\d+) already stored, 1 failed, ", first.stderr).group(1))
    with Store.open(store, create=False) as st:
        rows = st.rows("SELECT source, url, format, origin, captured_at, record_id FROM articles "
                       "WHERE origin LIKE ? ORDER BY seq", [f"{folder / 'crawl.warc.gz'}#%"])
        kinds = dict(st.rows("SELECT kind, count(*) FROM skipped GROUP BY kind"))
        failures = st.rows("SELECT source, error FROM failures")
    assert [r[0] for r in rows] == expected.pages
    assert all(r[1] == r[0] and r[2] == "warc" and r[4] and r[5].startswith("<urn:uuid:") for r in rows)
    assert kinds["request"] >= expected.skips["request"] and kinds["truncated"] == 1
    assert failures == [(str(folder / "broken.warc.gz"), "MalformedInputError")]

    before = snapshot(store)
    again = run("ingest", *inputs, "--store", str(store), "-q")
    assert f"0 stored, {3 + known} already stored, 1 failed" in again.stderr
    assert snapshot(store) == before
    with Store.open(store, create=False) as st:
        assert st.value("SELECT min(seen) FROM skipped") == 2  # counted again, not duplicated
        assert st.value("SELECT attempts FROM failures") == 2

    listed = run("failures", "--store", str(store))
    assert "records skipped (" in listed.stderr and "--skipped" in listed.stderr
    skipped = json.loads(run("failures", "--store", str(store), "--json", "--skipped").stdout)
    pdf = [r for r in skipped if r.get("skipped") == "not-html"]
    assert pdf and pdf[0]["reason"].endswith("/report.pdf: not HTML (application/pdf)")

    # the broken file repaired: --retry-failed reads it again, finds its pages stored, and clears the failure
    (folder / "broken.warc.gz").write_bytes((folder / "crawl.warc.gz").read_bytes())
    retry = run("ingest", "--retry-failed", "--store", str(store), "-q")
    assert retry.returncode == 0, retry.stderr
    assert json.loads(run("failures", "--store", str(store), "--json").stdout) == []
    assert snapshot(store)["actors"] == before["actors"]
