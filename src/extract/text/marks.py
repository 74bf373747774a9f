"""Quotation marks in raw text: which characters open or close a quotation, and which are apostrophes.

Works on characters only, so it runs before (and independently of) any parse. Scraped text mixes
curly and straight marks, uses ’ for both the apostrophe and the closing single mark, and sometimes
types the wrong glyph; each mark is therefore read from its glyph *and* the characters around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum


class Role(str, Enum):
    OPEN = "open"
    CLOSE = "close"
    # A single mark after a word and before a space: closes a single quotation when one is open,
    # else it is the apostrophe of a plural possessive ("the leaders’ talks").
    CLOSE_OR_APOSTROPHE = "close_or_apostrophe"


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is, whether it is a double or single mark, and its role."""

    pos: int
    double: bool
    role: Role


# Glyphs that lean one way; straight marks are read from their neighbours alone.
_DOUBLE_OPENING = "“„‟«"
_DOUBLE_CLOSING = "”»"
_SINGLE_OPENING = "‘‚‹"
_SINGLE_CLOSING = "’›"
DOUBLE = _DOUBLE_OPENING + _DOUBLE_CLOSING + '"'
SINGLE = _SINGLE_OPENING + _SINGLE_CLOSING + "'"
ALL_MARKS = DOUBLE + SINGLE

# What may stand right before an opening mark, or right after a closing one, besides space.
_BEFORE_OPENING = "([{—–-/:" + ALL_MARKS
_AFTER_CLOSING = ".,;:!?)]}—–-…/" + ALL_MARKS

# Apostrophes that stand where a word or a digit was cut: the ’90s, rock ’n’ roll, ’em.
_DIGITS_CUT = re.compile(r"\d\d(?:s\b|\b)")
_N_CUT = re.compile(r"n[’'‘]")
_WORD = re.compile(r"[A-Za-z]+\b")


def _left_open(prev: str) -> bool:
    return prev == "" or prev.isspace() or prev in _BEFORE_OPENING


def _right_open(nxt: str) -> bool:
    return nxt == "" or nxt.isspace() or nxt in _AFTER_CLOSING


def classify(text: str, i: int, *, elisions: Iterable[str] = ()) -> Role | None:
    """The role of the mark at ``text[i]``, or None when it is an apostrophe or a stray mark."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    inside_word = prev.isalnum() and nxt.isalnum()
    if ch in SINGLE:
        # Between letters it is an apostrophe: didn’t, Chile’s, O’Brien, Côte d’Ivoire.
        if inside_word:
            return None
        # A cut at the start of a year or a word: the ’90s, ’n’, ’em; never an opening mark.
        if _left_open(prev) and (_DIGITS_CUT.match(text, i + 1) or _N_CUT.match(text, i + 1)):
            return None
        if prev == "n" and i >= 2 and text[i - 2] in "’'‘" and (i < 3 or not text[i - 3].isalnum()):
            return None  # the second mark of ’n’
        # A cut word from the elision lexicon: ’em, ’til, ’tis.
        word = _WORD.match(text, i + 1)
        if _left_open(prev) and word and word.group(0).lower() in elisions:
            return None
    if ch in _DOUBLE_OPENING or ch in _SINGLE_OPENING:
        # An opening glyph glued to the word before it and followed by space was typed for a closing one.
        if prev and not prev.isspace() and _right_open(nxt) and not _left_open(prev):
            return Role.CLOSE
        return Role.OPEN
    if ch in _DOUBLE_CLOSING or ch in _SINGLE_CLOSING:
        # A closing glyph after space and glued to a word was typed for an opening one.
        if _left_open(prev) and not _right_open(nxt) and prev not in ALL_MARKS:
            return Role.OPEN
        if ch in _SINGLE_CLOSING and prev.isalnum():
            return Role.CLOSE_OR_APOSTROPHE
        return Role.CLOSE
    # Straight marks: the side that touches a word decides; between two words (5"10) or two
    # spaces it is no quotation mark.
    if _left_open(prev) and not _right_open(nxt):
        return Role.OPEN
    if _right_open(nxt) and not _left_open(prev):
        return Role.CLOSE_OR_APOSTROPHE if ch == "'" and prev.isalnum() else Role.CLOSE
    if prev in ALL_MARKS or nxt in ALL_MARKS:
        # Marks side by side ('Look ... something.'" or "'Look): the first characters that are not
        # marks decide, as they would for the mark alone.
        a, b = i - 1, i + 1
        while a >= 0 and text[a] in ALL_MARKS:
            a -= 1
        while b < len(text) and text[b] in ALL_MARKS:
            b += 1
        before, after = text[a] if a >= 0 else "", text[b] if b < len(text) else ""
        if _left_open(before) and not _right_open(after):
            return Role.OPEN
        if _right_open(after) and not _left_open(before):
            return Role.CLOSE
    return None


def marks(text: str, start: int = 0, end: int | None = None, *, elisions: Iterable[str] = ()) -> Iterator[Mark]:
    """Every quotation mark in ``text[start:end]`` with its role, in order; apostrophes left out."""
    elisions = frozenset(elisions)
    end = len(text) if end is None else end
    for i in range(start, end):
        ch = text[i]
        if ch not in ALL_MARKS:
            continue
        role = classify(text, i, elisions=elisions)
        if role is not None:
            yield Mark(i, ch in DOUBLE, role)
