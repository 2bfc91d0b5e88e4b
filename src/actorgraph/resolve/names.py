"""Names as keys: the keys of one spelling that resolution and lookup search by, and a word-by-word similarity.

The folded key is `actorgraph.names.fold`, the one that extraction uses too. The sound key is
rigour's metaphone and the word similarity is rapidfuzz's Jaro-Winkler; what is written here
is only how they are put together.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler
from rigour.text import metaphone

from ..names import fold

# Words that say nothing about which actor it is: articles, titles of address.
PARTICLES = frozenset({"al", "el", "the", "of"})
TITLES = frozenset({"sayyed", "sayyid", "sheikh", "shaykh", "general", "gen", "brig", "maj",
                    "col", "lt", "president", "ayatollah", "grand", "mr", "mrs", "ms", "dr",
                    "commander", "hajj", "haj", "imam", "mullah", "prime", "minister"})
# A word pair matches when Jaro-Winkler reaches WORD_CLOSE, or WORD_SOUNDS when the two
# words also sound alike (same metaphone): "hezbollah"/"hizballah" is 0.82 and sounds alike.
WORD_CLOSE = 0.90
WORD_SOUNDS = 0.80
# A word that is another with letters added at its start is another word ("Samer", "Amer"); one
# with letters added at its end is a derived word ("Baghdadi" of "Baghdad", "Iraqi" of "Iraq":
# a nisba, a demonym), not another spelling of it, except for
# these endings that transliteration adds or drops (ta marbuta: "Mughniyah"/"Mughniya") and
# the plural ("Revolutionary Guards Corps"/"Revolutionary Guard Corps").
PLURAL_ENDING = "s"
SPELLING_ENDINGS = frozenset({"h", PLURAL_ENDING})


@lru_cache(maxsize=200_000)
def loose_tokens(name: str) -> tuple[str, ...]:
    """The folded words that identify: no articles ("al"), no leading titles ("Sayyed", "General")."""
    words = [w for w in fold(name).split() if w not in PARTICLES]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return tuple(words) or tuple(fold(name).split())


def singular(word: str) -> str:
    """The word without a plural ending, for blocking only: "Brigades" is looked for beside "Brigade"."""
    return word[:-len(PLURAL_ENDING)] if len(word) > 3 and word.endswith(PLURAL_ENDING) else word


@lru_cache(maxsize=200_000)
def sound(word: str) -> str:
    """The metaphone key of one folded word (the word itself when it has none)."""
    return metaphone(word) or word


@dataclass(frozen=True, slots=True)
class NameKey:
    """The keys of one spelling of a name, as stored in the actor_names table."""

    name: str
    folded: str
    loose: str
    words: int
    surname: str | None  # last identifying word of a person's name of two words or more
    block: str  # sound of the last identifying word: where fuzzy candidates are looked for

    @classmethod
    def of(cls, name: str, type_: str) -> "NameKey":
        return _name_key(name, type_ == "person")


@lru_cache(maxsize=200_000)
def _name_key(name: str, person: bool) -> NameKey:
    """The keys of a spelling (cached: a bulk merge asks for the same names again and again)."""
    tokens = loose_tokens(name)
    last = tokens[-1] if tokens else ""
    return NameKey(name=name, folded=fold(name), loose=" ".join(tokens), words=len(tokens),
                   surname=last if person and len(tokens) > 1 else None, block=sound(singular(last)))


def name_similarity(a: str, b: str) -> float | None:
    """Word-by-word similarity of two names, or None when some word pair does not match.

    Both names must have the same identifying words in the same order; each pair must be
    close or sound alike, and not one the other with an ending added. So "Qassem
    Soleimani"/"Qasem Soleimani" match (0.98), and neither "Jihad Moughniyah"/"Imad Moughniyah"
    (the given names differ) nor "al-Baghdadi"/"Baghdad" (a derived word) do.
    """
    ta, tb = loose_tokens(a), loose_tokens(b)
    if len(ta) != len(tb) or not ta:
        return None
    scores = []
    for x, y in zip(ta, tb):
        if x == y:
            scores.append(1.0)
            continue
        if x.isdigit() or y.isdigit():
            return None
        short, long_ = sorted((x, y), key=len)
        if long_.startswith(short) and long_[len(short):] not in SPELLING_ENDINGS:
            return None
        if long_.endswith(short):  # "Samer" is not a spelling of "Amer"
            return None
        s = JaroWinkler.similarity(x, y)
        if s >= WORD_CLOSE or (s >= WORD_SOUNDS and sound(x) == sound(y)):
            scores.append(s)
        else:
            return None
    return sum(scores) / len(scores)
