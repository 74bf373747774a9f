"""Meeting dates: candidate phrases from spaCy DATE entities, read into calendar days.

Only the phrases NER marks as dates are parsed (never a search over free text, which reads words
like "we" as dates). A phrase is first split into its parts here (days, months, years, weekday), so
ranges ("June 6th and 7th, 2016", "27–28 April 2018") and missing years are handled explicitly;
each single day is then read as a calendar date (see ``_parse_day``), and cached.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .sentences import doc_text, ents_in, ents_overlapping

if TYPE_CHECKING:
    import dateparser.date

# dateparser fills missing parts from its reference date; phrases handed to it here are complete
# (day, month and year) except weekdays, which are resolved against the article's own date.
_FALLBACK_BASE = dt.datetime(2000, 1, 1)

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_MONTH_NAMES = {m: i for i, m in enumerate(calendar.month_name) if m}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_PART = re.compile(
    r"(?P<year>\b(?:1[89]|20)\d\d\b)|(?P<day>\b\d{1,2}(?:st|nd|rd|th)?\b)|(?P<word>[A-Za-z]+)\.?",
)
_DATEY = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?(?:[-–—]\d{1,2}(?:st|nd|rd|th)?)?|(?:1[89]|20)\d\d|(?:1[89]|20)\d\d-\d\d-\d\d)$",
    re.IGNORECASE,
)
# An ISO date ("2018-04-27"), rewritten as "27 April 2018" before its parts are read.
_ISO = re.compile(r"\b((?:1[89]|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_ISO_RANGE = re.compile(_ISO.pattern + r"(?:\s*(?:to|through|until|–|—|-)\s*" + _ISO.pattern + ")?")
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


def _dates_something_else(span: Span) -> bool:
    """Whether the phrase hangs under "since", "after", "before"...: "After the November 11th
    meeting", "since September 2015"; it then dates another event, not the one reported."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in _NOT_THE_DAY:
        return True
    for anc in span.root.ancestors:
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
        # NER spans carry words that are not part of the date ("2018: Moon", "late February").
        while j > i and not _datey(doc[j - 1]):
            j -= 1
        while i < j and not _datey(doc[i]):
            i += 1
        if j > i and not any(s.start == i and s.end == j for s in out):
            out.append(doc[i:j])
    # ISO dates NER left out ("- 2018-04-27: ...", "2018-09-18 to 2018-09-20").
    for m in _ISO_RANGE.finditer(span.text):
        got = doc.char_span(span.start_char + m.start(), span.start_char + m.end())
        if got is not None and not any(s.start < got.end and got.start < s.end for s in out):
            out.append(got)
    return sorted(out, key=lambda s: s.start)


def _closed_up(doc: Doc, dash: int) -> bool:
    """Whether a dash joins its neighbours without spaces: "27–28 April" is a range, while in
    "Meeting #1 — 29 May" a spaced dash separates a header's parts."""
    return not doc[dash - 1].whitespace_ and not doc[dash].whitespace_


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> dateparser.date.DateDataParser:
    """One parser per reference date: ``dateparser.parse`` builds a new one, with its locale
    and regular expressions, on every call."""
    import dateparser.date  # here, not at the top: most runs never need it (see _parse_day)

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()) if base else _FALLBACK_BASE,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


# "6 June 2016", as ``parse_range`` writes a day for dateparser.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", re.ASCII)


@lru_cache(maxsize=4096)
def _parse_day(text: str, base: dt.date | None) -> dt.date | None:
    # A day written "6 June 2016" is a calendar date or none ("31 June"): dateparser reads every
    # such day of 1799-2099 exactly so (tests/test_day_parsing.py), but importing it and its first
    # parse cost half a second of each run.
    if base is None and (m := _DAY_MONTH_YEAR.fullmatch(text)) and m.group(2) in _MONTH_NAMES \
            and 1799 <= int(m.group(3)) <= 2099:
        try:
            return dt.date(int(m.group(3)), _MONTH_NAMES[m.group(2)], int(m.group(1)))
        except ValueError:
            return None
    got = _parser(base).get_date_data(text).date_obj
    return got.date() if got else None


def parts(text: str) -> tuple[list[int], list[int], list[int], int | None, bool]:
    """Days, months, years, weekday and whether a month comes first ("June 6" vs "6 June")."""
    days, months, years, weekday, month_first = [], [], [], None, None
    text = _ISO.sub(lambda m: f"{int(m.group(3))} {calendar.month_name[int(m.group(2))]} {m.group(1)}", text)
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
            back = (article.weekday() - weekday) % 7
            return article - dt.timedelta(days=back), article - dt.timedelta(days=back), False
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
    got = [_parse_day(f"{d} {calendar.month_name[m]} {y}", None) for (d, m), y in zip(pairs, ys)]
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
    last = None
    for ent in ents_in(doc):
        if ent.start_char >= offset:
            break
        if ent.label_ == "DATE" and not (ignore and ignore(ent)):
            found = re.findall(r"\b(?:1[89]|20)\d\d\b", ent.text)
            if found:
                last = int(found[-1])
    return last


def value_of(span: Span, *, after: dt.date | None, article: dt.date | None, ignore=None) -> DateValue | None:
    """The DateValue of one phrase, the year taken from context when the phrase has none."""
    text = span.text
    days, months, years, weekday, _ = parts(text)
    if not (months or weekday is not None):
        return None  # "1-Day", "a few days earlier": no calendar date
    year = None
    if not years:
        year = years_before(span.doc, span.start_char, ignore=ignore)
        if year is None and article is not None:
            year = article.year
    start, end, partial = parse_range(text, year=year, after=after, article=article)
    if not years and year is not None and article is not None and start and start > article:
        # A report tells of the past: a day after the article's own date is last year's.
        start, end, partial = parse_range(text, year=year - 1, article=article)
    return DateValue(start, end, text, span.start_char, span.end_char, partial or start is None)


def meeting_date(sents: list[Span], *, after: dt.date | None, article: dt.date | None,
                 skip: tuple[tuple[int, int], ...] = (), accept=None, ignore=None) -> DateValue | None:
    """The first full date in ``sents`` (in order), else the first partial one.

    ``skip``: the article's own dateline and publication dates, not a meeting's; ``accept``: a test
    a phrase must pass (the caller's check that it dates the meeting's own clause); ``ignore``:
    year mentions that do not carry over (see ``years_before``).
    """
    partial = None
    for sent in sents:
        for span in phrase_spans(sent):
            if any(span.start_char < e and span.end_char > s for s, e in skip):
                continue
            if _dates_something_else(span) or (accept is not None and not accept(span)):
                continue
            value = value_of(span, after=after, article=article, ignore=ignore)
            if value is None:
                continue
            if not value.partial:
                return value
            partial = partial or value
    return partial


_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]*)*,\s*$")
# The dash after a dateline's date, maybe after the agency: "Jan 22, 2023 (Reuters) -".
_DASH_AFTER = re.compile(r"^\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|-)")


@dataclass(frozen=True)
class ArticleDate:
    date: dt.date
    start_char: int
    end_char: int
    places: tuple[tuple[int, int], ...] = ()  # every dateline or publication date: none is a meeting's


def article_date(doc: Doc, cues: frozenset[str], *, lead_chars: int = 2500) -> ArticleDate | None:
    """The article's own date: a dateline ("BALI, Indonesia, Nov. 14, 2022 —") or a publication line
    ("Published: 16 June 2021", "Updated Nov. 17, 2024") near the top; None when it gives none."""
    text = doc_text(doc)
    cue = re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, sorted(cues))) + r")\b[\s:|,-]*(?:on\s+)?$", re.I) if cues else None
    found: list[tuple[dt.date, int, int]] = []
    skips: list[tuple[int, int]] = []
    for span in phrase_spans(doc[:]):
        if span.start_char > lead_chars:
            break
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        before = text[line_start : span.start_char]
        after = text[span.end_char : span.end_char + 48]
        is_dateline = bool(_DATELINE.match(before)) and bool(_DASH_AFTER.match(after))
        is_cued = bool(cue and cue.search(before))
        # A line that is only a date, or opens with one before "/" or "|" ("July 20, 2016 / 5:48 PM").
        rest = text[span.end_char : line_end if line_end >= 0 else len(text)].strip()
        is_line = not before.strip() and (not rest or rest[:1] in "/|·•")
        if not (is_dateline or is_cued or is_line):
            continue
        skips.append((span.start_char, span.end_char))  # "BERLIN, July 20 (Agency) -": no meeting's
        days, months, years, _, _ = parts(span.text)
        if len(days) == 1 and months and years:
            start, _, partial = parse_range(span.text)
            if start and not partial:
                found.append((start, span.start_char, span.end_char))
    if not found:
        return None
    date, start, end = found[0]
    return ArticleDate(date, start, end, tuple(skips))
