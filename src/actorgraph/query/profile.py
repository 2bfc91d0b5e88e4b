"""Questions about one actor: its profile, neighbours, places, timeline; and about one edge."""
from __future__ import annotations

from collections import defaultdict

from ..store import Store, relation_id
from ..store.database import in_list, literal
from ..store.review import edge_states
from .filters import REJECTED_TOO, statement_filters
from ..store.stories import story_counts
from ..store.summaries import FIRSTS_ORDER, FIRSTS_PER_EDGE
from .lookup import ActorRef, find_actor
from .places import named_with

SYMMETRIC = frozenset({"met_with", "allied_with", "associated_with"})
PLACE_PREDICATES = ("operates_in", "based_in", "targeted")
EVIDENCE_PER_EDGE = 3  # sentences shown per edge in a profile, each way (`evidence` shows all)
SHOW_ITEMS = 20  # latest events, quotes and figures listed in a profile
TIMELINE_ITEMS = 200  # latest items of a timeline
SHOW_EDGES = 50  # strongest relations of each predicate in a profile (a hub has tens of thousands)


def _edges(store: Store, actor_id: str, predicates: list[str] | None = None, per_predicate: int | None = None,
           contradicted: bool = False) -> tuple[list[dict], dict[str, int]]:
    """The actor's edges both ways, each with the actor at the other end; and the count per predicate.

    With `per_predicate`, the strongest that many of each predicate (a hub has tens of
    thousands): the cut is made in SQL by independent stories, sources and statements, and
    only the edges kept are looked up further. `contradicted`: only edges some statements
    state and others deny. The edges are read by the relations' subject
    and object indexes, one lookup each (an OR of the two reads the whole table), and the other
    actors looked up by id: joining the actors table costs more than both.
    """
    pred = (" AND list_contains(?, predicate)" if predicates else "") + (" AND contradicted" if contradicted else "")
    params = [predicates] if predicates else []
    me = literal(actor_id)
    rows = store.rows(f"""
        SELECT 'out' AS direction, * FROM relations WHERE subject = {me}{pred}
        UNION ALL SELECT 'in', * FROM relations WHERE object = {me}{pred}""", params * 2)
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        totals[r[3]] += 1
    stories = _stories(store, [r[1] for r in rows if r[6] > 1])  # one source is one story
    if per_predicate is not None and any(n > per_predicate for n in totals.values()):
        def strength(r: tuple) -> tuple:
            return (-stories.get(r[1], r[6]), -r[6], -r[5], r[1], r[0])
        kept: dict[str, list[tuple]] = defaultdict(list)
        for r in sorted(rows, key=strength):
            if len(kept[r[3]]) < per_predicate:
                kept[r[3]].append(r)
        rows = [r for group in kept.values() for r in group]
    others = _lookup(store, "actors", "name, type", sorted({r[4] if r[0] == "out" else r[2] for r in rows}))
    reviews = edge_states(store, sorted({r[1] for r in rows}))
    out = []
    for (direction, rid, subject, predicate, object_, n, sources, first, last, asserted, reported, uncertain,
         negated, contradicted) in rows:
        stories_n = stories.get(rid, sources)
        oid = object_ if direction == "out" else subject
        if oid not in others:  # as the join did: an edge to an actor that is gone is not listed
            continue
        oname, otype = others[oid]
        out.append({"relation": rid, "direction": direction, "predicate": predicate,
                    "other": {"id": oid, "name": oname, "type": otype}, "statements": n,
                    "stories": stories_n, "sources": sources,
                    "first_date": first, "last_date": last,
                    "certainty": {"asserted": asserted, "reported": reported, "uncertain": uncertain,
                                  "negated": negated}, "contradicted": contradicted, "review": reviews[rid]})
    out.sort(key=lambda e: (-e["stories"], -e["sources"], -e["statements"], e["other"]["name"], e["direction"],
                            e["relation"]))
    return out, dict(totals)


def _stories(store: Store, relation_ids: list[str]) -> dict[str, int]:
    """Independent stories per edge: index lookups of a literal list, or for a hub's thousands one scan."""
    if len(relation_ids) > 1000:
        return story_counts(store, relation_ids)
    return dict(store.rows(f"SELECT relation_id, stories FROM relation_stories WHERE relation_id IN {in_list(relation_ids)}"))


def statements(store: Store, relation_ids: list[str], per_edge: int | None = None,
               include_rejected: bool = False) -> dict[str, list[dict]]:
    """The evidence of these edges: source, sentence, offsets, certainty, date, extractor, statement id, review.

    With `per_edge`, the earliest that many statements that state the edge and as many that
    deny it, so a contradiction is always visible; up to `FIRSTS_PER_EDGE` they are read from
    the edges' summary (relation_firsts), a few rows per edge whatever its size. Statements a
    reviewer rejected come only with `include_rejected`, marked `"review": "rejected"`.
    """
    if not relation_ids:
        return {}
    if per_edge is not None and per_edge <= FIRSTS_PER_EDGE and not include_rejected:
        found = store.rows(f"""
            SELECT relation_id, article_id, sentence, sent_start, sent_end, certainty, date, role, extractor,
                   statement_id FROM relation_firsts WHERE relation_id IN {in_list(relation_ids)}
            QUALIFY row_number() OVER (PARTITION BY relation_id, negated ORDER BY {FIRSTS_ORDER}) <= {int(per_edge)}""")
        states = dict(store.rows(f"SELECT statement_id, state FROM statement_reviews "
                                 f"WHERE statement_id IN {in_list([r[9] for r in found])}")) if found else {}
        found = [(*r, states.get(r[9], "unreviewed")) for r in found]
    else:
        limit = ("QUALIFY row_number() OVER (PARTITION BY s.relation_id, s.certainty = 'negated' "
                 f"ORDER BY s.date NULLS LAST, s.article_id) <= {int(per_edge)}") if per_edge else ""
        table = REJECTED_TOO if include_rejected else "(SELECT *, false AS rejected FROM statements)"
        found = store.rows(f"""
            SELECT s.relation_id, s.article_id, s.sentence, s.sent_start, s.sent_end, s.certainty, s.date, s.role,
                   s.extractor, s.id, CASE WHEN s.rejected THEN 'rejected' ELSE coalesce(v.state, 'unreviewed') END
            FROM {table} s LEFT JOIN statement_reviews v ON v.statement_id = s.id
            WHERE s.relation_id IN {in_list(relation_ids)} {limit}""")
    articles = _lookup(store, "articles", "source, title, seq, format", sorted({r[1] for r in found}))
    stories = dict(store.rows(f"SELECT article_id, story_id FROM article_stories "
                              f"WHERE article_id IN {in_list(sorted({r[1] for r in found}))}"))
    found.sort(key=lambda r: (r[0], r[6] is None, r[6] or "", articles[r[1]][2], r[3] if r[3] is not None else -1,
                              r[9]))
    out: dict[str, list[dict]] = defaultdict(list)
    seen: dict[str, dict[str, str]] = defaultdict(dict)
    for rid, article_id, sentence, start, end, certainty, date, role, extractor, sid, review in found:
        source, title, _, fmt = articles[article_id]
        story = stories.get(article_id, article_id)
        first = seen[rid].setdefault(story, source)  # the earliest statement of its story for this edge
        out[rid].append({"source": source, "title": title, "sentence": sentence, "start": start, "end": end,
                         "certainty": certainty, "date": date, "role": role, "extractor": extractor,
                         "article": article_id, "story": story, "copy_of": first if first != source else None,
                         "statement": sid, "review": review, "by_hand": fmt == "manual"})
    return out


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit is not None else ""


def _items(store: Store, actor_id: str, limit: int | None) -> dict[str, list[tuple]]:
    """The actor's latest `limit` items of each kind, from its summary: kind -> (item id, role, date, seq, place id)."""
    order = "date DESC NULLS LAST, seq DESC, item_id"  # the item id breaks ties: the same profile every time
    cut = f"QUALIFY row_number() OVER (PARTITION BY kind ORDER BY {order}) <= {int(limit)}" if limit is not None else ""
    out: dict[str, list[tuple]] = {"event": [], "quote": [], "figure": []}
    for kind, *row in store.rows(f"""SELECT kind, item_id, role, date, seq, place_id FROM actor_items
                                     WHERE actor_id = {literal(actor_id)} {cut} ORDER BY {order}"""):
        out[kind].append(tuple(row))
    return out


def _lookup(store: Store, table: str, columns: str, ids: list[str]) -> dict[str, tuple]:
    """Rows of `table` by id (index lookups): id -> the columns asked for."""
    if not ids:
        return {}
    return {r[0]: r[1:] for r in store.rows(f"SELECT id, {columns} FROM {table} WHERE id IN {in_list(ids)}")}


def _detail(store: Store, table: str, columns: str, keys: tuple[str, ...], items: list[tuple]) -> list[dict]:
    """The items' rows, with their article's source and their place's name; oldest first."""
    rows = _lookup(store, table, columns + ", article_id", [i[0] for i in items])
    sources = _lookup(store, "articles", "source, format", sorted({r[-1] for r in rows.values()}))
    places = _lookup(store, "actors", "name", sorted({i[4] for i in items if i[4]}))
    out = []
    for item_id, role, _date, _seq, place_id in items:
        if item_id not in rows:
            continue
        values = dict(zip(keys, rows[item_id][:-1]))
        values.update({"role": role, "place": places.get(place_id, (None,))[0] if place_id else None,
                       "source": sources.get(rows[item_id][-1], (None,))[0],
                       # from a source a reviewer added by hand (store.manual), not extracted
                       "by_hand": sources.get(rows[item_id][-1], (None, None))[1] == "manual"})
        out.append(values)
    return out[::-1]


def _events(store: Store, items: dict[str, list[tuple]]) -> list[dict]:
    """The events among the actor's items, oldest first."""
    keys = ("type", "date", "date_text", "certainty", "sentence")
    found = _detail(store, "events", ", ".join(keys), keys, items["event"])
    order = ("type", "date", "date_text", "role", "certainty", "place", "sentence", "source", "by_hand")
    return [{k: e[k] for k in order} for e in found]


def _quotes(store: Store, items: dict[str, list[tuple]]) -> list[dict]:
    keys = ("text", "date", "medium", "certainty", "sentence")
    found = _detail(store, "quotes", ", ".join(keys), keys, items["quote"])
    return [{k: q[k] for k in (*keys, "source")} for q in found]


def _figures(store: Store, items: dict[str, list[tuple]]) -> list[dict]:
    keys = ("kind", "value", "value_max", "qualifier", "certainty", "date", "sentence")
    found = _detail(store, "figures", ", ".join(keys), keys, items["figure"])
    order = ("kind", "value", "value_max", "qualifier", "certainty", "date", "place", "sentence", "source")
    return [{k: f[k] for k in order} for f in found]


def _stats(store: Store, actor_id: str) -> tuple:
    """(articles, first published, last published, events, quotes, figures) from the actor's summary."""
    rows = store.rows(f"""SELECT articles, first_published, last_published, events, quotes, figures
                         FROM actor_stats WHERE actor_id = {literal(actor_id)}""")
    return rows[0] if rows else (0, None, None, 0, 0, 0)


def _totals(stats: tuple) -> dict[str, int]:
    return {"events": stats[3], "quotes": stats[4], "figures": stats[5]}


def _timeline(actor: ActorRef, edges: list[dict], evidence: dict[str, list[dict]], events: list[dict],
              quotes: list[dict], figures: list[dict], limit: int | None = None) -> list[dict]:
    """Relations (a few statements per edge), events, quotes and figures in date order; the latest `limit`."""
    items = []
    for e in edges:
        what = (f"{e['predicate']} {e['other']['name']}" if e["direction"] == "out"
                else f"{e['other']['name']} {e['predicate']} {actor.name}")
        for s in evidence.get(e["relation"], []):
            items.append({"date": s["date"], "kind": "relation", "what": what, "certainty": s["certainty"],
                          "source": s["source"], "sentence": s["sentence"],
                          **({"by_hand": True} if s.get("by_hand") else {})})
    items += [{"date": e["date"], "kind": "event", "what": f"{e['type']} ({e['role']})",
               "certainty": e["certainty"], "source": e["source"], "sentence": e["sentence"],
               **({"by_hand": True} if e.get("by_hand") else {})} for e in events]
    items += [{"date": q["date"], "kind": "quote", "what": q["text"], "certainty": q["certainty"],
               "source": q["source"], "sentence": q["sentence"]} for q in quotes]
    items += [{"date": f["date"], "kind": "figure", "what": f"{f['kind']} {f['value']:g}",
               "certainty": f["certainty"], "source": f["source"], "sentence": f["sentence"]} for f in figures]
    dated = sorted((i for i in items if i["date"]), key=lambda i: i["date"])
    undated = [i for i in items if not i["date"]]
    if limit is not None:
        dated = dated[-limit:]
        undated = undated[:max(0, limit - len(dated))]
    return dated + undated


def added_by_hand(store: Store, actor_id: str) -> bool:
    """True when a reviewer added this actor by hand (`actorgraph add actor`) and it was not undone."""
    return bool(store.value(f"SELECT count(*) FROM reviews WHERE target_id = {literal(actor_id)} "
                            "AND kind = 'add-actor' AND undone_by IS NULL"))


def typing(store: Store, actor_id: str, type_: str) -> dict:
    """How sure the node's type is: the surest of its per-article actors of that type, and what typed it.

    None when no per-article actor has the type (set by hand, or stored before types had a confidence).
    """
    rows = store.rows(f"""SELECT type_confidence, typed_by FROM article_actors
                          WHERE actor_id = {literal(actor_id)} AND type = ? AND type_confidence IS NOT NULL
                          ORDER BY type_confidence DESC, typed_by LIMIT 1""", [type_])  # literal: the index
    confidence, typed_by = rows[0] if rows else (None, None)
    return {"type_confidence": confidence, "typed_by": typed_by}


def show(store: Store, name: str, items: int = SHOW_ITEMS, edges: int | None = SHOW_EDGES) -> dict:
    """An actor's profile: names, ids, how it was merged, edges by predicate with sources, the rest.

    The strongest `edges` edges of each predicate (None: all) are listed with a few statements
    each way, beside each predicate's total; of the events, quotes and figures the latest
    `items` are listed beside their totals (a much-cited actor has thousands). The timeline
    draws on the edges listed.
    """
    actor = find_actor(store, name)
    from ..names import fold
    # of one folded name a node keeps one spelling (store.actors.insert_names): the display name's is not an alias
    names = [n for n, f in store.rows(f"SELECT name, folded FROM actor_names WHERE actor_id = {literal(actor.id)} "
                                      "ORDER BY words DESC, name") if f != fold(actor.name)]
    merged = [{"name": n, "reason": r, "articles": c} for n, r, c in store.rows(
        f"""SELECT name, reason, articles FROM actor_spellings WHERE actor_id = {literal(actor.id)}
           ORDER BY articles DESC, name, reason""")]
    stats = _stats(store, actor.id)
    articles = stats[:3]
    listed, totals = _edges(store, actor.id, per_predicate=edges)
    evidence = statements(store, [e["relation"] for e in listed], per_edge=EVIDENCE_PER_EDGE)
    by_predicate: dict[str, list[dict]] = defaultdict(list)
    for e in listed:
        by_predicate[e["predicate"]].append({**e, "evidence": evidence.get(e["relation"], [])})
    latest = _items(store, actor.id, items)
    events, quotes, figures = _events(store, latest), _quotes(store, latest), _figures(store, latest)
    return {"actor": {**actor.as_dict(), **typing(store, actor.id, actor.type), "by_hand": added_by_hand(store, actor.id)},
            "aliases": names, "resolution": merged,
            "articles": {"count": articles[0], "first": articles[1], "last": articles[2]},
            "relations": dict(by_predicate), "relations_total": totals,
            "contradicted": _edges(store, actor.id, per_predicate=edges, contradicted=True)[0],
            "events": events, "quotes": quotes, "figures": figures, "totals": _totals(stats),
            "timeline": _timeline(actor, listed, evidence, events, quotes, figures, items)}


def neighbors(store: Store, name: str, predicates: list[str] | None = None) -> dict:
    """The actors linked to one actor, with the predicate, direction and number of sources."""
    statement_filters(predicates)  # an unknown predicate is an error naming the known ones
    actor = find_actor(store, name)
    return {"actor": actor.as_dict(), "neighbors": _edges(store, actor.id, predicates)[0]}


def where(store: Store, name: str, limit: int | None = SHOW_ITEMS * 5) -> dict:
    """The places an actor operates in, is based in or targeted, and where its latest `limit` events happened;
    when none is known, the places named in the same sentences ("named with")."""
    actor = find_actor(store, name)
    places = [e for e in _edges(store, actor.id, list(PLACE_PREDICATES))[0]
              if e["direction"] == "out" and e["other"]["type"] in ("location", "country")]
    evidence = statements(store, [p["relation"] for p in places], per_edge=1)
    rows = [{"place": p["other"], "how": p["predicate"], "stories": p["stories"], "sources": p["sources"],
             "first_date": p["first_date"],
             "last_date": p["last_date"], "sentence": (evidence.get(p["relation"]) or [{}])[0].get("sentence")}
            for p in places]
    for e in _events(store, _items(store, actor.id, limit)):
        if e["place"]:
            rows.append({"place": {"name": e["place"]}, "how": f"event: {e['type']}", "stories": 1, "sources": 1,
                         "first_date": e["date"], "last_date": e["date"], "sentence": e["sentence"]})
    if not rows:  # no relation or event places it: the places its sentences name, marked as such
        rows = named_with(store, actor.id)
    return {"actor": actor.as_dict(), "places": rows}


def timeline(store: Store, name: str, limit: int | None = TIMELINE_ITEMS) -> dict:
    """Everything dated about an actor, in date order (undated last); the latest `limit` items."""
    actor = find_actor(store, name)
    edges, _ = _edges(store, actor.id)
    evidence = statements(store, [e["relation"] for e in edges], per_edge=EVIDENCE_PER_EDGE)
    latest = _items(store, actor.id, limit)
    items = _timeline(actor, edges, evidence, _events(store, latest), _quotes(store, latest), _figures(store, latest),
                      limit)
    return {"actor": actor.as_dict(), "timeline": items, "totals": _totals(_stats(store, actor.id))}


def evidence(store: Store, subject: str, predicate: str, object_: str, limit: int | None = None,
             include_rejected: bool = False) -> dict:
    """Every statement of one edge (either way for symmetric predicates), contradictions flagged.

    With `limit`, the earliest `limit` statements that state it and as many that deny it. The
    statements a reviewer rejected are counted apart (`rejected`) and listed with `include_rejected`.
    """
    statement_filters([predicate])  # an unknown predicate is an error naming the known ones, not "no statement"
    a, b = find_actor(store, subject), find_actor(store, object_)
    ids = [relation_id(a.id, predicate, b.id)]
    if predicate in SYMMETRIC:
        ids.append(relation_id(b.id, predicate, a.id))
    agg = store.rows("""SELECT sum(statements), sum(sources), min(first_date), max(last_date), sum(asserted),
        sum(reported), sum(uncertain), sum(negated), bool_or(contradicted) FROM relations WHERE id IN (SELECT unnest(?))""",
                     [ids])[0]
    found = statements(store, ids, per_edge=limit, include_rejected=include_rejected)
    rejected = store.value("SELECT count(*) FROM rejected_statements WHERE relation_id IN (SELECT unnest(?))", [ids])
    reviews = edge_states(store, ids)
    stories = store.value("""SELECT count(DISTINCT coalesce(st.story_id, s.article_id)) FROM statements s
        LEFT JOIN article_stories st ON st.article_id = s.article_id WHERE s.relation_id IN (SELECT unnest(?))""", [ids])
    known = [p for (p,) in store.rows("SELECT DISTINCT predicate FROM relations ORDER BY 1")]
    return {"subject": a.as_dict(), "predicate": predicate, "object": b.as_dict(),
            "predicate_in_store": predicate in known, "predicates_in_store": known,
            "statements": agg[0] or 0, "stories": stories or 0, "sources": agg[1] or 0, "first_date": agg[2], "last_date": agg[3],
            "certainty": {"asserted": agg[4] or 0, "reported": agg[5] or 0, "uncertain": agg[6] or 0,
                          "negated": agg[7] or 0},
            "contradicted": bool(agg[8]), "rejected": rejected, "edges": [{"id": i, "review": reviews[i]} for i in ids],
            "include_rejected": include_rejected, "evidence": [s for i in ids for s in found.get(i, [])]}
