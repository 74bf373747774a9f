"""The attribute ruler's cached matcher finds exactly what spaCy's Matcher finds, so every token
keeps the same part of speech, morphology and lemma."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extract.text.attributes import CachedMatcher, cached_matcher
from extract.text.nlp import default_model_name, split_reference_markers

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("eval/*/*.txt"))
# Each of the ruler's kinds of pattern: tags, two-word forms, dependencies, spaces.
AWKWARD = [
    "Y'all gonna see it. Let's go, c'mon! I ain't doin' nothin' to 'em, he said, gotta run.",
    "There is a plan; there were two. It said you would come and I told it to him.",
    "He shan't and she won't.  \n\n  It gets worse: they got   there\ttoo.",
    "Did he do it? He did. What has she had? Which one, that one.",
]


@pytest.fixture(scope="module")
def plain():
    """The pipeline as spaCy loads it, with our one tokenizer rule: only the speed-ups differ."""
    nlp = spacy.load(default_model_name())
    split_reference_markers(nlp)
    return nlp


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_the_pipeline_uses_the_cached_matcher(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, CachedMatcher)


@pytest.mark.parametrize("text", AWKWARD + [p.read_text(encoding="utf-8") for p in ARTICLES[:3]])
def test_same_matches_as_spacy(plain, text):
    ruler = plain.get_pipe("attribute_ruler")
    fast = cached_matcher(ruler)
    assert fast is not None
    with plain.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = plain(text)
    expected = sorted(ruler.matcher(doc, allow_missing=True, as_spans=False))
    assert sorted(fast(doc, allow_missing=True, as_spans=False)) == expected
    assert sorted(fast(doc, allow_missing=True, as_spans=False)) == expected  # from the cache


def test_same_annotations_as_spacy(nlp, plain):
    # ``nlp`` also breaks sentences at blank lines and after reference markers, before the parser:
    # compare without those.
    with nlp.select_pipes(disable=["paragraph_breaks", "reference_marker_ends"]):
        texts = AWKWARD + [p.read_text(encoding="utf-8") for p in ARTICLES]
        for ours, theirs in zip(nlp.pipe(texts), plain.pipe(texts), strict=True):
            assert _annotations(ours) == _annotations(theirs)


def test_unsupported_patterns_keep_spacy_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    assert cached_matcher(ruler) is None
    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}]], {"LEMMA": "x"})
    assert cached_matcher(ruler) is None


def test_a_blank_line_starts_a_sentence(nlp):
    doc = nlp("By Jane Doe\n\nThe two leaders met in Paris \n \n on Monday and talked.\nThen they left.")
    starts = [t.text for t in doc if t.is_sent_start and not t.is_space]
    assert starts[:3] == ["By", "The", "on"]
    assert [t.text for t in nlp("")] == []
