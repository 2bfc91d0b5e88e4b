"""The accuracy gate: the real pipeline on the annotated dev articles, scored by shared/eval.

Fails when entity F1, entity type accuracy or the number of bodies cut right falls below
the floor pinned in tests/floors.json, or when more boilerplate leaks than pinned. Floors are
the measured values rounded down to two decimals; they only go up.
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
    return {
        "entity_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "entity_type_accuracy": typed / tp if tp else 0.0,
        "body_ok": sum(1 for d in docs.values() if d["body_ok"]),
        "boilerplate_leaks": sum(len(d["boilerplate_leaks"]) for d in docs.values()),
    }


def _report(docs: dict) -> str:
    lines = []
    for stem, d in docs.items():
        e = d["entities"]
        lines.append(f"{stem}: F1={e['f1']:.2f} typed={e['typed_accuracy']:.2f} missed={e['missed']} "
                     f"extra={e['unmatched_predictions']} duplicates={e['duplicates']} "
                     f"leaks={d['boilerplate_leaks']} body_ok={d['body_ok']}")
    return "\n".join(lines)


def test_every_dev_article_is_scored(scores):
    assert len(scores) == len(list(DEV.glob("*.gold.json")))


@pytest.mark.parametrize("metric", ["entity_f1", "entity_type_accuracy", "body_ok"])
def test_accuracy_is_not_below_its_floor(scores, metric):
    measured = _total(scores)[metric]
    assert measured >= FLOORS[metric], f"{metric} {measured:.4f} < floor {FLOORS[metric]}\n{_report(scores)}"


def test_no_more_boilerplate_leaks_than_pinned(scores):
    measured = _total(scores)["boilerplate_leaks"]
    assert measured <= FLOORS["boilerplate_leaks"], f"{measured} leaks\n{_report(scores)}"
