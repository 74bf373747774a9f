"""Snapshots of the full output for every corpus article (pytest-regressions).

They make any change in output show up as a reviewable diff. They do not say whether the output
is right: the accuracy tests compare with gold. After an intended change:

    .venv/bin/pytest tests/test_snapshots.py --force-regen   # then review and commit the diff
"""

from __future__ import annotations

import pytest

from .conftest import CORPUS

ARTICLES = sorted(p.stem for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize("article_id", ARTICLES)
def test_output_snapshot(article_id, predictions, data_regression):
    document = predictions[article_id].model_dump(mode="json")
    # The hash and length are checked elsewhere; the snapshot is about what was extracted.
    document["article"].pop("sha256")
    data_regression.check(document, basename=article_id)
