"""Meeting dates: candidate phrases from spaCy DATE entities, read into calendar days.

Only the phrases NER marks as dates are parsed (never a search over free text, which reads words
like "we" as dates). A phrase is first split into its parts here (days, months, years, weekday), so
ranges ("June 6th and 7th, 2016", "27–28 April 2018") and missing years are handled explicitly;
each single day is then read as a calendar date (see ``days.parse_day``), and cached.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..text.sentences import doc_text, ents_in, ents_overlapping
from .date_text import ISO_RANGE, MONTHS, NUMERIC_RANGE, PART_WEEKDAY, WEEKDAYS, parse_range, parts


# "Sept. 15 last year": a year counted from the article's own date.
_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}
_RELATIVE_YEAR = re.compile(r"\b(last|this|next)\s+year\b", re.I)
# A day counted from the last date the story gave: "the next day", "two days later".
_RELATIVE_DAY = re.compile(
    r"\b(?:(?:the\s+)?(?P<next>next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|(?:the\s+)?(?P<prev>previous|preceding)\s+(?:day|morning|evening|night)"
    r"|(?:the\s+)?day\s+(?P<dir>after|before)\b(?!\s+(?:the|a|an|his|her|their)\b)"
    r"|(?P<n>a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s+(?P<way>later|earlier)\b)",
    re.I,
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_LATER = re.compile(r"\b(?:(?:following|next|subsequent)\s+year|a\s+year\s+later)\b", re.I)
_LIMITS = {"until", "till", "through", "by"}
_DATEY = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?(?:[-–—]\d{1,2}(?:st|nd|rd|th)?)?|(?:1[89]|20)\d\d|(?:1[89]|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}[./]\d{1,2}[./](?:1[89]|20)\d\d)$",
    re.IGNORECASE,
)
_JOINERS = {",", "and", "to", "-", "–", "—", "through", "until", "&", "of"}
# Words before a date that make it something other than the meeting's day.
_NOT_THE_DAY = {"since", "after", "before", "until", "by", "following"}


@dataclass(frozen=True)
class DateValue:
    start: dt.date | None
    end: dt.date | None
    text: str  # as written, without a leading preposition
    start_char: int
    end_char: int
    partial: bool = False  # a month without a day, or a weekday with no article date


def _dates_something_else(span: Span, meeting_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether the phrase hangs under "since", "after", "before"...: "After the November 11th
    meeting", "since September 2015"; it then dates another event, not the one reported. A
    meeting noun in between owns the date: "Before their talks on June 20, X told reporters"; so
    does the clause that ends a state: "the chill lingered until September 20, when X and Y met"."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in {"until", "till"} and any(
            c.dep_ in {"relcl", "advcl", "acl"} and any(g.lower_ == "when" for g in c.children) for c in span.root.children):
        return False  # the day a state ended, and the clause saying what ended it
    if span.start > 0 and span.doc[span.start - 1].lower_ in _NOT_THE_DAY:
        return True
    for anc in span.root.ancestors:
        if anc.pos_ == "NOUN" and {anc.lemma_.lower(), anc.lower_} & meeting_nouns and anc.i < span.start:
            return False
        if anc.lower_ in _NOT_THE_DAY:
            return True
        if anc.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _datey(tok: Token) -> bool:
    word = tok.text.rstrip(".").lower()
    return bool(_DATEY.match(tok.text)) or word in MONTHS or word in WEEKDAYS


def _separator(doc, j: int, a: int, b: int) -> bool:
    """Whether the spaced dash ``doc[a]`` after a date ending in a year (``doc[j - 1]``) sets the date
    apart rather than running it on: no year after it ("2018 – 2019" is a range)."""
    return doc[a].text in {"-", "–", "—"} and not _closed_up(doc, a) and _YEAR.fullmatch(doc[j - 1].text) is not None \
        and not (b < len(doc) and _YEAR.fullmatch(doc[b].text))


def phrase_spans(span: Span) -> list[Span]:
    """DATE entities inside ``span``, grown over the parts NER leaves out ("June 6th" + "and 7th,
    2016") and trimmed of punctuation; clipped to ``span``."""
    doc = span.doc
    out: list[Span] = []
    for ent in ents_overlapping(span):
        if ent.label_ != "DATE":
            continue
        i, j = max(ent.start, span.start), min(ent.end, span.end)
        # A date ends at a line break, whatever NER ran on into ("2016 / Updated\n\nBERLIN").
        while (nl := next((k for k in range(i, j) if "\n" in doc[k].text), None)) is not None:
            if any(_datey(doc[k]) for k in range(i, nl)):
                j = nl
                break
            i = nl + 1  # nothing datey before the break ("between.\n\n- 2018-01-01")
        def skip_space(k: int) -> int:
            # Scraped text puts non-breaking spaces between the parts ("March 9th,\u00a02017").
            while k < span.end and doc[k].is_space:
                k += 1
            return k

        while True:
            a = skip_space(j)
            if a < span.end and _datey(doc[a]):
                j = a + 1
                continue
            if a < span.end and doc[a].lower_ in _JOINERS:
                b = skip_space(a + 1)
                if _separator(doc, j, a, b):
                    break  # "10–11 May 2023 — 42nd ASEAN Summit": a heading's parts, not a longer date
                if b < span.end and _datey(doc[b]):
                    j = b + 1
                    continue
                if b < span.end and doc[a].text == "," and doc[b].lower_ in _JOINERS:
                    c = skip_space(b + 1)
                    if c < span.end and _datey(doc[c]):
                        j = c + 1
                        continue
            break
        while i > span.start and (_datey(doc[i - 1]) or (doc[i - 1].text in {"-", "–", "—"} and i - 2 >= span.start
                                                          and _datey(doc[i - 2]) and _closed_up(doc, i - 1))):
            i -= 1
        # "from 5 to 7 April": NER takes the first day for a number.
        if i - 3 >= span.start and doc[i - 1].lower_ in {"to", "and", "until"} and doc[i - 2].text.isdigit() \
                and 1 <= int(doc[i - 2].text) <= 31 and doc[i - 3].lower_ in {"from", "between"}:
            i -= 2
        j = next((k for k in range(i + 1, j) if _separator(doc, k, k, k + 1)), j)  # NER's "5 May 2023 - 3rd"
        # NER spans carry words that are not part of the date ("2018: Moon", "late February").
        while j > i and not _datey(doc[j - 1]):
            j -= 1
        while i < j and not _datey(doc[i]):
            i += 1
        if j > i and j + 2 <= span.end and doc[j].lower_ in _RELATIVE_YEARS and doc[j + 1].lower_ == "year":
            j += 2  # "Sept. 15 last year"
        if j > i and not any(s.start == i and s.end == j for s in out):
            out.append(doc[i:j])
    # All-digit dates NER left out ("- 2018-04-27: ...", "2018-09-18 to 2018-09-20", "08.10.2020 –"),
    # days counted from another ("The following morning"), and a written date that NER missed,
    # as headings often are ("Feb 2023:", "Feb 19th —").
    text = doc_text(doc)[span.start_char : span.end_char]  # a Span joins its tokens anew on each .text
    for pattern in (ISO_RANGE, NUMERIC_RANGE, _RELATIVE_DAY, _DEICTIC, _WRITTEN, _MONTH_DAY):
        for m in pattern.finditer(text):
            got = doc.char_span(span.start_char + m.start(), span.start_char + m.end())
            if got is None:
                continue
            inside = [s for s in out if got.start <= s.start and s.end <= got.end]
            if pattern is _WRITTEN and inside and len(got) > max(len(s) for s in inside):
                out = [s for s in out if s not in inside]  # NER kept only "2016" of "Nov 11th–12th, 2016"
            if not any(s.start < got.end and got.start < s.end for s in out):
                out.append(got)
    return sorted(out, key=lambda s: s.start)


def _closed_up(doc: Doc, dash: int) -> bool:
    """Whether a dash joins its neighbours without spaces: "27–28 April" is a range, while in
    "Meeting #1 — 29 May" a spaced dash separates a header's parts."""
    return not doc[dash - 1].whitespace_ and not doc[dash].whitespace_


def _horizon(doc: Doc, start: int) -> bool:
    """"a roadmap to 2035": a plan's horizon, not "from 2019 to 2021", a range the story went through."""
    return start > 1 and doc[start - 1].lower_ == "to" and doc[start - 2].pos_ in {"NOUN", "PROPN"}


def years_before(doc: Doc, offset: int, *, ignore=None) -> int | None:
    """The last year written out in a DATE entity before ``offset`` ("Reconciliation came in 2016.");
    ``ignore``: a test for entities that do not set the narrative's year (a plan: "in 2019")."""
    last, month = None, None
    for ent in ents_in(doc):
        if ent.start_char >= offset:
            break
        if ent.label_ != "DATE" or (ignore and ignore(ent)):
            continue
        if ent.start > 0 and (doc[ent.start - 1].lower_ in _LIMITS or _horizon(doc, ent.start)):
            continue  # "cooperation until 2030", "the Roadmap to 2035" bound a plan; the story stays where it was
        found = re.findall(r"\b(?:1[89]|20)\d\d\b", ent.text)
        days, months, _, _, _ = parts(ent.text)
        if found:
            last, month = int(found[-1]), (months[-1] if months else None)
        elif last is not None and _YEAR_LATER.search(ent.text):
            last, month = last + 1, None  # "the following year", "a year later"
        elif last is not None and months and month is not None and days:
            if months[0] < month:
                last += 1  # "On 10 December 2021 ... On 25 January ...": the story has turned the year
            month = months[-1]
    return last


def _under_year_heading(doc: Doc, offset: int) -> bool:
    """Whether the last year written before ``offset`` is a heading of its own ("2013" over a
    timeline's "May 2 — ..."): its entries are that year's, whatever came before."""
    last = None
    for ent in ents_in(doc):
        if ent.start_char >= offset:
            break
        if ent.label_ == "DATE" and re.search(r"\b(?:1[89]|20)\d\d\b", ent.text):
            last = ent
    if last is None or not re.fullmatch(r"(?:1[89]|20)\d\d", last.text.strip()):
        return False
    text, end = doc_text(doc), last.start_char + len(last.text.rstrip())
    line_end = text.find("\n", end)
    return not text[text.rfind("\n", 0, last.start_char) + 1 : last.start_char].strip() and \
        not text[end : line_end if line_end >= 0 else len(text)].strip()


# Days named from the writer's own: "Prime Minister X today met ...", as readouts and news write.
_DEICTIC = re.compile(r"\b(?:(?P<today>today|tonight|this (?:morning|afternoon|evening))|(?P<yesterday>yesterday|last night))\b", re.I)


def value_of(span: Span, *, after: dt.date | None, article: dt.date | None, ignore=None) -> DateValue | None:
    """The DateValue of one phrase, the year taken from context when the phrase has none."""
    text = span.text
    if (deictic := _DEICTIC.fullmatch(text.strip())) is not None:
        if article is None:
            return None
        day = article - dt.timedelta(days=1 if deictic.group("yesterday") else 0)
        return DateValue(day, day, text, span.start_char, span.end_char, False)
    if (rel := _RELATIVE_DAY.fullmatch(text.strip())) is not None:
        anchor = _last_day_before(span.doc, span.start_char, ignore=ignore, article=article)
        day = anchor + _offset(rel) if anchor else None
        return DateValue(day, day, text, span.start_char, span.end_char, day is None)
    days, months, years, weekday, _ = parts(text)
    if not (months or weekday is not None):
        return None  # "1-Day", "a few days earlier": no calendar date
    if weekday is not None and len(days) == 1 and not months:
        # "The next morning, Wednesday the 25th": the first such day on or after the last date given.
        anchor = _last_day_before(span.doc, span.start_char, ignore=ignore, article=article)
        day = _next_weekday_numbered(anchor, days[0], weekday) if anchor else None
        return DateValue(day, day, text, span.start_char, span.end_char, day is None)
    if weekday is not None and not days and not months:
        anchor = _last_day_before(span.doc, span.start_char, ignore=ignore, paragraph=True, article=article)
        if anchor is not None and anchor != article:
            # A story told forward: "touched down on Tuesday 11 April, and on Wednesday morning
            # the president sat down with Sunak" is the Wednesday after that Tuesday.
            first = WEEKDAYS[PART_WEEKDAY.search(text).group(0).lower()]
            start = anchor + dt.timedelta(days=(first - anchor.weekday()) % 7)
            end = start + dt.timedelta(days=(weekday - first) % 7)
            return DateValue(start, end, text, span.start_char, span.end_char, False)
    year = None
    relative = _RELATIVE_YEAR.search(text)
    if not years and relative and article is not None:
        year = article.year + _RELATIVE_YEARS[relative.group(1).lower()]
        after = None  # the phrase places itself: "last year" may go back before the previous meeting
    elif not years:
        year = years_before(span.doc, span.start_char, ignore=ignore)
        if year is not None and article is not None and year > article.year:
            year = article.year  # "expects to consume in 2030" is no year the story has reached
        if _under_year_heading(span.doc, span.start_char):
            after = None  # "2012" over "Nov. 27 — ...": the heading's year, whatever was told before
        if after is not None and (year is None or after.year > year):
            year = after.year  # the story has moved on past the last year it wrote out
        if year is None and article is not None:
            year = article.year
    start, end, partial = parse_range(text, year=year, after=after, article=article)
    if not years and year is not None and article is not None and start and start > article:
        # A report tells of the past: a day after the article's own date is not the next year's
        # (the story went back before the last meeting: "seven weeks earlier ... On 20 October"),
        # else it is last year's.
        start, end, partial = parse_range(text, year=year, article=article)
        if start and start > article:
            start, end, partial = parse_range(text, year=year - 1, article=article)
    if not years and weekday is not None and len(days) == 1 and start and start.weekday() != weekday:
        # "On Tuesday, Dec. 23" names its year: the one next to the guess where the 23rd is a
        # Tuesday, and not after the article's own date.
        for other in (start.year + 1, start.year - 1):
            named = parse_range(text, year=other, article=article)
            if named[0] and named[0].weekday() == weekday and (article is None or named[0] <= article):
                start, end, partial = named
                break
    return DateValue(start, end, text, span.start_char, span.end_char, partial or start is None)


def _bare_weekday(text: str) -> bool:
    days, months, years, weekday, _ = parts(text)
    return weekday is not None and not (days or months or years)


def _next_weekday_numbered(anchor: dt.date, day: int, weekday: int) -> dt.date | None:
    """The first date on or after ``anchor`` that is the ``day``-th of its month and a ``weekday``."""
    year, month = anchor.year, anchor.month
    for _ in range(14):
        if day <= calendar.monthrange(year, month)[1] and (found := dt.date(year, month, day)) >= anchor \
                and found.weekday() == weekday:
            return found
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return None


def _offset(m: re.Match) -> dt.timedelta:
    if m.group("next"):
        return dt.timedelta(days=1)
    if m.group("prev"):
        return dt.timedelta(days=-1)
    if m.group("dir"):
        return dt.timedelta(days=1 if m.group("dir").lower() == "after" else -1)
    n = _COUNTS.get(m.group("n").lower()) or int(m.group("n"))
    days = n * (7 if m.group("unit").lower().startswith("week") else 1)
    return dt.timedelta(days=days if m.group("way").lower() == "later" else -days)


def _last_day_before(doc: Doc, offset: int, *, ignore=None, paragraph: bool = False,
                     article: dt.date | None = None) -> dt.date | None:
    """The last calendar day the text gives before ``offset`` (a range's first): what "the next
    day" counts from; with ``paragraph``, only one given in the paragraph of ``offset``. A day
    without its year is not after the article's own date (``article``)."""
    text = doc_text(doc)
    since = text.rfind("\n\n", 0, offset) if paragraph else -1
    for ent in reversed([e for e in ents_in(doc) if e.label_ == "DATE" and since < e.start_char and e.end_char <= offset]):
        if ignore and ignore(ent):
            continue
        line = text[text.rfind("\n", 0, ent.start_char) + 1 : (text.find("\n", ent.end_char) + 1 or len(text) + 1) - 1]
        if len(line) < 100 and not line.rstrip().endswith((".", "!", "?", '"', "”")):
            continue  # a heading's date is the heading's meeting, not where the story had got to
        days, months, years, _, _ = parts(ent.text)
        if days and months:
            year = years[-1] if years else years_before(doc, ent.start_char, ignore=ignore) or (article and article.year)
            if not years and year and article and year > article.year:
                year = article.year  # "the 2026 World Cup" is no year the story has reached
            start, _, partial = parse_range(ent.text, year=year)
            if not years and year and article and start and start > article:
                start, _, partial = parse_range(ent.text, year=year - 1)  # "December 16" in a March report
            if not partial and start is not None:
                return start  # "Dec. 15 and 16 ... The talks moved the next day": from the first day
    return None


def meeting_date(sents: list[Span], *, after: dt.date | None, article: dt.date | None,
                 skip: tuple[tuple[int, int], ...] = (), accept=None, ignore=None,
                 meeting_nouns: frozenset[str] = frozenset(), journeys: frozenset[str] = frozenset()) -> DateValue | None:
    """The first full date in ``sents`` (in order; within a sentence a calendar date before a
    counted one: "Six weeks later, on 9 June"), else the first partial one.

    ``skip``: the article's own dateline and publication dates, not a meeting's; ``accept``: a test
    a phrase must pass (the caller's check that it dates the meeting's own clause); ``ignore``:
    year mentions that do not carry over (see ``years_before``); ``journeys``: words of a visit,
    whose days a day told beside them belongs to (see ``_within``).
    """
    partial = None
    for sent in sents:
        counted = None
        spans = [span for span in phrase_spans(sent) if not any(span.start_char < e and span.end_char > s for s, e in skip)
                 and not _dates_something_else(span, meeting_nouns)]
        read = lambda span: value_of(span, after=after, article=article, ignore=ignore)  # noqa: E731
        for value in (read(span) for span in spans if accept is None or accept(span)):
            if value is None:
                continue
            if not value.partial and _RELATIVE_DAY.fullmatch(value.text.strip()):
                counted = counted or value
            elif not value.partial and counted is not None and _bare_weekday(value.text):
                return counted  # "The next morning, Wednesday, ...": counted from a date, not the last Wednesday
            elif not value.partial:
                if value.start != value.end:
                    return value
                # Read only when needed: most sentences name no journey's days.
                return _within(value, [v for span in spans if _of_a_journey(span, journeys) and (v := read(span))])
            else:
                partial = partial or value
        if counted is not None:
            return counted
    return partial


def _within(value: DateValue, trips: list[DateValue]) -> DateValue:
    """The journey of the same sentence that ``value``'s one day falls in: "left Cairo on Tuesday,
    wrapping up an April 6-8 state visit" is the visit's three days, of which Tuesday was the last."""
    return next((v for v in trips if v.start and v.end and v.start < v.end and not v.partial
                 and v.start <= value.start <= v.end), value)


def _of_a_journey(span: Span, journeys: frozenset[str]) -> bool:
    """A date of a visit or trip ("an April 6-8 state visit"), not of a summit others held."""
    return any({t.lower_, t.lemma_.lower()} & journeys for t in [span.root, *span.root.ancestors][:4])


# A date written out in words: "June 6th, 2016", "6-7 June 2016", a release's "01-November-2019".
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY_WORD = r"\d{1,2}(?:st|nd|rd|th)?"
_WRITTEN = re.compile(
    r"\b(?:" + _DAY_WORD + r"(?:\s+|-))?" + _MONTH_WORD + r"(?:\s+" + _DAY_WORD + r"(?:\s*[–-]\s*" + _DAY_WORD + r")?,?)?"
    r"(?:\s+|-)(?:1[89]|20)\d\d\b"
)
# A month and day NER left out, as a timeline's entries begin ("Feb 19th — Obama flies to Toluca").
_MONTH_DAY = re.compile(r"(?<![\w.])" + _MONTH_WORD + r"\s+" + _DAY_WORD + r"\b(?!\s*[-–:.,]?\s*\d)")
