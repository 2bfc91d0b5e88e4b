"""Count candidate cue words in the BBC news corpus, to check a word's frequency and sense before
it goes into a lang/en list.

    python scripts/bbc_cue_counts.py [--near WORD,WORD...] FORM[|FORM...] ...

Each argument is one word given as its forms separated by "|" ("send|sends|sent|sending").
Prints, per word, the number of sentences of /work/shared/corpora/bbc-news-2095.jsonl.gz holding
one of its forms, the number of those that also hold a --near word (e.g. money or arms nouns),
and one example sentence of each kind (--examples N for more).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re

CORPUS = "/work/shared/corpora/bbc-news-2095.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--near", default="", help="comma-separated words; counts sentences with one of them too")
    ap.add_argument("--examples", type=int, default=1)
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("words", nargs="+")
    a = ap.parse_args()
    sentences = []
    with gzip.open(a.corpus, "rt") as f:
        for line in f:
            sentences += re.split(r"(?<=[.!?])\s+|\n+", json.loads(line)["text"])
    near = [w for w in a.near.split(",") if w]
    near_re = re.compile(r"\b(" + "|".join(map(re.escape, near)) + r")\b", re.I) if near else None
    for word in a.words:
        forms = re.compile(r"\b(" + word + r")\b", re.I)
        hits = [s for s in sentences if forms.search(s)]
        close = [s for s in hits if near_re and near_re.search(s)]
        print(f"{word.split('|')[0]}\t{len(hits)}\t{len(close)}")
        for s in (close or hits)[:a.examples]:
            print("    ", s.strip()[:200])


if __name__ == "__main__":
    main()
