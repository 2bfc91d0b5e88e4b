"""`actorgraph serve --processes N`: several read-only processes on one port, a dead one replaced."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, Server, free_port


def children(pid: int) -> set[int]:
    return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


class Processes(Server):
    """`actorgraph serve --processes 2` (the tests' Server, with the flag)."""

    def __init__(self, store: Path, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "actorgraph.cli", "serve", "--store", str(store),
                                      "--port", str(self.port), "--processes", "2"],
                                     stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT)
        wait_for(self._answers, 120)

    def _answers(self) -> bool:
        assert self.proc.poll() is None, self.log.read_text()
        try:
            self.get("/api/stats")
            return True
        except OSError:
            return False


def test_two_processes_answer_and_a_killed_one_is_replaced(built_store, tmp_path):
    store = tmp_path / "store.duckdb"
    shutil.copy(built_store, store)
    srv = Processes(store, tmp_path / "serve.log")
    try:
        wait_for(lambda: len(children(srv.proc.pid)) == 2)
        first = children(srv.proc.pid)
        assert all(srv.get("/api/stats")["counts"]["articles"] == 4 for _ in range(20))
        assert srv.get("/api/stats")["writable"] is False
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: len(children(srv.proc.pid)) == 2 and victim not in children(srv.proc.pid))
        assert srv.get("/api/search?q=Quds")["actors"]
        assert "ended" in srv.log.read_text()
    finally:
        srv.stop()
    assert srv.proc.returncode is not None
    for pid in first:  # the children went with the parent
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


def test_a_server_that_writes_is_one_process(built_store, tmp_path):
    store = tmp_path / "store.duckdb"
    shutil.copy(built_store, store)
    added = subprocess.run([sys.executable, "-m", "actorgraph.cli", "reviewers", "add", "ana", "--store", str(store)],
                           capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert added.returncode == 0, added.stderr
    run = subprocess.run([sys.executable, "-m", "actorgraph.cli", "serve", "--store", str(store), "--port",
                          str(free_port()), "--processes", "2"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode != 0
    assert "one writer" in run.stderr and "--read-only" in run.stderr


def test_read_only_processes_refuse_a_write_and_keep_their_answers(built_store, tmp_path):
    store = tmp_path / "store.duckdb"
    shutil.copy(built_store, store)
    srv = Processes(store, tmp_path / "serve.log")
    try:
        status, _, body = srv.request("/api/articles", {"text": "Hezbollah backed Hamas.", "source": "t"})
        assert status == 403 and b"served read-only" in body  # writes are refused, not routed
        path = "/api/search?q=quds"
        seen = {dict((k.lower(), v) for k, v in srv.request(path)[1].items()).get("x-cache") for _ in range(12)}
        assert "hit" in seen  # each process keeps its own; a dozen asks reach one twice
    finally:
        srv.stop()
