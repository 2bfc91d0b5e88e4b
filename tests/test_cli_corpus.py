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


def test_a_record_without_text_is_recorded_as_its_corpus_line_and_can_be_retried(tmp_path):
    corpus = tmp_path / "feed.jsonl"
    good = {"source": "world", "text": STORY}
    corpus.write_text(json.dumps(good) + "\n" + json.dumps({"source": "x", "title": "no body"}) + "\n",
                      encoding="utf-8")
    store = tmp_path / "g.duckdb"
    proc = run("ingest", str(corpus), "--store", str(store))
    assert proc.returncode == 1
    [fail] = [line for line in proc.stderr.splitlines() if line.startswith("FAIL")]
    assert fail.startswith(f"FAIL {corpus}#L2: ") and "record 'x'" in fail, proc.stderr
    listed = run("failures", "--store", str(store), "--json")
    assert [f["source"] for f in json.loads(listed.stdout)] == [f"{corpus}#L2"]

    corpus.write_text(json.dumps(good) + "\n" + json.dumps({"source": "x", "text": STORY.replace("Monday", "Friday")})
                      + "\n", encoding="utf-8")
    retry = run("ingest", "--retry-failed", "--store", str(store))
    assert "no such file" not in retry.stderr
    assert retry.returncode == 0, retry.stderr
    assert "1 stored, 1 already stored, 0 failed" in retry.stderr
    assert json.loads(run("failures", "--store", str(store), "--json").stdout) == []
