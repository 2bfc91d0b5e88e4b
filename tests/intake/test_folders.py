"""Folders are read recursively in sorted order, by extension; a folder with nothing is a failure."""
from __future__ import annotations

import json

from actorgraph.intake import read_articles
from actorgraph.model import Article, IntakeFailure
from actorgraph.settings import Settings

from .conftest import FIXTURES

PROSE = "Officials said the talks would resume next week in Doha, after a pause of two months."


def test_folder_is_read_recursively_sorted_and_by_extension(write, tmp_path):
    write("b-notes.md", f"# Talks resume\n\n{PROSE}\n")
    write("a-wire.txt", PROSE)
    write("sub/c-page.html", (FIXTURES / "news-page.html").read_bytes())
    write("sub/d-corpus.jsonl", json.dumps({"text": PROSE}) + "\n" + json.dumps({"text": PROSE + " Again."}))
    write("sub/image.png", b"\x89PNG\r\n\x1a\n" + bytes(32))  # not a listed extension: not read
    write(".git/notes.txt", PROSE)  # hidden: not read
    write("sub/empty.txt", b"")
    items = list(read_articles([tmp_path]))
    assert [i.source.removeprefix(str(tmp_path)) for i in items] == [
        "/a-wire.txt", "/b-notes.md", "/sub/c-page.html", "/sub/d-corpus.jsonl#L1",
        "/sub/d-corpus.jsonl#L2", "/sub/empty.txt"]
    assert items[-1].error == "EmptyInputError"
    assert [i.format for i in items[:-1]] == ["text", "markdown", "html", "jsonl", "jsonl"]


def test_empty_folder_is_one_failure(tmp_path):
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "data.csv").write_text("a,b\n1,2\n")
    items = list(read_articles([tmp_path / "nothing"]))
    assert len(items) == 1
    assert items[0].error == "NoArticlesInFolderError"
    assert items[0].source == str(tmp_path / "nothing") and ".txt" in items[0].reason


def test_folder_of_unreadable_files_reports_each_and_the_folder(write, tmp_path):
    write("broken/one.txt", b"")
    write("broken/two.html", b"\x7fELF\x02\x01\x01" + bytes(40))
    items = list(read_articles([tmp_path / "broken"]))
    assert [i.error for i in items] == ["EmptyInputError", "BinaryInputError", "NoArticlesInFolderError"]
    assert "none of its 2 article file(s) could be read" in items[-1].reason


def test_extensions_setting_decides_what_a_folder_read_takes(write, tmp_path):
    write("x.txt", PROSE)
    write("y.md", PROSE)
    items = list(read_articles([tmp_path], Settings(extensions=(".md",))))
    assert [i.source for i in items] == [str(tmp_path / "y.md")]


def test_folder_inputs_mix_with_files_in_the_given_order(write, tmp_path):
    folder = tmp_path / "dir"
    write("dir/a.txt", PROSE)
    single = write("single.txt", PROSE)
    items = list(read_articles([single, folder, tmp_path / "missing.txt"]))
    assert [type(i) for i in items] == [Article, Article, IntakeFailure]
    assert items[0].source == str(single) and items[1].source == str(folder / "a.txt")
