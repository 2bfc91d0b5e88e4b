"""`actorgraph registry import`: FtM entities become known actors that later ingests resolve to."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import duckdb
import pytest
import yaml

from actorgraph.errors import RegistryError
from actorgraph.export.ftm_import import import_ftm
from actorgraph.registry import load_registry
from actorgraph.settings import Settings

LIWA = {"id": "os-liwa-al-example", "schema": "Organization",
        "properties": {"name": ["Liwa al-Example"], "alias": ["Example Brigade", "لواء المثال"],
                       "weakAlias": ["LaE"], "country": ["iq"]}}
SAMPLE = {"id": "os-abu-sample", "schema": "Person",
          "properties": {"name": ["Abu Sample al-Testi"], "previousName": ["Hamid Testi"],
                         "weakAlias": ["Abu Sample"]}}
KHAMENEI = {"id": "Q57336", "schema": "Person",
            "properties": {"name": ["Ali Khamenei"], "alias": ["Sayyid Ali Hosseini Khamenei"],
                           "wikidataId": ["Q57336"]}}
SANCTION = {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["os-abu-sample"]}}


def _write(path, *lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
                    encoding="utf-8")
    return path


def run(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACTORGRAPH_")}
    return subprocess.run([sys.executable, "-m", "actorgraph.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=600)


def test_entities_become_registry_actors_with_names_and_ids(tmp_path):
    source = _write(tmp_path / "list.ftm.json", LIWA, SAMPLE, SANCTION)
    report = import_ftm(source, tmp_path / "reg")
    assert (report.added, report.extended, report.skipped, report.failures) == (2, 0, {"Sanction": 1}, [])
    registry = load_registry([report.out])
    liwa = registry.get("ftm_os_liwa_al_example")
    assert (liwa.name, liwa.type, liwa.country) == ("Liwa al-Example", "organization", "iq")
    assert liwa.aliases == ("Example Brigade",)  # other scripts never match English text; weak aliases not asked for
    assert registry.get("ftm_os_abu_sample").aliases == ("Hamid Testi",)
    entries = yaml.safe_load(open(report.out, encoding="utf-8"))["actors"]
    assert entries[0]["ftm_ids"] == ["os-liwa-al-example"]


def test_weak_aliases_only_on_request_and_a_shipped_actor_with_the_wikidata_id_gains_the_names(tmp_path):
    source = _write(tmp_path / "list.ftm.json", SAMPLE, KHAMENEI)
    report = import_ftm(source, tmp_path / "reg", weak_aliases=True)
    assert (report.added, report.extended) == (1, 1)
    registry = load_registry([report.out])
    assert "Abu Sample" in registry.get("ftm_os_abu_sample").aliases
    khamenei = registry.get("ali_khamenei")
    assert "Sayyid Ali Hosseini Khamenei" in khamenei.aliases and "Khamenei" in khamenei.aliases
    assert registry.index.ids("Sayyid Ali Hosseini Khamenei") == ("ali_khamenei",)


def test_malformed_lines_are_named_by_line_and_the_rest_is_imported(tmp_path):
    source = _write(tmp_path / "bad.ftm.json", LIWA, "{not json", "[1, 2]", {"schema": "Person"},
                    {"id": "x", "schema": "NoSuchSchema", "properties": {}},
                    {"id": "y", "schema": "Person", "properties": {"name": ["Al"]}}, SAMPLE)
    report = import_ftm(source, tmp_path / "reg")
    assert report.added == 2
    assert [f.split(": ", 1)[0] for f in report.failures] == [f"{source}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "not JSON" in report.failures[0] and "no 'id'" in report.failures[2]
    assert "NoSuchSchema" in report.failures[3] or "schema" in report.failures[3].lower()


def test_a_file_without_actors_or_missing_is_an_error_naming_it(tmp_path):
    with pytest.raises(RegistryError, match="no such file"):
        import_ftm(tmp_path / "missing.json", tmp_path / "reg")
    source = _write(tmp_path / "sanctions.json", SANCTION)
    with pytest.raises(RegistryError, match="sanctions.json: no Person, Organization"):
        import_ftm(source, tmp_path / "reg")


def test_the_registry_folder_is_read_by_the_settings_before_named_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for k in [k for k in os.environ if k.startswith("ACTORGRAPH_")]:
        monkeypatch.delenv(k)
    assert Settings.load().registry == ()
    report = import_ftm(_write(tmp_path / "l.json", LIWA), Settings.load().registry_dir)
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors: []\n", encoding="utf-8")
    assert Settings.load(registry=[str(mine)]).registry == (report.out, str(mine))


def test_an_import_makes_a_later_ingest_resolve_to_the_imported_actor(tmp_path):
    source = _write(tmp_path / "opensanctions.ftm.json", LIWA, SAMPLE)
    proc = run("registry", "import", str(source), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "2 actors added" in proc.stderr
    article = tmp_path / "article.txt"
    article.write_text(
        "Militia attack in Anbar\n\nBAGHDAD, March 3, 2024 - The Example Brigade said on Sunday that its fighters "
        "had attacked a base in Anbar province. Hamid Testi, the leader of the Example Brigade, said the group "
        "would go on.\n", encoding="utf-8")
    proc = run("ingest", str(article), "--store", str(tmp_path / "g.duckdb"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    db = duckdb.connect(str(tmp_path / "g.duckdb"), read_only=True)
    actors = {r[0]: r[1:] for r in db.execute("SELECT registry_id, name, type FROM actors").fetchall()}
    assert actors["ftm_os_liwa_al_example"] == ("Liwa al-Example", "organization")
    assert actors["ftm_os_abu_sample"] == ("Abu Sample al-Testi", "person")
    names = {r[0] for r in db.execute(
        "SELECT n.name FROM actor_names n JOIN actors a ON a.id = n.actor_id "
        "WHERE a.registry_id = 'ftm_os_liwa_al_example'").fetchall()}
    assert "Example Brigade" in names


def test_an_imported_actor_keeps_its_ftm_id_in_the_ftm_export(tmp_path):
    from graph_articles import Hand
    from interop_checks import load_ftm

    from actorgraph.export import export_store
    from actorgraph.store import Store, add_extraction

    report = import_ftm(_write(tmp_path / "list.ftm.json", LIWA), tmp_path / "reg")
    hand = Hand("hand/liwa.txt", "The Example Brigade fights in Anbar.", "2024-03-03")
    hand.actor("Liwa al-Example", "organization", "Example Brigade", registry_id="ftm_os_liwa_al_example")
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extraction(store, hand.extraction())
        export_store(store, "ftm", str(tmp_path / "with.ftm.json"), registry_files=[report.out])
        export_store(store, "ftm", str(tmp_path / "without.ftm.json"))
    with_ids = load_ftm((tmp_path / "with.ftm.json").read_text(encoding="utf-8"))
    assert [p.id for p in with_ids if p.schema.name == "Organization"] == ["os-liwa-al-example"]
    without = load_ftm((tmp_path / "without.ftm.json").read_text(encoding="utf-8"))
    assert [p.id for p in without if p.schema.name == "Organization"] != ["os-liwa-al-example"]


def test_a_gzipped_file_is_read(tmp_path):
    import gzip

    source = tmp_path / "list.ftm.json.gz"
    with gzip.open(source, "wt", encoding="utf-8") as f:
        f.write(json.dumps(LIWA) + "\n")
    report = import_ftm(source, tmp_path / "reg")
    assert report.added == 1 and report.out.endswith("ftm_list.yaml")


def test_a_known_name_joins_its_shipped_actor_and_another_actors_name_is_left_out(tmp_path):
    hezbollah = {"id": "os-hezbollah", "schema": "Organization",
                 "properties": {"name": ["Hizballah"], "alias": ["Party of God of Lebanon"]}}
    liwa = {**LIWA, "properties": {**LIWA["properties"], "alias": ["Example Brigade", "Kataib Hezbollah"]}}
    report = import_ftm(_write(tmp_path / "l.json", hezbollah, liwa), tmp_path / "reg")
    assert (report.added, report.extended) == (1, 1)
    registry = load_registry([report.out])
    assert "Party of God of Lebanon" in registry.get("hezbollah").aliases
    assert registry.get("ftm_os_liwa_al_example").aliases == ("Example Brigade",)
    assert registry.index.ids("Kataib Hezbollah") == ("kataib_hezbollah",)
    assert report.dropped == ["'Kataib Hezbollah' of os-liwa-al-example names kataib_hezbollah"]


def test_an_import_to_dev_null_writes_to_the_device_and_leaves_it_a_device(tmp_path):
    source = _write(tmp_path / "list.ftm.json", LIWA, SAMPLE)
    report = import_ftm(source, tmp_path / "reg", out=os.devnull)
    assert (report.added, report.out) == (2, os.devnull)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # renamed over, it became a regular file (as root)
    assert not (tmp_path / "reg").exists() and not os.path.exists(os.devnull + ".tmp")


def test_an_import_to_a_pipe_is_written_through_it(tmp_path):
    source = _write(tmp_path / "list.ftm.json", LIWA)
    pipe = tmp_path / "registry.fifo"
    os.mkfifo(pipe)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_text(encoding="utf-8")),
                              daemon=True)  # left blocked if the pipe was renamed over
    reader.start()
    import_ftm(source, tmp_path / "reg", out=pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    reader.join(timeout=60)
    assert [a["id"] for a in yaml.safe_load(got[0])["actors"]] == ["ftm_os_liwa_al_example"]
