"""From bytes to clean Unicode text: refuse binary data, detect the encoding, normalise.

The order of checks follows what is certain before what is guessed: file magic, byte-order
marks, the NUL pattern of BOM-less UTF-16, strict UTF-8, a declared HTML/XML charset, and
only then charset-normalizer's statistical detection.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from ..errors import BinaryInputError, DecodingError, EmptyInputError

# Leading bytes of common non-text files, and what to call them in an error message.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O binary"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
    (b"OggS\x00", "an Ogg media file"),
    (b"ID3\x03", "an MP3 audio file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"wOFF", "a web font"),
)

# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# When several encodings decode the bytes to the same text, name the most common one.
PREFERRED_ENCODINGS = ("utf_8", "ascii", "cp1252", "cp1256", "cp1251", "cp1250", "iso8859_6",
                       "latin_1")

# Labels that browsers read as windows-1252 (WHATWG encoding standard).
_CP1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii",
                   "l1", "cp819", "ibm819", "iso_8859-1"}

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# C0/C1 controls except tab and newline, zero-width space and BOM, soft hyphen.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\ufeff\u00ad]")
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible format characters (Unicode general category Cf) that hide or reorder text: the word
# joiner and invisible operators, the Mongolian vowel separator, and the bidirectional marks,
# embeddings, overrides and isolates of UAX #9 (U+202E can reverse the text around a name on a page).
_INVISIBLE = re.compile(r"[\u180e\u2060-\u2064\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Zero-width (non-)joiners shape the letters of joining scripts (Persian "می‌خواهم", Indic conjuncts);
# anywhere else, as in "Hez\u200cbollah", they only split a word.
_JOINERS = re.compile(r"[\u200c\u200d]+")


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file the bytes are, by their magic number; None when they may be text."""
    for magic, name in BINARY_MAGIC:
        if data.startswith(magic):
            return name
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "a WebP image"
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime media file"
    if data[257:262] == b"ustar":
        return "a tar archive"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM shows NULs on one side of each byte pair (ASCII chars, spaces)."""
    nuls = head.count(0)
    if nuls < 2 or len(head) < 4:
        return None
    even = head[0::2].count(0)
    odd = nuls - even
    pairs = len(head) // 2
    if odd >= 0.9 * nuls and odd >= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.9 * nuls and even >= 0.05 * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared_encoding(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names in the first 4 KB."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    return encoding_of((m.group(1) or m.group(2)).decode("ascii", "replace"))


def encoding_of(label: str | None) -> str | None:
    """The Python codec of a charset label (from markup or an HTTP header); None when unknown."""
    label = (label or "").strip().strip("\"'").lower()
    if not label:
        return None
    if label in _CP1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detected(data: bytes) -> str | None:
    """charset-normalizer's pick; among equally good matches, the most common encoding."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches
            if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05]
    candidates = {codecs.lookup(c).name for m in tied for c in m.could_be_from_charset}
    for preferred in PREFERRED_ENCODINGS:
        if codecs.lookup(preferred).name in candidates:
            return preferred.replace("_", "-") if preferred != "ascii" else "utf-8"
    return best.encoding.replace("_", "-")


def decode(data: bytes, source: str, charset: str | None = None) -> tuple[str, str]:
    """The bytes as normalised text, and the encoding they were read with.

    `charset` is what the transport declared (an HTTP Content-Type's charset): as in browsers,
    a byte-order mark wins over it, and it wins over the markup and over detection.
    """
    if not data.strip():
        raise EmptyInputError(source, "file is empty" if not data else "holds only whitespace")
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(source, f"looks like {kind}, not text")
    text = encoding = None
    for bom, name in BOMS:
        if data.startswith(bom):
            encoding = name
            text = _strict(data, name)
            if text is None:
                raise DecodingError(source, f"starts with a {name} byte-order mark but is not valid {name}")
            break
    if encoding is None and b"\x00" in data[:4096]:
        encoding = _utf16_without_bom(data[:4096])
        text = _strict(data, encoding) if encoding else None
        if text is None:
            raise BinaryInputError(source, "holds NUL bytes and is not UTF-16 text; looks binary")
    if text is None and b"\x00" in data:
        raise BinaryInputError(source, "holds NUL bytes; looks binary")
    if text is None:
        transport = encoding_of(charset)
        if transport == "cp1252":  # servers label UTF-8 pages "iso-8859-1" by default; valid UTF-8 is the stronger sign
            transport = None
        for encoding in (transport, "utf-8", encoding_of(charset), _declared_encoding(data)):
            if encoding and (text := _strict(data, encoding)) is not None:
                break
    if text is None:
        encoding = _detected(data)
        text = _strict(data, encoding) if encoding else None
        if text is None:
            raise DecodingError(source, "the text encoding could not be detected (not UTF-8, UTF-16 "
                                        "or a known single-byte encoding)")
    text = normalise(text)
    if not text.strip():
        raise EmptyInputError(source, "holds no visible text")
    return text, encoding.replace("_", "-").lower()


def _joiner(m: re.Match) -> str:
    """A zero-width joiner kept between two letters of a script that joins, else removed."""
    before, after = m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
    joins = all(c.isalpha() and not c.isascii() and unicodedata.name(c, "LATIN").split(" ", 1)[0] not in
                ("LATIN", "GREEK", "CYRILLIC") for c in (before, after) if c) and before and after
    return m.group(0) if joins else ""


def normalise(text: str) -> str:
    """NFC, '\\n' line endings, plain spaces, no control or invisible format characters (zero-width
    spaces and joiners inside Latin words, bidirectional overrides); quotes are left as they are."""
    text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS.sub(_joiner, text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)
