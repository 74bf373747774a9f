"""The article's own date, from its dateline or byline, against which relative dates are read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..text.sentences import doc_text
from .date_text import parse_range, parts
from .dates import phrase_spans


# "Published: Sun 26 Feb 2017": a weekday, written out or cut short, may stand before the date.
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]*)*,\s*$")
# The dash after a dateline's date, maybe after the agency: "Jan 22, 2023 (Reuters) -".
_DASH_AFTER = re.compile(r"^\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|-)")


# A byline's date after a separator: "By Staff Correspondents | 16 March 2023, 22:40 JST".
_BYLINE = re.compile(r"^\s*(?:by|posted|published|updated)\b[^\n]*[|·•]\s*$", re.I)
# A time after a line's date: "17 November 2016, 19:42 CET", "March 3, 2021 at 5.48pm".
# A weekday, maybe shortened, before a line's date: "Tue 4 Feb 2025 21.40 EST".
_WEEKDAY_BEFORE = re.compile(r"^\s*(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s*$")
_PLACE_DATE_LINE = re.compile(r"^[A-Z][\w .'’-]*, [^\n]*\d{4}[^\S\n]*$", re.M)
# Lines that open on a date and a bar ("2017-11-09 | Riyadh"): one is a page's date line, several
# are a timeline's entries.
_DATE_BAR_LINE = re.compile(r"^[^\n|]{0,30}\d{4}[^\n|]{0,20}\|", re.M)
_PLACE_BEFORE = re.compile(r"^\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2},\s*$")
# A paragraph of prose: a long line ending a sentence.
_PROSE = re.compile(r"^[^\n]{100,}[.!?\"”]\s*$", re.M)
# "12 Aug 2025, 5.00am NZST", "Thu, May 10, 2007 - 18:42".
# ... and a live blog's "Thursday 13 April 2023, last updated 22:47".
_TIME_AFTER = re.compile(r"^[,\s]*(?:[-–—]\s*)?(?:(?:last\s+)?updated:?\s+)?(?:at\s+)?\d{1,2}[:.]\d\d(?!\d)", re.I)
# A press release's "Beijing, 10 July 2024 (Wednesday)".
_WEEKDAY_AFTER = re.compile(r"^\(\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s*\)$")


@dataclass(frozen=True)
class ArticleDate:
    date: dt.date | None  # None: a dateline without a year
    start_char: int
    end_char: int
    places: tuple[tuple[int, int], ...] = ()  # every dateline or publication date: none is a meeting's


def article_date(doc: Doc, cues: frozenset[str], *, lead_chars: int = 2500) -> ArticleDate | None:
    """The article's own date: a dateline ("BALI, Indonesia, Nov. 14, 2022 —") or a publication line
    ("Published: 16 June 2021", "Updated Nov. 17, 2024") near the top; None when it gives none, and
    no date (only the places to skip) when its dateline has no year."""
    text = doc_text(doc)
    words_ = "|".join(map(re.escape, sorted(cues)))
    # A cue opens its line, after two words or a byline's separator (and a word) at most: "Last updated:",
    # "Staff | Published:", "Pacific Desk | First published", "For Immediate Release"
    # ("called for the immediate release on 5 May 2019 of ..." is prose).
    cue = re.compile(r"(?:^\W*(?:\w+\s+){0,2}|[|·•/,]\s*(?:\w+\s+)?)(?:" + words_ + r")\b[\s:|,-]*(?:on[\s:|,-]+)?" + _WEEKDAY + r"$",
                     re.I) if cues else None
    found: list[tuple[dt.date, int, int]] = []
    skips: list[tuple[int, int]] = []
    dateline_days: list[tuple[int, int]] = []  # (month, day) of datelines without a year
    prose = _PROSE.search(text)
    first_prose = prose.start() if prose else len(text)
    headed_list = len(_PLACE_DATE_LINE.findall(text)) >= 2
    bars = "/·•" if len(_DATE_BAR_LINE.findall(text)) >= 2 else "/|·•"
    spans = [span for span in phrase_spans(doc[:]) if span.start_char <= lead_chars]
    # Lines that are only a date, below the first paragraph of prose: two or more head a list
    # ("3 July 1997" over what happened that day), none is the page's own date.
    headings = [span for span in spans
                if span.start_char > first_prose and not "".join(_line_around(text, span)).strip()]
    if len(headings) >= 2:
        # ... and "Thursday, 8 November 2018" among them: a weekday before the date is still only a date.
        headings = [span for span in spans if span.start_char > first_prose and not (
            _WEEKDAY_BEFORE.sub("", _line_around(text, span)[0]) + _line_around(text, span)[1]).strip()]
    for span in spans:
        if len(headings) >= 2 and span in headings:
            continue
        before, rest = _line_around(text, span)
        rest = rest.strip()
        after = text[span.end_char : span.end_char + 48]
        is_dateline = bool(_DATELINE.match(before)) and bool(_DASH_AFTER.match(after))
        is_cued = bool(cue and cue.search(before)) or bool(_BYLINE.match(before))
        # A line that is only a date, or opens with one before "/" or "|" ("July 20, 2016 / 5:48 PM").
        # Above the first paragraph of prose, a place may stand before it: "Berlin, 2 May 2022".
        # Not in a list of such headings ("Berlin, 15 May 2017" ... "Paris, 2 June 2018"), and a full day.
        placed = (span.start_char < first_prose and bool(_PLACE_BEFORE.match(before)) and not found
                  and not headed_list and _full_day(span.text))
        is_line = (not before.strip() or bool(_WEEKDAY_BEFORE.match(before)) or placed) and (not rest or rest[:1] in bars or bool(_TIME_AFTER.match(rest) or _WEEKDAY_AFTER.match(rest)))
        if not (is_dateline or is_cued or is_line):
            continue
        skips.append((span.start_char, span.end_char))  # "BERLIN, July 20 (Agency) -": no meeting's
        days, months, years, _, _ = parts(span.text)
        if is_dateline and len(days) == 1 and len(months) == 1 and not years:
            dateline_days.append((months[0], days[0]))
        if _full(days, months, years):
            start, _, partial = parse_range(span.text)
            if start and not partial:
                found.append((start, span.start_char, span.end_char))
    if not found:
        # "HAMBURG, Oct 10 (Reuters) -": no year, so no date, but still no meeting's day either.
        return ArticleDate(None, *skips[0], tuple(skips)) if skips else None
    date, start, end = found[0]
    return ArticleDate(_day_first(date, text[start:end], dateline_days), start, end, tuple(skips))


def _line_around(text: str, span) -> tuple[str, str]:
    """What the date's line holds before it and after it."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char) % (len(text) + 1)  # -1: the text's end
    return text[line_start : span.start_char], text[span.end_char : line_end]


_NUMERIC = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")


def _day_first(date: dt.date, written: str, dateline_days: list[tuple[int, int]]) -> dt.date:
    """"Published: 01/12/2021" over "ABUJA, Dec 1 (Agency) -": a numeric date that reads either
    way is read the way the dateline agrees with (day first here)."""
    if _NUMERIC.fullmatch(written.strip()) and date.day <= 12 and (date.day, date.month) in dateline_days \
            and (date.month, date.day) not in dateline_days:
        return date.replace(month=date.day, day=date.month)
    return date


def _full_day(text: str) -> bool:
    return _full(*parts(text)[:3])


def _full(days: list, months: list, years: list) -> bool:
    return len(days) == 1 and bool(months) and bool(years)
