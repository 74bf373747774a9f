"""A visual report of one extraction: a pure function from text plus documents to one HTML page.

:func:`render_report` returns a self-contained page (inline CSS, no script, no external
resource) with

* the article text, quotes highlighted and coloured by speaker (hover or keyboard focus shows
  speaker, cue and kind), each meeting's section marked in the margin;
* a timeline of the dated meetings as inline SVG, undated meetings listed beside it;
* tables of the meeting and quote records, every field;
* with a gold document, the differences the scorer finds (:func:`extract.scoring.score`):
  missed, spurious and wrong items, marked in the text, the timeline and the tables, and listed.

Every piece of text that comes from the article or the documents is HTML-escaped.
Stable hooks for tools and tests: ``mark[data-quote="q3"]`` is the first (usually only) piece of
quote q3 in the text (later pieces, where a section boundary cuts a quote, carry
``data-quote-part``); ``svg circle[data-meeting="m1"]`` is meeting m1's point on the timeline;
``[data-section="m1"]`` its section; ``[data-missed="q5"]`` gold quote q5 where it was missed;
``[data-diff]`` says how a predicted item differs from gold.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..text.article import Source, read_source
from ..errors import InputError
from ..models import Document, Meeting, Quote, check_against_text, sha256_text
from ..text.nlp import load_pipeline
from ..output import write_atomic
from ..pipeline import Config, extract
from ..evaluate.scorecard import gold_beside, line_column, load_document
from ..evaluate.scoring import ArticleScore, score

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# (strong, tint, faint tint) per speaker, in order of first appearance; calm and told apart
# by hue and lightness. Past the list, hues are spread by the golden angle.
PALETTE = (
    ("#2f64a8", "#d9e5f5", "#edf2fa"),
    ("#b8641f", "#f6e0cb", "#fbf0e6"),
    ("#2e7d4f", "#d5ecdd", "#eaf5ee"),
    ("#7d4fa0", "#e8dcf2", "#f4eef9"),
    ("#a8405c", "#f4d8e0", "#faecf0"),
    ("#22807f", "#d1ebea", "#e8f5f5"),
    ("#877a1c", "#ece6c4", "#f6f3e2"),
    ("#7a5640", "#eaded5", "#f5efea"),
)
NO_SPEAKER = ("#6b6b6b", "#e6e6e6", "#f2f2f2")


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


# --- nesting spans of text --------------------------------------------------------------------

@dataclass(frozen=True)
class Wrap:
    """An element around ``text[start:end]``; ``rest`` are the attributes of a continuation piece."""

    start: int
    end: int
    tag: str
    first: dict[str, str]
    rest: dict[str, str] = field(default_factory=dict)


def _tag(tag: str, attrs: dict[str, str]) -> str:
    return f"<{tag}" + "".join(f' {k}="{esc(v)}"' for k, v in attrs.items()) + ">"


def _tracks(wraps: Iterable[Wrap]) -> list[list[Wrap]]:
    """Wraps dealt into tracks of non-overlapping ones, each to the first track it fits."""
    tracks: list[list[Wrap]] = []
    for w in sorted(wraps, key=lambda w: (w.start, -w.end)):
        for track in tracks:
            if track[-1].end <= w.start:
                track.append(w)
                break
        else:
            tracks.append([w])
    return tracks


def nest(text: str, layers: Sequence[Iterable[Wrap]]) -> str:
    """``text`` escaped, with every wrap as an element, always well nested.

    Layers go from outermost to innermost. Where an inner element crosses the boundary of an
    outer one it is closed and reopened: the first piece gets ``first`` attributes, later pieces
    ``rest``. Overlapping wraps of one layer are nested inside one another the same way.
    """
    n = len(text)
    levels: list[list[Wrap]] = []
    for layer in layers:
        clipped = [Wrap(max(0, w.start), min(n, w.end), w.tag, w.first, w.rest) for w in layer]
        levels += _tracks(w for w in clipped if w.start < w.end)
    cuts = sorted({0, n} | {x for level in levels for w in level for x in (w.start, w.end)})
    pointers = [0] * len(levels)
    stack: list[Wrap] = []
    opened: set[int] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        want: list[Wrap] = []
        for i, level in enumerate(levels):
            while pointers[i] < len(level) and level[pointers[i]].end <= a:
                pointers[i] += 1
            if pointers[i] < len(level) and level[pointers[i]].start <= a:
                want.append(level[pointers[i]])
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        out += [f"</{w.tag}>" for w in reversed(stack[keep:])]
        for w in want[keep:]:
            out.append(_tag(w.tag, w.rest if id(w) in opened else w.first))
            opened.add(id(w))
        stack = want
        out.append(esc(text[a:b]))
    out += [f"</{w.tag}>" for w in reversed(stack)]
    return "".join(out)


# --- small formatting helpers -------------------------------------------------------------------

def fmt_date(d: dt.date | None) -> str:
    return "" if d is None else f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_dates(m: Meeting) -> str:
    if m.start_date is None:
        return "undated"
    if m.end_date is None or m.end_date == m.start_date:
        return fmt_date(m.start_date)
    return f"{fmt_date(m.start_date)} – {fmt_date(m.end_date)}"


def where(text: str, offset: int) -> str:
    return "{}:{}".format(*line_column(text, offset))


def plain(value: Any) -> str:
    """A field value as display text (None as an empty string)."""
    if value is None:
        return ""
    if hasattr(value, "value"):  # enums
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    return str(value)


def cell(value: Any) -> str:
    """A field value as table-cell HTML: lists as chips, None as a muted dash."""
    if value is None or value == [] or value == {}:
        return '<span class="none">—</span>'
    if isinstance(value, dict):
        return " · ".join(f'<span class="key">{esc(k)}</span> {cell(v)}' for k, v in value.items())
    if isinstance(value, list | tuple):
        return "".join(f'<span class="item">{esc(plain(v))}</span>' for v in value)
    return esc(plain(value))


# --- colours ------------------------------------------------------------------------------------

def speaker_colours(docs: Iterable[Document]) -> dict[str | None, tuple[str, str, str]]:
    """A colour per speaker in order of first appearance (None: grey)."""
    colours: dict[str | None, tuple[str, str, str]] = {}
    for doc in docs:
        for q in doc.quotes:
            if q.speaker is None:
                colours[None] = NO_SPEAKER
            elif q.speaker not in colours:
                i = sum(1 for k in colours if k is not None)
                if i < len(PALETTE):
                    colours[q.speaker] = PALETTE[i]
                else:
                    hue = round(i * 137.508) % 360
                    colours[q.speaker] = (f"hsl({hue} 45% 38%)", f"hsl({hue} 60% 89%)", f"hsl({hue} 60% 95%)")
    return colours


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


def _article(text: str, doc: Document, colours: dict, diff: Diff | None) -> str:
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
    body = nest(text, [sections, marks, missed, list(mentions.values())])
    return f'<div class="article" lang="en">{body}</div>'


# --- the timeline -------------------------------------------------------------------------------

@dataclass
class _Point:
    x: float
    lines: tuple[str, str]
    marker: str
    meeting: Meeting
    anchor: str = "start"


TL_WIDTH, TL_PAD, TL_ROW, TL_CHAR = 1150.0, 30.0, 38.0, 7.3  # px; TL_CHAR: a label character's width


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


def _rows(points: list[_Point], gap: float = 12) -> list[int]:
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


def _timeline_svg(dated: list[Meeting], missed: list[Meeting], diff: Diff | None) -> str:
    days = [d for m in dated + missed for d in (m.start_date, m.end_date) if d]
    pad = max(dt.timedelta(days=20), (max(days) - min(days)) * 0.03)
    lo, hi = min(days) - pad, max(days) + pad

    def x(d: dt.date) -> float:
        return TL_PAD + (d - lo).days / (hi - lo).days * (TL_WIDTH - 2 * TL_PAD)

    above = []
    for m in sorted(dated, key=lambda m: (m.start_date, m.id)):
        fmt = m.format.value if m.format else "no format"
        status = diff.status(m.id) if diff else None
        hover = f"{m.id}: {fmt_dates(m)}, {m.city or 'no city'}, {fmt}" + (f" ({diff.note(m.id)})" if status else "")
        marker = (f'<a href="#meeting-{esc(m.id)}"><title>{esc(hover)}</title><circle class="point {esc(fmt.replace(" ", "-"))}'
                  f'{" " + status if status else ""}" data-meeting="{esc(m.id)}" r="6.5"/></a>')
        above.append(_Point(x(m.start_date), (f"{m.id} · {fmt_date(m.start_date)}", f"{m.city or 'no city'} · {fmt}"), marker, m))
    below = []
    for g in sorted(missed, key=lambda m: (m.start_date, m.id)):
        marker = (f'<g><title>{esc(f"missed: gold {g.id}: {fmt_dates(g)}, {g.city or chr(8212)}")}</title>'
                  f'<circle class="gold-missed" data-gold-meeting="{esc(g.id)}" r="6.5"/></g>')
        below.append(_Point(x(g.start_date), (f"gold {g.id} · {fmt_date(g.start_date)}", f"{g.city or 'no city'} · missed"), marker, g))
    rows_up, rows_down = _rows(above), _rows(below)
    n_up, n_down = max(rows_up, default=-1) + 1, max(rows_down, default=-1) + 1
    axis = 12 + n_up * TL_ROW + 18
    height = axis + 30 + (n_down * TL_ROW + 10 if n_down else 0)
    out = [f'<svg class="timeline" viewBox="0 0 {TL_WIDTH:.0f} {height:.0f}" role="img" aria-labelledby="tl-title">',
           '<title id="tl-title">Meetings by date</title>',
           f'<line class="axis" x1="{TL_PAD / 2}" x2="{TL_WIDTH - TL_PAD / 2}" y1="{axis}" y2="{axis}"/>']
    for d, label in _ticks(lo, hi):
        out.append(f'<line class="tick" x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{axis - 5}" y2="{axis + 5}"/>'
                   f'<text class="tick-label" x="{x(d):.1f}" y="{axis + 21}" text-anchor="middle">{esc(label)}</text>')
    labels, markers = [], []
    for points, rows, down in ((above, rows_up, False), (below, rows_down, True)):
        for p, r in zip(points, rows, strict=True):
            # Baselines of the label's two lines; the leader runs from the axis to the label's near edge.
            first = axis + 44 + r * TL_ROW if down else axis - 32 - r * TL_ROW
            reach = first - 11 if down else first + 17
            m = p.meeting
            if m.end_date and m.end_date > m.start_date:
                markers.append(f'<line class="days" x1="{p.x:.1f}" x2="{x(m.end_date):.1f}" y1="{axis}" y2="{axis}"/>')
            labels.append(f'<line class="leader" x1="{p.x:.1f}" x2="{p.x:.1f}" y1="{axis}" y2="{reach}"/>')
            tx = p.x + (5 if p.anchor == "start" else -5)
            labels.append(f'<text class="label{" missed" if down else ""}" x="{tx:.1f}" y="{first}" text-anchor="{p.anchor}">'
                          f'<tspan class="l1">{esc(p.lines[0])}</tspan><tspan class="l2" x="{tx:.1f}" dy="15">{esc(p.lines[1])}</tspan></text>')
            markers.append(f'<g transform="translate({p.x:.1f} {axis})">{p.marker}</g>')
    out += labels + markers + ["</svg>"]
    return "".join(out)


def _timeline(doc: Document, diff: Diff | None) -> str:
    dated = [m for m in doc.meetings if m.start_date]
    undated = [m for m in doc.meetings if not m.start_date]
    missed = [m for m in diff.gold.meetings if m.id in diff.missed] if diff else []
    parts = []
    if dated or any(m.start_date for m in missed):
        parts.append(_timeline_svg(dated, [m for m in missed if m.start_date], diff))
        key = ['<span class="dot visit"></span>visit', '<span class="dot sidelines"></span>sidelines',
               '<span class="dot no-format"></span>no format']
        if diff:
            key += ['<span class="dot ring wrong"></span>a field differs from gold', '<span class="dot ring spurious"></span>spurious',
                    '<span class="dot ring missed"></span>missed (gold)']
        parts.append(f'<p class="timeline-key">{"".join(f"<span>{k}</span>" for k in key)}</p>')
    else:
        parts.append('<p class="empty">No meeting has a date, so there is nothing to plot.</p>')
    if undated or any(not m.start_date for m in missed):
        items = [f'<li><a href="#meeting-{esc(m.id)}">{esc(m.id)}</a> · {esc(m.city or "no city")} · '
                 f'{esc(m.format.value if m.format else "no format")}</li>' for m in undated]
        items += [f'<li class="missed-item">missed: gold {esc(m.id)} · {esc(m.city or "no city")}</li>' for m in missed if not m.start_date]
        parts.append(f'<div class="undated"><h3>Not on the timeline: no date</h3><ul>{"".join(items)}</ul></div>')
    return f'<div class="timeline-wrap">{"".join(parts)}</div>'


# --- tables -------------------------------------------------------------------------------------

MEETING_FIELDS = ("ordinal", "start_date", "end_date", "date_text", "city", "country", "venues", "format",
                  "visitor", "occasion", "participants", "topics")


def _evidence(m: Meeting, text: str) -> str:
    if not m.evidence:
        return cell(None)
    return "".join(f'<div class="ev"><b>{esc(k)}</b> “{esc(v.text)}” <span class="at">{where(text, v.start)}</span></div>'
                   for k, v in m.evidence.items())


def _row(item: Meeting | Quote, values: dict[str, str], diff: Diff | None, *, anchor: str | None, missed: bool) -> str:
    """One table row: the id (linked, with its standing against gold), then the value cells;
    a value the scorer finds wrong is shaded and shows the gold value under it."""
    status = "missed" if missed else (diff.status(item.id) if diff else None)
    wrong = diff.wrong.get(item.id, {}) if diff and not missed else {}
    ident = ("gold " if missed else "") + (f'<a href="#{anchor}-{esc(item.id)}">{esc(item.id)}</a>' if anchor else esc(item.id))
    if status:
        ident += f'<div><span class="badge {status}">{status}</span></div>'
    if diff and item.id in diff.gold_of:
        ident += f'<div class="pair">gold {esc(diff.gold_of[item.id])}</div>'
    cells = [f"<td>{ident}</td>"]
    for name, value in values.items():
        css = "date" if name.endswith("_date") else "num" if name in ("section", "span") else ""
        if name in wrong:
            value += f'<div class="gold">gold: {cell(wrong[name].gold)}</div>'
            css += " wrong"
        cells.append(f'<td class="{css.strip()}">{value}</td>' if css else f"<td>{value}</td>")
    return f'<tr{f" class={chr(34)}{status}{chr(34)}" if status else ""} data-row="{esc(item.id)}">{"".join(cells)}</tr>'


def _span_cell(text: str, start: int, end: int) -> str:
    return f'{start}–{end}<div class="at">line {where(text, start)}</div>'


def _table(css: str, head: Sequence[str], rows: list[str], missed_rows: list[str], empty: str) -> str:
    if missed_rows:
        rows = rows + [f'<tr class="divider"><td colspan="{len(head)}">In gold, not found:</td></tr>', *missed_rows]
    if not rows:
        return f'<p class="empty">{empty}</p>'
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    return f'<div class="table-wrap"><table class="records {css}"><thead><tr>{th}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _meetings_table(text: str, doc: Document, diff: Diff | None) -> str:
    def row(m: Meeting, missed: bool = False) -> str:
        values = {name: cell(getattr(m, name)) for name in MEETING_FIELDS}
        values["section"] = _span_cell(text, m.section.start, m.section.end)
        values["evidence"] = _evidence(m, text)
        return _row(m, values, diff, anchor=None if missed else "meeting", missed=missed)

    head = ["id", *(n.replace("_", " ") for n in MEETING_FIELDS), "section", "evidence"]
    missed = [row(m, True) for m in diff.gold.meetings if m.id in diff.missed] if diff else []
    return _table("meetings", head, [row(m) for m in doc.meetings], missed, "No meetings were found.")


def _quotes_table(text: str, doc: Document, colours: dict, diff: Diff | None) -> str:
    def row(q: Quote, missed: bool = False) -> str:
        swatch = f'<span class="dot spk-{list(colours).index(q.speaker)}"></span>' if q.speaker in colours else ""
        values = {
            "kind": cell(q.kind),
            "speaker": swatch + cell(q.speaker),
            "mention": cell(q.speaker_mention.text if q.speaker_mention else None),
            "cue": cell(q.cue),
            "meeting": cell(q.meeting),
            "span": _span_cell(text, q.start, q.end),
            "text": f'<span class="qtext">{esc(q.text)}</span>',
        }
        return _row(q, values, diff, anchor="missed" if missed else "quote", missed=missed)

    head = ["id", "kind", "speaker", "mention", "cue", "meeting", "span", "text"]
    missed = [row(q, True) for q in diff.gold.quotes if q.id in diff.missed] if diff else []
    return _table("quotes", head, [row(q) for q in doc.quotes], missed, "No quotes were found.")


# --- the comparison with gold -------------------------------------------------------------------

def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _score_cards(diff: Diff) -> str:
    """The headline metrics and how many items are missed, spurious and wrong."""
    metrics = diff.score.metrics()
    kinds = Counter(m.kind for m in diff.score.mismatches)
    cards = [
        ("meetings F1", metrics.get("meetings.f1")),
        ("quotes F1", metrics.get("quotes.all.f1")),
        ("speaker accuracy", metrics.get("quotes.all.speaker_accuracy")),
        ("quotes end-to-end F1", metrics.get("quotes.all.e2e_f1")),
    ]
    summary = "".join(f'<div class="card"><div class="big">{_pct(v)}</div><div>{esc(k)}</div></div>' for k, v in cards)
    summary += "".join(f'<a class="card {k}" href="#gold"><div class="big">{kinds.get(k, 0)}</div><div>{k}</div></a>'
                       for k in ("missed", "spurious", "wrong"))
    return f'<div class="cards">{summary}</div>'


def _mismatch_table(text: str, diff: Diff) -> str:
    """Every difference the scorer lists, in text order, linked to the items."""
    rows = []
    for m in diff.score.mismatches:
        quote = m.field in ("quote", "speaker") or (m.gold_id or m.pred_id or "").startswith("q")
        gold_link = f'<a href="#missed-{esc(m.gold_id)}">{esc(m.gold_id)}</a>' if quote and m.kind == "missed" else esc(m.gold_id or "—")
        pred_link = f'<a href="#{"quote" if quote else "meeting"}-{esc(m.pred_id)}">{esc(m.pred_id)}</a>' if m.pred_id else "—"
        rows.append(
            f'<tr class="{m.kind}"><td><span class="badge {m.kind}">{m.kind}</span></td><td>{esc(m.field)}</td>'
            f"<td>{gold_link}</td><td>{pred_link}</td><td>{cell(m.gold)}</td><td>{cell(m.predicted)}</td>"
            f'<td class="num">{where(text, m.offset)}</td><td class="note">{esc(m.note or "")}</td></tr>'
        )
    head = ["", "field", "gold", "predicted", "gold value", "predicted value", "line:col", "note"]
    return _table("mismatches", head, rows, [], "No differences: the extraction agrees with gold everywhere.")


# --- the page -----------------------------------------------------------------------------------

def _legend(doc: Document, colours: dict, diff: Diff | None) -> str:
    counts = Counter(q.speaker for q in doc.quotes)
    items = [f'<li><span class="dot spk-{i}"></span>{esc(s if s is not None else "no speaker named")} '
             f'<span class="count">{counts[s]}</span></li>' for i, s in enumerate(colours) if counts[s]]
    kinds = ('<li><mark class="q direct spk-demo">direct</mark> inside quotation marks</li>'
             '<li><mark class="q indirect spk-demo">indirect</mark> reported speech</li>'
             '<li><span class="mention spk-demo">speaker</span> the words naming the speaker</li>')
    diffs = ""
    if diff:
        diffs = ('<li><mark class="q direct spk-demo" data-diff="spurious">spurious</mark> not in gold</li>'
                 '<li><mark class="q direct spk-demo" data-diff="wrong">wrong</mark> found, a field differs</li>'
                 '<li><span class="miss">missed</span> in gold, not found</li>')
    speakers = f'<ul class="legend">{"".join(items)}</ul>' if items else '<p class="empty">No quotes.</p>'
    return f'<div class="legend-box"><h3>Speakers</h3>{speakers}<h3>Marks</h3><ul class="legend marks">{kinds}{diffs}</ul></div>'


def _speaker_css(colours: dict) -> str:
    rules = [f".spk-{i}{{--c:{c};--bg:{bg};--bg2:{bg2}}}" for i, (c, bg, bg2) in enumerate(colours.values())]
    return "\n".join(rules)


def render_report(text: str, doc: Document, gold: Document | None = None, *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``doc`` (and how it differs from ``gold``) over ``text``."""
    diff = Diff.of(doc, gold) if gold is not None else None
    colours = speaker_colours([doc])
    heading = title or doc.article.title or doc.article.id
    problems = [f"document: {p}" for p in check_against_text(doc, text)]
    if gold is not None:
        problems += [f"gold: {p}" for p in check_against_text(gold, text)]
    warning = ""
    if problems:
        warning = '<div class="warning"><b>The documents do not fit this text:</b><ul>' + "".join(
            f"<li>{esc(p)}</li>" for p in problems[:20]) + "</ul></div>"
    n_dated = sum(1 for m in doc.meetings if m.start_date)
    kinds = Counter(q.kind.value for q in doc.quotes)
    facts = (f"{esc(doc.article.id)} · {len(text):,} characters · {len(doc.meetings)} meetings ({n_dated} dated) · "
             f"{len(doc.quotes)} quotes ({kinds['direct']} direct, {kinds['indirect']} indirect)")
    if gold is not None:
        facts += f" · compared with gold ({len(gold.meetings)} meetings, {len(gold.quotes)} quotes)"
    nav = ["<a href='#timeline'>Timeline</a>", "<a href='#article'>Article</a>", "<a href='#meetings'>Meetings</a>",
           "<a href='#quotes'>Quotes</a>"] + (["<a href='#gold'>Differences from gold</a>"] if diff else [])
    sections = [
        f'<section id="timeline"><h2>Timeline</h2>{_timeline(doc, diff)}</section>',
        f'<section id="article" class="with-legend"><h2>Article</h2><div class="reading">{_article(text, doc, colours, diff)}'
        f"{_legend(doc, colours, diff)}</div></section>",
        f'<section id="meetings"><h2>Meetings</h2>{_meetings_table(text, doc, diff)}</section>',
        f'<section id="quotes"><h2>Quotes</h2>{_quotes_table(text, doc, colours, diff)}</section>',
    ]
    if diff:
        sections.append(f'<section id="gold"><h2>Differences from gold</h2>{_mismatch_table(text, diff)}</section>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(heading)} — extraction report</title>"
        f"<style>{CSS}\n{_speaker_css(colours)}</style></head>\n"
        f'<body><header><h1>{esc(heading)}</h1><p class="facts">{facts}</p><nav>{" · ".join(nav)}</nav>{_score_cards(diff) if diff else ""}</header>'
        f'{warning}<main>{"".join(sections)}</main></body></html>\n'
    )



# --- from files (the only part that reads or writes) --------------------------------------------

def find_text(doc_path: Path, doc: Document, *, text: Path | None = None, gold: Path | None = None) -> Source:
    """The article a written document describes: ``text`` if given, else ``<id>.txt`` beside the
    document, beside ``gold``, or in ``corpus/``; the first whose SHA-256 matches the document's."""
    if text is not None:
        candidates = [text]
    else:
        name = f"{doc.article.id}.txt"
        candidates = list(dict.fromkeys([doc_path.with_name(name), *([gold.with_name(name)] if gold else []), Path("corpus") / name]))
    tried = []
    for path in candidates:
        if not path.is_file():
            tried.append(f"{path} (absent)")
            continue
        source = read_source(path)
        if sha256_text(source.text) == doc.article.sha256:
            return Source(id=doc.article.id, text=source.text, path=path)
        tried.append(f"{path} (another text: its SHA-256 differs from the document's)")
    hint = "" if text is not None else "; give it with --text FILE"
    raise InputError(f"{doc_path}: no article text for {doc.article.id!r}: tried {'; '.join(tried)}{hint}")


def build_report(
    path: Path,
    *,
    text: Path | None = None,
    gold: Path | None = None,
    use_gold: bool = True,
    title: str | None = None,
    model: str | None = None,
    config: Config | None = None,
) -> tuple[str, Document, Document | None, str]:
    """(article id, document, gold or None, HTML) for an article ``.txt`` (extracted now) or a
    written ``<id>.json``; gold is ``gold``, else ``<id>.gold.json`` beside the article."""
    if path.suffix == ".json":
        doc = load_document(path)
        source = find_text(path, doc, text=text, gold=gold)
    else:
        source = read_source(path)
        doc = extract(source, load_pipeline(model), config)
    gold_path = gold if gold is not None else gold_beside(source.path) if source.path else None
    same = gold_path is not None and gold_path.resolve() == path.resolve()  # a gold file shown on its own
    gold_doc = load_document(gold_path) if use_gold and gold_path and not same else None
    return source.id, doc, gold_doc, render_report(source.text, doc, gold_doc, title=title)


def write_report(path: Path, text: str, doc: Document, gold: Path | None = None) -> Path:
    """Render and write atomically: the batch's one call per article."""
    write_atomic(path, render_report(text, doc, load_document(gold) if gold else None))
    return path


CSS = """
:root{--ink:#24272b;--muted:#6d7076;--line:#e3e1dc;--paper:#fbfaf7;--card:#fff;
--miss:#b3261e;--spur:#b3261e;--wrong:#a86b00;--c:#6b6b6b;--bg:#e6e6e6;--bg2:#f2f2f2}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header,main{max-width:1360px;margin:0 auto;padding:0 20px}
header{padding-top:28px;padding-bottom:8px}
h1{font-size:26px;font-weight:600;margin:0 0 6px;line-height:1.25}
h2{font-size:18px;font-weight:600;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 8px;font-weight:600}
.facts{color:var(--muted);margin:0 0 6px}
nav a{color:var(--muted)}
a{color:#2f64a8}
.empty{color:var(--muted);font-style:italic}
.warning{max-width:1184px;margin:16px auto;padding:10px 16px;background:#fdf0ee;border:1px solid #efc4bf;border-radius:6px}
/* the article */
.reading{display:grid;grid-template-columns:minmax(0,900px) 280px;gap:36px;align-items:start}
.article{position:relative;white-space:pre-wrap;overflow-wrap:break-word;font:17px/1.75 Georgia,"DejaVu Serif",serif;
background:var(--card);border:1px solid var(--line);border-radius:8px;padding:28px 36px 28px 168px}
.sec{position:relative;border-left:3px solid #c9d3df;margin-left:-14px;padding-left:11px}
.sec::before{content:attr(data-label);position:absolute;left:-146px;width:126px;top:.3em;text-align:right;
font:600 12px/1.4 system-ui,"DejaVu Sans",sans-serif;color:#4a5a70;white-space:pre-line}
.sec.cont::before{content:none}
.sec:nth-of-type(even){border-left-color:#d8cfbf}
mark.q{color:inherit;background:var(--bg);border-radius:2px;padding:1px 0;box-decoration-break:clone;-webkit-box-decoration-break:clone;
border-bottom:2px solid var(--c);cursor:help}
mark.q.indirect{background:var(--bg2);border-bottom-style:dotted}
mark.q:focus{outline:2px solid var(--c);outline-offset:1px}
.mention{border-bottom:2px solid var(--c);font-weight:600;color:var(--c)}
[data-tip]:hover::after,[data-tip]:focus::after{content:attr(data-tip);position:absolute;z-index:5;margin-top:1.9em;margin-left:-2em;
white-space:pre-line;width:max-content;max-width:330px;padding:7px 10px;border-radius:6px;background:#2b2f35;color:#fff;
font:13px/1.45 system-ui,"DejaVu Sans",sans-serif;box-shadow:0 3px 10px rgba(0,0,0,.2);pointer-events:none}
mark[data-quote][data-diff]::before,.miss[data-missed]::before{font:600 10px/1 system-ui,"DejaVu Sans",sans-serif;letter-spacing:.04em;
text-transform:uppercase;color:#fff;border-radius:3px;padding:2px 4px;margin-right:4px;vertical-align:2px;display:inline-block;white-space:nowrap}
mark[data-diff="spurious"]{outline:1.5px dashed var(--spur);outline-offset:1px}
mark[data-quote][data-diff="spurious"]::before{content:attr(data-badge);background:var(--spur)}
mark[data-diff="wrong"]{outline:1.5px dashed var(--wrong);outline-offset:1px}
mark[data-quote][data-diff="wrong"]::before{content:attr(data-badge);background:var(--wrong)}
.miss{text-decoration:underline wavy var(--miss);text-decoration-thickness:1.5px;text-underline-offset:4px;cursor:help}
.miss[data-missed]::before{content:"missed";background:var(--miss)}
.miss:focus{outline:2px solid var(--miss)}
.spk-demo{--c:#2f64a8;--bg:#d9e5f5;--bg2:#edf2fa}
/* legend */
.legend-box{position:sticky;top:16px;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 18px;font-size:14px}
.legend{list-style:none;margin:0 0 14px;padding:0}
.legend li{margin:5px 0;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.legend.marks li{display:grid;grid-template-columns:78px 1fr;gap:10px;align-items:baseline}
.legend.marks li>:first-child{justify-self:start}
.legend .count{color:var(--muted);margin-left:auto;font-variant-numeric:tabular-nums}
.legend mark,.legend .mention,.legend .miss{font-family:Georgia,"DejaVu Serif",serif}
.dot{display:inline-block;width:11px;height:11px;border-radius:50%;background:var(--c);flex:none;margin-right:6px;vertical-align:-1px}
/* timeline */
.timeline-wrap{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 16px 12px}
.timeline{display:block;width:100%;height:auto;font-family:system-ui,"DejaVu Sans",sans-serif}
.timeline text{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
.timeline .axis{stroke:#8a8f96;stroke-width:1.5}
.timeline .tick{stroke:#8a8f96}
.timeline .tick-label{font-size:12px;fill:var(--muted)}
.timeline .leader{stroke:#cfd3d8;stroke-width:1}
.timeline .days{stroke:#2f64a8;stroke-width:5;stroke-linecap:round;opacity:.45}
.timeline .label{font-size:12px;fill:var(--ink)}
.timeline .l1{font-weight:600}
.timeline .l2{fill:var(--muted)}
.timeline .label.missed .l1{fill:var(--miss)}
.timeline .point{stroke:#fff;stroke-width:2}
.timeline a:focus .point,.timeline a:hover .point{stroke:var(--ink);stroke-width:2.5}
.timeline .gold-missed{fill:#fff;stroke:var(--miss);stroke-width:2;stroke-dasharray:3 2}
.point.visit,.dot.visit{fill:#2f64a8;background:#2f64a8}
.point.sidelines,.dot.sidelines{fill:#2e7d4f;background:#2e7d4f}
.point.no-format,.dot.no-format{fill:#9a9ea4;background:#9a9ea4}
.timeline .point.spurious{stroke:var(--spur);stroke-width:2.5;stroke-dasharray:3 2}
.timeline .point.wrong{stroke:var(--wrong);stroke-width:2.5}
.dot.ring{background:#fff;border:2px solid}
.dot.ring.wrong{border-color:var(--wrong)}
.dot.ring.spurious,.dot.ring.missed{border:2px dashed var(--miss)}
.timeline-key{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;color:var(--muted);margin:6px 0 0;padding-left:14px}
.undated{margin-top:12px;padding-top:10px;border-top:1px solid var(--line);font-size:14px}
.undated ul{margin:0;padding-left:20px}
.missed-item{color:var(--miss)}
/* tables */
.table-wrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
table.records{border-collapse:collapse;width:100%;font-size:12.5px;line-height:1.4}
.records th{text-align:left;font-weight:600;color:var(--muted);background:#f4f3ef;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:bottom;padding:7px}
.records td{padding:6px 7px;border-bottom:1px solid var(--line);vertical-align:top}
.records td:first-child,.records th:first-child{position:sticky;left:0;z-index:1}
.records td:first-child{background:inherit}
.records tr{background:var(--card)}
.records td.date{white-space:nowrap}
.records tr:last-child td{border-bottom:0}
.records td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
.records .at,.records .pair{color:var(--muted);font-size:12px}
.records td.wrong{background:#fdf5e6}
.records .gold{color:var(--wrong);font-size:12px;margin-top:3px;white-space:normal}
.records tr.spurious td:first-child{box-shadow:inset 3px 0 var(--spur)}
.records tr.missed{background:#fdf3f2}
.records tr.divider{background:#f4f3ef}
.records tr.divider td{color:var(--muted);font-weight:600}
.records .qtext{font-family:Georgia,"DejaVu Serif",serif;display:block;min-width:300px}
.records .item{display:block;padding-left:9px;text-indent:-9px}
.records .item::before{content:"· ";color:var(--muted)}
.none{color:#b5b7ba}
.badge{display:inline-block;font:600 10px/1.6 system-ui,"DejaVu Sans",sans-serif;text-transform:uppercase;letter-spacing:.04em;
color:#fff;border-radius:3px;padding:0 5px;vertical-align:1px}
.badge.missed,.badge.spurious{background:var(--miss)}
.badge.wrong{background:var(--wrong)}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0 4px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:110px;color:var(--muted);font-size:13px;text-decoration:none}
.card .big{font-size:22px;font-weight:600;color:var(--ink);font-variant-numeric:tabular-nums}
.card.missed .big,.card.spurious .big{color:var(--miss)}
.card.wrong .big{color:var(--wrong)}
.mismatches .note{color:var(--muted)}
@media (max-width:900px){.reading{grid-template-columns:1fr}.legend-box{position:static}.article{padding-left:32px}
.sec::before{position:static;display:block;text-align:left;width:auto}}
"""
