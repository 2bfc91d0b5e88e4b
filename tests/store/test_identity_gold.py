"""Cross-article identity on the annotated dev articles: B-cubed against the identity gold, in any order."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev"
GOLD = ROOT / "tests" / "data" / "identity_gold.json"

pytestmark = pytest.mark.skipif(not (DEV.parent / "score.py").is_file(),
                                reason=f"the annotated dev set is not at {DEV} (../shared next to the repo)")


def _bench():
    spec = importlib.util.spec_from_file_location("identity_bcubed", ROOT / "benchmarks" / "identity_bcubed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_identity_gold_lists_each_gold_entity_of_its_articles_once():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    members = [m for a in gold["actors"] for m in a["members"]]
    assert len(members) == len(set(members))
    for stem in gold["articles"]:
        keys = set(json.loads((DEV / f"{stem}.gold.json").read_text(encoding="utf-8"))["entities"])
        assert {m.split("/", 1)[1] for m in members if m.split("/", 1)[0] == stem} == keys, stem


# False merges the store still makes, pinned by the gold ids they join, as the floors pin the scores: a new one
# fails. None now: the two movements' Shura Councils keep apart by their parents (extraction.bodies).
KNOWN_FALSE_MERGES: set[frozenset[str]] = set()


def test_dev_articles_in_any_order_give_the_same_nodes_without_false_merges():
    bench = _bench()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    found = bench.extractions(gold, DEV)
    results = bench.measure(gold, DEV, found)
    for order, m in results.items():
        merges = {frozenset(reals) for reals in m["false_merges"].values()}
        assert merges <= KNOWN_FALSE_MERGES, f"{order}: nodes holding two real actors: {merges - KNOWN_FALSE_MERGES}"
        assert m["precision"] >= 0.98 and m["recall"] >= 0.95, (order, m["precision"], m["recall"])
        assert not m["differ_from_forward"], f"{order}: nodes unlike the forward order's: {m['differ_from_forward']}"
        assert m["items"] > 300
