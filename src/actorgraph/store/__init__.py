"""The store: one DuckDB file holding the merged, sourced graph of every ingested article.

    Store.open(path)               open or create it; named migrations bring the schema up to date
    ingest(inputs, settings, st)   extract and store new articles; record failures and skipped records
    ingest_web(feeds, url_lists, settings, st)   the same for the new pages of feeds and URL lists
    add_extraction(st, ex)         store one extraction in one transaction (skipped when stored)
    add_extractions(st, exs)       store several in one transaction (bulk loads)
    merge(st, a, b) / split(st, a, name) / remove_alias(st, a, name)
                                   decisions by hand, kept and applied to later ingests
    story(st, article) / split_story / join_stories   the copies of a story across outlets; decisions by hand
    confirm_statement / reject_statement / correct_statement / confirm_edge / reject_edge / undo
                                   reviews by hand (store.review): versioned, reversible, kept over ingests
    rename_actor / set_actor_type / set_wikidata / add_relation / add_event / add_actor   (store.manual)

One process writes a store at a time (DuckDB locks the file).
"""
from .database import Store
from .decisions import Decision, decisions, merge, remove_alias, split
from .ingest import IngestReport, article_warnings, failed_inputs, failed_pages, failures, ingest, ingest_items, ingest_web, skipped_records, store_extraction
from .manual import (ActorState, actor, add_actor, add_event, add_relation, rename_actor, set_actor_type,
                     set_wikidata)
from .review import (EdgeState, Review, StatementState, confirm_edge, confirm_statement, correct_statement, edge,
                     edge_states, reject_edge, reject_statement, review, review_queue, reviews, statement, statements_of_edge, undo)
from .schema import MIGRATIONS, SCHEMA_VERSION
from .stories import StoryDecision, join_stories, split_story, story, story_counts, story_decisions
from .writer import Stored, add_extraction, add_extractions, record_failure, record_skips, relation_id

__all__ = ["ActorState", "EdgeState", "Review", "StatementState", "actor", "add_actor", "add_event", "add_relation",
           "confirm_edge", "confirm_statement", "correct_statement", "edge", "edge_states", "reject_edge",
           "reject_statement", "rename_actor", "review", "review_queue", "reviews", "set_actor_type", "set_wikidata", "statement",
           "statements_of_edge", "undo",
           "Decision", "IngestReport", "MIGRATIONS", "SCHEMA_VERSION", "Store", "Stored",
           "add_extraction", "add_extractions", "article_warnings", "decisions", "failed_inputs", "failed_pages", "failures", "ingest", "ingest_items",
           "ingest_web", "merge",
           "record_failure", "record_skips", "relation_id", "skipped_records", "remove_alias", "split", "store_extraction", "StoryDecision", "join_stories",
           "split_story", "story", "story_counts", "story_decisions"]
