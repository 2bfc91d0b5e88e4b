"""What the question commands print reads true: denied edges are marked, counts agree in number.

The commands run through the CLI's `main` on a real store file built from hand-made extractions.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from graph_articles import Hand, chain_articles

from actorgraph.cli import main
from actorgraph.store import Store, add_extraction


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    """The chain articles (one edge both stated and denied) and one edge that its only source denies."""
    h = Hand("hand/iran.txt", "Iran does not arm the Houthis, officials in Tehran said.", "2023-02-01")
    iran = h.actor("Iran", "country", wikidata="Q794")
    houthis = h.actor("Houthis", "organization", registry_id="ansarallah")
    h.relation(iran, "supports", houthis, "Iran does not arm the Houthis, officials in Tehran said.",
               certainty="negated")
    path = tmp_path_factory.mktemp("store") / "g.duckdb"
    with Store.open(path) as store:
        for ex in [*chain_articles(), h.extraction()]:
            add_extraction(store, ex)
    return path


def ask(capsys, store_path: Path, *args: str) -> str:
    assert main([*args, "--store", str(store_path)]) == 0
    return capsys.readouterr().out


def test_neighbors_marks_an_edge_its_sources_deny(capsys, store_path):
    out = ask(capsys, store_path, "neighbors", "Iran")
    [line] = [l for l in out.splitlines() if "Houthis" in l]
    assert "NEGATED" in line
    hezbollah = ask(capsys, store_path, "neighbors", "Hezbollah")
    [line] = [l for l in hezbollah.splitlines() if "Asa" in l]
    assert "CONTRADICTED" in line and "NEGATED" not in line


def test_counts_of_one_are_singular(capsys, store_path):
    show = ask(capsys, store_path, "show", "Iran")
    assert "in 1 article," in show and "(1 independent source," in show  # copies of one story count once
    neighbors = ask(capsys, store_path, "neighbors", "Iran")
    evidence = ask(capsys, store_path, "evidence", "Iran", "supports", "Houthis")
    assert "1 statement from 1 independent source" in evidence
    for out in (show, neighbors, evidence):
        for wrong in ("1 sources", "1 articles", "1 statements", "1 relations"):
            assert f" {wrong}" not in out, out


def test_evidence_with_an_unknown_predicate_is_an_error_naming_the_known_ones(capsys, store_path):
    code = main(["evidence", "Iran", "arms", "Houthis", "--store", str(store_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "predicate 'arms' is not one of" in err and "supports" in err
    code = main(["neighbors", "Iran", "--predicate", "arms", "--store", str(store_path)])
    assert code == 2 and "predicate 'arms'" in capsys.readouterr().err


def test_a_name_two_actors_share_lists_them_with_counts_in_number(tmp_path, capsys):
    a, b = Hand("hand/p1.txt", "Badr fought in Diyala."), Hand("hand/p2.txt", "Badr spoke in Basra.")
    a.actor("Badr", "organization")
    b.actor("Badr", "person")
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        for h in (a, b):
            add_extraction(store, h.extraction())
    assert main(["show", "Badr", "--store", str(path)]) == 2
    err = capsys.readouterr().err
    assert "1 article, id" in err and "1 articles" not in err
