"""Quote targets on the seed article (issue 5), scored by the project's scorer against the gold.

A failure lists the quote mismatches, so the message says what to fix.
"""

from __future__ import annotations

import pytest

from extract.scoring import metrics, score

from .conftest import CORPUS, SEED_ID

TARGETS = {
    "quotes.direct.f1": 0.95,
    "quotes.direct.e2e_f1": 0.93,
    "quotes.indirect.f1": 0.80,
    "quotes.all.speaker_accuracy": 0.95,
    # Depends on the meeting sections as well as on the quotes.
    "quotes.all.meeting_accuracy": 0.98,
}


@pytest.fixture(scope="module")
def seed(predictions, golds):
    if SEED_ID not in golds:
        pytest.skip(f"no gold file yet: {CORPUS / (SEED_ID + '.gold.json')} is absent")
    return score(predictions[SEED_ID], golds[SEED_ID])


@pytest.mark.parametrize(("metric", "threshold"), sorted(TARGETS.items()))
def test_seed_quote_target(seed, metric, threshold):
    value = metrics(seed.counts)[metric]
    wrong = [m for m in seed.mismatches if m.item.startswith("q")]
    detail = "\n".join(f"  {m.kind} {m.field} gold={m.gold!r} pred={m.predicted!r}" for m in wrong)
    assert value is not None and value >= threshold, f"{metric} = {value} < {threshold}:\n{detail}"
