"""Meeting targets on the seed article (issue 4), scored by the project's scorer against the gold.

A failure lists the meeting mismatches, so the message says what to fix.
"""

from __future__ import annotations

import pytest

from extract.scoring import metrics, score

from .conftest import CORPUS, SEED_ID

TARGETS = {
    "meetings.f1": 1.0,
    "fields.start_date.accuracy": 0.95,
    "fields.end_date.accuracy": 0.95,
    "fields.city.accuracy": 0.95,
    "fields.country.accuracy": 0.95,
    "fields.venues.accuracy": 0.95,
    "fields.format.accuracy": 0.95,
    "fields.visitor.accuracy": 0.95,
    "fields.occasion.accuracy": 0.95,
    "fields.participants.accuracy": 0.95,
    "topics.f1": 0.7,
}


@pytest.fixture(scope="module")
def seed(predictions, golds):
    if SEED_ID not in golds:
        pytest.skip(f"no gold file yet: {CORPUS / (SEED_ID + '.gold.json')} is absent")
    return score(predictions[SEED_ID], golds[SEED_ID])


@pytest.mark.parametrize(("metric", "threshold"), sorted(TARGETS.items()))
def test_seed_meeting_target(seed, metric, threshold):
    value = metrics(seed.counts)[metric]
    wrong = [m for m in seed.mismatches if m.item.startswith("m")]
    detail = "\n".join(f"  {m.item} {m.kind} {m.field} gold={m.gold!r} pred={m.predicted!r}" for m in wrong)
    assert value is not None and value >= threshold, f"{metric} = {value} < {threshold}:\n{detail}"
