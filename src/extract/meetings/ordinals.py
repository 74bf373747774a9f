"""Ordinals of meetings: "The 5th meeting", "Their third summit", "Meeting #3", "met for the
third time", "first met"; not a body's session ("the 77th Session of the General Assembly"), a
date ("the November 11th meeting"), a sub-series ("the second informal summit" numbers nothing
of the series) or a denial ("No sixth meeting has followed")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from . import date_text
from ..lexicons import Lexicons
from ..wordlists import data, hits, words

# "Meeting #3", "Meeting No. 3", "Meeting number 3", and a heading's "Meeting 3: Hamburg".
_NUMBERED = re.compile(r"#\s*(\d+)|\bno\.?\s*(\d+)\b|\bnumber\s+(\d+)\b|(\d+)\s*(?=[:—–]|-\s)", re.I)
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)


@dataclass(frozen=True)
class Ordinal:
    value: int | None  # None: an ordinal of a sub-series ("the second informal summit")
    start_char: int
    end_char: int


def ordinal_value(tok, lex: Lexicons) -> int | None:
    if m := _ORDINAL_SUFFIX.match(tok.text.replace("\u00a0", "")):
        return int(m.group(1))
    return data(lex, "ordinals").get(tok.lower_)


_SPANS_OF_TIME = {"year", "month", "week", "decade"}
_FOR_THE_NTH_TIME = re.compile(r"\bfor the (\w+) time\b(?!\s+since)", re.I)


def find_ordinal(sent: Span, lex: Lexicons) -> Ordinal | None:
    """The sentence's numbering of a meeting, if it has one (value None for a sub-series)."""
    nouns, clear = words(lex, "meeting_nouns"), words(lex, "transparent_adjectives")
    if any(hits(t, words(lex, "meeting_verbs")) for t in sent):
        # "met for the third time"; not "for the last time", "for the first time since ...".
        for m in _FOR_THE_NTH_TIME.finditer(sent.text):
            value = data(lex, "ordinals").get(m.group(1).lower())
            if value is not None:
                return Ordinal(value, sent.start_char + m.start(), sent.start_char + m.end())
        # "They first met on 21 September 2022".
        for tok in sent:
            first = next((c for c in tok.children if c.lower_ == "first" and c.dep_ == "advmod" and c.i < tok.i), None)
            if first is not None and hits(tok, words(lex, "meeting_verbs")):
                return Ordinal(1, first.idx, tok.idx + len(tok.text))
    for tok in sent:
        if not hits(tok, nouns):
            continue
        if any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children):
            continue  # "No sixth meeting has followed"
        # "their first meeting since the crisis" dates the meeting, it does not number it.
        if _counted_since(tok):
            continue
        # ... and so does "the first summit ... in three years".
        if any(c.lower_ == "in" and any(g.lemma_.lower() in _SPANS_OF_TIME for g in c.children) for c in tok.rights):
            continue
        after = tok.idx + len(tok.text) - sent.start_char
        if m := _NUMBERED.match(sent.text[after : after + 12].lstrip()):
            # "Meeting #3", whatever the tagger makes of a header's first word.
            end = sent.start_char + sent.text.index(m.group(0), after) + len(m.group(0))
            return Ordinal(int(next(g for g in m.groups() if g)), tok.idx, end)
        if tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        # "the 77th Session of the United Nations General Assembly", "the eighth meeting of the
        # Strategic Council": the number of a body's sessions, not of the leaders' meetings.
        if any(c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children) for c in tok.rights):
            continue
        head = tok.head
        if head.lower_ == "of" and (value := ordinal_value(head.head, lex)) is not None and head.head.i < tok.i:
            return Ordinal(value, head.head.idx, tok.idx + len(tok.text))  # "the first of the three summits"
        if tok.tag_ == "NNS" and tok.lower_ not in nouns:
            continue  # "their first encounters were cool": several meetings, no one numbered
        left = tok.doc[max(sent.start, tok.left_edge.i) : tok.i]
        for k in range(len(left) - 1, -1, -1):
            value = ordinal_value(left[k], lex)
            if value is None or _after_month(left[k]):
                continue  # "the November 11th meeting" is dated, not numbered
            between = [t for t in left[k + 1 :] if not t.is_space]
            sub_series = any(t.lower_ not in clear for t in between)
            return Ordinal(None if sub_series else value, left[k].idx, tok.idx + len(tok.text))
    return None


def _counted_since(noun) -> bool:
    """"their first meeting since the crisis", "the third meeting between the two since X won":
    a count from some event, on the noun or on the clause it is the subject or predicate of."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.lower_ == "since" or any(t.lower_ == "since" for t in noun.subtree if t.i > noun.i):
        return True
    return noun.dep_ in {"attr", "nsubj"} and any(
        c.i > noun.i and (c.lower_ == "since" or any(g.lower_ == "since" and g.dep_ == "mark" for g in c.children))
        for c in noun.head.children if c.dep_ in {"prep", "advcl"})


def _after_month(tok) -> bool:
    prev = tok.i - 1
    while prev >= 0 and tok.doc[prev].is_space:
        prev -= 1
    return prev >= 0 and date_text.is_month(tok.doc[prev].text)
