"""A quotation interrupted by its attribution, as one quote.

ANNOTATION.md gives two quotes for “A,” she said, “B.”; corpora of real news such as PolNeAR and
PARC annotate it as one attribution whose content runs from A to B, attribution included. This
is that convention, as an option (``Config.join_interrupted``) applied to finished quotes, so
either reading of the same extraction is one flag away.
"""

from __future__ import annotations

import re

from ..models import Kind, Quote

_REPORTS_MORE = re.compile(r"\bthat\b|--|\u2014|\bwhen\b|\badding\b|\bgoing on\b|\basking\b|:\s*\W*$", re.IGNORECASE)
# Past this many characters between two quotations, the words between are more than an attribution.
MAX_GAP = 250
# "and", "but also", "and then a": words that link two quotations of one attribution.
MAX_LINK_WORDS = 3
_WORD = re.compile(r"\w+")


def join_interrupted(quotes: list[Quote], text: str) -> list[Quote]:
    """``quotes`` (in order of start) with each run of direct quotations that one attribution
    splits ("“A,” X said. “B.”", "called it “A” and “B”") joined into one quote."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, q, text):
            out[-1] = prev.model_copy(
                update={
                    "end": q.end,
                    "text": text[prev.start : q.end],
                    "speaker_mention": prev.speaker_mention or q.speaker_mention,
                    "cue": prev.cue or q.cue,
                }
            )
            continue
        out.append(q)
    return out


def _continues(prev: Quote, q: Quote, text: str) -> bool:
    # An unnamed source ("one questioner claimed that the “A” and “B”") joins by its mention.
    if prev.kind is not Kind.direct or q.kind is not Kind.direct or not (prev.speaker or prev.speaker_mention):
        return False
    if q.speaker != prev.speaker:
        return False
    # The same attribution serves both: the second names no one of its own, or the same words.
    if q.speaker_mention is not None and q.speaker_mention != prev.speaker_mention:
        return False
    gap = text[prev.end : q.start]
    # Words that report more than the attribution ("going on to say that the country has spent
    # “...”", "-- and, when questioned, asserting, “...”", "said she has one quality: “...”")
    # start a quote of their own.
    if "\n" in gap or len(gap) > MAX_GAP or _REPORTS_MORE.search(gap):
        return False
    # Between the two stands either the attribution itself or a bare link ("“A” and “B”"); other
    # words ("“disgusting” and encouraged Americans to “check out”") are narrative between two quotes.
    return _holds_attribution(prev, q) or len(_WORD.findall(gap)) <= MAX_LINK_WORDS


def _holds_attribution(prev: Quote, q: Quote) -> bool:
    return any(
        m is not None and prev.end <= m.start and m.end <= q.start for m in (prev.speaker_mention, q.speaker_mention)
    )
