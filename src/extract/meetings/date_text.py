"""A date phrase read from its text alone: its days, months, years and weekday, all-digit dates
spelled out ("08.10.2020" -> "8 October 2020"), and its first and last calendar day."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .days import parse_day

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}


PART_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.I)
_PART = re.compile(
    r"(?P<year>\b(?:1[89]|20)\d\d\b)|(?P<day>\b\d{1,2}(?:st|nd|rd|th)?\b)|(?P<word>[A-Za-z]+)\.?",
)


# All-digit dates, rewritten as "27 April 2018" before their parts are read: ISO ("2018-04-27"),
# and day-month-year with dots ("27.04.2018", the European order) or slashes ("27/04/2018"; with
# slashes a first number up to 12 is read as the month, the American order: "4/27/2018").
_ISO = re.compile(r"\b((?:1[89]|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2((?:1[89]|20)\d\d)\b")
_RANGE_JOIN = r"(?:\s*(?:to|through|until|–|—|-)\s*"
ISO_RANGE = re.compile(_ISO.pattern + _RANGE_JOIN + _ISO.pattern + ")?")
NUMERIC_RANGE = re.compile(_NUMERIC.pattern + _RANGE_JOIN + _NUMERIC.pattern.replace("\\2", "\\6") + ")?")


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


def is_month(word: str) -> bool:
    return word.rstrip(".").lower() in MONTHS


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
            if word in MONTHS:
                months.append(MONTHS[word])
                month_first = not days if month_first is None else month_first
            elif word in WEEKDAYS:
                weekday = WEEKDAYS[word]
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
            first = WEEKDAYS[PART_WEEKDAY.search(text).group(0).lower()]
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
