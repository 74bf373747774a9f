"""The day of a meeting that follows an arrival: "flying into Jakarta on Sunday, June 5 ... The
next day the two held their first meeting" is a meeting on June 6. The arrival's own day stands
when the text dates the meeting no other way, or only with a day weeks away, another event's."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from .dates import DateValue, meeting_date

# How long after an arrival its meeting may come and still be dated by it.
ARRIVAL_TO_MEETING = dt.timedelta(days=2)


def meeting_day(sents: list[Span], *, arrivals: frozenset[str], accept=None, **kwargs) -> DateValue | None:
    """``dates.meeting_date`` over ``sents``, preferring the day after an arrival to the arrival's
    (``arrivals``: lemmas of verbs of arriving; the other arguments are ``meeting_date``'s)."""
    def landed(span: Span) -> bool:
        verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        return verb is not None and verb.lemma_.lower() in arrivals

    def only(keep):
        return meeting_date(sents, accept=lambda span: keep(span) and (accept is None or accept(span)), **kwargs)

    arrived = only(landed) if arrivals else None
    if arrived is None:
        return meeting_date(sents, accept=accept, **kwargs)
    met = only(lambda span: not landed(span))
    if met is not None and arrived.start and met.start and dt.timedelta(0) < met.start - arrived.start <= ARRIVAL_TO_MEETING:
        return met
    return meeting_date(sents, accept=accept, **kwargs)
