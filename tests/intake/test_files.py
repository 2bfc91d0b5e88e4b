"""Bad inputs each fail with a one-line reason naming the input, and the batch goes on."""
from __future__ import annotations

import os

import pytest

from actorgraph.errors import (EmptyInputError, InputNotFoundError, InputTooLargeError,
                               IntakeError, NoArticleError)
from actorgraph.intake import article_from_text, read_article, read_articles
from actorgraph.model import Article
from actorgraph.settings import Settings

PROSE = "Officials said the talks would resume next week in Doha, after a pause of two months."


def test_missing_path(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_folder_given_to_read_article(tmp_path):
    with pytest.raises(InputNotFoundError, match="is a folder"):
        read_article(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(PROSE)
    path.chmod(0)
    with pytest.raises(InputNotFoundError, match="permission denied"):
        read_article(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_special_file_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(InputNotFoundError, match="not a regular file"):
        read_article(path)


def test_file_over_max_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(PROSE * 10)
    with pytest.raises(InputTooLargeError, match="max_bytes"):
        read_article(path, Settings(max_bytes=100))


def test_text_over_max_chars():
    with pytest.raises(InputTooLargeError, match="max_chars"):
        article_from_text(PROSE * 3, "long.txt", Settings(max_chars=100))


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError, match="empty"):
        read_article(path)


def test_markup_only_file_has_no_article(tmp_path):
    path = tmp_path / "rules.md"
    path.write_text("---\n\n***\n\n###\n\n![](https://example.org/a.png)\n")
    with pytest.raises(NoArticleError):
        read_article(path)


def test_every_intake_error_names_its_input_in_one_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PROSE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    (tmp_path / "bad.jsonl").write_text("{not json}\n")
    inputs = [tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "image.png",
              tmp_path / "bad.jsonl", "https://example.org/story", good]
    items = list(read_articles(inputs))
    assert isinstance(items[-1], Article) and items[-1].text == PROSE
    failures = items[:-1]
    assert [f.error for f in failures] == ["InputNotFoundError", "EmptyInputError", "BinaryInputError",
                                           "MalformedInputError", "InputNotFoundError"]
    for failure, given in zip(failures, inputs):
        assert failure.source.startswith(str(given))
        assert "\n" not in str(failure) and str(failure).startswith(failure.source + ": ")


def test_a_single_path_string_is_one_input(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(PROSE)
    assert [a.source for a in read_articles(str(path))] == [str(path)]


def test_intake_errors_are_actorgraph_errors():
    with pytest.raises(IntakeError) as caught:
        article_from_text("   ", "<blank>")
    assert caught.value.source == "<blank>"
