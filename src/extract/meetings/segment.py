"""Meeting sections: which paragraphs introduce a meeting of the principals, and where each ends.

A paragraph introduces a meeting when
- its first sentence numbers a meeting ("The 5th meeting", "Their most recent and 12th meeting",
  "Meeting #3", "The second summit"), or
- one of its sentences reports the principals meeting ("met", "held talks", "travelled to" the
  other's country) with a date in it or in the next sentence, or
- in a timeline (paragraphs opening with a date and a colon or dash, see ``timeline``), its
  entry reports a meeting, or
- in a list of numbered headings ("1. Versailles, May 2017", see ``headings``), the text under
  the heading reports one.
Calls, letters, plans and meetings with someone else introduce nothing; in a timeline such an
entry ends the section before it. A section runs to the next meeting's paragraph; the last one
runs while paragraphs still report on it (see ``_last_paragraphs``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from .arrivals import meeting_day
from .dateline import ArticleDate
from .dates import DateValue
from .verdict import MEETING, NONE, PLANNED, REMOTE, THIRD
from .modality import in_future
from .reading import Reader, clause_verb, dates_event, dates_held, nearest_first, since_clause, told_together
from .gate import MeetingGate, decide, features, has_date
from .ending import last_paragraphs
from .headings import Number, dated_headings, numbered_headings
from .shape import before_back_matter, is_breadcrumb, is_caption, is_clock, is_header, is_question, is_quoted
from ..lexicons import Lexicons
from .locatives import landmarks, place_names
from ..people.mentions import Cast
from .ordinals import Ordinal, find_ordinal
from ..text.sentences import Layout, Para
from .timeline import content, entry_date, entry_label
from ..wordlists import hits, words


@dataclass
class Section:
    """One meeting's stretch of the article and the sentences that report it."""

    start: int
    end: int
    intro: Para
    ordinal: Ordinal | None
    date: DateValue | None
    sentences: list[Span] = field(default_factory=list)  # reporting the meeting, best first


def _same_visit(known: DateValue, new: DateValue) -> bool:
    """Whether ``new`` falls within a day of the meeting dated ``known``."""
    day = dt.timedelta(days=1)
    return known.start - day <= new.start <= (known.end or known.start) + day


# ``_Segmenter.date``'s default anchor: the latest meeting found so far (a section dated once all
# are found passes the one before it, or None for the first).
_LATEST = object()


class _Segmenter:
    """One pass over an article's paragraphs, finding meeting introductions."""

    def __init__(self, layout: Layout, cast: Cast, lex: Lexicons, article: ArticleDate | None,
                 gate: MeetingGate | None = None, observe=None):
        self.lex, self.read = lex, Reader(cast, lex)
        self.gate, self.observe = gate, observe
        self.paras = before_back_matter([p for p in layout.paras if p.sents], words(lex, "back_matter"))
        self.captions = words(lex, "caption_labels")
        self.article = article.date if article else None
        # A live blog's entries, stamped with times of day, tell the blog's own day unless they say otherwise.
        stamps = [p.index for p in self.paras if is_clock(p)]
        blog = len(stamps) >= 3 and article is not None and article.date is not None
        self.today = DateValue(article.date, article.date, layout.text[article.start_char : article.end_char],
                               article.start_char, article.end_char) if blog else None
        self.first_stamp = stamps[0] if stamps else None
        self.skip = article.places if article else ()
        numbered = numbered_headings(self.paras, lex, is_header)
        dated = dated_headings(self.paras, lambda p: is_header(p) and not is_breadcrumb(p) and not any(
            p.start <= a < p.end for a, _ in self.skip))
        entries = {p.index for p in self.paras if entry_date(p) is not None}
        # Headings, numbered or dated (not the article's date lines), are items. A few dated notes among numbered
        # items ("Between meetings: March 18 — ...") or many date-only headings make no timeline: more items win.
        self.timeline = len(entries) >= 2 and len(entries) > len(numbered) and (
            3 * len(entries) > len(dated.keys() - entries))
        self.listed: dict[int, Number | None] = {} if self.timeline else (numbered or dated)
        self.found: list[Section] = []
        self.stops: list[int] = []  # starts of timeline entries that are not meetings

    def date(self, sents: list[Span], *, after=_LATEST, accept=None) -> DateValue | None:
        if after is _LATEST:
            # The latest meeting with a known day: one dated "That June" only moves nothing on.
            after = next((s.date.start for s in reversed(self.found) if s.date and s.date.start), None)
        # A date that tells what the meeting came after ("the first since the war erupted on Oct. 7") is no day of it.
        # ... nor is the day of a plan told beside it ("announced that the border would reopen on July 15").
        dated = lambda span: not since_clause(span) and not in_future(clause_verb(span.root), self.lex) and (  # noqa: E731
            accept is None or accept(span))
        return meeting_day(
            sents, after=after, article=self.article, skip=self.skip, accept=dated,
            ignore=lambda ent: in_future(clause_verb(ent.root), self.lex) or since_clause(ent),
            meeting_nouns=words(self.lex, "meeting_nouns"), arrivals=words(self.lex, "arrival_verbs"),
            journeys=words(self.lex, "travel_nouns") | words(self.lex, "travel_verbs"),
        )

    def entry(self, para: Para, entry: Span) -> Section | None:
        """A timeline entry's meeting, or None (and the entry ends the section before it)."""
        sents = content(para)
        nl = para.text.find("\n")
        line_end = para.start + nl if nl >= 0 else para.end
        on_line = [s for s in sents if s.start_char < line_end]
        line = para.sents[0].doc[on_line[0].start : on_line[-1].end]
        # The entry's words may stand under a short label line: "08.10.2020 – London",
        # "24.02.2022 – Phone call", or a heading "## October 2015 — Istanbul" over its paragraph.
        head = sents[0]
        label = entry_label(head, entry)
        if label is None and line.end > head.end:
            head, label = line, entry_label(line, entry)  # the parser split the line
        if label is not None:
            rest = [s for s in sents if s.start_char >= head.end_char]
            under = self._under(para) if not rest else None
            if under is not None:
                # A heading over its paragraph: the paragraph's first sentence telling a meeting.
                sents = [*sents, *content(under)]
                rest = list(content(under))
                rest = [s for s in rest if self.read(s, strict=False) == MEETING][:1] or rest
            told = rest[0] if rest else head
        else:
            told = sents[1] if len(sents) > 1 and len(sents[0]) <= len(entry) + 1 else sents[0]
            if is_header(para) and (under := self._under(para)) is not None:
                # "May 7, 2023 — Kishida returns the visit" over its paragraph: the title, or the
                # paragraph's first sentence telling the meeting.
                sents = [*sents, *content(under)]
                told = next((s for s in [told, *content(under)] if self.read(s, strict=False) == MEETING), told)
        if label is not None and any(hits(t, words(self.lex, "call_words")) for t in label):
            verdict = REMOTE
        else:  # "Nov. 19-20 | Lima, without Park": an entry its label says one principal missed
            verdict = THIRD if label is not None and self.read.absent(label) else self.read(told, strict=False)
        if verdict == NONE and label is not None and self.read.place_entry_meets(label, [told, *rest[1:4]]):
            verdict = MEETING
        if verdict == NONE and label is None and (later := next((s for s in sents[1:3] if s is not told
                                                                  and self.read(s) == MEETING), None)):
            told, verdict = later, MEETING  # "The Digital Future Summit was her last trip. Macron greeted Merkel"
        if verdict == MEETING and self.read.journey_denied(self.read.full(told)[1], sents):
            verdict = NONE  # "Not a meeting with Modi. Hasina resigns and flies to the Hindon air base outside Delhi"
        if verdict != MEETING:
            self.stops.append(para.start)
            return None
        told_sents = [head, told] if label is not None and told is not head else [told]  # the label names the place
        return Section(para.start, para.end, para, find_ordinal(told, self.lex), self.date([entry]), told_sents)

    def _under_other_heading(self, para: Para) -> bool:
        """A paragraph right under a heading that is no item of the list ("Bali and the war in
        Ukraine" among "State visit of 2018", "Second state visit, 2019"): told like any other."""
        before = self._para_before(para)
        return before is not None and before.index not in self.listed and is_header(before) and not is_header(para)

    def _dated(self, para: Para, told: list[Span]):
        """The date ``told`` gives; for a question line, the date its answer gives: "So when did
        they hold proper talks?" over "On Sunday, Sept. 10, 2023, on the margins of the G20 ..."."""
        date = self.date(told) if told else None
        if date is None and is_question(para) and (answer := self._under(para)) is not None:
            date = self.date(list(answer.sents[:2]))
        return date

    def _answer_denies(self, question: Para, answer: Para) -> bool:
        """Whether a question's answer tells no one meeting: "Did they talk after the election?"
        over "By phone, yes.", "How often did they meet?" over "Less often than you might think."
        Only a question asking when or where, or one answered "Yes", asks after one meeting."""
        first = answer.sents[0]
        asks = [w.lower().strip(",") for w in question.text.split()[:2]]
        if not {"when", "where"} & set(asks[asks[0] in {"so", "and", "but"}:][:1]) and first[0].lower_ != "yes":
            return True
        if any(hits(t, words(self.lex, "call_words")) for t in first):
            return True
        return self.read(first) in {REMOTE, THIRD, PLANNED} or self.read.denies(first)

    def _para_before(self, para: Para) -> Para | None:
        return next((p for p in reversed(self.paras) if p.index < para.index), None)

    def _goes_on(self, para: Para, k: int) -> bool:
        """Whether the ``k``-th sentence of ``para`` follows one reporting the principals meeting,
        or opens the paragraph after the one that introduced the last meeting found."""
        if k:
            return self.read(para.sents[k - 1]) == MEETING
        prev = self._para_before(para)
        return prev is not None and bool(self.found) and self.found[-1].intro is prev

    def _sentence_before(self, para: Para, k: int) -> Span | None:
        """The sentence before the ``k``-th of ``para``: in it, or the last of the paragraph before."""
        if k:
            return para.sents[k - 1]
        prev = self._para_before(para)
        return prev.sents[-1] if prev is not None and not is_header(prev) else None

    def _under(self, para: Para) -> Para | None:
        """The paragraph right under a heading line, when it is prose, not another entry or heading."""
        nxt = next((p for p in self.paras if p.index > para.index), None)
        if nxt is None or is_header(nxt) or is_quoted(nxt) or entry_date(nxt) is not None:
            return None
        return nxt

    def heading(self, para: Para, number: Number | None) -> Section | None:
        """A listed heading's meeting, when the text under it reports one (or None, and the
        heading ends the section before it)."""
        later = [i for i in self.listed if i > para.index]
        under = [p for p in self.paras if para.index < p.index < (later[0] if later else para.index + 3)]
        line = para.sents[0].doc[para.sents[0].start : para.sents[-1].end]  # "1." may parse as a sentence
        ordinal = Ordinal(number.value, number.start_char, number.end_char) if number else find_ordinal(line, self.lex)
        told = [] if self.read.absent(line) else [s for p in under if not is_quoted(p) for s in p.sents]
        # The first sentence telling something leads ("The state visit took place ...", naming nobody).
        lead = next((v for s in told if (v := self.read(s)) != NONE or self.read.tells_event(s)), NONE)
        # "Meeting #1 — 29 May 2017" says so itself; "Berlin, May 2017" needs the text under it.
        says_so = number is None and ordinal is not None and ordinal.value is not None
        # "4. Beijing, 7-10 January 2019" numbers a place and its days: an item of the pair's
        # meetings unless the text under it opens on something else (a call, a plan, a third leader).
        # An opening about a third leader still leaves the item the pair's when the same paragraph
        # goes on to their meeting ("came at the White House, where Biden revived the Leaders'
        # Summit. Before the three-way session, Biden and López Obrador held ...").
        first_par = [s for s in under[0].sents] if under and not is_quoted(under[0]) else []
        opens = bool(told) and (self.read(told[0]) in {MEETING, NONE} or self.read(told[0]) == THIRD and any(
            self.read(s) == MEETING for s in first_par))
        # The place may be a seat of government that names its city: "5) July 6, 2010 — White House".
        placed = bool(place_names(line, self.lex) or landmarks(line, self.lex))
        item = number is not None and opens and placed and self.date([line]) is not None
        if lead == MEETING and self.read.journey_denied([ev for s in told for ev in self.read.full(s)[1]], told):
            lead = NONE  # "Hasina ... flying to an air base near Delhi. ... Modi has not been reported meeting her."
        if not (says_so or item or lead == MEETING or lead == NONE and self.read.names_held(told)):
            self.stops.append(para.start)
            return None
        return Section(para.start, para.end, para, ordinal, self.date([line]), [line])

    def intro(self, para: Para) -> Section | None:
        read, first = self.read, content(para)[0]
        entry = entry_date(para) if self.timeline else None
        if entry is not None:
            return self.entry(para, entry)
        if self.timeline and self.found and not is_header(para) and not (  # a blog's "10:40 CEST" closes the entry
                self._under_other_heading(para) and entry_date(self._para_before(para)) is None):
            return None  # in a timeline, a paragraph between entries goes on with the last entry
        if self.listed and para.index >= min(self.listed) and not self._under_other_heading(para):
            return self.heading(para, self.listed[para.index]) if para.index in self.listed else None
        ordinal = find_ordinal(first, self.lex)
        if ordinal is not None:
            seen = {s.ordinal.value for s in self.found if s.ordinal}
            # A heading parses poorly ("Meeting #1 — ..., Versailles"): numbered, it is a meeting's.
            if (read(first) not in {MEETING, NONE} and not is_header(para)) or ordinal.value in seen - {None}:
                return None
            told = [first, *[s for s in para.sents[1:] if read(s) == MEETING]]
            return Section(para.start, para.end, para, ordinal, self._dated(para, told), [first])
        for k, sent in enumerate(para.sents):
            verdict, told = read.full(sent)
            if verdict != MEETING and read(sent, strict=False) == MEETING and self._goes_on(para, k):
                # "That followed a 30-minute encounter on Sept. 21 in New York": a meeting word
                # with nobody named, right after the principals' meeting was reported.
                verdict, told = read.full(sent, strict=False)
            if verdict != MEETING:
                continue
            if read.journey_denied(told, para.sents):
                continue  # "... flying to an air base near Delhi. ... Modi has not been reported meeting her."
            date = self.date(
                list(para.sents[k : k + 2]),
                accept=lambda span: span.start >= sent.end or any(dates_event(span, e, sent, self.lex) for e in told),
            )
            intro = para
            if date is None and is_question(para):
                if (answer := self._under(para)) is None or self._answer_denies(para, answer):
                    return None
                date = self._dated(para, [])
            if date is None and self.article is not None and (before := self._sentence_before(para, k)) is not None:
                # A news lead: "X and Y agreed on Thursday to ... The talks at the Kantei were
                # the first ...": the sentence before dates the talks, and opens their section.
                date = self.date([before])
                if date is not None and k == 0:
                    intro = next(p for p in self.paras if p.start <= before.start_char < p.end)
            if date is None and k and (held := read.held_event(list(para.sents[:k]))) is not None:
                date = self.date([held[0]], accept=lambda span: dates_held(span, held[1]))
            if date is None and self.today is not None and para.index > self.first_stamp and told_together(told):
                date = self.today  # "14:12 / The two men shook hands ... before heading inside."
            if date is None:
                return None
            last = self.found[-1] if self.found else None
            if last and last.ordinal and last.date is None:
                # "Their third meeting was the least planned of all." ... "On June 30, the two
                # men met": the numbered meeting's date, not a new meeting.
                last.date = date
                last.sentences.append(sent)
                return None
            if last and last.date and last.date.start and date.start and _same_visit(last.date, date):
                # The same meeting told again, or its other day: "held their summit on Tuesday"
                # after "arrived on Monday evening for a two-day visit ... hosted for dinner". A
                # journey alone ("flew into Shanghai on Saturday and toured the expo") is the
                # visit's, not a day the two met.
                met = any(e.kind != "travel" for e in told)
                last.date = replace(last.date, start=min(last.date.start, date.start) if met else last.date.start,
                                    end=max(last.date.end or last.date.start, date.end or date.start))
                return None
            if date.start and any(s.date and s.date.start == date.start for s in self.found):
                return None  # "Thursday's talks were the third since ...": an earlier meeting told again further down
            return Section(intro.start, intro.end, intro, None, date, [sent])
        return None

    def second_opinion(self, para: Para, section: Section | None) -> Section | None:
        """The section for ``para`` once the gate (when there is one) has had its say."""
        words = features([self.read(s) for s in para.sents], [self.read(s, strict=False) for s in para.sents],
                         proposed=section is not None, dated=has_date(para.sents), header=is_header(para),
                         quoted=is_quoted(para))
        if self.observe is not None:
            self.observe(para, words)
        opinion = decide(self.gate, words, para.text, proposed=section is not None) if self.gate else None
        if opinion is False:
            return None
        if opinion is True and section is None:
            # Where the rules found none: dated from the paragraph if it can be.
            first = content(para)[0]
            return Section(para.start, para.end, para, find_ordinal(first, self.lex), self.date(list(para.sents)), [first])
        return section

    def run(self) -> list[Section]:
        for para in self.paras:
            section = None if is_quoted(para) or is_caption(para, self.captions) else self.intro(para)
            if self.gate is not None or self.observe is not None:
                section = self.second_opinion(para, section)
            if section is None:
                continue
            last = self.found[-1] if self.found else None
            numbered = last.ordinal.value if last and last.ordinal else None
            if last and (is_header(last.intro) or is_question(last.intro)) and para.index == last.intro.index + 1 and not (
                section.ordinal and section.ordinal.value and section.ordinal.value != numbered
                # A question numbers nothing: "When did they first meet?" over "Their first summit ...".
                and not (is_question(last.intro) and numbered is None)
            ):
                # "Meeting #3: Helsinki, 16 July 2018" over "The first full summit ... took place":
                # the paragraph under a header tells the header's meeting.
                last.date = last.date or section.date
                last.sentences.extend(section.sentences)
                continue
            if last and section.start <= last.start:
                # Opened by the paragraph that opened the last one (a news lead dated from the sentence
                # before): the same stretch of text cannot tell two meetings.
                last.sentences.extend(s for s in section.sentences if s not in last.sentences)
                continue
            self.found.append(section)
        found = self.found
        for i, sec in enumerate(found):
            nxt = [found[i + 1].start] if i + 1 < len(found) else []
            stop = min([s for s in self.stops if s > sec.start] + nxt, default=None)
            body = [p for p in self.paras if sec.start <= p.start and (stop is None or p.start < stop)]
            if stop is None:
                body = last_paragraphs(body, self.read, self.lex, sec)
                sec.end = body[-1].end
            else:
                sec.end = stop
            before = found[i - 1].date.start if i and found[i - 1].date else None
            self.gather(sec, body, after=before)
        return found

    def gather(self, sec: Section, body: list[Para], *, after) -> None:
        """The section's meeting sentences (the introducing one, the rest of its paragraph, then
        later sentences reporting the meeting) and, for a numbered intro, the date they give."""
        read = self.read
        lead, dated = sec.sentences[0], sec.sentences[1:]
        rest = [s for s in sec.intro.sents if s is not lead and read(s) in {MEETING, NONE}]
        if (is_header(sec.intro) or is_question(sec.intro)) and len(body) > 1 and not is_quoted(body[1]):
            # The paragraph under a heading tells the heading's meeting, whatever its verbs
            # ("The president invited his guest to the palace of ...").
            rest += [s for s in body[1].sents if s not in dated and read(s) != REMOTE]
        later = [s for p in body[1:] if not is_quoted(p) for s in p.sents if read(s) == MEETING and s not in dated + rest]
        sec.sentences = [lead, *dated, *rest, *later]
        if sec.date is None or sec.date.partial:
            # A heading's "May 2017" gives way to the day the text under it names ("on 29 May").
            candidates = [lead, *nearest_first([s for s in sec.sentences[1:] if read(s) == MEETING or s in rest], read)]
            found = self.date(candidates, after=after)
            sec.date = found if found is not None and (sec.date is None or not found.partial) else sec.date
            if sec.date is not None and sec.date.start_char > sec.intro.end:
                # The date came from a later sentence: that sentence also tells where.
                told = next(s for s in candidates if s.start_char <= sec.date.start_char < s.end_char)
                sec.sentences.remove(told)
                sec.sentences.insert(1, told)


def sections(layout: Layout, cast: Cast, lex: Lexicons, article: ArticleDate | None,
             gate: MeetingGate | None = None, observe=None) -> list[Section]:
    """The meeting sections of one article, in order; ``gate`` gives the learned second opinion,
    ``observe(para, feature_words)`` sees every paragraph's features (to build training data)."""
    return _Segmenter(layout, cast, lex, article, gate, observe).run()
