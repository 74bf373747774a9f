"""Meeting dates: phrases from DATE entities, ranges, orders, missing years, weekdays, datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.meetings import date_text, dateline, dates
from extract.lexicons import load_lexicons
from extract.wordlists import words

from .meeting_text import meetings_of

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("June 6th and 7th, 2016", D(2016, 6, 6), D(2016, 6, 7)),
        ("27–28 April 2018", D(2018, 4, 27), D(2018, 4, 28)),
        ("April 27–28, 2018", D(2018, 4, 27), D(2018, 4, 28)),
        ("27-28 February 2019", D(2019, 2, 27), D(2019, 2, 28)),
        ("21 September 2015", D(2015, 9, 21), D(2015, 9, 21)),  # British order
        ("September 21st, 2015", D(2015, 9, 21), D(2015, 9, 21)),  # American order
        ("1st\u00a0September 2015", D(2015, 9, 1), D(2015, 9, 1)),
        ("Nov. 14, 2022", D(2022, 11, 14), D(2022, 11, 14)),
        ("30 December to 2 January 2019", D(2018, 12, 30), D(2019, 1, 2)),
        ("June 30 – July 1, 2019", D(2019, 6, 30), D(2019, 7, 1)),
    ],
)
def test_parse_range(text, start, end):
    assert date_text.parse_range(text)[:2] == (start, end)


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("June 6-7", {"year": 2019}, (D(2019, 6, 6), D(2019, 6, 7))),
        # A year left out after a later meeting runs on into the next year.
        ("27 February", {"year": 2018, "after": D(2018, 11, 11)}, (D(2019, 2, 27), D(2019, 2, 27))),
        ("Wednesday", {"article": D(2021, 6, 16)}, (D(2021, 6, 16), D(2021, 6, 16))),
        ("Tuesday", {"article": D(2021, 6, 16)}, (D(2021, 6, 15), D(2021, 6, 15))),
        ("Tuesday", {}, (None, None)),  # no article date: left unresolved
        ("9 June", {}, (None, None)),  # no year anywhere
        ("June 2018", {}, (None, None)),  # no day
    ],
)
def test_parse_range_with_context(text, kwargs, expected):
    assert date_text.parse_range(text, **kwargs)[:2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GENEVA, June 16, 2021 -- The two leaders met on Wednesday.", D(2021, 6, 16)),
        ("BALI, Indonesia, Nov. 14, 2022 — The two leaders met on Monday.", D(2022, 11, 14)),
        ("Staff report | Published: 15 November 2023\n\nThe leaders met.", D(2023, 11, 15)),
        ("Staff report | Updated Nov. 17, 2024\n\nThe leaders met.", D(2024, 11, 17)),
        ("The leaders met on 15 November 2023 in Paris.", None),
        # A line that is only a date, or opens a publication line before "/" or "|".
        ("Headline\n\nJan. 23, 2019\n\nTOKYO — The leaders met on Tuesday.", D(2019, 1, 23)),
        ("July 20, 2016 / 5:48 PM / Updated\n\nBERLIN, July 20 (Agency) - The leaders met.", D(2016, 7, 20)),
        # A byline's date with the time after it, and an all-digit publication date.
        ("By A. Writer, Berlin\n17 November 2016, 19:42 CET\n\nThe leaders met.", D(2016, 11, 17)),
        ("Headline\n\nLast updated: 06.09.2022\n\nThe leaders met.", D(2022, 9, 6)),
        # One that reads either way, read as the dateline below it agrees (day first here).
        ("Headline\n\nPublished: 01/12/2021 19:05 WAT\n\nABUJA, Dec 1 (Agency) - The leaders met on Wednesday.",
         D(2021, 12, 1)),
        # A byline's date after a separator.
        ("Headline\n\nPosted by A. Writer | June 9, 2024 at 8:42 am | 6 min read\n\nThe leaders met.", D(2024, 6, 9)),
        ("Headline\n\nBy Staff Correspondents | 16 March 2023, 22:40 JST\n\nTOKYO, March 16 – They met.", D(2023, 3, 16)),
        # A release's place and date above its first paragraph.
        ("Press release\nBerlin, 2 May 2022\n\nThe Chancellor today welcomed the Prime Minister at the Federal "
         "Chancellery for talks on trade, climate and energy.", D(2022, 5, 2)),
        # ... with its weekday in brackets after the date, under a breadcrumb that ends on a month.
        ("Home > Media Centre > Press Releases > May 2022\n\nPRESS RELEASE\n\nBerlin, 2 May 2022 (Monday)\n\n"
         "The Chancellor this afternoon welcomed the Prime Minister at the Federal Chancellery for talks.", D(2022, 5, 2)),
        # A live blog's line with a shortened weekday first.
        ("Live: the summit\n\nTue 4 Feb 2025 21.40 EST\nLast modified on Wed 5 Feb 2025 02.15 EST\n\nThey met.", D(2025, 2, 4)),
        # ... or after a publication cue.
        ("Headline\n\nBy Staff | Wire Service\nPublished: Sun 26 Feb 2017, 5:41 PM AEDT | Updated 8:02 PM\n\n"
         "SYDNEY, Feb 26 (Wire) - They met.", D(2017, 2, 26)),
        # A release's "Posted On:" line, its month in capitals.
        ("Headline\n\nPosted On: 12 MAR 2023 6:15PM by Press Office\n\n1. The leaders met.", D(2023, 3, 12)),
        # A byline's weekday and date, then a dash and a time.
        ("Headline\n\nA. Writer, Political Staff\nThu, May 10, 2007 - 18:42\n\nThe leaders met.", D(2007, 5, 10)),
        # Lines that are only a date, below the first prose, head a list: none is the page's date.
        ("Headline\n\n" + "The two leaders have met often over the decade, and these were the days that counted most "
         "for both of them and their governments.\n\n3 July 1997\nThey hold their first talks.\n\n1st June 1998\nThey dine in Dublin.", None),
        # A byline's weekday and date, then a time written with a point and glued to "am".
        ("Headline\n\nBy A. Writer\nWed 3 Sep 2025, 6.30am AEST\n4 min read\n\nThe leaders met.", D(2025, 9, 3)),
        # A live blog's date line, its last update after it.
        ("LIVE\nHeadline\n\nLive updates by A. Writer\nThursday 13 April 2023, last updated 22:47\n\nThe leaders met.",
         D(2023, 4, 13)),
        # A press release's line, its date set far to the right.
        ("Office of the Press Secretary\n\nFor Immediate Release                    March 03, 2011\n\n"
         "The President welcomed his guest today.", D(2011, 3, 3)),
        # ... but a release in prose is no cue: "the release on May 5, 2019 of ..." is its own event.
        ("Headline\n\nThe two leaders called for the immediate release on 5 May 2019 of the detained sailors.", None),
    ],
)
def test_article_date(nlp, text, expected):
    found = dateline.article_date(nlp(text), words(load_lexicons(), "dateline_cues"))
    assert (found.date if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leaders met on 3 May 2019, after talks on 1 May 2019.", "3 May 2019"),
        ("Since September 2015 the leaders have met, most recently on 3 May 2019.", "3 May 2019"),
        ("After the November 11th meeting, they met again on December 2nd, 2018.", "December 2nd, 2018"),
        ("It lasted 1 day and a few days earlier nothing happened.", None),
    ],
)
def test_meeting_date_skips_other_dates(nlp, text, expected):
    found = dates.meeting_date([nlp(text)[:]], after=None, article=None)
    assert (found.text if found else None) == expected


def test_year_carried_over_from_the_narrative(nlp):
    body = (
        "On 27 April 2018, Merkel and Macron met in Berlin.\n\n"
        "Merkel said she would be glad to host the next one in 2019.\n\n"
        "Six weeks later, on 9 June, the two leaders met again in Paris."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.date_text) for m in found] == [(D(2018, 4, 27), "27 April 2018"), (D(2018, 6, 9), "9 June")]


def test_years_counted_from_the_article_and_the_narrative(nlp):
    lead = "BERLIN, March 22, 2023 -- German Chancellor Angela Merkel and French President Emmanuel Macron met on Monday.\n\n"
    body = (
        "They signed a plan for cooperation until 2030.\n\n"
        "The two leaders last met in person on Sept. 15 last year in Paris."
    )
    found = meetings_of(nlp, body, lead=lead)
    assert [(m.start_date, m.date_text) for m in found] == [
        (D(2023, 3, 20), "Monday"), (D(2022, 9, 15), "Sept. 15 last year"),
    ]


def test_a_day_in_an_earlier_month_turns_the_narrative_year(nlp):
    body = (
        "The budget row began on 10 December 2021, when the ministers fell out.\n\n"
        "On 25 January the finance ministers tried again, and failed.\n\n"
        "On 16 June, Merkel and Macron met in Rome."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [D(2022, 6, 16)]


def test_a_plans_year_and_a_step_back_stay_in_the_past(nlp):
    # "expects to consume in 2030" sets no year; a meeting told after a later one went back in time.
    lead = "Published 9 December 2022\n\nGerman Chancellor Angela Merkel and French President Emmanuel Macron met on Friday.\n\n"
    body = ("The Union expects to consume ten times as much in 2030.\n\n"
            "The breakthrough had come seven weeks earlier. On 20 October, Merkel and Macron sat down together in Brussels.")
    found = meetings_of(nlp, body, lead=lead)
    assert [m.start_date for m in found] == [D(2022, 12, 9), D(2022, 10, 20)]


def test_a_weekday_with_the_date_names_the_year(nlp):
    # The narrative year is 2024, but 23 December 2024 is a Monday: the Tuesday is 2025's.
    lead = ("By A. Writer\nMon, Dec. 29, 2025 · 6 min read\n\n"
            "German Chancellor Angela Merkel and French President Emmanuel Macron.\n\n")
    body = ("Their row over the budget began on 1 January 2024.\n\n"
            "On Tuesday, Dec. 23, Macron flew into Berlin for a one-day working visit to Merkel.")
    assert [m.start_date for m in meetings_of(nlp, body, lead=lead)] == [D(2025, 12, 23)]


def test_a_roadmaps_horizon_sets_no_year(nlp):
    # No article date to cap it: "to 2040" after a noun is where a plan ends, not where the story is.
    body = ("On 12 March 2021 Merkel and Macron met in Berlin and signed up to a Climate Roadmap to 2040.\n\n"
            "Five months later, on August 20, Macron hosted Merkel at Brégançon.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [D(2021, 3, 12), D(2021, 8, 20)]


def test_following_year_moves_the_narrative_on(nlp):
    body = (
        "On 27 April 2018, Merkel and Macron met in Berlin.\n\n"
        "Relations cooled the following year.\n\n"
        "On 9 June, the two leaders met again in Paris."
    )
    found = meetings_of(nlp, body)
    assert [m.start_date for m in found] == [D(2018, 4, 27), D(2019, 6, 9)]


def test_year_follows_the_meetings_past_the_last_year_written(nlp):
    # Only the first year is written out; each later day comes after the meeting before it, and
    # a date inside "before their talks on ..." belongs to the talks.
    body = (
        "On 13 February 2017, Merkel and Macron met in Berlin.\n\n"
        "Merkel was back in Paris on October 11, as talks turned sour.\n\n"
        "On June 8, Merkel and Macron met again in Berlin.\n\n"
        "On November 30, Merkel and Macron met in Paris.\n\n"
        "That June, Macron returned to Berlin. Before their talks on June 20, Merkel told reporters she was hopeful.\n\n"
        "On December 3, the pair sat down in Paris."
    )
    found = meetings_of(nlp, body)
    assert [m.start_date for m in found] == [
        D(2017, 2, 13), D(2017, 10, 11), D(2018, 6, 8), D(2018, 11, 30), D(2019, 6, 20), D(2019, 12, 3),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 10 November 2018 they met in Compiègne. The following morning she was at his side again.",
         ("The following morning", D(2018, 11, 11))),
        ("They met on 3 May 2019. Two days later the leaders met again in Rome.", ("Two days later", D(2019, 5, 5))),
        ("They met on 3 May 2019. A week later, they met in Berlin.", ("A week later", D(2019, 5, 10))),
        # from a range's first day; a calendar date in the same sentence wins
        ("They met on Dec. 15 and 16, 2016. The talks moved the next day to Tokyo.", ("the next day", D(2016, 12, 16))),
        ("They met on 27 April 2018. Six weeks later, on 9 June, they met again.", ("9 June", D(2018, 6, 9))),
        # "the day after the summit" dates something else
        ("They met on 3 May 2019. The day after the summit, they flew home.", None),
    ],
)
def test_days_counted_from_the_last_date_given(nlp, text, expected):
    found = dates.meeting_date([list(nlp(text).sents)[-1]], after=None, article=None)
    assert ((found.text, found.start) if found else None) == expected


def test_weekday_resolved_against_the_dateline(nlp):
    lead = "BERLIN, Nov. 14, 2022 — German Chancellor Angela Merkel and French President Emmanuel Macron met on Tuesday in Berlin.\n\n"
    [m] = meetings_of(nlp, "They discussed energy.", lead=lead)
    assert (m.start_date, m.end_date, m.date_text) == (D(2022, 11, 8), D(2022, 11, 8), "Tuesday")


def test_a_day_inside_a_range_of_the_same_sentence_is_the_ranges(nlp):
    # The departure day ends the visit it closes; the visit's days are the meeting's.
    lead = ("LISBON, May 14, 2025 (Tidewire) - Brazilian President Ana Ferreira left Lisbon on Tuesday, wrapping up a "
            "May 11-13 state visit to Portugal during which she held talks with Portuguese Prime Minister Rui Matos.\n\n")
    [m] = meetings_of(nlp, "The two leaders signed six agreements.", lead=lead, parties=("Ana Ferreira", "Rui Matos"))
    assert (m.start_date, m.end_date, m.date_text) == (D(2025, 5, 11), D(2025, 5, 13), "May 11-13")
    # A summit's days are others' gathering: the day the two met stays theirs.
    lead = ("OSAKA, June 30, 2019 (Tidewire) - Indian Prime Minister Ravi Kumar and Japanese Prime Minister Ken Sato "
            "met on Saturday, the second day of the June 28-29 G20 summit.\n\n")
    [m] = meetings_of(nlp, "The two leaders discussed trade.", lead=lead, parties=("Ravi Kumar", "Ken Sato"))
    assert (m.start_date, m.end_date) == (D(2019, 6, 29), D(2019, 6, 29))


def test_weekday_range_resolved_against_the_byline(nlp):
    lead = ("By A. Writer\n17 November 2016, 19:42 CET\n\nBERLIN – German Chancellor Angela Merkel and French "
            "President Emmanuel Macron met in Berlin on Wednesday and Thursday.\n\n")
    [m] = meetings_of(nlp, "They discussed energy.", lead=lead)
    assert (m.start_date, m.end_date) == (D(2016, 11, 16), D(2016, 11, 17))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("08.10.2020", "8 October 2020"), ("27/04/2018", "27 April 2018"), ("4/5/2018", "5 April 2018"),
     ("2018-04-27", "27 April 2018"), ("version 1.2.3.2020", "version 1.2.3.2020"), ("31.13.2020", "31.13.2020")],
)
def test_all_digit_dates_spelled_out(text, expected):
    assert date_text.spell_numeric(text) == expected


def test_weekday_without_article_date_stays_unresolved(nlp):
    lead = "German Chancellor Angela Merkel and French President Emmanuel Macron met on Tuesday in Berlin.\n\n"
    [m] = meetings_of(nlp, "They discussed energy.", lead=lead)
    assert (m.start_date, m.date_text) == (None, "Tuesday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO dates and ranges, whether or not NER tags them.
        ("- 2018-04-27: The first summit.", ("2018-04-27", D(2018, 4, 27), D(2018, 4, 27))),
        ("- 2018-09-18 to 2018-09-20: The third summit.", ("2018-09-18 to 2018-09-20", D(2018, 9, 18), D(2018, 9, 20))),
        # A spaced dash in a header separates its parts: "#1" is no day of the range.
        ("Meeting #1 — 29 May 2017, Versailles", ("29 May 2017", D(2017, 5, 29), D(2017, 5, 29))),
        ("## Meeting 3: Hamburg, 7 July 2017", ("7 July 2017", D(2017, 7, 7), D(2017, 7, 7))),
        # Day-first with dots; with slashes a first number up to 12 is the month.
        ("08.10.2020 – London", ("08.10.2020", D(2020, 10, 8), D(2020, 10, 8))),
        ("On 27/04/2018 the leaders met.", ("27/04/2018", D(2018, 4, 27), D(2018, 4, 27))),
        ("On 4/27/2018 the leaders met.", ("4/27/2018", D(2018, 4, 27), D(2018, 4, 27))),
    ],
)
def test_iso_and_header_dates(nlp, text, expected):
    found = dates.meeting_date([nlp(text)[:]], after=None, article=None)
    assert (found.text, found.start, found.end) == expected


def test_dateline_without_year_is_skipped_but_dates_nothing(nlp):
    found = dateline.article_date(nlp("HAMBURG, Oct 10 (Reuters) - The leaders met on Tuesday."), words(load_lexicons(), "dateline_cues"))
    assert found is not None and found.date is None and len(found.places) == 1


def test_dateline_without_year_is_no_meeting_date(nlp):
    lead = ("July 20, 2016 / 5:48 PM / Updated\n\nBERLIN, July 20 (Agency) - German Chancellor Angela Merkel "
            "and French President Emmanuel Macron met on Wednesday in Berlin.\n\n")
    [m] = meetings_of(nlp, "They discussed energy.", lead=lead)
    assert (m.start_date, m.date_text) == (D(2016, 7, 20), "Wednesday")


def test_a_weekday_after_a_date_in_its_paragraph_is_the_next_such_day(nlp):
    # The story moves forward from the Tuesday it gave; the article's own date (2023-07-20, a
    # Thursday) would make "Wednesday" the 19th.
    doc = nlp("Air Force One touched down in Belfast on the evening of Tuesday 11 April 2023, and on "
              "Wednesday morning the president sat down with the prime minister.")
    spans = [s for s in dates.phrase_spans(doc[:]) if s.text.startswith("Wednesday")]
    found = dates.value_of(spans[0], after=None, article=dt.date(2023, 7, 20))
    assert found.start == dt.date(2023, 4, 12)


def test_a_bare_weekday_without_a_date_before_it_counts_back_from_the_article(nlp):
    doc = nlp("The president sat down with the prime minister on Wednesday.")
    spans = [s for s in dates.phrase_spans(doc[:]) if "Wednesday" in s.text]
    assert dates.value_of(spans[0], after=None, article=dt.date(2023, 7, 20)).start == dt.date(2023, 7, 19)


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # The day of the talks within a visit's range ...
        ("Macron visited Germany from 8 to 11 March 2023. The two leaders held talks at the chancellery "
         "in Berlin on 10 March 2023.", dt.date(2023, 3, 10)),
        # ... not a day counted from the first evening's dinner, which was a meeting already.
        ("Macron came to Berlin on March 8-9, 2023. Merkel hosted a dinner in his honour, and the two held "
         "talks the next morning.", dt.date(2023, 3, 8)),
    ],
)
def test_the_day_of_the_talks_within_a_visit(nlp, body, day):
    assert [m.start_date for m in meetings_of(nlp, body)] == [day]


def test_a_numbered_weekday_and_a_counted_morning_follow_the_last_date(nlp):
    # Against the article's date (15 July 2025) the last Wednesday is 9 July; the story is at 24 June.
    text = ("On the eve of the summit, on 24 June 2025, Merkel posted a message.\n\n"
            "The next morning, Wednesday the 25th, the two sat side by side.")
    doc = nlp(text)
    numbered = doc.char_span(text.index("Wednesday"), text.index(", the two"))
    assert dates.value_of(numbered, after=None, article=D(2025, 7, 15)).start == D(2025, 6, 25)
    second = list(doc.sents)[-1]
    found = dates.meeting_date([doc[second.start : second.end]], after=None, article=D(2025, 7, 15))
    assert found.start == D(2025, 6, 25)


def test_the_day_of_the_talks_in_the_sentence_of_the_journey(nlp):
    # The visit's days, then the day its talks were held, in one sentence: the talks' day.
    body = "Macron visited Berlin on 8-11 March 2023 and held talks with Merkel at the Chancellery on 10 March 2023.\n\n"
    [m] = meetings_of(nlp, body)
    assert (m.start_date, m.end_date) == (D(2023, 3, 10), D(2023, 3, 10))


@pytest.mark.parametrize(("line", "found"), [
    # A spaced dash after a full date separates a heading's parts: "42nd" is the summit's number.
    ("10–11 May 2023 — 42nd ASEAN Summit, Labuan Bajo", ["10–11 May 2023"]),
    ("5 September 2023 - 3rd Leaders' Forum, Jakarta", ["5 September 2023"]),
])
def test_a_dash_after_a_full_date_ends_it(nlp, line, found):
    assert [s.text for s in dates.phrase_spans(nlp(line)[:])] == found
