"""Direct quotations: a scanner that pairs quotation marks over the raw text.

It works on characters and paragraphs only (no parse), so it is exact about offsets, and it
follows ANNOTATION.md's typography rules for quotations that run over several paragraphs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .marks import Mark, Role, marks
from .paragraphs import SENTENCE_ENDS, Paragraphs, headline_line

# How many paragraphs ahead an unclosed quotation may look for its closing mark: enough for a few
# unmarked middle paragraphs, short enough that one stray mark cannot swallow an article.
LOOKAHEAD_PARAGRAPHS = 5
# A transcript printed in quotation marks opens each turn with its speaker in capitals:
# "WALLACE: Let's start with ...". The label is not part of the words quoted.
_TURN_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?:[^\S\n][A-Z][A-Z.'’-]+){0,3}):[^\S\n]+")
# ... and sets stage directions apart in their own paragraph: "(CROSSTALK.)".
_STAGE_DIRECTION = re.compile(r"\([A-Z][A-Z ,.'’-]*\)")
# A heading line ends in none of these: a line ending in ":" or "," leads on into the next.
_HEADING_ENDS = SENTENCE_ENDS + (":", ";", ",", "’", "'")


@dataclass(frozen=True)
class Quoted:
    """The content between a pair of quotation marks (marks excluded), half-open offsets."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when the quotation ran to the end of a paragraph unclosed
    first_par: int
    last_par: int
    label: tuple[int, int] | None = None  # a transcript turn's speaker label, before the colon


def _turn_label(text: str, opener: int) -> re.Match[str] | None:
    return _TURN_LABEL.match(text, opener + 1)


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _closes(m: Mark, outer: Mark) -> bool:
    if m.role is Role.CLOSE:
        return True
    return m.role is Role.CLOSE_OR_APOSTROPHE and not outer.double


def _continues(text: str, par_marks: list[list[Mark]], pars: Paragraphs, j: int, outer: Mark) -> bool:
    """Whether a quotation left open at the end of paragraph ``j - 1`` runs on into paragraph ``j``."""
    if j >= len(pars):
        return False
    first = par_marks[j][0] if par_marks[j] else None
    if first and first.pos == pars[j][0] and (
        _turn_label(text, first.pos) or _STAGE_DIRECTION.match(text, first.pos + 1)
    ):
        return False  # the next speaker's turn of a transcript, or a stage direction
    # English typography reopens every paragraph of a long quotation and closes only the last.
    if first and first.pos == pars[j][0] and first.role is Role.OPEN and first.double == outer.double:
        return True
    one_line = "\n" not in text[pars[j][0] : pars[j][1]].strip()
    if any(m.role is Role.OPEN for m in par_marks[j]) or one_line and headline_line(text, pars[j][0], _HEADING_ENDS):
        return False  # ... nor through a heading line ("No. 2 — Washington, 18 July 2005"): page structure, not speech
    # An unmarked middle paragraph belongs to the quotation when a later paragraph closes it
    # before any new quotation opens; a mark reopening a later paragraph continues it.
    for k in range(j, min(len(pars), j + LOOKAHEAD_PARAGRAPHS)):
        for n, m in enumerate(par_marks[k]):
            if m.role is Role.OPEN:
                if k > j and n == 0 and m.pos == pars[k][0] and m.double == outer.double:
                    continue
                return False
            if _closes(m, outer):
                return True
    return False


def scan(text: str, pars: Paragraphs | None = None, *, elisions: frozenset[str] = frozenset()) -> list[Quoted]:
    """Every outermost quotation in ``text``, in order; nested quotations stay inside their host."""
    pars = pars or Paragraphs.of(text)
    par_marks = [list(marks(text, s, e, elisions=elisions)) for s, e in pars.spans]
    out: list[Quoted] = []
    stack: list[Mark] = []
    first_par = 0

    def emit(opener: Mark, end: int, close: int | None, last_par: int) -> None:
        a, b = _content(text, opener.pos + 1, end)
        label = _turn_label(text, opener.pos) if opener.pos == pars[first_par][0] else None
        if label is not None:
            a = max(a, label.end())
        if a < b and not _STAGE_DIRECTION.fullmatch(text, a, b):
            out.append(Quoted(a, b, opener.pos, close, first_par, last_par,
                              label.span(1) if label is not None else None))

    for pi, (ps, pe) in enumerate(pars.spans):
        absorbed = stack and par_marks[pi] and par_marks[pi][0].pos == ps and par_marks[pi][0].role is Role.OPEN
        for k, m in enumerate(par_marks[pi]):
            if k == 0 and absorbed:
                continue  # the reopening mark of a continued quotation stays inside it
            if m.role is Role.OPEN:
                # A transcript turn is never closed, so a mark opening inside it is a nested quotation.
                in_turn = len(stack) == 1 and stack[0].pos == pars[first_par][0] and _turn_label(text, stack[0].pos)
                if stack and stack[-1].double == m.double and not in_turn:
                    # The same kind opening again before a close: the earlier one was never closed.
                    if len(stack) == 1:
                        emit(stack[0], m.pos, None, pi)
                    stack.pop()
                if not stack:
                    first_par = pi
                stack.append(m)
                continue
            if not stack:
                continue  # an apostrophe after a plural, or a stray closing mark
            same = [i for i, o in enumerate(stack) if o.double == m.double]
            if same:
                idx = same[-1]
            elif m.role is Role.CLOSE_OR_APOSTROPHE:
                continue  # an apostrophe inside a double-quoted passage
            else:
                idx = len(stack) - 1  # unbalanced: ‘...” closes what is open
            opener = stack[idx]
            del stack[idx:]
            if not stack:
                emit(opener, m.pos, m.pos, pi)
        if stack:
            if _continues(text, par_marks, pars, pi + 1, stack[0]):
                del stack[1:]  # inner quotations do not survive a paragraph break
            else:
                emit(stack[0], pe, None, pi)
                stack = []
    return out


class QuoteIndex:
    """Lookup over the scanner's quotations, which never overlap: does an offset or a span fall
    inside one (marks included)?"""

    def __init__(self, quoted: list[Quoted]) -> None:
        self._spans = sorted((q.open_mark, q.close_mark + 1 if q.close_mark is not None else q.end) for q in quoted)
        self._starts = [s for s, _ in self._spans]

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._spans[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._spans[i][1] > start
