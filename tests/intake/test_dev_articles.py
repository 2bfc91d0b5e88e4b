"""The annotated dev articles: each body is cut where the gold file says, with no clutter names."""
from __future__ import annotations

import json

import pytest

from actorgraph.intake import read_article

from .conftest import DEV

ARTICLES = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
pytestmark = pytest.mark.skipif(not ARTICLES, reason=f"the dev articles are not at {DEV}")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_body_is_cut_right_and_leaks_no_clutter(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = read_article(path).text
    first, last = gold["body"]["first"], gold["body"]["last"]
    assert first in text
    assert last in text and len(text) - (text.find(last) + len(last)) <= 20, text[-200:]
    assert [name for name in gold.get("not_entities", []) if name in text] == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_title_and_date_come_from_the_page(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    article = read_article(path)
    raw = path.read_text(encoding="utf-8")
    stated = gold.get("published") and gold["published"] in raw.replace("/", "-")
    assert article.published == (gold["published"] if stated else None)
    if article.title:
        assert article.title in raw.replace("'", "").replace("*", "") or article.title in raw
        assert not _first_line_is(article.text, article.title)


def _first_line_is(text: str, title: str) -> bool:
    return text.split("\n", 1)[0].strip() == title.strip()
