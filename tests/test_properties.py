"""Property tests: whatever the text, extraction never raises, every span slices the text
exactly, ids run in order and the document validates."""

from __future__ import annotations

import random

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.text.article import Source
from extract.models import Document, check_against_text
from extract.pipeline import Config, extract

from .conftest import CORPUS

CONFIG = Config()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Characters that exercise the scanner and the segmenter: every kind of quotation mark and
# apostrophe, dashes, colons, non-breaking and odd spaces, line breaks, digits and letters.
NOISY = st.text(
    # Lone surrogates cannot come out of a decoded file, so they are left out.
    alphabet=st.sampled_from(list("“”‘’\"'«»—–-:;.,!? \u00a0\u2009\n\n\tabcXYZ0123456789"))
    | st.characters(blacklist_categories=("Cs",)),
    max_size=400,
)
WORDS = st.lists(
    st.sampled_from(
        ["The", "leaders", "met", "in", "Paris", "on", "5 May 2019", "“We", "agree,”", "she", "said", "that",
         "\n\n", "Putin", "Merkel", "Meeting #2", "–", ":", "told reporters", "the 3rd meeting", "‘", "’", "\"", "."]
    ),
    max_size=80,
).map(" ".join)


def _check(nlp, text: str) -> None:
    doc = extract(Source(id="prop", text=text), nlp, CONFIG)
    assert check_against_text(doc, text) == []
    assert [q.id for q in doc.quotes] == [f"q{i}" for i in range(1, len(doc.quotes) + 1)]
    assert [m.id for m in doc.meetings] == [f"m{i}" for i in range(1, len(doc.meetings) + 1)]
    assert [q.start for q in doc.quotes] == sorted(q.start for q in doc.quotes)
    Document.model_validate_json(doc.model_dump_json())


@SETTINGS
@given(text=NOISY)
def test_random_unicode_text(nlp, text):
    _check(nlp, text)


@SETTINGS
@given(text=WORDS)
def test_article_like_word_salad(nlp, text):
    _check(nlp, text)


def _mutate(text: str, rng: random.Random) -> str:
    """Delete or double quotation marks, shuffle paragraphs, scatter colons."""
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        marks = [i for i, c in enumerate(chars) if c in "“”‘’\""]
        if not marks:
            break
        i = rng.choice(marks)
        if rng.random() < 0.5:
            del chars[i]
        else:
            chars.insert(i, chars[i])
    for _ in range(rng.randint(0, 5)):
        chars.insert(rng.randrange(len(chars) + 1), ":")
    paragraphs = "".join(chars).split("\n\n")
    if rng.random() < 0.5:
        rng.shuffle(paragraphs)
    return "\n\n".join(paragraphs)


ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), which=st.integers(0, len(ARTICLES) - 1))
def test_mutated_corpus_articles(nlp, seed, which):
    _check(nlp, _mutate(ARTICLES[which], random.Random(seed)))


# Real news (PolNeAR dev, shared for evaluation only: read in place, never copied into the repo).
POLNEAR = CORPUS.parent.parent / "shared" / "data" / "polnear" / "dev.jsonl"


def _polnear_texts() -> list[str]:
    if not POLNEAR.exists():
        return []
    import json

    return [json.loads(line)["text"] for line in POLNEAR.read_text(encoding="utf-8").splitlines() if line.strip()]


NEWS = _polnear_texts()


def _cut(text: str, rng: random.Random) -> str:
    """A scrape that stops anywhere: mid-word, mid-quotation, mid-paragraph."""
    return text[: rng.randrange(len(text) // 2, len(text) + 1)]


@pytest.mark.skipif(not NEWS, reason=f"PolNeAR dev not found at {POLNEAR}")
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), which=st.integers(0, max(len(NEWS) - 1, 0)))
def test_mutated_real_news(nlp, seed, which):
    rng = random.Random(seed)
    text = _mutate(NEWS[which], rng)
    _check(nlp, _cut(text, rng) if rng.random() < 0.5 else text)
