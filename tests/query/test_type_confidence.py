"""`show` says how sure a node's type is and what typed it (real intake, extraction, store and CLI)."""
from __future__ import annotations

import os
import subprocess
import sys

from actorgraph import Settings, query
from actorgraph.store import Store, ingest

TEXT = ("Nueva Aurora was founded in 2012 by former army officers in the north. "
        "The Ashfield Brigade attacked a convoy near Rivertown on Monday, officials said.\n")


def test_show_gives_the_type_confidence_and_what_typed_it(tmp_path):
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        assert ingest([str(tmp_path / "report.txt")], Settings(), store).failed == 0
        aurora = query.show(store, "Nueva Aurora")["actor"]
        brigade = query.show(store, "Ashfield Brigade")["actor"]
    assert (aurora["type"], aurora["typed_by"], aurora["type_confidence"]) == ("organization", "syntax: 'was founded'",
                                                                             0.75)
    assert brigade["typed_by"] == "name: 'brigade'" and brigade["type_confidence"] > aurora["type_confidence"]
    out = subprocess.run([sys.executable, "-m", "actorgraph.cli", "show", "Nueva Aurora", "--store", str(path)],
                         capture_output=True, text=True, env=os.environ, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Nueva Aurora (organization 0.75 by syntax: 'was founded')" in out.stdout
