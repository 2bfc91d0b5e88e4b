"""WARC intake: the HTML responses of a crawl become articles with their URL, capture and record id;
every other record is a skip with its reason; a broken WARC is one failure after the records before it.

The WARC files are written by warcio (tests/warc_files.py) from a real crawl of the loopback news
site and the real news page fixture.
"""
from __future__ import annotations

import gzip
import re
from collections import Counter
from pathlib import Path

import pytest

import newsite
import warc_files
from actorgraph.intake import read_articles, read_warc
from actorgraph.model import Article, IntakeFailure, IntakeSkip
from actorgraph.settings import Settings


@pytest.fixture(scope="module")
def site():
    s = newsite.start()
    yield s
    s.close()


@pytest.fixture(scope="module")
def crawl(site, tmp_path_factory):
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    return path, warc_files.crawl(path, site)


def _split(items):
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IntakeSkip)],
            [i for i in items if isinstance(i, IntakeFailure)])


def test_html_responses_become_articles_with_url_capture_and_record_id(crawl):
    path, expected = crawl
    articles, skips, failures = _split(list(read_warc(path)))
    assert not failures
    assert [a.source for a in articles] == expected.pages
    for a in articles:
        assert a.url == a.source and a.format == "warc"
        assert re.fullmatch(rf"{re.escape(str(path))}#\d+", a.metadata["corpus_line"])
        assert re.fullmatch(r"<urn:uuid:[0-9a-f-]{36}>", a.metadata["warc_record_id"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", a.metadata["warc_date"])
    assert len({a.metadata["warc_record_id"] for a in articles}) == len(articles)
    militia = articles[0]
    assert militia.title == "Militia attacks police station in Tal Kaif"
    assert "Liwa al-Sabireen" in militia.text and "Copyright the outlet" not in militia.text  # page clutter gone
    # the capture date is not a publication date: the page's markup states none
    assert militia.published is None


def test_other_records_are_skipped_and_counted_with_a_reason(crawl):
    path, expected = crawl
    _, skips, _ = _split(list(read_warc(path)))
    assert Counter(s.kind for s in skips) == Counter(expected.skips)
    reasons = {s.kind: s.reason for s in skips}
    assert reasons["not-html"].endswith("/report.pdf: not HTML (application/pdf)")
    assert "HTTP status 302 (redirect to /loop/b)" in {s.reason.split(": ", 1)[1] for s in skips
                                                       if s.kind == "http-status"}
    assert "WARC-Truncated: length" in reasons["truncated"]
    assert "revisit" in reasons["revisit"] and "2026-12-01T08:00:00Z" in reasons["revisit"]
    assert all(re.fullmatch(rf"{re.escape(str(path))}#\d+", s.source) for s in skips)


def test_charset_comes_from_the_http_header_before_the_markup(crawl):
    # the page says <meta charset="utf-8"> but the server sent windows-1256, as its header says
    path, expected = crawl
    page = next(a for a in read_warc(path) if isinstance(a, Article) and a.source == expected.charset_page)
    assert page.encoding == "cp1256"
    assert warc_files.ARABIC_SENTENCE in page.text
    assert page.published == "2024-03-14" and page.title == "Drone strike hits tanker off Yemen coast"


def test_plain_and_whole_file_gzip_warcs_read_the_same(crawl, tmp_path):
    path, expected = crawl
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(gzip.decompress(path.read_bytes()))
    whole = tmp_path / "whole.warc.gz"  # `gzip crawl.warc`: one gzip stream, not one per record
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    reference = [(type(i).__name__, getattr(i, "text", None), getattr(i, "kind", None)) for i in read_warc(path)]
    for other in (plain, whole):
        items = list(read_warc(other))
        assert not any(isinstance(i, IntakeFailure) for i in items), other
        assert [(type(i).__name__, getattr(i, "text", None), getattr(i, "kind", None)) for i in items] == reference


def test_a_gzip_broken_warc_is_one_named_failure_after_the_records_before_it(crawl, tmp_path):
    path, _ = crawl
    data = path.read_bytes()
    second = [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)][3]  # the 4th record's gzip member
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[:second + 20] + b"\x00" * 64 + data[second + 84:])
    items = list(read_warc(broken))
    failures = [i for i in items if isinstance(i, IntakeFailure)]
    assert len(failures) == 1 and items[-1] is failures[0]
    assert failures[0].source == str(broken) and failures[0].error == "MalformedInputError"
    assert failures[0].reason.startswith("WARC is broken after 3 record(s)")
    assert len(items) == 4


def test_a_cut_off_warc_fails_after_its_whole_records(crawl, tmp_path):
    path, _ = crawl
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[:-300])  # the last record's gzip member loses its end
    items = list(read_warc(cut))
    assert isinstance(items[-1], IntakeFailure) and "cut off" in items[-1].reason
    assert sum(isinstance(i, Article) for i in items) == 2  # the windows-1256 page was the last record
    plain = tmp_path / "cut.warc"
    plain.write_bytes(gzip.decompress(path.read_bytes())[:-500])
    last = list(read_warc(plain))[-1]
    assert isinstance(last, IntakeSkip) and last.kind == "truncated" and "the file ends inside it" in last.reason


@pytest.mark.parametrize("name, content, reason", [
    ("empty.warc", b"", "WARC file is empty"),
    ("page.warc", warc_files.NEWS_PAGE.read_bytes(), "is not a WARC file"),
    ("scan.warc.gz", b"%PDF-1.4\n", "is not a WARC file: it looks like a PDF document"),
])
def test_what_is_not_a_warc_is_one_failure_and_the_batch_goes_on(write, name, content, reason):
    bad = write(name, content)
    good = write("page.html", warc_files.NEWS_PAGE.read_bytes())
    items = list(read_articles([bad, good, bad.parent / "missing.warc"]))
    assert [type(i).__name__ for i in items] == ["IntakeFailure", "Article", "IntakeFailure"]
    assert items[0].source == str(bad) and reason in items[0].reason
    assert items[2].error == "InputNotFoundError"


def test_a_page_over_max_bytes_fails_alone_under_its_record(crawl):
    path, _ = crawl
    items = list(read_warc(path, Settings(max_bytes=3000)))
    big = [i for i in items if isinstance(i, IntakeFailure)]
    assert big and all(i.error == "InputTooLargeError" and re.search(r"#\d+$", i.source) for i in big)
    assert any(isinstance(i, Article) for i in items)  # the small pages of the site still read


def test_folders_read_warc_files(crawl, tmp_path):
    path, expected = crawl
    folder = tmp_path / "crawls"
    folder.mkdir()
    (folder / path.name).write_bytes(path.read_bytes())
    articles = [i for i in read_articles([folder]) if isinstance(i, Article)]
    assert [a.source for a in articles] == expected.pages
