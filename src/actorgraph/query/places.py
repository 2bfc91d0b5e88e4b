"""Places named in the same sentence as an actor: where the articles place an actor that no
relation or event places (the Houthis' "Yemen", Wagner's "Mali"), marked as such, never as a relation."""
from __future__ import annotations

import re

from ..store import Store

PLACE_TYPES = ("location", "country")
NAMED_WITH = "named with"  # the `how` of such a place: a co-mention, weaker than any relation
# A sentence ends between two mentions: a stop, then a space and an opening capital or quote.
# The word before the stop ends in two lowercase letters or a digit, so "U.S. Treasury" goes on.
_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{2})|(?<=\d))[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z0-9]")


def named_with(store: Store, actor_id: str, limit: int = 10) -> list[dict]:
    """The places named in the sentences that name the actor, most sentences first."""
    rows = store.rows("""
        SELECT m.article_id, m.char_start, m.char_end, g.id, g.name, g.type, a.text, a.published
        FROM mentions m
        JOIN article_actors aa ON aa.article_id = m.article_id AND aa.local_id = m.local_id
        JOIN actors g ON g.id = aa.actor_id
        JOIN articles a ON a.id = m.article_id
        WHERE m.article_id IN (SELECT article_id FROM article_actors WHERE actor_id = ?)
          AND (g.id = ? OR list_contains(?, g.type))
        ORDER BY m.article_id, m.char_start""", [actor_id, actor_id, list(PLACE_TYPES)])
    by_article: dict[str, list[tuple]] = {}
    for row in rows:
        by_article.setdefault(row[0], []).append(row)
    found: dict[str, dict] = {}
    for mentions in by_article.values():
        text = mentions[0][6] or ""
        own = [m for m in mentions if m[3] == actor_id]
        seen: set[tuple[str, int]] = set()
        for place in (m for m in mentions if m[3] != actor_id):
            for m in own:
                a, b = sorted((m, place), key=lambda x: x[1])
                if _SENTENCE_END.search(text[a[2]:b[1]]):
                    continue
                start = _sentence_start(text, a[1])
                if (place[3], start) in seen:
                    break
                seen.add((place[3], start))
                entry = found.setdefault(place[3], {"place": {"id": place[3], "name": place[4], "type": place[5]},
                                                    "how": NAMED_WITH, "sources": 0, "first_date": place[7],
                                                    "last_date": place[7], "sentence": _sentence(text, start)})
                entry["sources"] += 1
                dates = [d for d in (entry["first_date"], entry["last_date"], place[7]) if d]
                entry["first_date"], entry["last_date"] = (min(dates), max(dates)) if dates else (None, None)
                break
    return sorted(found.values(), key=lambda e: -e["sources"])[:limit]


def _sentence_start(text: str, at: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, at + 1):
        if m.end() - 1 <= at:
            start = m.end() - 1
    return start


def _sentence(text: str, start: int) -> str:
    m = _SENTENCE_END.search(text, start)
    return text[start:m.start() + 1 if m else len(text)].strip()
