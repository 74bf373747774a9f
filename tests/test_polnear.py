"""Direct quotes on real news: PolNeAR's dev split, scored by the shared scorer.

The articles belong to their publishers and are read in place from ``../shared/data/polnear/``
(never copied into the repository); without that folder the tests are skipped with a message.
PolNeAR annotates a quotation split by its attribution as one span, so the run uses
``join_interrupted`` (``extract run --join-interrupted``); see eval/README.md for the scores under
ANNOTATION.md's own convention and what separates the two.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from extract.text.article import Source
from extract.pipeline import Config, extract_from_doc
from extract.text.parse import parse_many

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "polnear" / "dev.jsonl"
SCORER = SHARED / "tools" / "polnear_score.py"

pytestmark = pytest.mark.skipif(
    not (DEV.exists() and SCORER.exists()), reason=f"PolNeAR dev or its scorer not found under {SHARED}"
)

# Issue 16's targets, now reached; and floors at the scores reached when last raised (span F1
# 0.878, speaker 0.914, end-to-end 0.802), so that no change lowers them unnoticed.
TARGETS = {"span_f1": 0.85, "speaker_acc": 0.90, "e2e_f1": 0.80}
FLOORS = {"span_f1": 0.87, "speaker_acc": 0.91, "e2e_f1": 0.80}


def _scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def polnear_scores(nlp):
    scorer = _scorer()
    docs = scorer.load(DEV)
    config = Config(join_interrupted=True)
    preds = []
    texts = [d["text"] for d in docs]
    for i, (text, doc) in enumerate(zip(texts, parse_many(nlp, texts), strict=True)):
        document = extract_from_doc(Source(id=f"{i:03d}", text=text), doc, config)
        preds.append([
            {"start": q.start, "end": q.end, "speaker": q.speaker,
             "mention": q.speaker_mention.model_dump() if q.speaker_mention else None}
            for q in document.quotes if q.kind.value == "direct"
        ])
    return scorer.score(docs, preds)


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_polnear_dev_does_not_fall(polnear_scores, metric, floor):
    assert polnear_scores[metric] >= floor, json.dumps(polnear_scores)


@pytest.mark.parametrize(("metric", "target"), sorted(TARGETS.items()))
def test_polnear_dev_meets_issue_16_targets(polnear_scores, metric, target):
    assert polnear_scores[metric] >= target, json.dumps(polnear_scores)
