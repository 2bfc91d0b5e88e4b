"""Encodings are detected, not assumed; binary and undecodable bytes are refused by name."""
from __future__ import annotations

import codecs
import gzip
import io
import random
import zipfile

import pytest

from actorgraph.errors import BinaryInputError, DecodingError, EmptyInputError
from actorgraph.intake import article_from_bytes, read_article

from .conftest import ARABIC, ENGLISH, paragraphs

ENCODED = [
    # (sample, how the bytes are made, the encoding intake should report)
    ("ar", lambda t: t.encode("utf-8"), "utf-8"),
    ("ar", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    ("ar", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
    ("ar", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    ("ar", lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL pattern
    ("ar", lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ("ar", lambda t: t.encode("cp1256"), "cp1256"),
    ("en", lambda t: t.encode("utf-8"), "utf-8"),
    ("en", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ("en", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    ("en", lambda t: t.encode("cp1252"), "cp1252"),
]


@pytest.mark.parametrize("lang,encode,expected", ENCODED)
def test_each_encoding_reads_back_the_same_text(tmp_path, lang, encode, expected):
    text = ARABIC if lang == "ar" else ENGLISH
    path = tmp_path / "article.txt"
    path.write_bytes(encode(text))
    article = read_article(path)
    assert article.text == paragraphs(text)
    assert article.encoding == expected
    assert article.language == lang


def test_typographic_quotes_survive_windows_1252():
    article = article_from_bytes(ENGLISH.encode("cp1252"), "quotes.txt")
    assert "“no decision”" in article.text and "minister’s" in article.text


def test_declared_html_charset_is_used_for_arabic_page():
    body = "".join(f"<p>{line}</p>" for line in ARABIC.split("\n"))
    page = (f'<html lang="ar"><head><meta charset="windows-1256"><title>خبر</title></head>'
            f"<body><article>{body}</article></body></html>")
    article = article_from_bytes(page.encode("cp1256"), "page.html")
    assert article.encoding == "cp1256"
    assert "البحر الأحمر" in article.text
    assert article.language == "ar"


def test_line_endings_unicode_form_and_controls_are_normalised():
    decomposed = ("Talks in Gene\u0300ve resumed on Friday after a pause, officials said.\r\n"
                  "A second\x07 round is planned for March.\rDelegates will meet again.\x0c")
    article = article_from_bytes(decomposed.encode("utf-8"), "mixed.txt")
    assert "Genève" in article.text  # NFC: one code point for è
    assert "\r" not in article.text and "\x07" not in article.text and "\x0c" not in article.text
    assert article.text.split("\n\n") == [
        "Talks in Genève resumed on Friday after a pause, officials said.",
        "A second round is planned for March.", "Delegates will meet again."]


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
    (_zip(), "ZIP archive"),
    (b"\x7fELF\x02\x01\x01" + bytes(64), "ELF executable"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (gzip.compress(b"some text"), "gzip"),
    (random.Random(1).randbytes(4000), "NUL bytes"),
])
def test_binary_input_is_refused_with_its_kind(data, kind):
    with pytest.raises(BinaryInputError) as caught:
        article_from_bytes(data, "upload.txt")
    assert kind in caught.value.reason
    assert str(caught.value).startswith("upload.txt: ")


def test_bytes_in_no_known_encoding_are_a_decoding_error():
    rng = random.Random(3)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(DecodingError, match="encoding could not be detected"):
        article_from_bytes(noise, "noise.txt")


def test_a_byte_order_mark_that_lies_is_a_decoding_error():
    with pytest.raises(DecodingError, match="byte-order mark"):
        article_from_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "liar.txt")


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b" \n\t\r\n", "whitespace"),
                                         (codecs.BOM_UTF8 + b"\x01\x02", "no visible text")])
def test_empty_inputs_say_so(data, reason):
    with pytest.raises(EmptyInputError, match=reason):
        article_from_bytes(data, "blank.txt")
