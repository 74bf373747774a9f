"""The scorer on small hand-made documents; every expected number is worked out in a comment."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extract.models import Article, Document, Meeting, Quote, Section
from extract.evaluate.metrics import Accuracy, PRF, metric_names, metrics, report_json, total
from extract.evaluate.scoring import align_meetings, iou, score, token_f1

D1, D2 = dt.date(2016, 6, 7), dt.date(2017, 3, 9)


def doc(meetings: list[Meeting] = (), quotes: list[Quote] = ()) -> Document:  # type: ignore[assignment]
    return Document(article=Article(id="art", sha256="0" * 64, chars=1000), meetings=list(meetings), quotes=list(quotes))


def meeting(n: int, start: int, end: int, **fields) -> Meeting:
    return Meeting(id=f"m{n}", section=Section(start=start, end=end), **fields)


def quote(n: int, start: int, end: int, kind: str = "direct", **fields) -> Quote:
    return Quote(id=f"q{n}", start=start, end=end, text="x" * (end - start), kind=kind, **fields)


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


# --- conventions ----------------------------------------------------------------------------

def test_metric_names_are_flat_stable_and_complete():
    names = metric_names()
    for name in ("meetings.f1", "meetings.precision", "fields.start_date.accuracy", "fields.venues.accuracy",
                 "topics.f1", "quotes.direct.f1", "quotes.direct.e2e_f1", "quotes.indirect.speaker_accuracy",
                 "quotes.all.meeting_accuracy"):
        assert name in names
    # 3 meeting + 11 field + 3 topic + 3 kinds x (3 span + 1 speaker + 3 e2e + 1 meeting) = 41
    assert len(names) == len(set(names)) == 41
    assert list(metrics(score(doc(), doc()).counts)) == names


def test_both_sides_empty_is_perfect_and_accuracies_are_none():
    result = score(doc(), doc())
    values = result.metrics()
    # Nothing to find and nothing found: every P/R/F1 is 1.0 by convention.
    for name in ("meetings.precision", "meetings.recall", "meetings.f1", "quotes.all.f1", "quotes.direct.e2e_f1"):
        assert values[name] == 1.0
    # No pairs were compared: accuracies (and topics, scored over aligned meetings) have no value.
    assert values["fields.city.accuracy"] is None
    assert values["quotes.all.speaker_accuracy"] is None
    assert values["topics.f1"] is None
    assert result.mismatches == []


def test_empty_gold_makes_every_prediction_spurious():
    pred = doc([meeting(1, 40, 90, city="Moscow")], [quote(1, 50, 60, speaker="Vladimir Putin", meeting="m1")])
    result = score(pred, doc())
    values = result.metrics()
    # meetings tp 0 fp 1 fn 0: precision 0/1, recall 0/0 with only one side empty -> 0.0
    assert (values["meetings.precision"], values["meetings.recall"], values["meetings.f1"]) == (0.0, 0.0, 0.0)
    assert values["quotes.direct.f1"] == 0.0
    assert values["quotes.indirect.f1"] == 1.0  # no indirect quote on either side
    assert values["fields.city.accuracy"] is None
    assert [(m.kind, m.field, m.pred_id, m.offset) for m in result.mismatches] == [
        ("spurious", "meeting", "m1", 40),  # a predicted meeting sits at its section start
        ("spurious", "quote", "q1", 50),
    ]
    assert result.mismatches[0].predicted == {"ordinal": None, "start_date": None, "city": "Moscow"}


def test_empty_prediction_misses_everything():
    gold = doc([meeting(1, 0, 100, start_date=D1)], [quote(1, 10, 20, kind="indirect", meeting="m1")])
    result = score(doc(), gold)
    values = result.metrics()
    assert values["meetings.recall"] == 0.0 and values["meetings.precision"] == 0.0
    assert values["quotes.indirect.recall"] == 0.0 and values["quotes.indirect.e2e_f1"] == 0.0
    assert values["quotes.direct.f1"] == 1.0
    assert [(m.kind, m.field, m.gold_id, m.gold, m.offset) for m in result.mismatches] == [
        ("missed", "meeting", "m1", {"ordinal": None, "start_date": "2016-06-07", "city": None}, 0),
        ("missed", "quote", "q1", "x" * 10, 10),
    ]


def test_prf_and_accuracy_add_up_counts():
    assert PRF(1, 2, 3) + PRF(1, 0, 1) == PRF(2, 2, 4)
    assert Accuracy(1, 2) + Accuracy(0, 1) == Accuracy(1, 3)
    # P = 2/4, R = 2/6, F1 = 2 * .5 * (1/3) / (.5 + 1/3) = 0.4
    assert PRF(2, 2, 4).f1 == approx(0.4)
    assert PRF(0, 1, 1).f1 == 0.0  # P = R = 0: no division by zero
    assert Accuracy().value is None


# --- meeting alignment ----------------------------------------------------------------------

def test_meetings_align_by_ordinal_before_section_overlap():
    gold = doc([meeting(1, 0, 100, ordinal=1), meeting(2, 100, 200, ordinal=2)])
    # The prediction's first section covers gold m1's text, but its ordinal says it is gold m2.
    pred = doc([meeting(1, 0, 100, ordinal=2)])
    result = score(pred, gold)
    assert result.meeting_pairs == {"m1": "m2"}
    assert [(m.kind, m.gold_id) for m in result.mismatches] == [("missed", "m1")]


def test_conflicting_ordinals_never_align_even_on_the_same_date_and_text():
    gold = doc([meeting(1, 0, 100, ordinal=3, start_date=D1)])
    pred = doc([meeting(1, 0, 100, ordinal=4, start_date=D1)])
    result = score(pred, gold)
    assert result.meeting_pairs == {}
    # tp 0 fp 1 fn 1
    assert result.counts.groups["meetings"] == PRF(0, 1, 1)


def test_meetings_without_ordinals_align_by_start_date():
    gold = doc([meeting(1, 0, 100, start_date=D1), meeting(2, 100, 200, start_date=D2)])
    # Pred m1 overlaps gold m1's section most, but its date is gold m2's; the date decides.
    pred = doc([meeting(1, 0, 150, start_date=D2)])
    assert align_meetings(gold.meetings, pred.meetings) == [(1, 0)]


def test_meeting_with_an_ordinal_on_one_side_only_aligns_by_date_and_ordinal_counts_wrong():
    gold = doc([meeting(1, 0, 100, ordinal=5, start_date=D2)])
    pred = doc([meeting(1, 300, 400, start_date=D2)])
    result = score(pred, gold)
    assert result.meeting_pairs == {"m1": "m1"}
    assert result.metrics()["fields.ordinal.accuracy"] == 0.0
    assert [(m.kind, m.field, m.gold, m.predicted, m.offset) for m in result.mismatches] == [("wrong", "ordinal", 5, None, 0)]


def test_meetings_without_ordinals_or_dates_align_by_largest_section_overlap():
    gold = doc([meeting(1, 0, 100), meeting(2, 100, 200), meeting(3, 500, 600)])
    # pred m1 [0,120) overlaps gold m1 by 100 and gold m2 by 20; pred m2 [120,200) overlaps gold m2 by 80;
    # pred m3 [300,400) overlaps nothing.
    pred = doc([meeting(1, 0, 120), meeting(2, 120, 200), meeting(3, 300, 400)])
    result = score(pred, gold)
    assert result.meeting_pairs == {"m1": "m1", "m2": "m2"}
    # tp 2 fp 1 fn 1: P = R = F1 = 2/3
    values = result.metrics()
    assert values["meetings.precision"] == approx(2 / 3)
    assert values["meetings.recall"] == approx(2 / 3)
    assert values["meetings.f1"] == approx(2 / 3)
    assert [(m.kind, m.item, m.offset) for m in result.mismatches] == [("spurious", "m3", 300), ("missed", "m3", 500)]


def test_wrong_date_is_a_field_error_when_the_sections_overlap():
    gold = doc([meeting(1, 0, 100, start_date=D1, end_date=D1)])
    pred = doc([meeting(1, 10, 100, start_date=D2, end_date=D2)])
    result = score(pred, gold)
    assert result.meeting_pairs == {"m1": "m1"}
    assert result.metrics()["fields.start_date.accuracy"] == 0.0
    assert [(m.field, m.gold, m.predicted) for m in result.mismatches] == [
        ("start_date", "2016-06-07", "2017-03-09"), ("end_date", "2016-06-07", "2017-03-09"),
    ]


# --- meeting fields -------------------------------------------------------------------------

def test_field_rules_casefold_sets_and_the():
    gold = doc([meeting(
        1, 30, 200, start_date=D1, end_date=D1, city="Moscow", country="Russia",
        venues=["the Kremlin", "Bolshoy Theater"], format="visit", visitor=None,
        participants=["Vladimir Putin", "Benjamin Netanyahu"], occasion="Victory Day",
    )])
    pred = doc([meeting(
        1, 30, 200, start_date=D1, end_date=dt.date(2016, 6, 8), city=" moscow", country="Israel",
        venues=["Bolshoy  theater", "Kremlin"], format=None, visitor=None,
        participants=["benjamin netanyahu"], occasion="the Victory Day",
    )])
    values = score(pred, gold).metrics()
    right = ("start_date", "city", "venues", "visitor", "occasion", "ordinal", "date_text")
    wrong = ("end_date", "country", "format", "participants")
    assert {f: values[f"fields.{f}.accuracy"] for f in right} == dict.fromkeys(right, 1.0)
    assert {f: values[f"fields.{f}.accuracy"] for f in wrong} == dict.fromkeys(wrong, 0.0)


def test_field_mismatches_carry_values_and_the_gold_section_start():
    gold = doc([meeting(1, 30, 200, format="visit", participants=["Vladimir Putin", "Benjamin Netanyahu"])])
    pred = doc([meeting(1, 35, 200, format="sidelines", participants=["Vladimir Putin"])])
    mismatches = score(pred, gold).mismatches
    assert [(m.kind, m.gold_id, m.pred_id, m.field, m.gold, m.predicted, m.offset) for m in mismatches] == [
        ("wrong", "m1", "m1", "format", "visit", "sidelines", 30),
        ("wrong", "m1", "m1", "participants", ["Vladimir Putin", "Benjamin Netanyahu"], ["Vladimir Putin"], 30),
    ]


@pytest.mark.parametrize(
    ("gold", "pred", "f1", "right"),
    [
        # tokens {paris summit on climate change} vs {paris climate summit}: 2*3/(5+3) = 0.75
        ("Paris Summit on Climate Change", "Paris climate summit", 0.75, True),
        # 4 tokens vs 3, 2 shared: 2*2/(4+3) = 0.571, just above the bar
        ("Armistice Day centenary commemoration", "Armistice Day ceremony", 4 / 7, True),
        # 4 vs 4, 2 shared: exactly 0.5 counts as right
        ("Armistice Day centenary commemoration", "Armistice Day 2018 events", 0.5, True),
        # 4 vs 5, 2 shared: 2*2/(4+5) = 0.444, just below
        ("Armistice Day centenary commemoration", "Armistice Day 2018 memorial events", 4 / 9, False),
        # a leading "the" is not a token that counts
        ("Victory Day", "the Victory Day", 1.0, True),
        (None, None, 1.0, True),
        (None, "Victory Day", 0.0, False),
        ("Victory Day", None, 0.0, False),
    ],
)
def test_occasion_is_right_from_token_f1_of_one_half(gold, pred, f1, right):
    assert token_f1(gold, pred) == approx(f1)
    result = score(doc([meeting(1, 0, 10, occasion=pred)]), doc([meeting(1, 0, 10, occasion=gold)]))
    assert result.metrics()["fields.occasion.accuracy"] == (1.0 if right else 0.0)


def test_topics_are_micro_averaged_over_aligned_pairs_only():
    gold = doc([meeting(1, 0, 100, topics=["Syria", "Iran"]), meeting(2, 100, 200, topics=["Hezbollah"])])
    pred = doc([
        meeting(1, 0, 100, topics=["syria", "trade"]),  # tp 1 (case-folded), fp 1 (trade), fn 1 (Iran)
        meeting(2, 100, 200),  # fn 1 (Hezbollah)
        meeting(3, 900, 950, topics=["pensions"]),  # aligned with nothing: its topics are not counted
    ])
    result = score(pred, gold)
    # tp 1 fp 1 fn 2: P = 1/2, R = 1/3, F1 = 2 * (1/6) / (5/6) = 0.4
    assert result.counts.groups["topics"] == PRF(1, 1, 2)
    values = result.metrics()
    assert (values["topics.precision"], values["topics.recall"], values["topics.f1"]) == (approx(0.5), approx(1 / 3), approx(0.4))
    notes = [m.note for m in result.mismatches if m.field == "topics"]
    assert notes == ["missing Iran; extra trade", "missing Hezbollah"]


def test_topics_have_no_value_when_no_meeting_aligned():
    result = score(doc([meeting(1, 500, 600, topics=["Syria"])]), doc([meeting(1, 0, 100, topics=["Syria"])]))
    assert result.metrics()["topics.f1"] is None


# --- quotes ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("pred_span", "matches"),
    [
        ((0, 15), True),  # inter 10, union 15: IoU 0.667
        ((0, 20), True),  # inter 10, union 20: IoU exactly 0.5
        ((0, 21), False),  # inter 10, union 21: IoU 0.476
        ((5, 15), False),  # inter 5, union 15: IoU 0.333
    ],
)
def test_quote_match_needs_iou_of_one_half(pred_span, matches):
    result = score(doc(quotes=[quote(1, *pred_span)]), doc(quotes=[quote(1, 0, 10)]))
    assert result.counts.groups["quotes.direct"] == (PRF(1, 0, 0) if matches else PRF(0, 1, 1))


def test_iou():
    assert iou(0, 10, 0, 15) == approx(10 / 15)
    assert iou(0, 10, 10, 20) == 0.0


def test_kind_mismatch_is_a_miss_and_a_spurious_quote():
    gold = doc(quotes=[quote(1, 10, 20, kind="direct")])
    pred = doc(quotes=[quote(1, 10, 20, kind="indirect")])
    result = score(pred, gold)
    values = result.metrics()
    # direct: tp 0 fp 0 fn 1; indirect: tp 0 fp 1 fn 0; all: tp 0 fp 1 fn 1 -> every F1 0
    assert (values["quotes.direct.f1"], values["quotes.indirect.f1"], values["quotes.all.f1"]) == (0.0, 0.0, 0.0)
    assert values["quotes.all.speaker_accuracy"] is None
    # The mismatch notes say why the same span did not count.
    assert [(m.kind, m.note) for m in result.mismatches] == [
        ("missed", "direct; overlaps q1 (indirect, IoU 1.00)"),
        ("spurious", "indirect; overlaps q1 (direct, IoU 1.00)"),
    ]


def test_two_predictions_over_one_gold_quote_match_once_highest_iou_first():
    gold = doc(quotes=[quote(1, 0, 10)])
    # q1 [0,8) has IoU 0.8, q2 [1,10) has IoU 0.9: q2 matches although q1 comes first.
    pred = doc(quotes=[quote(1, 0, 8), quote(2, 1, 10)])
    result = score(pred, gold)
    # tp 1 fp 1 fn 0: P 0.5, R 1, F1 2/3
    values = result.metrics()
    assert (values["quotes.direct.precision"], values["quotes.direct.recall"]) == (0.5, 1.0)
    assert values["quotes.direct.f1"] == approx(2 / 3)
    assert [(m.kind, m.pred_id) for m in result.mismatches] == [("spurious", "q1")]


def test_speaker_accuracy_and_end_to_end_f1():
    gold = doc(quotes=[
        quote(1, 0, 10, speaker="Vladimir Putin"),
        quote(2, 20, 30, speaker="Benjamin Netanyahu"),
        quote(3, 40, 50, speaker=None),
        quote(4, 60, 70, kind="indirect", speaker="Kremlin"),
    ])
    pred = doc(quotes=[
        quote(1, 0, 10, speaker="vladimir  putin"),  # right after case-folding
        quote(2, 20, 30, speaker="Vladimir Putin"),  # wrong
        quote(3, 40, 50, speaker=None),  # None == None: right
        quote(4, 60, 70, kind="indirect", speaker="Israel"),  # wrong
        quote(5, 80, 90, speaker="Vladimir Putin"),  # spurious
    ])
    values = score(pred, gold).metrics()
    # direct: spans tp 3 fp 1 fn 0 -> P 3/4, R 1, F1 6/7; speaker 2/3;
    #         e2e tp 2 fp 2 fn 1 -> P 1/2, R 2/3, F1 4/7
    assert values["quotes.direct.f1"] == approx(6 / 7)
    assert values["quotes.direct.speaker_accuracy"] == approx(2 / 3)
    assert (values["quotes.direct.e2e_precision"], values["quotes.direct.e2e_recall"]) == (0.5, approx(2 / 3))
    assert values["quotes.direct.e2e_f1"] == approx(4 / 7)
    # indirect: spans tp 1 -> F1 1; speaker 0/1; e2e tp 0 fp 1 fn 1 -> 0
    assert values["quotes.indirect.f1"] == 1.0
    assert values["quotes.indirect.speaker_accuracy"] == 0.0
    assert values["quotes.indirect.e2e_f1"] == 0.0
    # all: spans tp 4 fp 1 fn 0 -> F1 8/9; speaker 2/4; e2e tp 2 fp 3 fn 2 -> P 2/5, R 1/2, F1 4/9
    assert values["quotes.all.f1"] == approx(8 / 9)
    assert values["quotes.all.speaker_accuracy"] == 0.5
    assert values["quotes.all.e2e_f1"] == approx(4 / 9)


def test_speaker_mismatch_is_listed_at_the_gold_quote():
    gold = doc(quotes=[quote(1, 20, 30, speaker="Benjamin Netanyahu")])
    pred = doc(quotes=[quote(1, 21, 30, speaker="Vladimir Putin")])
    (m,) = score(pred, gold).mismatches
    assert (m.kind, m.field, m.gold_id, m.pred_id, m.gold, m.predicted, m.offset) == (
        "wrong", "speaker", "q1", "q1", "Benjamin Netanyahu", "Vladimir Putin", 20,
    )


def test_meeting_assignment_goes_through_the_meeting_alignment():
    gold = doc(
        [meeting(1, 0, 100, ordinal=1), meeting(2, 100, 200, ordinal=2)],
        [quote(1, 10, 20, meeting="m1"), quote(2, 110, 120, meeting="m2"), quote(3, 250, 260), quote(4, 400, 410)],
    )
    pred = doc(
        # pred m1 is gold m2 (ordinal 2); pred m2 is aligned with nothing
        [meeting(1, 100, 200, ordinal=2), meeting(2, 240, 300)],
        [
            quote(1, 10, 20),  # gold m1, predicted none: wrong
            quote(2, 110, 120, meeting="m1"),  # pred m1 = gold m2: right although the ids differ
            quote(3, 250, 260, meeting="m2"),  # gold none, predicted a spurious meeting: wrong
            quote(4, 400, 410),  # none on both sides: right
        ],
    )
    result = score(pred, gold)
    assert result.metrics()["quotes.all.meeting_accuracy"] == 0.5  # 2/4
    meeting_mismatches = [(m.gold_id, m.gold, m.predicted, m.note) for m in result.mismatches if m.field == "meeting" and m.kind == "wrong"]
    assert meeting_mismatches == [
        ("q1", "m1", None, None),
        ("q3", None, "m2", "predicted m2 is aligned with no gold meeting"),
    ]


def test_mismatches_are_in_text_order():
    gold = doc([meeting(1, 100, 200, city="Paris")], [quote(1, 10, 20), quote(2, 150, 160)])
    pred = doc([meeting(1, 100, 200, city="Sochi")], [quote(1, 300, 310)])
    assert [m.offset for m in score(pred, gold).mismatches] == [10, 100, 150, 300]


# --- totals ---------------------------------------------------------------------------------

def test_totals_are_micro_averaged_from_summed_counts():
    perfect = score(doc(quotes=[quote(1, 0, 10)]), doc(quotes=[quote(1, 0, 10)]))  # tp 1: F1 1
    missed = score(doc(), doc(quotes=[quote(1, 0, 10), quote(2, 20, 30), quote(3, 40, 50)]))  # fn 3: F1 0
    summed = total([perfect, missed])
    assert summed.groups["quotes.direct"] == PRF(1, 0, 3)
    # micro: P 1/1, R 1/4, F1 2 * .25 / 1.25 = 0.4 (a macro mean would be 0.5)
    assert metrics(summed)["quotes.direct.f1"] == approx(0.4)


def test_report_is_plain_json():
    result = score(doc([meeting(1, 0, 10, start_date=D2)]), doc([meeting(1, 0, 10, start_date=D1, topics=["Syria"])]))
    report = json.loads(json.dumps(report_json([result])))
    assert report["total"]["counts"]["topics"] == {"tp": 0, "fp": 0, "fn": 1}
    assert report["total"]["metrics"]["fields.start_date.accuracy"] == 0.0
    (article,) = report["articles"]
    assert article["meeting_pairs"] == {"m1": "m1"}
    assert article["mismatches"][0] == {
        "item": "m1", "kind": "wrong", "field": "start_date", "gold_id": "m1", "pred_id": "m1",
        "gold": "2016-06-07", "predicted": "2017-03-09", "offset": 0, "note": None,
    }
