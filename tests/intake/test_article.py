"""Content handed in directly (a web upload): the format is found by name or by sniffing."""
from __future__ import annotations

import json

import pytest

from actorgraph.errors import MalformedInputError
from actorgraph.intake import article_from_bytes, article_from_text, detect_format

from .conftest import FIXTURES

PROSE = "Officials said the talks would resume next week in Doha, after a pause of two months."


@pytest.mark.parametrize("text,name,fmt", [
    (PROSE, "a.txt", "text"),
    ("<!DOCTYPE html><html><body><p>" + PROSE + "</p></body></html>", "a.txt", "html"),
    ("<div><p>" + PROSE + "</p><p>More.</p><span>x</span></div>", "upload", "html"),
    ("---\ntitle: Talks\n---\n" + PROSE, "a.txt", "markdown"),
    ("# Talks resume\n\n" + PROSE, "a.txt", "markdown"),
    ("Talks **resume** in [Doha](https://x.org).\n\n---\n\n" + PROSE, "a.txt", "markdown"),
    (json.dumps({"text": PROSE}), "upload", "jsonl"),
    (PROSE, "page.html", "text"),  # an .html name with no tag at all is plain text
    (PROSE + " Use <b> for bold.", "notes.md", "markdown"),
])
def test_detect_format(text, name, fmt):
    assert detect_format(text, name) == fmt


def test_article_from_bytes_with_a_stated_format():
    html = (FIXTURES / "news-page.html").read_bytes()
    article = article_from_bytes(html, "upload-1", format="html")
    assert article.source == "upload-1" and article.format == "html"
    assert article.title == "Drone strike hits tanker off Yemen coast"


def test_one_json_record_is_an_article_and_several_are_refused():
    record = {"text": PROSE, "title": "Talks resume", "published": "2024-05-02T10:00:00Z"}
    article = article_from_bytes(json.dumps(record).encode(), "upload.json")
    assert (article.text, article.title, article.published) == (PROSE, "Talks resume", "2024-05-02")
    with pytest.raises(MalformedInputError, match="read_articles"):
        article_from_bytes((json.dumps(record) + "\n" + json.dumps(record)).encode(), "two.jsonl")


def test_caller_metadata_wins_over_the_page():
    page = "---\ntitle: Page title\ndate: 2020-01-01\n---\n" + PROSE
    article = article_from_text(page, "x.md", title="Given title", published="2021-02-03",
                                url="https://example.org/a", metadata={"feed": "wire"})
    assert (article.title, article.published, article.url) == ("Given title", "2021-02-03", "https://example.org/a")
    assert article.metadata["feed"] == "wire"


def test_same_content_gives_the_same_article_id():
    assert article_from_text(PROSE, "a.txt").id == article_from_text(PROSE + "\n", "a.txt").id


def test_unknown_format_names_the_known_ones():
    with pytest.raises(ValueError, match="text, html, markdown, jsonl"):
        article_from_text(PROSE, "a.txt", format="pdf")
