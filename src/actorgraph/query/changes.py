"""What changed: new actors, new edges, first independent confirmations, new contradictions, new events.

"New" means stated by an article ingested at or after `since` (a date), or by the last ingest
run when no date is given. Each change carries its evidence: the article, its source, the
sentence and where it is, and the web page that shows it (`/article/<id>?at=start-end`).
With `watched`, only the changes that involve an actor of the watch list.
"""
from __future__ import annotations

from datetime import datetime

from ..errors import FilterError
from ..store import Store
from ..store.watch import last_run, watched_ids

KINDS = ("new_actor", "new_edge", "confirmed", "contradicted", "new_event")
LIMIT = 500  # changes of each kind


def _since(store: Store, since: str | None) -> tuple[datetime | None, str]:
    if since:
        try:
            return datetime.fromisoformat(since if len(since) > 7 else f"{since}-01" if len(since) == 7 else
                                          f"{since}-01-01"), since
        except ValueError as exc:
            raise FilterError(f"--since {since!r}: give a date YYYY, YYYY-MM, YYYY-MM-DD or a time") from exc
    run = last_run(store)
    if run is None:
        return None, "the beginning (no ingest run recorded)"
    return run["started_at"], f"the last run ({run['command']}, started {run['started_at']:%Y-%m-%d %H:%M:%S})"


def _evidence(article: str, source: str, title: str | None, sentence: str | None, start: int | None,
              end: int | None) -> dict:
    at = f"?at={start}-{end}" if start is not None and end is not None else ""
    return {"article": article, "source": source, "title": title, "sentence": sentence, "sent_start": start,
            "sent_end": end, "page": f"/article/{article}{at}"}


def changes(store: Store, since: str | None = None, watched: bool = False, limit: int = LIMIT) -> dict:
    """The changes since a date (or the last ingest run), each with its evidence; only watched actors' if asked."""
    start, described = _since(store, since)
    first_seq = store.value("SELECT min(seq) FROM articles WHERE ? IS NULL OR ingested_at >= ?", [start, start])
    watch = watched_ids(store) if watched else None
    out = {"since": described, "watched": sorted(watch) if watch is not None else None,
           "articles": 0, **{k: [] for k in KINDS}}
    if first_seq is None or (watch is not None and not watch):
        return out
    out["articles"] = store.value("SELECT count(*) FROM articles WHERE seq >= ?", [first_seq])
    names = dict(store.rows("SELECT id, name FROM actors"))
    # The watch list filters in SQL, before each LIMIT: filtered after it, the watched actors' changes
    # beyond the first `limit` of everyone's were lost. NULL: everyone.
    watching = sorted(watch) if watch is not None else None

    # new actors: created by a new article; the evidence is their first mention
    for actor_id, name, type_, article, source, title, text, m_start, m_end in store.rows("""
            SELECT a.id, a.name, a.type, ar.id, ar.source, ar.title, ar.text, m.char_start, m.char_end
            FROM actors a JOIN article_actors aa ON aa.actor_id = a.id JOIN articles ar ON ar.id = aa.article_id
            LEFT JOIN mentions m ON m.article_id = aa.article_id AND m.local_id = aa.local_id
            WHERE (? IS NULL OR a.created_at >= ?) AND ar.seq >= ?
              AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], a.id))
            QUALIFY row_number() OVER (PARTITION BY a.id ORDER BY ar.seq, m.char_start NULLS LAST) = 1
            ORDER BY ar.seq, a.name LIMIT ?""", [start, start, first_seq, watching, watching, limit]):
        s, e = _sentence_around(text or "", m_start, m_end)
        out["new_actor"].append({"what": f"new {type_}: {name}", "actors": [{"id": actor_id, "name": name}],
                                 "evidence": _evidence(article, source, title, (text or "")[s:e] or None, s, e)})

    # edges: first statement ever in a new article; stated (asserted or reported) by one story before and by more
    # now: its first independent confirmation; or contradicted only now
    rows = store.rows("""
        WITH st AS (
            SELECT s.relation_id, s.subject, s.predicate, s.object, s.certainty, s.sentence, s.sent_start, s.sent_end,
                   a.id AS article, a.source, a.title, a.seq, coalesce(t.story_id, a.id) AS story
            FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN article_stories t ON t.article_id = a.id
            WHERE s.relation_id IN (SELECT DISTINCT relation_id FROM statements s2 JOIN articles a2 ON a2.id = s2.article_id
                                    WHERE a2.seq >= ?)
              AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], s.subject) OR list_contains(?::VARCHAR[], s.object)))
        SELECT relation_id, any_value(subject), any_value(predicate), any_value(object),
               min(seq) >= ? AS new_edge,
               count(DISTINCT story) FILTER (WHERE seq < ? AND certainty IN ('asserted', 'reported')) AS stories_before,
               count(DISTINCT story) FILTER (WHERE certainty IN ('asserted', 'reported')) AS stories_now,
               bool_or(certainty = 'negated' AND seq < ?) AND bool_or(certainty <> 'negated' AND certainty <> 'uncertain'
                   AND seq < ?) AS contradicted_before,
               bool_or(certainty = 'negated') AND bool_or(certainty IN ('asserted', 'reported')) AS contradicted_now,
               arg_min([article, source, title, sentence, sent_start::VARCHAR, sent_end::VARCHAR], seq)
                   FILTER (WHERE seq >= ?) AS first_new,
               arg_min([article, source, title, sentence, sent_start::VARCHAR, sent_end::VARCHAR], seq)
                   FILTER (WHERE seq >= ? AND certainty = 'negated') AS first_new_denial,
               arg_min([article, source, title, sentence, sent_start::VARCHAR, sent_end::VARCHAR], seq)
                   FILTER (WHERE seq >= ? AND certainty IN ('asserted', 'reported')) AS first_new_statement
        FROM st GROUP BY relation_id ORDER BY min(seq), relation_id""", [first_seq, watching, watching, watching]
                      + [first_seq] * 7)
    for (rid, subject, predicate, object_, new_edge, before, now, was_contradicted, is_contradicted,
         first_new, new_denial, new_statement) in rows:
        actors = [{"id": subject, "name": names.get(subject)}, {"id": object_, "name": names.get(object_)}]
        what = f"{names.get(subject)} {predicate} {names.get(object_)}"
        base = {"relation": rid, "predicate": predicate, "actors": actors, "stories": now}
        if new_edge and len(out["new_edge"]) < limit:
            out["new_edge"].append({**base, "what": f"new edge: {what}", "evidence": _ev(first_new)})
        if before == 1 and now >= 2 and len(out["confirmed"]) < limit:
            out["confirmed"].append({**base, "what": f"first independent confirmation: {what} ({now} independent "
                                                     f"sources)", "evidence": _ev(new_statement or first_new)})
        if is_contradicted and not was_contradicted and len(out["contradicted"]) < limit:
            out["contradicted"].append({**base, "what": f"newly contradicted: {what}",
                                        "evidence": _ev(new_denial or new_statement or first_new)})

    for event_id, type_, date, article, source, title, sentence, s, e, actor_ids in store.rows("""
            SELECT ev.id, ev.type, coalesce(ev.date, a.published), a.id, a.source, a.title, ev.sentence, ev.sent_start,
                   ev.sent_end, list(DISTINCT aa.actor_id) FILTER (WHERE aa.actor_id IS NOT NULL)
            FROM events ev JOIN articles a ON a.id = ev.article_id
            LEFT JOIN event_participants p ON p.event_id = ev.id
            LEFT JOIN article_actors aa ON aa.article_id = p.article_id AND aa.local_id = p.local_id
            WHERE a.seq >= ?
            GROUP BY ev.id, ev.type, ev.date, a.published, a.id, a.source, a.title, ev.sentence, ev.sent_start,
                     ev.sent_end, a.seq
            HAVING ?::VARCHAR[] IS NULL OR bool_or(list_contains(?::VARCHAR[], aa.actor_id))
            ORDER BY a.seq, ev.sent_start LIMIT ?""", [first_seq, watching, watching, limit]):
        actor_ids = list(actor_ids or [])
        who = ", ".join(names.get(a, a) for a in actor_ids)
        out["new_event"].append({"what": f"new event: {type_}{f' ({who})' if who else ''}", "type": type_,
                                 "date": date, "actors": [{"id": a, "name": names.get(a)} for a in actor_ids],
                                 "evidence": _evidence(article, source, title, sentence, s, e)})
    return out


def _ev(row: list | None) -> dict | None:
    if not row:
        return None
    article, source, title, sentence, start, end = row
    return _evidence(article, source, title, sentence, int(start) if start else None, int(end) if end else None)


def _sentence_around(text: str, start: int | None, end: int | None) -> tuple[int, int]:
    """The bounds of the sentence (between full stops or line breaks) around a span."""
    if start is None or end is None:
        return 0, min(len(text), 200)
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_dot, right_nl = text.find(". ", end), text.find("\n", end)
    right = min(x for x in (right_dot + 1 if right_dot >= 0 else len(text), right_nl if right_nl >= 0 else len(text)))
    return (left + 2 if left >= 0 and text[left] == "." else left + 1), right
