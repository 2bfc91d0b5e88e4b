"""Web app fixtures: a real store built from samples/, real `actorgraph serve` processes on
loopback, and Debian's chromium driven by Playwright.

Two servers: one over a store with two reviewers, alice and bob (writes allowed: the server
opens the store for writing), one read-only over a copy without reviewers (DuckDB gives a file
to one writing process). A reviewer's token is in `server.tokens`. Browser tests skip when chromium or
Playwright is missing, and fail instead when ACTORGRAPH_REQUIRE_BROWSER=1 (as CI sets it);
ACTORGRAPH_CHROMIUM names another chromium binary.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
CHROMIUM = Path(os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium"))  # Debian's, from install-browser.sh
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REVIEWERS = ("alice", "bob")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `actorgraph serve` process on loopback."""

    def __init__(self, store: Path, log: Path, tokens: dict[str, str] | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.store = store
        self.tokens = tokens or {}
        cmd = [sys.executable, "-m", "actorgraph.cli", "serve", "--store", str(store), "--port", str(self.port)]
        self.log = log
        self.proc = subprocess.Popen(cmd, stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text()}")
            try:
                self.get("/api/stats")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"server did not answer within 120 s: {log.read_text()}")

    def request(self, path: str, data: dict | None = None, headers: dict | None = None,
                method: str | None = None) -> tuple[int, dict, bytes]:
        body = json.dumps(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    @property
    def token(self) -> str:
        """The first reviewer's token."""
        return next(iter(self.tokens.values()))

    def bearer(self, name: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[name] if name else self.token}"}

    def get(self, path: str) -> dict:
        status, _, body = self.request(path)
        assert status == 200, f"GET {path}: {status} {body[:300]!r}"
        return json.loads(body)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """A store holding the repository's sample articles (Soleimani, Quds Force, Aleppo...)."""
    from actorgraph.settings import Settings
    from actorgraph.store import Store, ingest

    path = tmp_path_factory.mktemp("web") / "samples.duckdb"
    with Store.open(path) as store:
        report = ingest([str(SAMPLES)], Settings(), store)
    assert report.stored == len(list(SAMPLES.iterdir())) and report.failed == 0
    return path


DEV = ROOT / ".." / "shared" / "eval" / "dev"
CHECK_SET = ("art-43", "art-45", "art-50", "art-59", "art-63")  # held aside: never ingested by tests


@pytest.fixture(scope="session")
def dev_server(tmp_path_factory):
    """A read-only server over a store of the annotated dev articles (the check set left out)."""
    from actorgraph.settings import Settings
    from actorgraph.store import Store, ingest

    articles = sorted(str(p) for p in DEV.glob("*.txt") if not p.name.startswith(CHECK_SET))
    if not articles:
        pytest.skip(f"no dev articles in {DEV}")
    path = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    with Store.open(path) as store:
        assert ingest(articles, Settings(), store).failed == 0
    srv = Server(path, path.with_suffix(".log"))
    yield srv
    srv.stop()


def add_reviewers(store: Path, names: tuple[str, ...]) -> dict[str, str]:
    """Add reviewers to a store (as `actorgraph reviewers add` does); their tokens by name."""
    from actorgraph.store import Store
    from actorgraph.store.reviewers import add_reviewer

    with Store.open(store, create=False) as st:
        return {name: add_reviewer(st, name)[1] for name in names}


@pytest.fixture(scope="session")
def server(built_store, tmp_path_factory):
    """A server whose store has the reviewers alice and bob (writes allowed), over its own copy of the samples."""
    store = tmp_path_factory.mktemp("rw") / "store.duckdb"
    shutil.copy(built_store, store)
    srv = Server(store, store.with_suffix(".log"), add_reviewers(store, REVIEWERS))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def ro_server(built_store, tmp_path_factory):
    """A read-only server (no reviewers) over another copy of the sample store."""
    store = tmp_path_factory.mktemp("ro") / "store.duckdb"
    shutil.copy(built_store, store)
    srv = Server(store, store.with_suffix(".log"))
    yield srv
    srv.stop()


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: run scripts/install-browser.sh"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[test]'"
    return None


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, through Playwright (never a browser downloaded by Playwright)."""
    missing = _browser_missing()
    if missing:
        if os.environ.get("ACTORGRAPH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"ACTORGRAPH_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors, page errors, dialogs and CSP violations are recorded."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()
        page.on("dialog", on_dialog)
        # Runs before any page script; records CSP violations where the test can read them.
        page.add_init_script("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));""")

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    watched = Watched(context.new_page())
    yield watched
    context.close()
