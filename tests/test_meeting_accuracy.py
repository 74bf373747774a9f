"""Meeting targets on the seed article (issue 4), scored by the project's scorer against the gold.

A failure lists the meeting mismatches, so the message says what to fix.
"""

from __future__ import annotations

import pytest

from extract.evaluate.metrics import metrics

from .conftest import assert_target

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


@pytest.mark.parametrize(("metric", "threshold"), sorted(TARGETS.items()))
def test_seed_meeting_target(seed_score, metric, threshold):
    wrong = [m for m in seed_score.mismatches if m.item.startswith("m")]
    assert_target(metric, metrics(seed_score.counts)[metric], threshold, wrong)
