"""PolNeAR's convention (``Config.join_interrupted``): a quotation split only by its attribution is
one quote; words that report more than the attribution keep the quotes apart."""

from __future__ import annotations

import pytest

from extract.pipeline import Config, extract_from_doc
from extract.text.article import Source


def _direct(nlp, text):
    doc = extract_from_doc(Source(id="t", text=text), nlp(text), Config(join_interrupted=True))
    return [(q.text, q.speaker) for q in doc.quotes if q.kind.value == "direct"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWe have turned a page,\u201d Ana Ruiz said on Monday, \u201cand the border is open again.\u201d\n",
         [("We have turned a page,\u201d Ana Ruiz said on Monday, \u201cand the border is open again.", "Ana Ruiz")]),
        ("\u201cThe debate is a waste of time,\u201d Ana Ruiz said, going on to say that the country has spent "
         "\u201chundreds of years fighting about the same border.\u201d\n",
         [("The debate is a waste of time,", "Ana Ruiz"),
          ("hundreds of years fighting about the same border.", "Ana Ruiz")]),
        ("\u201cWe cannot afford this any more,\u201d Ana Ruiz said, adding later, "
         "\u201cThe alliance costs us a fortune.\u201d\n",
         [("We cannot afford this any more,", "Ana Ruiz"), ("The alliance costs us a fortune.", "Ana Ruiz")]),
    ],
    ids=["attribution-only", "reports-more", "adding"],
)
def test_joined_only_across_the_attribution(nlp, text, expected):
    assert _direct(nlp, text) == expected
