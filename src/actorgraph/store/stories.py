"""Stories: the copies of one article across outlets, grouped so that a story counts as one source.

Every stored article has a fingerprint (`resolve.copies`) and belongs to one story. A new
article joins the story of its closest stored copy, and bridges into it the stories of its
other copies; an article without a copy starts a story of its own. An analyst can split an
article out of its story or join two stories; the decisions are kept (`story_decisions`),
and a story decided by hand is pinned: automatic bridging never merges it again.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import DecisionError
from ..model import content_id
from .database import Store, now


def story_id_for(article_id: str) -> str:
    """The id of the story an article starts."""
    return content_id(article_id, prefix="y")


class StoryAssigner:
    """Finds the story of each article of a batch, against the store and the batch's earlier articles."""

    def __init__(self, store: Store):
        from ..resolve.copies import CopyIndex

        self.store = store
        self.index = CopyIndex()
        self.story_of: dict[str, str] = {}  # article -> its story (stored candidates and the batch's articles)
        self.members: dict[str, list[str]] = {}  # story -> the articles story_of gives it: a bridge moves them
        self.rows_of: dict[str, list[list]] = {}  # story -> the batch's article_stories rows in it
        self.pinned = {s for (s,) in store.rows("SELECT story_id FROM story_pins")}
        self.fingerprints: list[tuple] = []
        self.bands: list[tuple] = []
        self.stories: list[list] = []  # article_stories rows of the batch, changeable until written
        self.bridged: dict[str, str] = {}  # stored story -> the story it joins
        self.pending: list[tuple] = []  # (article id, fingerprint, band keys) of the batch, in order

    def add(self, article_id: str, text: str) -> None:
        """Fingerprint an article of the batch; its story is found when the batch is flushed."""
        from ..resolve.copies import band_keys, fingerprint

        sig = fingerprint(text)
        self.pending.append((article_id, sig, band_keys(sig)))

    def _load_candidates(self) -> None:
        """The stored articles that share a band with an article of the batch, with their keys and fingerprints.

        One query per batch: a semi join of the bands on the batch's keys (for a few thousand keys
        DuckDB's hash join beats index lookups of a literal IN list, measured on 400,000 bands).
        """
        from ..resolve.copies import from_bytes

        keys = sorted({k for _, _, ks in self.pending for k in ks})
        if not keys:
            return
        found: dict[str, list[int]] = {}
        rows = self.store.rows("""
            WITH hits AS (SELECT b.key, b.article_id FROM article_bands b
                          SEMI JOIN (SELECT unnest(?::BIGINT[]) AS key) k ON k.key = b.key)
            SELECT h.key, h.article_id, f.signature, s.story_id FROM hits h
            JOIN article_fingerprints f ON f.article_id = h.article_id
            JOIN article_stories s ON s.article_id = h.article_id""", [keys])
        signatures = {}
        for key, aid, blob, story in rows:
            found.setdefault(aid, []).append(key)
            signatures[aid] = (blob, story)
        for aid, (blob, story) in signatures.items():
            if aid not in self.index.signatures:
                self.index.add(aid, from_bytes(blob), found[aid])
                self._join(aid, story)

    def _assign(self) -> None:
        from ..resolve.copies import assign_story, to_bytes

        self._load_candidates()
        for article_id, sig, keys in self.pending:
            copies = self.index.copies(sig, keys)
            target, bridged = assign_story(copies, self.story_of, self.pinned)
            story = target or story_id_for(article_id)
            for other in bridged:
                self._bridge(other, story)
            self._join(article_id, story)
            self.index.add(article_id, sig, keys)
            self.fingerprints.append((article_id, to_bytes(sig)))
            self.bands += [(k, article_id) for k in keys]
            row = [article_id, story, copies[0][0] if copies else None,
                   round(copies[0][1], 3) if copies else None, "first" if target is None else "copy"]
            self.stories.append(row)
            self.rows_of.setdefault(story, []).append(row)
        self.pending = []

    def _current(self, story: str) -> str:
        while story in self.bridged:
            story = self.bridged[story]
        return story

    def _join(self, article_id: str, story: str) -> None:
        """Put an article in a story (out of the one it was in)."""
        old = self.story_of.get(article_id)
        if old is not None:
            self.members[old].remove(article_id)
        self.story_of[article_id] = story
        self.members.setdefault(story, []).append(article_id)

    def _bridge(self, other: str, story: str) -> None:
        """Move story `other`'s articles and rows into `story` (in time of their number, not of the batch's)."""
        self.bridged[other] = story
        moved = self.members.pop(other, [])
        for key in moved:
            self.story_of[key] = story
        self.members.setdefault(story, []).extend(moved)
        rows = self.rows_of.pop(other, [])
        for row in rows:
            row[1] = story
        self.rows_of.setdefault(story, []).extend(rows)

    def flush(self, relation_ids: list[str]) -> None:
        """Write the batch's fingerprints, bands and stories, bridge stored stories; recount the edges touched.

        `relation_ids` are the edges of the batch's statements (written already).
        """
        self._assign()
        touched = set(relation_ids)
        if self.bridged:
            old = sorted(self.bridged)
            touched |= relations_of_stories(self.store, old)
            self.store.conn.execute("""UPDATE article_stories SET story_id = m.new
                FROM (SELECT unnest(?::VARCHAR[]) AS old, unnest(?::VARCHAR[]) AS new) m
                WHERE article_stories.story_id = m.old""", [old, [self._current(o) for o in old]])
        self.store.insert("article_fingerprints", self.fingerprints)
        self.store.insert("article_bands", self.bands)
        self.store.insert("article_stories", [tuple(r) for r in self.stories])
        recount_stories(self.store, touched)


def relations_of_stories(store: Store, story_ids: list[str]) -> set[str]:
    """The edges stated by some article of these stories."""
    return {r for (r,) in store.rows("""SELECT DISTINCT relation_id FROM statements WHERE article_id IN
        (SELECT article_id FROM article_stories WHERE story_id IN (SELECT unnest(?::VARCHAR[])))""", [story_ids])}


_RECOUNT = """
INSERT INTO relation_stories
SELECT s.relation_id, count(DISTINCT coalesce(st.story_id, s.article_id))::INTEGER FROM statements s
LEFT JOIN article_stories st ON st.article_id = s.article_id {where} GROUP BY s.relation_id"""


def recount_stories(store: Store, relation_ids: set[str] | list[str] | None = None) -> None:
    """Count again the independent stories of these edges (None: of every edge)."""
    if relation_ids is None:
        store.conn.execute("DELETE FROM relation_stories")
        store.conn.execute(_RECOUNT.format(where=""))
        return
    ids = sorted(set(relation_ids))
    if not ids:
        return
    store.conn.execute("DELETE FROM relation_stories WHERE relation_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    store.conn.execute(_RECOUNT.format(where="WHERE s.relation_id IN (SELECT unnest(?::VARCHAR[]))"), [ids])


def story_counts(store: Store, relation_ids: list[str]) -> dict[str, int]:
    """Independent stories per edge (an edge without a count, e.g. gone, is left out)."""
    if not relation_ids:
        return {}
    return dict(store.rows("SELECT relation_id, stories FROM relation_stories "
                           "WHERE relation_id IN (SELECT unnest(?::VARCHAR[]))", [list(relation_ids)]))


def fingerprint_stored(store: Store) -> None:
    """Migration step: fingerprint the articles stored before stories existed, oldest first."""
    rows = store.rows("SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_stories) "
                      "ORDER BY seq")
    for start in range(0, len(rows), 1000):
        assigner = StoryAssigner(store)
        for article_id, text in rows[start:start + 1000]:
            assigner.add(article_id, text or "")
        assigner.flush([])
    recount_stories(store)


@dataclass(frozen=True)
class StoryDecision:
    seq: int
    kind: str  # split-story | join-stories
    story_id: str  # split: the new story; join: the kept story
    other: str  # split: the article moved out; join: the story joined into the kept one
    note: str


def story_of(store: Store, article_id: str) -> str:
    """The story of a stored article; raises DecisionError for an unknown article."""
    found = store.value("SELECT story_id FROM article_stories WHERE article_id = ?", [article_id])
    if found is None:
        raise DecisionError(f"no stored article {article_id!r} (give an article id or its source)")
    return found


def find_article(store: Store, ref: str) -> str:
    """An article id from an id or a source (a URL or a path); raises DecisionError when none matches."""
    rows = store.rows("SELECT id FROM articles WHERE id = ? OR source = ? ORDER BY seq", [ref, ref])
    if not rows:
        raise DecisionError(f"no stored article has the id or source {ref!r}")
    return rows[0][0]


def story(store: Store, ref: str) -> dict:
    """A story and its copies: each article with its source, title, date and what it copies."""
    sid = story_of(store, find_article(store, ref))
    rows = store.rows("""SELECT a.id, a.source, a.title, a.published, s.copy_of, s.similarity, s.how
        FROM article_stories s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY a.seq""", [sid])
    pinned = bool(store.value("SELECT count(*) FROM story_pins WHERE story_id = ?", [sid]))
    return {"story": sid, "pinned": pinned, "articles": [
        {"id": r[0], "source": r[1], "title": r[2], "published": r[3], "copy_of": r[4], "similarity": r[5],
         "how": r[6]} for r in rows]}


def _next_seq(store: Store) -> int:
    """The number the next story decision takes."""
    return store.value("SELECT coalesce(max(seq), 0) + 1 FROM story_decisions")


def _record(store: Store, seq: int, kind: str, story_id: str, other: str, note: str) -> StoryDecision:
    store.insert("story_decisions", [(seq, kind, story_id, other, note, now())])
    store.conn.execute("INSERT OR IGNORE INTO story_pins VALUES (?)", [story_id])
    return StoryDecision(seq, kind, story_id, other, note)


def split_story(store: Store, ref: str, note: str = "") -> StoryDecision:
    """Move one article out of its story into a story of its own; both stories are pinned."""
    article_id = find_article(store, ref)
    old = story_of(store, article_id)
    if store.value("SELECT count(*) FROM article_stories WHERE story_id = ?", [old]) < 2:
        raise DecisionError(f"article {ref!r} is alone in its story; nothing to split")
    with store.transaction():
        seq = _next_seq(store)  # the decision's number makes the new story's id
        new = content_id(article_id, "split", str(seq), prefix="y")
        touched = relations_of_stories(store, [old])
        store.conn.execute("UPDATE article_stories SET story_id = ?, how = 'split by hand' WHERE article_id = ?",
                           [new, article_id])
        recount_stories(store, touched)
        store.conn.execute("INSERT OR IGNORE INTO story_pins VALUES (?)", [old])
        return _record(store, seq, "split-story", new, article_id, note or f"{ref} is not a copy of story {old}")


def join_stories(store: Store, keep_ref: str, other_ref: str, note: str = "") -> StoryDecision:
    """Join the story of `other_ref` into the story of `keep_ref` (articles by id or source); pinned."""
    keep, other = story_of(store, find_article(store, keep_ref)), story_of(store, find_article(store, other_ref))
    if keep == other:
        raise DecisionError("both articles are in the same story already; nothing to join")
    with store.transaction():
        touched = relations_of_stories(store, [keep, other])
        store.conn.execute("UPDATE article_stories SET story_id = ?, how = 'joined by hand' WHERE story_id = ?",
                           [keep, other])
        recount_stories(store, touched)
        store.conn.execute("DELETE FROM story_pins WHERE story_id = ?", [other])
        return _record(store, _next_seq(store), "join-stories", keep, other,
                       note or f"story {other} joined into {keep}")


def story_decisions(store: Store) -> list[StoryDecision]:
    return [StoryDecision(*r) for r in store.rows(
        "SELECT seq, kind, story_id, other, note FROM story_decisions ORDER BY seq")]
