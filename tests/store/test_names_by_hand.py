"""Names decided by hand: a split leaves the registry's name where it was, an alias can be removed,
and a merge keeps no spelling that cannot be a name. Through the CLI's `main` on real store files."""
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
    new = ask(capsys, store, "show", ask(capsys, store, "decisions")[0]["other_id"])
    assert new["actor"]["name"] == "Hizballah" and new["actor"]["registry_id"] is None
    assert "Hezbollah" not in new["aliases"]
    assert [m["name"] for m in new["resolution"]] == ["Hizballah"]
    # the registry's name still names one actor: the registry's
    assert [a["name"] for a in ask(capsys, store, "search", "Hezbollah")["actors"]] == ["Hezbollah"]
    old = ask(capsys, store, "decisions")[0]["actor_id"]
    assert ask(capsys, store, "show", old)["actor"]["registry_id"] == "hezbollah"


def test_alias_remove_takes_a_name_away_now_and_on_later_ingests(tmp_path, capsys):
    store = store_of(tmp_path / "g.duckdb", fired("hand/a.txt", "Party of God", "Hizb"))
    assert {"Party of God", "Hizb"} <= set(ask(capsys, store, "show", "Hezbollah")["aliases"])
    code, said = act(capsys, store, "alias", "remove", "Hezbollah", "hizb", "--note", "a word, not a name")
    assert code == 0 and "'Hizb' is no longer a name of Hezbollah" in said
    shown = ask(capsys, store, "show", "Hezbollah")
    assert "Hizb" not in shown["aliases"] and "Party of God" in shown["aliases"]
    assert ask(capsys, store, "search", "Hizb")["actors"] == []
    assert [d["kind"] for d in ask(capsys, store, "decisions")] == ["alias remove"]
    # a later article whose Hezbollah carries the alias again does not give it back
    store_of(store, fired("hand/c.txt", "Hizb"))
    assert "Hizb" not in ask(capsys, store, "show", "Hezbollah")["aliases"]
    # what cannot be removed is named
    code, said = act(capsys, store, "alias", "remove", "Hezbollah", "Hezbollah")
    assert code == 2 and "is the name of 'Hezbollah' itself" in said
    code, said = act(capsys, store, "alias", "remove", "Hezbollah", "Amal")
    assert code == 2 and "has no alias 'Amal'" in said and "Party of God" in said


def test_merge_keeps_no_spelling_that_cannot_be_a_name(tmp_path, capsys):
    junk = Hand("hand/j.txt", "the group said it fired at Israel.", "2023-01-03")
    junk.actor("the group", "organization")
    store = store_of(tmp_path / "g.duckdb", fired(), junk)
    group = ask(capsys, store, "search", "the group")["actors"][0]["id"]
    assert act(capsys, store, "merge", "Hezbollah", group)[0] == 0
    assert "the group" not in ask(capsys, store, "show", "Hezbollah")["aliases"]
