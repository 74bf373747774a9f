"""A learned second opinion on which paragraphs introduce a meeting of the principals.

The segmenter's rules propose meeting introductions; a small spaCy text classifier, trained on the
project's hand-annotated articles (``train/``, ``make train``), reads each paragraph together with
what the rules found in it (the feature words below) and gives the probability that it opens a
meeting's section. With a gate, a proposal the classifier finds unlikely is dropped and a
paragraph it finds very likely is added. The words the rules compute are written as pseudo-words
in front of the paragraph, so the bag-of-words model can weigh them like any other word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from ..errors import InputError
from spacy.tokens import Span

LABEL = "START"


def features(verdicts: list[str], loose: list[str], *, proposed: bool, dated: bool, header: bool, quoted: bool) -> list[str]:
    """The rules' findings on one paragraph as pseudo-words: the segmenter's proposal, each
    sentence's verdict (strict and loose), whether a date is there, and the paragraph's shape."""
    out = ["xrule" if proposed else "xnorule"]
    out += sorted({f"xv{v.lower()}" for v in verdicts})
    out += sorted({f"xl{v.lower()}" for v in loose})
    out += ["xdated" if dated else "xundated"]
    if header:
        out.append("xheader")
    if quoted:
        out.append("xquoted")
    return out


def model_input(feature_words: list[str], text: str) -> str:
    return " ".join(feature_words) + " | " + text


@dataclass(frozen=True)
class Thresholds:
    """Below ``drop`` a proposal of the rules is dropped; at or above ``add`` a paragraph the
    rules passed over opens a meeting."""

    drop: float = 0.2
    add: float = 0.8


class MeetingGate:
    """The trained classifier: probability that a paragraph opens a meeting's section."""

    def __init__(self, nlp: Language, thresholds: Thresholds = Thresholds()):
        self.nlp, self.thresholds = nlp, thresholds

    @classmethod
    def load(cls, path: str | Path, thresholds: Thresholds = Thresholds()) -> MeetingGate:
        return cls(_load(str(path)), thresholds)

    def __call__(self, feature_words: list[str], text: str) -> float:
        return self.nlp(model_input(feature_words, text)).cats.get(LABEL, 0.0)


def decide(gate: MeetingGate, feature_words: list[str], text: str, *, proposed: bool) -> bool | None:
    """False: drop the rules' proposal; True: a meeting opens here; None: leave it to the rules."""
    p = gate(feature_words, text)
    if proposed and p < gate.thresholds.drop:
        return False
    if not proposed and p >= gate.thresholds.add:
        return True
    return None


def load_gate(path: str | Path | None) -> MeetingGate | None:
    """The gate trained into ``path``, or None without one; a folder that holds no trained
    pipeline is one clear error."""
    if path is None:
        return None
    if not (Path(path) / "config.cfg").is_file():
        raise InputError(f"{path}: no trained meeting gate there (build one with `make train`)")
    return MeetingGate.load(path)


@lru_cache(maxsize=4)
def _load(path: str) -> Language:
    import spacy

    return spacy.load(path)


def has_date(sents: tuple[Span, ...]) -> bool:
    return any(ent.label_ == "DATE" for s in sents for ent in s.ents)
