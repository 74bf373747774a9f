"""One calendar day from its text ("6 June 2016"), read directly or by dateparser, and cached."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import dateparser.date

# dateparser fills missing parts from its reference date; phrases handed to it here are complete
# (day, month and year) except weekdays, which are resolved against the article's own date.
_FALLBACK_BASE = dt.datetime(2000, 1, 1)
_MONTH_NAMES = {m: i for i, m in enumerate(calendar.month_name) if m}


@lru_cache(maxsize=64)
def day_parser(base: dt.date | None) -> dateparser.date.DateDataParser:
    """One parser per reference date: ``dateparser.parse`` builds a new one, with its locale
    and regular expressions, on every call."""
    import dateparser.date  # here, not at the top: most runs never need it (see parse_day)

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()) if base else _FALLBACK_BASE,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


# "6 June 2016", as ``parse_range`` writes a day for dateparser.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", re.ASCII)


@lru_cache(maxsize=4096)
def parse_day(text: str, base: dt.date | None) -> dt.date | None:
    # A day written "6 June 2016" is a calendar date or none ("31 June"): dateparser reads every
    # such day of 1799-2099 exactly so (tests/test_day_parsing.py), but importing it and its first
    # parse cost half a second of each run.
    if base is None and (m := _DAY_MONTH_YEAR.fullmatch(text)) and m.group(2) in _MONTH_NAMES \
            and 1799 <= int(m.group(3)) <= 2099:
        try:
            return dt.date(int(m.group(3)), _MONTH_NAMES[m.group(2)], int(m.group(1)))
        except ValueError:
            return None
    got = day_parser(base).get_date_data(text).date_obj
    return got.date() if got else None
