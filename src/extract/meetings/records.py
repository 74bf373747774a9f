"""Meeting records, one per meeting section: the extractors of this package applied in turn.

segment (which paragraphs introduce a meeting, where each section ends, its date) -> places
(city, country, venues) -> occasions (sidelines/visit, visitor, occasion) -> participants ->
topics. Every value keeps the character span it was read from in ``Meeting.evidence``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from . import date_text, dateline, dates, nationality, occasions
from .verdict import REMOTE, THIRD, classify
from .modality import in_future
from ..lexicons import Lexicons
from ..people.mentions import Cast
from ..models import Meeting, Section
from ..models import Span as TextSpan
from ..people.parties import Person, people
from .participants import participants, with_them
from .places import meeting_place
from .gate import MeetingGate
from .segment import Section as MeetingSection
from .segment import sections
from .shape import is_header, is_quoted
from ..text.sentences import Layout
from .topics import topics
from ..wordlists import words


def _span(text: str, where: tuple[int, int] | None) -> TextSpan | None:
    if not where or where[1] <= where[0]:
        return None
    return TextSpan(start=where[0], end=where[1], text=text[where[0] : where[1]])


def _talk(sec: MeetingSection, layout: Layout, cast: Cast, lex: Lexicons) -> list[Span]:
    """The section's sentences that may report the meeting's talk: not a call, not a meeting
    with someone else, nor anything in a paragraph that opens with one or tells of a later event
    ("On 19 December, the ambassador was shot dead")."""
    out = []
    for para in layout.between(sec.start, sec.end):
        if not para.sents:
            continue
        if para is not sec.intro and not is_quoted(para):
            if classify(para.sents[0], cast, lex)[0] == THIRD or _later_event(para, sec, lex):
                continue
        out.extend(s for s in para.sents if classify(s, cast, lex)[0] not in {REMOTE, THIRD})
    return out


def _later_event(para, sec: MeetingSection, lex: Lexicons) -> bool:
    """Whether the paragraph opens on an event dated after the meeting."""
    if not (sec.date and sec.date.end):
        return False
    for sent in para.sents[:2]:
        for span in dates.phrase_spans(sent):
            if span.start > 0 and span.doc[span.start - 1].lower_ in {"from", "until", "by", "through"}:
                continue  # when something else starts or ends: "joint patrols from 15 March"
            verb = span.root.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            # A plan's date ("agreed to sign a decision on June 7th") is no event of its own.
            if in_future(verb, lex) or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                continue
            value = dates.value_of(span, after=None, article=None)
            if value and (value.start or value.partial) and _after(value, sec.date.end):
                return True
    return False


def _after(value: dates.DateValue, end) -> bool:
    if value.start:
        return (value.start - end).days > 1
    days, months, years, _, _ = date_text.parts(value.text)
    return bool(years) and (years[0], months[0] if months else 12) > (end.year, end.month)


def _record(doc: Doc, sec: MeetingSection, layout: Layout, cast: Cast, lex: Lexicons, everyone: list[Person]) -> Meeting:
    evidence: dict[str, tuple[int, int]] = {}
    sents = sec.sentences
    side = occasions.sidelines(sents, lex)
    named = occasions.occasion(sents, lex, sideline_event=side[1] if side else None)
    home = frozenset(c for c in cast.countries.values() if c)
    names = frozenset(w for p in cast.parties for a in p.aliases | {p.name} for w in a.split())
    # The whole heading line: the parser may split "1. Versailles, May 2017" after "1.".
    header = doc[sec.intro.sents[0].start : sec.intro.sents[-1].end] if is_header(sec.intro) else None
    place = meeting_place(sents, lex, occasion=named, home=home, principals=names, header=header)
    fmt = occasions.meeting_format(sents, place, cast, lex, side=side, named=named)
    host = cast.countries.get(cast.other(fmt.visitor) or "") if fmt.format == "visit" and fmt.visitor else None
    if host and place.city is None and place.country in {None, cast.countries.get(fmt.visitor)}:
        # "Tebboune paid a state visit in return": a visit is in the host's country, not the visitor's.
        place.country = host
        place.evidence["country"] = fmt.evidence.get("visitor") or place.evidence.get("country")
    body = [s for p in layout.between(sec.start, sec.end) if not is_quoted(p) for s in p.sents]
    people_, took_part = participants(body, cast, lex, everyone, text=layout.text)
    for name in with_them(sents, cast, lex, everyone, text=layout.text):
        if name not in people_:
            people_.append(name)
    own = {c for c in cast.countries.values() if c}
    named_span = ((named.start_char, named.end_char),) if named is not None else ()
    labels, first_topic = topics(_talk(sec, layout, cast, lex), lex, exclude=own, skip=named_span)
    if sec.ordinal:
        evidence["ordinal"] = (sec.ordinal.start_char, sec.ordinal.end_char)
    if sec.date:
        for key in ("start_date", "end_date", "date_text"):
            evidence[key] = (sec.date.start_char, sec.date.end_char)
    evidence.update(place.evidence)
    evidence.update(fmt.evidence)
    evidence["participants"] = took_part or (sec.sentences[0].start_char, sec.sentences[0].end_char)
    if first_topic:
        evidence["topics"] = first_topic
    return Meeting(
        id="m1",
        ordinal=sec.ordinal.value if sec.ordinal else None,
        start_date=sec.date.start if sec.date else None,
        end_date=sec.date.end if sec.date else None,
        date_text=sec.date.text if sec.date else None,
        city=place.city,
        country=place.country,
        venues=place.venues,
        format=fmt.format,
        visitor=fmt.visitor,
        occasion=fmt.occasion,
        participants=people_,
        topics=labels,
        section=Section(start=sec.start, end=sec.end),
        evidence={k: s for k, where in evidence.items() if (s := _span(layout.text, where)) is not None} or None,
    )


def extract_meetings(doc: Doc, *, parties: list[Person], lex: Lexicons, gate: MeetingGate | None = None,
                     observe=None, countries: dict[str, str | None] | None = None) -> list[Meeting]:
    """Every meeting of the principals ``parties`` that the article reports as held, in order
    (``gate`` and ``observe``: see ``segment.sections``; ``countries``: the principals' countries,
    ``nationality.of_principals``, read from the text when not given)."""
    if len(parties) < 2:
        return []
    layout = Layout(doc)
    cast = Cast.of(parties, lex)
    if countries is None:
        nationality.infer(doc, cast, layout, lex)
    else:
        cast.countries.update(countries)
    article = dateline.article_date(doc, words(lex, "dateline_cues"))
    everyone = people(doc, lex)
    found = sections(layout, cast, lex, article, gate, observe)
    return [_record(doc, sec, layout, cast, lex, everyone) for sec in found]
