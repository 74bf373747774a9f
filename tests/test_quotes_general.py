"""Quote rules for article styles beyond the seed corpus, on short hand-written texts.

Every case is invented; each covers one general rule (a pronoun between two leaders, British
single marks, honorifics, organisations as sources, relayed speech, the extent of a reported
clause, the writer's own quoted words).
"""

from __future__ import annotations

import pytest

from extract.quotes.cues import subject_of

from .test_quotes import LOPEZ, brief, quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of saying under a modal is no report: the outer verb's clause is the quote
        (LOPEZ + "Lopez said Peru must first acknowledge that the border was closed.",
         [("indirect", "Peru must first acknowledge that the border was closed", "Maria Lopez")]),
        # a dashed aside the parse takes for the verb: the finite predicate after it still counts
        (LOPEZ + "Lopez said that Chile's position — settle the border first, then trade — had not changed.",
         [("indirect", "Chile's position — settle the border first, then trade — had not changed", "Maria Lopez")]),
        # an inverted attribution after a colon: the content starts after the colon
        (LOPEZ + "Lopez drew a line on trade: any new tariff would be answered at once, she warned.",
         [("indirect", "any new tariff would be answered at once", "Maria Lopez")]),
        # "that A, and that B" under one verb: one quote over both
        (LOPEZ + "Lopez told reporters that Perez had asked for the meeting, and that he had renewed his commitment to peace.",
         [("indirect", "Perez had asked for the meeting, and that he had renewed his commitment to peace", "Maria Lopez")]),
        # ", when ..." after a noun of time describes that time: part of what was said
        (LOPEZ + "Lopez said that the two sides should not repeat the past, when agreements were signed and then ignored.",
         [("indirect", "the two sides should not repeat the past, when agreements were signed and then ignored", "Maria Lopez")]),
        # a trailing ", which ..." and an indefinite noun phrase after a comma are the writer's gloss
        ("The ministry announced that Maria Lopez will travel to Lima on May 3, which would make her the first leader to go.",
         [("indirect", "Maria Lopez will travel to Lima on May 3", "ministry")]),
        (LOPEZ + "Lopez told Perez that she would not wake him again, a joking reference to the night calls.",
         [("indirect", "she would not wake him again", "Maria Lopez")]),
        # "according to a readout" names where the report comes from; the verb's subject speaks
        (LOPEZ + "Lopez told Perez that Chile opposed any change to the status quo across the Andes, according to a readout.",
         [("indirect", "Chile opposed any change to the status quo across the Andes", "Maria Lopez")]),
        (LOPEZ + "According to a readout, Lopez told Perez that Chile opposed any change to the status quo across the Andes.",
         [("indirect", "Chile opposed any change to the status quo across the Andes", "Maria Lopez")]),
        # the writer addressing the reader quotes nobody
        (LOPEZ + "Call it “normalization” if you like. I call it a bet.", []),
        (LOPEZ + "Tell them that the border is open, if you dare.", []),
    ],
)
def test_reported_clause_extent(nlp, text, expected):
    assert [brief(q) for q in quotes(nlp, text)] == expected


MAY = "British Prime Minister Clara May met German Chancellor Anna Berg in Berlin on Wednesday. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the parse reads as a modal verb is still the subject, and the pronoun's antecedent
        (MAY + "Berg said that Britain needed time.\n\nMay repeated that she would not act this year.\n\n"
         "‘I understand that our partners want to move on,’ she said, ‘but we will all benefit from time.’",
         [("indirect", "Britain needed time", "Anna Berg"), ("indirect", "she would not act this year", "Clara May"),
          ("direct", "I understand that our partners want to move on,", "Clara May"),
          ("direct", "but we will all benefit from time.", "Clara May")]),
        # a clause before a colon is a sentence of its own: its subject is the pronoun's antecedent
        (LOPEZ + "Lopez said that the talks went well. Perez was more guarded: he said that he had hoped for more.",
         [("indirect", "the talks went well", "Maria Lopez"), ("indirect", "he had hoped for more", "Juan Perez")]),
        # a parenthetical, or a relative clause, between the name and a verb the parse left without subject
        (LOPEZ + "Lopez travels to Quito on Thursday for talks with Ecuadorean President Luis Vera, who has taken "
         "a tougher line than Perez, saying last month that the border should close.",
         [("indirect", "the border should close", "Luis Vera")]),
        # a verb of saying coordinated into the content clause speaks for the reporting verb's subject
        (LOPEZ + "Lopez said that Peru was “deeply American” and spoke of a region stretching “from Lima to Quito”.",
         [("direct", "deeply American", "Maria Lopez"), ("direct", "from Lima to Quito", "Maria Lopez")]),
        # a phrasal verb of saying whose particle the parse reads as an adverb
        (LOPEZ + "Perez shot back that the protesters had been free to run in elections.",
         [("indirect", "the protesters had been free to run in elections", "Juan Perez")]),
        # a government as the source
        (LOPEZ + "The German government said afterwards that the leaders had discussed the plan.",
         [("indirect", "the leaders had discussed the plan", "German government")]),
        # relayed speech: the one whose words are reported, not the aide relaying them
        (LOPEZ + "According to Lopez's spokesman, Ana Ruiz, Perez told Lopez that he would not call at night any more.",
         [("indirect", "he would not call at night any more", "Juan Perez")]),
        # an Irish head of government's title names him when it is all the text says
        ("Johnson and Varadkar meet in Dublin\n\nBoris Johnson, the British prime minister, met Leo Varadkar, "
         "who was Taoiseach, in Dublin. Later the Taoiseach said that the gap remained wide.",
         [("indirect", "the gap remained wide", "Leo Varadkar")]),
    ],
)
def test_speakers_between_two_leaders(nlp, text, expected):
    assert [brief(q) for q in quotes(nlp, text)] == expected


def test_pronoun_gender_learnt_from_the_text(nlp):
    # Nothing states Lopez's gender but the pronouns of a sentence about her alone; "he" then
    # skips her, the latest subject, for the man named before.
    text = (
        "Maria Lopez met Juan Perez in Lima on Monday.\n\n"
        "Lopez, who smiled through the ceremony, said it was hard for her to leave.\n\n"
        "Perez was asked whether he would back Lopez. Lopez listened.\n\n"
        "“She has been my closest partner,” he said."
    )
    assert [brief(q) for q in quotes(nlp, text)][-1] == ("direct", "She has been my closest partner,", "Juan Perez")


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("As Lopez saw his guest off at the end of a state dinner, cameras caught Xi telling him through an interpreter: yes.",
         "telling", "Xi"),
        ("Reporters caught Perez telling Lopez that the deal was done.", "telling", "Perez"),
        ("Aides heard Lopez say that the border would stay closed.", "say", "Lopez"),
        ("Lopez flew home, saying that the talks had gone well.", "saying", "Lopez"),
    ],
)
def test_the_one_seen_speaking_is_the_speaker(nlp, text, verb, subject):
    doc = nlp(text)
    said = next(t for t in doc if t.text == verb)
    assert subject_of(said).text == subject


def test_a_demonym_describes_the_name_it_touches(nlp):
    # "the Chilean president" is somebody else than Juan Perez; the description then finds Lopez.
    text = (
        "How the Chilean president tried to talk Juan Perez round, and failed.\n\n"
        "Maria Lopez met Juan Perez in Lima on Monday.\n\n"
        "The Chilean leader was in a sombre mood. Asked about the border, she said it would stay closed."
    )
    assert [brief(q) for q in quotes(nlp, text)] == [("indirect", "it would stay closed", "Maria Lopez")]


def test_gender_from_the_pronoun_after_a_sentence_about_one_person(nlp):
    text = (
        "Maria Lopez met Juan Perez in Lima on Monday.\n\n"
        "Perez was sworn in on 14 May. The next day he flew to Lima.\n\n"
        "Lopez received Perez at the palace. “There is a magic in every beginning,” she told reporters."
    )
    assert [brief(q) for q in quotes(nlp, text)] == [("direct", "There is a magic in every beginning,", "Maria Lopez")]


def test_a_speech_noun_with_no_owner_names_no_speaker(nlp):
    # "Partial transcript as follows:" introduces the block but names nobody; once this raised
    # AttributeError and stopped a whole batch of real news.
    text = (
        "The senator spoke on a radio show on Sunday.\n\n"
        "Partial transcript as follows:\n\n"
        "\u201cHOST: Will you run again? It is a fair question after this year.\u201d\n"
    )
    found = quotes(nlp, text)
    assert [(q.text, q.speaker) for q in found] == [
        ("Will you run again? It is a fair question after this year.", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reader's comment signed after a dash, as in vox-pop pieces
        ("Readers wrote in after the debate.\n\n\u201cHe never answered the question. It was a shame.\u201d \u2015 Ana Ruiz\n"
         "\u201cWe deserve better answers than that.\u201d\u2014 Jorge M. Falcon.\n",
         [("He never answered the question. It was a shame.", "Ana Ruiz"),
          ("We deserve better answers than that.", "Jorge M. Falcon")]),
        # scraped pages sign with non-breaking spaces around the dash and the name
        ("Readers wrote in.\n\n\u201cHe never answered the question. It was a shame.\u201d\u2015 Ana Ruiz\u00a0\n"
         "\u201cWe deserve better answers than that.\u201d\u00a0\u2015 Jorge Falcon\u00a0\n",
         [("He never answered the question. It was a shame.", "Ana Ruiz"),
          ("We deserve better answers than that.", "Jorge Falcon")]),
        # a dash that goes on into a sentence is the writer's aside, not a signature
        ("\u201cIt was a shame\u201d \u2014 and the crowd agreed with that verdict.\n", []),
    ],
    ids=["signed", "non-breaking", "aside"],
)
def test_a_quotation_signed_after_a_dash(nlp, text, expected):
    assert [(q.text, q.speaker) for q in quotes(nlp, text) if q.speaker] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later statement in a paragraph that quoted someone goes on in their voice
        ("\u201cWe have had problems before,\u201d Ana Ruiz said after the talks. She did not say more. "
         "\u201cOur goal is calm.\u201d\n",
         [("We have had problems before,", "Ana Ruiz"), ("Our goal is calm.", "Ana Ruiz")]),
        # an outlet NER reads as a work of art still speaks
        ("\u201cOn this basis,\u201d Zero Hedge said, \u201cthe figures are high.\u201d\n",
         [("On this basis,", "Zero Hedge"), ("the figures are high.", "Zero Hedge")]),
        # "Sen." before the name makes "the senator" that person
        ("Vermont Sen. Bernie Sanders on Tuesday said he wants to change the tax code.\n\n"
         "The senator said he would \u201cintroduce legislation next year.\u201d\n",
         [("introduce legislation next year.", "Bernie Sanders")]),
        # verbs that characterise introduce quoted words too
        ("Juan Perez characterized the plan as \u201ca little desperate.\u201d\n",
         [("a little desperate.", "Juan Perez")]),
        # a name inside the quotation is no antecedent for the "he" that attributes it
        ("Rivals point to the campaign of Maria Lopez in 2012.\n\n"
         "The silence worries Juan Perez, the head of the local party branch.\n\n"
         "\u201cNobody is writing songs for Ana. Lopez had a band. Ana has nobody like that,\u201d he said.\n",
         [("Nobody is writing songs for Ana. Lopez had a band. Ana has nobody like that,", "Juan Perez")]),
        # a subject the parse finds inside a quoted show title is not the speaker
        ("\u201cHe's absolutely right. There's a severe disconnect between this White House and frankly the "
         "president and our military,\u201d Perez, a top Lopez surrogate, said Thursday morning on "
         "Fox News\u2019s \u201cFox and Friends.\u201d\n",
         [("He's absolutely right. There's a severe disconnect between this White House and frankly the "
           "president and our military,", "Perez")]),
        # a sentence adverb the tagger reads as a name word is no part of the body's name
        ("Afterwards Downing Street said the talks had been \u201cconstructive and useful for everyone\u201d.\n",
         [("constructive and useful for everyone", "Downing Street")]),
    ],
    ids=["paragraph-voice", "outlet", "senator", "characterize", "antecedent-outside", "title-subject", "opening-adverb"],
)
def test_speakers_in_real_news(nlp, text, expected):
    assert [(q.text, q.speaker) for q in quotes(nlp, text) if q.kind.value == "direct"] == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("During a debate at dinner, a friend commented, \u201cImmigration is the reason to vote.\u201d\n", "a friend"),
        ("When my mother asked, I laughed and said, \u201cI do not believe in any of it.\u201d\n", "I"),
    ],
    ids=["indefinite", "first-person"],
)
def test_a_source_without_a_name_keeps_its_words_as_the_mention(nlp, text, mention):
    [q] = [q for q in quotes(nlp, text) if q.kind.value == "direct"]
    assert q.speaker is None
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


def test_the_sentence_before_that_ends_on_a_verb_of_saying_names_the_speaker(nlp):
    text = ("The administration may wait until the talks end, Ana Ruiz said. \u201cThe other factor is the "
            "calendar, and we cannot change it.\u201d\n")
    assert [(q.text[:16], q.speaker) for q in quotes(nlp, text) if q.kind.value == "direct"] == [
        ("The other factor", "Ana Ruiz")]


def test_an_unnamed_mention_never_lies_inside_the_quotation(nlp):
    text = "Juan Perez spoke after the debate, treating the remark as praise: \u201cThat makes me smart,\u201d he joked.\n"
    for q in quotes(nlp, text):
        m = q.speaker_mention
        assert m is None or not (q.start <= m.start < q.end)


def test_a_transcript_turn_is_its_speakers_quote(nlp):
    # Transcripts printed in quotation marks open each turn with the speaker's name in capitals
    # and close nothing until the end: each turn is its own quote, said by the name before the colon.
    text = (
        "Senator Ana Ruiz spoke to the host, Jorge Falcon, on Sunday. Partial transcript as follows:\n\n"
        "\"FALCON: Will you run again? It is a fair question after this year.\n\n"
        "\"RUIZ: I have not decided. My family comes first, and the party knows it.\n\n"
        "\"(CROSSTALK.)\n\n"
        "\"FALCON: Thank you, senator.\"\n"
    )
    assert [(q.text, q.speaker) for q in quotes(nlp, text) if q.kind.value == "direct"] == [
        ("Will you run again? It is a fair question after this year.", "Jorge Falcon"),
        ("I have not decided. My family comes first, and the party knows it.", "Ana Ruiz"),
        ("Thank you, senator.", "Jorge Falcon"),
    ]


def test_a_transcript_turn_holds_nested_quotations(nlp):
    text = (
        "The governor spoke to the host, Jorge Falcon, on Sunday.\n\n"
        "\"FALCON: Is this an episode of \u201cShark Tank\u201d? It looks like one to many voters.\n\n"
        "\"RUIZ: No. This is serious business for the state.\n"
    )
    assert [q.text for q in quotes(nlp, text) if q.kind.value == "direct"] == [
        "Is this an episode of \u201cShark Tank\u201d? It looks like one to many voters.",
        "No. This is serious business for the state.",
    ]


def test_a_name_inside_an_earlier_quotation_is_not_the_speaker(nlp):
    # The parse can hang a later quotation on a name the previous one mentions ("... agree with
    # Lopez," Ruiz said, ... including, "..."): the speaker is never someone inside quotation marks.
    text = (
        "\"Start talking about the real issues. The voters do not agree with Lopez,\" Ruiz said, "
        "suggesting a few questions, including, \"Mr. Lopez, do you really think that billionaires need a tax break?\"\n"
    )
    assert [q.speaker for q in quotes(nlp, text) if q.kind.value == "direct"] == ["Ruiz", "Ruiz"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "as X put it": an idiom of saying with its object
        ("As Tom Reyes, a tax lawyer in Denver, recently put it, \u201cThe code rewards whoever can afford "
         "the best advice.\u201d\n",
         [("The code rewards whoever can afford the best advice.", "Tom Reyes")]),
        # a long "as X said ..." clause is an attribution however long its tail
        ("As Maria Lopez said in a statement to the regional press last month, \u201cWe will not sign a "
         "deal that hurts our farmers.\u201d\n",
         [("We will not sign a deal that hurts our farmers.", "Maria Lopez")]),
        # a speech noun before a colon, within the quotation's paragraph
        ("Maria Lopez issued a statement on Friday: \u201cWe will vote no on this bill.\u201d\n",
         [("We will vote no on this bill.", "Maria Lopez")]),
        ("Governor Anna Berg is rolling out a new campaign message: \u201cNobody pays more than their "
         "fair share.\u201d\n",
         [("Nobody pays more than their fair share.", "Anna Berg")]),
        # ... that nobody issues
        ("The message from the rally was plain: \u201cWe are not going anywhere.\u201d\n", []),
        # the one a film shows speaking, however the parse attaches the participle
        ("The advertisement ends with footage of Juan Perez saying at a rally, \u201cI know more than the "
         "generals do.\u201d\n",
         [("I know more than the generals do.", "Juan Perez")]),
        # a parenthesis after the name may split the subject in the parse
        ("\u201cThis is a big year for our city!\u201d Perez's niece, state Rep. Ana Ruiz (D-Newport News), "
         "shouted to the crowd.\n",
         [("This is a big year for our city!", "Ana Ruiz")]),
    ],
    ids=["put-it", "as-said-long", "issued-statement", "campaign-message", "nobody-issues", "footage", "parenthesis"],
)
def test_attributions_around_colons_and_idioms(nlp, text, expected):
    assert [(q.text, q.speaker) for q in quotes(nlp, text) if q.kind.value == "direct" and q.speaker] == expected


def test_a_paragraph_of_one_capitalised_quotation_is_a_heading(nlp):
    # Features break their text with a quoted phrase as a subheading; it repeats, it does not report.
    text = ("\u201cWe have to keep the mines open,\u201d Juan Perez said on Monday.\n\n"
            "\u201cCoal Isn't the Villain.\u201d\n\n"
            "It was raining when the miners rode down the shaft.\n")
    assert [q.text for q in quotes(nlp, text) if q.kind.value == "direct"] == ["We have to keep the mines open,"]


def test_a_nickname_the_text_introduces_names_its_person(nlp):
    text = ("Welcome to our coverage of President Ana Ruiz's visit to Lima. The Chilean leader, widely known "
            "as Anita, landed last night.\n\n"
            "10.15am\nAnita told reporters that the talks would cover trade.\n\n"
            "\u201cWe are old friends,\u201d Anita said.\n")
    assert {(q.kind.value, q.speaker) for q in quotes(nlp, text)} == {("indirect", "Ana Ruiz"), ("direct", "Ana Ruiz")}


def test_a_live_blog_timestamp_is_neither_speaker_nor_quote(nlp):
    text = ("Live: the Lima summit\n\n"
            "11.15am\nAccording to a readout from the palace, the president set out four priorities for the talks.\n\n"
            "1.26pm\nZero Hedge said that trade had risen by a third.\n")
    found = quotes(nlp, text)
    assert [q.text for q in found][0] == "the president set out four priorities for the talks"
    assert all("\n" not in (q.speaker or "") for q in found)



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # honorifics of official releases are no part of the name
        ("The Prime Minister, the Hon Ana Ruiz MP, today welcomed President Juan Perez to Perth.\n\n"
         "\u201cWe are close partners,\u201d Ana Ruiz said.\n", "Ana Ruiz"),
        ("Prime Minister Shri Juan Perez welcomed President Ana Ruiz to New Delhi.\n\n"
         "\u201cWe are close partners,\u201d said Shri Juan Perez.\n", "Juan Perez"),
        # a live blog's time line is no part of the body that speaks under it
        ("Live: Ruiz in Lima\n\n13:30 GMT\nThe Chancellery of the President of Peru said in a statement that "
         "the talks had centred on security.\n", "Chancellery of the President of Peru"),
        # institutions named as the text writes them (ANNOTATION.md: "as the text presents it")
        ("China's foreign ministry said that the talks had been useful.\n", "China's foreign ministry"),
        ("Ankara's foreign ministry said that the cancellations were unacceptable.\n", "Ankara's foreign ministry"),
        ("The Kyrgyz presidential press service said that the talks had been useful.\n",
         "Kyrgyz presidential press service"),
        ("The Prime Minister's Office said that the talks had been useful.\n", "Prime Minister's Office"),
        # ... with a demonym, and as the source of the statement or readout quoted
        ("The talks were \u201cfrank and useful,\u201d according to a statement the Chilean presidency "
         "read out after the session.\n", "Chilean presidency"),
        ("Both agreed to reopen the border, according to a readout from the Chilean presidency.\n", "Chilean presidency"),
    ],
    ids=["hon", "shri", "time-line", "country-ministry", "capital-ministry", "press-service", "titled-office",
         "statement-read-out", "readout-from"],
)
def test_speaker_names_in_official_and_live_layouts(nlp, text, expected):
    assert quotes(nlp, text)[-1].speaker == expected


def test_a_description_means_a_principal_before_someone_named_more_often(nlp):
    # The journalist is named more often than the crown prince, but "the Saudi crown prince"
    # and "the crown prince" are the principal.
    text = ("Timeline: Juan Perez and Mohammed bin Salman\n\n"
            "Since 2017 the French president and the Saudi crown prince have built a relationship that "
            "survived the murder of Jamal Khashoggi. Khashoggi was a columnist. Khashoggi wrote often. "
            "Khashoggi had critics.\n\n"
            "2018: President Perez meets Crown Prince Mohammed bin Salman in Riyadh. The crown prince said the coalition "
            "did everything it could.\n")
    [q] = [q for q in quotes(nlp, text) if q.kind.value == "indirect"]
    assert q.speaker == "Mohammed bin Salman"


def test_descriptions_resolved_with_the_countries_the_whole_text_gives(nlp):
    # The quote table alone would guess Hale's country from the first description it meets;
    # the article as a whole (Petrenko flies to London, Hale greets him at Downing Street) places
    # Hale in Britain, so "the Ukrainian president" is Petrenko and "the prime minister" Hale.
    from extract.pipeline import extract

    text = ("Tom Hale hosts Ivan Petrenko\n\n"
            "Ivan Petrenko flew to London on 3 May 2024 for talks with Tom Hale. Hale greeted him on the "
            "steps of Downing Street.\n\n"
            "Addressing reporters, the Ukrainian president warned that Europe could not wait. “We need air "
            "defence now,” he said.\n\n"
            "The prime minister said that Britain would send more.")
    found = {q.text: q.speaker for q in extract(text, nlp).quotes}
    assert found["We need air defence now,"] == "Ivan Petrenko"
    assert found["Britain would send more"] == "Tom Hale"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an unnamed spokesperson speaks for the institution the phrase names
        ("A Peruvian government spokesperson said the border would stay open.", "Peruvian government"),
        ("A Chilean foreign ministry spokesman said the border would stay open.", "Chilean foreign ministry"),
        # an unnamed official or source qualified by a country or a body is reported as described
        ("A Chilean official said the border would stay open.", "Chilean official"),
        ("A senior administration official told reporters the border would stay open.", "senior administration official"),
        ("According to a Peruvian diplomatic source, the border would stay open.", "Peruvian diplomatic source"),
        ("The border would stay open, one Chilean diplomat said.", "Chilean diplomat"),
        # bare, it names nobody
        ("A source said the border would stay open.", None),
        ("Officials said the border would stay open.", None),
    ],
)
def test_unnamed_sources_qualified_by_a_country_or_a_body(nlp, text, speaker):
    [q] = quotes(nlp, text)
    assert q.speaker == speaker


def test_a_preposition_before_a_name_is_no_title(nlp):
    # "several of Perez's ideas": "of" (a word of "head of state") is no title of Perez's, and
    # must not stop "the Peruvian president" from meaning him.
    from extract.pipeline import extract

    text = ("Maria Lopez hosts Juan Perez\n\n"
            "Juan Perez flew to Santiago, Chile, on 3 May 2024 for talks with Maria Lopez, who greeted him at "
            "La Moneda. Lopez said that several of Perez's ideas were sound.\n\n"
            "The Peruvian president, for his part, said that the two countries had to keep talking.")
    found = {q.text: q.speaker for q in extract(text, nlp).quotes}
    assert found["the two countries had to keep talking"] == "Juan Perez"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A thing in the reported clause says nothing: the reporter does.
        ('Anna Weber met Ivan Petrov in May. Announcing the trip, press secretary Tom Hale said the visit would '
         'affirm the "deep and close partnership between the two countries". Weber agreed.', "Tom Hale"),
        # A person in the reported clause is the one quoted.
        ('Anna Weber met Ivan Petrov in May. Weber said Petrov told her: "We never interfere." She laughed.',
         "Ivan Petrov"),
    ],
)
def test_a_quote_in_a_reported_clause_whose_subject_is_a_thing(nlp, text, speaker):
    [q] = quotes(nlp, text)
    assert q.speaker == speaker


def test_titles_cited_in_a_reference_list_are_no_quotes(nlp):
    text = (LOPEZ + "Lopez said the talks had gone well.[4]\n\n"
            "References[edit]\n"
            "4. ^ \"Lopez meets Perez in Lima\". 3 May 2019.\n"
            "14–15. ^ \"Chile signs the water deal\". 20 Nov 2017.\n"
            "[16] \"Perez calls off his trip\". 3 Sep 2019.\n"
            "^ a b c \"Lopez and Perez agree on the border\". Wire. 27 April 2010. Retrieved 3 Feb 2024.\n")
    assert [q.text for q in quotes(nlp, text) if q.kind.value == "direct"] == []
