"""Legal formulas of official releases: fixed wordings of sanctions law that state a relation.

"X is being designated pursuant to E.O. 13224 for having materially assisted, sponsored, or
provided financial, material, or technological support for, or goods or services to or in
support of, Y" -> X supports Y. The formula's words are data (`lang/en/formulas.yaml`, which
cites the law they come from); this module finds an opening and its closing in one sentence,
takes the actor named right after the closing as the one supported, and the subject of the
clause holding the formula as the supporter.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from typing import Iterator

from spacy.tokens import Span, Token

from ..lang import lexicon as language_file
from .patterns import Context, Proposal


@lru_cache(maxsize=None)
def _formulas(lang: str = "en") -> dict[str, tuple]:
    data = language_file(lang, "formulas")
    out = {}
    for name, spec in data.items():
        out[name] = (tuple(tuple(str(w).lower() for w in o) for o in spec["openings"]),
                     tuple(tuple(str(w).lower() for w in c) for c in spec["closings"]),
                     frozenset(str(w).lower() for w in spec.get("between", ())))
    return out


@lru_cache(maxsize=None)
def _first_words(lang: str = "en") -> tuple[str, ...]:
    """The first words of every formula's openings, to skip a document without any at C speed."""
    return tuple(sorted({o[0] for opens, _, _ in _formulas(lang).values() for o in opens}))


def _may_hold(doc) -> bool:
    hashes = numpy.array([doc.vocab.strings.add(w) for w in _first_words()], dtype="uint64")
    return bool(numpy.isin(doc.to_array([LOWER]), hashes).any())


def _find(words: list[str], seq: tuple[str, ...], start: int = 0) -> int:
    n = len(seq)
    for i in range(start, len(words) - n + 1):
        if tuple(words[i:i + n]) == seq:
            return i
    return -1


def _supporter(ctx: Context, opening: Token) -> list:
    """The subject of the clause that holds the formula: the one designated (or who did it)."""
    node = opening
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return [r for s in subjects for r in ctx.np.of(s)]
        if node.head.i == node.i:
            break
        node = node.head
    return []


def support(ctx: Context) -> Iterator[Proposal]:
    """The sanctions-law support formula: the designated party supports the party named after it."""
    opens, closes, between = _formulas()["support"]
    if not _may_hold(ctx.doc):
        return
    for sent in ctx.doc.sents:
        toks: list[Token] = [t for t in sent if not t.is_punct]
        words = [t.lower_ for t in toks]
        for opening in opens:
            at = _find(words, opening)
            if at < 0:
                continue
            for closing in closes:
                end = _find(words, closing, at + len(opening))
                if end < 0:
                    continue
                last = toks[end + len(closing) - 1]
                backed = _named_after(ctx, sent, last.i + 1, between)
                if backed is None:
                    continue
                for ref in _supporter(ctx, toks[at]):
                    if ref.actor.id != backed.id:
                        yield Proposal(ref.actor, "supports", backed, cue=(toks[at].i, last.i + 1), anchor=toks[at],
                                       construction="formula-support")
            break


def _named_after(ctx: Context, sent: Span, i: int, between: frozenset[str]):
    """The actor whose mention starts at token i, after the allowed filler words."""
    doc = ctx.doc
    while i < sent.end and doc[i].lower_ in between:
        i += 1
    if i >= sent.end:
        return None
    actor = ctx.refs.at(doc[i])
    if actor is None:
        return None
    span = ctx.refs.mention(doc[i])
    return actor if span is None or span[0] == i else None
