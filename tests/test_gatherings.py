"""A gathering of many is no meeting of the two: summits both attend, host or skip, and the
entries of a dated list that only name one."""

from __future__ import annotations

import datetime as dt

from extract.lexicons import load_lexicons
from extract.meetings.dateline import article_date
from extract.meetings.locatives import landmarks
from extract.wordlists import words

from .meeting_text import meetings_of


def test_dated_headings_over_a_summit_a_skip_and_a_denial_are_no_meetings(nlp):
    # Each date line heads the text under it; none of these tells the two meeting.
    body = ("Over the years the two leaders went from a landmark visit to a public falling-out over the budget; "
            "here are the key moments.\n\n"
            "2 June 2019\nMerkel addresses the UN Ocean Summit in New York. Macron is in the United States "
            "that week, but skips the summit.\n\n"
            "9 July 2019\nA storm strikes Corsica. Germany sends relief; there is no record of a leaders' visit.\n\n"
            "1 August 2019\nBoth leaders are in Osaka for the opening of the G20. Merkel tells the summit that "
            "trade must stay open. No meeting between the two is reported.\n\n")
    assert meetings_of(nlp, body) == []


def test_timeline_entries_at_a_bloc_s_summit_are_no_meetings(nlp):
    body = ("3 March 2019 — Berlin\nMerkel receives Macron at the Chancellery for talks on the budget.\n\n"
            "4 July 2019 — Tallinn\nBoth attend the Baltic Council summit in the Estonian capital; "
            "Rutte does not.\n\n"
            "7 December 2019 — Lyon\nMacron hosts the 12th Baltic Council summit at the city hall, with Merkel, "
            "Conte and Rutte at the table.\n\n")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 3, 3)]


def test_a_meeting_on_the_sidelines_of_a_bloc_s_summit_still_counts(nlp):
    body = ("3 March 2019 — Berlin\nMerkel receives Macron at the Chancellery for talks on the budget.\n\n"
            "30 November 2019 — Buenos Aires\nThe first trilateral was held on the sidelines of the G20 summit.\n\n")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 3, 3), dt.date(2019, 11, 30)]


def test_sitting_across_from_each_other_is_meeting(nlp):
    body = "On 9 August 2016 Merkel and Macron sat across the table from each other in Berlin."
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2016, 8, 9)]


def test_their_after_a_people_is_not_the_pair(nlp):
    body = ("On 4 March 2019 Merkel used her address to a joint session of the Bundestag to tell Alsatians "
            "that Europe respected their right to decide their own future.")
    assert meetings_of(nlp, body) == []


def test_a_byline_s_first_published_line_dates_the_article(nlp):
    doc = nlp("Timelines\n\nCompiled by the Europe Desk | First published 24 May 2022\n\n"
              "Merkel's defeat closes a chapter in Berlin's dealings with Paris, one that ran for years and years.\n\n"
              "24 August 2018\nMerkel is sworn in again.\n\n"
              "Thursday, 8 November 2018\nMacron sets out a plan.\n\n"
              "14 Nov. 2018\nMerkel wins a vote.\n\n")
    found = article_date(doc, words(load_lexicons(), "dateline_cues"))
    assert found is not None and found.date == dt.date(2022, 5, 24)


def test_a_landmark_the_model_leaves_untagged_names_its_city(nlp):
    doc = nlp("7) May 20, 2011 — Oval Office")
    assert [(span.text, city) for span, city in landmarks(doc[:], load_lexicons())] == [("Oval Office", "Washington")]


def test_both_flying_on_to_a_bloc_s_summit_is_no_meeting(nlp):
    body = ("On 4 May 2019 Merkel received Macron at the Chancellery in Berlin.\n\n"
            "On 6 May 2019 both leaders fly on to Osaka for the G20 summit, where they will be in the same room "
            "again, though no new bilateral has been announced.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 5, 4)]


def test_a_journey_to_a_summit_the_other_chairs_denied_a_meeting_is_none(nlp):
    body = ("On 4 May 2019 Merkel received Macron at the Chancellery in Berlin.\n\n"
            "In July 2020 Merkel returned to Paris for the summit of the Union for the Mediterranean, chaired "
            "by Macron. No meeting between the two was reported.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 5, 4)]


def test_someone_who_was_at_the_airport_to_welcome_the_other_met_him(nlp):
    body = "On 31 October 2018 Merkel was at Berlin airport to welcome Macron, who had come for the treaty day."
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2018, 10, 31)]
