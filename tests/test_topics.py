"""Topics: labels of the topic lexicon raised where the section reports the meeting's talk."""

from __future__ import annotations

import pytest

from extract.lexicons import load_lexicons
from extract.meetings.topics import topics

from .meeting_text import meetings_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They discussed sanctions and the war in Ukraine.", ["sanctions", "Ukraine"]),
        ("The sanction regime was raised.", ["sanctions"]),  # a single word by its lemma
        # The longest trigger wins: these restrictions are sanctions, not trade.
        ("He said the economic restrictions would be lifted.", ["sanctions"]),
        # A demonym in a title names a person, not a topic.
        ("Iranian President Hassan Rouhani joined them.", []),
        # An all-capitals trigger matches only in capitals.
        ("They exchanged views on the situation in the ME. Give me a break.", ["Middle East"]),
        ("They agreed on military coordination and a hotline to avoid accidental clashes.", ["military coordination"]),
        ("Both sides regarded terrorism as a threat along the border.", ["terrorism", "border dispute"]),
        # Labels of other leaders' agendas, in plain words.
        ("They discussed the disputed islands and economic cooperation.", ["territorial dispute", "economic cooperation"]),
        ("She said Britain would leave the European Union and guarantee the rights of EU citizens.", ["Brexit", "citizens' rights"]),
        ("He warned against chemical weapons and election meddling.", ["chemical weapons", "election interference"]),
        ("They agreed to reduce tension and halt missile tests, and to sign a peace treaty.", ["military tension", "missiles", "peace treaty"]),
        ("They spoke about refugees and human rights.", ["migration", "human rights"]),
    ],
)
def test_topics_in_sentences(nlp, text, expected):
    assert topics(list(nlp(text).sents), load_lexicons())[0] == expected


def test_topic_inside_a_name_is_no_topic(nlp):
    doc = nlp("They met on the sidelines of the Paris Summit on Climate Change.")
    assert topics([doc[:]], load_lexicons(), skip=((doc[7].idx, doc[11].idx + len(doc[11])),))[0] == []


def test_principals_own_countries_are_not_topics(nlp):
    assert topics([nlp("They spoke of Turkey and Syria.")[:]], load_lexicons(), exclude={"Turkey"})[0] == ["Syria"]


def test_calls_and_third_party_meetings_add_no_topics(nlp):
    body = (
        "On 3 May 2019, Merkel and Macron met in Paris. They discussed trade.\n\n"
        "On 1 May they spoke over the phone, discussing Taiwan.\n\n"
        "A day earlier Macron met with Italian Prime Minister Giuseppe Conte to discuss migration and Libya."
    )
    [m] = meetings_of(nlp, body)
    assert m.topics == ["trade"]


def test_later_events_in_the_section_add_no_topics(nlp):
    body = (
        "On 3 May 2019, Merkel and Macron met in Paris. They discussed trade.\n\n"
        "The thaw was soon tested. On 19 December 2019, a Libyan militia attacked the embassy."
    )
    [m] = meetings_of(nlp, body)
    assert m.topics == ["trade"]
