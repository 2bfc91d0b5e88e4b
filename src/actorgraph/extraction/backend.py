"""The relation-extractor interface, and the check every backend's output must pass.

A backend (today the dependency patterns; later a trained classifier or a language model behind
an OpenAI-compatible endpoint) turns a parsed article and its actors into `Relation`s with
evidence. Whatever it returns is kept only when `verify` finds it grounded in its sentence:
both actors referred to there (by name, or by a pronoun or description that resolves to them,
or a state by its capital),
the cue words inside the sentence, a known predicate joining actors of allowed types.
"""
from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc

from ..model import CERTAINTIES, Actor, Article, Relation
from .doctext import doc_text
from ..names import fold
from .patterns import lexicon
from ..ontology import ontology
from .arguments import arguments

_SENTENCE_ACTORS = "actorgraph.sentence_actors"


class RelationExtractor(Protocol):
    """Anything that proposes relations for a parsed article."""

    name: str
    version: str

    def extract(self, doc: Doc, article: Article, actors: list[Actor]) -> list[Relation]:
        """The relations this backend reads in the article, each with its evidence."""
        ...


def problems(relation: Relation, doc: Doc, actors: list[Actor]) -> list[str]:
    """Why a relation is not grounded in its evidence (empty when it is)."""
    out: list[str] = []
    by_id = {a.id: a for a in actors}
    pred = ontology().get(relation.predicate)
    subject, obj = by_id.get(relation.subject), by_id.get(relation.object)
    if pred is None:
        out.append(f"unknown predicate {relation.predicate!r}")
    if subject is None or obj is None:
        out.append("subject or object is not an actor of the article")
    elif subject.id == obj.id:
        out.append("subject and object are the same actor")
    elif pred is not None and not pred.joins(subject.type, obj.type):
        out.append(f"{relation.predicate} does not join {subject.type} -> {obj.type}")
    if relation.certainty not in CERTAINTIES:
        out.append(f"certainty {relation.certainty!r} is not one of {', '.join(CERTAINTIES)}")
    if not relation.evidence:
        out.append("no evidence")
    for ev in relation.evidence:
        if doc_text(doc)[ev.start:ev.end] != ev.sentence:
            out.append(f"evidence sentence is not the text at {ev.start}..{ev.end}")
            continue
        if ev.cue_start is None or ev.cue_end is None or not (ev.start <= ev.cue_start < ev.cue_end <= ev.end):
            out.append("cue words are not inside the evidence sentence")
        if not ev.extractor:
            out.append("evidence does not name its extractor")
        present = _actors_in(doc, actors, ev.start, ev.end)
        for role, actor in (("subject", subject), ("object", obj)):
            if actor is not None and actor.id not in present:
                out.append(f"{role} {actor.name!r} is not referred to in the evidence sentence")
    return out


def verify(relation: Relation, doc: Doc, actors: list[Actor]) -> bool:
    """Whether a relation is grounded in its evidence sentence (see `problems`)."""
    return not problems(relation, doc, actors)


def _actors_in(doc: Doc, actors: list[Actor], start: int, end: int) -> set[str]:
    """Ids of the actors a sentence refers to, by name or by reference (cached per sentence)."""
    cache = doc.user_data.setdefault(_SENTENCE_ACTORS, {})
    key = (tuple(a.id for a in actors), start, end)
    if key not in cache:
        found = {a.id for a in actors for m in a.mentions if m.start < end and m.end > start}
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            args = arguments(doc, actors)
            for tok in span:
                actor = args.resolve(tok)
                if actor is not None:
                    found.add(actor.id)
                found.update(r.actor.id for r in args.np.counted_group(tok))  # "All three are based in Qatar"
                group = args.np.demonstrated(tok)  # "Hamas fighters were killed. These include X"
                if group is not None:
                    found.add(group.actor.id)
        capitals = lexicon().capitals  # "Tehran's foes": a capital refers to its state as well
        states = {fold(n): a.id for a in actors if a.type == "country" for n in (a.name, *a.aliases)}
        for a in actors:
            if a.id in found and a.type == "location":
                state = next((capitals[fold(n)] for n in (a.name, *a.aliases) if fold(n) in capitals), None)
                if state is not None and fold(state) in states:
                    found.add(states[fold(state)])
        cache[key] = found
    return cache[key]
