"""How the commands behave at the edges of their streams: a busy port, a reader that stops early.

Real processes on a real store file, as a user runs them.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from graph_articles import Hand, chain_articles

from actorgraph.store import Store, add_extraction


def actorgraph(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    env = {k: v for k, v in (env or os.environ).items() if not k.startswith("ACTORGRAPH_") or env is not None}
    return subprocess.Popen([sys.executable, "-m", "actorgraph.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, **kw)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    """The chain articles and one long article: an FtM export far larger than a pipe's buffer."""
    path = tmp_path_factory.mktemp("store") / "g.duckdb"
    sentence = "Hezbollah fighters were deployed near Aleppo, officials said. "
    long = Hand("hand/long.txt", sentence * 20000, "2021-03-01")
    long.actor("Hezbollah", "organization", registry_id="hezbollah")
    with Store.open(path) as store:
        for ex in [*chain_articles(), long.extraction()]:
            add_extraction(store, ex)
    return path


@pytest.mark.parametrize("reviewer", [False, True], ids=["read-only", "with-reviewers"])
def test_serve_on_a_busy_port_is_one_line_and_a_setup_error(store_path, reviewer, tmp_path):
    # with reviewers the model would load first (seconds); a model that does not exist shows it is not
    if reviewer:
        from actorgraph.store.reviewers import add_reviewer
        copy = tmp_path / "reviewed.duckdb"
        shutil.copy(store_path, copy)
        with Store.open(copy, create=False) as store:
            add_reviewer(store, "alice")
        store_path = copy
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = actorgraph("serve", "--store", str(store_path), "--port", str(port), text=True,
                          env={**os.environ, "ACTORGRAPH_MODEL": "no_such_pipeline"})
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert err.splitlines() == [f"actorgraph: error: cannot listen on 127.0.0.1:{port}: the port is in use "
                                "(another server runs there; pick one with --port)"]
    assert "serving" not in err


def test_an_export_piped_into_a_reader_that_stops_ends_without_a_traceback(store_path):
    proc = actorgraph("export", "--format", "ftm", "--store", str(store_path))
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does once it has its line
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=120)
    assert first.startswith(b"{")
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert proc.returncode == 141
