"""Names: the folded keys under which two spellings of one name compare equal.

`fold` ignores case, accents, apostrophes, hyphens, a leading "the" and a trailing
possessive, so "Al-Ka’abi’s" and "al-Kaabi" meet; `loose_tokens` also drops the Arabic
article, so "al-Muhandis" meets "Muhandis" and "Al-Quds Force" meets "Quds Force".
Transliteration is rigour's (`rigour.text.ascii_text`), the field's library for it. This is
the one `fold` of actorgraph: extraction, resolution, the store's name keys and lookup use it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rigour.text import ascii_text

APOSTROPHES = "’‘`ʼʻ′´'"
DASHES = "‐‑‒–—―−"
# One character for another, so that offsets in the searchable view equal offsets in the text.
SEARCH_VIEW = str.maketrans({**{c: "'" for c in APOSTROPHES}, **{c: "-" for c in DASHES},
                             "\u00a0": " ", "“": '"', "”": '"'})
_POSSESSIVE = re.compile(rf"(?:[{APOSTROPHES}]s|(?<=s)[{APOSTROPHES}])$")
_ARTICLES = frozenset({"al", "el"})


def search_view(text: str) -> str:
    """The text with apostrophes, dashes and spaces made plain, at the same offsets."""
    return text.translate(SEARCH_VIEW)


def strip_possessive(name: str) -> str:
    """"Soleimani’s" -> "Soleimani", "Hamas’" -> "Hamas"."""
    return _POSSESSIVE.sub("", name.rstrip())


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The comparison key of a name: lower ASCII words, no punctuation, no leading "the"."""
    s = ascii_text(strip_possessive(name)).casefold()
    s = re.sub(r"['`\"]", "", s)
    s = re.sub(r"[^0-9a-z]+", " ", s)
    s = s.replace("isation", "ization")
    words = s.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def loose_tokens(name: str) -> tuple[str, ...]:
    """The folded words of a name without the Arabic article ("al", "el")."""
    words = tuple(w for w in fold(name).split() if w not in _ARTICLES)
    return words or tuple(fold(name).split())


def loose(name: str) -> str:
    """The loosest key of a name: folded, without the Arabic article."""
    return " ".join(loose_tokens(name))


def initials(name: str, skip: frozenset[str] = frozenset()) -> str:
    """Upper-case initials of a name's words, skipping `skip` words and Arabic articles.

    "Asa’ib Ahl al-Haq" -> "AAH"; "Islamic Revolutionary Guard Corps-Qods Force" -> "IRGCQF".
    """
    out = []
    for word in re.split(r"[\s\-–—/]+", ascii_text(name)):
        word = word.strip("().,'\"`")
        if not word or word.casefold() in skip or word.casefold() in _ARTICLES:
            continue
        out.append(word[0].upper())
    return "".join(out)


def acronym_letters(text: str) -> str:
    """The letters of an acronym: "IRGC-QF" -> "IRGCQF", "U.N." -> "UN"."""
    return "".join(c for c in text if c.isalnum()).upper()


def is_acronym(text: str) -> bool:
    """Short upper-case token(s) such as "IRGC", "U.S.", "IRGC-QF", "UAVs"."""
    core = text.rstrip("s") if len(text) > 2 else text
    letters = acronym_letters(core)
    return (1 < len(letters) <= 10 and " " not in text.strip()
            and sum(c.isupper() for c in core) >= 2 and core.upper() == core)


def looks_like_a_name(text: str) -> bool:
    """Whether a spelling can be a proper name: two characters or more, a letter, and a capital
    letter where the script has capitals ("the group", "he", "2019" cannot)."""
    letters = [c for c in text if c.isalpha()]
    if len(text.strip()) < 2 or not letters:
        return False
    cased = [c for c in letters if c.lower() != c.upper()]
    return not cased or any(c.isupper() for c in cased)
