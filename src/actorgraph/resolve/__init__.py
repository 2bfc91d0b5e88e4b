"""Resolve: which global actor each per-article actor is, and why.

    NameKey.of(name)        the comparison keys of one spelling (folded, loose, surname, block)
    resolve_actor(a, view)  a `Match`: the global actor it joins (or None for a new one) and the reason

The rules run in order and the first that decides wins: a name pinned by a split decision;
the same registry id; the same Wikidata id; the same name or alias (types agree, registry
ids do not conflict); a lone surname that one person alone carries; names that match word
by word, sound alike and are close (`fuzzy 0.93`). Two people who share only a surname never
meet. The store supplies the candidates (`CandidateView`), so this package never touches SQL.
"""
from .matching import CandidateView, Candidate, Match, resolve_actor
from .names import NameKey, loose_tokens, name_similarity

__all__ = ["Candidate", "CandidateView", "Match", "NameKey", "loose_tokens",
           "name_similarity", "resolve_actor"]
