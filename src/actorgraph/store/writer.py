"""Writing one extraction into the store, in one transaction: resolved actors, evidence, the rest.

An article already stored is skipped (identity is `Article.id`), so storing twice changes
nothing; a run killed part-way leaves whole articles or none of an article.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import StoreError
from ..model import CERTAINTIES, Evidence, Extraction, IntakeFailure, IntakeSkip, actor_keys, content_id
from .actors import StoreView, actor_id_for, dropped_names, insert_names, new_actor_id, signature, taken_actor_ids
from .database import Store, now
from .edges import add_to_relations, relation_id
from .manual import apply_actor_reviews
from .resolution import add_signatures, reresolve
from .review import apply_reviews
from .stories import StoryAssigner
from .summaries import add_relation_firsts, add_summaries


@dataclass(frozen=True)
class Stored:
    """What storing one extraction did."""

    article_id: str
    source: str
    new: bool  # False: the article was already stored and nothing changed
    actors: int = 0
    new_actors: int = 0
    statements: int = 0
    warnings: tuple[str, ...] = ()  # what intake doubted about the article (stored with it)


def _first(evidence: list[Evidence]) -> tuple:
    if not evidence:
        return None, None, None, None
    e = evidence[0]
    return e.sentence, e.start, e.end, e.extractor


TABLES = ("actors", "actor_names", "actor_keys", "article_actors", "mentions", "statements", "events",
          "event_participants", "quotes", "figures", "articles")


class _Batch:
    """The rows of the articles being stored, written with one statement per table at the end.

    Resolution runs article by article against one `StoreView` of the whole batch, which sees
    the actors and names of the batch's earlier articles as they are added, so a batch stores
    what storing its articles one by one would.
    """

    def __init__(self, store: Store, extractions: list[Extraction]):
        from ..resolve import NameKey  # rigour: on use, not for the commands that only read
        self.store = store
        keys = [NameKey.of(n, a.type) for ex in extractions for a in ex.actors for n in (a.name, *a.aliases) if n]
        ids = [k for ex in extractions for a in ex.actors for k in actor_keys(a.registry_id, a.wikidata)]
        self.view = StoreView(store, keys, ids, [signature(a.name, a.type, a.aliases, a.registry_id, a.wikidata,
                                                           a.parent) for ex in extractions for a in ex.actors])
        self.signatures: dict[str, list] = {}  # the batch's signatures: their actor_signatures rows
        self.rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
        self.new_actors: dict[str, list] = {}  # id -> its actors row, still changeable
        self.names: dict[tuple[str, str], tuple] = {}
        self.keys: dict[str, tuple[str, str]] = {}
        stored = [aid for (aid,) in store.rows("SELECT id FROM articles WHERE id IN (SELECT unnest(?))",
                                               [[ex.article.id for ex in extractions]])]
        self.seen = set(stored)
        self.seq = store.value("SELECT coalesce(max(seq), 0) FROM articles")
        self.items: list[tuple] = []  # actor_items rows: who takes part in which event, quote, figure
        self.published: dict[str, str | None] = {}
        self.dropped = dropped_names(store)  # names removed from actors by hand: not given back
        self.inputs: list[str] = []  # the failure records a stored article clears: its source and corpus line
        self.stories = StoryAssigner(store)
        # the first ids of the batch's actors that the store's actors hold: only those need a query each
        self.taken = taken_actor_ids(store, [actor_id_for(a.type, a.name, a.registry_id)
                                             for ex in extractions for a in ex.actors])

    def actor_id(self, type_: str, name: str, registry_id: str | None) -> str:
        actor_id = actor_id_for(type_, name, registry_id)
        if actor_id not in self.taken and actor_id not in self.new_actors:  # the common case: no query
            return actor_id
        return new_actor_id(self.store, type_, name, registry_id, taken=self.new_actors)  # or earlier in this batch

    def update_actor(self, actor_id: str, column: str, value: str) -> None:
        if actor_id in self.new_actors:
            self.new_actors[actor_id][{"name": 1, "registry_id": 3, "wikidata": 4}[column]] = value
        else:
            self.store.conn.execute(f"UPDATE actors SET {column} = ? WHERE id = ?", [value, actor_id])

    def add(self, ex: Extraction) -> Stored:
        """Resolve one article's actors and keep its rows; an article already stored is left as it is."""
        from ..resolve import Match, NameKey, resolve_actor
        article = ex.article
        aid = article.id
        if aid in self.seen:
            return Stored(aid, article.source, new=False)
        view = self.view
        local_ids = {a.id for a in ex.actors}

        def local(ref: str | None, what: str) -> str | None:
            if ref is not None and ref not in local_ids:
                raise StoreError(f"{article.source}: {what} refers to actor {ref!r}, which the extraction does not list")
            return ref

        for r in ex.relations:
            if r.certainty not in CERTAINTIES:
                raise StoreError(f"{article.source}: a relation has certainty {r.certainty!r}, "
                                 f"not one of {', '.join(CERTAINTIES)}")
            local(r.subject, "a relation"), local(r.object, "a relation")
            local(r.attributed_to, "a relation's attribution")
        rows = {t: [] for t in TABLES}
        items: list[tuple] = []
        seq = self.seq + 1
        to_global: dict[str, str] = {}
        created = 0
        for a in ex.actors:
            sig = signature(a.name, a.type, a.aliases, a.registry_id, a.wikidata, a.parent)
            if sig in view.signatures:  # alike to an actor already placed: it goes where that one went
                match = Match(*view.signatures[sig])
            else:
                match = resolve_actor(a.name, a.type, a.aliases, a.registry_id, a.wikidata, view, a.parent)
            akeys = [NameKey.of(n, a.type) for n in dict.fromkeys((a.name, *a.aliases)) if n]
            ids_of = actor_keys(a.registry_id, a.wikidata)
            if match.actor_id is None:
                gid = self.actor_id(a.type, a.name, a.registry_id)
                self.new_actors[gid] = [gid, a.name, a.type, a.registry_id, a.wikidata, now()]
                created += 1
                view.nodes[gid] = (a.name, a.registry_id, a.wikidata)
            else:
                gid = match.actor_id
                node_name, node_registry, node_wikidata = view.node(self.store, gid)
                if a.registry_id and not node_registry:  # the registry's name becomes the display name
                    self.update_actor(gid, "registry_id", a.registry_id)
                    self.update_actor(gid, "name", a.name)
                    node_name, node_registry = a.name, a.registry_id
                if a.wikidata and not node_wikidata:
                    self.update_actor(gid, "wikidata", a.wikidata)
                    node_wikidata = a.wikidata
                view.nodes[gid] = (node_name, node_registry, node_wikidata)
            for k in akeys:
                if k.folded and k.folded not in self.dropped.get(gid, ()) and (
                        (gid, k.folded) not in self.names or k.name < self.names[gid, k.folded][1]):
                    self.names[gid, k.folded] = (gid, k.name, k.folded, k.loose, k.words, k.surname, k.block, a.type)
            for key in ids_of:
                self.keys.setdefault(key, (key, gid))
            view.add(gid, akeys, a.type, view.nodes[gid][1], view.nodes[gid][0], ids_of, a.parent)
            if sig not in view.signatures:
                view.signatures[sig] = (gid, match.reason)
                self.signatures[sig] = [sig, gid, a.name, a.type, sorted(set(a.aliases)), a.registry_id, a.wikidata,
                                        match.reason, 0, a.parent]
            self.signatures.setdefault(sig, [sig, gid, a.name, a.type, sorted(set(a.aliases)), a.registry_id,
                                             a.wikidata, match.reason, 0, a.parent])[8] += 1
            to_global[a.id] = gid
            rows["article_actors"].append((aid, a.id, gid, a.name, a.type, list(a.aliases), [k.folded for k in akeys],
                                           a.registry_id, a.wikidata, getattr(a, "source", None), match.reason,
                                           len(a.mentions), sig, a.parent, a.typed_by, a.type_confidence))
            rows["mentions"] += [(aid, a.id, m.start, m.end, m.text) for m in a.mentions]

        for r in ex.relations:
            s, o = to_global[r.subject], to_global[r.object]
            rid = relation_id(s, r.predicate, o)
            for e in r.evidence or [Evidence(article.source, "", 0, 0)]:
                sid = content_id(aid, r.subject, r.predicate, r.object, str(e.start), str(e.end),
                                 r.certainty, prefix="s")
                rows["statements"].append((sid, rid, aid, s, r.predicate, o, r.subject, r.object, r.certainty,
                                           r.role, r.date or article.published, r.attributed_to, e.sentence,
                                           e.start, e.end, e.cue_start, e.cue_end, e.extractor))
        for n, ev in enumerate(ex.events):
            eid = content_id(aid, "event", str(n), prefix="e")
            sentence, start, end, extractor = _first(ev.evidence)
            rows["events"].append((eid, aid, ev.type, ev.date or None, getattr(ev, "date_text", None),
                                   local(ev.place, "an event's place"), ev.certainty, sentence, start, end, extractor))
            rows["event_participants"] += [(eid, aid, local(p.entity, "an event participant"), p.role)
                                           for p in ev.participants]
            items += [(to_global[p.entity], "event", eid, aid, p.role, ev.date or None, seq, to_global.get(ev.place))
                      for p in ev.participants]
        for n, q in enumerate(ex.quotes):
            sentence, start, end, extractor = _first(q.evidence)
            rows["quotes"].append((content_id(aid, "quote", str(n), prefix="q"), aid,
                                   local(q.speaker, "a quote's speaker"), q.text, q.date, getattr(q, "date_text", None),
                                   getattr(q, "medium", None), q.certainty, sentence, start, end, extractor))
            if q.speaker:
                items.append((to_global[q.speaker], "quote", rows["quotes"][-1][0], aid, None, q.date, seq, None))
        for n, f in enumerate(ex.figures):
            sentence, start, end, extractor = _first(f.evidence)
            rows["figures"].append((content_id(aid, "figure", str(n), prefix="f"), aid, local(f.subject, "a figure"),
                                    f.value, getattr(f, "value_max", None), f.kind, f.qualifier, f.certainty,
                                    local(getattr(f, "place", None), "a figure's place"), getattr(f, "date", None),
                                    getattr(f, "date_text", None), sentence, start, end, extractor))
            if f.subject:
                items.append((to_global[f.subject], "figure", rows["figures"][-1][0], aid, None,
                              getattr(f, "date", None), seq, to_global.get(getattr(f, "place", None))))
        self.seq = seq
        self.inputs += [article.source, *([article.metadata["corpus_line"]] if "corpus_line" in article.metadata else [])]
        rows["articles"].append((aid, article.source, article.title, article.published, article.language,
                                 article.url, article.format, article.text, ex.extractor, seq, now(),
                                 list(article.warnings), article.metadata.get("corpus_line"),
                                 article.metadata.get("warc_date"), article.metadata.get("warc_record_id")))
        for table, new in rows.items():
            self.rows[table] += new
        self.items += items
        self.published[aid] = article.published
        self.stories.add(aid, article.text)
        self.seen.add(aid)
        return Stored(aid, article.source, True, len(ex.actors), created, len(rows["statements"]), article.warnings)

    def flush(self) -> None:
        """Write every kept row: one statement per table."""
        self.rows["actors"] = [tuple(r) for r in self.new_actors.values()]
        self.rows["actor_names"] = list(self.names.values())
        self.rows["actor_keys"] = list(self.keys.values())
        for table in TABLES:
            if table == "actor_names":
                insert_names(self.store, self.rows[table])
            else:
                self.store.insert(table, self.rows[table], or_ignore=table == "actor_keys")
        new = add_signatures(self.store, list(self.signatures.values()))
        add_to_relations(self.store, self.rows["statements"])
        add_relation_firsts(self.store, sorted({r[2] for r in self.rows["statements"]}))
        add_summaries(self.store, self.items, self.rows["article_actors"], self.published)
        self.stories.flush(sorted({r[1] for r in self.rows["statements"]}))
        reresolve(self.store, new, {row[1] for row in self.signatures.values()})
        apply_reviews(self.store, [r[0] for r in self.rows["statements"]])  # reviews by hand hold for new evidence
        apply_actor_reviews(self.store)
        if self.inputs:
            self.store.conn.execute("DELETE FROM failures WHERE source IN (SELECT unnest(?))", [self.inputs])


def add_extraction(store: Store, ex: Extraction) -> Stored:
    """Store one article's extraction in one transaction; a stored article is left as it is."""
    return add_extractions(store, [ex])[0]


def add_extractions(store: Store, extractions: Iterable[Extraction]) -> list[Stored]:
    """Store several articles in one transaction (bulk loads: one commit and one write per table).

    Each article is whole or absent; an error stores none of the batch.
    """
    extractions = list(extractions)
    with store.transaction():
        batch = _Batch(store, extractions)
        stored = [batch.add(ex) for ex in extractions]
        batch.flush()
    return stored


def record_failure(store: Store, failure: IntakeFailure) -> None:
    """Record (or count again) an input that failed, with its reason and error class."""
    t = now()
    with store.transaction():
        store.conn.execute(
            """INSERT INTO failures VALUES (?, ?, ?, 1, ?, ?)
               ON CONFLICT (source) DO UPDATE SET reason = excluded.reason, error = excluded.error,
                   attempts = failures.attempts + 1, last_at = excluded.last_at""",
            [failure.source, failure.reason, failure.error, t, t])


def record_skips(store: Store, skips: list[IntakeSkip]) -> None:
    """Record (or count again) records that hold no article by design, with their kind and reason."""
    if not skips:
        return
    t = now()
    latest = {s.source: s for s in skips}  # one row per record, whatever a batch repeats
    with store.transaction():
        store.conn.execute(
            """INSERT INTO skipped SELECT unnest($1), unnest($2), unnest($3), 1, $4, $4
               ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, reason = excluded.reason,
                   seen = skipped.seen + 1, last_at = excluded.last_at""",
            [list(latest), [s.kind for s in latest.values()], [s.reason for s in latest.values()], t])
