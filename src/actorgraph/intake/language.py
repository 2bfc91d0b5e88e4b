"""A cheap language guess (ISO 639-1): the writing system first, then a stop-word vote.

Good enough to route articles and to flag non-English input; not a general identifier.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# The commonest function words of languages written in the Latin script.
STOP_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the of and to in is that for it was on with as by he his at from said were have "
          "has are this an which be not but they had its who their been would will",
    "fr": "le la les de des du et est un une dans que qui pour pas sur au aux par avec ce cette "
          "il elle sont ont été plus son ses",
    "es": "el la los las de del y en que un una por con para es se su al lo como más fue sus "
          "pero ha han",
    "de": "der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es "
          "wurde sind hat bei",
    "it": "il lo la gli le di del della e che un una per con non sono è nel alla anche come "
          "dei delle ha",
    "pt": "o a os as de do da dos das e em um uma que para com não por no na se foi mais ao "
          "pelo pela",
    "nl": "de het een en van is dat op te in zijn niet met voor die er aan ook als door hij "
          "werd",
    "tr": "ve bir bu da de için ile olarak daha çok gibi olan en ki ne ya",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada",
}.items()}

_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOP_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = _LANGUAGES_OF.get(_word, ()) + (_lang,)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u024f\u1e00-\u1eff]")
# Letters that set Persian and Urdu apart from Arabic, and Ukrainian from Russian.
_PERSIAN = set("پچژگکی")
_URDU = set("ٹڈڑںےھ")
_UKRAINIAN = set("іїєґ")


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The writing system of a letter, from its Unicode name: LATIN, ARABIC, CJK, ..."""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "OTHER"
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"):
        return first if first in ("HIRAGANA", "KATAKANA", "HANGUL") else "CJK"
    return first


def foreign_share(text: str, main_script: str) -> float:
    """The share of the text's letters written in another script than main_script."""
    others = _NOT_LATIN.findall(text)
    if main_script == "LATIN" and not others:
        return 0.0
    counts = scripts(text)
    total = sum(counts.values())
    return (total - counts[main_script]) / total if total >= 3 else 0.0


def in_script(text: str, script: str) -> str:
    """The text without its words written in other scripts than `script` (numbers and punctuation stay)."""
    kept = []
    for token in text.split():
        counts = scripts(token)
        if not counts or counts.most_common(1)[0][0] == script:
            kept.append(token)
    return " ".join(kept)


def scripts(text: str) -> Counter[str]:
    """How many letters of each writing system the text holds."""
    others = _NOT_LATIN.findall(text)
    counts = Counter(script_of(c) for c in others)
    latin = len(_LETTER.findall(text)) - len(others)
    if latin:
        counts["LATIN"] += latin
    return counts


def detect_language(text: str, sample: int = 5000) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the guess is too weak."""
    head = text[:sample]
    counts = scripts(head)
    if not counts:
        return None
    script, _ = counts.most_common(1)[0]
    letters = set(head)
    if script == "ARABIC":
        if letters & _URDU:
            return "ur"
        return "fa" if len(letters & _PERSIAN) >= 2 and "ك" not in letters else "ar"
    if script == "CYRILLIC":
        return "uk" if letters & _UKRAINIAN else "ru"
    if script in ("HIRAGANA", "KATAKANA") or (script == "CJK" and counts["HIRAGANA"] + counts["KATAKANA"]):
        return "ja"
    simple = {"CJK": "zh", "HANGUL": "ko", "HEBREW": "he", "GREEK": "el", "THAI": "th",
              "DEVANAGARI": "hi", "ARMENIAN": "hy", "GEORGIAN": "ka", "BENGALI": "bn"}
    if script in simple:
        return simple[script]
    if script != "LATIN":
        return None
    words = [w.lower() for w in _WORD.findall(head)]
    if len(words) < 3:
        return None
    votes: Counter[str] = Counter()
    for word in words:
        votes.update(_LANGUAGES_OF.get(word, ()))
    if not votes:
        return None
    best = max(votes, key=votes.__getitem__)
    return best if votes[best] >= max(2, 0.1 * len(words)) else None
