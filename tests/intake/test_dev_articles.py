"""The annotated dev articles: each body is cut where the gold file says, with no clutter names."""
from __future__ import annotations

import json
from datetime import date

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
    lasts = last if isinstance(last, list) else [last]  # a cut excerpt may end at either (CONTRACT.md)
    assert first in text
    assert any(x in text and len(text) - (text.rfind(x) + len(x)) <= 20 for x in lasts), text[-200:]
    assert [name for name in gold.get("not_entities", []) if name in text] == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_title_and_date_come_from_the_page(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    article = read_article(path)
    raw = path.read_text(encoding="utf-8")
    shown = _shown_dates(raw)
    if gold.get("published") in shown:  # the page states its date: it must be read
        assert article.published == gold["published"]
    if article.published is not None:  # never a date the page does not show
        assert article.published in shown and article.published == gold.get("published")
    if article.title:
        assert article.title in raw.replace("'", "").replace("*", "") or article.title in raw
        assert not _first_line_is(article.text, article.title)


def _shown_dates(raw: str) -> set[str]:
    """The full dates written in the page's first lines, in the usual ways, as ISO dates."""
    head = " ".join(raw.split("\n")[:15])
    out = set()
    for year in range(1990, 2031):
        if str(year) not in head:
            continue
        for month in range(1, 13):
            for day in range(1, 32):
                try:
                    d = date(year, month, day)
                except ValueError:
                    continue
                name = d.strftime("%B")
                forms = (d.isoformat(), f"{day} {name} {year}", f"{day:02d} {name} {year}",
                         f"{name} {day}, {year}", f"{name[:3]} {day}, {year}", f"{name[:3]}. {day}, {year}")
                if any(f in head for f in forms):
                    out.add(d.isoformat())
    return out


def _first_line_is(text: str, title: str) -> bool:
    return text.split("\n", 1)[0].strip() == title.strip()
