"""Legal formulas of official releases: fixed wordings of sanctions law that state a relation.

"X is being designated pursuant to E.O. 13224 for having materially assisted, sponsored, or
provided financial, material, or technological support for, or goods or services to or in
support of, Y" -> X supports Y; "X is being designated for being owned or controlled by, or for
having acted for or on behalf of, Y" -> Y commands X. The formulas' words are data
(`lang/en/formulas.yaml`, which cites the law they come from); this module finds an opening and
its closing in one sentence, takes the actor named right after the closing, and pairs it with the
one the release designates: the subject of the clause holding the formula, the object of an
active "designated X for ...", or the noun a participle describes ("a company owned by Y").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from typing import Iterator

from spacy.tokens import Span, Token

from ..lang import lexicon as language_file, strings, where as file_name
from .patterns import Context, Proposal


@dataclass(frozen=True)
class Formula:
    """One legal formula: its openings and closings, and the relation it states."""

    name: str
    predicate: str
    named_is_subject: bool  # the actor after the closing is the predicate's subject
    openings: tuple[tuple[str, ...], ...]
    closings: tuple[tuple[str, ...], ...]
    between: frozenset[str]


@lru_cache(maxsize=None)
def _formulas(lang: str = "en") -> tuple[Formula, ...]:
    return read_formulas(language_file(lang, "formulas"), lang, file_name(lang, "formulas"))


def read_formulas(data: dict, lang: str, where: str) -> tuple[Formula, ...]:
    """The formulas of a language file's mapping; a list holding a non-word is a ConfigError (lang.strings)."""

    def words(name: str, key: str, seq: list) -> tuple[str, ...]:
        return tuple(w.lower() for w in strings({key: seq}, key, f"{where}: formula {name!r}"))

    return tuple(Formula(name, str(spec["predicate"]), spec.get("named", "object") == "subject",
                         tuple(words(name, "openings", o) for o in spec["openings"]),
                         tuple(words(name, "closings", c) for c in spec["closings"]),
                         frozenset(words(name, "between", spec.get("between", []))))
                 for name, spec in data["formulas"].items())


@lru_cache(maxsize=None)
def _first_words(lang: str = "en") -> tuple[str, ...]:
    """The first words of every formula's openings, to skip a document without any at C speed."""
    return tuple(sorted({o[0] for f in _formulas(lang) for o in f.openings}))


def _may_hold(doc) -> bool:
    hashes = numpy.array([doc.vocab.strings.add(w) for w in _first_words()], dtype="uint64")
    return bool(numpy.isin(doc.to_array([LOWER]), hashes).any())


def _find(words: list[str], seq: tuple[str, ...], start: int = 0) -> int:
    n = len(seq)
    for i in range(start, len(words) - n + 1):
        if tuple(words[i:i + n]) == seq:
            return i
    return -1


def _designated(ctx: Context, opening: Token) -> list:
    """The one the formula is said of: the subject of the clause that holds it; past the preposition
    that attaches it ("designated X for having ..."), the designating verb's object; or the noun a
    participle describes ("a company owned or controlled by Y")."""
    node, adjunct = opening, False
    for _ in range(10):
        if node.pos_ in ("VERB", "AUX"):
            kids = list(node.children)
            deps = ("dobj", "nsubjpass", "nsubj") if adjunct else ("nsubj", "nsubjpass")
            for dep in deps:
                found = [r for c in kids if c.dep_ == dep for r in ctx.np.of(c)]
                if found:
                    return found
            if node.dep_ in ("acl", "relcl") and node.head.i != node.i:
                return list(ctx.np.of(node.head))
        if node.dep_ in ("prep", "pcomp", "advcl"):
            adjunct = True
        if node.head.i == node.i:
            break
        node = node.head
    return []


def support(ctx: Context) -> Iterator[Proposal]:
    """The sanctions-law formulas: the designated party and the party named after the formula."""
    if not _may_hold(ctx.doc):
        return
    for sent in ctx.doc.sents:
        toks: list[Token] = [t for t in sent if not t.is_punct]
        words = [t.lower_ for t in toks]
        for formula in _formulas():
            yield from _stated(ctx, sent, toks, words, formula)


def _stated(ctx: Context, sent: Span, toks: list[Token], words: list[str], formula: Formula) -> Iterator[Proposal]:
    """Each statement of one formula in a sentence, in order; overlapping openings count once."""
    present = set(words)
    starts = sorted((at, opening) for opening in formula.openings if present.issuperset(opening)
                    for at in _all(words, opening))
    done = 0
    for at, opening in starts:
        if at < done:
            continue
        found = _closed(ctx, sent, toks, words, formula, at)
        if found is None:
            continue
        named, last = found
        done = last + 1
        for ref in _designated(ctx, toks[at]):
            if ref.actor.id == named.id:
                continue
            subj, obj = (named, ref.actor) if formula.named_is_subject else (ref.actor, named)
            yield Proposal(subj, formula.predicate, obj, cue=(toks[at].i, toks[last].i + 1), anchor=toks[at],
                           construction=f"formula-{formula.name}")


def _all(words: list[str], seq: tuple[str, ...]) -> Iterator[int]:
    at = _find(words, seq)
    while at >= 0:
        yield at
        at = _find(words, seq, at + 1)


def _closed(ctx: Context, sent: Span, toks: list[Token], words: list[str], formula: Formula, at: int):
    """The actor named after the nearest closing of the formula opened at `at`, with the closing's
    last word (an index into `toks`), or None."""
    ends = sorted((e + len(c) - 1) for c in formula.closings for e in (_find(words, c, at),) if e >= 0)
    for last in ends:
        named = _named_after(ctx, sent, toks[last].i + 1, formula.between)
        if named is not None:
            return named, last
    return None


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
