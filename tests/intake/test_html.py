"""HTML pages: trafilatura finds the body; navigation, related links and footers stay out."""
from __future__ import annotations

import shutil

import pytest

from actorgraph.errors import MalformedInputError, NoArticleError
from actorgraph.intake import article_from_bytes, read_article

from .conftest import FIXTURES

PAGE = FIXTURES / "news-page.html"
FIRST = "A commercial tanker was struck by a drone in the southern Red Sea on Wednesday"
LAST = "launch drones and missiles from the coast it controls."


def test_news_page_body_and_metadata():
    article = read_article(PAGE)
    assert article.text.startswith(FIRST)
    assert article.text.endswith(LAST)
    assert len(article.text.split("\n\n")) == 6
    for clutter in ("Subscribe", "cookies", "Related stories", "Red Sea insurance costs triple",
                    "All rights reserved", "Marine Traffic Images", "Politics", "morning briefing"):
        assert clutter not in article.text
    assert article.title == "Drone strike hits tanker off Yemen coast"
    assert article.published == "2024-03-14"
    assert article.url == "https://harbourledger.example/world/2024/03/drone-strike-tanker-yemen"
    assert article.language == "en"
    assert (article.format, article.encoding) == ("html", "utf-8")
    assert article.metadata["author"] == "Leila Haddad"
    assert article.metadata["sitename"] == "The Harbour Ledger"


_OPINION = ("<p>In 2007, a militia leader was captured alongside a senior commander near the border town, "
            "officials said at the time.</p><p>The two men were later handed to the local authorities and "
            "released in 2009 after long talks between the parties.</p>")


def test_a_year_in_the_running_text_is_not_the_publication_date():
    page = f"<html><head><title>Old captures</title></head><body><article>{_OPINION}</article></body></html>"
    assert article_from_bytes(page.encode(), "opinion.html").published is None


def test_the_publication_date_comes_from_the_markup():
    page = ('<html><head><title>Old captures</title><meta property="article:published_time" '
            f'content="2024-05-02T08:00:00Z"></head><body><article>{_OPINION}</article></body></html>')
    assert article_from_bytes(page.encode(), "opinion.html").published == "2024-05-02"


def test_a_txt_file_holding_html_is_read_as_html(tmp_path):
    path = tmp_path / "saved-page.txt"
    shutil.copy(PAGE, path)
    article = read_article(path)
    assert article.format == "html" and article.text.startswith(FIRST)


def test_truncated_page_still_yields_the_body_it_has():
    html = PAGE.read_bytes()
    cut = html.index(b"A European naval mission")
    article = article_from_bytes(html[:cut + 40], "truncated.html")
    assert article.text.startswith(FIRST)
    assert "Houthi military spokesman Yahya Saree" in article.text
    assert "Shipping companies" not in article.text
    assert article.warnings and "cut off" in article.warnings[0]  # said, and kept with the article


def test_a_complete_page_has_no_warning():
    assert read_article(PAGE).warnings == ()


def test_page_truncated_before_the_body_is_malformed():
    html = PAGE.read_bytes()
    with pytest.raises(MalformedInputError, match="truncated"):
        article_from_bytes(html[:html.index(b"<article>")], "cut.html")


def test_complete_page_without_an_article_has_no_article():
    html = ("<html><head><title>Index</title></head><body><nav><ul>"
            + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
            + "</ul></nav><footer>About us</footer></body></html>")
    with pytest.raises(NoArticleError):
        article_from_bytes(html.encode(), "index.html")
