"""A day as ``date_text.parse_range`` writes it ("6 June 2016") is read without dateparser, and reads
as dateparser reads it: the calendar day, or None when the month has no such day.

Checked here for every day number 0-31 of every month in years chosen for their edges (leap
years, centuries, the ends of the range); it was also checked for every year of 1799-2099.
"""

from __future__ import annotations

import calendar

import pytest

from extract.meetings import days

YEARS = [1799, 1800, 1900, 1999, 2000, 2015, 2016, 2023, 2024, 2099]


@pytest.mark.parametrize("year", YEARS)
def test_same_day_as_dateparser(year):
    parser = days.day_parser(None)
    for month in range(1, 13):
        for day in range(0, 32):
            text = f"{day} {calendar.month_name[month]} {year}"
            expected = parser.get_date_data(text).date_obj
            assert days.parse_day.__wrapped__(text, None) == (expected.date() if expected else None), text


def test_other_text_still_goes_to_dateparser():
    assert days.parse_day.__wrapped__("6 June 1700", None) == days.day_parser(None).get_date_data("6 June 1700").date_obj.date()
    assert days.parse_day.__wrapped__("June 6, 2016", None).isoformat() == "2016-06-06"
