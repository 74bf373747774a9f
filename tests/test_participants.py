"""Participants: the principals first, then the people a sentence says took part."""

from __future__ import annotations

import pytest

from .meeting_text import meetings_of


@pytest.mark.parametrize(
    ("body", "others"),
    [
        (
            "On 3 May 2019, Merkel and Macron met in Paris. Taking part in the meeting on the French side "
            "were Foreign Minister Jean-Yves Le Drian, Presidential Adviser Alexis Kohler and Finance Minister Bruno Le Maire.",
            {"Jean-Yves Le Drian", "Alexis Kohler", "Bruno Le Maire"},
        ),
        # A scraped typo glues "and" to a name: "Kohlerand Special Envoy ...".
        (
            "On 3 May 2019, Merkel and Macron met in Paris. Taking part were Chief of Staff Alexis "
            "Kohlerand\u00a0Special Envoy for Syria Jean Dupont.",
            {"Alexis Kohler", "Jean Dupont"},
        ),
        (
            "On 3 May 2019, Merkel and Macron met in Paris. Macron was accompanied by Foreign Minister Heiko Maas.",
            {"Heiko Maas"},
        ),
        # Named, but not as taking part.
        (
            "On 3 May 2019, Merkel and Macron met in Paris. Defence Minister Ursula von der Leyen said that "
            "the talks had gone well.",
            set(),
        ),
        # Someone meeting together with the principals, joined to one of them by "and".
        (
            "On 8 July 2017, Merkel and Italian Prime Minister Paolo Gentiloni sat down with Macron in Hamburg.",
            {"Paolo Gentiloni"},
        ),
        # A host greeting the two does not take part.
        (
            "On 8 July 2017, Swiss President Guy Parmelin welcomed Merkel and Macron in Geneva, where they met.",
            set(),
        ),
    ],
)
def test_participants(nlp, body, others):
    [m] = meetings_of(nlp, body)
    assert m.participants[:2] == ["Angela Merkel", "Emmanuel Macron"]
    assert set(m.participants[2:]) == others


def test_a_title_only_one_principal_holds_names_that_principal(nlp):
    from extract.lexicons import load_lexicons
    from extract.people.mentions import Cast
    from extract.people.parties import principals

    lex = load_lexicons()
    doc = nlp("German Chancellor Angela Merkel met French President Emmanuel Macron in Paris.\n\n"
              "The chancellor later met the president again. The leader left.")
    cast = Cast.of(principals(doc, lex), lex)
    later = list(doc.sents)[1]
    assert cast.mentioned(later) == ["Angela Merkel", "Emmanuel Macron"]
    assert cast.by_title(later[:2]) == "Angela Merkel"
