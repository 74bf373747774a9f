"""The report's parts as HTML: the article with its quotes marked, the timeline, the record
tables, the comparison with gold, the legend. Every piece of text is escaped (``markup.esc``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..evaluate.metrics import ArticleScore
from ..evaluate.scoring import score
from ..models import Document, Meeting, Quote
from .markup import MONTHS, Wrap, cell, esc, fmt_date, fmt_dates, nest, plain, where

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


def article_view(text: str, doc: Document, colours: dict, diff: Diff | None) -> str:
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


def timeline(doc: Document, diff: Diff | None) -> str:
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


def meetings_table(text: str, doc: Document, diff: Diff | None) -> str:
    def row(m: Meeting, missed: bool = False) -> str:
        values = {name: cell(getattr(m, name)) for name in MEETING_FIELDS}
        values["section"] = _span_cell(text, m.section.start, m.section.end)
        values["evidence"] = _evidence(m, text)
        return _row(m, values, diff, anchor=None if missed else "meeting", missed=missed)

    head = ["id", *(n.replace("_", " ") for n in MEETING_FIELDS), "section", "evidence"]
    missed = [row(m, True) for m in diff.gold.meetings if m.id in diff.missed] if diff else []
    return _table("meetings", head, [row(m) for m in doc.meetings], missed, "No meetings were found.")


def quotes_table(text: str, doc: Document, colours: dict, diff: Diff | None) -> str:
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


def score_cards(diff: Diff) -> str:
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


def mismatch_table(text: str, diff: Diff) -> str:
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

def legend(doc: Document, colours: dict, diff: Diff | None) -> str:
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
