"""Relations: who leads, commands, belongs to, founded, supports, fights and met whom.

`DependencyPatterns` is the rule backend: it runs the language's constructions, listed in order
in `lang/<code>/constructions.yaml`, and turns their proposals into relations; the `verify`
component (components.py) keeps what `backend.verify` finds grounded in its sentence, and
`merge` makes one relation of the repeats of one statement, with all its evidence. Each relation
carries its sentence, the offsets of the sentence and of its cue words, the extractor and
construction that produced it ("dep-patterns@1/appositive-role"), the role word, a date when
the sentence gives one, and how sure the source is (`certainty.py`).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..errors import ConfigError
from ..lang import lexicon as language_data, strings
from ..model import Actor, Article, Evidence, Relation
from .backend import RelationExtractor, verify
from .certainty import assess, quote_spans
from .doctext import span_text
from ..names import fold
from .patterns import NAME, VERSION, Context, Proposal, find_cues, lexicon
from ..ontology import ontology
from .arguments import arguments
from .referents import Referents
from .timex import DESCRIBING, date_of, dates_in

Construction = Callable[[Context], Iterator[Proposal]]
PRECEDENCE = {"negated": 3, "uncertain": 2, "reported": 1, "asserted": 0}


class DependencyPatterns:
    """The rule backend: constructions of news prose over spaCy's dependency parse and the cue lexicon."""

    name = NAME
    version = VERSION

    def __init__(self, constructions: Sequence[Construction]):
        self.constructions = tuple(constructions)

    @classmethod
    def for_language(cls, lang: str) -> "DependencyPatterns":
        """The backend with the constructions `lang/<lang>/constructions.yaml` lists, in order."""
        return cls(constructions(lang))

    def extract(self, doc: Doc, article: Article, actors: list[Actor]) -> list[Relation]:
        if not actors:
            return []
        lex = lexicon()
        args = arguments(doc, actors, lex)  # the one argument and reference layer of the document
        ctx = Context(doc=doc, refs=args.refs, np=args.np, lex=lex, cues=find_cues(doc))
        quotes = quote_spans(doc)
        predicates = ontology()
        countries = {fold(name): a for a in actors if a.type == "country" for name in (a.name, *a.aliases)}
        dates: dict[int, list] = {}
        out: list[Relation] = []
        for construction in self.constructions:
            for p in construction(ctx):
                p = _threat(p, lex.certainty["threat_verbs"])
                pred = predicates.get(p.predicate)
                if pred is not None and not pred.joins(p.subject.type, p.object.type):
                    p = _capital_for_state(p, lex.capitals, countries)
                if pred is None or p.subject.id == p.object.id or not pred.joins(p.subject.type, p.object.type):
                    continue
                sent = doc[p.cue[0]].sent
                if sent.start not in dates:
                    dates[sent.start] = dates_in(sent, article.published)
                out.append(self._relation(p, sent, article, lex.certainty, quotes, dates[sent.start], ctx.np))
        return out

    def _relation(self, p: Proposal, sent: Span, article: Article, words, quotes, dates, np: Referents) -> Relation:
        doc = sent.doc
        first, last = doc[p.cue[0]], doc[p.cue[1] - 1]
        verdict = assess(p.anchor, p.nominal, words, quotes, own_verb=p.construction.startswith("verb-"))
        source = None
        if verdict.source is not None:
            source = np.refs.noun_actor(verdict.source)
            if source is None:  # "US officials said", "a Hezbollah spokesman told Reuters"
                ref = np.one(verdict.source)
                source = ref.actor if ref is not None and ref.via in ("self", "people", "unit") else None
        # only a date attached to the relation's own words: another event of the sentence has its own
        when = date_of(p.anchor, dates, stop=DESCRIBING)
        evidence = Evidence(
            article=article.source, sentence=span_text(sent), start=sent.start_char, end=sent.end_char,
            cue_start=first.idx, cue_end=last.idx + len(last.text),
            extractor=f"{self.name}@{self.version}/{p.construction}")
        return Relation(subject=p.subject.id, predicate=p.predicate, object=p.object.id,
                        certainty=verdict.value, evidence=[evidence], role=p.role,
                        date=when.value.iso if when else None,
                        attributed_to=source.id if source is not None else None)


def _capital_for_state(p: Proposal, capitals: dict[str, str], countries: dict[str, Actor]) -> Proposal:
    """"Tehran's regional foes", "Moscow backs Assad": where a predicate cannot take a place, a capital
    stands for its state, when the article names that state."""
    def state(actor: Actor) -> Actor:
        if actor.type != "location":
            return actor
        country = capitals.get(fold(actor.name)) or next(
            (capitals[fold(a)] for a in actor.aliases if fold(a) in capitals), None)
        return countries.get(fold(country), actor) if country else actor

    subject, obj = state(p.subject), state(p.object)
    if subject is p.subject and obj is p.object:
        return p
    if p.predicate in ("targeted", "operates_in", "based_in") and obj is not p.object:
        obj = p.object  # a place is a fine target or site: keep it
    return replace(p, subject=subject, object=obj)


def _threat(p: Proposal, threat_verbs: frozenset[str]) -> Proposal:
    """"The Houthis threatened to attack Israel": a threatened attack states hostility, not an attack."""
    gov = p.anchor.head
    if p.predicate == "targeted" and p.anchor.dep_ == "xcomp" and gov.lemma_.lower() in threat_verbs:
        return replace(p, predicate="opposes", anchor=gov, construction="verb-threat")
    return p


@lru_cache(maxsize=None)
def constructions(lang: str) -> tuple[Construction, ...]:
    """The construction functions of a language, imported from the `module:function` names of its data."""
    where = f"lang/{lang}/constructions.yaml"
    out = []
    for entry in strings(language_data(lang, "constructions"), "relation_constructions", where):
        module, _, attr = entry.partition(":")
        try:
            out.append(getattr(importlib.import_module(module), attr))
        except (ImportError, AttributeError, ValueError) as exc:
            raise ConfigError(f"{where}: relation_constructions: cannot load {entry!r}: {exc}") from exc
    return tuple(out)


def find_relations(doc: Doc, article: Article, actors: list[Actor],
                   backends: Iterable[RelationExtractor] | None = None) -> list[Relation]:
    """The relations of a parsed article between its actors, each with its evidence (the rule
    backend of English unless `backends` are given); the pipeline runs the same as components."""
    backends = backends if backends is not None else (DependencyPatterns.for_language("en"),)
    kept = [rel for backend in backends for rel in backend.extract(doc, article, actors)
            if verify(rel, doc, actors)]
    return merge(kept)


def merge(relations: list[Relation]) -> list[Relation]:
    """One relation per statement: repeats of a triple with one certainty share their evidence.

    Within one sentence a triple gets one certainty, the most guarded of those proposed.
    """
    symmetric = {name for name, p in ontology().items() if p.symmetric}
    best: dict[tuple, Relation] = {}
    for rel in relations:
        s, o = rel.subject, rel.object
        if rel.predicate in symmetric and o < s:
            s, o = o, s
        key = (s, rel.predicate, o, rel.evidence[0].start)
        old = best.get(key)
        if old is None or PRECEDENCE[rel.certainty] > PRECEDENCE[old.certainty]:
            if old is not None:
                rel.evidence = _unique(rel.evidence + old.evidence)
                rel.role = rel.role or old.role
            best[key] = rel
        else:
            old.evidence = _unique(old.evidence + rel.evidence)
            old.role = old.role or rel.role
            old.date = old.date or rel.date
    merged: dict[tuple, Relation] = {}
    for (s, pred, o, _), rel in best.items():
        key = (s, pred, o, rel.certainty)
        old = merged.get(key)
        if old is None:
            merged[key] = rel
        else:
            old.evidence = _unique(old.evidence + rel.evidence)
            old.role = old.role or rel.role
            old.date = old.date or rel.date
            old.attributed_to = old.attributed_to or rel.attributed_to
    return list(merged.values())


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple] = set()
    out = []
    for ev in evidence:
        key = (ev.start, ev.cue_start, ev.cue_end, ev.extractor)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return sorted(out, key=lambda e: (e.start, e.cue_start or 0))
