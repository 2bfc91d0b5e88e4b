"""The accuracy gate: the real pipeline on the annotated dev articles, scored by shared/eval.

Fails when entity F1, entity type accuracy, relation F1 and precision, certainty accuracy,
the recall of events, quotes and figures, or the number of bodies cut right falls below the
floor pinned in tests/floors.json, or when more boilerplate leaks than pinned. Floors are the
measured values less a small margin, rounded down to two decimals; they only go up.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import actorgraph
from actorgraph.export import to_contract

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DEV = EVAL / "dev"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").is_file() or not DEV.is_dir(),
                                reason=f"the annotated dev set is not at {EVAL} (../shared next to the repo)")


def _scorer():
    spec = importlib.util.spec_from_file_location("actorgraph_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    """Per-document scores of the whole pipeline (intake + extraction) on every dev article."""
    score = _scorer()
    out = tmp_path_factory.mktemp("dev-out")
    batch = actorgraph.extract(*sorted(DEV.glob("*.txt")))
    assert not batch.failures, batch.failures
    for ex in batch.extractions:
        (out / f"{Path(ex.article.source).stem}.json").write_text(
            json.dumps(to_contract(ex), ensure_ascii=False), encoding="utf-8")
    preds = score.load_predictions(out)
    docs = {}
    for gold_file in sorted(DEV.glob("*.gold.json")):
        stem = gold_file.name[: -len(".gold.json")]
        gold = score.Gold(json.loads(gold_file.read_text(encoding="utf-8")))
        docs[stem] = score.score_document(gold, preds.get(stem, {}))
    return docs


def _total(docs: dict) -> dict:
    tp = sum(d["entities"]["tp"] for d in docs.values())
    fp = sum(d["entities"]["fp"] for d in docs.values())
    fn = sum(d["entities"]["fn"] for d in docs.values())
    typed = sum(round(d["entities"]["typed_accuracy"] * d["entities"]["tp"]) for d in docs.values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    rtp, rfp, rfn = (sum(d["relations"][k] for d in docs.values()) for k in ("tp", "fp", "fn"))
    rp = rtp / (rtp + rfp) if rtp + rfp else 0.0
    rr = rtp / (rtp + rfn) if rtp + rfn else 0.0
    certainty = [d["relations"]["certainty_accuracy"] for d in docs.values()
                 if d["relations"]["certainty_accuracy"] is not None]  # the scorer's mean over documents

    def recall(part: str) -> float:
        gold = sum(d[part]["gold"] for d in docs.values())
        return sum(d[part]["hits"] for d in docs.values()) / gold if gold else 1.0

    return {
        "relation_f1": 2 * rp * rr / (rp + rr) if rp + rr else 0.0,
        "relation_precision": rp,
        "certainty_accuracy": sum(certainty) / len(certainty) if certainty else 0.0,
        "events_recall": recall("events"),
        "quotes_recall": recall("quotes"),
        "figures_recall": recall("figures"),
        "entity_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "entity_type_accuracy": typed / tp if tp else 0.0,
        "body_ok": sum(1 for d in docs.values() if d["body_ok"]),
        "boilerplate_leaks": sum(len(d["boilerplate_leaks"]) for d in docs.values()),
    }


def _report(docs: dict) -> str:
    lines = []
    for stem, d in docs.items():
        e, r = d["entities"], d["relations"]
        lines.append(f"{stem}: F1={e['f1']:.2f} typed={e['typed_accuracy']:.2f} missed={e['missed']} "
                     f"extra={e['unmatched_predictions']} duplicates={e['duplicates']} "
                     f"leaks={d['boilerplate_leaks']} body_ok={d['body_ok']} | relations P={r['precision']:.2f} "
                     f"R={r['recall']:.2f} certainty={r['certainty_accuracy']} events {d['events']['hits']}/"
                     f"{d['events']['gold']} quotes {d['quotes']['hits']}/{d['quotes']['gold']} "
                     f"figures {d['figures']['hits']}/{d['figures']['gold']}")
    return "\n".join(lines)


def test_every_dev_article_is_scored(scores):
    assert len(scores) == len(list(DEV.glob("*.gold.json")))


@pytest.mark.parametrize("metric", ["entity_f1", "entity_type_accuracy", "body_ok", "relation_f1",
                                    "relation_precision", "certainty_accuracy", "events_recall",
                                    "quotes_recall", "figures_recall"])
def test_accuracy_is_not_below_its_floor(scores, metric):
    measured = _total(scores)[metric]
    assert measured >= FLOORS[metric], f"{metric} {measured:.4f} < floor {FLOORS[metric]}\n{_report(scores)}"


def test_no_more_boilerplate_leaks_than_pinned(scores):
    measured = _total(scores)["boilerplate_leaks"]
    assert measured <= FLOORS["boilerplate_leaks"], f"{measured} leaks\n{_report(scores)}"
