"""The `review` export: reviewed statements in the evaluation contract's shape, each with its review label.

One JSON object a line per article that has reviewed statements (shared/eval/CONTRACT.md: a
JSON Lines prediction file, the stem taken from `document.source`): the document, the
per-article entities the statements name, and each reviewed statement as a contract relation
with its evidence and `review`: "confirmed" (right as extracted), "corrected" (the relation is
given as corrected; `extracted` says what was extracted) or "rejected" (as extracted, wrong).
So reviews can score the extractor or train it. Statements added by hand are left out: their
evidence is a note, not the article's text. Events, quotes and figures are not reviewed yet:
their lists are empty.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import IO

from ..ontology import ontology
from .selection import Selection

_REVIEWED = """
SELECT s.id, s.article_id, s.local_subject, s.predicate, s.local_object, s.certainty, s.role, s.date, s.sentence,
       s.sent_start, s.sent_end, s.cue_start, s.cue_end, s.extractor, s.review, v.reason, v.reviewer, v.made_at,
       v.predicate IS NOT NULL OR v.certainty IS NOT NULL OR v.reversed, v.reversed, v.orig_predicate, v.orig_certainty
FROM x_statement_rows s JOIN x_statements x ON x.id = s.id JOIN statement_reviews v ON v.statement_id = s.id
JOIN articles a ON a.id = s.article_id
WHERE s.review IN ('confirmed', 'rejected') AND a.format IS DISTINCT FROM 'manual'
ORDER BY a.seq, s.sent_start NULLS LAST, s.id
"""


def review_records(selection: Selection) -> list[dict]:
    """One contract record per article with reviewed statements, in store order."""
    store = selection.store
    rows = store.rows(_REVIEWED)
    by_article: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        by_article[row[1]].append(row)
    contract = {name: p.contract for name, p in ontology().items()}
    records = []
    for article_id, statements in by_article.items():
        source, text, title, published, url = store.rows(
            "SELECT source, text, title, published, url FROM articles WHERE id = ?", [article_id])[0]
        local = sorted({r[2] for r in statements} | {r[4] for r in statements})
        entities = [{"id": l, "name": n, "type": t, "aliases": [a for a in (aliases or []) if a != n],
                     "actor_id": g}
                    for l, n, t, aliases, g in store.rows(
                        """SELECT local_id, name, type, aliases, actor_id FROM article_actors
                           WHERE article_id = ? AND local_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY local_id""",
                        [article_id, local])]
        relations = []
        for (sid, _, subject, predicate, object_, certainty, role, date, sentence, start, end, cue_start, cue_end,
             extractor, review, reason, reviewer, made_at, corrected, reversed_, orig_predicate,
             orig_certainty) in statements:
            label = "rejected" if review == "rejected" else ("corrected" if corrected else "confirmed")
            rel = {"subject": subject, "predicate": contract.get(predicate, predicate), "object": object_,
                   "certainty": certainty, "role": role, "date": date,
                   "evidence": [{"sentence": sentence, "start": start, "end": end, "cue_start": cue_start,
                                 "cue_end": cue_end, "extractor": extractor}],
                   "review": label, "reason": reason, "reviewer": reviewer, "reviewed_at": str(made_at),
                   "statement": sid}
            if corrected:
                rel["extracted"] = {"subject": object_ if reversed_ else subject,
                                    "predicate": contract.get(orig_predicate, orig_predicate),
                                    "object": subject if reversed_ else object_, "certainty": orig_certainty}
            relations.append(rel)
        records.append({"document": {"id": article_id, "source": source, "text": text, "title": title,
                                     "published": published, "url": url},
                        "entities": entities, "relations": relations, "events": [], "quotes": [], "figures": []})
    return records


def write_review(selection: Selection, out: IO[str]) -> int:
    """Write the review records as JSON Lines; the number of reviewed statements written."""
    n = 0
    for record in review_records(selection):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += len(record["relations"])
    return n
