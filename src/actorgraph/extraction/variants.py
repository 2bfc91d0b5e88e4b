"""One actor written two ways in one article: which of an article's actors are another's variant.

Resolution joins spellings across articles; within one article the evidence is stronger and
the same rules are safe only where it is strong, and never across types:

- a transliteration: every word of one name is spelled like the other's, as resolution
  compares them (`resolve.names.name_similarity`: "Al Hayaa" / "Al Hayya"), and a lone name
  spelled like the surname of one fuller person ("Hayaa" / "Khalil al-Hayya");
- an organization's name and the same name with a designator word only (lang/en/types.yaml
  `designators`: "Wagner" / "PMC Wagner" / "Wagner Group");
- an organization's head noun alone, capitalized as a name, and the one organization of the
  article it heads ("the Department" / "Department of State"; lang/en/actors.yaml
  `organization_heads`).

A name that fits two others is left alone. Registry actors keep their ids: two of them never join.
"""
from __future__ import annotations

from functools import lru_cache

from ..lang import DEFAULT, lexicon, words
from ..lang import where as file_name
from ..model import Actor
from ..names import fold, loose_tokens


@lru_cache(maxsize=None)
def designators(lang: str = DEFAULT) -> frozenset[str]:
    return words(lexicon(lang, "types"), "designators", file_name(lang, "types"))


@lru_cache(maxsize=None)
def _heads() -> frozenset[str]:
    from .cues import load_cues
    return frozenset(fold(w) for w in load_cues().organization_heads)


def _head(name: str) -> str | None:
    """The head noun of a name of two words or more: its last word, or the last before "of"."""
    from .typing import type_words
    words_ = fold(name).split()
    links = [i for i, w in enumerate(words_) if w in type_words().place_links]
    head = words_[:links[0]] if links else words_
    return head[-1] if len(words_) > 1 and head else None


def _alike(a: Actor, b: Actor) -> bool:
    """`a` is another writing of `b` (see the module's docstring)."""
    from ..resolve.names import name_similarity  # rigour: on use
    if a.type != b.type or (a.registry_id and b.registry_id):
        return False
    wa, wb = loose_tokens(a.name), loose_tokens(b.name)
    if not wa or not wb or wa == wb:
        return False
    if len(wa) == len(wb):
        return name_similarity(a.name, b.name) is not None
    if a.type == "person" and len(wa) == 1 and len(wb) > 1:
        return name_similarity(wa[0], wb[-1]) is not None
    if a.type == "organization" and len(wa) == 1 and wa[0] in _heads() and _head(b.name) == wa[0]:
        return True
    if a.type == "organization":
        short, long_ = sorted((wa, wb), key=len)
        extra = list(long_)
        for w in short:
            if w not in extra:
                return False
            extra.remove(w)
        tail_or_head = long_[:len(short)] == short or long_[-len(short):] == short
        return tail_or_head and all(w in designators() for w in extra)
    return False


def variants(actors: list[Actor]) -> list[tuple[Actor, Actor]]:
    """(variant, the actor it is) pairs: each variant fits exactly one other actor, which is no variant itself."""
    pairs = []
    for a in actors:
        fits = [b for b in actors if b is not a and _alike(a, b) and _keeps(a, b)]
        if len(fits) == 1:
            pairs.append((a, fits[0]))
    targets = {id(b) for _, b in pairs}
    return [(a, b) for a, b in pairs if id(a) not in targets]


def _keeps(a: Actor, b: Actor) -> bool:
    """`b` is the one kept: the registry's, else the one with more words, else more mentions, else the first name."""
    if a.registry_id or b.registry_id:
        return bool(b.registry_id)
    key = lambda x: (len(loose_tokens(x.name)), len(x.mentions), x.name)  # noqa: E731
    return key(b) > key(a)
