"""Paragraphs of raw text as character spans: blocks of non-blank lines."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
# A line opening with a bullet: "• April 2023, Beijing: ...", "* ...", "- ..." (a dash then a space).
LIST_ITEM = re.compile(r"[ \t]*(?:[•·▪◦*]|[-–—](?=\s))")
_ITEM = re.compile(r"\n(?=" + LIST_ITEM.pattern + ")")
# A heading glued to its paragraph by a single line break ("2. Paris, 13–14 July 2017 — Bastille
# Day" over the text): a short first line with no sentence end, over a line of prose.
_HEADING_WORDS = 12
_PROSE_CHARS = 80
_TERMINAL = tuple(".!?:;\"'”’)")


def _heading_cut(block: str) -> int | None:
    """Where a heading line ends inside ``block``, or None."""
    first, sep, rest = block.partition("\n")
    if not sep:
        return None
    second = rest.split("\n", 1)[0].strip()
    head = first.strip()
    if not head or len(head.split()) > _HEADING_WORDS or head.endswith(_TERMINAL) or len(second) < _PROSE_CHARS:
        return None
    return len(first) + 1


@dataclass(frozen=True)
class Paragraphs:
    """The paragraph spans of one text, with lookup by offset."""

    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str, *, headings: bool = True) -> Paragraphs:
        """The paragraphs of ``text``; with ``headings``, a heading line glued to the prose under
        it is a paragraph of its own (the gold builder keeps the two together, as ANNOTATION.md
        starts a section at the header line over its paragraph)."""
        # Leading and trailing spaces of a block are not part of it.
        spans = []
        for m in _BLOCK.finditer(text):
            # A list item is a paragraph of its own, blank line or not.
            cuts = [m.start(), *(m.start() + b.start() + 1 for b in _ITEM.finditer(m.group(0))), m.end()]
            if headings and (head := _heading_cut(m.group(0))) is not None and m.start() + head not in cuts:
                cuts.insert(1, m.start() + head)
            for s, e in zip(cuts, cuts[1:]):
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append((s, e))
        return cls(tuple(spans))

    def index_at(self, offset: int) -> int | None:
        """Index of the paragraph containing ``offset`` (or the one before it when between two)."""
        starts = [s for s, _ in self.spans]
        i = bisect.bisect_right(starts, offset) - 1
        return i if i >= 0 else None

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> tuple[int, int]:
        return self.spans[i]


SENTENCE_ENDS = (".", "!", "?", '"', "”")


def headline_line(text: str, offset: int, ends: tuple[str, ...] = SENTENCE_ENDS) -> bool:
    """Whether the line at ``offset`` is a headline or other furniture: short, not ending in one of
    ``ends`` ("...by peaceful means.[20]" is prose: a reference marker is no part of the sentence)."""
    line = text[text.rfind("\n", 0, offset) + 1 :].split("\n", 1)[0].strip()
    line = re.sub(r"(?:\[\d+\])+$", "", line)
    return 0 < len(line) < 100 and not line.endswith(ends)
