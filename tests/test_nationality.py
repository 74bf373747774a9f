"""Which country each principal stands for, read from the text when nobody says it outright."""

from __future__ import annotations

import pytest

from extract.meetings import nationality
from extract.people import parties
from extract.lexicons import load_lexicons
from extract.people.mentions import Cast
from extract.text.sentences import Layout

LEX = load_lexicons()


def countries(nlp, text):
    doc = nlp(text)
    cast = Cast.of(parties.principals(doc, LEX), LEX)
    return nationality.infer(doc, cast, Layout(doc), LEX)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A traveller is not from his own verb's destination, but may be from a country the
        # sentence names elsewhere ("the first sitting US president").
        ("Lee and Diaz to meet\n\nPresident Ann Lee will travel to Cuba on March 21, the first sitting "
         "US president to do so. Lee said so, and Carlos Diaz agreed.\n\nThe talks were the first between a US president and a "
         "Cuban leader since 1956, and Diaz said so.",
         {"Ann Lee": "United States", "Carlos Diaz": "Cuba"}),
        # A host at a seat of government is from its country; the guest who flew there is not.
        ("Lee and Diaz meet\n\nAnn Lee welcomed Carlos Diaz to the White House on March 21. Lee said so.\n\n"
         "Diaz flew to the Kremlin in May, and Diaz said so.",
         {"Ann Lee": "United States", "Carlos Diaz": None}),
    ],
)
def test_traveller_country(nlp, text, expected):
    found = countries(nlp, text)
    assert found == expected


def test_travellers_to_the_two_framing_countries(nlp):
    # Nobody is described by nationality, but the article is framed by two countries and each
    # principal travels to one of them: each is from the other.
    text = (
        "Germany and Russia: a long relationship\n\n"
        "Relations between Germany and Russia were close for years, and trade between Germany and "
        "Russia grew. Ana Weber and Ivan Sokolov dealt with each other for a decade.\n\n"
        "Sokolov came to Germany on 18 August 2018 for talks.\n\n"
        "Weber's last visit to Russia took place on 20 August 2021."
    )
    assert countries(nlp, text) == {"Ivan Sokolov": "Russia", "Ana Weber": "Germany"}


def test_the_country_of_a_role_is_no_destination(nlp):
    # "came to Washington as China's vice-president" goes to the United States, not to China.
    text = (
        "Ann Lee and Wu Bo: their meetings\n\n"
        "China and the United States have argued for years; China wants respect and the United States "
        "wants trade. China and the United States still talk.\n\n"
        "Before he was president, Wu Bo came to Washington as China's vice-president. Ann Lee received him. "
        "Lee said so, and Wu agreed.\n\n"
        "Wu later stopped in California for talks with Lee."
    )
    assert countries(nlp, text) == {"Wu Bo": "China", "Ann Lee": "United States"}


def test_a_description_of_someone_else_the_paragraph_names_votes_for_nobody(nlp):
    # "The Uruguayan president" is Uruguay's Luis Lacalle Pou, not Lula, the one principal named.
    text = ("Lula and Milei have not met\n\n"
            "Javier Milei skipped the summit. Milei said so. Luiz Inácio Lula da Silva went. Lula said so.\n\n"
            "In Asunción, Lula sat down with Paraguay's Santiago Peña and Uruguay's Luis Lacalle Pou. The "
            "Uruguayan president did not hide his irritation.")
    assert countries(nlp, text)["Luiz Inácio Lula da Silva"] != "Uruguay"
