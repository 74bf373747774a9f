"""The gold files are the yardstick: they must be valid, exact, and rebuildable from their annotations."""

from __future__ import annotations

import json

import pytest

from extract.text.article import read_source
from extract.evaluate.gold import build, load_annotation
from extract.models import Document, check_against_text, meeting_at

from .conftest import CORPUS

# The corpus, and the held-out evaluation sets in eval/ (scored by hand, never by the test suite).
GOLD_FILES = sorted(CORPUS.glob("*.gold.json")) + sorted(CORPUS.parent.glob("eval/*/*.gold.json"))


def _load(path):
    return Document.model_validate_json(path.read_text(encoding="utf-8"))


def test_seed_gold_exists():
    assert (CORPUS / "putin-netanyahu.gold.json") in GOLD_FILES


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_validates_and_slices_exactly(path):
    gold = _load(path)
    text = read_source(path.parent / f"{gold.article.id}.txt").text
    assert check_against_text(gold, text) == []
    for q in gold.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_mention:
            assert text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_ids_and_meetings_in_order(path):
    gold = _load(path)
    assert [q.id for q in gold.quotes] == [f"q{i}" for i in range(1, len(gold.quotes) + 1)]
    assert [q.start for q in gold.quotes] == sorted(q.start for q in gold.quotes)
    assert [m.section.start for m in gold.meetings] == sorted(m.section.start for m in gold.meetings)
    for q in gold.quotes:
        assert q.meeting == meeting_at(gold.meetings, q.start)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_is_rebuilt_from_its_annotation(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    article_id = gold["article"]["id"]
    ann = load_annotation(path.parent / "annotations" / f"{article_id}.ann.json")
    rebuilt = build(ann, read_source(path.parent / f"{article_id}.txt"))
    assert rebuilt.model_dump(mode="json") == gold


def test_seed_gold_counts():
    gold = _load(CORPUS / "putin-netanyahu.gold.json")
    assert len(gold.meetings) == 12
    assert [m.ordinal for m in gold.meetings] == list(range(1, 13))
    kinds = [q.kind.value for q in gold.quotes]
    # 33 direct: two colon blocks run over an unmarked middle paragraph into a reopened one (issue 16)
    assert (kinds.count("direct"), kinds.count("indirect")) == (33, 14)
