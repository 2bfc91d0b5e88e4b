"""Shared setup of the extraction tests: the real pipeline, loaded once per session, on hand-written text."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from actorgraph import Settings
from actorgraph.extraction import extract_doc, load_resources
from actorgraph.model import Actor, Article, Event, Extraction, Figure, Quote, Relation


@dataclass
class Found:
    """What the pipeline extracted from one hand-written article, looked up by actor name."""

    ex: Extraction

    @property
    def text(self) -> str:
        return self.ex.article.text

    def actor(self, name: str) -> Actor:
        """The actor with this name, alias or mention text (case-insensitive)."""
        key = name.lower()
        for a in self.ex.actors:
            if key in (x.lower() for x in (a.name, *a.aliases, *(m.text for m in a.mentions))):
                return a
        raise AssertionError(f"no actor {name!r} among {[(a.name, a.aliases) for a in self.ex.actors]}")

    def name(self, actor_id: str | None) -> str | None:
        return None if actor_id is None else self.ex.actor(actor_id).name

    def triples(self) -> set[tuple[str, str, str]]:
        return {(self.name(r.subject), r.predicate, self.name(r.object)) for r in self.ex.relations}

    def relation(self, subject: str, predicate: str, obj: str) -> Relation:
        s, o = self.actor(subject).id, self.actor(obj).id
        for r in self.ex.relations:
            if r.predicate == predicate and (r.subject, r.object) == (s, o):
                return r
        raise AssertionError(f"no {subject} {predicate} {obj} in {sorted(self.triples())}")

    def events(self, type_: str) -> list[Event]:
        return [e for e in self.ex.events if e.type == type_]

    def roles(self, event: Event) -> dict[str, str]:
        return {self.name(p.entity): p.role for p in event.participants}

    @property
    def quotes(self) -> list[Quote]:
        return self.ex.quotes

    @property
    def figures(self) -> list[Figure]:
        return self.ex.figures

    def cue(self, record) -> str:
        """The text the first evidence's cue offsets point at."""
        ev = record.evidence[0]
        return self.text[ev.cue_start:ev.cue_end]


@pytest.fixture(scope="session")
def extract():
    """`extract(text, published=None)`: the whole extraction of a hand-written article."""
    res = load_resources(Settings())

    def run(text: str, published: str | None = None) -> Found:
        article = Article(text=text, source="hand-written.txt", published=published)
        return Found(extract_doc(res.nlp(text), article, res))

    return run
