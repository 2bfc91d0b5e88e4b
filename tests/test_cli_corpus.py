"""JSON Lines corpora through the CLI: output names and failure records point at the corpus line."""
from __future__ import annotations

import json

from test_cli import run

STORY = ("Hezbollah fighters crossed into Syria on Monday, the group said. "
         "Its commander said Hezbollah would stay in Syria until the fighting ended.\n")


def test_corpus_records_are_written_as_corpus_stem_and_line(tmp_path):
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in [
        {"source": "world", "text": STORY}, {"source": "story", "text": STORY.replace("Monday", "Tuesday")},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run("extract", str(corpus), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.glob("*.json")) == ["feed-1.json", "feed-2.json"]
    # the record's own source is kept in the document
    assert json.loads((out / "feed-1.json").read_text(encoding="utf-8"))["document"]["source"] == "world"
