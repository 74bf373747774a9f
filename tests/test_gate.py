"""The meeting gate's wiring: a learned probability drops or adds meeting introductions.

The trained weights are not needed here: a stand-in classifier with a fixed answer shows what the
segmenter does with each answer (training itself is `make train`; the comparison `make cv`).
"""

from __future__ import annotations

from types import SimpleNamespace

from extract.meetings.gate import LABEL, MeetingGate, Thresholds, decide, features
from extract.pipeline import Config, extract

from .conftest import CORPUS


class Fixed:
    """A stand-in for the trained pipeline: the same probability for every paragraph."""

    def __init__(self, p: float) -> None:
        self.p, self.seen = p, []

    def __call__(self, text: str):
        self.seen.append(text)
        return SimpleNamespace(cats={LABEL: self.p})


def test_decide_drops_below_and_adds_above():
    gate = lambda p: MeetingGate(Fixed(p), Thresholds(drop=0.2, add=0.8))  # noqa: E731
    assert decide(gate(0.1), ["xrule"], "text", proposed=True) is False
    assert decide(gate(0.5), ["xrule"], "text", proposed=True) is None
    assert decide(gate(0.9), ["xnorule"], "text", proposed=False) is True
    assert decide(gate(0.5), ["xnorule"], "text", proposed=False) is None


def test_features_name_what_the_rules_found():
    words = features(["meeting", "none"], ["meeting"], proposed=True, dated=True, header=False, quoted=False)
    assert words == ["xrule", "xvmeeting", "xvnone", "xlmeeting", "xdated"]


def test_the_gate_is_asked_about_every_paragraph_and_its_answer_counts(nlp):
    text = (CORPUS / "biden-putin.txt").read_text(encoding="utf-8")
    rules = extract(text, nlp)
    never, always = Fixed(0.0), Fixed(1.0)
    assert rules.meetings
    assert extract(text, nlp, Config(meeting_gate=MeetingGate(never))).meetings == []
    assert len(extract(text, nlp, Config(meeting_gate=MeetingGate(always))).meetings) > len(rules.meetings)
    # Each paragraph reaches the classifier with the rules' findings written in front of it.
    assert never.seen and all(" | " in t and t.split()[0] in {"xrule", "xnorule"} for t in never.seen)
