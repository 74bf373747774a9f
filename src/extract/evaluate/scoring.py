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

Metric names
------------
Flat and stable; ``--fail-under`` and the JSON report use them::

    meetings.precision  meetings.recall  meetings.f1
    fields.<field>.accuracy        for <field> in FIELDS (over aligned meeting pairs)
    topics.precision  topics.recall  topics.f1     (micro over aligned meeting pairs)
    quotes.<kind>.precision  quotes.<kind>.recall  quotes.<kind>.f1        (span match)
    quotes.<kind>.speaker_accuracy                  (over matched pairs)
    quotes.<kind>.e2e_precision  quotes.<kind>.e2e_recall  quotes.<kind>.e2e_f1
    quotes.<kind>.meeting_accuracy                  (over matched pairs)

with <kind> one of ``direct``, ``indirect``, ``all``. ``fields.ordinal`` and
``fields.date_text`` are informational: ANNOTATION.md does not ask for them.

Field rules: dates and ``ordinal`` exact; ``city``, ``country``, ``format``, ``visitor`` and
``date_text`` equal after case-folding and collapsing whitespace; ``venues`` and
``participants`` equal as sets after that and after stripping a leading "the ";
``occasion`` right when the F1 of its lower-cased word tokens (a leading "the" dropped) is at
least 0.5. Everywhere, None equals None; None against a value is wrong.
A quote's speaker is right when the case-folded names are equal (None == None); its meeting
is right when the predicted meeting is the one aligned with the gold quote's meeting, or both
are None. An end-to-end hit is a matched pair whose speaker is right.

Conventions for empty denominators
----------------------------------
* Precision, recall, F1 are all 1.0 when there is nothing on either side (tp = fp = fn = 0):
  predicting no quotes for an article without quotes is right. When only one side is empty,
  the undefined ratio is 0.0, and so is F1.
* An accuracy over zero pairs is None (shown as "–"): nothing was compared. ``topics.*`` are
  None when no meeting pair was aligned, for the same reason.
* A None metric neither passes nor fails a ``--fail-under`` threshold; it is reported as
  skipped.

Totals over several articles are micro-averaged: the raw counts are summed, then the metrics
are computed once from the sums (:func:`total`, :func:`metrics`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Literal

from ..models import Document, Meeting, Quote

MismatchKind = Literal["missed", "spurious", "wrong"]

FIELDS = (
    "ordinal", "start_date", "end_date", "date_text", "city", "country",
    "venues", "format", "visitor", "occasion", "participants",
)
KINDS = ("direct", "indirect", "all")
QUOTE_IOU = 0.5
OCCASION_F1 = 0.5


@dataclass(frozen=True)
class PRF:
    """Raw counts behind a precision/recall/F1 triple; adding two sums them (micro-averaging)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of pairs compared; the value is None when nothing was compared."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return None if self.total == 0 else self.correct / self.total


def _ratio(num: int, den: int) -> float:
    return 0.0 if den == 0 else num / den


@dataclass(frozen=True)
class Mismatch:
    """One disagreement between prediction and gold, located in the article text.

    ``offset`` is the gold item's start (a meeting's ``section.start``, a quote's ``start``),
    or the predicted item's for a spurious one.
    """

    kind: MismatchKind
    field: str
    gold_id: str | None
    pred_id: str | None
    gold: Any
    predicted: Any
    offset: int
    note: str | None = None

    @property
    def item(self) -> str:
        return self.gold_id if self.gold_id is not None else str(self.pred_id)

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, **asdict(self)}


# --- counts ---------------------------------------------------------------------------------

def _group_keys() -> dict[str, type[PRF] | type[Accuracy]]:
    keys: dict[str, type[PRF] | type[Accuracy]] = {"meetings": PRF}
    keys.update({f"fields.{name}": Accuracy for name in FIELDS})
    keys["topics"] = PRF
    for kind in KINDS:
        keys[f"quotes.{kind}"] = PRF
        keys[f"quotes.{kind}.speaker"] = Accuracy
        keys[f"quotes.{kind}.e2e"] = PRF
        keys[f"quotes.{kind}.meeting"] = Accuracy
    return keys


GROUPS = _group_keys()


@dataclass(frozen=True)
class Counts:
    """Every raw count, keyed by group (``meetings``, ``fields.city``, ``quotes.direct.e2e``, ...)."""

    groups: dict[str, PRF | Accuracy] = field(default_factory=lambda: {k: t() for k, t in GROUPS.items()})

    def __add__(self, other: Counts) -> Counts:
        return Counts({k: self.groups[k] + other.groups[k] for k in GROUPS})  # type: ignore[operator]

    def to_json(self) -> dict[str, dict[str, int]]:
        return {k: asdict(v) for k, v in self.groups.items()}


def _stat_names(group: str, tally: type[PRF] | type[Accuracy]) -> list[tuple[str, str]]:
    """(metric name, statistic) pairs for one group; quote sub-groups join with "_" (``e2e_f1``)."""
    stats = ("precision", "recall", "f1") if tally is PRF else ("accuracy",)
    head, _, last = group.rpartition(".")
    if head.startswith("quotes.") and last in ("speaker", "e2e", "meeting"):
        return [(f"{head}.{last}_{s}", s) for s in stats]
    return [(f"{group}.{s}", s) for s in stats]


def layout() -> list[tuple[str, str, str]]:
    """(group, metric name, statistic) for every metric, in scorecard order."""
    return [(group, name, stat) for group, tally in GROUPS.items() for name, stat in _stat_names(group, tally)]


def metric_names() -> list[str]:
    """Every metric name, in scorecard order."""
    return [name for _, name, _ in layout()]


def metrics(counts: Counts) -> dict[str, float | None]:
    """Every metric computed from ``counts`` (per article, or summed for a micro-average)."""
    # Topics are scored over aligned meetings; with none aligned nothing was compared.
    no_pairs = counts.groups["meetings"].tp == 0  # type: ignore[union-attr]
    out: dict[str, float | None] = {}
    for group, name, stat in layout():
        tally = counts.groups[group]
        if group == "topics" and no_pairs:
            out[name] = None
        elif isinstance(tally, Accuracy):
            out[name] = tally.value
        else:
            out[name] = getattr(tally, stat)
    return out


@dataclass(frozen=True)
class ArticleScore:
    """One article's counts, mismatches, and which predicted meeting went with which gold one."""

    article: str
    counts: Counts
    mismatches: list[Mismatch]
    meeting_pairs: dict[str, str]  # predicted meeting id -> gold meeting id

    def metrics(self) -> dict[str, float | None]:
        return metrics(self.counts)

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "metrics": _rounded(self.metrics()),
            "counts": self.counts.to_json(),
            "meeting_pairs": self.meeting_pairs,
            "mismatches": [m.to_json() for m in self.mismatches],
        }


def total(scores: Iterable[ArticleScore]) -> Counts:
    """Summed counts over articles, for micro-averaged metrics."""
    summed = Counts()
    for s in scores:
        summed = summed + s.counts
    return summed


def _rounded(values: dict[str, float | None]) -> dict[str, float | None]:
    return {k: None if v is None else round(v, 4) for k, v in values.items()}


def report_json(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """The whole report as plain data: each article, then the micro-averaged total."""
    summed = total(scores)
    return {
        "articles": [s.to_json() for s in scores],
        "total": {"metrics": _rounded(metrics(summed)), "counts": summed.to_json()},
    }


# --- normalisation --------------------------------------------------------------------------

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
