"""The JSON record of one extraction, in the shape of shared/eval/CONTRACT.md.

The contract's keys are all present; actorgraph adds what it knows beyond them (mention
spans, registry and Wikidata ids, evidence offsets, extractor names).
"""
from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from ..model import Actor, Article, Event, Evidence, Extraction, Figure, Participant, Quote, Relation, Span


def _evidence(ev: list[Evidence]) -> list[dict[str, Any]]:
    return [asdict(e) for e in ev]


def to_contract(ex: Extraction) -> dict[str, Any]:
    """One extraction as a JSON-ready dict."""
    a = ex.article
    return {
        "document": {
            "id": a.id, "source": a.source, "text": a.text, "title": a.title,
            "published": a.published, "language": a.language, "url": a.url,
            "format": a.format, "encoding": a.encoding, "warnings": list(a.warnings),
            # where a corpus record or WARC capture was read (file#line, file#offset), and a capture's
            # WARC-Date and WARC-Record-ID; null for a file of its own
            "origin": a.metadata.get("corpus_line"), "captured_at": a.metadata.get("warc_date"),
            "record_id": a.metadata.get("warc_record_id"),
        },
        "extractor": ex.extractor,
        "entities": [
            {
                "id": actor.id, "name": actor.name, "type": actor.type, "aliases": actor.aliases,
                "registry_id": actor.registry_id, "wikidata": actor.wikidata, "found_by": actor.source,
                "typed_by": actor.typed_by, "type_confidence": actor.type_confidence, "parent": actor.parent,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in actor.mentions],
            }
            for actor in ex.actors
        ],
        "relations": [
            {
                "subject": r.subject, "predicate": r.predicate, "object": r.object,
                "certainty": r.certainty, "role": r.role, "date": r.date,
                "attributed_to": r.attributed_to, "evidence": _evidence(r.evidence),
            }
            for r in ex.relations
        ],
        "events": [
            {
                "type": e.type, "date": e.date, "place": e.place, "certainty": e.certainty,
                "participants": [{"entity": p.entity, "role": p.role} for p in e.participants],
                "evidence": _evidence(e.evidence),
            }
            for e in ex.events
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "date": q.date, "certainty": q.certainty,
             "evidence": _evidence(q.evidence)}
            for q in ex.quotes
        ],
        "figures": [
            {"subject": f.subject, "value": f.value, "kind": f.kind, "qualifier": f.qualifier,
             "certainty": f.certainty, "evidence": _evidence(f.evidence)}
            for f in ex.figures
        ],
    }


# the contract key of each field of the records, where the two names differ
_RENAMED = {"source": "found_by"}


def _extra(obj, record: dict[str, Any]) -> None:
    """Add the fields of `obj` that the contract leaves out, under their own names (new fields too)."""
    for f in fields(obj):
        key = _RENAMED.get(f.name, f.name) if isinstance(obj, Actor) else f.name
        if key not in record and f.name not in ("mentions", "participants", "evidence"):
            value = getattr(obj, f.name)
            record[key] = list(value) if isinstance(value, tuple) else value


def to_record(ex: Extraction) -> dict[str, Any]:
    """The contract record plus every other field of the records (dates as written, ranges, places,
    the corpus line, an actor's parent...), so that `from_record` gives the extraction back whole:
    the shards' format."""
    record = to_contract(ex)
    _extra(ex.article, record["document"])
    for key, items in (("entities", ex.actors), ("relations", ex.relations), ("events", ex.events),
                       ("quotes", ex.quotes), ("figures", ex.figures)):
        for out, item in zip(record[key], items):
            _extra(item, out)
    return record


def _evidence_of(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(**e) for e in items]


def _known(cls, record: dict[str, Any], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields of `cls` that the record holds, under their field names."""
    out = {}
    for f in fields(cls):
        key = _RENAMED.get(f.name, f.name) if cls is Actor else f.name
        if key in record and f.name not in skip:
            out[f.name] = record[key]
    return out


def from_record(record: dict[str, Any]) -> Extraction:
    """The extraction a `to_record` dict was made from (raises KeyError or TypeError on another shape)."""
    d = record["document"]
    article = Article(**{**_known(Article, d, ("id",)), "metadata": dict(d.get("metadata") or {}),
                         "warnings": tuple(d["warnings"])})
    actors = [Actor(**{**_known(Actor, a, ("mentions",)), "aliases": list(a["aliases"]),
                       "mentions": [Span(m["start"], m["end"], m["text"]) for m in a["mentions"]]})
              for a in record["entities"]]
    relations = [Relation(**{**_known(Relation, r, ("evidence",)), "evidence": _evidence_of(r["evidence"])})
                 for r in record["relations"]]
    events = [Event(**{**_known(Event, e, ("participants", "evidence")),
                       "participants": [Participant(p["entity"], p["role"]) for p in e["participants"]],
                       "evidence": _evidence_of(e["evidence"])}) for e in record["events"]]
    quotes = [Quote(**{**_known(Quote, q, ("evidence",)), "evidence": _evidence_of(q["evidence"])})
              for q in record["quotes"]]
    figures = [Figure(**{**_known(Figure, f, ("evidence",)), "evidence": _evidence_of(f["evidence"])})
               for f in record["figures"]]
    return Extraction(article=article, actors=actors, relations=relations, events=events, quotes=quotes,
                      figures=figures, extractor=record["extractor"])
