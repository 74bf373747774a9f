"""The report's timeline as plain data for ``templates/_timeline.html``: where each dated meeting
(and each missed gold one) sits on the SVG, its label's row, the ticks, and the meetings without
a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import Document, Meeting
from .diff import Diff
from .markup import MONTHS, fmt_date, fmt_dates

TL_WIDTH, TL_PAD, TL_ROW, TL_CHAR = 1150.0, 30.0, 38.0, 7.3  # px; TL_CHAR: a label character's width


@dataclass
class Point:
    """A meeting on the timeline: its marker at ``x`` (a bar to ``end_x`` when it lasts days) and its
    two-line label, whose first baseline is ``first``; the leader runs from the axis to ``reach``.
    A missed gold meeting (``missed``) sits below the axis."""

    x: float
    lines: tuple[str, str]
    meeting: str
    title: str  # the marker's tooltip
    classes: str = ""  # the marker's, for a found meeting
    missed: bool = False
    end_x: float | None = None
    anchor: str = "start"
    tx: float = 0.0
    first: float = 0.0
    reach: float = 0.0


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Plot:
    """The SVG's geometry: ``axis`` is the axis's y; points above it first, then below."""

    width: float
    height: float
    pad: float
    axis: float
    ticks: list[Tick]
    points: list[Point]


@dataclass
class Timeline:
    """The timeline section: the plot (None when no meeting has a date), the meetings without a
    date (id, city, format) and the missed gold ones without a date (id, city)."""

    plot: Plot | None
    compared: bool  # with gold: the key explains the rings
    undated: list[tuple[str, str, str]]
    missed_undated: list[tuple[str, str]]


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """Year ticks where the range holds two or more new years, else month ticks; a dozen at most."""
    years = [dt.date(y, 1, 1) for y in range(lo.year + 1, hi.year + 1)]
    if len(years) >= 2:
        return [(d, str(d.year)) for d in years[:: len(years) // 12 + 1]]
    months = []
    y, mo = (lo.year, lo.month + 1) if lo.month < 12 else (lo.year + 1, 1)
    while dt.date(y, mo, 1) <= hi:
        months.append(dt.date(y, mo, 1))
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return [(d, f"{MONTHS[d.month - 1]} {d.year}") for d in months[:: len(months) // 12 + 1]]


def _rows(points: list[Point], gap: float = 12) -> list[int]:
    """A label row for each point (sorted by x) so that labels in one row do not overlap."""
    ends: list[float] = []
    rows = []
    for p in points:
        w = TL_CHAR * max(map(len, p.lines)) + 6
        p.anchor = "end" if p.x + w > TL_WIDTH - 4 else "start"
        left, right = (p.x - w, p.x) if p.anchor == "end" else (p.x, p.x + w)
        row = next((r for r, end in enumerate(ends) if left > end + gap), len(ends))
        ends[row:row + 1] = [right]
        rows.append(row)
    return rows


def _plot(dated: list[Meeting], missed: list[Meeting], diff: Diff | None) -> Plot:
    days = [d for m in dated + missed for d in (m.start_date, m.end_date) if d]
    pad = max(dt.timedelta(days=20), (max(days) - min(days)) * 0.03)
    lo, hi = min(days) - pad, max(days) + pad

    def x(d: dt.date) -> float:
        return TL_PAD + (d - lo).days / (hi - lo).days * (TL_WIDTH - 2 * TL_PAD)

    def end_x(m: Meeting) -> float | None:
        return x(m.end_date) if m.end_date and m.end_date > m.start_date else None

    above = []
    for m in sorted(dated, key=lambda m: (m.start_date, m.id)):
        fmt = m.format.value if m.format else "no format"
        status = diff.status(m.id) if diff else None
        hover = f"{m.id}: {fmt_dates(m)}, {m.city or 'no city'}, {fmt}" + (f" ({diff.note(m.id)})" if status else "")
        classes = f"point {fmt.replace(' ', '-')}" + (f" {status}" if status else "")
        above.append(Point(x(m.start_date), (f"{m.id} · {fmt_date(m.start_date)}", f"{m.city or 'no city'} · {fmt}"),
                           m.id, hover, classes, end_x=end_x(m)))
    below = []
    for g in sorted(missed, key=lambda m: (m.start_date, m.id)):
        below.append(Point(x(g.start_date), (f"gold {g.id} · {fmt_date(g.start_date)}", f"{g.city or 'no city'} · missed"),
                           g.id, f"missed: gold {g.id}: {fmt_dates(g)}, {g.city or '—'}", missed=True, end_x=end_x(g)))
    rows_up, rows_down = _rows(above), _rows(below)
    n_up, n_down = max(rows_up, default=-1) + 1, max(rows_down, default=-1) + 1
    axis = 12 + n_up * TL_ROW + 18
    height = axis + 30 + (n_down * TL_ROW + 10 if n_down else 0)
    for points, rows, down in ((above, rows_up, False), (below, rows_down, True)):
        for p, r in zip(points, rows, strict=True):
            # Baselines of the label's two lines; the leader runs from the axis to the label's near edge.
            p.first = axis + 44 + r * TL_ROW if down else axis - 32 - r * TL_ROW
            p.reach = p.first - 11 if down else p.first + 17
            p.tx = p.x + (5 if p.anchor == "start" else -5)
    return Plot(TL_WIDTH, height, TL_PAD, axis, [Tick(x(d), label) for d, label in _ticks(lo, hi)], above + below)


def timeline(doc: Document, diff: Diff | None) -> Timeline:
    dated = [m for m in doc.meetings if m.start_date]
    undated = [m for m in doc.meetings if not m.start_date]
    missed = [m for m in diff.gold.meetings if m.id in diff.missed] if diff else []
    plot = None
    if dated or any(m.start_date for m in missed):
        plot = _plot(dated, [m for m in missed if m.start_date], diff)
    return Timeline(
        plot,
        diff is not None,
        [(m.id, m.city or "no city", m.format.value if m.format else "no format") for m in undated],
        [(m.id, m.city or "no city") for m in missed if not m.start_date],
    )
