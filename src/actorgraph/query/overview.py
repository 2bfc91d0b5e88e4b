"""Questions about the whole store: full-text search and counts."""
from __future__ import annotations

from ..store import Store, failures


def search(store: Store, text: str, limit: int = 20, include_rejected: bool = False) -> dict:
    """Actors whose names contain the text, and sentences and quotes that do (statements reviewers rejected
    only with `include_rejected`, marked)."""
    from ..names import fold  # rigour: on use, not for `stats`
    store.require_articles()
    key = fold(text)
    actors = store.rows("""
        SELECT a.id, a.name, a.type, coalesce(any_value(st.articles), 0) AS n FROM actors a
        JOIN actor_names nm ON nm.actor_id = a.id LEFT JOIN actor_stats st ON st.actor_id = a.id
        WHERE contains(nm.folded, ?) GROUP BY a.id, a.name, a.type ORDER BY n DESC, a.name LIMIT ?""", [key, limit])
    found = ("(SELECT *, false AS rejected FROM statements UNION ALL BY NAME "
             "SELECT *, true AS rejected FROM rejected_statements)" if include_rejected else
             "(SELECT *, false AS rejected FROM statements)")
    sentences = store.rows(f"""
        SELECT s.sentence, s.predicate, sa.name, oa.name, s.certainty, a.source, s.rejected FROM {found} s
        JOIN articles a ON a.id = s.article_id JOIN actors sa ON sa.id = s.subject JOIN actors oa ON oa.id = s.object
        WHERE s.sentence ILIKE '%' || ? || '%' ORDER BY a.seq LIMIT ?""", [text, limit])
    quotes = store.rows("""
        SELECT q.text, sp.name, q.date, a.source FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN article_actors aa ON aa.article_id = q.article_id AND aa.local_id = q.speaker
        LEFT JOIN actors sp ON sp.id = aa.actor_id
        WHERE q.text ILIKE '%' || ? || '%' ORDER BY a.seq LIMIT ?""", [text, limit])
    return {
        "text": text,
        "actors": [{"id": i, "name": n, "type": t, "articles": c} for i, n, t, c in actors],
        "statements": [{"sentence": s, "predicate": p, "subject": sn, "object": on, "certainty": c, "source": src,
                        **({"rejected": True} if rejected else {})} for s, p, sn, on, c, src, rejected in sentences],
        "quotes": [{"text": t, "speaker": sp, "date": d, "source": src} for t, sp, d, src in quotes],
    }


def stats(store: Store, top: int = 10, include_rejected: bool = False) -> dict:
    """How much the store holds, the most connected and most cited actors, and the reviews.

    Statements a reviewer rejected are counted apart (`rejected_statements`), and in the
    statement and relation counts only with `include_rejected`. `precision` is measured per
    extractor and construction over the reviewed statements (store.review.precision).
    """
    from ..store.review import precision
    counts = {t: store.value(f"SELECT count(*) FROM {t}") for t in (
        "articles", "actors", "article_actors", "mentions", "relations", "statements", "events",
        "quotes", "figures", "failures", "decisions")}
    counts["rejected_statements"] = store.value("SELECT count(*) FROM rejected_statements")
    if include_rejected:
        counts["statements"] += counts["rejected_statements"]
        counts["relations"] = store.value("SELECT count(DISTINCT relation_id) FROM (SELECT relation_id FROM statements "
                                          "UNION ALL SELECT relation_id FROM rejected_statements)")
    counts["reviews"] = store.value("SELECT count(*) FROM reviews")
    counts["added_by_hand"] = store.value("SELECT count(*) FROM articles WHERE format = 'manual'")
    counts["contradicted_relations"] = store.value("SELECT count(*) FROM relations WHERE contradicted")
    by_type = dict(store.rows("SELECT type, count(*) FROM actors GROUP BY type ORDER BY 2 DESC"))
    connected = store.rows("""
        SELECT a.id, a.name, a.type, count(DISTINCT e.other) AS degree, sum(e.sources) FROM (
            SELECT subject AS id, object AS other, sources FROM relations
            UNION ALL SELECT object, subject, sources FROM relations) e
        JOIN actors a ON a.id = e.id GROUP BY ALL ORDER BY degree DESC, 5 DESC, a.name LIMIT ?""", [top])
    cited = store.rows("""
        SELECT a.id, a.name, a.type, st.articles AS n FROM actor_stats st
        JOIN actors a ON a.id = st.actor_id ORDER BY n DESC, a.name LIMIT ?""", [top])
    return {"store": store.path, "schema_version": store.version(), "counts": counts, "actors_by_type": by_type,
            "most_connected": [{"id": i, "name": n, "type": t, "neighbors": d, "statements": int(s or 0)}
                               for i, n, t, d, s in connected],
            "most_cited": [{"id": i, "name": n, "type": t, "articles": c} for i, n, t, c in cited],
            "failures": len(failures(store)), "include_rejected": include_rejected, "precision": precision(store)}
