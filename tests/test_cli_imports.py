"""The commands that do not extract start without spaCy; `extract` (and an ingest with work) loads it.

Each command runs in its own process, as users run it, and reports which modules it imported.
These are functional checks: how fast the commands start is measured by
benchmarks/cli_timings.py, never asserted here.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "seed-aleppo.txt"

# Runs `actorgraph ARGS...` in this process, then writes its exit status and whether spaCy (and
# the extraction pipeline) were imported to the file named first.
PROBE = """
import json, sys
out = sys.argv.pop(1)
from actorgraph.cli import main
code = None
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
finally:
    with open(out, "w") as f:
        json.dump({"code": code, "spacy": "spacy" in sys.modules,
                   "pipeline": "actorgraph.extraction.pipeline" in sys.modules}, f)
"""


def probe(tmp_path: Path, *args: str) -> dict:
    out = tmp_path / f"probe-{len(list(tmp_path.glob('probe-*')))}.json"
    proc = subprocess.run([sys.executable, "-c", PROBE, str(out), *args], capture_output=True, text=True,
                          timeout=600, cwd=tmp_path)
    assert out.is_file(), proc.stderr
    report = json.loads(out.read_text())
    report["stdout"], report["stderr"] = proc.stdout, proc.stderr
    return report


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A small real store: the seed article, ingested with the real model."""
    path = tmp_path_factory.mktemp("store") / "g.duckdb"
    proc = subprocess.run([sys.executable, "-m", "actorgraph.cli", "ingest", str(SEED), "--store", str(path)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return path


@pytest.fixture(scope="module")
def actor(store) -> str:
    proc = subprocess.run([sys.executable, "-m", "actorgraph.cli", "stats", "--json", "--store", str(store)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["most_connected"][0]["name"]


def test_help_does_not_import_spacy(tmp_path):
    r = probe(tmp_path, "--help")
    assert r["code"] == 0 and "ingest" in r["stdout"] and "export" in r["stdout"]
    assert not r["spacy"] and not r["pipeline"]


@pytest.mark.parametrize("command", [
    ["stats"], ["stats", "--json"], ["show", "{actor}"], ["neighbors", "{actor}"], ["timeline", "{actor}"],
    ["search", "Aleppo"], ["path", "{actor}", "Aleppo", "--direction", "any"], ["failures"], ["decisions"],
    ["export", "--format", "csv", "--out", "{tmp}/csv"], ["export", "--format", "gexf", "--out", "{tmp}/g.gexf"],
    ["export", "--format", "ftm", "--out", "{tmp}/g.ftm.json"],
], ids=lambda c: " ".join(c[:3]))
def test_commands_over_the_store_do_not_import_spacy(store, actor, tmp_path, command):
    args = [a.format(actor=actor, tmp=tmp_path) for a in command]
    r = probe(tmp_path, *args, "--store", str(store))
    assert r["code"] in (0, None), r["stderr"]
    assert not r["spacy"] and not r["pipeline"], f"{' '.join(args)} imported spaCy"


def test_reingesting_a_stored_article_does_not_load_the_model(store, tmp_path):
    # An unknown model shows that the model is not even looked for when nothing is to be extracted.
    r = probe(tmp_path, "ingest", str(SEED), "--store", str(store), "--model", "no_such_pipeline")
    assert r["code"] == 0, r["stderr"]
    assert "0 stored, 1 already stored, 0 failed" in r["stderr"]
    assert not r["spacy"] and not r["pipeline"]


def test_ingesting_a_new_article_loads_the_model_and_names_a_missing_one(store, tmp_path):
    new = tmp_path / "new.txt"
    new.write_text("Hezbollah fighters were deployed to Aleppo in 2016, officials said.\n", encoding="utf-8")
    r = probe(tmp_path, "ingest", str(SEED), str(new), "--store", str(store), "--model", "no_such_pipeline")
    assert r["code"] == 2 and "no_such_pipeline" in r["stderr"], r["stderr"]
    assert r["spacy"]


def test_extract_imports_spacy(tmp_path):
    r = probe(tmp_path, "extract", str(SEED), "--out", str(tmp_path / "out"), "-q")
    assert r["code"] == 0, r["stderr"]
    assert r["spacy"] and r["pipeline"]
    assert (tmp_path / "out" / "seed-aleppo.json").is_file()


def test_the_package_imports_without_spacy_and_keeps_its_api():
    code = """
import sys, actorgraph
assert "spacy" not in sys.modules, "import actorgraph imported spaCy"
from actorgraph import Settings, ActorgraphError, Article, Extraction, IntakeFailure
assert "spacy" not in sys.modules
assert callable(actorgraph.extract) and callable(actorgraph.extract_text)
from actorgraph import Batch, extract, extract_text
assert extract is actorgraph.api.extract and Batch is actorgraph.api.Batch
assert set(actorgraph.__all__) <= set(dir(actorgraph))
print("spacy" in sys.modules)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"  # the extraction API itself brings spaCy in, on first use


def test_the_parser_constants_are_those_of_the_library():
    from actorgraph import export, query
    from actorgraph.export_cli import FORMATS
    from actorgraph.flags import PREDICATES
    from actorgraph.ontology import ontology
    from actorgraph.store_cli import PATH_DIRECTIONS, PATH_PREDICATES

    assert PATH_PREDICATES == tuple(query.DEFAULT_PREDICATES)
    assert PATH_DIRECTIONS == tuple(query.DIRECTIONS)
    assert FORMATS == tuple(export.FORMATS)
    assert PREDICATES == tuple(ontology())


def test_the_read_only_web_app_does_not_import_spacy(store):
    # What `actorgraph serve` runs without a token: the app over the store, and a page of it.
    code = f"""
import sys
from fastapi.testclient import TestClient
from actorgraph.web.app import create_app
client = TestClient(create_app({str(store)!r}), base_url="http://127.0.0.1")
r = client.get("/api/stats")
assert r.status_code == 200, r.text
print("spacy" in sys.modules)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_extract_of_a_missing_file_says_so_without_loading_the_model(tmp_path):
    # The model takes seconds to load: inputs are read first, and none here holds an article.
    missing = tmp_path / "nowhere.txt"
    r = probe(tmp_path, "extract", str(missing), "--out", str(tmp_path / "out"))
    assert r["code"] == 1
    assert f"FAIL {missing}: no such file" in r["stderr"]
    assert not r["spacy"] and not r["pipeline"]
