"""The lists the pages show: actor search for type-ahead, an actor's page in bounded parts, articles."""
from __future__ import annotations

from .. import query
from ..names import fold
from ..store import Store

PER_PREDICATE = 25  # relations of one predicate on the actor page; more by /relations pages
PER_LIST = 100  # events, quotes, figures, timeline items on the actor page


def search_actors(store: Store, text: str, limit: int = 10, offset: int = 0) -> dict:
    """Actors whose name or alias contains the text; those starting with it, then the most cited, first.

    Article counts come from the store's per-actor summary (`actor_stats`), not from a count per keystroke.
    """
    key = fold(text)
    rows = store.rows("""
        WITH hits AS (
            SELECT actor_id, arg_max(name, starts_with(folded, ?)::INT * 1000 - length(name)) AS matched,
                   bool_or(starts_with(folded, ?)) AS prefix
            FROM actor_names WHERE contains(folded, ?) GROUP BY actor_id)
        SELECT a.id, a.name, a.type, a.wikidata, h.matched, h.prefix, coalesce(c.articles, 0) AS articles,
               count(*) OVER () AS total
        FROM hits h JOIN actors a ON a.id = h.actor_id LEFT JOIN actor_stats c ON c.actor_id = h.actor_id
        ORDER BY h.prefix DESC, articles DESC, a.name LIMIT ? OFFSET ?""", [key, key, key, limit, offset])
    return {"q": text, "offset": offset, "limit": limit, "total": rows[0][7] if rows else 0,
            "actors": [{"id": i, "name": n, "type": t, "wikidata": w, "matched": m if m != n else None,
                        "articles": c} for i, n, t, w, m, _p, c, _t in rows]}


def wikidata_url(qid: str | None) -> str | None:
    return f"https://www.wikidata.org/wiki/{qid}" if qid and qid[:1] == "Q" and qid[1:].isdigit() else None


def actor_page(store: Store, actor_id: str, *, include_rejected: bool = False) -> dict:
    """query.show for the actor (each edge with its review state), each list bounded and its full length given."""
    profile = query.show(store, actor_id, edges=PER_PREDICATE)
    profile["actor"]["wikidata_url"] = wikidata_url(profile["actor"].get("wikidata"))
    relations = {}
    for predicate, edges in profile["relations"].items():
        relations[predicate] = {"total": profile["relations_total"].get(predicate, len(edges)),
                                "edges": [_edge(e) for e in edges[:PER_PREDICATE]]}
    profile["relations"] = relations
    profile["rejected_edges"] = rejected_edges(store, actor_id) if include_rejected else []
    del profile["relations_total"]
    totals = profile.get("totals") or {}  # query.show may list only the latest items beside their totals
    for key in ("events", "quotes", "figures", "timeline", "resolution"):
        items = profile[key]
        profile[key] = items[:PER_LIST]
        profile[f"{key}_total"] = max(int(totals.get(key, 0)), len(items))
    return profile


def rejected_edges(store: Store, actor_id: str) -> list[dict]:
    """The actor's edges every statement of which was rejected (shown, marked, only with the filter)."""
    rows = store.rows("""
        SELECT r.relation_id, any_value(r.predicate), any_value(r.subject), any_value(r.object), count(*)
        FROM rejected_statements r WHERE (r.subject = ? OR r.object = ?)
          AND NOT EXISTS (SELECT 1 FROM relations x WHERE x.id = r.relation_id)
        GROUP BY r.relation_id ORDER BY 2, 1 LIMIT ?""", [actor_id, actor_id, PER_PREDICATE * 4])
    others = {i: (n, t) for i, n, t in store.rows("SELECT id, name, type FROM actors WHERE id IN (SELECT unnest(?))",
                                                  [[o if s == actor_id else s for _, _, s, o, _ in rows]])}
    out = []
    for rid, predicate, subject, object_, n in rows:
        other = object_ if subject == actor_id else subject
        name, type_ = others.get(other, (other, "unknown"))
        out.append({"relation": rid, "predicate": predicate, "direction": "out" if subject == actor_id else "in",
                    "other": {"id": other, "name": name, "type": type_}, "rejected": n, "review": "rejected"})
    return out


def _edge(e: dict) -> dict:
    """An edge for the page: its evidence is fetched when expanded, so only a count is sent here."""
    return {k: v for k, v in e.items() if k != "evidence"}


def actor_relations(store: Store, actor_id: str, predicate: str, offset: int = 0, limit: int = 50) -> dict:
    """One page of an actor's edges of one predicate."""
    edges = query.neighbors(store, actor_id, [predicate])["neighbors"]
    return {"actor": actor_id, "predicate": predicate, "total": len(edges), "offset": offset, "limit": limit,
            "edges": edges[offset:offset + limit]}


def articles_page(store: Store, text: str | None, offset: int = 0, limit: int = 25) -> dict:
    """Stored articles, newest first, optionally those whose title or source contains the text."""
    where, params = "", []
    if text:
        where, params = "WHERE title ILIKE '%' || ? || '%' OR source ILIKE '%' || ? || '%'", [text, text]
    total = store.value(f"SELECT count(*) FROM articles {where}", params)
    rows = store.rows(f"""SELECT id, source, title, published, length(text) FROM articles {where}
                          ORDER BY seq DESC LIMIT ? OFFSET ?""", params + [limit, offset])
    return {"total": total, "offset": offset, "limit": limit,
            "articles": [{"id": i, "source": s, "title": t, "published": p, "chars": n} for i, s, t, p, n in rows]}
