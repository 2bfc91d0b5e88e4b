"""The lists the pages show: actor search for type-ahead, an actor's page in bounded parts, articles."""
from __future__ import annotations

from .. import query
from ..names import fold
from ..store import Store
from ..store.database import in_list, literal

PER_PREDICATE = 25  # relations of one predicate on the actor page; more by /relations pages
PER_LIST = 100  # events, quotes, figures, timeline items on the actor page


def search_actors(store: Store, text: str, limit: int = 10, offset: int = 0) -> dict:
    """Actors with a name or alias a word of which starts with the text, those whose name starts with it
    and then the most cited first; when none does, those whose name contains it.

    The type-ahead reads one range of `actor_search` (keys sorted, one per word of each spelling,
    each with its actor's article count), not every name: milliseconds on a million articles,
    where the scan of every name for the text inside it takes a second or more.
    """
    key = "".join(ch for ch in fold(text) if ch >= " ")
    if key.strip():
        found = _by_word_start(store, key, limit, offset)
        if found[0]:
            return _found(text, offset, limit, *found)
    return _found(text, offset, limit, *_containing(store, key, limit, offset))


def _by_word_start(store: Store, key: str, limit: int, offset: int) -> tuple[int, list[tuple]]:
    """(total, rows) of the actors a key of which starts with `key` (literal bounds: the range is then
    known when DuckDB plans the scan, and it skips the row groups outside it)."""
    hits = store.rows(f"""
        WITH hits AS (
            SELECT actor_id, bool_or(whole) AS prefix, max(articles) AS articles,
                   arg_min(name, (NOT whole)::INT * 1000 + length(name)) AS matched
            FROM actor_search WHERE key >= {literal(key)} AND key < {literal(key + chr(0x10FFFF))} GROUP BY actor_id)
        SELECT actor_id, matched, articles, count(*) OVER () FROM hits
        ORDER BY prefix DESC, articles DESC, matched, actor_id LIMIT ? OFFSET ?""", [limit, offset])
    if not hits:
        return 0, []
    actors = {i: (n, t, w) for i, n, t, w in store.rows(
        f"SELECT id, name, type, wikidata FROM actors WHERE id IN {in_list([h[0] for h in hits])}")}
    return hits[0][3], [(i, *actors[i], m, c) for i, m, c, _ in hits if i in actors]


def _containing(store: Store, key: str, limit: int, offset: int) -> tuple[int, list[tuple]]:
    """(total, rows) of the actors a name of which contains `key` anywhere: a scan of every name."""
    rows = store.rows("""
        WITH hits AS (
            SELECT actor_id, arg_max(name, starts_with(folded, ?)::INT * 1000 - length(name)) AS matched,
                   bool_or(starts_with(folded, ?)) AS prefix
            FROM actor_names WHERE contains(folded, ?) GROUP BY actor_id)
        SELECT a.id, a.name, a.type, a.wikidata, h.matched, coalesce(c.articles, 0) AS articles,
               count(*) OVER () AS total
        FROM hits h JOIN actors a ON a.id = h.actor_id LEFT JOIN actor_stats c ON c.actor_id = h.actor_id
        ORDER BY h.prefix DESC, articles DESC, a.name LIMIT ? OFFSET ?""", [key, key, key, limit, offset])
    return (rows[0][6] if rows else 0), [r[:6] for r in rows]


def _found(text: str, offset: int, limit: int, total: int, rows: list[tuple]) -> dict:
    return {"q": text, "offset": offset, "limit": limit, "total": total,
            "actors": [{"id": i, "name": n, "type": t, "wikidata": w, "matched": m if m != n else None,
                        "articles": c} for i, n, t, w, m, c in rows]}


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
    rows = store.rows(f"""SELECT id, source, title, published, length(text), format FROM articles {where}
                          ORDER BY seq DESC LIMIT ? OFFSET ?""", params + [limit, offset])
    return {"total": total, "offset": offset, "limit": limit,
            "articles": [{"id": i, "source": s, "title": t, "published": p, "chars": n, "by_hand": f == "manual"}
                         for i, s, t, p, n, f in rows]}
