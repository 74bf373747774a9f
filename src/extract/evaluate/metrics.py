"""Scores as counts and metrics: the tallies, their names, totals and the JSON report.

Pure computation; :mod:`extract.evaluate.scoring` fills the counts by aligning a prediction with its gold.

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

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal


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
