"""Plain data for the report's templates: nesting spans of text into pieces, cell values, dates,
speaker colours; and ``esc``, the escaping the templates' ``text`` filter applies."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..evaluate.scorecard import line_column
from ..models import Document, Meeting

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


@dataclass(frozen=True)
class Piece:
    """One step through the nested text: an element opened (``tag``, ``attrs``), closed, or ``text``."""

    kind: str  # "open", "close" or "text"
    tag: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    text: str = ""


def nest(text: str, layers: Sequence[Iterable[Wrap]]) -> list[Piece]:
    """``text`` cut into pieces with every wrap opened and closed around its part, always well nested
    (``templates/_article.html`` writes them out, escaped).

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
    out: list[Piece] = []
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
        out += [Piece("close", w.tag) for w in reversed(stack[keep:])]
        for w in want[keep:]:
            out.append(Piece("open", w.tag, w.rest if id(w) in opened else w.first))
            opened.add(id(w))
        stack = want
        out.append(Piece("text", text=text[a:b]))
    out += [Piece("close", w.tag) for w in reversed(stack)]
    return out


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


@dataclass(frozen=True)
class Value:
    """A field value as a table cell shows it (``templates/_cells.html``): ``none`` (a muted dash),
    ``text``, ``items`` (chips, for a list) or ``pairs`` (key and value, for a mapping)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, Value], ...] = ()


def cell(value: Any) -> Value:
    """A field value for a table cell: lists as chips, None (or empty) as a muted dash."""
    if value is None or value == [] or value == {}:
        return Value("none")
    if isinstance(value, dict):
        return Value("pairs", pairs=tuple((str(k), cell(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return Value("items", items=tuple(plain(v) for v in value))
    return Value("text", plain(value))


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
