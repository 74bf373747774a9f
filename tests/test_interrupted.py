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
        # words between that are neither the attribution nor a bare link are the writer's narrative
        ("Juan Perez called the remarks \u201cdisgraceful\u201d and urged voters to \u201cread the "
         "report for themselves.\u201d\n",
         [("disgraceful", "Juan Perez"), ("read the report for themselves.", "Juan Perez")]),
        # a bare link joins
        ("Juan Perez said the plan was \u201cbold\u201d and \u201clong overdue.\u201d\n",
         [("bold\u201d and \u201clong overdue.", "Juan Perez")]),
        # a second act of speech ("before asking") starts a quote of its own
        ("\u201cWe stand with you,\u201d Ana Ruiz told the crowd before asking them, \u201cWho is "
         "ready to march?\u201d\n",
         [("We stand with you,", "Ana Ruiz"), ("Who is ready to march?", "Ana Ruiz")]),
        # a gap that ends on a colon introduces new words
        ("\u201cShe is a fighter,\u201d Ana Ruiz said, and she has one quality above all: \u201cShe "
         "never gives up.\u201d\n",
         [("She is a fighter,", "Ana Ruiz"), ("She never gives up.", "Ana Ruiz")]),
        # an unnamed source joins by its mention
        ("One questioner claimed that the \u201cmedia are lying\u201d and \u201cthe polls are "
         "rigged.\u201d\n",
         [("media are lying\u201d and \u201cthe polls are rigged.", None)]),
    ],
    ids=["attribution-only", "reports-more", "adding", "narrative-between", "bare-link", "asking", "colon",
         "unnamed-source"],
)
def test_joined_only_across_the_attribution(nlp, text, expected):
    assert _direct(nlp, text) == expected
