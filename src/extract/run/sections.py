"""The report's parts as plain data for its templates (``templates/_*.html``): the article cut into
pieces with its quotes and sections marked, the timeline's coordinates, the record tables' rows
and cells, the comparison with gold, the legend. No markup here: the templates write the HTML
and escape every piece of text."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..evaluate.metrics import ArticleScore
from ..evaluate.scoring import score
from ..models import Document, Meeting, Quote
from .markup import MONTHS, Piece, Value, Wrap, cell, fmt_date, fmt_dates, nest, plain, where

# --- differences from gold ----------------------------------------------------------------------

@dataclass
class Diff:
    """The scorer's verdicts, indexed for rendering."""

    score: ArticleScore
    gold: Document
    wrong: dict[str, dict[str, Any]] = field(default_factory=dict)  # pred id -> field -> mismatch
    spurious: set[str] = field(default_factory=set)  # pred ids
    missed: list[str] = field(default_factory=list)  # gold ids
    gold_of: dict[str, str] = field(default_factory=dict)  # pred meeting id -> gold meeting id

    @classmethod
    def of(cls, pred: Document, gold: Document) -> Diff:
        result = score(pred, gold)
        diff = cls(score=result, gold=gold, gold_of=dict(result.meeting_pairs))
        for m in result.mismatches:
            if m.kind == "wrong":
                diff.wrong.setdefault(m.pred_id, {})[m.field] = m
            elif m.kind == "spurious":
                diff.spurious.add(m.pred_id)
            else:
                diff.missed.append(m.gold_id)
        return diff

    def status(self, pred_id: str) -> str | None:
        if pred_id in self.spurious:
            return "spurious"
        return "wrong" if pred_id in self.wrong else None

    def note(self, pred_id: str) -> str:
        """One line on how a predicted item differs from gold; empty when it agrees."""
        if pred_id in self.spurious:
            return "spurious: not in gold"
        fields = self.wrong.get(pred_id)
        if not fields:
            return ""
        return "wrong " + "; ".join(f"{name} (gold: {plain(m.gold) or 'none'})" for name, m in fields.items())


# --- the article --------------------------------------------------------------------------------

def _quote_tip(q: Quote, diff: Diff | None) -> str:
    lines = [f"{q.id} · {q.kind.value} quote", f"Speaker: {q.speaker or 'none named'}"]
    if q.speaker_mention:
        lines[-1] += f" (“{q.speaker_mention.text}”)"
    lines += [f"Cue: {q.cue or '—'}", f"Meeting: {q.meeting or '—'}"]
    if diff and (note := diff.note(q.id)):
        lines.append(note)
    return "\n".join(lines)


def article_view(text: str, doc: Document, colours: dict, diff: Diff | None) -> list[Piece]:
    """The article as pieces: meeting sections (outermost), quotes, missed gold quotes, speaker mentions."""
    speaker_class = {s: f"spk-{i}" for i, s in enumerate(colours)}
    sections = []
    for m in doc.meetings:
        label = f"{m.id} · {fmt_dates(m)}\n{m.city or 'no city'} · {m.format.value if m.format else 'no format'}"
        if diff and (status := diff.status(m.id)):
            label += f"\n{status}"
        attrs = {"class": "sec", "data-section": m.id, "data-label": label}
        sections.append(Wrap(m.section.start, m.section.end, "div", {**attrs, "id": f"meeting-{m.id}"}, {**attrs, "class": "sec cont"}))
    marks, mentions = [], {}
    for q in doc.quotes:
        tip = _quote_tip(q, diff)
        base = {"class": f"q {q.kind.value} {speaker_class[q.speaker]}", "title": tip, "data-tip": tip}
        if diff and (status := diff.status(q.id)):
            base["data-diff"] = status
            base["data-badge"] = " ".join([status, *diff.wrong.get(q.id, {})])  # "wrong speaker meeting"
        marks.append(Wrap(q.start, q.end, "mark", {**base, "id": f"quote-{q.id}", "data-quote": q.id, "tabindex": "0"},
                          {**base, "data-quote-part": q.id}))
        if q.speaker_mention:
            sm = q.speaker_mention
            key = (sm.start, sm.end)
            if key not in mentions:
                attrs = {"class": f"mention {speaker_class[q.speaker]}", "title": f"speaker mention: {q.speaker or 'none named'}"}
                mentions[key] = Wrap(sm.start, sm.end, "span", attrs, attrs)
    missed = []
    if diff:
        gold_quotes = {q.id: q for q in diff.gold.quotes}
        for gid in diff.missed:
            if g := gold_quotes.get(gid):
                tip = f"missed: gold {g.id} · {g.kind.value} quote\nSpeaker: {g.speaker or 'none named'}\nCue: {g.cue or '—'}"
                attrs = {"class": "miss", "title": tip, "data-tip": tip}
                missed.append(Wrap(g.start, g.end, "span", {**attrs, "id": f"missed-{g.id}", "data-missed": g.id, "tabindex": "0"},
                                   {**attrs, "data-missed-part": g.id}))
    return nest(text, [sections, marks, missed, list(mentions.values())])


# --- the timeline -------------------------------------------------------------------------------

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


# --- tables -------------------------------------------------------------------------------------

MEETING_FIELDS = ("ordinal", "start_date", "end_date", "date_text", "city", "country", "venues", "format",
                  "visitor", "occasion", "participants", "topics")


@dataclass
class Cell:
    """One table cell: ``kind`` says what ``value`` is and how ``templates/_tables.html`` shows it --
    ``value`` (a :class:`Value`), ``span`` (start, end, line:col), ``evidence`` (key, text,
    line:col for each), ``speaker`` (colour index or None, a :class:`Value`) or ``quote`` (text).
    ``gold`` is the gold value where the scorer finds this one wrong."""

    kind: str
    value: Any
    css: str = ""
    gold: Value | None = None


@dataclass
class Row:
    """A record's row: its id (a link to ``anchor``-id when given), its standing against gold, the gold
    item it is paired with, and its cells."""

    id: str
    cells: list[Cell]
    status: str | None = None
    anchor: str | None = None
    missed: bool = False
    pair: str | None = None


@dataclass
class Table:
    """A table of records; ``missed`` rows (gold items not found) follow a divider."""

    css: str
    head: list[str]
    rows: list[Any]
    missed: list[Any]
    empty: str


def _row(item: Meeting | Quote, values: dict[str, Cell], diff: Diff | None, *, anchor: str | None, missed: bool) -> Row:
    """One table row: a value the scorer finds wrong is shaded and shows the gold value under it."""
    status = "missed" if missed else (diff.status(item.id) if diff else None)
    wrong = diff.wrong.get(item.id, {}) if diff and not missed else {}
    for name, c in values.items():
        c.css = "date" if name.endswith("_date") else "num" if name in ("section", "span") else ""
        if name in wrong:
            c.gold = cell(wrong[name].gold)
            c.css = (c.css + " wrong").strip()
    pair = diff.gold_of[item.id] if diff and item.id in diff.gold_of else None
    return Row(item.id, list(values.values()), status, anchor, missed, pair)


def _span(text: str, start: int, end: int) -> Cell:
    return Cell("span", (start, end, where(text, start)))


def _evidence(m: Meeting, text: str) -> Cell:
    if not m.evidence:
        return Cell("value", cell(None))
    return Cell("evidence", [(k, v.text, where(text, v.start)) for k, v in m.evidence.items()])


def meetings_table(text: str, doc: Document, diff: Diff | None) -> Table:
    def row(m: Meeting, missed: bool = False) -> Row:
        values = {name: Cell("value", cell(getattr(m, name))) for name in MEETING_FIELDS}
        values["section"] = _span(text, m.section.start, m.section.end)
        values["evidence"] = _evidence(m, text)
        return _row(m, values, diff, anchor=None if missed else "meeting", missed=missed)

    head = ["id", *(n.replace("_", " ") for n in MEETING_FIELDS), "section", "evidence"]
    missed = [row(m, True) for m in diff.gold.meetings if m.id in diff.missed] if diff else []
    return Table("meetings", head, [row(m) for m in doc.meetings], missed, "No meetings were found.")


def quotes_table(text: str, doc: Document, colours: dict, diff: Diff | None) -> Table:
    def row(q: Quote, missed: bool = False) -> Row:
        swatch = list(colours).index(q.speaker) if q.speaker in colours else None
        values = {
            "kind": Cell("value", cell(q.kind)),
            "speaker": Cell("speaker", (swatch, cell(q.speaker))),
            "mention": Cell("value", cell(q.speaker_mention.text if q.speaker_mention else None)),
            "cue": Cell("value", cell(q.cue)),
            "meeting": Cell("value", cell(q.meeting)),
            "span": _span(text, q.start, q.end),
            "text": Cell("quote", q.text),
        }
        return _row(q, values, diff, anchor="missed" if missed else "quote", missed=missed)

    head = ["id", "kind", "speaker", "mention", "cue", "meeting", "span", "text"]
    missed = [row(q, True) for q in diff.gold.quotes if q.id in diff.missed] if diff else []
    return Table("quotes", head, [row(q) for q in doc.quotes], missed, "No quotes were found.")


# --- the comparison with gold -------------------------------------------------------------------

@dataclass
class Cards:
    """The headline metrics (label, fraction or None) and the counts of missed, spurious and wrong."""

    metrics: list[tuple[str, float | None]]
    counts: list[tuple[str, int]]


def score_cards(diff: Diff) -> Cards:
    metrics = diff.score.metrics()
    kinds = Counter(m.kind for m in diff.score.mismatches)
    return Cards(
        [
            ("meetings F1", metrics.get("meetings.f1")),
            ("quotes F1", metrics.get("quotes.all.f1")),
            ("speaker accuracy", metrics.get("quotes.all.speaker_accuracy")),
            ("quotes end-to-end F1", metrics.get("quotes.all.e2e_f1")),
        ],
        [(k, kinds.get(k, 0)) for k in ("missed", "spurious", "wrong")],
    )


@dataclass
class MismatchRow:
    """One difference: the gold item (``gold_link``: to its missed mark in the text) and the predicted
    one (a link to ``pred_anchor``-id), both values, where in the text, and the scorer's note."""

    kind: str
    field: str
    gold_id: str
    gold_link: bool
    pred_id: str | None
    pred_anchor: str
    gold: Value
    predicted: Value
    at: str
    note: str


def mismatch_table(text: str, diff: Diff) -> Table:
    """Every difference the scorer lists, in text order, linked to the items."""
    rows = []
    for m in diff.score.mismatches:
        quote = m.field in ("quote", "speaker") or (m.gold_id or m.pred_id or "").startswith("q")
        gold_link = quote and m.kind == "missed"
        rows.append(MismatchRow(
            m.kind, m.field, m.gold_id if gold_link else m.gold_id or "—", gold_link, m.pred_id or None,
            "quote" if quote else "meeting", cell(m.gold), cell(m.predicted), where(text, m.offset), m.note or "",
        ))
    head = ["", "field", "gold", "predicted", "gold value", "predicted value", "line:col", "note"]
    return Table("mismatches", head, rows, [], "No differences: the extraction agrees with gold everywhere.")


# --- the legend ---------------------------------------------------------------------------------

def legend(doc: Document, colours: dict) -> list[tuple[int, str, int]]:
    """(colour index, speaker, number of quotes) for each speaker with quotes, in colour order."""
    counts = Counter(q.speaker for q in doc.quotes)
    return [(i, s if s is not None else "no speaker named", counts[s]) for i, s in enumerate(colours) if counts[s]]
