"""Cross-article identity of the store against the identity gold: B-cubed precision and recall, false merges.

    .venv/bin/python benchmarks/identity_bcubed.py [--gold tests/data/identity_gold.json]
                                                   [--dev ../shared/eval/dev] [--cache FILE] [--seed N]

Extracts the gold's articles once (or reads `--cache`), stores them in a fresh store in
forward, reverse and shuffled order, and prints per order: B-cubed precision and recall of
the store's nodes against the gold's real actors, the nodes holding two real actors (false
merges, named) and the real actors spread over several nodes. An item is a per-article
actor of the store that the scorer (`score.py`'s `Gold.key_of`) matches to a gold entity
listed in the identity gold; gold entities the extraction missed are not items (entity
recall is scored elsewhere).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "identity_gold.json"
DEV = ROOT.parent / "shared" / "eval" / "dev"


def scorer(dev: Path):
    """The shared scorer's module (its `Gold.key_of` decides which gold entity a stored actor is)."""
    spec = importlib.util.spec_from_file_location("actorgraph_eval_score", dev.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extractions(gold: dict, dev: Path, cache: Path | None = None) -> list:
    """The extractions of the gold's articles, in the gold's order (from `cache` when it exists)."""
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    import actorgraph
    batch = actorgraph.extract(*[dev / f"{stem}.txt" for stem in gold["articles"]])
    if batch.failures:
        raise SystemExit(f"extraction failed: {batch.failures}")
    found = sorted(batch.extractions, key=lambda ex: gold["articles"].index(Path(ex.article.source).stem))
    if cache:
        cache.write_bytes(pickle.dumps(found))
    return found


def store_in_order(extractions: list, path: Path) -> None:
    """A fresh store holding these extractions, stored one article at a time in this order."""
    from actorgraph.store import Store, add_extraction
    with Store.open(path) as store:
        for ex in extractions:
            add_extraction(store, ex)


def items(store_path: Path, gold: dict, dev: Path) -> list[tuple[str, str, str]]:
    """(item, real actor, node) for each stored per-article actor that is a gold entity of the identity gold."""
    from actorgraph.store import Store
    score = scorer(dev)
    actor_of = {m: a["id"] for a in gold["actors"] for m in a["members"]}
    golds = {stem: score.Gold(json.loads((dev / f"{stem}.gold.json").read_text(encoding="utf-8")))
             for stem in gold["articles"]}
    with Store.open(store_path, create=False) as store:
        rows = store.rows("""SELECT a.source, aa.local_id, aa.name, aa.aliases, aa.actor_id, aa.type
                             FROM article_actors aa JOIN articles a ON a.id = aa.article_id ORDER BY 1, 2""")
    out = []
    for source, local_id, name, aliases, node, type_ in rows:
        stem = Path(source).stem
        if stem not in golds or type_ not in score.ENTITY_TYPES:
            continue
        key = golds[stem].key_of([name, *(aliases or [])])
        real = actor_of.get(f"{stem}/{key}")
        if real:
            out.append((f"{stem}/{local_id}", real, node))
    return out


def bcubed(found: list[tuple[str, str, str]]) -> dict:
    """B-cubed precision and recall of the nodes against the real actors; nodes holding two real actors."""
    by_real: dict[str, set[str]] = defaultdict(set)
    by_node: dict[str, set[str]] = defaultdict(set)
    real_of, node_of = {}, {}
    for item, real, node in found:
        by_real[real].add(item)
        by_node[node].add(item)
        real_of[item], node_of[item] = real, node
    p = r = 0.0
    for item in real_of:
        same_node, same_real = by_node[node_of[item]], by_real[real_of[item]]
        both = len(same_node & same_real)
        p += both / len(same_node)
        r += both / len(same_real)
    n = len(real_of) or 1
    merges = {node: sorted({real_of[i] for i in its}) for node, its in by_node.items()
              if len({real_of[i] for i in its}) > 1}
    splits = {real: len({node_of[i] for i in its}) for real, its in by_real.items()
              if len({node_of[i] for i in its}) > 1}
    return {"items": len(real_of), "precision": p / n, "recall": r / n,
            "false_merges": merges, "splits": splits}


def partition(store_path: Path) -> frozenset[frozenset[str]]:
    """The store's nodes as sets of per-article actors ("<source>/<local id>"): equal stores give equal partitions."""
    from actorgraph.store import Store
    nodes: dict[str, set[str]] = defaultdict(set)
    with Store.open(store_path, create=False) as store:
        for source, local_id, node in store.rows(
                "SELECT a.source, aa.local_id, aa.actor_id FROM article_actors aa JOIN articles a ON a.id = aa.article_id"):
            nodes[node].add(f"{Path(source).name}/{local_id}")
    return frozenset(frozenset(n) for n in nodes.values())


def orders(n: int, seed: int) -> dict[str, list[int]]:
    shuffled = list(range(n))
    random.Random(seed).shuffle(shuffled)
    return {"forward": list(range(n)), "reverse": list(range(n))[::-1], "shuffled": shuffled}


def measure(gold: dict, dev: Path, found: list, seed: int = 12) -> dict[str, dict]:
    """The figures of `bcubed` after storing the extractions in each order."""
    out = {}
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, order in orders(len(found), seed).items():
            path = Path(tmp) / f"{name}.duckdb"
            store_in_order([found[i] for i in order], path)
            out[name] = bcubed(items(path, gold, dev))
            nodes = partition(path)
            first = first or nodes
            out[name]["nodes"] = len(nodes)
            out[name]["differ_from_forward"] = sorted(
                ", ".join(sorted(n)) for n in nodes ^ first)  # per-article actors grouped otherwise than forward
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--cache", type=Path, help="a pickle of the extractions, written once and read after")
    parser.add_argument("--seed", type=int, default=12, help="the shuffled order's seed")
    parser.add_argument("-v", "--verbose", action="store_true", help="name the real actors split over nodes")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    found = extractions(gold, args.dev, args.cache)
    for name, m in measure(gold, args.dev, found, args.seed).items():
        print(f"{name:9} items {m['items']}  B-cubed P {m['precision']:.4f}  R {m['recall']:.4f}  "
              f"false merges {len(m['false_merges'])}  split actors {len(m['splits'])}  "
              f"nodes {m['nodes']}  groups unlike forward {len(m['differ_from_forward'])}")
        for node, reals in sorted(m["false_merges"].items()):
            print(f"    false merge: {' + '.join(reals)}")
        if args.verbose:
            for real, n in sorted(m["splits"].items()):
                print(f"    split: {real} over {n} nodes")
            for group in m["differ_from_forward"]:
                print(f"    unlike forward: {group}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
