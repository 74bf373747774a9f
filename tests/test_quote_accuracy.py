"""Quote targets on the seed article (issue 5), scored by the project's scorer against the gold.

A failure lists the quote mismatches, so the message says what to fix.
"""

from __future__ import annotations

import pytest

from extract.evaluate.metrics import metrics

from .conftest import assert_target

TARGETS = {
    "quotes.direct.f1": 0.95,
    "quotes.direct.e2e_f1": 0.93,
    "quotes.indirect.f1": 0.80,
    "quotes.all.speaker_accuracy": 0.95,
    # Depends on the meeting sections as well as on the quotes.
    "quotes.all.meeting_accuracy": 0.98,
}


@pytest.mark.parametrize(("metric", "threshold"), sorted(TARGETS.items()))
def test_seed_quote_target(seed_score, metric, threshold):
    wrong = [m for m in seed_score.mismatches if m.item.startswith("q")]
    assert_target(metric, metrics(seed_score.counts)[metric], threshold, wrong)
