"""The web app never fetches: a URL in a request is stored as text, and the web package imports no HTTP client."""
from __future__ import annotations

import ast
from pathlib import Path


import newsite

WEB = Path(__file__).resolve().parents[2] / "src" / "actorgraph" / "web"


def test_the_web_package_imports_neither_the_fetcher_nor_an_http_client():
    for path in WEB.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not any(n.split(".")[0] in ("httpx", "requests", "urllib3") or "fetch" in n for n in names), \
                    (path.name, names)


def test_an_article_posted_with_a_url_is_not_fetched(server):
    site = newsite.start()
    try:
        url = f"{site.base}/news/militia-attack"
        status, _, body = server.request("/api/articles", {"text": " ".join(newsite.OTHER), "url": url,
                                                           "source": url},
                                         headers=server.bearer())
        assert status == 201, body
        assert site.log == []  # nothing asked the site for anything
    finally:
        site.close()
