"""The report's parts as plain data for its templates (``templates/_*.html``): the article cut into
pieces with its quotes and sections marked, the record tables' rows and cells, the comparison
with gold, the legend (the timeline is :mod:`extract.run.timeline`). No markup here: the
templates write the HTML and escape every piece of text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..models import Document, Meeting, Quote
from .diff import Diff
from .markup import Piece, Value, Wrap, cell, fmt_dates, nest, where


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
