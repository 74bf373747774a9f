"""Headings that make a list of meetings: numbered ("1. Versailles, May 2017", "Second: St
Petersburg, May 2018", "3) Brégançon", "Number four: Paris") or dated ("Berlin, May 2017").

One such line could be anything ("1. Background"), so a heading counts only among others of its
kind (numbered ones whose numbers rise), and the segmenter still asks the text under it to report
a meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import phrase_spans
from ..lexicons import Lexicons
from ..text.sentences import Para
from ..wordlists import data

# The number, then a separator: "1.", "3)", "2nd:", "Second:", "Number four:", "No. 4 -", "#4 —".
_MARKER = re.compile(
    r"^\s*(?:(?:number|no\.?|#)\s*(?P<named>[\w-]+)|(?P<digits>\d{1,2})(?:st|nd|rd|th)?|(?P<word>[A-Za-z]+(?:-[A-Za-z]+)?))"
    r"\s*[.):—–-]\s+(?=\S)",  # a space after it: "08.10.2020 – London" is a date, not item 8
    re.IGNORECASE,
)


# A section heading's trailing link ("[edit]", "[modifier]"): not a reference marker ("[3]").
_SECTION_MARK = re.compile(r"\[[^\]\d]+\]$")


@dataclass(frozen=True)
class Number:
    value: int
    start_char: int
    end_char: int


def _value(text: str, lex: Lexicons, *, words_only: bool) -> int | None:
    if text.isdigit():
        return None if words_only else int(text)
    key = text.lower()
    found = data(lex, "ordinals").get(key)
    if found is None and not words_only:
        found = data(lex, "cardinals").get(key)
    return found


def heading_number(text: str, lex: Lexicons, offset: int = 0) -> Number | None:
    """The number opening a heading line, if the line opens with one; its span is ``text``'s
    (plus ``offset``) and runs over the separator after it."""
    m = _MARKER.match(text)
    if m is None:
        return None
    if m.group("digits"):
        value = int(m.group("digits"))
    elif m.group("named"):
        value = _value(m.group("named"), lex, words_only=False)
    else:
        # A bare word must be an ordinal ("Second:"): "Update: ..." or "Kyiv –" number nothing.
        value = _value(m.group("word"), lex, words_only=True)
    if not value:
        return None
    return Number(value, offset + m.start(), offset + m.end())


def numbered_headings(paras: list[Para], lex: Lexicons, is_heading) -> dict[int, Number]:
    """Paragraph index -> number, for the article's numbered headings when there are at least two
    and their numbers rise in order; empty otherwise."""
    found = {p.index: n for p in paras if is_heading(p) and (n := heading_number(p.text, lex, p.start)) is not None}
    values = list(found.values())
    if len(values) < 2 or any(b.value <= a.value for a, b in zip(values, values[1:])):
        return {}
    return found


def dated_headings(paras: list[Para], is_heading) -> dict[int, None]:
    """Paragraph index -> None for the article's heading lines that carry a date ("Meseberg, June
    2018"), when there are at least two and they are not a few among the section headings of their
    kind ("2014 Belgrade visit[edit]" between "Historical background[edit]" and "Regional
    cooperation[edit]" heads a section of an encyclopedia's story, not an item of a list); empty otherwise."""
    headings = [p for p in paras if is_heading(p)]
    found = {p.index: None for p in headings if not _told(p) and any(phrase_spans(s) for s in p.sents)}
    marks = {m.group() for p in headings if p.index in found and (m := _SECTION_MARK.search(p.text))}
    if len(marks) == 1:
        (mark,) = marks
        siblings = sum(1 for p in headings if p.text.rstrip().endswith(mark))
        if 2 * len(found) < siblings:
            return {}
    return found if len(found) >= 2 else {}


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _told(para: Para) -> bool:
    """Whether the line tells something rather than names a meeting: a clause with a subject and a
    finite verb (a key point, "• The ceremony was postponed in March"), or the signature of an
    embedded post ("— Yoweri K Museveni (@KagutaMuseveni), Apr. 11, 2021")."""
    if "(@" in para.text:
        return True
    # The verb must be on the line: a heading glued to its text may parse as the subject of the text's verb.
    return any(t.dep_ in {"nsubj", "nsubjpass"} and para.start <= t.head.idx < para.end and (t.head.tag_ in _FINITE or any(
        c.tag_ in _FINITE and c.dep_ in {"aux", "auxpass"} for c in t.head.children)) for s in para.sents for t in s)
