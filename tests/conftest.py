from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_ID = "putin-netanyahu"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for the whole run."""
    from extract.text.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def predictions(nlp):
    """Every corpus article extracted once per test run, by article id."""
    from extract.text.article import read_source
    from extract.pipeline import Config, extract

    config = Config()
    return {path.stem: extract(read_source(path), nlp, config) for path in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="session")
def golds():
    """Every gold file in the corpus, by article id."""
    from extract.models import Document

    return {
        path.name.removesuffix(".gold.json"): Document.model_validate_json(path.read_text(encoding="utf-8"))
        for path in sorted(CORPUS.glob("*.gold.json"))
    }


@pytest.fixture(scope="session")
def seed_score(predictions, golds):
    """The seed article's prediction scored against its gold."""
    from extract.evaluate.scoring import score

    if SEED_ID not in golds:
        pytest.skip(f"no gold file yet: {CORPUS / (SEED_ID + '.gold.json')} is absent")
    return score(predictions[SEED_ID], golds[SEED_ID])


def assert_target(metric: str, value: float | None, threshold: float, mismatches) -> None:
    """A metric meets its threshold; otherwise the message lists the mismatches behind it."""
    detail = "\n".join(f"  {m.item} {m.kind} {m.field} gold={m.gold!r} pred={m.predicted!r}" for m in mismatches)
    assert value is not None and value >= threshold, f"{metric} = {value} < {threshold}:\n{detail}"
