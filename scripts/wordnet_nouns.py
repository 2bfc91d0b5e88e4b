"""Nouns under a WordNet synset, with their BBC counts: where lang/en/types.yaml's lists come from.

    python scripts/wordnet_nouns.py organization.n.01 [--min 20] [--wordnet /usr/share/wordnet]
                                    [--bbc ../shared/corpora/bbc-news-2095.jsonl.gz]
    python scripts/wordnet_nouns.py --common-not-actors [--min 10]

Prints each one-word lemma of the synset and every hyponym under it (WordNet 3.0, read from
the Debian package wordnet-base's files), with its lexname and how often it is written in
lower case in the BBC corpus, most frequent first, keeping those seen at least `--min` times.
A list in types.yaml is such an output, as its comment says; the run is not part of extraction.
`--common-not-actors` prints instead the common nouns that name no actor: one-word lemmas WordNet
writes in lower case only (no proper-name sense) and none of whose senses is in noun.group,
noun.location or noun.person, seen `--min` times in lower case in the BBC corpus.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXNAMES = {3: "noun.Tops", 4: "noun.act", 5: "noun.animal", 6: "noun.artifact", 7: "noun.attribute",
            8: "noun.body", 9: "noun.cognition", 10: "noun.communication", 11: "noun.event", 12: "noun.feeling",
            13: "noun.food", 14: "noun.group", 15: "noun.location", 16: "noun.motive", 17: "noun.object",
            18: "noun.person", 19: "noun.phenomenon", 20: "noun.plant", 21: "noun.possession",
            22: "noun.process", 23: "noun.quantity", 24: "noun.relation", 25: "noun.shape", 26: "noun.state",
            27: "noun.substance", 28: "noun.time"}


def read_nouns(folder: Path):
    """WordNet's noun synsets: offset -> (lexname, lemmas, hyponym offsets), and lemma -> offsets by sense."""
    synsets = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" | ")[0].split()
        offset, lexfile, n = parts[0], int(parts[1]), int(parts[3], 16)
        lemmas = [parts[4 + 2 * i] for i in range(n)]
        i = 4 + 2 * n
        p = int(parts[i])
        hyponyms = [parts[i + 1 + 4 * k + 1] for k in range(p) if parts[i + 1 + 4 * k] in ("~", "~i")]
        synsets[offset] = (LEXNAMES.get(lexfile, str(lexfile)), lemmas, hyponyms)
    senses = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        n_synsets = int(parts[2])
        senses[parts[0]] = parts[-n_synsets:]
    return synsets, senses


def under(name: str, synsets, senses) -> dict[str, str]:
    """One-word lemma -> lexname, for the synset `lemma.n.NN` and all its hyponyms."""
    lemma, _, number = name.rsplit(".", 2)
    todo = [senses[lemma][int(number) - 1]]
    seen, out = set(), {}
    while todo:
        offset = todo.pop()
        if offset in seen:
            continue
        seen.add(offset)
        lexname, lemmas, hyponyms = synsets[offset]
        for w in lemmas:
            w = re.sub(r"\(.*\)$", "", w)
            if "_" not in w and w.islower():
                out.setdefault(w, lexname)
        todo += hyponyms
    return out


ACTOR_LEXNAMES = {"noun.group", "noun.location", "noun.person"}


def common_not_actors(synsets) -> set[str]:
    """One-word nouns written in lower case only, none of whose senses is a group, a place or a person."""
    forms: dict[str, set[bool]] = defaultdict(set)
    lexnames: dict[str, set[str]] = defaultdict(set)
    for lexname, lemmas, _ in synsets.values():
        for lemma in lemmas:
            lemma = re.sub(r"\(.*\)$", "", lemma)
            if lemma.isalpha():
                forms[lemma.lower()].add(lemma.islower())
                lexnames[lemma.lower()].add(lexname)
    return {w for w, f in forms.items() if f == {True} and not lexnames[w] & ACTOR_LEXNAMES}


def bbc_counts(path: Path) -> Counter:
    counts: Counter = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            counts.update(re.findall(r"\b[a-z]+\b", json.loads(line).get("text", "")))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("synsets", nargs="*", help="e.g. organization.n.01 (lemma.n.sense number)")
    parser.add_argument("--common-not-actors", action="store_true")
    parser.add_argument("--min", type=int, default=20)
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--bbc", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc-news-2095.jsonl.gz")
    args = parser.parse_args(argv)
    synsets, senses = read_nouns(args.wordnet)
    counts = bbc_counts(args.bbc)
    if args.common_not_actors:
        found = common_not_actors(synsets)
        print(", ".join(sorted(w for w in found if counts[w] >= args.min)))
    for name in args.synsets:
        found = under(name, synsets, senses)
        kept = sorted(((counts[w], w, lx) for w, lx in found.items() if counts[w] >= args.min), reverse=True)
        print(f"# {name}: {len(kept)} of {len(found)} lemmas seen {args.min}+ times in lower case in the BBC corpus")
        print(", ".join(w for _, w, _ in kept))
    return 0


if __name__ == "__main__":
    sys.exit(main())
