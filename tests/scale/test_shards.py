"""Shards read what `read_articles` reads, in the same order; staged shards merge into the store
idempotently and resume after a crash; no Ray needed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from actorgraph import extract
from actorgraph.export.contract import from_record, to_record
from actorgraph.intake import read_articles
from actorgraph.model import Article, IntakeFailure
from actorgraph.scale import Staging, merge_items, merge_staged, plan_shards
from actorgraph.scale.shards import read_shard
from actorgraph.settings import Settings
from actorgraph.store import Store, ingest

from stores import differences

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

TEXT = "The Northern Brigade, a militia led by Karim Dessal, attacked a checkpoint near Lake Oru on Monday, the army said."


def record(n: int) -> str:
    return json.dumps({"text": TEXT.replace("Monday", f"day {n}"), "title": f"Story {n}"})


@pytest.fixture
def inputs(tmp_path) -> list[str]:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(5):
        (folder / f"p{n}.txt").write_text(f"Report {n}. " + TEXT, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([record(1), "", record(2), "{not json", record(3), record(4), record(5)]) + "\n",
                      encoding="utf-8")
    return [str(folder), str(corpus), str(tmp_path / "missing.txt"), str(SAMPLES / "seed-aleppo.txt")]


def key(item: Article | IntakeFailure) -> tuple:
    return (item.source, item.id) if isinstance(item, Article) else (item.source, item.error)


def test_shards_read_what_read_articles_reads_in_order(inputs):
    settings = Settings()
    shards = plan_shards(inputs, settings, files_per_shard=2, lines_per_shard=3)
    assert [s.kind for s in shards] == ["files", "files", "files", "corpus", "corpus", "corpus", "files"]
    assert [(s.start, s.stop) for s in shards if s.kind == "corpus"] == [(1, 3), (4, 6), (7, 7)]
    read = [key(item) for shard in shards for item in read_shard(shard, settings)]
    assert read == [key(item) for item in read_articles(inputs, settings)]
    assert [s.id for s in plan_shards(inputs, settings, files_per_shard=2, lines_per_shard=3)] == [s.id for s in shards]


def test_a_changed_file_or_setting_makes_a_new_shard(inputs):
    before = plan_shards(inputs, Settings(), lines_per_shard=3)
    Path(inputs[0], "p1.txt").write_text("Another report. " + TEXT, encoding="utf-8")
    after = plan_shards(inputs, Settings(), lines_per_shard=3)
    assert after[0].id != before[0].id and after[1:] == before[1:]
    assert plan_shards(inputs, Settings(model="en_core_web_trf"), lines_per_shard=3)[1].id != before[1].id


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> tuple[Staging, list, Path]:
    """The samples and a corpus with a broken line extracted into a staging folder, one shard per 2 inputs."""
    tmp = tmp_path_factory.mktemp("staged")
    corpus = tmp / "c.jsonl"
    corpus.write_text("\n".join([record(1), "{not json", record(2)]) + "\n", encoding="utf-8")
    inputs = [str(SAMPLES), str(corpus)]
    settings = Settings()
    staging = Staging(tmp / "staging")
    shards = plan_shards(inputs, settings, files_per_shard=2, lines_per_shard=2)
    staging.write_manifest(shards)
    for shard in shards:
        items = list(read_shard(shard, settings))
        done = iter(extract(*[i for i in items if isinstance(i, Article)], settings=settings).extractions)
        staging.write(shard, [next(done) if isinstance(i, Article) else i for i in items])
    one = tmp / "one.duckdb"
    with Store.open(one) as store:
        ingest(inputs, settings, store)
    return staging, inputs, one


def test_a_record_gives_back_the_extraction_whole():
    ex = extract(SAMPLES / "seed-aleppo.txt").extractions[0]
    assert from_record(json.loads(json.dumps(to_record(ex)))) == ex
    assert to_record(ex)["document"]["metadata"] == ex.article.metadata


def test_merging_staged_shards_equals_a_one_process_ingest_and_twice_changes_nothing(staged, tmp_path):
    staging, inputs, one = staged
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        report, missing = merge_staged(store, staging, Settings())
        assert (report.stored, report.failed, missing) == (6, 1, [])
        again, _ = merge_staged(store, staging, Settings())
        assert (again.stored, again.skipped) == (0, 6)
    assert differences(path, one, tries=False) == []


def test_a_merge_cut_short_resumes_without_duplicates(staged, tmp_path):
    staging, inputs, one = staged
    path = tmp_path / "g.duckdb"
    shards = staging.manifest()
    with Store.open(path) as store:
        merge_items(staging.read(shards[0].id), Settings(), store)  # the first shard stored, then a crash
        report, _ = merge_staged(store, staging, Settings())
        assert report.skipped == 2 and report.stored == 4
    assert differences(path, one) == []


def test_a_shard_missing_from_the_staging_folder_is_named(staged, tmp_path):
    staging, inputs, one = staged
    shards = staging.manifest()
    copy = Staging(tmp_path / "copy")
    copy.write_manifest(shards)
    for shard in shards[1:]:
        copy.shard_path(shard.id).parent.mkdir(parents=True, exist_ok=True)
        copy.shard_path(shard.id).write_bytes(staging.shard_path(shard.id).read_bytes())
    with Store.open(tmp_path / "g.duckdb") as store:
        report, missing = merge_staged(store, copy, Settings())
    assert missing == [shards[0]] and report.stored == 4
