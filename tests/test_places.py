"""City, country and venues of a meeting, read from its sentences."""

from __future__ import annotations

import pytest

from extract.lexicons import load_lexicons
from extract.meetings.locatives import country_of
from extract.meetings.header_places import header_place
from extract.meetings.places import meeting_place
from extract.meetings.venue_towns import venue_towns

from .meeting_text import meetings_of


@pytest.mark.parametrize(
    ("text", "city", "country", "venues"),
    [
        ("They met at the Élysée Palace in Paris.", "Paris", "France", ["Élysée Palace"]),
        # A venue is not a city, even when NER calls it a place.
        ("They met at the Kremlin, Moscow, Russia.", "Moscow", "Russia", ["Kremlin"]),
        ("They met at the Kremlin, Moscow and the Bolshoi Theatre.", "Moscow", "Russia", ["Kremlin", "Bolshoi Theatre"]),
        # An island is neither: the city owning it is taken.
        ("The talks were held at the Capella Hotel on Singapore's Sentosa island.", "Singapore", "Singapore", ["Capella Hotel"]),
        ("They met in the Russian city of Kazan.", "Kazan", "Russia", []),
        ("They met at Villa La Grange in Geneva.", "Geneva", "Switzerland", ["Villa La Grange"]),
        # The English exonym GeoNames gives, not the spelling in the text.
        ("The talks were held in St Petersburg.", "Saint Petersburg", "Russia", []),
        # ... but a writer who leaves out GeoNames' accents keeps the spelling (English usage).
        ("They met at the Planalto Palace in Brasilia.", "Brasilia", "Brazil", ["Planalto Palace"]),
        ("They met at the Planalto Palace in Brasília.", "Brasília", "Brazil", ["Planalto Palace"]),
        # A town GeoNames lacks: its country from the region beside it.
        ("They met in Nusa Dua, on the Indonesian island of Bali.", "Nusa Dua", "Indonesia", []),
        ("They met in Mamallapuram, a port town south of Chennai.", "Mamallapuram", "India", []),
        # An island GeoNames knows only as a town elsewhere (Bali, Cameroon).
        ("They met on the sidelines of the G20 summit in Bali.", "Bali", "Indonesia", []),
        ("They strolled along the East Lake in Wuhan.", "Wuhan", "China", []),
        # A city state, and a state's great namesake city, are cities after "in".
        ("When they met in Singapore on Nov. 14, they agreed.", "Singapore", "Singapore", []),
        ("Their next meeting was in New York on the sidelines of the assembly.", "New York", "United States", []),
        # A seat of government names its city; the dateline only says where the story was filed.
        ("TOKYO — The two leaders agreed at the Kremlin on Tuesday.", "Moscow", "Russia", ["Kremlin"]),
        ("GENEVA, June 16 -- The leaders met for three hours.", "Geneva", "Switzerland", []),
        # A place denied, a source after "according to", a possessive before a name, a town
        # described by a building word, and a building "called" by its name.
        ("He chose to receive her not in Tokyo but in Nagato, at an inn called Otani Sanso.", "Nagato", "Japan", ["Otani Sanso"]),
        ("According to the White House, they met at the Kremlin.", "Moscow", "Russia", ["Kremlin"]),
        ("She was received at his Sirius Hill residence in Sochi.", "Sochi", "Russia", ["Sirius Hill"]),
        ("She flew to the Black Sea resort of Sochi.", "Sochi", "Russia", []),
        # An apposition calls the name a building; the side of a town it stands on names the town.
        ("They met at Tongilgak, the building on the northern side of Kaesong.", "Kaesong", None, ["Tongilgak"]),
        # A building GeoNames knows only by a foreign city's translated name is no city.
        ("They met before he entered the White House.", None, None, []),
        ("They met in Woodside, California, south of San Francisco.", "Woodside", "United States", []),
        # A US state after a city picks the American one, listed by GeoNames or not.
        ("She flew to Palm Beach, Florida, for dinner at the Mar-a-Lago resort.", "Palm Beach", "United States", ["Mar-a-Lago resort"]),
        # Only small towns under the name: the great city known by it; "flew into" a city.
        ("She flew into Hanover for talks at Herrenhausen Palace.", "Hannover", "Germany", ["Herrenhausen Palace"]),
        # A timeline entry's city in capitals, which NER reads into the date.
        ("July 8, 2017 - HAMBURG. Abe and Xi meet at the G20 summit in Germany.", "Hamburg", "Germany", []),
        ("Nov. 11, 2017 - DA NANG. At the APEC summit in Vietnam, Xi meets Abe.", "Da Nang", "Vietnam", []),
        # A town GeoNames lacks, then the region it lies in: the town is the city.
        ("On 10 June 2021 in Carbis Bay, Cornwall, the two men sat down.", "Carbis Bay", "United Kingdom", []),
        ("They met in Nusa Dua, Bali, on the sidelines of the G20.", "Nusa Dua", "Indonesia", []),
        ("They met in Paris, France, on Monday.", "Paris", "France", []),
        # ... or one GeoNames knows only in other countries
        ("The leaders gathered at Blenheim Palace in Woodstock, Oxfordshire.", "Woodstock", "United Kingdom", ["Blenheim Palace"]),
        # More seats of government.
        ("The President welcomed the Prime Minister to Malacañan Palace on Friday.", "Manila", "Philippines", ["Malacañan Palace"]),
        ("The two held their first meeting at Bogor Palace south of the capital.", "Bogor", "Indonesia", ["Bogor Palace"]),
        # A list of places stops where the people start.
        ("At the G20 in Buenos Aires, Trudeau, Trump and Mexico's president signed.", "Buenos Aires", "Argentina", []),
        # Where a journey started is not where they met, however the parse hangs it.
        ("On 15 July, flying back from the Bastille Day parade in Paris, Modi spent a day in Abu Dhabi.",
         "Abu Dhabi", "United Arab Emirates", []),
        ("Stopping on his way home from the summit in Germany, Modi met him in Abu Dhabi.",
         "Abu Dhabi", "United Arab Emirates", []),
        # Landmarks name their city.
        ("On 9 May 2015 the two stood together on Red Square.", "Moscow", "Russia", []),
        # A date after "in" is no place: "In February 2014 Abe travelled".
        ("In February 2014 Abe held talks with him.", None, None, []),
        # A large city a journey goes to, whatever NER calls it (a person, a people) ...
        ("In February 2014 Abe travelled to Sochi for the Winter Olympics.", "Sochi", "Russia", []),
        ("On 6 May 2016 Abe flew to Sochi again for an informal summit.", "Sochi", "Russia", []),
        # A particle hyphened to the next word belongs to the name.
        ("The two first met in Sharm el-Sheikh, Egypt, on 7 November.", "Sharm el-Sheikh", "Egypt", []),
        # ... not a person one writes to.
        ("Abe wrote to Putin in May and met him later.", None, None, []),
        # ... but being back somewhere is being there.
        ("Trudeau was back at the White House on October 11.", "Washington", "United States", ["White House"]),
        # Small towns where summits meet (GeoNames' places of 5,000 people and more).
        ("The two leaders met in Davos in January 2018.", "Davos", "Switzerland", []),
        ("The G7 leaders gathered in Taormina, Sicily, in May 2017.", "Taormina", "Italy", []),
        # ... but a great city is not given up for a namesake town in a country the sentence names.
        ("The pair sat down at Winfield House, the U.S. ambassador's residence in London, on 3 December.", "London",
         "United Kingdom", ["Winfield House"]),
    ],
)
def test_meeting_place(nlp, text, city, country, venues):
    place = meeting_place([nlp(text)[:]], load_lexicons())
    assert (place.city, place.country, place.venues) == (city, country, venues)


def test_city_from_the_occasion_name(nlp):
    doc = nlp("They met on the sidelines of the Paris Summit on Climate Change.")
    occasion = doc[7:12]
    assert occasion.text == "Paris Summit on Climate Change"
    place = meeting_place([doc[:]], load_lexicons(), occasion=occasion)
    assert (place.city, place.country) == ("Paris", "France")


@pytest.mark.parametrize(("name", "country"), [("Moscow", "Russia"), ("the United States", "United States"), ("California", "United States"), ("Qwertyville", None)])
def test_country_of(name, country):
    assert country_of(name, load_lexicons()) == country


def test_place_evidence_slices_the_text(nlp):
    [m] = meetings_of(nlp, "On 3 May 2019, Merkel and Macron met at the Élysée Palace in Paris.")
    text = "German Chancellor Angela Merkel and French President Emmanuel Macron have met often.\n\n" + "On 3 May 2019, Merkel and Macron met at the Élysée Palace in Paris."
    for field in ("city", "venues", "start_date"):
        span = m.evidence[field]
        assert text[span.start : span.end] == span.text
    assert m.evidence["city"].text == "Paris"


def test_a_city_standing_for_its_government_is_no_place_of_the_meeting(nlp):
    doc = nlp("The breakthrough had come seven weeks earlier, in Brussels. On 20 October, shortly before the start of "
              "a summit, the three leaders sat down together and agreed to drop MidCat, a long-stalled gas pipeline "
              "through the Pyrenees that Madrid and Berlin had championed and Paris had resisted.")
    first, told = list(doc.sents)
    place = meeting_place([told, first], load_lexicons())
    assert (place.city, place.country) == ("Brussels", "Belgium")


@pytest.mark.parametrize(
    ("heading", "cities"),
    [
        ("Meseberg, June 2018", ["Meseberg"]),  # a town GeoNames may lack still counts
        ("Explainer — 17 October 2021", []),  # the kind of piece is no place
        ("Thursday, June 27, 2019 | Osaka", ["Osaka"]),  # nor is the date's weekday
        ("MONTREAL — 6 June 2017", ["Montreal"]),
        ("6 July 2017 — Hotel Atlantic, Hamburg", ["Hamburg"]),  # a venue word first: the hotel, not a town  # capitals, no accent: GeoNames' case, the writer's letters
    ],
)
def test_the_place_a_heading_names(nlp, heading, cities):
    found, _ = header_place(nlp(heading)[:], load_lexicons())
    assert [c for _, _, c, _ in found] == cities


@pytest.mark.parametrize(
    ("heading", "city", "country"),
    [
        # A town GeoNames lacks takes its country from the place the heading names after it.
        ("8-9 June 2018 — La Malbaie, Quebec", "La Malbaie", "Canada"),
        ("May 2017 — Taormina, Sicily", "Taormina", "Italy"),
        # ... and a town GeoNames knows only elsewhere is the one in the state or country named after it.
        ("No. 4 — March 3, 2023 — Mar-a-Lago, Palm Beach, Florida", "Palm Beach", "United States"),
        ("12 May 2019 — Bali, Indonesia", "Bali", "Indonesia"),
        ("12 May 2019 — Bali", "Bali", "Indonesia"),
    ],
)
def test_a_heading_town_placed_by_the_next_part(nlp, heading, city, country):
    doc = nlp(heading + "\nThe two leaders met on the margins of the summit and talked about Iran and Ukraine.")
    header, body = doc.char_span(0, len(heading)), doc.char_span(len(heading) + 1, len(doc.text))
    place = meeting_place([body], load_lexicons(), header=header)
    assert (place.city, place.country) == (city, country)


def test_a_language_is_no_place(nlp):
    # "speaking in Hindi": the language a leader spoke in, not where the meeting was.
    text = ("MUMBAI, Oct 9 (Agency) - Starmer and Modi held talks on trade on Thursday, Modi told reporters, "
            "speaking in Hindi.")
    place = meeting_place(list(nlp(text).sents), load_lexicons())
    assert place.city == "Mumbai"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # Talks with someone else have their own place; the principals met in the other one.
        ("A week after talks with Chinese Premier Li Qiang at Tianjin, Merkel went to the port of Hamburg "
         "to see Macron.", "Hamburg"),
        ("Merkel, fresh from a dinner with Joe Biden in Washington, met Macron in the city of Lyon.", "Lyon"),
        # ... but talks with a principal are the meeting's.
        ("A week after talks with Macron in Tianjin, Merkel went home.", "Tianjin"),
        ("On 3 May the two met in Hamburg together with Joe Biden.", "Hamburg"),
    ],
)
def test_a_place_of_talks_with_someone_else_is_not_the_meeting_place(nlp, text, city):
    place = meeting_place([nlp(text)[:]], load_lexicons(), principals=frozenset({"Angela", "Merkel", "Emmanuel", "Macron"}))
    assert place.city == city


def test_a_building_placed_once_and_then_named_bare(nlp):
    # The article places the palace in its town once; "at Miraflores" later is the palace, not
    # the Peruvian town of that name.
    doc = nlp("Their first talks were at the Miraflores Palace in Caracas in May.\n\n"
              "In June they met at Miraflores again.")
    place = meeting_place([list(doc.sents)[-1]], load_lexicons())
    assert (place.city, place.country, place.venues) == ("Caracas", "Venezuela", ["Miraflores"])


@pytest.mark.parametrize(
    ("heading", "prose", "city"),
    [
        # A heading's venue the prose places in its town: the town, not the venue, is the city.
        ("4) 8 June 2023 — Casa Verde, Putrajaya", "Anwar received Widodo at Casa Verde, the prime minister's "
         "official residence in Putrajaya, for talks on the border.", "Putrajaya"),
        # A month after a venue is no town.
        ("Thornbury Manor, October 2019", "The third meeting, on Thursday 10 October 2019, was held at Thornbury "
         "Manor, a country house hotel.", None),
    ],
)
def test_a_heading_venue_the_prose_places(nlp, heading, prose, city):
    doc = nlp(heading + "\n\n" + prose)
    header, body = doc.char_span(0, len(heading)), doc.char_span(len(heading) + 2, len(doc.text))
    assert meeting_place([body], load_lexicons(), header=header).city == city


def test_a_seat_of_government_names_its_city(nlp):
    doc = nlp("Santos returned to Miraflores Palace on 28 November 2011 for talks with Chávez.")
    place = meeting_place([doc[:]], load_lexicons())
    assert (place.city, place.country, place.venues) == ("Caracas", "Venezuela", ["Miraflores Palace"])


def test_a_city_keeps_the_writer_s_accents_and_apostrophe(nlp):
    body = ("On 1 June 2023 Merkel and Macron met in Chișinău for a summit.\n\n"
            "On 8 May 2024 Merkel and Macron met again in Xi'an, at a museum.")
    assert [m.city for m in meetings_of(nlp, body)] == ["Chișinău", "Xi'an"]


def test_a_city_name_ner_cut_short_is_read_whole(nlp):
    # NER keeps only "Colonia" (Cologne's Spanish name); the whole name is a Uruguayan city.
    from extract.meetings.locatives import place_names

    doc = nlp("The two presidents dined at an estate near Colonia del Sacramento. Both flew home the next day.")
    assert [p.text for p in place_names(list(doc.sents)[0], load_lexicons())] == ["Colonia del Sacramento"]


def test_a_place_in_what_the_meeting_came_after_is_not_its_place(nlp):
    # "since X shut the crossings near the city of Y": Y is where the rift began, not where they met.
    doc = nlp("LIMA, May 4 (Wire) - The two presidents held talks in the Peruvian capital on Monday. "
              "It was their first encounter since Ruiz ordered the border crossings near the city of Tacna shut in March.")
    place = meeting_place(list(doc.sents), load_lexicons())
    assert (place.city, place.country) == ("Lima", "Peru")


def test_a_city_urged_to_act_is_its_government(nlp):
    # "urging Paris to speed up the works": the French government, not a place the two were in.
    doc = nlp("FARO, Portugal, Oct 23 (Wire) - The two prime ministers held their summit on Wednesday. "
              "They also signed a letter urging Paris to speed up the rail works at the border.")
    place = meeting_place(list(doc.sents), load_lexicons())
    assert (place.city, place.country) == ("Faro", "Portugal")


def test_a_month_after_a_building_is_not_its_town(nlp):
    # "at Dushanbe airport in March 2018" places no building called "Dushanbe" in a town "March".
    doc = nlp("Merkel and Macron at Dushanbe airport in March 2018.\n\n"
              "On 9 March 2018, in Dushanbe, Merkel and Macron held talks.")
    assert "Dushanbe" not in venue_towns(doc, load_lexicons())
    place = meeting_place(list(doc.sents)[1:], load_lexicons())
    assert (place.city, place.country) == ("Dushanbe", "Tajikistan")


@pytest.mark.parametrize(
    ("heading", "city", "venue"),
    [
        ("1) State House Entebbe — Friday, 22 August 2014", "Entebbe", "State House Entebbe"),
        # A venue word opening a name leaves it whole: the town is the part after the comma.
        ("6 July 2017 — Hotel Atlantic, Hamburg", "Hamburg", "Hotel Atlantic"),
    ],
)
def test_a_heading_s_building_then_town(nlp, heading, city, venue):
    doc = nlp(heading)
    found, rooms = header_place(doc[:], load_lexicons())
    assert found[0][2] == city
    assert venue in [doc.text[a:b] for a, b in rooms]


def test_where_a_statement_was_issued_is_no_place_of_the_meeting(nlp):
    doc = nlp("Merkel met Macron on the margins of the summit today.\n\nIn a statement issued in Kingston, "
              "the Office of the Prime Minister of Jamaica said the meeting had been warm.")
    place = meeting_place(list(doc.sents), load_lexicons())
    assert (place.city, place.venues) == (None, [])


def test_a_venue_the_parse_ran_into_its_subject_and_a_place_of_something_else(nlp):
    # "In the Oval Office Obama raises ...": the venue is the Oval Office (so Washington), not
    # "Oval Office Obama"; "jailed since March in Veracruz" is where the reporters were jailed.
    lead = "U.S. President Barack Obama and Mexican President Enrique Peña Nieto met several times.\n\n"
    body = ("Tuesday, Jan. 6, 2015 — Peña Nieto's first White House visit as president. In the Oval Office Obama "
            "raises the reporters jailed since March in Veracruz. \"We are your friends,\" he says.\n\n"
            "March 7, 2016 — In an interview, Peña Nieto likens the campaign to the 1930s.")
    [m] = meetings_of(nlp, body, lead=lead, parties=("Barack Obama", "Enrique Peña Nieto"))
    assert (m.city, m.venues) == ("Washington", ["Oval Office"])
