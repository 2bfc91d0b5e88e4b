"""Propose the cross-article identity gold from the gold files, for a person to review.

    python scripts/identity_gold.py propose DEV_DIR STEM... > proposal.json

Groups the gold entities of the named articles into real actors: two entities of one type
are one actor when their names resolve to the same registry actor, or when they share a
full name (two words or more) or their first, canonical name. The proposal is printed as
the gold's format (tests/data/identity_gold.json); a person reads every group, splits or
joins where the articles say otherwise, and adds it to the gold file. `--merge FILE` keeps
the actors already in FILE and adds the new articles' entities to them where they propose
the same actor, so adding articles is one run and one review.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from actorgraph.names import fold
from actorgraph.registry import load_registry


ABOUT = ("Cross-article identity gold: which gold entity (<article>/<gold key>) of which dev article is "
         "which real-world actor; id is registry:<registry id>, else own:<name>. Proposed by "
         "scripts/identity_gold.py propose, then reviewed by hand.")


def _entities(dev: Path, stems: list[str]) -> list[tuple[str, str, dict]]:
    out = []
    for stem in stems:
        gold = json.loads((dev / f"{stem}.gold.json").read_text(encoding="utf-8"))
        out += [(stem, key, e) for key, e in gold["entities"].items()]
    return out


def propose(dev: Path, stems: list[str], known: dict | None = None) -> dict:
    """The actors of these articles' gold entities, grouped as the docstring says."""
    index = load_registry().index
    groups: list[dict] = [dict(a, members=list(a["members"])) for a in (known or {}).get("actors", [])]
    for g in groups:
        g["_keys"] = {f"name:{fold(n)}" for n in g.get("names", [])} | {f"id:{g['id']}"}
    for stem, key, e in _entities(dev, stems):
        names = e["names"]
        ids = {i for n in names for i in index.ids(n)}
        full = {fold(n) for n in names if len(fold(n).split()) >= 2} | {fold(names[0])}
        keys = {f"name:{n}" for n in full} | {f"id:registry:{i}" for i in ids}
        joined = [g for g in groups if g["type"] == e["type"] and g["_keys"] & keys]
        member = f"{stem}/{key}"
        if joined:
            g = joined[0]
            for other in joined[1:]:
                g["members"] += other["members"]
                g["names"] = sorted(set(g["names"]) | set(other["names"]))
                g["_keys"] |= other["_keys"]
                groups.remove(other)
        else:
            g = {"id": f"registry:{sorted(ids)[0]}" if len(ids) == 1 else f"own:{fold(names[0]).replace(' ', '_')}",
                 "type": e["type"], "names": [], "members": [], "_keys": set()}
            groups.append(g)
        if member not in g["members"]:
            g["members"].append(member)
        g["names"] = sorted(set(g["names"]) | {names[0]})
        g["_keys"] |= keys
    for g in groups:
        g.pop("_keys")
        g["members"].sort()
    return {"articles": sorted(set(stems) | set((known or {}).get("articles", []))),
            "actors": sorted(groups, key=lambda g: g["id"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("propose", help="group the gold entities of these articles into real actors")
    p.add_argument("dev", type=Path, help="the folder of <stem>.gold.json files")
    p.add_argument("stems", nargs="+", help="the articles, by stem (art-01)")
    p.add_argument("--merge", type=Path, help="an identity gold to add these articles to")
    args = parser.parse_args(argv)
    known = json.loads(args.merge.read_text(encoding="utf-8")) if args.merge else None
    print(dumps(propose(args.dev, args.stems, known), about=(known or {}).get("about")))
    return 0


def dumps(gold: dict, about: str | None = None) -> str:
    """The gold as JSON with one actor a line, so that a review reads (and a diff shows) actor by actor."""
    head = {"about": about or ABOUT, "articles": gold["articles"]}
    lines = [json.dumps(a, ensure_ascii=False) for a in gold["actors"]]
    return (json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "actors": [\n  '
            + ",\n  ".join(lines) + "\n ]\n}")


if __name__ == "__main__":
    sys.exit(main())
