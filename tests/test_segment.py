"""Segmentation into meeting sections: which paragraphs introduce a meeting of the principals."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.lexicons import load_lexicons
from extract.meetings.events import Event
from extract.meetings.reading import dates_event

from .meeting_text import LEAD, meetings_of


@pytest.mark.parametrize(
    ("body", "ordinals"),
    [
        ("The 5th meeting between the two leaders took place on 3 May 2019 in Berlin.", [5]),
        ("Their third meeting came on 12 March 2020 in Berlin.", [3]),
        ("Their most recent and 12th meeting took place on 4 April 2019 in Paris.", [12]),
        ("The second summit was held in Paris on 27-28 February 2019.", [2]),
        ("Meeting #3\n\nThe leaders met in Rome on 4 June 2021.", [3]),
        ("The 2nd\u00a0Meeting took place on November 30th, 2015 in Paris.", [2]),
        # A sub-series is numbered, not the series: still a meeting, but no ordinal.
        ("The second informal summit took place in Lyon on 11 October 2019.", [None]),
        ("On 9 August 2016, Merkel and Macron met in Berlin.", [None]),
        ("Merkel and Macron met for the third time on 9 August 2016 in Berlin.", [3]),
        ("On 9 August 2016, Merkel and Macron met for the first time since the election.", [None]),
        ("Merkel and Macron first met on 9 August 2016 in Berlin.", [1]),
        # an act both principals do together puts them in one place
        ("In Aachen, on 22 January 2019, the two leaders signed a new friendship treaty.", [None]),
        # time spent with the other is a meeting
        ("On 20 January 2022, Merkel spent two days with Macron at the residence in Wisła.", [None]),
        # a body's session is numbered, not the leaders' meetings
        ("Merkel and Macron met on 21 September 2016 on the sidelines of the 71st Session of the United "
         "Nations General Assembly in New York.", [None]),
    ],
)
def test_meeting_introductions(nlp, body, ordinals):
    assert [m.ordinal for m in meetings_of(nlp, body)] == ordinals


@pytest.mark.parametrize(
    "body",
    [
        "On 3 May 2019, Merkel and Macron spoke by telephone about trade.",  # a call
        "Merkel and Macron will meet in Rome on 12 June 2019.",  # planned
        "On 2 May 2019, the two leaders agreed to meet again in Rome.",  # planned
        "On 4 May 2019, Merkel met with Boris Johnson in London.",  # a third party
        "On 4 May 2019, Macron hosted Italian Prime Minister Giuseppe Conte in Paris.",  # a third party
        "Merkel and Macron did not meet on 4 May 2019.",  # negated
        # an act done together, but by one principal alone or by something else
        "On 22 January 2019, Merkel signed a new law on energy that Macron had criticised.",
        "Markets in Asia are expected to rally when they open on Monday 4 March 2019.",
        # a gathering of many that both attend or someone hosts
        "Both had been invited to the outreach session of the G7 summit at Elmau on 27 June 2022.",
        "The next chance for the two leaders comes on 18 November 2024, when Brazil hosts the G20 summit in Rio.",
        "Since September 2015, Merkel and Macron have held regular meetings.",  # not one meeting
        # A plural counts several meetings, none in particular.
        "In May 2017 Merkel began five of their face-to-face encounters, one by one.",
        # A travel verb whose place sits in another clause is no journey.
        "Merkel came into office in May 2017 convinced that Europe needed France.",
        "No fourth meeting of Merkel and Macron took place in 2019.",
        # Readiness is no meeting: "was open to a brief encounter on the margins".
        "On 24 September 2019, with both leaders at the UN General Assembly, Merkel was open to a brief "
        "encounter with Macron on the margins.",
        # ... but not time spent doing something else, nor a comparison
        "In May 2019, Merkel spent much of her campaign insulting Macron.",
        "On 4 May 2019, Merkel left office having spent more time with Macron than with any other leader.",
        # A future clause governs the meeting noun however deep it sits.
        "On 4 May 2019, Merkel will host Macron, before he flies on to Rome for the G20 summit.",
        # A meeting that was only scheduled.
        "An earlier encounter between the two leaders had been scheduled for 29 June 2019 in Osaka.",
    ],
)
def test_not_meetings(nlp, body):
    assert meetings_of(nlp, body) == []


def test_numbered_meeting_referred_to_again_is_one_meeting(nlp):
    body = (
        "The 1st meeting took place on 3 May 2019 in Berlin.\n\n"
        "After the May 3rd meeting, Merkel told reporters that it went well.\n\n"
        "It was their first meeting since the election on 26 September 2017.\n\n"
        "The 2nd meeting took place on 9 June 2019 in Paris."
    )
    found = meetings_of(nlp, body)
    assert [m.ordinal for m in found] == [1, 2]
    assert [m.start_date for m in found] == [dt.date(2019, 5, 3), dt.date(2019, 6, 9)]


def test_a_count_since_an_event_numbers_no_meeting(nlp):
    # "the third meeting between the two since Macron won": a count from the election, not the series.
    body = ("On Friday, 3 May 2019, Merkel received Macron in Berlin.\n\nFriday's talks were the third meeting "
            "between the two Leaders since Mr. Macron won France's presidential election on May 7, 2017.")
    [m] = meetings_of(nlp, body, lead="By Staff | 4 May 2019\n\n" + LEAD)
    assert (m.ordinal, m.start_date) == (None, dt.date(2019, 5, 3))


def test_a_day_counted_from_a_yearless_date_stays_before_the_report(nlp):
    # A March 2025 report: "December 16" is last December, whatever later year the text names
    # ("the 2026 summit"), and "the next day" counts from it.
    lead = "Published: 27 March 2025\n\n" + LEAD
    body = ("Both want to host the 2026 summit. On Monday, December 16, Merkel flew to Paris. The next day "
            "Merkel and Macron held talks at the Elysee.")
    assert [m.start_date for m in meetings_of(nlp, body, lead=lead)] == [dt.date(2024, 12, 17)]


def test_the_day_a_call_was_announced_is_not_its_day(nlp):
    # "announced the following day that ...": the parser makes the day the verb's object and the
    # call a clause on the day; the day is still the telling's.
    doc = nlp("A spokesman announced the following day that Merkel had called on Macron at the Elysee.")
    sent = next(doc.sents)
    called = next(t for t in doc if t.text == "called")
    day = doc[[t.text for t in doc].index("the") : [t.text for t in doc].index("day") + 1]
    event = Event(called, "verb", ("Angela Merkel", "Emmanuel Macron"), False, (), False, False, False, False, False)
    assert not dates_event(day, event, sent, load_lexicons())


def test_a_meeting_told_again_after_another_is_no_new_one(nlp):
    # Background after an earlier visit: "Friday's talks" are the lead's meeting again.
    body = ("On Friday, 3 May 2019, Merkel received Macron in Berlin.\n\n"
            "On 2 April 2019 Merkel had flown to Paris for talks with Macron at the Elysee.\n\n"
            "Friday's talks in Berlin were warmer than the Paris meeting, aides said.")
    found = meetings_of(nlp, body, lead="By Staff | 4 May 2019\n\n" + LEAD)
    assert [m.start_date for m in found] == [dt.date(2019, 5, 3), dt.date(2019, 4, 2)]


def test_a_live_blog_entry_tells_the_blog_s_own_day(nlp):
    # Entries stamped with times of day, the blog dated above them: an entry's meeting is that day's.
    lead = "LIVE\nMacron in Berlin – as it happened\n\nLive updates by Ana Ruiz\nTuesday 4 June 2024, last updated 21:40\n\n"
    body = ("09:10\nGood morning from the chancellery, where the motorcade is expected shortly.\n\n"
            "10:02\nThe motorcade has arrived. Merkel and Macron shook hands on the steps and went inside.\n\n"
            "12:30\nStill no sign of the press conference.")
    found = meetings_of(nlp, body, lead=lead + LEAD)
    assert [m.start_date for m in found] == [dt.date(2024, 6, 4)]


def test_a_meeting_told_after_the_journey_sentence_in_an_undated_article(nlp):
    # No dateline: the trip's day, in the sentence before, dates the reception.
    body = ("Merkel made her first trip abroad in office to Paris on 8 December 2021, at the invitation of "
            "the French prime minister. She was received by Macron at the Elysee.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2021, 12, 8)]


def test_numbered_meeting_dated_in_a_later_paragraph(nlp):
    body = (
        "Their 4th meeting was the least planned of all. Merkel wrote on Twitter on 29 June 2019 "
        "that she would be happy to meet Macron.\n\n"
        "On 30 June, the two leaders met at the Town Hall in Aachen."
    )
    [m] = meetings_of(nlp, body)
    assert (m.ordinal, m.start_date, m.city, m.venues) == (4, dt.date(2019, 6, 30), "Aachen", ["Town Hall"])


def test_timeline_entries_and_a_call_ending_a_section(nlp):
    body = (
        "12 June 2018 – Merkel and Macron meet in Paris.\n\n"
        "They discussed the budget.\n\n"
        "3 July 2018 – Merkel calls Macron by phone.\n\n"
        "April 27–28, 2019: Merkel and Macron hold talks in Berlin."
    )
    text_start = len("German Chancellor Angela Merkel and French President Emmanuel Macron have met often.\n\n")
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.end_date) for m in found] == [
        (dt.date(2018, 6, 12), dt.date(2018, 6, 12)),
        (dt.date(2019, 4, 27), dt.date(2019, 4, 28)),
    ]
    assert found[0].section.end == text_start + body.index("3 July 2018")


def test_last_section_stops_at_the_writers_conclusion(nlp):
    body = (
        "The 1st meeting took place on 3 May 2019 in Berlin.\n\n"
        "Macron said that the talks had been useful.\n\n"
        "While both countries are following their own agenda, it is apparent that they need each other."
    )
    [m] = meetings_of(nlp, body)
    lead = "German Chancellor Angela Merkel and French President Emmanuel Macron have met often.\n\n"
    assert m.section.end == len(lead) + body.index("\n\nWhile both")


def test_header_over_its_meeting_is_one_section(nlp):
    body = (
        "Meeting #1: Hamburg, 7 July 2017\n\n"
        "The first full summit between the two leaders took place at the Town Hall.\n\n"
        "Meeting #2: Helsinki, 16 July 2018\n\n"
        "Merkel and Macron met at the Presidential Palace."
    )
    found = meetings_of(nlp, body)
    assert [(m.ordinal, m.city, m.venues) for m in found] == [(1, "Hamburg", ["Town Hall"]), (2, "Helsinki", ["Presidential Palace"])]


def test_earlier_meeting_told_in_a_news_report(nlp):
    lead = (
        "PARIS, Jan 22, 2023 (Reuters) - French President Emmanuel Macron received German Chancellor "
        "Angela Merkel at the Elysee Palace on Sunday.\n\n"
    )
    body = (
        "Merkel had last visited Paris in October, when the two leaders held a working lunch at the Elysee on October 26.\n\n"
        "Macron is expected to travel to Berlin in July for a further round of talks."
    )
    found = meetings_of(nlp, body, lead=lead)
    assert [(m.start_date, m.city, m.venues, m.visitor) for m in found] == [
        (dt.date(2023, 1, 22), "Paris", ["Elysee Palace"], "Angela Merkel"),
        (dt.date(2022, 10, 26), "Paris", ["Elysee"], "Angela Merkel"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Headings over each meeting: the heading's date, city and parenthesised venue.
        ("Meeting #1 — 29 May 2017, Versailles\n\nMacron invited Merkel to the Palace of Versailles.\n\n"
         "Meeting #2 — 8 July 2017, Hamburg\n\nThe two sat down on the sidelines of the G20 summit.",
         [(1, dt.date(2017, 5, 29), "Versailles", "France"), (2, dt.date(2017, 7, 8), "Hamburg", "Germany")]),
        ("## Meeting 3: Hamburg, 7 July 2017\n\nThe two leaders talked for an hour.",
         [(3, dt.date(2017, 7, 7), "Hamburg", "Germany")]),
    ],
)
def test_heading_per_meeting(nlp, body, expected):
    found = meetings_of(nlp, body)
    assert [(m.ordinal, m.start_date, m.city, m.country) for m in found] == expected


def test_heading_venue_in_parentheses(nlp):
    body = "Meeting #4 — 19 August 2019, Bormes-les-Mimosas (Fort de Brégançon)\n\nMacron received Merkel in France."
    [m] = meetings_of(nlp, body)
    assert (m.city, m.country, m.venues) == ("Bormes-les-Mimosas", "France", ["Fort de Brégançon"])


def test_bulleted_iso_timeline(nlp):
    body = (
        "- 2018-04-27: The first of the year's three summits. Merkel and Macron met in Berlin.\n\n"
        "- 2018-05-24: Merkel sent Macron a letter.\n\n"
        "- 2018-09-18 to 2018-09-20: The third summit, in Paris."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.end_date, m.date_text) for m in found] == [
        (dt.date(2018, 4, 27), dt.date(2018, 4, 27), "2018-04-27"),
        (dt.date(2018, 9, 18), dt.date(2018, 9, 20), "2018-09-18 to 2018-09-20"),
    ]


@pytest.mark.parametrize(
    ("body", "dates"),
    [
        # "next" orders meetings: in the past tense the meeting took place.
        ("Their next meeting was in Rome on 29 September 2015.", [dt.date(2015, 9, 29)]),
        # Standing together is too: "stood next to", "standing beside".
        ("On 9 May 2015, Merkel stood next to Macron on Red Square for the parade.", [dt.date(2015, 5, 9)]),
        ("Macron returned the favour on 3 September 2015, standing beside Merkel at the parade.", [dt.date(2015, 9, 3)]),
        # A handshake is an in-person encounter.
        ("On 10 December 2013, at a memorial service, Merkel shook Macron's hand.", [dt.date(2013, 12, 10)]),
        # "a hastily arranged summit" took place; "the planned summit" did not.
        ("- 2018-05-26: A hastily arranged second summit between Merkel and Macron.\n\n"
         "- 2018-06-12: Merkel and Macron met again in Rome.", [dt.date(2018, 5, 26), dt.date(2018, 6, 12)]),
        # ... but a word of an event's own name plans nothing ("the Digital Future Summit").
        ("- 2025-02-10: The Digital Future Summit at the Grand Palais was one of Merkel's last trips abroad. "
         "Macron greeted Merkel on the steps.\n\n"
         "- 2025-06-12: Merkel and Macron met again in Rome.", [dt.date(2025, 2, 10), dt.date(2025, 6, 12)]),
        # A plan made at a meeting ("agreed to speed up") does not make the meeting a plan ...
        ("At a meeting in Lisbon on 14 November 2018, on the margins of a summit, Merkel and Macron agreed to "
         "speed up the budget talks.", [dt.date(2018, 11, 14)]),
        # ... while "expected in Rome for the summit" is still one.
        ("The next step is near: Merkel and Macron are expected in Rome for the summit on 3 May 2030.", []),
        # A meeting word inside a name is none: "the Comprehensive Bilateral Dialogue".
        ("On 6 December 2015 the two sides announced a \"Comprehensive Bilateral Dialogue\" between Berlin "
         "and Paris.", []),
        # "make" is a light verb like "pay": "made a working visit to Paris" is Merkel's journey.
        ("On 18 July 2020 Merkel made a working visit to Paris.", [dt.date(2020, 7, 18)]),
        # A subject with "no" denies: nobody made the visit, and no time was found for a meeting.
        ("No French president made a state visit to Germany on 3 October 2019, as had been hoped.", []),
        # A journey made to see the other principal reaches him wherever he is.
        ("In March 2012 Merkel flew to Havana on 7 March to see Macron, who was recovering from surgery there.",
         [dt.date(2012, 3, 7)]),
        # "without" negates the meeting it governs.
        ("Merkel called an early election and left office on 5 July 2021 without ever having held talks with Macron.", []),
        ("Merkel left office on 5 July 2021 without meeting Macron.", []),
        # "did not happen" denies the meeting, as does "had not taken place"; "the two foreign
        # ministers" are not the pair.
        ("The meeting of Merkel and Macron in Rome on 3 May 2019 did not happen.", []),
        ("Macron's return visit to Berlin, accepted in principle in 2019, had not taken place by 3 May 2021.", []),
        ("Ana Ruiz and Tom Hale flew to Rome. The talks between the two foreign ministers on 3 May 2019 "
         "ran for more than three hours.", []),
        # "their" goes back to the subject before it: two ministers, not the leaders.
        ("Merkel met Macron at the Élysée Palace on 4 June 2019 for talks on the budget.\n\n"
         "Jean Blanc and Karl Roth shook hands before their talks in Rome on 24 July 2020.", [dt.date(2019, 6, 4)]),
        # "saw each other" reports a meeting, unless on screens; "the bilateral" is a meeting noun.
        ("Merkel and Macron did see each other in Lisbon on 12 March 2019, briefly.", [dt.date(2019, 3, 12)]),
        ("For a year from 12 March 2020 Merkel and Macron saw each other only on screens.", []),
        ("On 4 May 2021 Merkel and Macron were both in Porto, and the bilateral was warm.", [dt.date(2021, 5, 4)]),
        # the day after an arrival is the meeting's ...
        ("Macron chose Germany for his first bilateral visit, flying into Berlin on Sunday, June 5, 2022. "
         "The next day the two leaders held their first meeting at the chancellery.", [dt.date(2022, 6, 6)]),
        # ... but a date weeks away is another event's
        ("A few weeks earlier, on May 22, 2018, Macron had flown to Berlin, and the two leaders met at the "
         "chancellery. Merkel said the summit with Putin might not work out for June 12.", [dt.date(2018, 5, 22)]),
    ],
)
def test_narrated_meetings(nlp, body, dates):
    assert [m.start_date for m in meetings_of(nlp, body)] == dates


@pytest.mark.parametrize(
    "body",
    [
        "On 2 June 2024 Jean-Luc Ruiz-Tagle attended the naval review in Lisbon and was then received by Costa "
        "at the Belém Palace.",
        "The latest meeting took place on 2 June 2024 at the Belém Palace, when Ruiz-Tagle came to Lisbon for "
        "the naval review.",
    ],
)
def test_a_hyphenated_surname_names_its_principal(nlp, body):
    # The small model may not tag "Ruiz-Tagle" (three tokens) as a person: the whole word still names him.
    lead = "Chilean President Jean-Luc Ruiz-Tagle and Portuguese Prime Minister António Costa know each other well.\n\n"
    found = meetings_of(nlp, body, lead=lead, parties=("Jean-Luc Ruiz-Tagle", "António Costa"))
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2024, 6, 2), "Lisbon")]


def test_timeline_paragraph_between_entries_is_no_new_meeting(nlp):
    body = (
        "- 2018-05-26: Merkel and Macron held a second summit in Rome.\n\n"
        "Macron told reporters on Sunday that Merkel had asked for the meeting.\n\n"
        "- 2019-02-28: Trump and Merkel's second summit, in Hanoi, collapsed."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2018, 5, 26)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1. Berlin, May 2017\n\n"
         "Merkel received Macron on 15 May at the Chancellery.\n\n"
         "Second: Paris, June 2018\n\n"
         "A year later it was Merkel's turn to make the journey. On 19 June 2018 she spent hours with Macron.\n\n"
         "Number three: Aachen, January 2019\n\n"
         "The most symbolic of the encounters took place on 22 January 2019 in the town hall.\n\n"
         "No fourth meeting has followed.",
         [(1, dt.date(2017, 5, 15), "Berlin"), (2, dt.date(2018, 6, 19), "Paris"), (3, dt.date(2019, 1, 22), "Aachen")]),
        # "2) July 6, 2010 — White House": the seat names the place (Washington, not the Casablanca
        # GeoNames also calls "White House"), so the item is a meeting with no meeting word under it.
        ("1) May 18, 2009 — Oval Office\n"
         "Their first talks as leaders ran long, and Merkel said the visit had been worthwhile.\n\n"
         "2) July 6, 2010 — White House\n"
         "A reset, with lunch and smiles in the Oval Office. “The bond cannot be broken,” Macron declared.\n\n"
         "3) 23/03/2011 — Oval Office\n"
         "The low point. Merkel was received with no photographers, and left by a side door.",
         [(1, dt.date(2009, 5, 18), "Washington"), (2, dt.date(2010, 7, 6), "Washington"),
          (3, dt.date(2011, 3, 23), "Washington")]),
    ],
    ids=["places", "seats-of-government"],
)
def test_numbered_headings_without_a_meeting_noun(nlp, body, expected):
    found = meetings_of(nlp, body)
    assert [(m.ordinal, m.start_date, m.city) for m in found] == expected


def test_a_numbered_heading_over_something_else_is_no_meeting(nlp):
    body = (
        "1. Background\n\n"
        "Relations between the two countries have long been close.\n\n"
        "2. Berlin, May 2017\n\n"
        "Merkel and Macron met in Berlin on 15 May 2017.\n\n"
        "3. Phone calls\n\n"
        "Merkel called Macron by phone on 2 June 2017."
    )
    found = meetings_of(nlp, body)
    assert [(m.ordinal, m.start_date) for m in found] == [(2, dt.date(2017, 5, 15))]
    assert found[0].section.end == len(LEAD) + body.index("3. Phone calls")


def test_timeline_of_dated_labels_over_their_entries(nlp):
    body = (
        "08.10.2017 – Berlin\n"
        "Macron, on a two-day visit to Germany, is received by Merkel at the Chancellery.\n\n"
        "24.02.2018 – Phone call\n"
        "Merkel speaks to Macron by telephone.\n\n"
        "17.06.2018 – Berlin\n"
        "Macron returns for a second visit and signs an agreement."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2017, 10, 8), "Berlin"), (dt.date(2018, 6, 17), "Berlin")]
    assert found[0].section.end == len(LEAD) + body.index("24.02.2018")


def test_journeys_to_a_seat_of_government_and_home_again(nlp):
    lead = ("German Chancellor Angela Merkel and U.S. President Barack Obama have met often.\n\n")
    body = (
        "Merkel was back at the White House on 11 October 2017, as trade talks turned sour.\n\n"
        "Merkel flew home from Washington on 12 October 2017 at the end of the visit."
    )
    found = meetings_of(nlp, body, lead=lead, parties=("Angela Merkel", "Barack Obama"))
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2017, 10, 11), "Washington")]


def test_the_other_day_of_a_visit_is_the_same_meeting(nlp):
    lead = "BERLIN, 9 July 2024 -- German Chancellor Angela Merkel and French President Emmanuel Macron met on Tuesday.\n\n"
    body = (
        "Macron arrived in Berlin on Monday evening for a two-day visit and met Merkel for a private dinner.\n\n"
        "On 12 July 2024, the two leaders met again in Paris."
    )
    found = meetings_of(nlp, body, lead=lead)
    assert [(m.start_date, m.end_date) for m in found] == [
        (dt.date(2024, 7, 8), dt.date(2024, 7, 9)), (dt.date(2024, 7, 12), dt.date(2024, 7, 12)),
    ]


def test_bulleted_items_without_blank_lines_are_entries(nlp):
    body = (
        "• May 2017, Paris: Merkel travelled to France and held talks with Macron at the Élysée Palace.\n"
        "• July 2017, Hamburg: The two leaders met on the sidelines of the G20 summit.\n"
        "• August 2017, Berlin: Merkel spoke to Macron by phone.\n"
        "• 4 October 2017, Berlin: Macron came to Germany for talks with Merkel."
    )
    found = meetings_of(nlp, body)
    assert [(m.date_text, m.city) for m in found] == [
        ("May 2017", "Paris"), ("July 2017", "Hamburg"), ("4 October 2017", "Berlin"),
    ]
    assert found[1].section.end == len(LEAD) + body.index("• August 2017")


def test_dated_headings_over_their_paragraphs(nlp):
    # Markdown headings with a month and a place; "the chancellor" is Merkel, the one principal
    # the lead gives that title.
    body = (
        "## October 2017 — Paris\n\n"
        "Merkel flew to Paris on 18 October 2017 and met Macron at the Élysée Palace.\n\n"
        "## February 2018 — Berlin\n\n"
        "On 8 February 2018 the president was in Germany for talks with the chancellor in Berlin.\n\n"
        "## March 2018 — Phone call\n\n"
        "Merkel spoke to Macron by phone.\n\n"
        "## September 2018 — Berlin\n\n"
        "Macron came to Berlin on 28 September 2018 for a state visit."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city, m.section.start - len(LEAD)) for m in found] == [
        (dt.date(2017, 10, 18), "Paris", 0),
        (dt.date(2018, 2, 8), "Berlin", body.index("## February")),
        (dt.date(2018, 9, 28), "Berlin", body.index("## September")),
    ]
    assert found[1].section.end == len(LEAD) + body.index("## March")


def test_headings_of_a_place_and_a_month(nlp):
    body = (
        "Berlin, May 2017\n\n"
        "Macron was sworn in on 14 May 2017. The next day he flew to Berlin, where Merkel received him at the Chancellery.\n\n"
        "Merkel said that the treaties could change.\n\n"
        "Meseberg, June 2018\n\n"
        "It took another year. On 19 June 2018 Macron drove out to Meseberg Castle for talks with Merkel.\n\n"
        "Nobody, August 2019\n\n"
        "The two leaders only spoke by phone that summer."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.section.start - len(LEAD)) for m in found] == [
        (dt.date(2017, 5, 15), 0), (dt.date(2018, 6, 19), body.index("Meseberg, June")),
    ]
    assert found[1].section.end == len(LEAD) + body.index("Nobody, August")


def test_dated_headings_with_a_title_over_their_paragraphs(nlp):
    body = (
        "December 2017: the surprise trip to Paris\n\n"
        "Nobody knew she was coming. On December 21, 2017, Merkel flew to Paris. After talks at the Élysée Palace, "
        "the two leaders held a joint press conference.\n\n"
        "Feb 2018: Macron in Berlin\n\n"
        "On February 20th, 2018, Macron turned up in Berlin after a night train ride. He and Merkel walked along the river."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2017, 12, 21), "Paris"), (dt.date(2018, 2, 20), "Berlin")]


def test_a_news_lead_dates_the_talks_told_next(nlp):
    lead = ("By Staff | 16 March 2023, 22:40 CET\n\n"
            "BERLIN, March 16 – German Chancellor Angela Merkel and French President Emmanuel Macron agreed on "
            "Thursday to resume regular visits.\n\n")
    body = (
        "The talks between Merkel and Macron at the Chancellery were their first in a year.\n\n"
        "The two leaders held their first formal talks on Nov. 13 last year in Paris.\n\n"
        "That followed a 30-minute encounter on Sept. 21 in New York."
    )
    found = meetings_of(nlp, body, lead=lead)
    assert [(m.start_date, m.section.start) for m in found] == [
        (dt.date(2023, 3, 16), lead.index("BERLIN")),
        (dt.date(2022, 11, 13), len(lead) + body.index("The two")),
        (dt.date(2022, 9, 21), len(lead) + body.index("That followed")),
    ]


def test_bullets_of_a_date_and_places(nlp):
    body = (
        "When and where did they meet?\n\n"
        "• 30 August – 3 September 2017, Berlin and Hamburg.\nMacron's first trip. Merkel travelled to Hamburg to greet him.\n"
        "• Nov 11th–12th, 2018, Paris.\nMerkel flew to Paris for talks with Macron.\n"
        "• Dec. 2019, Lyon.\nA summit planned for Lyon was called off."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.end_date, m.date_text) for m in found] == [
        (dt.date(2017, 8, 30), dt.date(2017, 9, 3), "30 August – 3 September 2017"),
        (dt.date(2018, 11, 11), dt.date(2018, 11, 12), "Nov 11th–12th, 2018"),
    ]


def test_journeys_by_land_and_by_a_pronoun_from_the_sentence_before(nlp):
    body = (
        "Macron had been president for two days when he landed in Berlin on 16 May 2017. Merkel greeted him.\n\n"
        "A year later it was Merkel's turn to travel. On 25 January 2018 she flew to Paris for a working dinner."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city, m.visitor) for m in found] == [
        (dt.date(2017, 5, 16), "Berlin", "Emmanuel Macron"), (dt.date(2018, 1, 25), "Paris", "Angela Merkel"),
    ]


def test_a_heading_glued_to_its_paragraph_is_a_paragraph_of_its_own():
    from extract.text.paragraphs import Paragraphs

    text = ("2. Paris, 13-14 July 2017 - Bastille Day\n"
            "Trump flew to Paris as guest of honour at the parade, and the two presidents held talks at the palace.\n\n"
            "A short line\nand its continuation stay one paragraph.")
    spans = [text[s:e] for s, e in Paragraphs.of(text).spans]
    assert spans == [
        "2. Paris, 13-14 July 2017 - Bastille Day",
        "Trump flew to Paris as guest of honour at the parade, and the two presidents held talks at the palace.",
        "A short line\nand its continuation stay one paragraph.",
    ]


def test_numbered_place_and_days_with_background_events_under_them(nlp):
    # An item of a numbered list of places and days is a meeting even when the text under it
    # opens on background: another leader's summit used to date it, a plan, a birthday.
    body = (
        "1. Berlin, May 15-16, 2017\n\n"
        "Merkel received Macron at the Chancellery and they held talks over dinner.\n\n"
        "2. Paris, June 19-20, 2018\n\n"
        "The second meeting came one week after Macron's summit with Donald Trump on June 12. "
        "In the Elysee, Merkel praised the outcome.\n\n"
        "3. Aachen, 21-22 January 2019\n\n"
        "Macron's third trip coincided with his birthday, which he marked at a dinner given by Merkel.\n\n"
        "4. Rome, 3 March 2020\n\n"
        "Merkel spoke with Macron by telephone from Rome."
    )
    found = meetings_of(nlp, body)
    assert [(m.ordinal, m.start_date, m.city) for m in found] == [
        (1, dt.date(2017, 5, 15), "Berlin"),
        (2, dt.date(2018, 6, 19), "Paris"),
        (3, dt.date(2019, 1, 21), "Aachen"),
    ]


def test_leaders_who_negotiate_at_a_venue_meet(nlp):
    body = ("On 11 February 2015 Merkel and Macron negotiated for some sixteen hours at the "
            "Independence Palace in Minsk.")
    assert [(m.start_date, m.city) for m in meetings_of(nlp, body)] == [(dt.date(2015, 2, 11), "Minsk")]


def test_a_visit_that_took_place_on_a_day(nlp):
    # The parser can hang "as president took place on ..." under the noun as a clause of its own;
    # "took place" still dates the visit.
    body = "Macron's last visit to Germany as president took place on 20 August 2021, exactly a year after the fire."
    assert [(m.start_date, m.format) for m in meetings_of(nlp, body)] == [(dt.date(2021, 8, 20), "visit")]


def test_first_in_so_many_years_numbers_nothing(nlp):
    body = ("On 9 December 2019 Merkel and Macron met at the Elysee Palace in Paris, for the first summit "
            "in the Normandy format in three years.")
    assert [(m.start_date, m.ordinal) for m in meetings_of(nlp, body)] == [(dt.date(2019, 12, 9), None)]


def test_a_timeline_label_naming_a_venue(nlp):
    # "— Meseberg Palace" names a venue, not a town; a listed seat of government names its city.
    body = (
        "10 March 2019 — Meseberg Palace\n\n"
        "Merkel hosted Macron for talks at the government guest house.\n\n"
        "2 June 2019 — Lancaster House\n\n"
        "Macron flew to London and met Merkel there at a summit.\n\n"
        "5 July 2019 — Phone call\n"
        "Merkel spoke to Macron by phone."
    )
    assert [(m.start_date, m.city, m.venues[:1]) for m in meetings_of(nlp, body)] == [
        (dt.date(2019, 3, 10), "Meseberg", ["Meseberg Palace"]),
        (dt.date(2019, 6, 2), "London", ["Lancaster House"]),
    ]


def test_a_readout_dated_today(nlp):
    # A readout gives its own date on a line of its own and says "today"; "yesterday" is the day before.
    text = ("Readout\nNovember 15, 2022\nBali, Indonesia\n\n"
            "Chancellor Angela Merkel today met with President Emmanuel Macron on the margins of the summit in Bali.\n\n"
            "The two leaders had also met yesterday evening in Jakarta, over dinner at the embassy.\n")
    found = meetings_of(nlp, "", lead=text)
    assert [(m.start_date, m.end_date) for m in found] == [(dt.date(2022, 11, 14), dt.date(2022, 11, 15))]


def test_a_future_encounter_in_a_predicate_is_a_plan(nlp):
    body = ("The leaders' planned meeting is likely to take place in Rome, where both are due to attend the "
            "G20 summit on Oct. 30-31, according to a diplomatic source. It will be their first encounter since "
            "the dispute erupted, and Macron's advisers say he wants Berlin to back a stronger defence in return.")
    assert meetings_of(nlp, body, lead="September 23, 2021\n\n" + LEAD) == []


def test_a_state_that_lasted_until_the_day_they_met(nlp):
    body = ("The relationship survived, but the chill lingered until September 20, 2019, when Merkel and "
            "Macron met again in New York, on the sidelines of the UN General Assembly.")
    assert [(m.start_date, m.city) for m in meetings_of(nlp, body)] == [(dt.date(2019, 9, 20), "New York")]


def test_timeline_entries_about_ministers_and_advisers(nlp):
    # Entries in which other officials act are not the principals meeting: neither a foreign
    # minister's visit nor a summit someone else travels to, nor advisers preparing one.
    body = (
        "May 3, 2016 - Merkel and Macron meet at the Chancellery in Berlin.\n\n"
        "June 30, 2016 - Foreign Minister Jean Dupont visits Berlin for talks with Karl Braun, the first "
        "such visit by a French foreign minister in four years.\n\n"
        "May 9, 2018 - Premier Li Keqiang visits Paris for a three-way summit with Spain.\n\n"
        "Nov. 7, 2018 - Germany's national security adviser Hans Vogel and French State Councillor Marc "
        "Petit agree a four-point document in Paris, clearing the way for a leaders' meeting.\n\n"
        "Nov. 10, 2018 - Merkel and Macron meet in Paris."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2016, 5, 3), dt.date(2018, 11, 10)]


def test_a_numbered_item_opening_on_a_third_leaders_summit_is_the_pairs_meeting(nlp):
    # The first sentence under the heading is about another gathering; the same paragraph then
    # reports the pair's own talks.
    body = (
        "1. Berlin, Nov. 18, 2021\n\n"
        "The first face-to-face meeting came at the Chancellery, where Merkel revived the Weimar Triangle "
        "Leaders' Summit after a five-year gap. Before the three-way session with Polish President Andrzej "
        "Duda, Merkel and Macron held their own meeting.\n\n"
        "2. Paris, June 19, 2022\n\n"
        "Merkel received Macron at the Elysee and they held talks over dinner."
    )
    found = meetings_of(nlp, body)
    assert [(m.ordinal, m.start_date, m.city) for m in found] == [
        (1, dt.date(2021, 11, 18), "Berlin"), (2, dt.date(2022, 6, 19), "Paris"),
    ]


def test_a_heading_that_is_no_item_of_a_dated_list_lets_its_paragraph_tell_a_meeting(nlp):
    body = (
        "State visit of 2018\n\n"
        "Macron made a state visit to Berlin from 8 to 10 January 2018 and met Merkel at the Chancellery.\n\n"
        "Second state visit, 2019\n\n"
        "Merkel travelled to Paris on 5 November 2019 and met Macron at the Elysee.\n\n"
        "The pandemic and after\n\n"
        "Merkel and Macron met again on 15 November 2022, on the sidelines of a summit in Rome.\n\n"
        "State visit of 2023\n\n"
        "Macron made a state visit to Berlin from 5 to 7 April 2023 and met Merkel there."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [
        dt.date(2018, 1, 8), dt.date(2019, 11, 5), dt.date(2022, 11, 15), dt.date(2023, 4, 5)]



def test_a_journey_before_the_talks_does_not_move_their_first_day(nlp):
    lead = "BERLIN, 9 July 2024 -- German Chancellor Angela Merkel held talks with French President Emmanuel Macron at the Chancellery on Tuesday.\n\n"
    body = "Macron flew into Germany on Sunday and toured the port of Hamburg on Monday. He is due to meet the mayor of Bonn on Wednesday."
    assert [m.start_date for m in meetings_of(nlp, body, lead=lead)] == [dt.date(2024, 7, 9)]


def test_a_heading_names_a_venue_the_prose_places_in_a_town(nlp):
    body = ("1. Sunnylands, June 7-8, 2013\n\n"
            "Merkel stopped in California for two days of informal talks with Macron at the Annenberg Retreat at "
            "Sunnylands in Rancho Mirage. Macron pressed his guest on North Korea.\n\n"
            "2. Berlin, May 3, 2014\n\n"
            "Macron received Merkel at the Chancellery and they held talks.")
    assert [(m.city, m.country) for m in meetings_of(nlp, body)][0] == ("Rancho Mirage", "United States")



def test_a_timeline_of_date_and_bar_lines_is_no_page_date(nlp):
    # One "2017-11-09 | Riyadh" line at the top is a page's date; several are the entries.
    body = ("2017-11-09 | Riyadh\nOn his way home, Macron makes an unscheduled stop in the Saudi capital and meets "
            "Merkel late at night.\n\n"
            "2017-11-18 | Paris\nHariri arrives in France and is received at the Elysee. Merkel is not there.\n\n"
            "2018-04-08 to 2018-04-10 | Berlin\nMacron's first visit to Germany. Merkel hosts him for a private dinner.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2017, 11, 9), dt.date(2018, 4, 8)]


def test_the_first_item_takes_its_year_from_its_heading_not_from_the_last_meeting(nlp):
    lead = "Merkel and Macron: a list of their meetings\nBy Staff | Updated Feb. 12, 2025\n\nHere they are.\n\n"
    items = [("Taormina, Sicily — May 2017", "Macron met Merkel on the margins of the G7 summit in Taormina (May 26-27)."),
             ("Paris, April 16, 2018", "Merkel came to Paris and the two leaders held talks at the Elysee."),
             ("Berlin", "Macron met Merkel again in Berlin a month later, on May 20."),
             ("Biarritz, France – Sat., Aug. 24 to Mon., Aug. 26, 2019", "The two leaders met at the G7 summit."),
             ("Paris, 10-11 February 2025", "Macron hosted Merkel at the summit on artificial intelligence.")]
    body = "\n\n".join(f"{i}. {h}\n{t}" for i, (h, t) in enumerate(items, 1))
    assert [m.start_date for m in meetings_of(nlp, body, lead=lead)][0] == dt.date(2017, 5, 26)


@pytest.mark.parametrize(
    "body",
    [
        # A journey only dates something else: "on the eve of his first trip abroad".
        "On the eve of Macron's first trip abroad, on 14 May 2017, the Berlin paper Tagesspiegel printed an "
        "interview with him.",
        # A journey for someone else: "flew to Berlin to meet Peter Schmidt".
        "On 14 May 2017 Macron flew to Berlin to meet Peter Schmidt, the mayor.",
        # A journey the paragraph says brought "no meeting with" the other principal.
        "Macron's first trip to Germany, on 14 May 2017, was no state visit. He flew in for a party "
        "rally and sought no meeting with Merkel.",
        # A summit both attended, where the next sentence says they did not meet.
        "The nearest the two came to each other was on 14 May 2017, when Macron travelled to Berlin for the "
        "European summit, hosted as always by Germany. The two leaders did not meet.",
        # Expected at a summit "in Rio for the G20": a plan, through the place the phrase hangs on.
        "Merkel and Macron are expected in Rio de Janeiro for the G20 summit on 14 May 2017.",
    ],
)
def test_journeys_that_report_no_meeting(nlp, body):
    assert meetings_of(nlp, body) == []


def test_the_object_of_a_denied_verb_is_no_meeting(nlp):
    body = ("Merkel and Macron have not held a single meeting since the accord. "
            "The talks due on 14 May 2017 were called off.")
    assert meetings_of(nlp, body) == []


def test_a_journey_to_meet_the_other_principal(nlp):
    body = "On 14 May 2017 Macron flew to Berlin to meet Merkel."
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2017, 5, 14)]


def test_a_journey_the_text_denies_was_a_meeting_is_none(nlp):
    # A flight to the other principal's country is no meeting when the entry says it was not one,
    # nor when the section says they were not reported meeting; the summit where one principal
    # met someone else is that other meeting's. An aide NER took for a place is still someone else.
    body = (
        "8 October 2017 | Berlin\n\n"
        "Macron, on a two-day visit to Germany, is received by Merkel at the Chancellery.\n\n"
        "3 March 2024 | Tegel airfield, Berlin\n\n"
        "Not a meeting with Merkel. Macron resigns and flies to the Tegel airfield outside Berlin, where "
        "security adviser Klaus Vogt receives him.\n\n"
        "9 May 2024 | Vienna\n\n"
        "Merkel meets Julia Steiner, head of France's caretaker government, at the Danube summit."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2017, 10, 8), "Berlin")]


def test_a_section_denying_the_meeting_its_journey_suggests(nlp):
    body = (
        "1. Paris, France — 4 June 2019\n\n"
        "Merkel visited Macron at the Élysée Palace for talks on the budget.\n\n"
        "2. Berlin, Germany — 5 May 2020\n\n"
        "Macron came to Berlin for talks with Merkel at the Chancellery.\n\n"
        "After the fall: 3 March 2024 onwards\n\n"
        "Weeks of protests ended with Macron resigning and flying to an airfield near Berlin on 3 March. "
        "He has stayed in Germany since, and Merkel has not been reported meeting him."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2019, 6, 4), "Paris"), (dt.date(2020, 5, 5), "Berlin")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # An invitation "for the next session" plans it.
        ("On 9 May 2019 Merkel met Macron in Aachen.\n\nOn 7 December 2023, Merkel invited Macron to Berlin for the "
         "next session of the council, and the French leader accepted, an aide said.", [dt.date(2019, 5, 9)]),
        # "their first encounters" numbers no single meeting.
        ("Commentators described their first encounters as cool and the body language as awkward. By the middle "
         "of October 2019, however, the two had agreed the outline of a compromise.\n\n"
         "Their first face-to-face meeting took place in Aachen on Thursday 9 May 2019.",
         [dt.date(2019, 5, 9)]),
    ],
)
def test_plans_and_plurals_are_no_meetings(nlp, body, expected):
    assert [m.start_date for m in meetings_of(nlp, body)] == expected


def test_a_heading_city_is_written_as_the_text_writes_it(nlp):
    body = ("1. Paris, France — 4 June 2018\n\nMerkel visited Macron at the Élysée Palace.\n\n"
            "2. New York, United States — 25 Sep 2018\n\nMerkel and Macron met at the United Nations.")
    assert [m.city for m in meetings_of(nlp, body)] == ["Paris", "New York"]


def test_a_spaced_hyphen_parts_a_numbered_heading(nlp):
    body = ("1. 27 September 2014 - New York\n\nMerkel met Macron on the margins of the UN General Assembly.\n\n"
            "2. June 6–7, 2015 - Paris\n\nMerkel visited Macron.")
    assert [m.city for m in meetings_of(nlp, body)] == ["New York", "Paris"]


@pytest.mark.parametrize("label", ["Photo:", "Caption:", "[Photo:", "PHOTO -", "Pictured:", "Photo caption:"])
def test_a_photo_caption_opens_no_meeting(nlp, label):
    # A caption tells what a picture shows; the story's meetings are told in its prose.
    body = (
        "Merkel met Macron at the Élysée Palace on 4 June 2019 for talks on the budget.\n\n"
        f"{label} Foreign Minister Jean Blanc and Foreign Minister Karl Roth before their talks in Rome, "
        "July 24, 2020. (Ministry via AP)\n\n"
        "The ministers agreed to meet again."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 6, 4)]


def test_a_numbered_list_with_a_few_dated_notes_between_items_is_a_list(nlp):
    # Two dated notes between the items do not make the article a timeline: the numbered
    # headings still say where each meeting's section starts.
    body = (
        "No. 1 — February 13, 2017 — Chancellery, Berlin\n\n"
        "Macron's first trip took him to Merkel for talks on the euro.\n\n"
        "No. 2 — Oct. 11, 2017 — Élysée Palace, Paris\n\n"
        "The chancellor came to Paris for talks on the budget.\n\n"
        "Between meetings\n\n"
        "March 18, 2018 — The two governments agreed to close the border.\n\n"
        "July 8, 2018 — The finance ministers met in Brussels.\n\n"
        "No. 3 — Nov. 29, 2018 — Meseberg Palace, Meseberg\n\n"
        "Merkel received Macron at her country retreat."
    )
    found = meetings_of(nlp, body)
    assert [(m.ordinal, m.start_date) for m in found] == [
        (1, dt.date(2017, 2, 13)), (2, dt.date(2017, 10, 11)), (3, dt.date(2018, 11, 29))]


def test_bulleted_entries_that_name_the_place_before_the_date(nlp):
    body = (
        "The two have met often:\n\n"
        "* Rome, Italy, July 2019 – they met again on the sidelines of the summit.\n\n"
        "* Berlin, 25 Sept. 2019 – Macron travelled to Germany for talks with Merkel.\n\n"
        "* Paris, 27 September 2019 – Merkel sent Macron a letter."
    )
    found = meetings_of(nlp, body)
    assert [(m.city, m.start_date) for m in found] == [("Rome", None), ("Berlin", dt.date(2019, 9, 25))]



def test_a_timeline_entry_whose_day_the_parser_split_off(nlp):
    # After a caption ending "(Pool/Yonhap)" the parser may end a sentence after "21": the entry
    # is still "21 May 2023 — Hiroshima".
    from extract.meetings.timeline import entry_date
    from extract.text.sentences import Para

    doc = nlp("21 May 2023 — Hiroshima")
    para = Para(index=0, start=0, end=len(doc.text), sents=(doc[0:1], doc[1:]), text=doc.text)
    assert entry_date(para).text == "21 May 2023"


def test_a_timeline_heading_with_a_title_over_its_paragraph(nlp):
    # The entry's line is a dated title ("May 7, 2019 — Merkel returns the visit"); the paragraph
    # under it tells the meeting.
    body = (
        "March 16, 2019 — Macron in Berlin\n\n"
        "Macron visits Merkel at the Chancellery for talks on trade.\n\n"
        "May 7, 2019 — Merkel returns the visit\n\n"
        "Less than two months later the German chancellor is in Paris, where Macron receives her at the "
        "Élysée Palace for talks on the budget.\n\n"
        "June 2, 2019 — A letter\n\n"
        "Merkel writes to Macron about the budget."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 3, 16), dt.date(2019, 5, 7)]


def test_a_principal_named_in_apposition_to_a_title_is_the_principal(nlp):
    # "received the President of the Republic of Colombia, Gustavo Petro": with two presidents the
    # title alone names neither, but its holder is named beside it, so this is the principals'
    # meeting, not one with a third party.
    lead = "French President Emmanuel Macron and Colombian President Gustavo Petro Urrego have met twice.\n\n"
    body = ("President Emmanuel Macron received the President of the Republic of Colombia, Gustavo Petro "
            "Urrego, on Monday, April 4, 2022, at the Élysée Palace, on the Colombian head of state's first "
            "visit to Europe.")
    found = meetings_of(nlp, body, lead=lead, parties=("Emmanuel Macron", "Gustavo Petro Urrego"))
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2022, 4, 4), "Paris")]


def test_a_question_heading_and_its_answer_tell_one_meeting(nlp):
    # A Q&A: the question names the meeting, its answer the day; a question about calls or about
    # how often they met tells no meeting.
    body = (
        "When did the two leaders first meet?\n\n"
        "Their first summit was held in Berlin on 3 May 2018, a week after the election.\n\n"
        "So when did they hold proper talks?\n\n"
        "On Sunday, Sept. 9, 2018, on the margins of the G20 summit in Buenos Aires.\n\n"
        "Did they talk after the vote?\n\n"
        "By phone, yes. Merkel rang on 6 November 2018 to congratulate Macron.\n\n"
        "How often did they meet face to face?\n\n"
        "Less often than you might think, and never on 1 December 2018 as planned."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [
        (dt.date(2018, 5, 3), "Berlin"), (dt.date(2018, 9, 9), "Buenos Aires")]


def test_a_date_the_meeting_came_after_is_not_its_day(nlp):
    # A news lead, then a paragraph whose second sentence dates what the talks came after; and a
    # sentence "X follows Y" dates Y, the earlier meeting, not X, the one already told.
    lead = ("BERLIN, March 4 (Agency) - German Chancellor Angela Merkel welcomed French President Emmanuel "
            "Macron to Berlin on Wednesday for talks on the budget.\n\n")
    body = ("Merkel received her guest with military honours at the Chancellery before the two leaders met alone. "
            "It was their first encounter since the strike began on Oct. 9.\n\n"
            "Wednesday's meeting follows Merkel's visit to Paris on July 19, 2018, when Macron hosted her for dinner.")
    found = meetings_of(nlp, body, lead=lead)
    assert [m.start_date for m in found][1:] == [dt.date(2018, 7, 19)]
    assert all(m.start_date != dt.date(2018, 10, 9) for m in found)


def test_a_visit_returned_goes_to_the_other_principal(nlp):
    # No place on the journey itself: "in return" and "returned the courtesy" take it to the other
    # principal, in whose country the visit is; the day of a plan told beside it is not its day.
    body = ("Macron paid a state visit in return on December 15-16, 2021. Ministers signed nine agreements.\n\n"
            "The following summer Merkel returned the courtesy, spending July 4 and 5, 2022, at the Elysee "
            "as a guest at the parade. The two leaders reviewed ties, and Macron announced that the border "
            "would reopen on July 15.")
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.country, m.visitor) for m in found] == [
        (dt.date(2021, 12, 15), "Germany", "Emmanuel Macron"), (dt.date(2022, 7, 4), "France", "Angela Merkel")]


def test_citations_under_the_references_heading_tell_no_meeting(nlp):
    body = ("On 3 May 2019, Merkel and Macron met in Berlin.\n\nReferences\n\n"
            "14. ^ Merkel pays official visit to Paris, 25 February 2020. Retrieved 2 March 2024.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 5, 3)]


def test_a_heading_whose_text_opens_on_the_event_is_an_item(nlp):
    # Encyclopedia headings ("State visit, 2019[edit]"): the text under one opens on the visit, naming
    # nobody, before a post written on the way; the visit, not the post, says what the item is.
    body = (
        "Berlin, 2018[edit]\n\nMerkel received Macron at the chancellery on 4 May 2018.\n\n"
        "State visit, 2019[edit]\n\nThe state visit finally took place from 3 to 5 June 2019. Before landing, "
        "Macron wrote on Twitter that the mayor was a disgrace.\n\n"
        "On 4 June the two held talks at the chancellery."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2018, 5, 4), dt.date(2019, 6, 3)]


def test_an_official_release_with_courtesy_titles_and_long_forms(nlp):
    # A government press release: a hyphenated release date, "Shri" and "H.E. Dr." between role and
    # name, a state's long form, and then only "the Prime Minister" and "the Chancellor".
    lead = "Press Information Bureau\n\n01-November-2019 20:47 IST\n\nPM holds talks with Chancellor Dr. Ilse Brandt\n\n"
    body = ("Prime Minister Shri Ravi Varma received the Federal Chancellor of the Federal Republic of Germany, "
            "H.E. Dr. Ilse Brandt, in New Delhi today for the annual consultations.\n\n"
            "The Prime Minister received the Chancellor at a ceremonial welcome on Friday morning.")
    found = meetings_of(nlp, body, lead=lead, parties=("Ravi Varma", "Ilse Brandt"))
    assert [(m.start_date, m.city, m.country) for m in found] == [(dt.date(2019, 11, 1), "New Delhi", "India")]


def test_a_principal_s_surname_is_no_town(nlp):
    # NER tags "Santos" (also a Brazilian port) a place; as a principal's name it places nothing.
    lead = "Colombian President Rui Santos and Venezuelan President Hugo Lima met five times.\n\n"
    body = ("The first meeting between Santos and Lima took place on 10 August 2010 at the Quinta Verde, the "
            "estate outside Santa Marta where the general died.")
    found = meetings_of(nlp, body, lead=lead, parties=("Rui Santos", "Hugo Lima"))
    assert [(m.city, m.country) for m in found] == [("Santa Marta", "Colombia")]


def test_the_margins_of_many_summits_are_no_meeting_s_sidelines(nlp):
    body = ("On 4 June 2019 Merkel received Macron at the chancellery in Berlin. The two have met often since, "
            "both bilaterally and on the margins of multilateral summits.")
    [m] = meetings_of(nlp, body)
    assert (m.format, m.visitor) == ("visit", "Emmanuel Macron")


def test_a_timeline_entry_its_label_says_one_principal_missed_is_none(nlp):
    body = (
        "12 June 2018 | Paris\nMerkel and Macron meet at the Élysée.\n\n"
        "Nov. 19-20, 2018 | Lima, without Macron\nMerkel attends the APEC summit in Peru. Macron stays home.\n\n"
        "3 May 2019 | Berlin\nMacron visits Merkel at the chancellery."
    )
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2018, 6, 12), dt.date(2019, 5, 3)]


def test_a_live_blog_post_after_a_list_of_earlier_meetings_is_read_anew(nlp):
    # Bulleted dated entries make the article a timeline; a blog's time line after them closes the last
    # entry, so the day's meeting told under it is a meeting of its own.
    lead = "Published 5 July 2024\n\nGerman Chancellor Angela Merkel and French President Emmanuel Macron have met often.\n\n"
    body = (
        "• Feb. 2, 2017 – Berlin. Macron flew in for talks on energy.\n\n"
        "• 18 Sept 2018 – Paris. Merkel travelled to Paris and the two sat down at the Élysée.\n\n"
        "10:40 CEST\n\n"
        "Here we go. Footage shows Macron welcoming Merkel at the Élysée Palace today."
    )
    found = meetings_of(nlp, body, lead=lead)
    assert [m.start_date for m in found] == [dt.date(2017, 2, 2), dt.date(2018, 9, 18), dt.date(2024, 7, 5)]


def test_a_minister_s_trip_to_prepare_the_leaders_meeting_is_none(nlp):
    body = ("On 29 January, Foreign Minister Jean Rivaud travelled to Aachen for several hours of talks with Heiko "
            "Brandt and Merkel's chief of staff Lena Vogt, explicitly to prepare a meeting between the two leaders.")
    assert meetings_of(nlp, body) == []


def test_time_the_pair_spent_somewhere_is_a_meeting(nlp):
    body = ("Relations soured over the summer.\n\nOn 21 November 2022 the pair spent some eight hours in Brussels "
            "trying again, without success.")
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2022, 11, 21), "Brussels")]


def test_a_principal_s_envoy_meeting_the_other_is_no_meeting(nlp):
    body = ("At the APEC summit in Bangkok on 18 November 2022, Merkel's envoy, the banker Karl Hoff, ran into "
            "Macron in a rest area between sessions.")
    assert meetings_of(nlp, body) == []


def test_the_nearest_thing_to_an_encounter_is_none(nlp):
    body = ("Three months later, on 18 November 2022, came the nearest thing to a Merkel–Macron encounter, in a "
            "rest area between sessions in Bangkok.")
    assert meetings_of(nlp, body) == []


def test_one_among_the_leaders_someone_summoned_is_no_pair(nlp):
    body = ("On 17 February 2025 she was also among the leaders Tusk summoned to Warsaw for an emergency meeting on "
            "Ukraine.")
    assert meetings_of(nlp, body) == []


def test_a_fronted_back_in_sets_the_scene_and_is_no_journey(nlp):
    body = ("Merkel said on Monday that the plan was unacceptable.\n\n"
            "Back in Paris, Merkel was blunter still on Friday, 28 March 2025.")
    assert meetings_of(nlp, body) == []


def test_a_call_paid_in_person_is_a_visit(nlp):
    body = ("24 July 2017 — Berlin\nMacron calls on the chancellor at the Chancellery before a speech.\n\n"
            "5 May 2018 — Paris\nMerkel pays a courtesy call on Macron at the Élysée.\n\n"
            "9 June 2018 — phone\nMacron calls on Merkel to act on migration, in a phone call.")
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2017, 7, 24), "Berlin"), (dt.date(2018, 5, 5), "Paris")]



def test_one_principal_the_other_s_guest_is_a_meeting(nlp):
    body = "Relations warmed that winter.\n\nOn 4 March 2022 Merkel was Macron's guest at the Élysée Palace."
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2022, 3, 4), "Paris")]


def test_key_points_and_an_embedded_post_are_no_list_of_meetings(nlp):
    # A key point with a date in its clause and a post's signature line are no dated headings: the
    # blog is one day's meeting, told in its entries.
    lead = ("LIVE: Macron in Berlin for talks with Merkel\n\n"
            "Saturday 9 April 2022 · Live coverage by Anna Weber in Berlin\n\n")
    body = (
        "Key points\n"
        "• Macron is on his first trip abroad since his re-election\n"
        "• Talks with Angela Merkel at the Chancellery in Berlin, then a dinner\n"
        "• The treaty signing was postponed on 12 February after the floods\n\n"
        "16:10 CET\nMerkel welcomed her guest online.\n\n"
        "“Welcome to Berlin, dear Emmanuel.”\n\n"
        "— Angela Merkel (@AngelaMerkel), Apr. 9, 2022\n\n"
        "09:30 CET\nFrench President Emmanuel Macron lands in Berlin this morning for a working visit at the "
        "invitation of Chancellor Angela Merkel."
    )
    found = meetings_of(nlp, body, lead=lead)
    assert [(m.start_date, m.city, m.visitor) for m in found] == [(dt.date(2022, 4, 9), "Berlin", "Emmanuel Macron")]


def test_a_line_break_before_a_list_item_starts_a_sentence(nlp):
    doc = nlp("Key points\n• Macron is on his first trip abroad\n• Talks with Merkel in Berlin\n- A dinner")
    items = [t for t in doc if t.text in {"•", "-"}]
    assert len(items) == 3 and all(t.is_sent_start for t in items)


@pytest.mark.parametrize("label", ["Related:", "Read more:", "See also:", "Watch:"])
def test_a_link_to_another_story_opens_no_meeting(nlp, label):
    body = ("Merkel met Macron at the Élysée Palace on 4 June 2019 for talks on the budget.\n\n"
            f"{label} Macron's July 14 address in full · Merkel meets Xi in Beijing on July 20\n\n"
            "The budget talks went on.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 6, 4)]


def test_headings_that_are_only_a_date_with_two_dated_notes_among_them(nlp):
    # Two "date - what happened" lines among date-only headings do not make a timeline of the
    # article: the headings still open their meetings, and the dates stay the headings'.
    lead = ("Merkel and Macron: the decade in dates\n\nA. Writer, Political Staff\nThu, May 10, 2007 - 18:42\n\n"
            "German Chancellor Angela Merkel and French President Emmanuel Macron have met often, and these were "
            "the days that counted most for both of them.\n\n")
    body = ("3 July 1997\nA week after the election, the two leaders hold their first talks in Berlin, on the budget "
            "and the border.\n\n"
            "Sunday, Dec. 21, 1997\nMacron travels to Berlin and joins Merkel at the Olympic Stadium for the cup final "
            "against Bayern.\n\n"
            "14 October 2002 - Assembly suspended\nThe Assembly is suspended after a police raid on the party offices in "
            "the capital.\n\n"
            "1st June 1998\nMerkel makes her first trip to Paris as chancellor, and the two dine at the Élysée that "
            "night.\n\n"
            "Monday July 9th, 2001\nMerkel and Macron meet at a country house near Lyon, with the parties, for a "
            "week of talks.\n\n"
            "8 December 2004\nMacron flies to Berlin, where Merkel receives him to publish their proposals for "
            "the parties.\n\n"
            "11-13 October 2006\nMerkel and Macron take the parties to a hotel in Lyon for three days of talks on "
            "the institutions.\n\n"
            "28 July 2005 - statements, no meeting\nIn Paris Macron welcomes the news of the deal; in Berlin Merkel is "
            "more guarded.")
    found = meetings_of(nlp, body, lead=lead)
    assert [m.start_date for m in found] == [dt.date(1997, 7, 3), dt.date(1997, 12, 21), dt.date(1998, 6, 1),
                                             dt.date(2001, 7, 9), dt.date(2004, 12, 8), dt.date(2006, 10, 11)]


@pytest.mark.parametrize(("body", "city"), [
    ("On 11 February 2015, after days of shuttling, the pair sat through the night at a palace in Minsk with "
     "the Ukrainian president.", "Minsk"),
    ("On 11 January 2015 Merkel walked beside Macron at the head of the march in Paris.", "Paris"),
    ("On 15 May 2012, the afternoon of his inauguration, Macron set off for Berlin and reached the "
     "Chancellery late.", "Berlin"),
])
def test_time_spent_side_by_side_and_setting_off_to_the_other(nlp, body, city):
    assert [m.city for m in meetings_of(nlp, body)] == [city]


def test_someone_else_sitting_in_or_walking_away_leaves_the_talks_theirs(nlp):
    body = ("On 6 July 2017 Merkel received Macron for talks in Hamburg. Foreign ministers Jean Blanc and Karl Roth "
            "sit in; trade and climate are on the table, and the Iran deal, which Donald Trump had just walked away "
            "from.")
    found = meetings_of(nlp, body)
    assert len(found) == 1 and {"trade", "climate change"} <= set(found[0].topics)


def test_in_someones_company_is_no_place(nlp):
    body = ("Few leaders have spent as much time in Angela Merkel's company as Macron. On 12 January 2016 the two "
            "met at an air base.")
    assert [(m.start_date, m.city) for m in meetings_of(nlp, body)] == [(dt.date(2016, 1, 12), None)]


def test_talks_held_in_a_clause_of_their_own_under_a_promise(nlp):
    # "promised that his government would help ..., as he held talks with Macron": the "as" clause
    # is past, whatever the promise's "would" says about the future.
    body = ("PARIS, March 3 (Wire) - German Chancellor Angela Merkel promised on Thursday that her government "
            "would do all it could to help end the strikes, as she held talks with President Emmanuel Macron "
            "on her first visit to France since the election.")
    assert [m.start_date for m in meetings_of(nlp, body, lead="By Staff | 3 March 2022\n\n")] == [dt.date(2022, 3, 3)]


@pytest.mark.parametrize(
    "body",
    [
        # A meeting in doubt: the subject of "might come" is no report.
        "On 3 May 2019 a spokesman said the two leaders' first face-to-face encounter might come at the summit "
        "in Rome.",
        # Bodies, not the leaders: "the two governments sat down together" when Merkel met someone else.
        "The last time the two governments sat down together at the top level was in Lyon on 3 May 2019, when "
        "Merkel held talks with French Prime Minister Edouard Philippe during a joint session of the two cabinets.",
    ],
)
def test_meetings_in_doubt_or_of_others_are_none(nlp, body):
    assert meetings_of(nlp, body) == []


def test_year_headings_over_a_timeline_after_a_news_lead(nlp):
    # The lead's meeting is the newest; the entries below take their years from the year
    # headings, and "Feb 19th" (no year, missed by NER) still opens an entry.
    lead = ("By Staff | Published Sat 23 Jul 2016\n\n"
            "German Chancellor Angela Merkel was back in Paris yesterday for talks with French President "
            "Emmanuel Macron.\n\n")
    body = ("2012\n\n"
            "Nov. 27 — Merkel is received by Macron at the Elysee for talks on the budget.\n\n"
            "2014\n\n"
            "Feb 19th — Merkel flies to Lyon, where Macron hosts her for talks on energy.")
    found = meetings_of(nlp, body, lead=lead)
    assert [m.start_date for m in found] == [dt.date(2016, 7, 22), dt.date(2012, 11, 27), dt.date(2014, 2, 19)]


def test_an_afternoon_at_a_named_place_with_the_other_is_their_meeting(nlp):
    body = ("The last of the three came on Dec. 9, 2019, when Merkel spent an afternoon at Meseberg with Macron, "
            "Peter Schmidt and Ana Ruiz.\n\n"
            "Merkel has spent four years in a partnership with the French president.")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2019, 12, 9)]


@pytest.mark.parametrize(
    "body",
    [
        "Macron first travelled to Germany as president in January 2018, when he held talks with then-Chancellor "
        "Peter Schmidt.",
        "Merkel's previous visit to France dates back to December 2000, when she held talks with Jacques Laurent.",
    ],
)
def test_a_journey_to_the_others_country_for_talks_with_someone_else(nlp, body):
    assert meetings_of(nlp, body) == []


def test_a_courtesy_call_paid_by_someone_who_is_named_before_who(nlp):
    body = ("The most senior German to sit across from Macron in the Merkel years was Defence Minister Peter "
            "Schmidt, who paid a 75-minute courtesy call at the Elysee on the night of July 29, 2021.")
    assert meetings_of(nlp, body) == []


@pytest.mark.parametrize("summary", [
    "The two leaders met five times in three years, and nearly every encounter turned on trade.",
    "In two years Merkel sat down with Macron exactly twice, each time at somebody else's summit.",
    "Since then the two have met on several occasions.",
])
def test_a_summary_of_meetings_tells_none_of_them(nlp, summary):
    lead = "Published 4 June 2019\n\n" + LEAD
    body = f"Macron took office in May 2017. {summary}\n\nThey met again in Rome on 3 May 2019 and discussed energy."
    assert [m.start_date for m in meetings_of(nlp, body, lead=lead)] == [dt.date(2019, 5, 3)]


def test_list_items_told_through_a_title_and_an_event_that_came(nlp):
    # "the prince" is the crown prince; a meeting that "came with" a market's fall is no journey of anyone's.
    lead = ("French President Emmanuel Macron and Saudi Crown Prince Mohammed bin Salman have met often.\n\n"
            "No. 1 — Paris, 10 April 2018\n\nMacron hosted the crown prince at the Élysée for dinner.\n\n")
    body = ("No. 2 — Jeddah, 3 December 2021\n\nMacron met the prince at the Al-Salam Palace, with foreign ministers "
            "Jean-Yves Le Drian and Faisal bin Farhan at the table.\n\n"
            "No. 3 — Paris, 16 June 2023\n\nThe last meeting came with Wall Street in free fall. Mohammed bin Salman "
            "flew in from Jeddah and the two dined at the Élysée.\n\n")
    found = meetings_of(nlp, body, lead=lead, parties=("Emmanuel Macron", "Mohammed bin Salman"))
    assert [(m.ordinal, m.start_date) for m in found] == [
        (1, dt.date(2018, 4, 10)), (2, dt.date(2021, 12, 3)), (3, dt.date(2023, 6, 16))]


def test_a_release_with_a_breadcrumb_and_a_background_section(nlp):
    # The breadcrumb's month and the release's date line are no list of dated headings; "the two sides"
    # that signed after a principal's meeting with someone else were that meeting's.
    lead = ("Home > Media Centre > Press Releases > May 2022\n\nPRESS RELEASE\n\n"
            "German Chancellor Angela Merkel meets French President Emmanuel Macron\n\n"
            "Berlin, 2 May 2022 (Monday)\n\n")
    body = ("Chancellor Angela Merkel held talks with President Emmanuel Macron at the Federal Chancellery this afternoon. "
            "The two leaders discussed energy.\n\n"
            "On Sunday the Chancellor held a meeting with Premier Li Qiang, after which the two sides signed four "
            "agreements.\n\nBackground\n\n"
            "The two leaders met before on 14 July 2019 in Paris, where Macron hosted the Chancellor at the Élysée.\n\n")
    found = meetings_of(nlp, body, lead=lead)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2022, 5, 2), "Berlin"), (dt.date(2019, 7, 14), "Paris")]



@pytest.mark.parametrize(("sentence", "word"), [
    ("A week before the Brussels summit, Macron's adviser said trade would come first.", "summit"),
    ("Two days after meeting Macron, Merkel was in Warsaw for talks with Duda.", "meeting"),
])
def test_a_meeting_that_days_are_counted_from_is_not_told_there(nlp, sentence, word):
    from extract.lexicons import load_lexicons
    from extract.meetings.events import events
    from extract.people.mentions import Cast
    from extract.people.parties import principals

    lex = load_lexicons()
    doc = nlp(LEAD + sentence)
    cast = Cast.of(principals(doc, lex), lex)
    assert word not in [ev.token.text for ev in events(list(doc.sents)[-1], cast, lex)]


@pytest.mark.parametrize(("sentence", "found"), [
    ("Merkel attended the emergency summit in Brussels on 9 December 2019; Macron did not.", []),
    # a relative clause's "which Macron did not" tells of the ceremony only
    ("Scholz attended the ceremony, which Macron did not, and Merkel met Macron in Brussels on 9 December 2019.",
     [dt.date(2019, 12, 9)]),
])
def test_a_principal_who_did_not_leaves_the_other_alone(nlp, sentence, found):
    assert [m.start_date for m in meetings_of(nlp, sentence + "\n\n")] == found


def test_a_few_dated_sections_of_an_encyclopedia_make_no_list(nlp):
    # Two dated "[edit]" sections among five others head parts of the story, each of which may
    # tell several meetings; the meetings are read from the text, not one per dated heading.
    lead = ("France–Germany relations\n\nFrom Wikipedia, the free encyclopedia\n\n"
            "Historical background[edit]\n\nGerman Chancellor Angela Merkel and French President Emmanuel Macron worked closely.\n\n")
    body = ("2017 Berlin visit[edit]\n\nMacron arrived in Berlin on 15 May 2017 and was welcomed by Merkel.\n\n"
            "Return visit and 2018 contacts[edit]\n\nMerkel paid a return visit to Paris on 19 June 2017.\n\n"
            "The two leaders met again on 4 July 2018 in Trieste, on the sidelines of a summit.\n\n"
            "Trade links[edit]\n\nTrade grew.\n\nDefence cooperation[edit]\n\nBoth spent more.\n\nSee also[edit]\n\n"
            "References[edit]\n\n")
    found = meetings_of(nlp, body, lead=lead)
    assert [m.start_date for m in found] == [dt.date(2017, 5, 15), dt.date(2017, 6, 19), dt.date(2018, 7, 4)]


def test_a_gathering_attended_without_a_meeting_between_them_tells_none(nlp):
    body = ("Ahead of the EU summit in Brussels on 6 December 2022, Macron said he would stay away; Merkel "
            "predicted that he would come. Macron did attend, although no bilateral meeting with his host was reported.\n\n")
    assert meetings_of(nlp, body) == []


def test_a_meeting_told_after_its_dated_visit_takes_the_visit_s_date(nlp):
    # "He greeted her" names no day; the visit two sentences before does.
    body = ("That first visit, on 6 June 2023, set the tone. The agenda was energy. "
            "Macron greeted Merkel at the Élysée Palace in Paris as an old friend.\n\n")
    assert [m.start_date for m in meetings_of(nlp, body)] == [dt.date(2023, 6, 6)]


@pytest.mark.parametrize(("body", "found"), [
    # The post after the semicolon tells what was said, not how they met.
    ("On 30 March 2023 the pair met on the sidelines of a forum in Boao; Macron wrote afterwards on Facebook "
     "that they had covered trade.\n\n", [dt.date(2023, 3, 30)]),
    # A call before the semicolon stays a call.
    ("Macron spoke by telephone with Merkel on 30 March 2023; she hosted Putin in Berlin later.\n\n", []),
])
def test_a_post_after_a_meeting_leaves_the_meeting_in_person(nlp, body, found):
    assert [m.start_date for m in meetings_of(nlp, body)] == found


def test_a_timeline_entry_on_a_journey_on_to_a_third_country_is_no_meeting(nlp):
    body = (
        "08.10.2017 – Berlin\n"
        "Macron, on a two-day visit to Germany, is received by Merkel at the Chancellery.\n\n"
        "10.10.2017 – On to Warsaw\n"
        "Macron leaves Berlin for a state visit to Poland before flying home.\n\n"
        "21.09.2018 – New York\n"
        "Macron goes to the building where Merkel is attending a UN event, and the two talk for half an hour."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2017, 10, 8), "Berlin"), (dt.date(2018, 9, 21), "New York")]


def test_a_monarch_untitled_by_the_text_is_the_king(nlp):
    # "Felipe VI" carries a regnal number: "without the king" says he was not there.
    lead = "Prime Minister Rishi Sunak and Felipe VI have a long history.\n\n"
    body = ("12.03.2021 – Madrid\nSunak is received by Felipe VI at the Royal Palace.\n\n"
            "01.02.2023 – Madrid, without the king\nThe twelfth high-level meeting opens with Sunak at the head of his delegation.\n\n")
    found = meetings_of(nlp, body, lead=lead, parties=("Rishi Sunak", "Felipe VI"))
    assert [m.start_date for m in found] == [dt.date(2021, 3, 12)]


@pytest.mark.parametrize("body", [
    "The talks took place on Monday in Minsk, the German team headed by Defence Minister Boris Pistorius. "
    "Neither Merkel nor Macron sat at the table.\n\n",
    "Then came 7 October 2023, and the idea of Merkel hosting Macron in Berlin became unthinkable.\n\n",
    "On 7 October 2023 the prospect of meeting Macron in Berlin was all Merkel would discuss.\n\n",
])
def test_a_meeting_neither_held_nor_more_than_an_idea_is_none(nlp, body):
    assert meetings_of(nlp, body) == []


def test_speaking_alongside_the_other_is_a_meeting(nlp):
    # "speaking alongside X at the Elysee": side by side, in person; "spoke with" alone may be by phone.
    body = ("PARIS, March 28 (Wire) - Macron on Friday condemned the strikes as \"unacceptable\", speaking "
            "alongside German Chancellor Angela Merkel at the Elysee Palace.")
    found = meetings_of(nlp, body, lead="By Staff | 28 March 2025\n\n" + LEAD)
    assert [(m.start_date, m.city) for m in found] == [(dt.date(2025, 3, 28), "Paris")]


def test_timeline_entries_with_a_short_or_bracketed_weekday(nlp):
    # "Mon, 21 Nov 2011 — Strasbourg" and "2 December 2012 (Sunday) — Berlin" over their entries: the
    # weekday is no part of the label, and "Mon" is no one.
    body = (
        "Mon, 21 Nov 2011 — Strasbourg\n"
        "President Emmanuel Macron arrives by helicopter at the Palais Rohan, on his first trip to the city "
        "since 2000. He and Merkel spend the afternoon on the budget.\n\n"
        "2 December 2012 (Sunday) — Berlin\n"
        "On his way back from the United Nations, Macron stops in the German capital and sees the Chancellor, "
        "one of the routine visits that are rarely described in detail.\n\n"
        "5 Dec 2012 — phone call\n"
        "Merkel calls Macron about the euro."
    )
    found = meetings_of(nlp, body)
    assert [(m.start_date, m.city) for m in found] == [
        (dt.date(2011, 11, 21), "Strasbourg"), (dt.date(2012, 12, 2), "Berlin")]
