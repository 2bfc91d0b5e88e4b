"""Extraction stages as components over one parsed `Doc`, in the manner of spaCy's pipeline.

A component has a `name`, the `Doc` extensions it `requires` and `assigns`, and is called on a
`Doc` whose spaCy parse is done; it reads and writes records on the `Doc`'s extensions
(`doc._.ag_actors`, `doc._.ag_relations`, ...) and returns the `Doc`. Each record carries its
provenance (the evidence sentence and the extractor that produced it).

The shipped components are listed in one explicit table, `COMPONENTS`, that maps a name to a
factory `factory(context) -> component`; there are no import-time registrations. The settings'
`pipeline` names the components in order; a user component is named as `module:attribute`
(a factory or a class taking the same `Context`), so a stage can be dropped, replaced or
added in `actorgraph.toml` without touching this package:

    pipeline = ["actors", "relation_rules", "my_package.scorer:make", "verify", "events",
                "quotes", "figures"]

Relation candidates from every relation extractor (the rule constructions today; a learned
scorer or a language model later) go to `doc._.ag_relation_candidates`; the one shared
`verify` component keeps those grounded in their sentence (`backend.problems`: both actors
referred to there, the cue inside it, a known predicate between actors of allowed types) and
merges repeats into `doc._.ag_relations`. Every evidence names its extractor.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from spacy.tokens import Doc

from ..errors import ConfigError
from ..model import Actor, Article, Event, Figure, Quote, Relation
from ..registry import Registry

# The Doc extensions components read and write, with what each holds.
EXTENSIONS: dict[str, str] = {
    "ag_article": "the Article being extracted (set before the first component)",
    "ag_actors": "list[Actor]: the article's actors with their mentions",
    "ag_relation_candidates": "list[Relation]: proposed by relation extractors, not yet verified",
    "ag_relations": "list[Relation]: verified and merged relations",
    "ag_events": "list[Event]",
    "ag_quotes": "list[Quote]",
    "ag_figures": "list[Figure]",
}


def register_extensions() -> None:
    """Declare the `Doc` extensions (called when a pipeline is built, not at import)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class Component(Protocol):
    """One extraction stage."""

    name: str
    requires: tuple[str, ...]  # Doc extensions an earlier component must have assigned
    assigns: tuple[str, ...]  # Doc extensions this component sets or extends

    def __call__(self, doc: Doc) -> Doc:
        ...


@dataclass(frozen=True)
class Context:
    """What a component factory is given: the language, the registry and its own config."""

    language: str
    registry: Registry
    config: dict[str, Any] = field(default_factory=dict)


class Actors:
    """People, organizations, countries and places of the article, one per real-world actor."""

    name = "actors"
    requires = ("ag_article",)
    assigns = ("ag_actors",)

    def __init__(self, ctx: Context):
        from . import actors

        self._find, self.registry = actors.find_actors, ctx.registry

    def __call__(self, doc: Doc) -> Doc:
        doc._.ag_actors = self._find(doc, doc._.ag_article, self.registry)
        return doc


class RelationRules:
    """The rule relation extractor: constructions of news prose over the dependency parse."""

    name = "relation_rules"
    requires = ("ag_article", "ag_actors")
    assigns = ("ag_relation_candidates",)

    def __init__(self, ctx: Context):
        from .relations import DependencyPatterns

        self.backend = DependencyPatterns.for_language(ctx.language)

    def __call__(self, doc: Doc) -> Doc:
        found = self.backend.extract(doc, doc._.ag_article, doc._.ag_actors)
        doc._.ag_relation_candidates = [*(doc._.ag_relation_candidates or []), *found]
        return doc


class Verify:
    """The shared check of every relation candidate against its sentence, then one relation per statement."""

    name = "verify"
    requires = ("ag_actors", "ag_relation_candidates")
    assigns = ("ag_relations",)

    def __init__(self, ctx: Context):
        from .backend import verify
        from .relations import merge

        self._verify, self._merge = verify, merge

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.ag_actors
        kept = [r for r in doc._.ag_relation_candidates or [] if self._verify(r, doc, actors)]
        doc._.ag_relations = self._merge(kept)
        return doc


class Found:
    """A stage that finds one kind of record in the article given its actors: `find(doc, article, actors)`."""

    requires = ("ag_article", "ag_actors")

    def __init__(self, name: str, find: Callable[[Doc, Article, list[Actor]], list], assigns: tuple[str, ...]):
        self.name, self._find, self.assigns = name, find, assigns

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(self.assigns[0], self._find(doc, doc._.ag_article, doc._.ag_actors))
        return doc


def events(ctx: Context) -> Found:
    """Attacks, captures, killings, plots, meetings, designations, deployments, with roles."""
    from .events import find_events

    return Found("events", find_events, ("ag_events",))


def quotes(ctx: Context) -> Found:
    """What actors said, with the speaker and date."""
    from .quotes import find_quotes

    return Found("quotes", find_quotes, ("ag_quotes",))


def figures(ctx: Context) -> Found:
    """Numbers about actors (killed, fighters, money); a counted group may be added to the actors."""
    from .figures import find_figures

    return Found("figures", find_figures, ("ag_figures", "ag_actors"))


# The one table of shipped components: name -> factory(Context).
COMPONENTS: dict[str, Callable[[Context], Component]] = {
    "actors": Actors,
    "relation_rules": RelationRules,
    "verify": Verify,
    "events": events,
    "quotes": quotes,
    "figures": figures,
}
DEFAULT_PIPELINE: tuple[str, ...] = ("actors", "relation_rules", "verify", "events", "quotes", "figures")


def factory(name: str) -> Callable[[Context], Component]:
    """The factory of a shipped component, or of a user's one named `module:attribute`."""
    if name in COMPONENTS:
        return COMPONENTS[name]
    if ":" not in name:
        raise ConfigError(f"pipeline: unknown component {name!r}; shipped: {', '.join(COMPONENTS)}, "
                          f"or name your own as 'module:attribute'")
    module, _, attr = name.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"pipeline: cannot load component {name!r}: {exc}") from exc


def build(names: tuple[str, ...] | list[str], ctx: Context) -> list[Component]:
    """The components of a pipeline, in order, each checked to find what it requires."""
    register_extensions()
    have = {"ag_article"}
    out: list[Component] = []
    for name in names:
        comp = factory(name)(ctx)
        for attr in ("name", "requires", "assigns"):
            if not hasattr(comp, attr):
                raise ConfigError(f"pipeline: component {name!r} has no {attr!r}")
        unknown = set(comp.assigns) - set(EXTENSIONS)
        for ext in unknown:
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)
        missing = [r for r in comp.requires if r not in have]
        if missing:
            raise ConfigError(f"pipeline: component {comp.name!r} requires {', '.join(missing)}, which no "
                              f"earlier component assigns (order: {', '.join(names)})")
        have.update(comp.assigns)
        out.append(comp)
    return out


def records(doc: Doc) -> tuple[list[Actor], list[Relation], list[Event], list[Quote], list[Figure]]:
    """What the components left on the Doc (a stage left out gives an empty list)."""
    return (doc._.ag_actors or [], doc._.ag_relations or [], doc._.ag_events or [],
            doc._.ag_quotes or [], doc._.ag_figures or [])
