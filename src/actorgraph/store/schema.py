"""The store's schema, as named migrations applied in order and recorded in the store.

A migration is (version, name, steps): a step is an SQL statement, or a function of the open
`Store` for what SQL cannot compute (keys made by Python code). A store records each applied migration in the
`migrations` table; opening a store applies the missing ones in one transaction, and refuses
a store whose recorded version is newer than `SCHEMA_VERSION` (written by a newer actorgraph).
Never edit a released migration: add the next one.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .database import Store

CREATE_MIGRATIONS = """
CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)
"""

_GRAPH = [
    # One row per stored article; its id is Article.id (source plus normalised text).
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, title VARCHAR, published VARCHAR,
        language VARCHAR, url VARCHAR, format VARCHAR, text VARCHAR, extractor VARCHAR,
        seq BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL)""",
    # Global actors, merged across articles.
    """CREATE TABLE actors (
        id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
        registry_id VARCHAR, wikidata VARCHAR, created_at TIMESTAMP NOT NULL)""",
    # Every spelling of a global actor, with the keys resolution and lookup search by.
    """CREATE TABLE actor_names (
        actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL, folded VARCHAR NOT NULL,
        loose VARCHAR NOT NULL, words INTEGER NOT NULL, surname VARCHAR, block VARCHAR NOT NULL,
        type VARCHAR NOT NULL, PRIMARY KEY (actor_id, folded))""",
    "CREATE INDEX actor_names_folded ON actor_names (folded)",
    "CREATE INDEX actor_names_surname ON actor_names (surname)",
    "CREATE INDEX actor_names_block ON actor_names (block)",
    # Registry and Wikidata ids: "registry:<id>", "wikidata:<QID>" -> the actor holding it.
    "CREATE TABLE actor_keys (key VARCHAR PRIMARY KEY, actor_id VARCHAR NOT NULL)",
    "CREATE INDEX actor_keys_actor ON actor_keys (actor_id)",
    # Each per-article actor, the global actor it was resolved to, and why.
    """CREATE TABLE article_actors (
        article_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL, type VARCHAR NOT NULL, aliases VARCHAR[], folded VARCHAR[],
        registry_id VARCHAR, wikidata VARCHAR, found_by VARCHAR, reason VARCHAR NOT NULL,
        mentions INTEGER NOT NULL)""",
    "CREATE INDEX article_actors_actor ON article_actors (actor_id)",
    "CREATE INDEX article_actors_article ON article_actors (article_id)",
    """CREATE TABLE mentions (
        article_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL, char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL, text VARCHAR NOT NULL)""",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    # Each piece of evidence for a relation: one statement of one article.
    """CREATE TABLE statements (
        id VARCHAR NOT NULL, relation_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
        subject VARCHAR NOT NULL, predicate VARCHAR NOT NULL, object VARCHAR NOT NULL,
        local_subject VARCHAR NOT NULL, local_object VARCHAR NOT NULL, certainty VARCHAR NOT NULL,
        role VARCHAR, date VARCHAR, attributed_to VARCHAR, sentence VARCHAR NOT NULL,
        sent_start INTEGER, sent_end INTEGER, cue_start INTEGER, cue_end INTEGER, extractor VARCHAR)""",
    "CREATE INDEX statements_relation ON statements (relation_id)",
    "CREATE INDEX statements_article ON statements (article_id)",
    "CREATE INDEX statements_subject ON statements (subject)",
    "CREATE INDEX statements_object ON statements (object)",
    # One edge per (subject, predicate, object), aggregated from its statements.
    """CREATE TABLE relations (
        id VARCHAR PRIMARY KEY, subject VARCHAR NOT NULL, predicate VARCHAR NOT NULL,
        object VARCHAR NOT NULL, statements INTEGER NOT NULL, sources INTEGER NOT NULL,
        first_date VARCHAR, last_date VARCHAR, asserted INTEGER NOT NULL, reported INTEGER NOT NULL,
        uncertain INTEGER NOT NULL, negated INTEGER NOT NULL, contradicted BOOLEAN NOT NULL)""",
    "CREATE INDEX relations_subject ON relations (subject)",
    "CREATE INDEX relations_object ON relations (object)",
    """CREATE TABLE events (
        id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL, date VARCHAR,
        date_text VARCHAR, place VARCHAR, certainty VARCHAR, sentence VARCHAR,
        sent_start INTEGER, sent_end INTEGER, extractor VARCHAR)""",
    "CREATE INDEX events_article ON events (article_id)",
    """CREATE TABLE event_participants (
        event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL)""",
    "CREATE INDEX event_participants_article ON event_participants (article_id)",
    """CREATE TABLE quotes (
        id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, speaker VARCHAR, text VARCHAR NOT NULL,
        date VARCHAR, date_text VARCHAR, medium VARCHAR, certainty VARCHAR, sentence VARCHAR,
        sent_start INTEGER, sent_end INTEGER, extractor VARCHAR)""",
    "CREATE INDEX quotes_article ON quotes (article_id)",
    """CREATE TABLE figures (
        id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, subject VARCHAR, value DOUBLE,
        value_max DOUBLE, kind VARCHAR NOT NULL, qualifier VARCHAR, certainty VARCHAR,
        place VARCHAR, date VARCHAR, date_text VARCHAR, sentence VARCHAR, sent_start INTEGER,
        sent_end INTEGER, extractor VARCHAR)""",
    "CREATE INDEX figures_article ON figures (article_id)",
    # Inputs that could not be read, extracted or stored; cleared when they later succeed.
    """CREATE TABLE failures (
        source VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL, error VARCHAR NOT NULL,
        attempts INTEGER NOT NULL, first_at TIMESTAMP NOT NULL, last_at TIMESTAMP NOT NULL)""",
    # Merges and splits made by hand; kept, and applied again to later ingests.
    """CREATE TABLE decisions (
        seq INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
        other_id VARCHAR NOT NULL, name VARCHAR, note VARCHAR, made_at TIMESTAMP NOT NULL)""",
    # A name a split decision gave to an actor: resolution sends that name there first.
    """CREATE TABLE name_pins (
        folded VARCHAR NOT NULL, type VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
        PRIMARY KEY (folded, type))""",
]

# Per-actor summaries (actorgraph.store.summaries), so that a profile reads a few rows.
# Each SELECT gives actor_items rows; {where} narrows them to some actors (empty: all).
SUMMARY_ITEMS = [
    """SELECT aa.actor_id, 'event', e.id, e.article_id, p.role, e.date, a.seq, pa.actor_id
       FROM event_participants p JOIN events e ON e.id = p.event_id
       JOIN article_actors aa ON aa.article_id = p.article_id AND aa.local_id = p.local_id
       JOIN articles a ON a.id = e.article_id
       LEFT JOIN article_actors pa ON pa.article_id = e.article_id AND pa.local_id = e.place {where}""",
    """SELECT aa.actor_id, 'quote', q.id, q.article_id, NULL, q.date, a.seq, NULL
       FROM quotes q JOIN article_actors aa ON aa.article_id = q.article_id AND aa.local_id = q.speaker
       JOIN articles a ON a.id = q.article_id {where}""",
    """SELECT aa.actor_id, 'figure', f.id, f.article_id, NULL, f.date, a.seq, pa.actor_id
       FROM figures f JOIN article_actors aa ON aa.article_id = f.article_id AND aa.local_id = f.subject
       JOIN articles a ON a.id = f.article_id
       LEFT JOIN article_actors pa ON pa.article_id = f.article_id AND pa.local_id = f.place {where}""",
]
SUMMARY_STATS = """
    SELECT aa.actor_id, count(DISTINCT aa.article_id), min(a.published), max(a.published),
           coalesce(any_value(i.events), 0), coalesce(any_value(i.quotes), 0), coalesce(any_value(i.figures), 0)
    FROM article_actors aa JOIN articles a ON a.id = aa.article_id
    LEFT JOIN (SELECT actor_id, count(*) FILTER (WHERE kind = 'event') AS events,
                      count(*) FILTER (WHERE kind = 'quote') AS quotes,
                      count(*) FILTER (WHERE kind = 'figure') AS figures
               FROM actor_items GROUP BY actor_id) i ON i.actor_id = aa.actor_id
    {where} GROUP BY aa.actor_id"""
SUMMARY_SPELLINGS = """SELECT aa.actor_id, aa.name, aa.reason, count(DISTINCT aa.article_id) FROM article_actors aa
    {where} GROUP BY ALL"""

_SUMMARIES = [
    """CREATE TABLE actor_items (
        actor_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, item_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
        role VARCHAR, date VARCHAR, seq BIGINT NOT NULL, place_id VARCHAR)""",
    "CREATE INDEX actor_items_actor ON actor_items (actor_id)",
    """CREATE TABLE actor_stats (
        actor_id VARCHAR PRIMARY KEY, articles INTEGER NOT NULL, first_published VARCHAR, last_published VARCHAR,
        events INTEGER NOT NULL, quotes INTEGER NOT NULL, figures INTEGER NOT NULL)""",
    """CREATE TABLE actor_spellings (
        actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL, reason VARCHAR NOT NULL, articles INTEGER NOT NULL,
        PRIMARY KEY (actor_id, name, reason))""",
    *[f"INSERT INTO actor_items {sql.format(where='')}" for sql in SUMMARY_ITEMS],
    f"INSERT INTO actor_stats {SUMMARY_STATS.format(where='')}",
    f"INSERT INTO actor_spellings {SUMMARY_SPELLINGS.format(where='')}",
]


def refold_names(store: "Store") -> None:
    """Recompute the stored name keys with `actorgraph.names.fold`, the one fold of extraction and resolution.

    Stores before version 4 were keyed by another fold, which kept "-isation" apart from
    "-ization" and dropped a possessive only after ' or ’; a key made by it would miss the
    same name folded today. actor_names (folded, loose, words, surname, block) and
    article_actors.folded are made again from the names they hold; a name pin keeps only its
    folded key, so that key is folded again. Two spellings of one actor that now fold alike
    keep one row, as the writer does.
    """
    from ..names import fold
    from ..resolve.names import NameKey

    rows = store.rows("SELECT actor_id, name, folded, loose, words, surname, block, type FROM actor_names ORDER BY rowid")
    names: dict[tuple[str, str], tuple] = {}
    for actor_id, name, *_, type_ in rows:
        k = NameKey.of(name, type_)
        if k.folded:
            names.setdefault((actor_id, k.folded), (actor_id, k.name, k.folded, k.loose, k.words, k.surname, k.block,
                                                    type_))
    if sorted(names.values(), key=str) != sorted(rows, key=str):
        store.conn.execute("DELETE FROM actor_names")
        store.insert("actor_names", list(names.values()))

    changed = []
    for article_id, local_id, name, aliases, folded in store.rows(
            "SELECT article_id, local_id, name, aliases, folded FROM article_actors"):
        new = [fold(n) for n in dict.fromkeys((name, *(aliases or []))) if n]
        if new != list(folded or []):
            changed.append((article_id, local_id, new))
    if changed:
        store.conn.execute("CREATE TEMP TABLE refolded (article_id VARCHAR, local_id VARCHAR, folded VARCHAR[])")
        store.insert("refolded", changed)
        store.conn.execute("""UPDATE article_actors SET folded = r.folded FROM refolded r
            WHERE article_actors.article_id = r.article_id AND article_actors.local_id = r.local_id""")
        store.conn.execute("DROP TABLE refolded")

    pins = store.rows("SELECT folded, type, actor_id FROM name_pins ORDER BY rowid")
    refolded: dict[tuple[str, str], tuple] = {}
    for folded, type_, actor_id in pins:
        refolded.setdefault((fold(folded), type_), (fold(folded), type_, actor_id))
    if sorted(refolded.values()) != sorted(pins):
        store.conn.execute("DELETE FROM name_pins")
        store.insert("name_pins", list(refolded.values()))


def add_signatures(store: "Store") -> None:
    """Key every per-article actor by its signature and list each signature's node (order-independent resolution).

    A store before version 5 may hold one signature on two nodes (it was resolved in the
    order its articles came); the node holding most of its articles is listed, and the next
    ingest that touches it resolves the group again.
    """
    from .actors import signature

    store.conn.execute("ALTER TABLE article_actors ADD COLUMN IF NOT EXISTS signature VARCHAR")
    rows = store.rows("SELECT article_id, local_id, name, type, aliases, registry_id, wikidata FROM article_actors")
    if rows:
        keyed = [(a, l, signature(n, t, al, r, w)) for a, l, n, t, al, r, w in rows]
        store.conn.execute("CREATE TEMP TABLE keyed (article_id VARCHAR, local_id VARCHAR, signature VARCHAR)")
        store.insert("keyed", keyed)
        store.conn.execute("""UPDATE article_actors SET signature = k.signature FROM keyed k
            WHERE article_actors.article_id = k.article_id AND article_actors.local_id = k.local_id""")
        store.conn.execute("DROP TABLE keyed")
    store.conn.execute("DELETE FROM actor_signatures")
    store.conn.execute(f"INSERT INTO actor_signatures {_SIGNATURES_OF_V6}")


# actor_signatures as version 6 made it (no parent yet)
_SIGNATURES_OF_V6 = """
    (signature, actor_id, name, type, aliases, registry_id, wikidata, reason, occurrences)
    SELECT signature, arg_max(actor_id, n), any_value(name), any_value(type), any_value(aliases),
           any_value(registry_id), any_value(wikidata), arg_max(reason, n), sum(n)
    FROM (SELECT signature, actor_id, name, type, aliases, registry_id, wikidata, reason, count(*) AS n
          FROM article_actors GROUP BY ALL) GROUP BY signature"""


# Each distinct per-article actor (its signature), the node it resolved to, why, and how many per-article actors have it;
# its aliases sorted and distinct, as the writer lists them.
SIGNATURES_OF = """
    (signature, actor_id, name, type, aliases, registry_id, wikidata, reason, occurrences, parent)
    SELECT signature, arg_max(actor_id, n), any_value(name), any_value(type), list_sort(list_distinct(any_value(aliases))),
           any_value(registry_id), any_value(wikidata), arg_max(reason, n), sum(n), any_value(parent)
    FROM (SELECT signature, actor_id, name, type, aliases, registry_id, wikidata, reason, parent, count(*) AS n
          FROM article_actors {where} GROUP BY ALL) GROUP BY signature"""
_SIGNATURES = [
    """CREATE TABLE IF NOT EXISTS actor_signatures (
        signature VARCHAR PRIMARY KEY, actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
        aliases VARCHAR[], registry_id VARCHAR, wikidata VARCHAR, reason VARCHAR, occurrences INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS actor_signatures_actor ON actor_signatures (actor_id)",
    add_signatures,
]


def _fingerprint_stored(store: "Store") -> None:
    from .stories import fingerprint_stored

    fingerprint_stored(store)


_REVIEWS = [
    "CREATE INDEX IF NOT EXISTS statements_id ON statements (id)",
    "CREATE TABLE IF NOT EXISTS rejected_statements AS SELECT * FROM statements LIMIT 0",
    "CREATE INDEX IF NOT EXISTS rejected_statements_id ON rejected_statements (id)",
    "CREATE INDEX IF NOT EXISTS rejected_statements_relation ON rejected_statements (relation_id)",
    "CREATE INDEX IF NOT EXISTS rejected_statements_subject ON rejected_statements (subject)",
    "CREATE INDEX IF NOT EXISTS rejected_statements_object ON rejected_statements (object)",
    # The current review of a statement; NULL corrections mean "as extracted" (orig_* keep that).
    """CREATE TABLE IF NOT EXISTS statement_reviews (
        statement_id VARCHAR PRIMARY KEY, state VARCHAR NOT NULL, version INTEGER NOT NULL, reason VARCHAR,
        reviewer VARCHAR, seq INTEGER, made_at TIMESTAMP, predicate VARCHAR, reversed BOOLEAN NOT NULL,
        certainty VARCHAR, orig_predicate VARCHAR NOT NULL, orig_certainty VARCHAR NOT NULL)""",
    # Per edge: how many of its statements are confirmed and rejected (kept after each decision).
    """CREATE TABLE IF NOT EXISTS edge_reviews (
        relation_id VARCHAR PRIMARY KEY, confirmed INTEGER NOT NULL, rejected INTEGER NOT NULL)""",
    # An edge confirmed or rejected as a whole: new evidence for it from later ingests follows.
    """CREATE TABLE IF NOT EXISTS edge_rules (
        relation_id VARCHAR PRIMARY KEY, state VARCHAR NOT NULL, seq INTEGER NOT NULL)""",
    # An actor's name, type or Wikidata id set by hand: kept over what later ingests compute.
    """CREATE TABLE IF NOT EXISTS actor_reviews (
        actor_id VARCHAR PRIMARY KEY, version INTEGER NOT NULL, name VARCHAR, type VARCHAR,
        wikidata VARCHAR, wikidata_set BOOLEAN NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS reviews (
        seq INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, target VARCHAR NOT NULL, target_id VARCHAR NOT NULL,
        reviewer VARCHAR NOT NULL, made_at TIMESTAMP NOT NULL, reason VARCHAR NOT NULL, before VARCHAR NOT NULL,
        after VARCHAR NOT NULL, undoes INTEGER, undone_by INTEGER)""",
    "CREATE INDEX IF NOT EXISTS reviews_target ON reviews (target_id)",
]


def _relation_firsts(store: "Store") -> None:
    from .summaries import build_relation_firsts

    build_relation_firsts(store)


_RELATION_FIRSTS = [
    """CREATE TABLE IF NOT EXISTS relation_firsts (
        relation_id VARCHAR NOT NULL, negated BOOLEAN NOT NULL, statement_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL, sentence VARCHAR, sent_start INTEGER, sent_end INTEGER, certainty VARCHAR NOT NULL,
        date VARCHAR, role VARCHAR, extractor VARCHAR, source VARCHAR NOT NULL, title VARCHAR, seq BIGINT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS relation_firsts_relation ON relation_firsts (relation_id)",
    _relation_firsts,
    # A profile reads an actor's names and spellings by actor id; their primary keys (actor_id, ...)
    # are composite, which DuckDB does not scan by their first column alone.
    "CREATE INDEX IF NOT EXISTS actor_names_actor ON actor_names (actor_id)",
    "CREATE INDEX IF NOT EXISTS actor_spellings_actor ON actor_spellings (actor_id)",
]


def _actor_search(store: "Store") -> None:
    from .summaries import build_actor_search

    build_actor_search(store)


def _reviewers_to_file(store: "Store") -> None:
    from .reviewers import move_to_file  # reviewers reads the database module, which reads this one
    move_to_file(store)


MIGRATIONS: list[tuple[int, str, list[str | Callable[["Store"], None]]]] = [
    (1, "create-graph", _GRAPH),
    (2, "actor-summaries", _SUMMARIES),
    # Point lookups of the few events, quotes and figures a profile shows (`id IN (...)`).
    (3, "item-id-indexes", ["CREATE INDEX events_id ON events (id)", "CREATE INDEX quotes_id ON quotes (id)",
                            "CREATE INDEX figures_id ON figures (id)"]),
    (4, "refold-names", [refold_names]),
    # What `ingest --feed/--urls` and `watch` fetched: a feed's validators for conditional
    # requests; a page that failed for good (lasting) is not asked for again. A page stored
    # is found by its article's source, the URL.
    (5, "fetched", ["""CREATE TABLE IF NOT EXISTS fetched (
        url VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, status INTEGER, etag VARCHAR, last_modified VARCHAR,
        error VARCHAR, lasting BOOLEAN NOT NULL, fetched_at TIMESTAMP NOT NULL)""",
                    "CREATE INDEX IF NOT EXISTS articles_source ON articles (source)"]),
    (6, "actor-signatures", _SIGNATURES),
    # What intake doubted about an article it still read (HTML cut off mid-page), kept with it.
    (7, "article-warnings", ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS warnings VARCHAR[]"]),
    # The sound block of a name is that of its last word without a plural ending (resolve.names).
    (8, "plural-blocks", [refold_names]),
    # Stories: each article's fingerprint and band keys (resolve.copies), the story it belongs
    # to (copies across outlets count as one source), and the splits and joins made by hand.
    (9, "stories", ["CREATE TABLE IF NOT EXISTS article_fingerprints (article_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL)",
                    "CREATE TABLE IF NOT EXISTS article_bands (key BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
                    "CREATE INDEX IF NOT EXISTS article_bands_key ON article_bands (key)",
                    """CREATE TABLE IF NOT EXISTS article_stories (
                        article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, copy_of VARCHAR, similarity DOUBLE,
                        how VARCHAR NOT NULL)""",
                    "CREATE TABLE IF NOT EXISTS story_pins (story_id VARCHAR PRIMARY KEY)",
                    """CREATE TABLE IF NOT EXISTS story_decisions (
                        seq INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, story_id VARCHAR NOT NULL, other VARCHAR NOT NULL,
                        note VARCHAR, made_at TIMESTAMP NOT NULL)""",
                    # Independent stories per edge: `relations.sources` counts articles, copies included.
                    "CREATE TABLE IF NOT EXISTS relation_stories (relation_id VARCHAR PRIMARY KEY, stories INTEGER NOT NULL)",
                    _fingerprint_stored]),
    # Actors an analyst follows, and the ingest runs that `changes` counts from.
    (10, "watch-list", ["""CREATE TABLE IF NOT EXISTS watch_list (
                            actor_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, added_at TIMESTAMP NOT NULL)""",
                       """CREATE TABLE IF NOT EXISTS runs (
                            seq INTEGER PRIMARY KEY, command VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL,
                            finished_at TIMESTAMP, stored INTEGER NOT NULL)"""]),
    # Reviews by hand (store.review): a rejected statement moves to rejected_statements (the same
    # columns as statements: a migration that adds a column to statements adds it there too), so
    # every reader of statements and relations leaves it out unless asked; each statement's review
    # state and corrections, each edge's review counts and standing edge decisions, actor overrides,
    # and the decisions themselves with the state before (for undo).
    (11, "reviews", _REVIEWS),
    # A body many have one of ("Shura Council") is one actor only within its parent
    # (extraction.bodies): the parent's key is kept with the per-article actor and its signature.
    # Actors stored before have none, as if no body, and resolve as they did.
    (12, "body-parents", ["ALTER TABLE article_actors ADD COLUMN IF NOT EXISTS parent VARCHAR",
                          "ALTER TABLE actor_signatures ADD COLUMN IF NOT EXISTS parent VARCHAR"]),
    # Who may write through `actorgraph serve` (store.reviewers): a name and a hashed token each;
    # the key that signs the web app's sessions.
    (13, "reviewers", ["""CREATE TABLE IF NOT EXISTS reviewers (
                           name VARCHAR PRIMARY KEY, token_id VARCHAR NOT NULL, salt BLOB NOT NULL,
                           hash BLOB NOT NULL, added_at TIMESTAMP NOT NULL)""",
                       """CREATE TABLE IF NOT EXISTS web_keys (
                           name VARCHAR PRIMARY KEY, key BLOB NOT NULL, created_at TIMESTAMP NOT NULL)"""]),
    # Where an article was read (a corpus line, a WARC file and offset), and for a WARC capture its
    # date and record id; the records of an input that hold no article by design (a WARC's requests,
    # PDFs, revisits), each with its reason: counted and listed, not retried like failures.
    (14, "article-origin", ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS origin VARCHAR",
                            "ALTER TABLE articles ADD COLUMN IF NOT EXISTS captured_at VARCHAR",
                            "ALTER TABLE articles ADD COLUMN IF NOT EXISTS record_id VARCHAR",
                            """CREATE TABLE IF NOT EXISTS skipped (
                                source VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, reason VARCHAR NOT NULL,
                                seen INTEGER NOT NULL, first_at TIMESTAMP NOT NULL, last_at TIMESTAMP NOT NULL)"""]),
    # Each edge's first statements each way (store.summaries), so a profile reads a few rows per edge;
    # indexes for a profile's reads by actor id.
    (15, "relation-firsts", _RELATION_FIRSTS),
    # What gave each per-article actor its type and how sure (extraction.typing): `show` says how
    # sure a node's type is. Actors stored before have neither.
    (16, "type-confidence", ["ALTER TABLE article_actors ADD COLUMN IF NOT EXISTS typed_by VARCHAR",
                             "ALTER TABLE article_actors ADD COLUMN IF NOT EXISTS type_confidence DOUBLE"]),
    # The type-ahead's keys (store.summaries): each spelling from each of its words on, sorted,
    # with the actor's article count, so a prefix reads one range instead of every name.
    (17, "actor-search", ["""CREATE TABLE IF NOT EXISTS actor_search (
                              key VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
                              whole BOOLEAN NOT NULL, articles INTEGER NOT NULL)""",
                          _actor_search]),
    # Reviewers move to a file beside the store (store.reviewers), so `actorgraph reviewers add|remove`
    # change who may write while a server holds the store; the table stays, empty.
    (18, "reviewers-file", [_reviewers_to_file]),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
