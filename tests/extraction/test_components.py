"""Extraction as components: the pipeline setting chooses and orders them, a user's component is
named as module:attribute, and whatever a component raises fails that article alone."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import actorgraph
from actorgraph.errors import ConfigError
from actorgraph.extraction.components import COMPONENTS, DEFAULT_PIPELINE
from actorgraph.model import Article
from actorgraph.settings import Settings

TESTS = Path(__file__).resolve().parents[1]
GOOD = ("Kataib Hezbollah leader Abu Fadak al-Mohammadawi said on Monday that Iran backs the group. "
        "\"We will answer every attack,\" al-Mohammadawi told reporters in Baghdad.")
BAD = "Hezbollah fighters were deployed to Zanzibar in 2016, officials said."
WITH_RAISES = (*DEFAULT_PIPELINE, "raising_component:Raises")


def _article(text: str, source: str) -> Article:
    return Article(text=text, source=source)


def test_the_default_pipeline_is_the_setting_default_and_every_name_is_in_the_table():
    assert Settings().pipeline == DEFAULT_PIPELINE
    assert set(DEFAULT_PIPELINE) <= set(COMPONENTS)


def test_a_component_that_raises_fails_its_article_alone_and_names_article_component_and_reason():
    batch = actorgraph.extract(_article(GOOD, "good-1.txt"), _article(BAD, "bad.txt"), _article(GOOD, "good-2.txt"),
                               pipeline=WITH_RAISES)
    assert [ex.article.source for ex in batch.extractions] == ["good-1.txt", "good-2.txt"]
    assert all(ex.actors and ex.relations for ex in batch.extractions)
    [failure] = batch.failures
    assert failure.source == "bad.txt" and failure.error == "ExtractionError"
    assert "bad.txt" in failure.reason and "'raises'" in failure.reason and "IndexError" in failure.reason


def test_dropping_a_stage_leaves_its_records_empty_and_the_others_unchanged():
    full = actorgraph.extract_text(GOOD, "a.txt")
    no_quotes = actorgraph.extract_text(GOOD, "a.txt", pipeline=tuple(c for c in DEFAULT_PIPELINE if c != "quotes"))
    assert full.quotes and not no_quotes.quotes
    assert [r.predicate for r in no_quotes.relations] == [r.predicate for r in full.relations]
    only_actors = actorgraph.extract_text(GOOD, "a.txt", pipeline=("actors",))
    assert only_actors.actors and not only_actors.relations and not only_actors.events


@pytest.mark.parametrize("pipeline, message", [
    (("actors", "no_such_stage"), "unknown component 'no_such_stage'"),
    (("actors", "verify", "relation_rules"), "'verify' requires ag_relation_candidates"),
    (("relation_rules",), "requires ag_actors"),
    (("actors", "no_such_module_xyz:Thing"), "cannot load component 'no_such_module_xyz:Thing'"),
])
def test_a_pipeline_that_cannot_run_is_a_setup_error_naming_the_component(pipeline, message):
    with pytest.raises(ConfigError, match=message):
        actorgraph.extract_text(GOOD, "a.txt", pipeline=pipeline)


def test_ingest_records_the_failed_article_and_stores_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD + "\n", encoding="utf-8")
    (folder / "bad.txt").write_text(BAD + "\n", encoding="utf-8")
    (tmp_path / "actorgraph.toml").write_text(f"pipeline = {list(WITH_RAISES)!r}\n".replace("'", '"'))
    env = {"PYTHONPATH": str(TESTS), "PATH": "/usr/bin:/bin"}
    run = lambda *a: subprocess.run([sys.executable, "-m", "actorgraph.cli", *a, "--store", "g.duckdb"],
                                    cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    proc = run("ingest", str(folder))
    assert proc.returncode == 1, proc.stderr
    assert "FAIL" in proc.stderr and "bad.txt" in proc.stderr and "'raises'" in proc.stderr
    failures = run("failures")
    assert "bad.txt" in failures.stdout and "ExtractionError" in failures.stdout and "good.txt" not in failures.stdout
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["counts"]["articles"] == 1 and stats["counts"]["failures"] == 1, stats


ARABIC = ("أعلنت الحكومة العراقية يوم الاثنين أن قوات الحشد الشعبي دخلت مدينة الموصل بعد معارك عنيفة "
          "استمرت أسبوعين، وقال متحدث باسم القوات إن العملية انتهت.")


def test_an_article_in_another_language_is_a_named_failure_not_an_empty_success(tmp_path):
    batch = actorgraph.extract(_article(GOOD, "en.txt"), Article(text=ARABIC, source="ar.txt", language="ar"))
    assert [ex.article.source for ex in batch.extractions] == ["en.txt"]
    [failure] = batch.failures
    assert failure.error == "UnsupportedLanguageError" and "'ar'" in failure.reason and "ar.txt" in failure.reason
    (tmp_path / "ar.txt").write_text(ARABIC + "\n", encoding="utf-8")
    run = lambda *a: subprocess.run([sys.executable, "-m", "actorgraph.cli", *a], cwd=tmp_path,
                                    capture_output=True, text=True, timeout=600)
    proc = run("extract", "ar.txt", "--out", "out")
    assert proc.returncode == 1 and "FAIL" in proc.stderr and "'ar'" in proc.stderr
    proc = run("ingest", "ar.txt", "--store", "g.duckdb")
    assert proc.returncode == 1 and "'ar'" in proc.stderr
    assert "UnsupportedLanguageError" in run("failures", "--store", "g.duckdb").stdout
