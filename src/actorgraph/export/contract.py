"""The JSON record of one extraction, in the shape of shared/eval/CONTRACT.md.

The contract's keys are all present; actorgraph adds what it knows beyond them (mention
spans, registry and Wikidata ids, evidence offsets, extractor names).
"""
from __future__ import annotations

from dataclasses import asdict
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


def to_record(ex: Extraction) -> dict[str, Any]:
    """The contract record plus every field the store keeps (dates as written, ranges, places,
    corpus line), so that `from_record` gives back the extraction whole: the shards' format."""
    record = to_contract(ex)
    record["document"]["metadata"] = dict(ex.article.metadata)
    for out, e in zip(record["events"], ex.events):
        out["date_text"] = e.date_text
    for out, q in zip(record["quotes"], ex.quotes):
        out.update(date_text=q.date_text, medium=q.medium)
    for out, f in zip(record["figures"], ex.figures):
        out.update(value_max=f.value_max, place=f.place, date=f.date, date_text=f.date_text)
    return record


def _evidence_of(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(**e) for e in items]


def from_record(record: dict[str, Any]) -> Extraction:
    """The extraction a `to_record` dict was made from (raises KeyError or TypeError on another shape)."""
    d = record["document"]
    article = Article(text=d["text"], source=d["source"], title=d["title"], published=d["published"],
                      language=d["language"], url=d["url"], format=d["format"], encoding=d["encoding"],
                      metadata=dict(d.get("metadata") or {}), warnings=tuple(d["warnings"]))
    actors = [Actor(id=a["id"], name=a["name"], type=a["type"], aliases=list(a["aliases"]),
                    mentions=[Span(m["start"], m["end"], m["text"]) for m in a["mentions"]],
                    registry_id=a["registry_id"], wikidata=a["wikidata"], source=a["found_by"],
                    typed_by=a["typed_by"], type_confidence=a["type_confidence"])
              for a in record["entities"]]
    relations = [Relation(subject=r["subject"], predicate=r["predicate"], object=r["object"],
                          certainty=r["certainty"], evidence=_evidence_of(r["evidence"]), role=r["role"],
                          date=r["date"], attributed_to=r["attributed_to"]) for r in record["relations"]]
    events = [Event(type=e["type"], participants=[Participant(p["entity"], p["role"]) for p in e["participants"]],
                    evidence=_evidence_of(e["evidence"]), certainty=e["certainty"], date=e["date"],
                    place=e["place"], date_text=e.get("date_text")) for e in record["events"]]
    quotes = [Quote(speaker=q["speaker"], text=q["text"], evidence=_evidence_of(q["evidence"]), date=q["date"],
                    certainty=q["certainty"], date_text=q.get("date_text"), medium=q.get("medium"))
              for q in record["quotes"]]
    figures = [Figure(subject=f["subject"], value=f["value"], kind=f["kind"], evidence=_evidence_of(f["evidence"]),
                      qualifier=f["qualifier"], certainty=f["certainty"], value_max=f.get("value_max"),
                      place=f.get("place"), date=f.get("date"), date_text=f.get("date_text"))
               for f in record["figures"]]
    return Extraction(article=article, actors=actors, relations=relations, events=events, quotes=quotes,
                      figures=figures, extractor=record["extractor"])
