"""Build a store of N distinct articles from the BBC extractions, in bulk, for the read-path benchmarks.

    .venv/bin/python benchmarks/build_big_store.py --articles 1000000 --out /tmp/big.duckdb
        [--seed-articles 300] [--cache /tmp/actorgraph-bbc-300.pickle] [--memory-limit 3GB]

1. Seed: the first `--seed-articles` BBC articles go through the real pipeline once (extraction
   cached in `--cache`) and are stored with the real writer (`add_extractions`) in a seed store:
   resolution, stories, signatures and summaries as `actorgraph ingest` makes them.
2. Copies: article j of the big store is seed article j mod K, copy c = j div K (copy 0 is the
   seed itself). A copy gets a new article id, source, seq and its own story; each of its
   per-article actors is resolved to a *variant* of the seed's global actor: variant 0 is the
   seed actor itself (shared by many copies: the hubs), variant v > 0 a distinct actor named
   "<name> <v>". The variant is drawn per (copy, per-article actor) from a skewed law
   (v = floor(M * u^skew), u uniform by hash), so statements land on distinct edges, actors
   follow a long-tailed size distribution (a few hubs in tens of thousands of articles, most
   actors in a handful), and the copies' statements do not repeat the seed's edges.
   Sentences, offsets and texts are the seed's (so highlighting and evidence pages work).
3. Everything is written with INSERT ... SELECT from the attached seed store (no per-article
   writer), secondary indexes dropped during the load and rebuilt after; edges, stories per
   edge, signatures and per-actor summaries are then computed by the store's own SQL
   (`store.schema`, `store.edges`, `store.stories`, `store.relation_firsts`), so the result is a
   store at the current schema version that the CLI and the web app open like any other.
   The per-actor tables are written in actor order and the edges in object order, so that a
   hub's rows lie together: DuckDB skips the other row groups by their min/max, where reading
   a hub's thousands of rows through the index, or the whole table, costs 10-20 times more.

Copies have no text fingerprint (their text is the seed's): a later ingest compares new
articles with the seed articles only when it looks for copies across outlets.
"""
from __future__ import annotations

import argparse
import math
import os
import pickle
import resource
import sys
import time
from pathlib import Path

BBC = Path("/work/shared/corpora/bbc-news-2095.jsonl.gz")


def say(text: str) -> None:
    print(text, flush=True)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def extract_seed(cache: Path, k: int) -> list:
    """The first k BBC articles through the real pipeline; cached (pickled Extractions) for the next run."""
    if cache.is_file():
        with cache.open("rb") as f:
            items = pickle.load(f)
        if len(items) >= k:
            return items[:k]
    from actorgraph.extraction import extract_stream
    from actorgraph.intake import read_articles
    from actorgraph.model import Extraction
    from actorgraph.settings import Settings

    settings = Settings.load()
    items, started = [], time.perf_counter()
    for item in extract_stream(read_articles([str(BBC)], settings), settings):
        if isinstance(item, Extraction):
            items.append(item)
            if len(items) >= k:
                break
    say(f"extracted {len(items)} BBC articles in {time.perf_counter() - started:.1f}s; cached in {cache}")
    tmp = cache.with_suffix(".part")
    with tmp.open("wb") as f:
        pickle.dump(items, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(cache)
    return items


def seed_store(items: list, path: Path) -> None:
    """The seed articles stored with the real writer (resolution, stories, summaries as `ingest` makes them)."""
    from actorgraph.store import Store, add_extractions

    if path.exists():
        path.unlink()
    with Store.open(path) as store:
        for start in range(0, len(items), 50):
            add_extractions(store, items[start:start + 50])


# A copy's new id of a seed row id: the seed id for copy 0.
def _copy_id(col: str, prefix: str) -> str:
    return f"CASE WHEN g.c = 0 THEN {col} ELSE '{prefix}' || left(md5({col} || '#' || g.c), 16) END"


MACROS = [
    # The variant of a per-article actor in copy c: 0 (the seed actor) or 1..M, skewed towards 0.
    """CREATE OR REPLACE TEMP MACRO variant(c, aid, lid, m, skew) AS
       CASE WHEN c = 0 THEN 0
            ELSE least(m, floor(m * pow(hash(aid || '|' || lid) / 18446744073709551616.0, skew)))::INTEGER END""",
    "CREATE OR REPLACE TEMP MACRO vid(gid, v) AS CASE WHEN v = 0 THEN gid ELSE 'g' || left(md5(gid || '~' || v), 12) END",
    "CREATE OR REPLACE TEMP MACRO vname(n, v) AS CASE WHEN v = 0 OR n IS NULL THEN n ELSE n || ' ' || v END",
    # actorgraph.model.content_id / store.actors.signature in SQL (names are stored whitespace-folded already)
    # (a body's parent part: PARENT_MARK + parent, whose leading separator content_id folds away)
    """CREATE OR REPLACE TEMP MACRO vsignature(n, t, al, parent) AS
       's' || left(sha256(n || chr(31) || t || chr(31) || chr(31) || chr(31) ||
                          coalesce(list_aggregate(list_transform(list_sort(list_distinct(al)), lambda x: x || chr(31)),
                                                  'string_agg', ''), '') ||
                          CASE WHEN parent IS NULL THEN '' ELSE 'parent:' || parent || chr(31) END), 20)""",
]


def build(seed: Path, out: Path, n: int, skew: float, variants: int | None, memory_limit: str, threads: int) -> None:
    from actorgraph.store import Store
    from actorgraph.store.edges import _AGGREGATE_WHERE, RELATION_ID_SQL
    from actorgraph.store.schema import SIGNATURES_OF
    from actorgraph.store.schema import SUMMARY_ITEMS, SUMMARY_SPELLINGS, SUMMARY_STATS
    from actorgraph.store.stories import _RECOUNT
    from actorgraph.store.summaries import build_actor_search, build_relation_firsts

    part = out.with_name(out.name + ".part")
    for p in (part, Path(str(part) + ".wal")):
        if p.exists():
            p.unlink()
    started = time.perf_counter()
    store = Store.open(part)
    con = store.conn
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"SET threads = {threads}")
    con.execute("SET preserve_insertion_order = false")
    con.execute(f"ATTACH '{seed}' AS seed (READ_ONLY)")
    k = con.execute("SELECT count(*) FROM seed.articles").fetchone()[0]
    copies = math.ceil(n / k)
    m = variants or max(1, copies // 2)
    say(f"{n} articles from {k} seed articles: {copies} copies; variants per actor up to {m}, skew {skew}")
    for sql in MACROS:
        con.execute(sql)
    con.execute("""CREATE TEMP TABLE gen AS
        WITH tpl AS (SELECT id, row_number() OVER (ORDER BY seq) - 1 AS t FROM seed.articles)
        SELECT j, j // ? AS c, tpl.t, tpl.id AS old FROM range(?) r(j) JOIN tpl ON tpl.t = j % ?""", [k, n, k])
    con.execute(f"ALTER TABLE gen ADD COLUMN aid VARCHAR")
    con.execute(f"UPDATE gen SET aid = {_copy_id('old', 'a')}".replace("g.c", "c"))
    indexes = con.execute("""SELECT index_name, sql FROM duckdb_indexes()
                             WHERE database_name = current_database() AND sql IS NOT NULL""").fetchall()
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    v = f"variant(g.c, g.aid, {{lid}}, {m}, {skew})"

    def step(label: str, sql: str, params: list | None = None) -> None:
        t = time.perf_counter()
        con.execute(sql, params or [])
        say(f"  {label}: {time.perf_counter() - t:.1f}s")

    step("articles", """INSERT INTO articles SELECT g.aid,
        CASE WHEN g.c = 0 THEN a.source ELSE a.source || '#copy' || g.c END,
        CASE WHEN g.c = 0 THEN a.title ELSE a.title || ' (' || g.c || ')' END, a.published, a.language,
        CASE WHEN g.c = 0 THEN a.url ELSE a.url || '#copy' || g.c END, a.format, a.text, a.extractor,
        g.j + 1, a.ingested_at, a.warnings, a.origin, a.captured_at, a.record_id
        FROM gen g JOIN seed.articles a ON a.id = g.old""")
    step("article_actors", f"""INSERT INTO article_actors SELECT x.aid, x.local_id, vid(x.actor_id, x.v),
        vname(x.name, x.v), x.type, list_transform(x.aliases, lambda n: vname(n, x.v)),
        list_transform(x.folded, lambda n: vname(n, x.v)), CASE WHEN x.v = 0 THEN x.registry_id END,
        CASE WHEN x.v = 0 THEN x.wikidata END, x.found_by, x.reason, x.mentions,
        CASE WHEN x.v = 0 THEN x.signature ELSE vsignature(vname(x.name, x.v), x.type,
             list_transform(x.aliases, lambda n: vname(n, x.v)), x.parent) END, x.parent, x.typed_by, x.type_confidence
        FROM (SELECT g.aid, y.*, {v.format(lid='y.local_id')} AS v
              FROM gen g JOIN seed.article_actors y ON y.article_id = g.old) x""")
    step("mentions", """INSERT INTO mentions SELECT g.aid, x.local_id, x.char_start, x.char_end, x.text
        FROM gen g JOIN seed.mentions x ON x.article_id = g.old""")
    subj, obj = v.format(lid="x.local_subject"), v.format(lid="x.local_object")
    step("statements", f"""INSERT INTO statements
        SELECT id, {RELATION_ID_SQL}, article_id, subject, predicate, object, local_subject, local_object, certainty,
               role, date, attributed_to, sentence, sent_start, sent_end, cue_start, cue_end, extractor
        FROM (SELECT {_copy_id('x.id', 's')} AS id, g.aid AS article_id, vid(x.subject, {subj}) AS subject,
                     x.predicate, vid(x.object, {obj}) AS object, x.local_subject, x.local_object, x.certainty,
                     x.role, x.date, x.attributed_to, x.sentence, x.sent_start, x.sent_end, x.cue_start, x.cue_end,
                     x.extractor
              FROM gen g JOIN seed.statements x ON x.article_id = g.old)""")
    step("events", f"""INSERT INTO events SELECT {_copy_id('x.id', 'e')}, g.aid, x.type, x.date, x.date_text, x.place,
        x.certainty, x.sentence, x.sent_start, x.sent_end, x.extractor FROM gen g JOIN seed.events x ON x.article_id = g.old""")
    step("event_participants", f"""INSERT INTO event_participants SELECT {_copy_id('x.event_id', 'e')}, g.aid,
        x.local_id, x.role FROM gen g JOIN seed.event_participants x ON x.article_id = g.old""")
    step("quotes", f"""INSERT INTO quotes SELECT {_copy_id('x.id', 'q')}, g.aid, x.speaker, x.text, x.date,
        x.date_text, x.medium, x.certainty, x.sentence, x.sent_start, x.sent_end, x.extractor
        FROM gen g JOIN seed.quotes x ON x.article_id = g.old""")
    step("figures", f"""INSERT INTO figures SELECT {_copy_id('x.id', 'f')}, g.aid, x.subject, x.value, x.value_max,
        x.kind, x.qualifier, x.certainty, x.place, x.date, x.date_text, x.sentence, x.sent_start, x.sent_end,
        x.extractor FROM gen g JOIN seed.figures x ON x.article_id = g.old""")
    # Actors: the seed's, and each variant once (named "<name> <v>", no registry or Wikidata id: another actor).
    step("variant pairs", f"""CREATE TEMP TABLE pairs AS SELECT DISTINCT x.actor_id AS gid, {v.format(lid='x.local_id')} AS v
        FROM gen g JOIN seed.article_actors x ON x.article_id = g.old WHERE g.c > 0""")
    step("actors", """INSERT INTO actors SELECT * FROM seed.actors UNION ALL
        SELECT vid(a.id, p.v), vname(a.name, p.v), a.type, NULL, NULL, a.created_at
        FROM pairs p JOIN seed.actors a ON a.id = p.gid WHERE p.v > 0""")
    con.execute("SET preserve_insertion_order = true")
    step("actor_names", """INSERT INTO actor_names SELECT * FROM (SELECT * FROM seed.actor_names UNION ALL
        SELECT vid(x.actor_id, p.v), vname(x.name, p.v), vname(x.folded, p.v), vname(x.loose, p.v), x.words + 1,
               CASE WHEN x.type = 'person' THEN p.v::VARCHAR END, p.v::VARCHAR, x.type
        FROM pairs p JOIN seed.actor_names x ON x.actor_id = p.gid WHERE p.v > 0) ORDER BY actor_id""")
    con.execute("SET preserve_insertion_order = false")
    for table in ("actor_keys", "decisions", "name_pins", "article_fingerprints", "article_bands", "story_pins",
                  "story_decisions"):
        con.execute(f"INSERT INTO {table} SELECT * FROM seed.{table}")
    step("article_stories", """INSERT INTO article_stories SELECT * FROM seed.article_stories UNION ALL
        SELECT g.aid, 'y' || left(sha256(g.aid || chr(31)), 16), NULL, NULL, 'first' FROM gen g WHERE g.c > 0""")
    con.execute("DROP TABLE pairs")
    con.execute("DETACH seed")
    con.execute("SET preserve_insertion_order = true")  # the tables below are written in the order asked for
    step("relations", _AGGREGATE_WHERE.format(where="true") + " ORDER BY any_value(object)")
    step("relation_stories", _RECOUNT.format(where="") + " ORDER BY s.relation_id")
    step("actor_signatures", f"INSERT INTO actor_signatures {SIGNATURES_OF.format(where='')}")
    items = " UNION ALL ".join(f"({sql.format(where='')})" for sql in SUMMARY_ITEMS)
    step("actor_items", f"INSERT INTO actor_items SELECT * FROM ({items}) ORDER BY 1")
    step("actor_stats", f"INSERT INTO actor_stats {SUMMARY_STATS.format(where='')} ORDER BY 1")
    step("actor_spellings", f"INSERT INTO actor_spellings {SUMMARY_SPELLINGS.format(where='')} ORDER BY 1")
    t = time.perf_counter()
    build_relation_firsts(store)
    say(f"  relation_firsts: {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    build_actor_search(store)
    say(f"  actor_search: {time.perf_counter() - t:.1f}s")
    con.execute("INSERT INTO runs VALUES (1, 'build_big_store', now()::TIMESTAMP, now()::TIMESTAMP, ?)", [n])
    for name, sql in indexes:
        step(f"index {name}", sql)
    con.execute("DROP TABLE gen")
    con.execute("CHECKPOINT")
    store.close()
    part.replace(out)
    counts = {}
    import duckdb
    with duckdb.connect(str(out), read_only=True) as c:
        for table in ("articles", "actors", "article_actors", "statements", "relations", "events", "quotes",
                      "figures", "actor_items"):
            counts[table] = c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        hub = c.execute("SELECT max(articles) FROM actor_stats").fetchone()[0]
    took = time.perf_counter() - started
    say("counts: " + ", ".join(f"{t} {v:,}" for t, v in counts.items()) + f"; biggest actor in {hub:,} articles")
    say(f"built {out} ({out.stat().st_size / 1e9:.2f} GB) in {took:.0f}s = {n / took:,.0f} articles/s; "
        f"peak memory (ru_maxrss) {peak_mb():.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, required=True, help="articles in the built store")
    ap.add_argument("--out", type=Path, required=True, help="the store file to write (replaced)")
    ap.add_argument("--seed-articles", type=int, default=300, help="BBC articles extracted for the seed (default 300)")
    ap.add_argument("--cache", type=Path, default=None,
                    help="the pickled seed extractions (default /tmp/actorgraph-bbc-K.pickle)")
    ap.add_argument("--skew", type=float, default=6.0, help="variant law exponent: higher, bigger hubs (default 6)")
    ap.add_argument("--variants", type=int, default=None, help="variants per seed actor (default copies / 2)")
    ap.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit (default 3GB)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    if args.articles < 1:
        sys.exit("--articles must be at least 1")
    cache = args.cache or Path(f"/tmp/actorgraph-bbc-{args.seed_articles}.pickle")
    items = extract_seed(cache, args.seed_articles)
    seed = args.out.with_name(args.out.name + ".seed")
    t = time.perf_counter()
    seed_store(items, seed)
    say(f"seed store: {len(items)} articles with the real writer in {time.perf_counter() - t:.1f}s")
    try:
        build(seed, args.out, args.articles, args.skew, args.variants, args.memory_limit, args.threads)
    finally:
        for p in (seed, Path(str(seed) + ".wal")):
            if p.exists():
                os.unlink(p)


if __name__ == "__main__":
    main()
