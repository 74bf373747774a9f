"""Quote extraction on short hand-written texts: one case per pattern of ANNOTATION.md's quote rules.

The scanner cases need no model; the rest run the real English pipeline (the session ``nlp``).
"""

from __future__ import annotations

import pytest

from extract.lexicons import load_lexicons
from extract.people.parties import principals
from extract.quotes.quotes import extract_quotes
from extract.text.scanner import scan

LEX = load_lexicons()
ELISIONS = frozenset(LEX.extra["elisions"])


def scanned(text: str) -> list[str]:
    return [text[q.start : q.end] for q in scan(text, elisions=ELISIONS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # curly, straight, double, single
        ("He said “we are ready.”", ["we are ready."]),
        ('He said "we are ready."', ["we are ready."]),
        ("He said ‘we are ready.’", ["we are ready."]),
        ("He said 'we are ready.'", ["we are ready."]),
        # apostrophes are not marks: possessives, contractions, cut years and words
        ("Israel’s leader didn’t attend; Shi’ite groups, Tel’Aviv, the ’90s, rock ’n’ roll.", []),
        ("Israel's leader didn't attend in the '90s.", []),
        # apostrophes right beside quotation marks
        ("“It’s the leaders’ choice,” she said.", ["It’s the leaders’ choice,"]),
        ("“Give ’em time,” she said.", ["Give ’em time,"]),
        ("'It's over,' she said.", ["It's over,"]),
        # unbalanced: opens with ‘ and closes with ”
        ("He said it prevented ‘unnecessary accidents.” Then he left.", ["unnecessary accidents."]),
        # nested quotation stays inside its host
        ("“He told me ‘never’ twice,” she said.", ["He told me ‘never’ twice,"]),
        # split by the attribution: two quotations
        ("“We will,” he said, “move on.”", ["We will,", "move on."]),
        # inches are not marks
        ('He is 5"10 and proud.', []),
        # paragraphs reopened with a mark form one quotation, the inner mark kept
        ("She said “first part.\n\n“Second part.”", ["first part.\n\n“Second part."]),
        # an unmarked middle paragraph belongs to it when a later paragraph closes it
        ("“One.\n\nTwo.\n\nThree.”", ["One.\n\nTwo.\n\nThree."]),
        # ... and when the later paragraph reopens it first (ANNOTATION.md: “A. ¶ B. ¶ “C.” is one)
        ("“One.\n\nTwo.\n\n“Three.”", ["One.\n\nTwo.\n\n“Three."]),
        ("He said:\n\n“We will go.\n\nThe talks cover trade.\n\n“We hope.”", ["We will go.\n\nThe talks cover trade.\n\n“We hope."]),
        # ... but not when a new quotation opens mid-paragraph first: the first ends with its paragraph
        ("“One.\n\nTwo.\n\nThen she said “Three.”", ["One.", "Three."]),
        ("“One.\n\nA narrative paragraph.", ["One."]),
        # ... nor through a heading line, page structure rather than speech
        ("He was sure “the best is ahead.\n\nNo. 2 — Washington, 18 July 2005\n\nThey met again.\n\n“A partnership,” he said.",
         ["the best is ahead.", "A partnership,"]),
    ],
)
def test_scanner(text, expected):
    assert scanned(text) == expected


def quotes(nlp, text):
    doc = nlp(text)
    found = extract_quotes(doc, parties=principals(doc, LEX), lex=LEX)
    return sorted(found, key=lambda q: q.start)


def brief(q):
    return (q.kind.value, q.text, q.speaker)


LOPEZ = "Chilean President Maria Lopez met Peruvian President Juan Perez in Lima on Monday. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attribution after the quotation
        (LOPEZ + "“We will win the vote,” Lopez told reporters.", [("direct", "We will win the vote,", "Maria Lopez")]),
        # attribution before it
        (LOPEZ + "Lopez said “We will win the vote.”", [("direct", "We will win the vote.", "Maria Lopez")]),
        # around it: two quotes, one speaker
        (LOPEZ + "“We will,” Lopez said, “move on.”", [("direct", "We will,", "Maria Lopez"), ("direct", "move on.", "Maria Lopez")]),
        # straight marks
        (LOPEZ + '"We will win the vote," Perez said.', [("direct", "We will win the vote,", "Juan Perez")]),
        # a second quotation after the attribution goes on in the same voice
        (LOPEZ + "“The talks were good,” Perez said. “We understood each other.”",
         [("direct", "The talks were good,", "Juan Perez"), ("direct", "We understood each other.", "Juan Perez")]),
        # a quoted fragment inside reported speech: direct, and no indirect around it
        (LOPEZ + "Lopez said that it was a “tragic chain of events” and left.", [("direct", "tragic chain of events", "Maria Lopez")]),
        # a subject right before the mark with no verb of saying
        (LOPEZ + "Peru “will continue to defend its borders against any attack.”",
         [("direct", "will continue to defend its borders against any attack.", "Peru")]),
        # scare quotes and quoted names are not quotes
        (LOPEZ + "Peru is the “needy” side of the relationship.", []),
        (LOPEZ + "The visit showed Lopez’s “close relationship” with the region.", []),
        (LOPEZ + "Aides dismissed talk of a so-called “reset” with Lima.", []),
        (LOPEZ + "Chile maintains the “strong” position in the talks.", []),
        (LOPEZ + "Lopez said that the “Pacific Connect” would open a new era.",
         [("indirect", "the “Pacific Connect” would open a new era", "Maria Lopez")]),
    ],
)
def test_direct(nlp, text, expected):
    assert [brief(q) for q in quotes(nlp, text)] == expected


def test_colon_block_and_continuation(nlp):
    text = (
        LOPEZ + "\n\nBefore the vote, Lopez said:\n\n“We are ready.\n\nWe will win.”\n\n"
        "The meeting took place in Lima on Tuesday:\n\n“This sentence has a verb but nobody said it here.”\n\n"
        "Perez warned that “the crisis is deep.”\n\n“We must act now and we must act together.”"
    )
    got = [brief(q) for q in quotes(nlp, text)]
    assert got == [
        ("direct", "We are ready.\n\nWe will win.", "Maria Lopez"),
        # a line ending in a colon introduces no speech without a verb of saying
        ("direct", "This sentence has a verb but nobody said it here.", None),
        ("direct", "the crisis is deep.", "Juan Perez"),
        # the next quotation paragraph continues the same speaker
        ("direct", "We must act now and we must act together.", "Juan Perez"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LOPEZ + "Lopez said that bilateral trade is increasing.", [("indirect", "bilateral trade is increasing", "Maria Lopez")]),
        # "that" left out
        (LOPEZ + "Perez said the border would stay open.", [("indirect", "the border would stay open", "Juan Perez")]),
        # inverted attribution
        ("The summit will take place in June, the White House announced.",
         [("indirect", "The summit will take place in June", "White House")]),
        # according to
        (LOPEZ + "According to Lopez, the talks were useful.", [("indirect", "the talks were useful", "Maria Lopez")]),
        # two coordinated content clauses under one verb: one quote
        (LOPEZ + "Lopez said that trade was growing and that investment would follow.",
         [("indirect", "trade was growing and that investment would follow", "Maria Lopez")]),
        # the writer's tacked-on comment is left out
        (LOPEZ + "Lopez said that she would visit Santiago, after Perez extended an invitation.",
         [("indirect", "she would visit Santiago", "Maria Lopez")]),
        (LOPEZ + "Lopez said that relations would improve (as they did).", [("indirect", "relations would improve", "Maria Lopez")]),
        (LOPEZ + "Lopez maintains that the concerns are being addressed and that is about it.",
         [("indirect", "the concerns are being addressed", "Maria Lopez")]),
        # a verb of saying with a noun phrase only is not a quote
        (LOPEZ + "Lopez hailed the agreement. Perez accused Peru of funding rebels. They spoke of pensions.", []),
        # the writer's hedge, and the writer in the first person
        ("It should be noted that the talks were short. I said that the plan would fail.", []),
        # no source named
        ("It was announced that the leaders agreed on a plan.", [("indirect", "the leaders agreed on a plan", None)]),
        # relayed speech: the one whose words are reported
        (LOPEZ + "Perez said that Lopez told him that the border would open.",
         [("indirect", "the border would open", "Maria Lopez")]),
        # organisations and states
        ("The Kremlin said that the talks were useful.", [("indirect", "the talks were useful", "Kremlin")]),
        ("A spokeswoman for the Kremlin said the talks were useful.", [("indirect", "the talks were useful", "Kremlin")]),
        # the one quoted, not the writer quoting; an open question reports nothing
        (LOPEZ + "Perez was quoted as saying that the border would reopen. Lopez refused to say whether she agreed.",
         [("indirect", "the border would reopen", "Juan Perez")]),
    ],
)
def test_indirect(nlp, text, expected):
    assert [brief(q) for q in quotes(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "mention", "cue"),
    [
        # a pronoun goes to the latest main-clause subject, not to one inside reported speech
        (LOPEZ + "Lopez said the talks went well if Perez kept his word. She added that trade would grow.",
         "Maria Lopez", "She", "added"),
        # a description through the demonym and role lexicons
        (LOPEZ + "The Chilean leader said that trade would grow.", "Maria Lopez", "The Chilean leader", "said"),
        (LOPEZ + "The Peruvian president told reporters that trade would grow.", "Juan Perez", "The Peruvian president", "told reporters"),
        # a name in apposition; an inverted attribution with a long apposition of its own
        ("Peru's chief negotiator, Ana Ruiz, said that trade would grow.", "Ana Ruiz", "Ana Ruiz", "said"),
        ("“We have turned a page,” said Ana Ruiz, the foreign minister of Chile and a veteran diplomat.",
         "Ana Ruiz", "Ana Ruiz", "said"),
        # the title written before a name belongs to the mention; the cue is the phrase as written
        ("Chilean Foreign Secretary Ana Ruiz told reporters that trade would grow.",
         "Ana Ruiz", "Chilean Foreign Secretary Ana Ruiz", "told reporters"),
        ("The ministry had said in a statement that trade would grow.", "ministry", "The ministry", "had said in a statement"),
        # an organisation owning a statement
        ("According to the Kremlin’s statement, trade would grow.", "Kremlin", "the Kremlin", "According to"),
    ],
)
def test_speaker_resolution(nlp, text, speaker, mention, cue):
    last = quotes(nlp, text)[-1]
    assert (last.speaker, last.speaker_mention.text if last.speaker_mention else None, last.cue) == (speaker, mention, cue)
    assert text[last.speaker_mention.start : last.speaker_mention.end] == last.speaker_mention.text


def test_offsets_slice_the_text(nlp):
    text = LOPEZ + "“We will,” Lopez said, “move on.” Perez said that trade would grow."
    for q in quotes(nlp, text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a straight double mark right after a closing single one still closes the quotation
        ("\"Go,\" he said, \"and say: 'We act.'\"\n\nA narrative paragraph.\n\n\"Next,\" he said.",
         ["Go,", "and say: 'We act.'", "Next,"]),
        # ... and right before an opening single one still opens it
        ("He said: \"'Yes' was the answer.\"", ["'Yes' was the answer."]),
    ],
)
def test_straight_marks_side_by_side(text, expected):
    assert scanned(text) == expected


def test_a_speaker_who_goes_on_introduces_the_block_after_the_colon(nlp):
    text = LOPEZ + "\n\nLopez said the visit carried special meaning. She went on:\n\n“The north threatens all of us.”"
    assert [brief(q) for q in quotes(nlp, text)][-1] == ("direct", "The north threatens all of us.", "Maria Lopez")


def test_a_pronoun_that_goes_on_is_the_speaker_of_the_quotation_before_it(nlp):
    # The clause before names Perez last ("telling Perez"), but "he went on" continues Lopez's words.
    text = ("Mario Lopez met Juan Perez in Lima on Monday.\n\nPerez spoke first. A microphone later picked up Lopez "
            "telling Perez that the border \"can be settled, but it's important for him to give me space\". "
            "He went on: \"After my election I have more flexibility.\"")
    got = [brief(q) for q in quotes(nlp, text)]
    assert got[-1] == ("direct", "After my election I have more flexibility.", "Mario Lopez")
