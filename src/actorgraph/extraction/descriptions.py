"""Relations a description of a name states: the nationality on its kind noun, the possessor or the
place of an apposition or a predicate noun, an affiliation after a person's name.

"the Russian paramilitary group Wagner" (based_in Russia), "Wagner, Russia's best-known mercenary
group" (part_of Russia), "the AMIA, the Jewish cultural centre in Buenos Aires" and "al-Shabaab is
al-Qaeda's affiliate in East Africa" (operates_in), "Zeina Khodr of Al Jazeera" (member_of).
Each function reads a `Context` and yields `Proposal`s.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .patterns import HYPHENS, SELF, Context, Proposal, prefixed
from .referents import COPULAS


def descriptions(ctx: Context) -> Iterator[Proposal]:
    """Every organization's kind noun and descriptions, and every person's "of" affiliation."""
    doc, refs = ctx.doc, ctx.refs
    for start, end, actor in refs.mentions_in(0, len(doc)):
        root = doc[start:end].root
        if actor.type == "organization":
            kinds = [doc[start - 1]] if start > 0 and doc[start - 1].head.i in range(start, end) else []
            if root.dep_ == "appos" and root.head.i < start:
                kinds.append(root.head)  # "the group Wagner" parsed with the name as an apposition
            yield from _nationality(ctx, [(k, root) for k in kinds], end, actor)
            described = _described_by(ctx, root)
            yield from _nationality(ctx, described, None, actor)  # "Hezbollah, a Lebanese group"
            for noun, anchor in described:
                yield from _possessor(ctx, noun, anchor, actor)
                yield from _place(ctx, noun, anchor, actor)
        elif actor.type == "person":
            yield from _affiliation(ctx, root, actor)


def _nationality(ctx: Context, kinds: list[tuple[Token, Token]], end: int | None, actor) -> Iterator[Proposal]:
    """"the Russian paramilitary group Wagner", "Hezbollah, a Lebanese group": a demonym on the kind
    noun that stands beside the name or describes it."""
    doc, lex = ctx.doc, ctx.lex
    for kind, anchor in kinds:
        if kind.lemma_.lower() not in lex.kind_nouns or ctx.refs.at(kind) is not None:
            continue
        for mod in doc[kind.left_edge.i:kind.i]:  # "Russian" in "the Russian paramilitary group"
            if mod.dep_ not in ("amod", "compound") or ctx.refs.at(mod) is not None \
                    or mod.i + 1 < len(doc) and doc[mod.i + 1].text in HYPHENS or prefixed(ctx, mod):
                continue  # "an Iranian-backed group X" is backing, "a pro-Iranian group" allegiance, not nationality
            country = ctx.refs.demonym(mod)
            if country is not None and country.id != actor.id:
                yield Proposal(actor, "based_in", country, cue=(mod.i, end if end is not None else kind.i + 1),
                               anchor=anchor, construction="kind-nationality", nominal=anchor.pos_ not in ("VERB", "AUX"))


def _described_by(ctx: Context, root: Token) -> list[tuple[Token, Token]]:
    """The common nouns that describe a name, each with the word certainty is judged from:
    its appositions ("Wagner, Russia's ... group") and its predicate nouns ("X is a group ...")."""
    out = [(c, c) for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and ctx.refs.at(c) is None]
    verb = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in COPULAS:
        out += [(c, verb) for c in verb.children
                if c.dep_ in ("attr", "oprd") and c.pos_ == "NOUN" and ctx.refs.at(c) is None]
    return out


def _possessor(ctx: Context, noun: Token, anchor: Token, actor) -> Iterator[Proposal]:
    """"Wagner, Russia's best-known mercenary group": the possessor of a kind noun owns the name."""
    lex = ctx.lex
    if noun.lemma_.lower() not in lex.kind_nouns:
        return
    if any(c.dep_ in ("compound", "amod", "nmod") and (c.lower_ in lex.roles or c.lemma_.lower() in lex.roles)
           for c in noun.children):
        return  # "Iran's proxy group": the relational noun says more (roles)
    for p in (c for c in noun.children if c.dep_ == "poss"):
        ref = ctx.np.one(p)
        if ref is not None and ref.via == SELF and ref.actor.id != actor.id \
                and ref.actor.type in ("organization", "country"):
            yield Proposal(actor, "part_of", ref.actor, cue=(p.left_edge.i, noun.i + 1), anchor=anchor,
                           construction="described-possessive", nominal=anchor.i == noun.i)


def _place(ctx: Context, noun: Token, anchor: Token, actor) -> Iterator[Proposal]:
    """"the AMIA, the Jewish cultural centre in Buenos Aires": the place of the describing noun."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ctx.lex.function_words["located_preps"]:
            continue
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            for ref in ctx.np.of(pobj):
                if ref.actor.type in ("location", "country") and ref.actor.id != actor.id:
                    yield Proposal(actor, "operates_in", ref.actor, cue=(prep.i, prep.i + 1), anchor=anchor,
                                   construction="described-in", nominal=anchor.i == noun.i)


def _affiliation(ctx: Context, root: Token, actor) -> Iterator[Proposal]:
    """"Zeina Khodr of Al Jazeera", "Omar Said of the Quds Force": the organization after a person's name."""
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ctx.lex.function_words["affiliation_preps"] or prep.i < root.i:
            continue
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            ref = ctx.np.one(pobj)
            if ref is not None and ref.via == SELF and ref.actor.type == "organization" and ref.actor.id != actor.id:
                yield Proposal(actor, "member_of", ref.actor, cue=(prep.i, pobj.i + 1), anchor=root,
                               construction="of-affiliation", nominal=True)
