from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_ID = "putin-netanyahu"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for the whole run."""
    from extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
