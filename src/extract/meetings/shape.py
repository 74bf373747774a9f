"""The shape of a paragraph, as the segmenter reads it: a quotation, a photo caption, a heading line or a question."""

from __future__ import annotations

import re

from ..text.sentences import Para

_QUOTE_OPENERS = "\"'“‘«"
_TRAILING_NAME = re.compile(r"\s*\([A-Z][^().!?]*\)$")
_TERMINAL = tuple(".!?:;\"'”’)")
# A caption's label: a word or two at the paragraph's start, in brackets or not, then ":", "-" or "|".
_CAPTION_HEAD = re.compile(r"[\[(]?\s*([A-Za-z]+(?: [A-Za-z]+)?)\s*[:|\-–—]")
# A live blog's entry stamp: "14:12", "10.40 CEST", "2:24 PM".
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?", re.I)


def is_quoted(para: Para) -> bool:
    """Whether the paragraph opens with a quotation mark: speech, which introduces no meeting."""
    return para.text[:1] in _QUOTE_OPENERS


def is_clock(para: Para) -> bool:
    """Whether the paragraph opens with a line that is only a time of day: a live blog's entry stamp."""
    return _CLOCK.fullmatch(para.text.strip().split("\n", 1)[0].strip()) is not None


def is_caption(para: Para, labels: frozenset[str]) -> bool:
    """Whether the paragraph is a photo caption or a link to other stories: a label ("Photo:",
    "[Caption -", "Read more:") then the picture's words or the headline."""
    head = _CAPTION_HEAD.match(para.text)
    return head is not None and (head.group(1).lower() in labels or head.group(1).split()[0].lower() in labels)


def is_header(para: Para) -> bool:
    """Whether the paragraph is a one-line heading (or page furniture), not prose."""
    # "Related: ...", "Share this: Facebook Twitter": a one-line, unpunctuated run of words;
    # a single word ("Advertisement") is page furniture inside the story, not an ending.
    # A heading may end on a parenthesised name: "Meeting #4 — 19 August 2019, Town (Fort X)".
    text = _TRAILING_NAME.sub("", para.text.strip())
    return "\n" not in text and len(text.split()) >= 2 and not text.endswith(_TERMINAL) and len(text) < 100


def is_breadcrumb(para: Para) -> bool:
    """A site's trail of sections, "Home > Media Centre > Press Releases > July 2024": furniture,
    never a meeting's heading, though it may end on a date."""
    return "\n" not in para.text.strip() and sum(para.text.count(f" {sep} ") for sep in (">", "›", "»")) >= 2


def is_question(para: Para) -> bool:
    """Whether the paragraph is a question line, a Q&A's heading: "So when did they hold proper talks?"."""
    text = para.text.strip()
    return "\n" not in text and text.endswith("?") and len(text) < 150


def before_back_matter(paras: list[Para], headings: frozenset[str]) -> list[Para]:
    """The paragraphs before the article's back matter ("References", "Notes[edit]"): citation
    lines below it name meetings without telling them."""
    for k, para in enumerate(paras):
        if para.text.strip().removesuffix("[edit]").rstrip(":").strip().lower() in headings:
            return paras[:k]
    return paras
