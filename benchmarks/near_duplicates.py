"""Near-duplicate grouping on the BBC corpus plus generated rewrites: precision, recall, cost per article.

Each BBC article gets `--rewrites` rewrites that keep about 70% of its words (each word is
dropped with probability 0.15 and replaced by a random corpus word with probability 0.15;
`--keep` sets the kept share). The known copies are each article with its rewrites, plus the
pairs of BBC articles that are one text published twice (word-set Jaccard 0.9 or more, all
checked by their titles: the same story under two headlines). Everything is grouped online
in a shuffled order, as `ingest` does (each article joins the story of its closest earlier
copy), and the grouping is scored over pairs: precision = pairs grouped that are known
copies / pairs grouped, recall = known copy pairs grouped / known copy pairs. The cost is
fingerprint + band lookup + verification per article, best of `--runs`; then the same
grouping through the store (`StoryAssigner`, as `ingest` runs it) is scored and timed.

    .venv/bin/python benchmarks/near_duplicates.py [--rewrites 2] [--keep 0.7] [--thresholds 0.4,0.5,0.6]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from actorgraph.resolve.copies import COPY_THRESHOLD, CopyIndex, assign_story, fingerprint  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"
TOKEN = re.compile(r"\S+")
WORD = re.compile(r"\w+")
SAME_TEXT = 0.9


def rewrite(text: str, vocab: list[str], keep: float, rng: random.Random) -> tuple[str, float]:
    """The text with (1 - keep) of its words dropped or replaced, half each; and the share kept."""
    out, kept, total = [], 0, 0
    change = (1 - keep) / 2
    for token in TOKEN.findall(text):
        total += 1
        x = rng.random()
        if x < change:
            continue
        if x < 2 * change:
            out.append(rng.choice(vocab))
            continue
        out.append(token)
        kept += 1
    return " ".join(out), kept / max(total, 1)


def known_copies(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs of corpus articles that are one text published twice (word-set Jaccard >= SAME_TEXT)."""
    sets = [set(WORD.findall(t.lower())) for t in texts]
    pairs = []
    for i, j in combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        if min(len(a), len(b)) >= SAME_TEXT * max(len(a), len(b)) and len(a & b) >= SAME_TEXT * len(a | b):
            pairs.append((i, j))
    return pairs


def group(items: list[tuple[str, str]], threshold: float) -> tuple[dict[str, str], float]:
    """Story of each item key, grouped online in the given order; and seconds per article."""
    index = CopyIndex(threshold=threshold)
    story: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for key, text in items:
        sig = fingerprint(text)
        target, bridged = assign_story(index.copies(sig), story, set())
        story[key] = target or key
        members[story[key]].append(key)
        for other in bridged:
            for k in members.pop(other):
                story[k] = story[key]
                members[story[key]].append(k)
        index.add(key, sig)
    return story, (time.perf_counter() - started) / len(items)


def group_in_store(items: list[tuple[str, str]], batch: int = 32) -> tuple[dict[str, str], float]:
    """The same grouping as `ingest` makes it: StoryAssigner over a fresh store, `batch` articles per commit."""
    import tempfile

    from actorgraph.store import Store
    from actorgraph.store.stories import StoryAssigner

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "stories.duckdb") as store:
        started = time.perf_counter()
        for start in range(0, len(items), batch):
            with store.transaction():
                assigner = StoryAssigner(store)
                for key, text in items[start:start + batch]:
                    assigner.add(key, text)
                assigner.flush([])
        seconds = (time.perf_counter() - started) / len(items)
        return dict(store.rows("SELECT article_id, story_id FROM article_stories")), seconds


def score(story: dict[str, str], truth: dict[str, str]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of a grouping against the true groups; and the pair counts."""
    def pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
        members = defaultdict(list)
        for key, g in groups.items():
            members[g].append(key)
        return {tuple(sorted(p)) for m in members.values() for p in combinations(m, 2)}

    got, want = pairs(story), pairs(truth)
    hit = len(got & want)
    return hit / max(len(got), 1), hit / max(len(want), 1), len(got), len(want)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--rewrites", type=int, default=2)
    ap.add_argument("--keep", type=float, default=0.7)
    ap.add_argument("--thresholds", default="0.4,0.45,0.5,0.55,0.6")
    ap.add_argument("--runs", type=int, default=3, help="timing runs at the shipped threshold (best is printed)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    records = [json.loads(line) for line in gzip.open(args.corpus, "rt", encoding="utf-8")]
    texts = [r["text"] for r in records]
    vocab = [w for t in texts[::7] for w in TOKEN.findall(t)]
    rng = random.Random(args.seed)
    items, truth, kept = [], {}, []
    for i, text in enumerate(texts):
        items.append((f"bbc{i}", text))
        truth[f"bbc{i}"] = f"bbc{i}"
        for n in range(args.rewrites):
            new, share = rewrite(text, vocab, args.keep, rng)
            kept.append(share)
            items.append((f"bbc{i}~{n}", new))
            truth[f"bbc{i}~{n}"] = f"bbc{i}"
    same = known_copies(texts)
    for i, j in same:  # one text twice: both groups are one story
        old, new = truth[f"bbc{j}"], truth[f"bbc{i}"]
        for key, g in truth.items():
            if g == old:
                truth[key] = new
    rng.shuffle(items)
    print(f"{len(texts)} BBC articles + {len(items) - len(texts)} rewrites keeping {sum(kept) / len(kept):.1%} "
          f"of the words on average; {len(same)} BBC pairs are one text published twice")
    fingerprint("warm up")
    for threshold in [float(t) for t in args.thresholds.split(",")]:
        story, seconds = group(items, threshold)
        p, r, got, want = score(story, truth)
        mark = "  <- shipped" if threshold == COPY_THRESHOLD else ""
        print(f"threshold {threshold:.2f}: precision {p:.4f} recall {r:.4f} ({got} pairs grouped, {want} known) "
              f"{seconds * 1000:.2f} ms/article{mark}")
    best = min(group(items, COPY_THRESHOLD)[1] for _ in range(args.runs))
    print(f"cost at {COPY_THRESHOLD}: {best * 1000:.2f} ms/article (best of {args.runs}; target < 5)")
    story, seconds = group_in_store(items)
    p, r, got, want = score(story, truth)
    print(f"in a store, as ingest does it (batches of 32, fingerprints and bands written, candidates read back): "
          f"precision {p:.4f} recall {r:.4f}, {seconds * 1000:.2f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
