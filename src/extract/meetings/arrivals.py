"""The day of a meeting that follows an arrival: "flying into Jakarta on Sunday, June 5 ... The
next day the two held their first meeting" is a meeting on June 6. The arrival's own day stands
when the text dates the meeting no other way, or only with a day weeks away, another event's."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from .date_text import parts
from .dates import DateValue, meeting_date
from ..text.sentences import doc_text, governing_verb
from ..wordlists import hits

# How long after an arrival its meeting may come and still be dated by it.
ARRIVAL_TO_MEETING = dt.timedelta(days=2)


def meeting_day(sents: list[Span], *, arrivals: frozenset[str], journeys: frozenset[str] = frozenset(),
                accept=None, **kwargs) -> DateValue | None:
    """``dates.meeting_date`` over ``sents``, preferring the day after an arrival to the arrival's,
    and the day a journey's talks were held to the journey's first (``arrivals``: lemmas of verbs of
    arriving; ``journeys``: words of travelling; the other arguments are ``meeting_date``'s)."""
    first = meeting_date(sents, accept=accept, journeys=journeys, **kwargs)
    if first is not None and first.start and first.end and first.end > first.start and journeys:
        if (day := _day_within(sents, first, journeys, accept, **kwargs)) is not None:
            return day
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


def _day_within(sents: list[Span], trip: DateValue, journeys: frozenset[str], accept, **kwargs) -> DateValue | None:
    """"Albanese visited India from 8 to 11 March 2023. The two held the first Annual Summit ...
    on 10 March 2023": the one day of the journey the same paragraph gives for its talks."""
    doc = sents[0].doc
    span = doc.char_span(trip.start_char, trip.end_char, alignment_mode="expand")
    if span is None or not any(hits(a, journeys) for a in [span.root, *span.root.ancestors][:4]):
        return None
    # The rest of the trip's own sentence too: "visited Doha on Feb 14-15 and held talks ... on Feb 15".
    own = next((s for s in sents if s.start_char <= span.start_char < s.end_char), None)
    tail = [doc[span.end : own.end]] if own is not None and own.end > span.end else []
    rest = tail + [s for s in sents if s.start_char >= span.end_char and "\n\n" not in doc_text(doc)[span.end_char : s.start_char]]
    later = meeting_date(rest, accept=lambda p: p.start_char >= span.end_char and (accept is None or accept(p)), **kwargs) if rest else None
    # A calendar day written out, not one counted ("the next morning" may follow a first evening's dinner).
    written = later is not None and all(parts(later.text)[:2])
    if written and later.start and later.start == later.end and trip.start <= later.start <= trip.end:
        return later
    return None
