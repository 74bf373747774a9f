"""The day of a meeting that follows an arrival: "flying into Jakarta on Sunday, June 5 ... The
next day the two held their first meeting" is a meeting on June 6. The arrival's own day stands
when the text dates the meeting no other way, or only with a day weeks away, another event's."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from .dates import DateValue, meeting_date
from .events import governing_verb

# How long after an arrival its meeting may come and still be dated by it.
ARRIVAL_TO_MEETING = dt.timedelta(days=2)


def meeting_day(sents: list[Span], *, arrivals: frozenset[str], accept=None, **kwargs) -> DateValue | None:
    """``dates.meeting_date`` over ``sents``, preferring the day after an arrival to the arrival's
    (``arrivals``: lemmas of verbs of arriving; the other arguments are ``meeting_date``'s)."""
    first = meeting_date(sents, accept=accept, **kwargs)
    if first is None or not first.start or not _landed(sents[0].doc, first, arrivals):
        return first
    met = meeting_date(sents, accept=lambda span: not _landed(span.doc, span, arrivals) and (accept is None or accept(span)),
                       **kwargs)
    if met is not None and met.start and dt.timedelta(0) < met.start - first.start <= ARRIVAL_TO_MEETING:
        return met
    return first


def _landed(doc, date: DateValue | Span, arrivals: frozenset[str]) -> bool:
    """Whether the date phrase hangs on a verb of arriving ("flying into Jakarta on Sunday")."""
    span = date if isinstance(date, Span) else doc.char_span(date.start_char, date.end_char, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None else None
    return verb is not None and verb.lemma_.lower() in arrivals
