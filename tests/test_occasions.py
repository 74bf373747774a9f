"""Format (sidelines, visit, neither), visitor and occasion of a meeting."""

from __future__ import annotations

import pytest

from .meeting_text import meetings_of


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Sidelines wherever the event is, whoever travelled.
        (
            "On 29 June 2019, Merkel and Macron met on the sidelines of the G20 summit in Osaka, Japan.",
            ("sidelines", None, "G20 summit", "Osaka", "Japan"),
        ),
        (
            "On 11 July 2018, Merkel and Macron held talks during the NATO summit in Brussels.",
            ("sidelines", None, "NATO summit", "Brussels", "Belgium"),
        ),
        (
            "On 10 October 2016, Merkel came to Paris for the World Energy Congress and met Macron.",
            ("sidelines", None, "World Energy Congress", "Paris", "France"),
        ),
        # A lower-case adjective before the name, and a dash inside it.
        (
            "On 27 July 2023, Merkel came to Moscow for the second Russia–Africa Summit and met Macron.",
            ("sidelines", None, "Russia–Africa Summit", "Moscow", "Russia"),
        ),
        # Two countries' own summit is no gathering of many.
        (
            "On 10 March 2023, Merkel flew to Paris for the annual Germany-France summit with Macron.",
            ("visit", "Angela Merkel", None, "Paris", "France"),
        ),
        # A visit: the meeting's city is one principal's country, the other came.
        (
            "On 3 May 2019, Merkel and Macron met at the Élysée Palace in Paris.",
            ("visit", "Angela Merkel", None, "Paris", "France"),
        ),
        (
            "On 3 May 2019, Macron flew to Berlin for talks with Merkel at the Chancellery.",
            ("visit", "Emmanuel Macron", None, "Berlin", "Germany"),
        ),
        (
            "On 9 May 2019, Merkel and Macron met in Paris on the commemoration of Armistice Day.",
            ("visit", "Angela Merkel", "Armistice Day", "Paris", "France"),
        ),
        (
            "On 6 June 2016, Merkel and Macron met in Berlin and commemorated 25 years of French and German relations.",
            ("visit", "Emmanuel Macron", "25 years of French and German relations", "Berlin", "Germany"),
        ),
        (
            "On 22 January 2023, Macron received Merkel in Paris on the 60th anniversary of the Elysee Treaty.",
            ("visit", "Angela Merkel", "60th anniversary of the Elysee Treaty", "Paris", "France"),
        ),
        # An indefinite article before the event's name; a short form after the full name was hosted.
        (
            "On 15 September 2022, Merkel and Macron met on the sidelines of a Shanghai Cooperation Organisation summit in Samarkand.",
            ("sidelines", None, "Shanghai Cooperation Organisation summit", "Samarkand", "Uzbekistan"),
        ),
        (
            "In August 2019, Macron hosted the Group of Seven summit in Biarritz. On 25 August 2019, Merkel and Macron "
            "met on the sidelines of the summit.",
            ("sidelines", None, "Group of Seven summit", "Biarritz", "France"),
        ),
        # The event after "the opening of"; an event in a plan of something else is no occasion.
        (
            "On 4 February 2022, Merkel travelled to Paris for the opening of the Winter Olympics and met Macron.",
            ("sidelines", None, "Winter Olympics", "Paris", "France"),
        ),
        (
            "On 20 June 2019, Macron came to Berlin for talks with Merkel, who said she would raise it when she "
            "met Xi at the G20 summit the following week.",
            ("visit", "Emmanuel Macron", None, "Berlin", "Germany"),
        ),
        # A stand-alone summit in a third country: neither.
        (
            "On 16 June 2021, Merkel and Macron met in Geneva for their first summit since the election.",
            (None, None, None, "Geneva", "Switzerland"),
        ),
    ],
)
def test_format_visitor_occasion(nlp, body, expected):
    [m] = meetings_of(nlp, body)
    got = (m.format.value if m.format else None, m.visitor, m.occasion, m.city, m.country)
    assert got == expected


def test_short_name_of_an_event_named_in_full_earlier(nlp):
    body = (
        "In May 2016, Merkel spoke at the Eastern Economic Forum in Vladivostok.\n\n"
        "On 10 September 2018, Merkel and Macron met on the sidelines of the Vladivostok forum."
    )
    [m] = meetings_of(nlp, body)
    assert (m.format.value, m.occasion) == ("sidelines", "Eastern Economic Forum")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a heading's parenthesised gathering
        ("1. Elmau, Bavaria — June 26, 2022 (G7 Elmau)\n\nMerkel and Macron met before the leaders' dinner at "
         "the castle.\n\n2. Paris — May 3, 2023\n\nMerkel visited Macron at the Elysee and they held talks.",
         ("sidelines", "G7 Elmau")),
        # the gathering the text under the heading opens on
        ("1. Villers-Cotterets, France — October 4, 2024\n\nThe Francophonie summit opened at the chateau, and "
         "Merkel was among the leaders Macron greeted on the steps.\n\n"
         "2. Berlin — May 3, 2025\n\nMacron visited Merkel at the Chancellery and they held talks.",
         ("sidelines", "Francophonie summit")),
        # ... also when the parse hangs the opening clause under a later one across a semicolon
        ("1. Paris, 10-11 February 2025\n\nThe Paris Innovation Summit at the Grand Palais was one of Merkel's last "
         "trips abroad as chancellor; she had announced her resignation in January. Macron greeted Merkel on the steps.\n\n"
         "2. Berlin — May 3, 2025\n\nMacron visited Merkel at the Chancellery and they held talks.",
         ("sidelines", "Paris Innovation Summit")),
        # a named gathering a principal attended
        ("1. Paris — Nov. 11, 2018\n\nThe centenary of the war's end. Merkel joined dozens of leaders at the "
         "Arc de Triomphe and then attended the first Paris Peace Forum, an initiative of Macron's. Macron greeted Merkel on the steps.\n\n"
         "2. Berlin — May 3, 2019\n\nMacron visited Merkel at the Chancellery and they held talks.",
         ("sidelines", "Paris Peace Forum")),
        # "they" are people too
        ("1. Paris — Nov. 11, 2018\n\nMerkel and Macron walked to the Arc de Triomphe together, and then they attended "
         "the first Paris Peace Forum. Macron greeted Merkel on the steps.\n\n"
         "2. Berlin — May 3, 2019\n\nMacron visited Merkel at the Chancellery and they held talks.",
         ("sidelines", "Paris Peace Forum")),
        # ... by a person: a country hosting a summit days later names no gathering they met at
        ("1. Brégançon — August 19, 2019\n\nThe host met Merkel at the fort, days before France hosted a G7 summit "
         "in Biarritz.\n\n2. Berlin — May 3, 2020\n\nMacron visited Merkel at the Chancellery and they held talks.",
         ("visit", None)),
        # ... but not their own summit
        ("1. Thursday 10 July 2025 — Paris\n\nThe first Germany-France summit since 2023 begins at the Elysee, "
         "where Macron greets Merkel on the doorstep.\n\n2. Berlin — May 3, 2026\n\nMacron visited Merkel at the "
         "Chancellery and they held talks.", ("visit", None)),
        ("1. Berlin — June 29, 2017\n\nTheir first summit took place in Berlin. Merkel hosted a dinner for Macron.\n\n"
         "2. Paris — May 3, 2018\n\nMerkel visited Macron at the Elysee and they held talks.", ("visit", None)),
    ],
    ids=["heading-parenthesis", "opening-subject", "opening-subject-semicolon", "attended", "attended-by-they",
         "hosted-by-a-country", "two-countries-summit", "their-own-summit"],
)
def test_the_gathering_a_listed_meeting_opens_on(nlp, body, expected):
    m = meetings_of(nlp, body)[0]
    assert (m.format, m.occasion) == expected


@pytest.mark.parametrize(
    ("body", "visitor"),
    [
        # Hosting tells who came, wherever the place is (a house GeoNames lacks, a passive).
        ("On 29 June 2020, Merkel hosted Macron at Schloss Meseberg for talks on the recovery fund.", "Emmanuel Macron"),
        ("On 20 August 2020, Merkel was received by Macron at the Fort de Brégançon for talks.", "Angela Merkel"),
    ],
)
def test_the_one_hosted_is_the_visitor(nlp, body, visitor):
    [m] = meetings_of(nlp, body)
    assert (m.format.value if m.format else None, m.visitor) == ("visit", visitor)


@pytest.mark.parametrize(
    "body",
    [
        "On 20 June 2023, Macron received Merkel at the Elysee, where she was lobbying for Germany's bid for the "
        "2030 World Climate Summit before the committee.",
        "On 20 June 2023, Merkel flew to Paris for talks with Macron, who promised French backing for a German "
        "summit on AI safety.",
        # held before the summit, not at it
        "On 2 September 2024, Merkel arrived in Paris for a state visit ahead of the 2024 Paris Climate Summit and "
        "was received by Macron.",
        # a trip "next year" is a plan, not this meeting's occasion
        "On 20 June 2023, Merkel flew to Paris for talks with Macron. Merkel said she looked forward to "
        "travelling to Marseille for the Mediterranean Summit next year.",
    ],
    ids=["bid-for", "backing-for", "ahead-of", "next-year"],
)
def test_a_gathering_something_is_for_is_no_occasion(nlp, body):
    [m] = meetings_of(nlp, body)
    assert (m.format.value if m.format else None, m.occasion) == ("visit", None)


def test_a_gathering_named_after_its_head_word(nlp):
    # "a summit of the <Name>": the head word comes before the name; still a gathering.
    body = ("On 15 September 2022, Merkel and Macron held talks in Tashkent, at a summit of the Eurasian Trade "
            "Organisation.")
    [m] = meetings_of(nlp, body)
    assert (m.format.value if m.format else None, m.occasion) == ("sidelines", "Eurasian Trade Organisation")
