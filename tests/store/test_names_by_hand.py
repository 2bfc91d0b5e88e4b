"""Names decided by hand: a split leaves the registry's name where it was. Through the CLI's `main`
on real store files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from graph_articles import Hand

from actorgraph.cli import main
from actorgraph.store import Store, add_extraction


def fired(source: str = "hand/a.txt", *aliases: str) -> Hand:
    h = Hand(source, "Hezbollah fired rockets at Israel on Monday.", "2023-01-01")
    hz = h.actor("Hezbollah", "organization", *aliases, registry_id="hezbollah", wikidata="Q41053")
    il = h.actor("Israel", "country", wikidata="Q801")
    h.relation(hz, "targeted", il, "Hezbollah fired rockets at Israel on Monday.")
    return h


def basra() -> Hand:
    """The registry matched 'Hizballah' to Hezbollah; the analyst knows this is another group."""
    h = Hand("hand/b.txt", "The Hizballah Brigade of Basra attacked a base.", "2023-01-02")
    h.actor("Hezbollah", "organization", "Hizballah", registry_id="hezbollah", wikidata="Q41053")
    return h


def store_of(path: Path, *hands: Hand) -> Path:
    with Store.open(path) as store:
        for h in hands:
            add_extraction(store, h.extraction())
    return path


def ask(capsys, store: Path, *args: str) -> dict:
    assert main([*args, "--store", str(store), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def act(capsys, store: Path, *args: str) -> tuple[int, str]:
    code = main([*args, "--store", str(store)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_split_does_not_give_the_new_actor_the_registrys_name(tmp_path, capsys):
    store = store_of(tmp_path / "g.duckdb", fired(), basra())
    assert act(capsys, store, "split", "Hezbollah", "Hizballah")[0] == 0
    new = ask(capsys, store, "show", "Hizballah")
    assert new["actor"]["name"] == "Hizballah" and new["actor"]["registry_id"] is None
    assert "Hezbollah" not in new["aliases"]
    assert [m["name"] for m in new["resolution"]] == ["Hizballah"]
    # the registry's name still names one actor: the registry's
    assert [a["name"] for a in ask(capsys, store, "search", "Hezbollah")["actors"]] == ["Hezbollah"]
    assert ask(capsys, store, "show", "Hezbollah")["actor"]["registry_id"] == "hezbollah"
