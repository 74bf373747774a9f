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
from .days import parse_day


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
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
_YEAR_LATER = re.compile(r"\b(?:(?:following|next|subsequent)\s+year|a\s+year\s+later)\b", re.I)
_LIMITS = {"until", "till", "through", "by"}
_PART_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.I)
_PART = re.compile(
    r"(?P<year>\b(?:1[89]|20)\d\d\b)|(?P<day>\b\d{1,2}(?:st|nd|rd|th)?\b)|(?P<word>[A-Za-z]+)\.?",
)
_DATEY = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?(?:[-–—]\d{1,2}(?:st|nd|rd|th)?)?|(?:1[89]|20)\d\d|(?:1[89]|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}[./]\d{1,2}[./](?:1[89]|20)\d\d)$",
    re.IGNORECASE,
)
# All-digit dates, rewritten as "27 April 2018" before their parts are read: ISO ("2018-04-27"),
# and day-month-year with dots ("27.04.2018", the European order) or slashes ("27/04/2018"; with
# slashes a first number up to 12 is read as the month, the American order: "4/27/2018").
_ISO = re.compile(r"\b((?:1[89]|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2((?:1[89]|20)\d\d)\b")
_RANGE_JOIN = r"(?:\s*(?:to|through|until|–|—|-)\s*"
_ISO_RANGE = re.compile(_ISO.pattern + _RANGE_JOIN + _ISO.pattern + ")?")
_NUMERIC_RANGE = re.compile(_NUMERIC.pattern + _RANGE_JOIN + _NUMERIC.pattern.replace("\\2", "\\6") + ")?")


def _spelled(m: re.Match, order: str) -> str:
    if order == "ymd":
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
        d, mo = (b, a) if m.group(2) == "/" and a <= 12 else (a, b)
    if not 1 <= int(mo) <= 12 or not 1 <= int(d) <= 31:
        return m.group(0)
    return f"{int(d)} {calendar.month_name[int(mo)]} {y}"


def spell_numeric(text: str) -> str:
    """``text`` with its all-digit dates written out ("08.10.2020" -> "8 October 2020")."""
    text = _ISO.sub(lambda m: _spelled(m, "ymd"), text)
    return _NUMERIC.sub(lambda m: _spelled(m, "dmy"), text)


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


def is_month(word: str) -> bool:
    return word.rstrip(".").lower() in _MONTHS


def _datey(tok: Token) -> bool:
    word = tok.text.rstrip(".").lower()
    return bool(_DATEY.match(tok.text)) or word in _MONTHS or word in _WEEKDAYS


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
    # days counted from another ("The following morning"), and a written date with its year that
    # NER missed, as headings often are ("Feb 2023:").
    text = doc_text(doc)[span.start_char : span.end_char]  # a Span joins its tokens anew on each .text
    for pattern in (_ISO_RANGE, _NUMERIC_RANGE, _RELATIVE_DAY, _DEICTIC, _WRITTEN):
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


def parts(text: str) -> tuple[list[int], list[int], list[int], int | None, bool]:
    """Days, months, years, weekday and whether a month comes first ("June 6" vs "6 June")."""
    days, months, years, weekday, month_first = [], [], [], None, None
    text = spell_numeric(text)
    for m in _PART.finditer(text.replace("\u00a0", " ")):
        if m.group("year"):
            years.append(int(m.group("year")))
        elif m.group("day"):
            days.append(int(re.match(r"\d+", m.group("day")).group()))
            month_first = bool(months) if month_first is None else month_first
        else:
            word = m.group("word").lower()
            if word in _MONTHS:
                months.append(_MONTHS[word])
                month_first = not days if month_first is None else month_first
            elif word in _WEEKDAYS:
                weekday = _WEEKDAYS[word]
    return days, months, years, weekday, bool(month_first)


def parse_range(text: str, *, year: int | None = None, after: dt.date | None = None,
                article: dt.date | None = None) -> tuple[dt.date | None, dt.date | None, bool]:
    """First and last day of a date phrase, and whether it is only partial.

    ``year`` is used when the phrase gives none; a date before ``after`` (the previous meeting)
    moves to the next year. A bare weekday is the last such day on or before ``article``.
    """
    days, months, years, weekday, _ = parts(text)
    if not days and not months:
        if weekday is not None and article is not None:
            # "on Wednesday and Thursday": the last such days on or before the article's date.
            first = _WEEKDAYS[_PART_WEEKDAY.search(text).group(0).lower()]
            end = article - dt.timedelta(days=(article.weekday() - weekday) % 7)
            return end - dt.timedelta(days=(weekday - first) % 7), end, False
        return None, None, True
    if not days or not months or len(days) > 2 or any(d > 31 for d in days):
        return None, None, True
    pairs = [(d, months[min(k, len(months) - 1)]) for k, d in enumerate(days)]
    if len(years) >= len(pairs):
        ys = years[: len(pairs)]
    elif years:
        # One year for a range: it belongs to the last day; a range over New Year starts a year earlier.
        last = years[-1]
        ys = [last - (1 if (m, d) > (pairs[-1][1], pairs[-1][0]) else 0) for d, m in pairs[:-1]] + [last]
    elif year is not None:
        ys = [year] * len(pairs)
    else:
        return None, None, True
    got = [parse_day(f"{d} {calendar.month_name[m]} {y}", None) for (d, m), y in zip(pairs, ys)]
    if any(g is None for g in got):
        return None, None, True
    start, end = got[0], got[-1]
    if not years and after is not None and start < after:
        start, end = _next_year(start), _next_year(end)
    if end < start:
        end = _next_year(end)
    return start, end, False


def _next_year(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def years_before(doc: Doc, offset: int, *, ignore=None) -> int | None:
    """The last year written out in a DATE entity before ``offset`` ("Reconciliation came in 2016.");
    ``ignore``: a test for entities that do not set the narrative's year (a plan: "in 2019")."""
    last, month = None, None
    for ent in ents_in(doc):
        if ent.start_char >= offset:
            break
        if ent.label_ != "DATE" or (ignore and ignore(ent)):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in _LIMITS:
            continue  # "cooperation until 2030" bounds a plan; the story stays where it was
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
        anchor = _last_day_before(span.doc, span.start_char, ignore=ignore)
        day = anchor + _offset(rel) if anchor else None
        return DateValue(day, day, text, span.start_char, span.end_char, day is None)
    days, months, years, weekday, _ = parts(text)
    if not (months or weekday is not None):
        return None  # "1-Day", "a few days earlier": no calendar date
    year = None
    relative = _RELATIVE_YEAR.search(text)
    if not years and relative and article is not None:
        year = article.year + _RELATIVE_YEARS[relative.group(1).lower()]
        after = None  # the phrase places itself: "last year" may go back before the previous meeting
    elif not years:
        year = years_before(span.doc, span.start_char, ignore=ignore)
        if year is not None and article is not None and year > article.year:
            year = article.year  # "expects to consume in 2030" is no year the story has reached
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
    return DateValue(start, end, text, span.start_char, span.end_char, partial or start is None)


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


def _last_day_before(doc: Doc, offset: int, *, ignore=None) -> dt.date | None:
    """The last calendar day the text gives before ``offset`` (a range's first): what "the next
    day" counts from."""
    text = doc_text(doc)
    for ent in reversed([e for e in ents_in(doc) if e.label_ == "DATE" and e.end_char <= offset]):
        if ignore and ignore(ent):
            continue
        line = text[text.rfind("\n", 0, ent.start_char) + 1 : (text.find("\n", ent.end_char) + 1 or len(text) + 1) - 1]
        if len(line) < 100 and not line.rstrip().endswith((".", "!", "?", '"', "”")):
            continue  # a heading's date is the heading's meeting, not where the story had got to
        days, months, years, _, _ = parts(ent.text)
        if days and months:
            year = years[-1] if years else years_before(doc, ent.start_char, ignore=ignore)
            start, _, partial = parse_range(ent.text, year=year)
            if not partial and start is not None:
                return start  # "Dec. 15 and 16 ... The talks moved the next day": from the first day
    return None


def meeting_date(sents: list[Span], *, after: dt.date | None, article: dt.date | None,
                 skip: tuple[tuple[int, int], ...] = (), accept=None, ignore=None,
                 meeting_nouns: frozenset[str] = frozenset()) -> DateValue | None:
    """The first full date in ``sents`` (in order; within a sentence a calendar date before a
    counted one: "Six weeks later, on 9 June"), else the first partial one.

    ``skip``: the article's own dateline and publication dates, not a meeting's; ``accept``: a test
    a phrase must pass (the caller's check that it dates the meeting's own clause); ``ignore``:
    year mentions that do not carry over (see ``years_before``).
    """
    partial = None
    for sent in sents:
        counted = None
        for span in phrase_spans(sent):
            if any(span.start_char < e and span.end_char > s for s, e in skip):
                continue
            if _dates_something_else(span, meeting_nouns) or (accept is not None and not accept(span)):
                continue
            value = value_of(span, after=after, article=article, ignore=ignore)
            if value is None:
                continue
            if not value.partial and _RELATIVE_DAY.fullmatch(value.text.strip()):
                counted = counted or value
            elif not value.partial:
                return value
            else:
                partial = partial or value
        if counted is not None:
            return counted
    return partial


# A date written out in words: "June 6th, 2016", "6-7 June 2016".
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY_WORD = r"\d{1,2}(?:st|nd|rd|th)?"
_WRITTEN = re.compile(
    r"\b(?:" + _DAY_WORD + r"\s+)?" + _MONTH_WORD + r"(?:\s+" + _DAY_WORD + r"(?:\s*[–-]\s*" + _DAY_WORD + r")?,?)?\s+(?:1[89]|20)\d\d\b"
)
