"""Quote and meeting scores on the evaluation sets in eval/ may not fall (issues 15 and 16).

These sets measure how far the rules carry to other writers; they are not targets to tune on, so
the floors are the scores when the test was written, rounded down. Raise a floor when a general
change lifts it; a change that lowers one must say why.
"""

from __future__ import annotations

import pytest

from extract.evaluate.metrics import metrics, total
from extract.evaluate.scoring import score
from extract.models import Document
from extract.pipeline import Config, extract_from_doc
from extract.text.article import read_source
from extract.text.parse import parse_many

from .conftest import ROOT

EVAL = ROOT / "eval"
FLOORS = {
    "dev": {"quotes.direct.f1": 1.00, "quotes.direct.e2e_f1": 1.00, "quotes.indirect.f1": 1.00, "quotes.all.speaker_accuracy": 1.00},
    "final": {"quotes.direct.f1": 1.00, "quotes.direct.e2e_f1": 1.00, "quotes.indirect.f1": 0.98, "quotes.all.speaker_accuracy": 1.00},
    "final2": {"quotes.direct.f1": 0.99, "quotes.direct.e2e_f1": 0.97, "quotes.indirect.f1": 0.98, "quotes.all.speaker_accuracy": 0.97},
    # forms e2e 0.85 -> 0.84: "in front of Xi" no longer makes "of" Xi's title, so Xi joins the
    # untitled leads and "The former president" (Ma, whom the text never titles before his name)
    # goes to the more recent lead; the same change lifts final6 speakers 0.83 -> 0.85.
    "forms": {"quotes.direct.f1": 0.95, "quotes.direct.e2e_f1": 0.85, "quotes.indirect.f1": 0.92, "quotes.all.speaker_accuracy": 0.88},
    # final3, final6, final11 speakers/e2e -0.01: institutions are now named as the text writes
    # them ("China's foreign ministry", as ANNOTATION.md asks and the later sets' gold has it); these
    # sets' gold normalised a few to the demonym ("Chinese foreign ministry", "Spanish foreign ministry"
    # for "Madrid's"). The same change lifts final7, final10, final12-14 and final16 speakers.
    "final3": {"quotes.direct.f1": 0.97, "quotes.direct.e2e_f1": 0.81, "quotes.indirect.f1": 0.96, "quotes.all.speaker_accuracy": 0.84},
    "final4": {"quotes.direct.f1": 0.96, "quotes.direct.e2e_f1": 0.90, "quotes.indirect.f1": 0.94, "quotes.all.speaker_accuracy": 0.91},
    "final5": {"quotes.direct.f1": 0.97, "quotes.direct.e2e_f1": 0.94, "quotes.indirect.f1": 0.94, "quotes.all.speaker_accuracy": 0.92},
    "final6": {"quotes.direct.f1": 0.98, "quotes.direct.e2e_f1": 0.81, "quotes.indirect.f1": 0.93, "quotes.all.speaker_accuracy": 0.84},
    "final7": {"quotes.direct.f1": 0.97, "quotes.direct.e2e_f1": 0.81, "quotes.indirect.f1": 0.96, "quotes.all.speaker_accuracy": 0.86},
    "final8": {"quotes.direct.f1": 0.98, "quotes.direct.e2e_f1": 0.83, "quotes.indirect.f1": 0.86, "quotes.all.speaker_accuracy": 0.87},
    "final9": {"quotes.direct.f1": 0.93, "quotes.direct.e2e_f1": 0.85, "quotes.indirect.f1": 0.92, "quotes.all.speaker_accuracy": 0.91},
    "final10": {"quotes.direct.f1": 0.95, "quotes.direct.e2e_f1": 0.86, "quotes.indirect.f1": 0.91, "quotes.all.speaker_accuracy": 0.89},
    "final11": {"quotes.direct.f1": 0.98, "quotes.direct.e2e_f1": 0.87, "quotes.indirect.f1": 0.94, "quotes.all.speaker_accuracy": 0.87},
    "final12": {"quotes.direct.f1": 0.95, "quotes.direct.e2e_f1": 0.89, "quotes.indirect.f1": 0.92, "quotes.all.speaker_accuracy": 0.92},
    # final13 direct e2e 0.86 -> 0.84, speakers 0.87 -> 0.86: a middle initial's point no longer reads
    # as a family name in capitals, so the live blog's "Donald J. Trump" (the fullest form, ANNOTATION.md)
    # stays its canonical name where that gold chose "Donald Trump" (final19's "George W. Bush" now right).
    "final13": {"quotes.direct.f1": 0.97, "quotes.direct.e2e_f1": 0.84, "quotes.indirect.f1": 0.91, "quotes.all.speaker_accuracy": 0.86},
    "final14": {"quotes.direct.f1": 0.97, "quotes.direct.e2e_f1": 0.89, "quotes.indirect.f1": 0.89, "quotes.all.speaker_accuracy": 0.89},
    "final15": {"quotes.direct.f1": 0.93, "quotes.direct.e2e_f1": 0.82, "quotes.indirect.f1": 0.88, "quotes.all.speaker_accuracy": 0.87},
    "final16": {"quotes.direct.f1": 0.94, "quotes.direct.e2e_f1": 0.79, "quotes.indirect.f1": 0.94, "quotes.all.speaker_accuracy": 0.85},
    "final17": {"quotes.direct.f1": 0.94, "quotes.direct.e2e_f1": 0.86, "quotes.indirect.f1": 0.91, "quotes.all.speaker_accuracy": 0.93},
    "final18": {"quotes.direct.f1": 0.97, "quotes.direct.e2e_f1": 0.88, "quotes.indirect.f1": 0.92, "quotes.all.speaker_accuracy": 0.89},
    "final19": {"quotes.direct.f1": 0.96, "quotes.direct.e2e_f1": 0.88, "quotes.indirect.f1": 0.93, "quotes.all.speaker_accuracy": 0.91},
    # final20 (after its first score, post-score rules).
    "final20": {"quotes.direct.f1": 0.96, "quotes.direct.e2e_f1": 0.83, "quotes.indirect.f1": 0.92, "quotes.all.speaker_accuracy": 0.84},
    # final21 (after its first score, post-score rules).
    "final21": {"quotes.direct.f1": 0.96, "quotes.direct.e2e_f1": 0.85, "quotes.indirect.f1": 0.92, "quotes.all.speaker_accuracy": 0.88},
    # final22 (after its first score, post-score rules).
    "final22": {"quotes.direct.f1": 0.96, "quotes.direct.e2e_f1": 0.91, "quotes.indirect.f1": 0.89, "quotes.all.speaker_accuracy": 0.91},
    # final23 (after its first score, post-score rules).
    "final23": {"quotes.direct.f1": 0.98, "quotes.direct.e2e_f1": 0.89, "quotes.indirect.f1": 0.94, "quotes.all.speaker_accuracy": 0.89},
}
# Meetings: F1, then the fields issue 15 names.
MEETING_FLOORS = {
    "final": (1.0, 1.0, 0.95, 1.0, 1.0),
    "final2": (0.92, 0.92, 0.87, 0.88, 0.88),
    # forms F1 0.88 -> 0.87: with Xi placed in China, Lula arriving in Shanghai to swear in someone
    # else reads as a visit (the purpose is parsed as "swear in" + an ORG); format rose 0.82 -> 0.85.
    # forms format 0.88 -> 0.85: with reference markers cut off their words, encyclopedia sections
    # open at their "[edit]" headings as the gold has them (a spurious meeting gone, start 0.95),
    # and two of them now read sidelines: Sharif at Modi's own swearing-in, and a visit whose
    # text ends on a truce called "during the Paris Olympic Games".
    # forms start 0.95 -> 0.94 (fba978b): "the summit with Kim 'may not work out'" is now in doubt, and
    # moon-trump-qa's Oval Office meeting takes its day from "two days later he called it off".
    # forms start 0.94 -> 0.93 (meetings +0.005): "X, who met Y" now gives the relative clause its subject,
    # and the wire's meeting found that way is dated by its own sentence, not the gold's day.
    "forms": (0.89, 0.93, 0.86, 0.92, 0.85),
    "final3": (0.89, 0.96, 0.83, 0.86, 0.86),
    # final4 format 0.75 -> 0.72: the 2021 North American Leaders' Summit in Washington, now read
    # as sidelines, is a visit in final4's gold and sidelines in final5's (same event, two writers).
    # (format rose 0.72 -> 0.78 once "Theresa May, Prime Minister of the United Kingdom" placed her.)
    # final4 meetings 0.92 -> 0.91: the Putin-Kim live blog's meeting is now found in its own entry, on
    # the blog's day; the recap of Kim's train crossing "where he was met by Russia's natural resources
    # minister", which had stood for it (aligned by its section), is left a meeting of its own.
    "final4": (0.91, 0.80, 0.83, 0.88, 0.80),
    "final5": (0.91, 0.87, 0.87, 0.90, 0.87),
    # final6 country 0.94 -> 0.91: Stansted (not in GeoNames) now takes the topic Ukraine from its
    # section once Sunak is no longer wrongly placed in Ukraine; format rose 0.67 -> 0.75.
    # final6 city 0.85 -> 0.84 and country 0.97 -> 0.94 (b4ce3f5): a Q&A's question line now tells
    # its meeting, so "this week's visit" is found (F1 0.86 -> 0.87), but its city is read as the
    # airport it flew into (Stansted, not in GeoNames) and its country from a topic (Ukraine).
    "final6": (0.87, 0.97, 0.87, 0.94, 0.84),
    # final7 meetings 0.90 -> 0.89: with Obama (never "Barack" in the text) now the principal in
    # place of Hollande, the Hanover meeting the wrong pair happened to find is missed.
    # final7 start 0.96 -> 0.94 (b4ce3f5): the answer under "When did they last meet?" now dates
    # that meeting by its arrival, May 7 ("Xi flew in on May 7 for a four-day state visit"), where
    # the gold has the day of the talks.
    "final7": (0.91, 0.94, 0.90, 0.96, 0.94),
    "final8": (0.85, 0.87, 0.95, 0.93, 0.91),
    # final9 meetings 0.90 -> 0.89: "no time was found for Moon" at the Osaka G20 now denies that
    # meeting; the spurious Osaka meeting had been paired with the gold's Bangkok one, whose heading
    # ("Not counted — Bangkok, Thailand, ...") the rules still miss (start, city, country rose 0.02).
    # final9 meetings 0.90 -> 0.89 (fba978b): "a meeting of the two presidents would come after Turkey's
    # elections" is now a plan (the subject of "would"); it had dated the Q&A's first meeting, which
    # now takes the next answer's date and swallows that meeting.
    "final9": (0.89, 0.91, 0.87, 0.89, 0.93),
    # final10 city 0.80 -> 0.79, country 0.89 -> 0.88: "Merkel flew to the Mediterranean coast to see
    # Macron at Fort de Brégançon" is now found (a journey made to see the other principal), but
    # Bormes-les-Mimosas is not in GeoNames and its country is read from a topic (Belarus).
    "final10": (0.86, 0.94, 0.79, 0.88, 0.85),
    # final11 format 0.83 -> 0.82: Farmleigh, now a seat of government in Dublin, finds the live
    # blog's Dublin visit (meetings F1 +0.008); its other meeting's format, at Chequers, was wrong before.
    # final11 meetings 0.88 -> 0.87 (0.878; city, country, format +0.01-0.03): "where he called on
    # Vice-President Jusuf Kalla" is now a call paid in person on someone else, and the dated entry it
    # opens no longer stands for the pair's retreat told in the paragraph after it (500da0f).
    "final11": (0.87, 0.95, 0.81, 0.90, 0.85),
    # final12 meetings 0.85 -> 0.84: with "Somalia.[26]" ending its sentence, "Sisi attended a
    # tripartite summit in Asmara ..., to which Ethiopia was not invited" stands alone and reads as
    # a meeting (Ethiopia names Abiy); direct quotes 0.96 -> 0.95: "a "colonial-era mentality"",
    # caught before only by the sentence glued in front of it, is no longer. (Meetings back at 0.85
    # once the Gulf principals' countries were read: 0a0ff4e.)
    # final12 meetings 0.85 -> 0.83 (0.840; start date 0.85 -> 0.95): "Published: Sun 26 Feb 2017"
    # now dates an article, so a live blog's relative dates resolve; three paragraphs retelling a
    # day's visit under a new date (Delhi, Cairo, Tehran) now open meetings of their own. (Back at
    # 0.85 once a journey "to prepare" a meeting and time "the pair spent" were read: 7d5a9df, f5a5296.)
    "final12": (0.85, 0.95, 0.79, 0.89, 0.88),
    "final13": (0.90, 0.87, 0.86, 0.90, 0.87),
    "final14": (0.80, 0.82, 0.78, 0.82, 0.82),
    # final15 start 0.93 -> 0.92 (meetings 0.84 -> 0.86): "Niinistö was Biden's guest at the White
    # House" finds two of the live blog's background meetings, and one takes the blog's own day
    # (13 July 2023) for the bold date of the entry it is told in (c6e465b).
    # final15 country 0.95 -> 0.94 (meetings 0.865 -> 0.872): Obama's state visit of 24-25 May 2011,
    # told mid-paragraph, is now found, its country read from "talks on Libya" and its city as the
    # borough of Southwark (the set-22 pre-score commit).
    "final15": (0.86, 0.92, 0.86, 0.94, 0.88),
    # final16 city 0.81 -> 0.80 (meetings 0.86 -> 0.88): "they had a sit-down in Washington" after "in
    # Joe Biden's company" is now a meeting found, its city read as the state of Washington (a1f2f17).
    # final16 meetings 0.88 -> 0.87: its no-meeting article's principals are now Sandu and Putin, not
    # Sandu and "Moldova" (8e4b771), and one more of its sentences reads as their meeting.
    "final16": (0.87, 0.90, 0.80, 0.90, 0.85),
    "final17": (0.81, 0.90, 0.75, 0.76, 0.75),
    # final18 (after its first score, post-score rules): the Mar-a-Lago afternoon now found has no country
    # (a landmark) and a format the gold reads otherwise: country 0.86 -> 0.85, format 0.80 -> 0.79.
    # final18 city 0.81 -> 0.79, country 0.85 -> 0.84 (meetings 0.85 kept): the wire's "wrapping up an
    # April 6-8 state visit" now dates its lead meeting by the visit (b9408dc), so the visit's Cairo days
    # no longer open a meeting of their own; the one meeting left takes the lead's "into the Gaza Strip".
    # final18 city 0.79 -> 0.78, country 0.84 -> 0.83, format 0.79 -> 0.78 (meetings 0.857 -> 0.866): a
    # timeline entry opening "May 2 — Obama's first trip south ..." now goes on to "The presidents hold
    # talks at the National Palace" (c3d78a4), a meeting found with no city and the country of the
    # next day's onward flight.
    "final18": (0.84, 0.95, 0.78, 0.83, 0.78),
    # final19 (after its first score, post-score rules).
    "final19": (0.91, 0.98, 0.93, 0.95, 0.86),
    # final20 (after its first score, post-score rules).
    "final20": (0.83, 0.89, 0.84, 0.91, 0.88),
    # final21 (after its first score, post-score rules).
    "final21": (0.81, 0.83, 0.89, 0.85, 0.83),
    # final22 (after its first score, post-score rules).
    "final22": (0.89, 0.93, 0.86, 0.95, 0.93),
    # final23 (after its first score, post-score rules).
    "final23": (0.84, 0.88, 0.80, 0.81, 0.77),
}
MEETING_METRICS = ("meetings.f1", "fields.start_date.accuracy", "fields.city.accuracy", "fields.country.accuracy",
                   "fields.format.accuracy")
for _name, _values in MEETING_FLOORS.items():
    FLOORS.setdefault(_name, {}).update(zip(MEETING_METRICS, _values))


@pytest.fixture(scope="module")
def eval_scores(nlp):
    out = {}
    config = Config()
    for name in FLOORS:
        sources = [read_source(p) for p in sorted((EVAL / name).glob("*.txt"))]
        docs = parse_many(nlp, [s.text for s in sources])
        scores = []
        for source, doc in zip(sources, docs, strict=True):
            gold = Document.model_validate_json((EVAL / name / f"{source.id}.gold.json").read_text(encoding="utf-8"))
            scores.append(score(extract_from_doc(source, doc, config), gold))
        out[name] = (metrics(total(scores)), scores)
    return out


@pytest.mark.parametrize(("name", "metric"), [(n, m) for n, f in FLOORS.items() for m in f])
def test_eval_quote_scores_do_not_fall(eval_scores, name, metric):
    value, scores = eval_scores[name][0][metric], eval_scores[name][1]
    wrong = [f"  {m.item} {m.field} gold={m.gold!r} pred={m.predicted!r}"
             for s in scores for m in s.mismatches if m.field in {"quote", "speaker", metric.split(".")[1]}]
    assert value is not None and value >= FLOORS[name][metric], f"eval/{name} {metric} = {value}:\n" + "\n".join(wrong)
