"""Scoring a predicted document against its gold: alignment, counts, metrics and mismatches.

Pure computation over :class:`~extract.models.Document` objects; nothing here reads files or
prints (``scorecard`` does). The rules are those of the "Scoring" section of ANNOTATION.md.

Alignment
---------
Meetings are aligned one-to-one in three passes, each over the meetings still unaligned:
equal ``ordinal`` (both set), then equal ``start_date`` (both set), then overlapping
``section``. Within a pass, ties go to the larger section overlap, then to the nearer section
start. Two meetings whose ordinals are both set and differ are never aligned: the ordinal is the
article's own name for a meeting, and it is not scored as a field, so aligning such a pair would
hide the error.

Quotes are aligned one-to-one, greedily by highest intersection-over-union of their spans
first; a pair qualifies when IoU >= 0.5 and both have the same ``kind``.

Field rules: dates and ``ordinal`` exact; ``city``, ``country``, ``format``, ``visitor`` and
``date_text`` equal after case-folding and collapsing whitespace; ``venues`` and
``participants`` equal as sets after that and after stripping a leading "the ";
``occasion`` right when the F1 of its lower-cased word tokens (a leading "the" dropped) is at
least 0.5. Everywhere, None equals None; None against a value is wrong.
A quote's speaker is right when the case-folded names are equal (None == None); its meeting
is right when the predicted meeting is the one aligned with the gold quote's meeting, or both
are None. An end-to-end hit is a matched pair whose speaker is right.

The counts and metric names are in :mod:`extract.evaluate.metrics`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from ..models import Document, Meeting, Quote
from .metrics import FIELDS, OCCASION_F1, PRF, QUOTE_IOU, Accuracy, ArticleScore, Counts, Mismatch


_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _fold(value: Any) -> Any:
    if isinstance(value, Enum):
        value = value.value
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def _name_set(values: list[str]) -> set[str]:
    return {_THE.sub("", _fold(v)) for v in values}


def _tokens(value: str | None) -> list[str]:
    return _WORD.findall(_THE.sub("", value.strip()).lower()) if value else []


def token_f1(gold: str | None, predicted: str | None) -> float:
    """F1 over lower-cased word tokens (counted with repeats); 1.0 when both have none."""
    g, p = _tokens(gold), _tokens(predicted)
    if not g and not p:
        return 1.0
    common = sum((Counter(g) & Counter(p)).values())
    return 2 * common / (len(g) + len(p))


def _same_exact(g: Any, p: Any) -> bool:
    return g == p


def _same_folded(g: Any, p: Any) -> bool:
    return _fold(g) == _fold(p)


def _same_names(g: list[str], p: list[str]) -> bool:
    return _name_set(g) == _name_set(p)


def _same_occasion(g: str | None, p: str | None) -> bool:
    # A missing occasion on one side only is wrong however short the other is.
    if (g is None) != (p is None):
        return False
    return token_f1(g, p) >= OCCASION_F1


FIELD_RULES: dict[str, Callable[[Any, Any], bool]] = {
    "ordinal": _same_exact,
    "start_date": _same_exact,
    "end_date": _same_exact,
    "date_text": _same_folded,
    "city": _same_folded,
    "country": _same_folded,
    "venues": _same_names,
    "format": _same_folded,
    "visitor": _same_folded,
    "occasion": _same_occasion,
    "participants": _same_names,
}


def jsonable(value: Any) -> Any:
    """A field value as plain JSON data (dates as ISO text, enums as their value)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


# --- alignment ------------------------------------------------------------------------------

def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def iou(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    inter = _overlap(a_start, a_end, b_start, b_end)
    union = (a_end - a_start) + (b_end - b_start) - inter
    return inter / union if union else 0.0


def _greedy(candidates: list[tuple[tuple[float, ...], int, int]], taken_g: set[int], taken_p: set[int]) -> list[tuple[int, int]]:
    """One-to-one pairs, best key first; ties fall to document order through the indices."""
    pairs = []
    for _, gi, pi in sorted(candidates, key=lambda c: (tuple(-k for k in c[0]), c[1], c[2])):
        if gi not in taken_g and pi not in taken_p:
            taken_g.add(gi)
            taken_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _ordinal_conflict(g: Meeting, p: Meeting) -> bool:
    return g.ordinal is not None and p.ordinal is not None and g.ordinal != p.ordinal


def _section_key(g: Meeting, p: Meeting) -> tuple[float, float]:
    overlap = _overlap(g.section.start, g.section.end, p.section.start, p.section.end)
    return (overlap, -abs(g.section.start - p.section.start))


_MEETING_PASSES: tuple[Callable[[Meeting, Meeting], bool], ...] = (
    lambda g, p: g.ordinal is not None and g.ordinal == p.ordinal,
    lambda g, p: not _ordinal_conflict(g, p) and g.start_date is not None and g.start_date == p.start_date,
    lambda g, p: not _ordinal_conflict(g, p) and _section_key(g, p)[0] > 0,
)


def align_meetings(gold: list[Meeting], pred: list[Meeting]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one-to-one, in gold order."""
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for qualifies in _MEETING_PASSES:
        candidates = [
            (_section_key(g, p), gi, pi)
            for gi, g in enumerate(gold) if gi not in taken_g
            for pi, p in enumerate(pred) if pi not in taken_p and qualifies(g, p)
        ]
        pairs += _greedy(candidates, taken_g, taken_p)
    return sorted(pairs)


def align_quotes(gold: list[Quote], pred: list[Quote]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs with IoU >= 0.5 and equal kind, highest IoU first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = iou(g.start, g.end, p.start, p.end)
            if g.kind == p.kind and score >= QUOTE_IOU:
                candidates.append(((score,), gi, pi))
    return sorted(_greedy(candidates, set(), set()))


# --- scoring --------------------------------------------------------------------------------

def _meeting_summary(m: Meeting) -> dict[str, Any]:
    return {"ordinal": m.ordinal, "start_date": jsonable(m.start_date), "city": m.city}


def _score_meetings(gold: list[Meeting], pred: list[Meeting]) -> tuple[dict[str, PRF | Accuracy], list[Mismatch], dict[str, str]]:
    pairs = align_meetings(gold, pred)
    groups: dict[str, PRF | Accuracy] = {
        "meetings": PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    }
    found: list[Mismatch] = []
    fields = {name: Accuracy() for name in FIELDS}
    topics = PRF()
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        for name in FIELDS:
            right = FIELD_RULES[name](getattr(g, name), getattr(p, name))
            fields[name] += Accuracy(int(right), 1)
            if not right:
                found.append(_field_mismatch(g, p, name))
        pair_topics = _topic_counts(g.topics, p.topics)
        topics = topics + pair_topics
        if pair_topics.fp or pair_topics.fn:
            found.append(_topic_mismatch(g, p))
    groups.update({f"fields.{name}": tally for name, tally in fields.items()})
    groups["topics"] = topics
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    found += [
        Mismatch("missed", "meeting", g.id, None, _meeting_summary(g), None, g.section.start)
        for gi, g in enumerate(gold) if gi not in paired_g
    ]
    found += [
        Mismatch("spurious", "meeting", None, p.id, None, _meeting_summary(p), p.section.start)
        for pi, p in enumerate(pred) if pi not in paired_p
    ]
    return groups, found, {pred[pi].id: gold[gi].id for gi, pi in pairs}


def _field_mismatch(g: Meeting, p: Meeting, name: str) -> Mismatch:
    gv, pv = getattr(g, name), getattr(p, name)
    note = f"token F1 {token_f1(gv, pv):.2f}" if name == "occasion" and gv and pv else None
    return Mismatch("wrong", name, g.id, p.id, jsonable(gv), jsonable(pv), g.section.start, note)


def _topic_counts(gold: list[str], pred: list[str]) -> PRF:
    g, p = {_fold(t) for t in gold}, {_fold(t) for t in pred}
    return PRF(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def _topic_mismatch(g: Meeting, p: Meeting) -> Mismatch:
    gold_set, pred_set = {_fold(t) for t in g.topics}, {_fold(t) for t in p.topics}
    missing = [t for t in g.topics if _fold(t) not in pred_set]
    extra = [t for t in p.topics if _fold(t) not in gold_set]
    note = "; ".join(part for part in (
        f"missing {', '.join(missing)}" if missing else "", f"extra {', '.join(extra)}" if extra else ""
    ) if part)
    return Mismatch("wrong", "topics", g.id, p.id, list(g.topics), list(p.topics), g.section.start, note)


def _kinds(q: Quote) -> tuple[str, str]:
    return (q.kind.value, "all")


def _score_quotes(gold: list[Quote], pred: list[Quote], meeting_pairs: dict[str, str]) -> tuple[dict[str, PRF | Accuracy], list[Mismatch]]:
    groups: dict[str, PRF | Accuracy] = {}

    def add(kinds: Iterable[str], suffix: str, tally: PRF | Accuracy) -> None:
        for kind in kinds:
            key = f"quotes.{kind}{suffix}"
            groups[key] = groups.get(key, type(tally)()) + tally  # type: ignore[operator]

    pairs = align_quotes(gold, pred)
    found: list[Mismatch] = []
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        speaker_right = _fold(g.speaker) == _fold(p.speaker)
        meeting_right = _same_meeting(g, p, meeting_pairs)
        add(_kinds(g), "", PRF(tp=1))
        add(_kinds(g), ".speaker", Accuracy(int(speaker_right), 1))
        add(_kinds(g), ".e2e", PRF(tp=1) if speaker_right else PRF(fp=1, fn=1))
        add(_kinds(g), ".meeting", Accuracy(int(meeting_right), 1))
        if not speaker_right:
            found.append(Mismatch("wrong", "speaker", g.id, p.id, g.speaker, p.speaker, g.start))
        if not meeting_right:
            found.append(_quote_meeting_mismatch(g, p, meeting_pairs))
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in paired_g:
            add(_kinds(g), "", PRF(fn=1))
            add(_kinds(g), ".e2e", PRF(fn=1))
            found.append(Mismatch("missed", "quote", g.id, None, g.text, None, g.start, _quote_note(g, pred)))
    for pi, p in enumerate(pred):
        if pi not in paired_p:
            add(_kinds(p), "", PRF(fp=1))
            add(_kinds(p), ".e2e", PRF(fp=1))
            found.append(Mismatch("spurious", "quote", None, p.id, None, p.text, p.start, _quote_note(p, gold)))
    return groups, found


def _same_meeting(g: Quote, p: Quote, meeting_pairs: dict[str, str]) -> bool:
    # Ids differ between the sides; a predicted meeting stands for the gold one aligned with it.
    if p.meeting is None:
        return g.meeting is None
    return p.meeting in meeting_pairs and meeting_pairs[p.meeting] == g.meeting


def _quote_meeting_mismatch(g: Quote, p: Quote, meeting_pairs: dict[str, str]) -> Mismatch:
    if p.meeting is None:
        note = None
    elif p.meeting in meeting_pairs:
        note = f"predicted {p.meeting} is aligned with gold {meeting_pairs[p.meeting]}"
    else:
        note = f"predicted {p.meeting} is aligned with no gold meeting"
    return Mismatch("wrong", "meeting", g.id, p.id, g.meeting, p.meeting, g.start, note)


def _quote_note(q: Quote, others: list[Quote]) -> str:
    """The quote's kind, and the best-overlapping quote on the other side: why it did not match."""
    best = max(others, key=lambda o: iou(q.start, q.end, o.start, o.end), default=None)
    score = iou(q.start, q.end, best.start, best.end) if best else 0.0
    if best is None or score == 0:
        return q.kind.value
    return f"{q.kind.value}; overlaps {best.id} ({best.kind.value}, IoU {score:.2f})"


def score(pred: Document, gold: Document) -> ArticleScore:
    """Compare one predicted document with its gold."""
    meeting_groups, meeting_mismatches, meeting_pairs = _score_meetings(gold.meetings, pred.meetings)
    quote_groups, quote_mismatches = _score_quotes(gold.quotes, pred.quotes, meeting_pairs)
    counts = Counts({**Counts().groups, **meeting_groups, **quote_groups})
    mismatches = sorted(meeting_mismatches + quote_mismatches, key=lambda m: m.offset)
    return ArticleScore(gold.article.id, counts, mismatches, meeting_pairs)
