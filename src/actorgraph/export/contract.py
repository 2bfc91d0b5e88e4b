"""The JSON record of one extraction, in the shape of shared/eval/CONTRACT.md.

The contract's keys are all present; actorgraph adds what it knows beyond them (mention
spans, registry and Wikidata ids, evidence offsets, extractor names).
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Evidence, Extraction


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
