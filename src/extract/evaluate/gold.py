"""Build a gold document from a hand-written annotation (``corpus/annotations/*.ann.json``).

People write values and exact substrings; this module finds the substrings, checks that every
slice matches, numbers the ids and assigns quotes to meetings. See corpus/annotations/README.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..text.article import Source
from ..errors import InputError
from ..models import Document, Meeting, Quote, Section, Span, meeting_at
from ..text.paragraphs import Paragraphs


def _pattern(needle: str) -> re.Pattern[str]:
    # A plain space in a hand-typed string stands for any horizontal space (scraped text is full of
    # non-breaking spaces); word boundaries keep "He" from matching inside "The".
    body = "".join(r"[ \u00a0]" if ch in " \u00a0" else re.escape(ch) for ch in needle)
    if needle[:1].isupper():
        # Scraped typos glue words together ("the meetingMerkel said"): a case change is a boundary too.
        body = r"(?:(?<!\w)|(?<=[a-z]))" + body
    elif needle[:1].isalnum():
        body = r"(?<!\w)" + body
    if needle[-1:].isalnum():
        body += r"(?!\w)"
    return re.compile(body)


def find_all(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    hi = len(text) if hi is None else hi
    return [m.span() for m in _pattern(needle).finditer(text, lo, hi)]


def find_unique(text: str, needle: str, what: str, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    hits = find_all(text, needle, lo, hi)
    if not hits:
        raise InputError(f"{what}: {needle!r} is not in the text")
    if len(hits) > 1:
        raise InputError(f"{what}: {needle!r} occurs {len(hits)} times; give a longer 'context'")
    return hits[0]


def _locate_quote(text: str, q: dict[str, Any], what: str) -> tuple[int, int]:
    if q.get("context"):
        cs, ce = find_unique(text, q["context"], f"{what}.context")
        return find_unique(text, q["text"], f"{what}.text", cs, ce)
    return find_unique(text, q["text"], f"{what}.text")


def _nearest(
    text: str, needle: str, start: int, end: int, paras: Paragraphs, what: str, *, avoid: tuple[int, int]
) -> tuple[int, int]:
    """The occurrence of ``needle`` nearest to [start, end) (before it on a tie), in the
    paragraph(s) of ``avoid`` (the quote) or the paragraph before, never inside the quote."""
    first = paras.index_at(avoid[0]) or 0
    last = paras.index_at(max(avoid[0], avoid[1] - 1)) or first
    lo = paras[max(first - 1, 0)][0]
    hi = paras[last][1]
    hits = [(s, e) for s, e in find_all(text, needle, lo, hi) if e <= avoid[0] or s >= avoid[1]]
    if not hits:
        raise InputError(f"{what}: {needle!r} is not near the quote")
    # "“A,” Merkel said" and "Merkel said “A”" both name the speaker next to the quote.
    return min(hits, key=lambda h: (start - h[1], 0) if h[1] <= start else (h[0] - end, 1))


def build(ann: dict[str, Any], source: Source) -> Document:
    text = source.text
    paras = Paragraphs.of(text, headings=False)
    starts: list[int] = []
    for i, m in enumerate(ann.get("meetings", []), 1):
        s, _ = find_unique(text, m["intro"], f"meetings[{i}].intro")
        starts.append(paras[paras.index_at(s)][0])
    meetings: list[Meeting] = []
    raw_meetings = ann.get("meetings", [])
    for i, (m, start) in enumerate(zip(raw_meetings, starts, strict=True), 1):
        if m.get("section_end"):
            end = find_unique(text, m["section_end"], f"meetings[{i}].section_end", start)[0]
        elif m.get("last_paragraph"):
            s, _ = find_unique(text, m["last_paragraph"], f"meetings[{i}].last_paragraph", start)
            end = paras[paras.index_at(s)][1]
        elif i < len(starts):
            end = starts[i]
        else:
            end = len(text.rstrip())
        fields = {k: v for k, v in m.items() if k not in {"intro", "section_end", "last_paragraph", "note"}}
        meetings.append(Meeting(id=f"m{i}", section=Section(start=start, end=end), **fields))

    located = []
    for i, q in enumerate(ann.get("quotes", []), 1):
        what = f"quotes[{i}]"
        s, e = _locate_quote(text, q, what)
        # The mention is the one attached to the cue ("Merkel also spoke about “…” Merkel
        # expressed …": the first), so it is sought next to the cue when there is one.
        anchor = (s, e)
        if q.get("cue"):
            anchor = _nearest(text, q["cue"], s, e, paras, f"{what}.cue", avoid=(s, e))
        mention = None
        if q.get("mention"):
            ms, me = _nearest(text, q["mention"], *anchor, paras, f"{what}.mention", avoid=(s, e))
            mention = Span(start=ms, end=me, text=text[ms:me])
        located.append((s, e, q, mention))
    located.sort(key=lambda item: item[0])
    quotes = [
        Quote(
            id=f"q{i}",
            start=s,
            end=e,
            text=text[s:e],
            kind=q["kind"],
            speaker=q.get("speaker"),
            speaker_mention=mention,
            cue=q.get("cue"),
            meeting=meeting_at(meetings, s),
        )
        for i, (s, e, q, mention) in enumerate(located, 1)
    ]
    return Document(article=source.article(), meetings=meetings, quotes=quotes)


def load_annotation(path: str | Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: cannot read annotation ({e})") from None
