"""What an export carries: the part of the store that passes the filters, as rows per record kind.

`select(store, filters)` decides which statements, actors, events, quotes, figures and
articles go out and keeps their ids in temporary tables of the store's connection; every
format then reads the same rows through `Selection.rows(kind)` (or the SQL behind it, for
DuckDB's own CSV and Parquet writers). Per-article actor references (event participants,
quote speakers, figure subjects, attributions) are turned into the global actors they
were resolved to, so every format speaks of one actor id space. The predicate, certainty and
date filters mean what they mean for `path` and the web network (`query.filters`): an item's
date is its own, else its article's, and `--until 2024-07` keeps all of July.
"""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field, replace

from ..errors import ExportError, FilterError
from ..query import find_actor
from ..query.filters import StatementFilters, article_join, item_date, statement_filters
from ..store import Store

# Per-article actor ids become global ones by this join (alias `x` is the per-article actor).
_GLOBAL = "LEFT JOIN article_actors {x} ON {x}.article_id = {t}.article_id AND {x}.local_id = {t}.{col}"


@dataclass(frozen=True)
class Filters:
    """Which part of the store to export; the defaults export all of it."""

    actor: str | None = None  # a name, alias or actor id: export its neighbourhood
    hops: int = 1  # how far from `actor`, in relations followed either way
    predicates: tuple[str, ...] = ()  # only relations with these predicates
    certainty: tuple[str, ...] = ()  # only statements, events, quotes, figures of these certainties
    since: str | None = None  # only items dated on or after (YYYY, YYYY-MM or YYYY-MM-DD: from its first day)
    until: str | None = None  # only items dated on or before (through the last day of a year or month)
    include_rejected: bool = False  # statements a reviewer rejected too, marked (review column "rejected")

    def check(self) -> StatementFilters:
        """The checked statement filters; raises ExportError naming a value that cannot be used."""
        if self.hops < 0:
            raise ExportError(f"--hops {self.hops} must be 0 or more")
        try:
            return statement_filters(self.predicates, self.certainty, self.since, self.until,
                                     include_rejected=self.include_rejected)
        except FilterError as exc:
            raise ExportError(f"--{exc}") from exc

    @property
    def narrowed(self) -> bool:
        return bool(self.actor or self.predicates or self.certainty or self.since or self.until)


def _where(cond: list[str]) -> str:
    return (" WHERE " + " AND ".join(cond)) if cond else ""


# The rows of each record kind, over the selected ids (temporary tables `x_<kind>`).
KIND_SQL: dict[str, str] = {
    "articles": """
        SELECT a.id, a.source, a.title, a.published, a.language, a.url, a.format, a.extractor, a.text
        FROM articles a JOIN x_articles USING (id) ORDER BY a.seq""",
    "actors": """
        SELECT a.id, a.name, a.type, a.registry_id, a.wikidata,
               count(DISTINCT aa.article_id)::INTEGER AS articles, coalesce(sum(aa.mentions), 0)::INTEGER AS mentions
        FROM actors a JOIN x_actors USING (id) LEFT JOIN article_actors aa ON aa.actor_id = a.id
        GROUP BY ALL ORDER BY a.type, a.name, a.id""",
    "aliases": """
        SELECT n.actor_id, n.name FROM actor_names n JOIN x_actors x ON x.id = n.actor_id
        JOIN actors a ON a.id = n.actor_id WHERE n.name <> a.name ORDER BY n.actor_id, n.name""",
    "relations": """
        SELECT s.relation_id AS id, any_value(s.subject) AS subject, any_value(s.predicate) AS predicate,
               any_value(s.object) AS object, count(*)::INTEGER AS statements,
               count(DISTINCT s.article_id)::INTEGER AS sources,
               count(DISTINCT coalesce(st.story_id, s.article_id))::INTEGER AS stories,
               min(s.date) AS first_date, max(s.date) AS last_date,
               count(*) FILTER (WHERE s.certainty = 'asserted')::INTEGER AS asserted,
               count(*) FILTER (WHERE s.certainty = 'reported')::INTEGER AS reported,
               count(*) FILTER (WHERE s.certainty = 'uncertain')::INTEGER AS uncertain,
               count(*) FILTER (WHERE s.certainty = 'negated')::INTEGER AS negated,
               (count(*) FILTER (WHERE s.certainty = 'negated') > 0
                AND count(*) FILTER (WHERE s.certainty IN ('asserted', 'reported')) > 0) AS contradicted,
               string_agg(DISTINCT s.role, '; ' ORDER BY s.role) AS roles,
               count(*) FILTER (WHERE s.review = 'rejected')::INTEGER AS rejected,
               CASE WHEN count(*) FILTER (WHERE s.review = 'rejected') = count(*) THEN 'rejected'
                    WHEN count(*) FILTER (WHERE s.review = 'rejected') > 0 THEN 'partly rejected'
                    WHEN count(*) FILTER (WHERE s.review = 'confirmed') = count(*) THEN 'confirmed'
                    WHEN count(*) FILTER (WHERE s.review = 'confirmed') > 0 THEN 'partly confirmed'
                    ELSE 'unreviewed' END AS review
        FROM x_statement_rows s JOIN x_statements x ON x.id = s.id
        LEFT JOIN article_stories st ON st.article_id = s.article_id
        GROUP BY s.relation_id ORDER BY predicate, subject, object""",
    # Two statements of one article can share the store's id (it leaves out the cue): a suffix
    # keeps each evidence row's id unique.
    "evidence": """
        SELECT s.id || CASE WHEN n > 1 THEN '-' || n::VARCHAR ELSE '' END AS id, s.relation_id, s.article_id, s.subject, s.predicate, s.object, s.certainty, s.role, s.date,
               w.actor_id AS attributed_to, s.sentence, s.sent_start, s.sent_end, s.cue_start, s.cue_end, s.extractor,
               s.review
        FROM (SELECT *, row_number() OVER (PARTITION BY id ORDER BY cue_start, role, extractor, sentence) AS n
              FROM x_statement_rows) s JOIN x_statements x ON x.id = s.id
        """ + _GLOBAL.format(x="w", t="s", col="attributed_to") + """
        ORDER BY s.relation_id, s.date NULLS LAST, s.article_id, s.sent_start, id""",
    "events": """
        SELECT e.id, e.article_id, e.type, e.date, e.date_text, p.actor_id AS place, e.certainty, e.sentence,
               e.sent_start, e.sent_end, e.extractor
        FROM events e JOIN x_events x ON x.id = e.id
        """ + _GLOBAL.format(x="p", t="e", col="place") + """
        ORDER BY e.article_id, e.sent_start, e.id""",
    "event_participants": """
        SELECT DISTINCT ep.event_id, g.actor_id, ep.role
        FROM event_participants ep JOIN x_events x ON x.id = ep.event_id
        JOIN article_actors g ON g.article_id = ep.article_id AND g.local_id = ep.local_id
        ORDER BY ep.event_id, ep.role, g.actor_id""",
    "quotes": """
        SELECT q.id, q.article_id, g.actor_id AS speaker, q.text, q.date, q.date_text, q.medium, q.certainty,
               q.sentence, q.sent_start, q.sent_end, q.extractor
        FROM quotes q JOIN x_quotes x ON x.id = q.id
        """ + _GLOBAL.format(x="g", t="q", col="speaker") + """
        ORDER BY q.article_id, q.sent_start, q.id""",
    "figures": """
        SELECT f.id, f.article_id, g.actor_id AS subject, f.value, f.value_max, f.kind, f.qualifier, f.certainty,
               p.actor_id AS place, f.date, f.date_text, f.sentence, f.sent_start, f.sent_end, f.extractor
        FROM figures f JOIN x_figures x ON x.id = f.id
        """ + _GLOBAL.format(x="g", t="f", col="subject") + " " + _GLOBAL.format(x="p", t="f", col="place") + """
        ORDER BY f.article_id, f.sent_start, f.id""",
}
KINDS = tuple(KIND_SQL)


@dataclass
class Selection:
    """The selected part of a store; its ids live in temporary tables until `close`."""

    store: Store
    filters: Filters
    counts: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)  # e.g. "negated statements": the filters kept them out

    def sql(self, kind: str) -> str:
        return KIND_SQL[kind]

    def rows(self, kind: str) -> list[dict]:
        """The rows of one record kind, as dicts of column name to value."""
        cur = self.store.conn.execute(KIND_SQL[kind])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def close(self) -> None:
        self.store.conn.execute("DROP VIEW IF EXISTS x_statement_rows")
        for kind in ("actors", "statements", "events", "quotes", "figures", "articles"):
            self.store.conn.execute(f"DROP TABLE IF EXISTS x_{kind}")

    def __enter__(self) -> "Selection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def certainty_of(row: dict) -> str:
    """One word for an edge's certainty: contradicted, or the certainty most of its statements have."""
    if row["contradicted"]:
        return "contradicted"
    counts = [(row[c], -i, c) for i, c in enumerate(("asserted", "reported", "uncertain", "negated"))]
    return max(counts)[2]


def _neighbourhood(edges: list[tuple[str, str]], start: str, hops: int) -> set[str]:
    """The actors at most `hops` relations away from `start`, following relations either way."""
    linked: dict[str, set[str]] = defaultdict(set)
    for s, o in edges:
        linked[s].add(o)
        linked[o].add(s)
    seen, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] == hops:
            continue
        for other in linked[node]:
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    return set(seen)


def _local_in(alias: str, col: str, actors_table: str = "x_actors") -> str:
    """SQL: the per-article actor `alias`.`col` was resolved to one of the selected actors."""
    return (f"EXISTS (SELECT 1 FROM article_actors g JOIN {actors_table} xa ON xa.id = g.actor_id "
            f"WHERE g.article_id = {alias}.article_id AND g.local_id = {alias}.{col})")


def select(store: Store, filters: Filters = Filters()) -> Selection:
    """Choose what to export; raises EmptyStoreError for an empty store, ExportError for a bad filter."""
    sf = filters.check()
    store.require_articles()
    conn = store.conn
    f = filters
    articles = article_join("s") if sf.dated else ""  # an item's date is its own, else its article's

    cond, params = sf.conditions("s", date_sql=item_date("s"))
    statements = store.rows(f"SELECT s.id, s.subject, s.object FROM {sf.table} s {articles}{_where(cond)}", params)
    # The statements the kinds read: each with its review (rejected ones only with include_rejected).
    conn.execute(f"""CREATE OR REPLACE TEMP VIEW x_statement_rows AS
        SELECT s.*, CASE WHEN {sf.rejected_sql("s")} THEN 'rejected' ELSE coalesce(v.state, 'unreviewed') END AS review
        FROM {sf.table} s LEFT JOIN statement_reviews v ON v.statement_id = s.id""")

    if f.actor:
        focus = find_actor(store, f.actor)
        actors = _neighbourhood([(s, o) for _, s, o in statements], focus.id, f.hops)
        statements = [r for r in statements if r[1] in actors and r[2] in actors]
    elif f.narrowed:
        actors = {a for _, s, o in statements for a in (s, o)}
    else:
        actors = {a for (a,) in store.rows("SELECT id FROM actors")}

    left_out: dict[str, int] = {}
    if sf.certainty and "negated" not in sf.certainty:  # say how many denials the filter kept out
        cond, params = replace(sf, certainty=("negated",)).conditions("s", date_sql=item_date("s"))
        denied = store.rows(f"SELECT s.subject, s.object FROM {sf.table} s {articles}{_where(cond)}", params)
        left_out["negated statements"] = sum(1 for s, o in denied if not f.actor or s in actors or o in actors)

    conn.execute("CREATE OR REPLACE TEMP TABLE x_statements (id VARCHAR PRIMARY KEY)")
    conn.execute("CREATE OR REPLACE TEMP TABLE x_actors (id VARCHAR PRIMARY KEY)")
    store.insert("x_statements", sorted({(sid,) for sid, _, _ in statements}))
    store.insert("x_actors", sorted((a,) for a in actors))

    # Events, quotes and figures: dated and of a kept certainty; with an actor, about the kept actors.
    for kind, table, alias, date_col, actor_cond in (
        ("events", "events", "e", "date",
         "EXISTS (SELECT 1 FROM event_participants ep JOIN article_actors g ON g.article_id = ep.article_id "
         "AND g.local_id = ep.local_id JOIN x_actors xa ON xa.id = g.actor_id WHERE ep.event_id = e.id)"),
        ("quotes", "quotes", "q", "date", _local_in("q", "speaker")),
        ("figures", "figures", "f", "date", f"({_local_in('f', 'subject')} OR {_local_in('f', 'place')})"),
    ):
        cond, params = sf.conditions(alias, date_sql=item_date(alias), predicates=False)
        if f.actor:
            cond.append(actor_cond)
        articles = article_join(alias) if sf.dated else ""
        conn.execute(f"CREATE OR REPLACE TEMP TABLE x_{kind} AS SELECT DISTINCT {alias}.id FROM {table} {alias} "
                     f"{articles}{_where(cond)}", params)

    if f.narrowed and not f.actor:  # the actors the kept events, quotes and figures speak of come too
        conn.execute("""INSERT INTO x_actors
            SELECT DISTINCT g.actor_id FROM event_participants ep JOIN x_events x ON x.id = ep.event_id
            JOIN article_actors g ON g.article_id = ep.article_id AND g.local_id = ep.local_id
            UNION SELECT g.actor_id FROM quotes q JOIN x_quotes x ON x.id = q.id
            JOIN article_actors g ON g.article_id = q.article_id AND g.local_id = q.speaker
            UNION SELECT g.actor_id FROM figures f JOIN x_figures x ON x.id = f.id
            JOIN article_actors g ON g.article_id = f.article_id AND g.local_id IN (f.subject, f.place)
            EXCEPT SELECT id FROM x_actors""")
    # Places and co-participants referred to by kept events and figures must exist as actors too.
    conn.execute("""INSERT INTO x_actors
        SELECT DISTINCT g.actor_id FROM events e JOIN x_events x ON x.id = e.id
        JOIN article_actors g ON g.article_id = e.article_id AND g.local_id = e.place
        UNION SELECT g.actor_id FROM event_participants ep JOIN x_events x ON x.id = ep.event_id
        JOIN article_actors g ON g.article_id = ep.article_id AND g.local_id = ep.local_id
        UNION SELECT g.actor_id FROM figures f JOIN x_figures x ON x.id = f.id
        JOIN article_actors g ON g.article_id = f.article_id AND g.local_id IN (f.subject, f.place)
        UNION SELECT g.actor_id FROM x_statement_rows s JOIN x_statements x ON x.id = s.id
        JOIN article_actors g ON g.article_id = s.article_id AND g.local_id = s.attributed_to
        EXCEPT SELECT id FROM x_actors""")

    if f.narrowed:
        conn.execute("""CREATE OR REPLACE TEMP TABLE x_articles AS
            SELECT article_id AS id FROM x_statement_rows s JOIN x_statements x ON x.id = s.id
            UNION SELECT article_id FROM events JOIN x_events USING (id)
            UNION SELECT article_id FROM quotes JOIN x_quotes USING (id)
            UNION SELECT article_id FROM figures JOIN x_figures USING (id)""")
    else:
        conn.execute("CREATE OR REPLACE TEMP TABLE x_articles AS SELECT id FROM articles")

    selection = Selection(store, filters)
    if not f.include_rejected:  # say how many statements reviewers rejected (kept out unless asked)
        left_out["rejected statements"] = store.value("SELECT count(*) FROM rejected_statements")
    selection.left_out = left_out
    for kind in ("actors", "statements", "events", "quotes", "figures", "articles"):
        selection.counts[kind] = store.value(f"SELECT count(*) FROM x_{kind}")
    return selection
