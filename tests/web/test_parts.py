"""The web app's parts on hand-made text and on the sample store: highlight segments,
corridors, the gazetteer, the bounded network, the vendored assets and the command."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from actorgraph.web import geo, network
from actorgraph.web.highlight import segments
from actorgraph.web.storage import StoreAccess, valid_id

STATIC = Path(__file__).resolve().parents[2] / "src" / "actorgraph" / "web" / "static"


def test_segments_cover_the_text_once_and_list_overlapping_marks():
    text = "Soleimani, head of the Quds Force, said it."
    marks = [{"kind": "subject", "start": 0, "end": 9}, {"kind": "cue", "start": 11, "end": 15},
             {"kind": "object", "start": 23, "end": 33}, {"kind": "quote", "start": 0, "end": 33}]
    parts = segments(text, marks)
    assert "".join(p["text"] for p in parts) == text
    assert parts[0] == {"text": "Soleimani", "marks": [0, 3]}
    assert {"text": "head", "marks": [1, 3]} in parts
    assert parts[-1] == {"text": ", said it.", "marks": []}


def test_segments_clip_marks_outside_the_text():
    parts = segments("abc", [{"kind": "cue", "start": -4, "end": 2}, {"kind": "cue", "start": 2, "end": 99}])
    assert [(p["text"], p["marks"]) for p in parts] == [("ab", [0]), ("c", [1])]


def mentions_of(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            out.append((m.start(), m.end(), name))
    return sorted(out)


@pytest.mark.parametrize("text, expected", [
    ("Arms moved from Baghdad to Damascus to Beirut last year.", [["Baghdad", "Damascus", "Beirut"]]),
    ("a route from Iraq, through Syria and into Lebanon", [["Iraq", "Syria", "Lebanon"]]),
    ("They fled from Aleppo to Idlib; later from Idlib to Turkey.", [["Aleppo", "Idlib"], ["Idlib", "Turkey"]]),
    ("Fighters from Iraq and Syria joined, then Beirut to Damascus.", []),
    ("Envoys from Iran met officials in Baghdad.", []),
])
def test_corridors_are_runs_of_places_written_from_x_to_y(text, expected):
    names = ["Baghdad", "Damascus", "Beirut", "Iraq", "Syria", "Lebanon", "Aleppo", "Idlib", "Turkey", "Iran"]
    found = geo._sequences("a1", text, mentions_of(text, names))
    assert [c["places"] for c in found] == expected
    for c in found:
        assert c["text"].lower().startswith("from") and c["text"] in text


def test_gazetteer_places_cities_and_names_countries_by_iso_code():
    aleppo = geo.locate(["Aleppo"], "location")
    assert abs(aleppo["lat"] - 36.2) < 0.2 and abs(aleppo["lon"] - 37.16) < 0.2
    assert geo.locate(["Syria"], "country") == {"iso": "760"}
    assert geo.locate(["Nowhere-on-Earth"], "location") is None


def test_ids_are_checked_by_kind():
    assert valid_id("g", "g18fcc425fb5c") and valid_id("a", "a79b2a7f08f6f5f26")
    for bad in ("a79b2a7f08f6f5f26", "g../../etc", "g18FCC425FB5C", "g1", "g18fcc425fb5c\n"):
        assert not valid_id("g", bad)


def test_network_filters_that_admit_everything_change_nothing(built_store):
    access = StoreAccess(built_store)
    try:
        with access.reader() as store:
            centre = store.value("SELECT id FROM actors WHERE name LIKE '%Soleimani%'")
            plain = network.neighbourhood(store, centre, hops=2)
            filtered = network.neighbourhood(store, centre, hops=2, certainty=list(network.CERTAINTIES))
            assert plain["nodes"] and {e["id"] for e in plain["edges"]} == {e["id"] for e in filtered["edges"]}
            assert {n["id"] for n in plain["nodes"]} == {n["id"] for n in filtered["nodes"]}
            capped = network.neighbourhood(store, centre, hops=3, limit=2)
            assert len(capped["nodes"]) == 2 and capped["truncated"]
            assert all(e["source"] in {n["id"] for n in capped["nodes"]} for e in capped["edges"])
    finally:
        access.close()


def test_every_asset_is_served_by_the_app_and_vendored_with_its_licence():
    for lib in ("cytoscape", "leaflet", "topojson-client", "world-atlas"):
        assert (STATIC / "vendor" / lib / "LICENSE").stat().st_size > 100
        assert (STATIC / "vendor" / lib / "VERSION").read_text().startswith(lib + "@")
    for page in (STATIC / "pages").glob("*.html"):
        html = page.read_text()
        assert "<script>" not in html and " on" not in re.sub(r"\s+", " ", html).replace(" only", "")
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            if url in ("/", "/articles"):  # a link to a page of the app (the sign-in page's own header)
                continue
            assert url.startswith("/static/") and (STATIC / url.removeprefix("/static/")).is_file(), url
    for js in (STATIC / "js").glob("*.js"):
        code = js.read_text()
        assert "innerHTML" not in code and "eval(" not in code and "new Function" not in code, js.name
        assert not re.search(r"https?://(?!www\.wikidata\.org)", code), js.name


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "actorgraph.cli", *args], capture_output=True, text=True, timeout=120)


def test_serve_command_is_documented_and_refuses_bad_setups(tmp_path):
    helptext = run_cli("serve", "--help").stdout
    for flag in ("--store", "--host", "--port", "--read-only"):
        assert flag in helptext
    assert "reviewers add" in helptext and "--token" not in helptext
    old = run_cli("serve", "--store", str(tmp_path / "x.duckdb"), "--token", "a-secret-of-16ch")
    assert old.returncode == 2 and "reviewers add NAME" in old.stderr
    missing = run_cli("serve", "--store", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "none.duckdb" in missing.stderr and "ingest" in missing.stderr
    assert not (tmp_path / "none.duckdb").exists()
