"""Text with its extractions marked: evidence sentences of an edge, and whole articles.

Marks are character spans with a kind (actor, subject, object, cue, quote, figure); `segments`
cuts a text at every mark boundary so that the page can wrap each piece in elements built
with textContent, never by parsing markup out of article text.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..store import Store

EVIDENCE_PAGE = 20  # statements per page of an edge's evidence


def segments(text: str, marks: list[dict]) -> list[dict]:
    """The text cut at every mark boundary; each piece lists the marks covering it (in `marks` order)."""
    cuts = {0, len(text)}
    for m in marks:
        m["start"], m["end"] = max(0, min(m["start"], len(text))), max(0, min(m["end"], len(text)))
        cuts.update((m["start"], m["end"]))
    points = sorted(cuts)
    covering: list[list[int]] = [[] for _ in points]
    for i, m in enumerate(marks):
        for k in range(bisect_left(points, m["start"]), bisect_left(points, m["end"])):
            covering[k].append(i)
    return [{"text": text[a:b], "marks": covering[k]} for k, (a, b) in enumerate(zip(points, points[1:]))]


def _figure_span(sentence: str, value: float | None) -> tuple[int, int] | None:
    """Where the figure's number is written in its sentence ("1,500", "1500", "1.5"), if found."""
    if value is None:
        return None
    whole = int(value)
    forms = [f"{whole:,}", str(whole)] if value == whole else [f"{value:g}"]
    for form in forms:
        m = re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d])", sentence)
        if m:
            return m.start(), m.end()
    return None


def relation_evidence(store: Store, relation_id: str, offset: int = 0, limit: int = EVIDENCE_PAGE) -> dict:
    """One page of an edge's statements, each sentence with subject, object and cue marked."""
    head = store.rows("""SELECT r.id, r.predicate, s.id, s.name, s.type, o.id, o.name, o.type, r.statements, r.sources
        FROM relations r JOIN actors s ON s.id = r.subject JOIN actors o ON o.id = r.object WHERE r.id = ?""",
                      [relation_id])
    if not head:
        return {}
    rid, predicate, sid, sname, stype, oid, oname, otype, total, sources = head[0]
    stories = store.value("SELECT stories FROM relation_stories WHERE relation_id = ?", [relation_id]) or sources
    rows = store.rows("""
        SELECT s.id, s.article_id, a.source, a.title, coalesce(s.date, a.published), s.certainty, s.role,
               s.attributed_to, s.extractor, s.sentence, s.sent_start, s.cue_start, s.cue_end,
               s.local_subject, s.local_object, coalesce(st.story_id, s.article_id),
               (SELECT count(DISTINCT s2.article_id) FROM statements s2 JOIN article_stories t2 ON t2.article_id = s2.article_id
                WHERE s2.relation_id = s.relation_id AND t2.story_id = st.story_id) AS copies
        FROM statements s JOIN articles a ON a.id = s.article_id
        LEFT JOIN article_stories st ON st.article_id = s.article_id WHERE s.relation_id = ?
        ORDER BY coalesce(s.date, a.published) NULLS LAST, a.seq, s.sent_start LIMIT ? OFFSET ?""",
                      [relation_id, limit, offset])
    spans = _mention_spans(store, [(r[1], r[13]) for r in rows] + [(r[1], r[14]) for r in rows])
    items = []
    for (sid_, article_id, source, title, date, certainty, role, attributed, extractor, sentence, start,
         cue_start, cue_end, local_subject, local_object, story, copies) in rows:
        start = start or 0
        end = start + len(sentence)
        marks = []
        for kind, local in (("subject", local_subject), ("object", local_object)):
            for a, b in spans.get((article_id, local), []):
                if start <= a and b <= end:
                    marks.append({"kind": kind, "start": a - start, "end": b - start})
        if cue_start is not None and cue_end is not None and start <= cue_start < cue_end <= end:
            marks.append({"kind": "cue", "start": cue_start - start, "end": cue_end - start})
        items.append({"statement": sid_, "article": article_id, "sent_start": start, "sent_end": end,
                      "source": source, "title": title, "date": date,
                      "certainty": certainty, "role": role, "attributed_to": attributed, "extractor": extractor,
                      "sentence": sentence, "segments": segments(sentence, marks), "marks": marks,
                      "story": story, "story_articles": copies or 1})
    return {"relation": rid, "predicate": predicate,
            "subject": {"id": sid, "name": sname, "type": stype}, "object": {"id": oid, "name": oname, "type": otype},
            "statements": total, "stories": stories, "sources": sources, "offset": offset, "limit": limit, "evidence": items}


def _mention_spans(store: Store, refs: list[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    wanted = set(refs)
    out: dict[tuple[str, str], list[tuple[int, int]]] = {}
    if not wanted:
        return out
    for article_id, local_id, a, b in store.rows(  # by article (indexed), then the actors wanted
            """SELECT article_id, local_id, char_start, char_end FROM mentions
               WHERE article_id IN (SELECT unnest(?)) AND local_id IN (SELECT unnest(?))""",
            [sorted({a for a, _ in wanted}), sorted({l for _, l in wanted})]):
        if (article_id, local_id) in wanted:
            out.setdefault((article_id, local_id), []).append((a, b))
    return out


def article_view(store: Store, article_id: str) -> dict:
    """An article's clean text cut into segments, with every actor mention, cue, quote and figure marked."""
    head = store.rows("SELECT id, source, title, published, url, language, text, warnings, format FROM articles "
                      "WHERE id = ?", [article_id])
    if not head:
        return {}
    _, source, title, published, url, language, text, warnings, fmt = head[0]
    text = text or ""
    marks: list[dict] = []
    for local, a, b, actor_id, name, type_ in store.rows("""
            SELECT m.local_id, m.char_start, m.char_end, g.id, g.name, g.type FROM mentions m
            JOIN article_actors aa ON aa.article_id = m.article_id AND aa.local_id = m.local_id
            JOIN actors g ON g.id = aa.actor_id WHERE m.article_id = ? ORDER BY m.char_start""", [article_id]):
        marks.append({"kind": "actor", "start": a, "end": b, "actor": {"id": actor_id, "name": name, "type": type_}})
    for predicate, certainty, a, b, sname, oname, rid in store.rows("""
            SELECT s.predicate, s.certainty, s.cue_start, s.cue_end, sa.name, oa.name, s.relation_id
            FROM statements s JOIN actors sa ON sa.id = s.subject JOIN actors oa ON oa.id = s.object
            WHERE s.article_id = ? AND s.cue_start IS NOT NULL ORDER BY s.cue_start""", [article_id]):
        marks.append({"kind": "cue", "start": a, "end": b, "predicate": predicate, "certainty": certainty,
                      "relation": rid, "label": f"{sname} {predicate} {oname} ({certainty})"})
    quotes = []
    for qtext, speaker, certainty, sentence, start in store.rows("""
            SELECT q.text, sp.name, q.certainty, q.sentence, q.sent_start FROM quotes q
            LEFT JOIN article_actors aa ON aa.article_id = q.article_id AND aa.local_id = q.speaker
            LEFT JOIN actors sp ON sp.id = aa.actor_id WHERE q.article_id = ? ORDER BY q.sent_start""", [article_id]):
        at = text.find(qtext, start or 0) if qtext else -1
        if at >= 0:
            marks.append({"kind": "quote", "start": at, "end": at + len(qtext), "speaker": speaker,
                          "label": f"quote by {speaker or 'unknown speaker'} ({certainty})"})
        quotes.append({"text": qtext, "speaker": speaker, "certainty": certainty})
    figures = []
    for kind, value, value_max, qualifier, certainty, sentence, start in store.rows("""
            SELECT kind, value, value_max, qualifier, certainty, sentence, sent_start FROM figures
            WHERE article_id = ? ORDER BY sent_start""", [article_id]):
        span = _figure_span(sentence or "", value)
        if span and start is not None:
            marks.append({"kind": "figure", "start": start + span[0], "end": start + span[1],
                          "label": f"{kind} {qualifier or ''} {value:g}".replace("  ", " ")})
        figures.append({"kind": kind, "value": value, "value_max": value_max, "qualifier": qualifier,
                        "certainty": certainty})
    counts = {k: sum(1 for m in marks if m["kind"] == k) for k in ("actor", "cue", "quote", "figure")}
    return {"id": article_id, "source": source, "title": title, "published": published, "url": url,
            "language": language, "warnings": list(warnings or []), "marks": marks, "counts": counts, "quotes": quotes, "figures": figures,
            "segments": segments(text, marks), "by_hand": fmt == "manual",
            "added": added_from(store, article_id) if fmt == "manual" else None}


def added_from(store: Store, article_id: str) -> dict:
    """What reviewers added by hand from a source of their own: its events (with participants) and actors."""
    events = []
    for event_id, type_, date, sentence, place in store.rows("""
            SELECT e.id, e.type, e.date, e.sentence, pa.name FROM events e
            LEFT JOIN article_actors pl ON pl.article_id = e.article_id AND pl.local_id = e.place
            LEFT JOIN actors pa ON pa.id = pl.actor_id WHERE e.article_id = ? ORDER BY e.id""", [article_id]):
        who = [{"id": i, "name": n, "role": r} for i, n, r in store.rows("""
            SELECT g.id, g.name, p.role FROM event_participants p
            JOIN article_actors aa ON aa.article_id = p.article_id AND aa.local_id = p.local_id
            JOIN actors g ON g.id = aa.actor_id WHERE p.event_id = ? ORDER BY g.name""", [event_id])]
        events.append({"id": event_id, "type": type_, "date": date, "note": sentence, "place": place,
                       "participants": who})
    actors = [{"id": i, "name": n, "type": t} for i, n, t in store.rows("""
        SELECT g.id, g.name, g.type FROM reviews r JOIN actors g ON g.id = r.target_id
        WHERE r.kind = 'add-actor' AND r.undone_by IS NULL AND json_extract_string(r.after, '$.article') = ?
        ORDER BY g.name""", [article_id])]
    return {"events": events, "actors": actors}
