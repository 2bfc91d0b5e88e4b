"""Take the README's screenshots of the web app: search, actor, network, map, article.

    .venv/bin/python scripts/screenshots.py [--store FILE] [--out docs/screenshots]

Without --store it builds a store from samples/ in a temporary folder. The app runs in this
process on a free loopback port; Debian's chromium (scripts/install-browser.sh) is driven by
Playwright.
"""
from __future__ import annotations

import argparse
import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from actorgraph.settings import Settings
from actorgraph.store import Store, ingest
from actorgraph.web import create_app

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def start(store: Path) -> tuple[uvicorn.Server, threading.Thread, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(store)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.1)
    return server, thread, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None, help="a store to show (default: one built from samples/)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--actor", default="Soleimani", help="the actor whose pages are shown")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store) if args.store else Path(tmp) / "samples.duckdb"
        if not args.store:
            os.chdir(ROOT)  # sources read "samples/..." as a user's would
            with Store.open(store) as st:
                ingest(["samples"], Settings(), st)
        server, thread, base = start(store)
        try:
            shoot(base, out, args.actor)
        finally:
            server.should_exit = True
            thread.join(timeout=10)  # the app closes its store on shutdown


def shoot(base: str, out: Path, actor: str) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(base + "/")
        page.locator("main .search-input").fill(actor[:5])
        page.locator("main .suggestions a.suggestion").first.wait_for()
        page.screenshot(path=str(out / "search.png"))
        page.locator("main .suggestions a.suggestion", has_text=actor).first.click()
        page.locator("#actor-name").wait_for()
        actor_url = page.url
        row = page.locator("li.relation").first
        row.locator("button.expand").click()
        row.locator("blockquote.sentence").first.wait_for()
        page.screenshot(path=str(out / "actor.png"))
        page.get_by_role("link", name="Network").click()
        page.locator("#cy[data-edges]").wait_for()
        page.locator("select[name=hops]").select_option("2")
        page.locator("#network-status", has_text="actors").wait_for()
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / "network.png"))
        page.goto(base + "/map")
        page.locator("#map[data-markers]").wait_for()
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / "map.png"))
        page.goto(base + "/articles")
        page.locator("ul.articles li a").first.wait_for()
        link = page.locator("ul.articles li a").filter(has_text="seed-aleppo")
        (link.first if link.count() else page.locator("ul.articles li a").first).click()
        page.locator("#article-text").wait_for()
        page.screenshot(path=str(out / "article.png"))
        narrow = browser.new_page(viewport={"width": 390, "height": 844})
        narrow.goto(actor_url)
        narrow.locator("#actor-name").wait_for()
        narrow.screenshot(path=str(out / "actor-narrow.png"))
        browser.close()
    for name in ("search", "actor", "network", "map", "article", "actor-narrow"):
        print(out / f"{name}.png")


if __name__ == "__main__":
    main()
