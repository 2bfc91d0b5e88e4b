"""The `actorgraph extract` command end to end: a real subprocess on real files."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CONTRACT_KEYS = {"document", "entities", "relations", "events", "quotes", "figures"}


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "actorgraph.cli", *args], capture_output=True, text=True,
        cwd=cwd, env={**os.environ, **(env or {})}, timeout=600,
    )


def test_extract_samples_writes_one_contract_file_per_article(tmp_path):
    out = tmp_path / "out"
    proc = run("extract", str(SAMPLES), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    files = sorted(p.name for p in out.glob("*.json"))
    assert files == sorted(f"{p.stem}.json" for p in SAMPLES.iterdir() if p.is_file())
    seed = json.loads((out / "seed-aleppo.json").read_text(encoding="utf-8"))
    assert CONTRACT_KEYS <= seed.keys()
    assert seed["document"]["text"].rstrip().endswith("Otherwise, Aleppo is just the beginning.")
    names = {e["name"] for e in seed["entities"]}
    assert "Aleppo" in names
    types = {e["name"]: e["type"] for e in seed["entities"]}
    assert types["Aleppo"] == "location" and types["Iran"] == "country"
    # one summary line per article on stderr
    assert sum(line.startswith("ok ") for line in proc.stderr.splitlines()) == len(files)


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((SAMPLES / "seed-aleppo.txt").read_text(encoding="utf-8"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    missing = tmp_path / "nowhere.md"
    out = tmp_path / "out"
    proc = run("extract", str(empty), str(good), str(binary), str(missing), "--out", str(out))
    assert proc.returncode == 1
    fails = [line for line in proc.stderr.splitlines() if line.startswith("FAIL")]
    assert len(fails) == 3
    for bad in (empty, binary, missing):
        assert any(str(bad) in line for line in fails), (bad, fails)
    assert [p.name for p in out.glob("*.json")] == ["good.json"]


def test_unknown_model_is_a_setup_error_with_the_name(tmp_path):
    proc = run("extract", str(SAMPLES / "seed-aleppo.txt"), "--out", str(tmp_path), "--model", "xx_no_such_model")
    assert proc.returncode == 2
    assert "xx_no_such_model" in proc.stderr


def test_corpus_with_workers_matches_single_process_and_shows_progress(tmp_path):
    corpus = tmp_path / "corpus.jsonl.gz"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir()) if p.suffix == ".md"]
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        for i in range(8):
            f.write(json.dumps({"source": f"doc{i}.md", "text": texts[i % len(texts)]}) + "\n")
        f.write("{not json\n")
    one, two = tmp_path / "one", tmp_path / "two"
    p1 = run("extract", str(corpus), "--out", str(one), "--batch-size", "3")
    p2 = run("extract", str(corpus), "--out", str(two), "--batch-size", "3", "--workers", "2")
    assert p1.returncode == p2.returncode == 1  # the broken line is a failure, named with its line
    assert any("corpus.jsonl.gz" in line and "9" in line for line in p1.stderr.splitlines() if line.startswith("FAIL"))
    a = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in one.glob("*.json")}
    b = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in two.glob("*.json")}
    assert len(a) == 8 and a == b
    # past a few articles a progress bar shows on a terminal; stderr here is a pipe, as a log would be:
    # no carriage-return frames, only the per-article lines and the summary
    # (text mode turns each "\r" into a line break: a frame would show as a line "articles: 6art [...]")
    assert "articles:" not in p1.stderr and "8 extracted, 1 failed" in p1.stderr


def test_registry_file_from_the_command_line_is_used(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text(
        "The Sons of the Valley Brigade, a militia, attacked a checkpoint near Tal Afar on Monday. "
        "Its commander said the Sons of the Valley Brigade would fight on.\n", encoding="utf-8")
    registry = tmp_path / "mine.yaml"
    registry.write_text(
        "actors:\n  - id: sons_of_the_valley\n    name: Sons of the Valley Brigade\n"
        "    type: organization\n    aliases: [Valley Brigade]\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run("extract", str(article), "--out", str(out), "--registry", str(registry))
    assert proc.returncode == 0, proc.stderr
    ents = json.loads((out / "note.json").read_text(encoding="utf-8"))["entities"]
    match = [e for e in ents if e["registry_id"] == "sons_of_the_valley"]
    assert len(match) == 1 and match[0]["type"] == "organization" and len(match[0]["mentions"]) == 2


@pytest.mark.parametrize("bad", ["actors: [1, 2]", "actors:\n  - id: X Y\n    name: a\n    type: person\n", "::"])
def test_bad_registry_file_is_a_setup_error_naming_the_file(tmp_path, bad):
    registry = tmp_path / "broken.yaml"
    registry.write_text(bad, encoding="utf-8")
    proc = run("extract", str(SAMPLES / "seed-aleppo.txt"), "--out", str(tmp_path / "o"), "--registry", str(registry))
    assert proc.returncode == 2
    assert "broken.yaml" in proc.stderr
