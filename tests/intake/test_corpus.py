"""JSON Lines corpora: one article per record, streamed; a bad record is a failure, not a stop."""
from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest

from actorgraph.errors import MalformedInputError
from actorgraph.intake import read_article, read_articles
from actorgraph.model import Article
from actorgraph.settings import Settings

from .conftest import BBC, FIXTURES

TEXT = ("Rebel fighters seized two villages north of the city overnight, a monitoring group said, "
        "in the heaviest fighting in the province this year.")
RECORDS = [
    {"source": "wire/rebels.txt", "title": "Rebels seize villages", "text": "Rebels seize villages\n\n" + TEXT,
     "date": "2024-05-02", "category": "world"},
    {"html": (FIXTURES / "news-page.html").read_text(encoding="utf-8")},
    {"title": "No body here"},
    "not an object",
    {"url": "https://news.example/ceasefire", "text": "Mediators said the ceasefire held through the night, "
                                                        "with no violations reported by either side."},
]


def _corpus_lines() -> str:
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines.insert(3, '{"text": "unterminated')  # line 4 is not JSON
    return "\n".join(lines) + "\n\n"


def _check(items, path):
    assert [type(i).__name__ for i in items] == ["Article", "Article", "IntakeFailure", "IntakeFailure",
                                                 "IntakeFailure", "Article"]
    rebels, page, empty, broken, scalar, ceasefire = items
    assert rebels.source == "wire/rebels.txt"
    assert rebels.text == TEXT  # the headline repeated at the top is not body
    assert (rebels.title, rebels.published, rebels.format) == ("Rebels seize villages", "2024-05-02", "jsonl")
    assert rebels.metadata["category"] == "world" and rebels.metadata["corpus_line"] == f"{path}#L1"
    assert page.source == f"{path}#L2" and page.metadata["content_format"] == "html"
    assert page.title == "Drone strike hits tanker off Yemen coast"
    assert (empty.source, empty.error) == (f"{path}#L3", "EmptyInputError")
    assert "neither 'text' nor 'html'" in empty.reason
    assert (broken.source, broken.error) == (f"{path}#L4", "MalformedInputError")
    assert "line 4 is not JSON" in broken.reason
    assert scalar.error == "MalformedInputError" and "not an object" in scalar.reason
    assert ceasefire.source == "https://news.example/ceasefire"
    assert ceasefire.url == "https://news.example/ceasefire"


def test_plain_jsonl_corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(_corpus_lines(), encoding="utf-8")
    _check(list(read_articles([path])), path)


def test_gzip_jsonl_corpus(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress(_corpus_lines().encode("utf-8")))
    _check(list(read_articles([path])), path)


def test_jsonl_under_another_name_is_sniffed(tmp_path):
    path = tmp_path / "export.data"
    path.write_text(_corpus_lines(), encoding="utf-8")
    assert sum(isinstance(i, Article) for i in read_articles([path])) == 3


def test_a_record_over_the_size_limit_is_skipped_and_reading_goes_on(tmp_path):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "word " * 5000})
    path.write_text(big + "\n" + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    items = list(read_articles([path], Settings(max_bytes=2000)))
    assert items[0].error == "InputTooLargeError" and items[0].source == f"{path}#L1"
    assert isinstance(items[1], Article) and items[1].text == TEXT


def test_a_truncated_gzip_corpus_keeps_what_it_read_and_reports_the_break(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress("".join(json.dumps({"text": f"{TEXT} Item {i}."}) + "\n" for i in range(200)).encode())
    path.write_bytes(data[: len(data) // 2])
    items = list(read_articles([path]))
    assert isinstance(items[0], Article)
    assert items[-1].error == "MalformedInputError" and "truncated" in items[-1].reason


def test_json_file_with_a_list_of_records(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": TEXT}, {"html": ""}]), encoding="utf-8")
    first, second = read_articles(path)
    assert isinstance(first, Article) and first.source == f"{path}#1"
    assert second.error == "EmptyInputError" and "empty 'html'" in second.reason


def test_read_article_on_a_corpus_wants_a_single_record(tmp_path):
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"text": TEXT}), encoding="utf-8")
    assert read_article(one).text == TEXT
    many = tmp_path / "many.jsonl"
    many.write_text(json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": TEXT}), encoding="utf-8")
    with pytest.raises(MalformedInputError, match="read_articles"):
        read_article(many)


@pytest.mark.skipif(not BBC.exists(), reason=f"the BBC corpus is not at {BBC}")
def test_real_corpus_streams_records_without_reading_it_all():
    first = list(islice(read_articles([BBC]), 5))
    assert all(isinstance(a, Article) for a in first)
    assert first[0].source == "news/business/1m-payoff-for-former-shell-boss.txt"
    assert first[0].title == "$1m payoff for former Shell boss"
    assert first[0].text.startswith("Shell is to pay $1m (£522,000) to the ex-finance chief")
    assert first[0].metadata["category"] == "business"


def test_a_binary_file_named_as_a_corpus_is_one_failure(tmp_path):
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    items = list(read_articles([path]))
    assert [(i.error, i.source) for i in items] == [("BinaryInputError", str(path))]
    assert "PNG image" in items[0].reason
