"""The parent of a body that many organizations and states each have one of ("Shura Council").

"Hezbollah's Shura Council" and "the Shura Council of Hamas" are two actors under one name: a
name headed by a body noun (lang/en/types.yaml `body_nouns`: council, committee, bureau, ...) is
one actor only within one parent. The parent is read, in this order, from the registry's entry
(`parent:`), from the name itself ("Hezbollah Shura Council", "Iraqi Parliament"), and from the
words around a mention: a possessive ("Hezbollah's", "the group's", "its"), a noun or demonym
before it ("the Hamas Shura Council", "the Iranian parliament"), or "of" after it ("the Shura
Council of Hamas"). `Actor.parent` holds the parent's key (`parent_key`), or "" when the article
does not say whose body it is; resolution joins such names only under the same parent.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lang import DEFAULT, lexicon, words
from ..lang import where as file_name
from ..model import Actor
from ..names import fold, loose_tokens
from ..registry import Registry
from .cues import Cues
from .gazetteer import Gazetteer
from .reference import references

UNKNOWN = ""  # the parent of a body whose article does not say whose it is


@lru_cache(maxsize=None)
def body_nouns(lang: str = DEFAULT) -> frozenset[str]:
    return words(lexicon(lang, "types"), "body_nouns", file_name(lang, "types"))


@lru_cache(maxsize=None)
def _place_links(lang: str = DEFAULT) -> frozenset[str]:
    return words(lexicon(lang, "types"), "place_links", file_name(lang, "types"))


def is_body(name: str, lang: str = DEFAULT) -> bool:
    """A name headed by a body noun ("Shura Council", "Political Bureau", "Shura Council of Hamas")."""
    words = fold(name).split()
    links = [i for i, w in enumerate(words) if w in _place_links(lang)]
    tokens = loose_tokens(" ".join(words[:links[0]] if links else words))
    return bool(tokens) and tokens[-1] in body_nouns(lang)


def parent_key(actor: Actor) -> str:
    """How a parent is known across articles: its Wikidata id, else its registry id, else its folded name."""
    return actor.wikidata or actor.registry_id or fold(actor.name)


def assign_parents(doc: Doc, actors: list[Actor], registry: Registry, cues: Cues, gazetteer: Gazetteer) -> None:
    """Set `parent` on each organization named by a body noun (see the module's docstring)."""
    bodies = [a for a in actors if a.type == "organization" and is_body(a.name)]
    if not bodies:
        return
    by_name: dict[str, Actor] = {}
    for a in actors:
        for n in (a.name, *a.aliases):
            by_name.setdefault(fold(n), a)
    index = references(doc, actors)
    for body in bodies:
        if body.registry_id:
            known = registry.get(body.registry_id)
            parent = registry.get(known.parent) if known and known.parent else None
            if parent is not None:
                body.parent = parent.wikidata or parent.id
            continue  # a registry id says which body it is
        owner = _in_name(body, by_name, cues, gazetteer) or _around(doc, body, index, cues, gazetteer)
        body.parent = owner if owner is not None else UNKNOWN


def _country_key(word: str, cues: Cues, gazetteer: Gazetteer) -> str | None:
    """The key of the country a demonym or a country's name names."""
    name = cues.demonyms.get(fold(word), word)
    country = gazetteer.country(name)
    return (country.qid or fold(country.name)) if country is not None else None


def _in_name(body: Actor, by_name: dict[str, Actor], cues: Cues, gazetteer: Gazetteer) -> str | None:
    """The parent the name itself carries: "Hezbollah Shura Council", "Shura Council of Hamas", "Iraqi Parliament"."""
    for name in (body.name, *body.aliases):
        folded = fold(name).split()
        parts = [folded[:k] for k in range(len(folded) - 1, 0, -1)]
        links = [i for i, w in enumerate(folded) if w in _place_links()]
        owner = folded[links[0] + 1:] if links else []
        for part in [owner, *parts] if owner else parts:
            text = " ".join(part)
            other = by_name.get(text) or by_name.get(" ".join(loose_tokens(text)))
            if other is not None and other is not body:
                return parent_key(other)
            key = _country_key(text, cues, gazetteer) if part else None
            if key:
                return key
        if owner:  # "Shura Council of the Northern Front": whose it is, though no actor of its own
            return " ".join(loose_tokens(" ".join(owner)))
    return None


def _around(doc: Doc, body: Actor, index, cues: Cues, gazetteer: Gazetteer) -> str | None:
    """The parent the words around a mention say: "Hamas's", "the group's", "its", "Iranian", "of Hamas"."""
    for m in body.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        for child in root.children:
            if span.start <= child.i < span.end:
                continue
            tok: Token | None = None
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and child.i < span.start):
                tok = child
            elif child.dep_ == "prep" and child.lower_ in _place_links() and child.i >= span.end:
                tok = next((g for g in child.children if g.dep_ == "pobj"), None)
            if tok is None:
                continue
            owner = index.noun_actor(tok) or index.demonym(tok)
            if owner is not None and owner is not body:
                return parent_key(owner)
            if child.dep_ == "amod" and (key := _country_key(tok.text, cues, gazetteer)):
                return key
    return None
