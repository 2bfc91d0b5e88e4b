"""`actorgraph export` end to end: real subprocesses on a real store; bad requests are named."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from actorgraph.store import Store


def run(*args, cwd=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACTORGRAPH_")}
    return subprocess.run([sys.executable, "-m", "actorgraph.cli", *args], capture_output=True, cwd=cwd,
                          env=env, timeout=300)


def test_ftm_goes_to_standard_output_without_out(store_path):
    proc = run("export", "--format", "ftm", "--store", str(store_path), "--predicate", "leads")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert {e["schema"] for e in lines} >= {"Directorship", "Person", "Article"}
    assert b"exported" in proc.stderr


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "neo4j", "csv", "parquet"])
def test_each_format_writes_its_output(store_path, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    proc = run("export", "-f", fmt, "--store", str(store_path), "-o", str(out), "--actor", "Soleimani", "--hops", "2")
    assert proc.returncode == 0, proc.stderr
    assert out.is_file() if fmt in ("gexf", "graphml") else any(out.iterdir())


def test_an_unknown_format_is_a_usage_error_listing_the_formats(store_path):
    proc = run("export", "--format", "pdf", "--store", str(store_path))
    assert proc.returncode == 2
    assert b"invalid choice: 'pdf'" in proc.stderr and b"graphml" in proc.stderr


def test_an_empty_or_missing_store_is_named(tmp_path):
    empty = tmp_path / "empty.duckdb"
    Store.open(empty).close()
    proc = run("export", "-f", "ftm", "--store", str(empty))
    assert proc.returncode == 2 and b"holds no article yet" in proc.stderr
    proc = run("export", "-f", "ftm", "--store", str(tmp_path / "none.duckdb"))
    assert proc.returncode == 2 and b"no store at" in proc.stderr


def test_an_unwritable_output_is_named(store_path, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run("export", "-f", "ftm", "--store", str(store_path), "-o", str(blocker / "graph.ftm"))
    assert proc.returncode == 2 and b"cannot write" in proc.stderr and str(blocker).encode() in proc.stderr
    proc = run("export", "-f", "csv", "--store", str(store_path), "-o", str(blocker))
    assert proc.returncode == 2 and b"is a file" in proc.stderr
    proc = run("export", "-f", "neo4j", "--store", str(store_path))
    assert proc.returncode == 2 and b"give a folder with --out" in proc.stderr


def test_a_bad_filter_is_named_before_the_store_is_read(store_path):
    proc = run("export", "-f", "ftm", "--store", str(store_path), "--certainty", "probable")
    assert proc.returncode == 2 and b"'probable'" in proc.stderr and b"asserted" in proc.stderr


def test_registry_import_names_malformed_lines_and_exits_1(tmp_path):
    source = tmp_path / "e.json"
    source.write_text('{"id": "a", "schema": "Organization", "properties": {"name": ["Liwa al-Example"]}}\n'
                      "oops\n", encoding="utf-8")
    proc = run("registry", "import", str(source), "--registry-dir", str(tmp_path / "reg"), cwd=tmp_path)
    assert proc.returncode == 1
    assert f"FAIL {source}:2: not JSON".encode() in proc.stderr
    assert b"1 actors added" in proc.stderr
    assert (tmp_path / "reg" / "ftm_e.yaml").is_file()


def test_hops_without_an_actor_is_named(store_path):
    proc = run("export", "-f", "ftm", "--store", str(store_path), "--hops", "2")
    assert proc.returncode == 2 and b"--hops" in proc.stderr and b"--actor" in proc.stderr


def test_the_summary_counts_what_the_format_holds_and_names_what_it_cannot(store_path):
    # The store holds one quote and one casualty figure: FtM has no schema for either.
    proc = run("export", "--format", "ftm", "--store", str(store_path), "-o", os.devnull)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # written to, not renamed over (it was, run as root)
    summary, left_out = proc.stderr.decode("utf-8").splitlines()
    assert "quote" not in summary and "figure" not in summary
    assert "1 event," in summary  # one, not "1 events"
    assert left_out == "left out: 1 quote, 1 figure (the ftm format cannot hold them; see docs/interop.md)"
    proc = run("export", "--format", "csv", "--store", str(store_path), "-o", str(store_path.parent / "csv"))
    assert b"1 quote, 1 figure" in proc.stderr and b"left out" not in proc.stderr


def test_a_denial_kept_out_by_the_certainty_filter_is_said(store_path):
    # "Hezbollah denied that it trained Asa'ib Ahl al-Haq": one negated statement in the store.
    proc = run("export", "--format", "gexf", "--store", str(store_path), "-o", os.devnull, "--certainty", "asserted")
    assert proc.returncode == 0, proc.stderr
    assert b"left out: 1 negated statement (not asked for by --certainty)" in proc.stderr
    proc = run("export", "--format", "gexf", "--store", str(store_path), "-o", os.devnull)
    assert b"negated" not in proc.stderr
