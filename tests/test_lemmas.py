"""The array lemmatizer gives every word the lemma spaCy's own loop gives it."""

from __future__ import annotations

import pytest
from spacy.pipeline import Lemmatizer

from extract.text.lemmas import ArrayLemmatizer

TEXTS = {
    "Y'all gonna see it. Let's go, c'mon! I ain't doin' nothin' to 'em, he said, gotta run.": {"said": "say"},
    "The leaders met twice; she was meeting him again, and they'd been better friends. Talks were held.": {
        "met": "meet", "meeting": "meet", "held": "hold", "leaders": "leader"},
    "The Russian leader's visits, the visitors' hosts and the mice. He flew; she flies.": {
        "visits": "visit", "mice": "mouse", "flew": "fly", "flies": "fly"},
}


def test_the_pipeline_lemmatizes_over_arrays(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), ArrayLemmatizer)


@pytest.mark.parametrize("text, expected", TEXTS.items())
def test_same_lemmas_as_spacys_loop(nlp, text, expected):
    lemmatizer = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(disable=["lemmatizer"]):
        unlemmatized = nlp(text)
    assert any(t.lemma for t in unlemmatized)  # the attribute ruler set some, which both keep
    ours, theirs = lemmatizer(unlemmatized.copy()), Lemmatizer.__call__(lemmatizer, unlemmatized.copy())
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert all(t.lemma for t in ours)
    assert {t.lower_: t.lemma_ for t in ours if t.lower_ in expected} == expected
