"""Paragraphs of a parsed Doc as lists of sentence Spans, clipped to the paragraph.

spaCy's parser does not always break a sentence at a blank line or at a header line's end, so a
"sentence" can straddle two paragraphs; the meeting extractors reason per paragraph, and a line
break inside a paragraph (a header over its text) is a boundary too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span

from .paragraphs import Paragraphs


@dataclass(frozen=True)
class Para:
    """One paragraph: its character span and its sentences."""

    index: int
    start: int
    end: int
    sents: tuple[Span, ...]

    @property
    def text(self) -> str:
        return self.sents[0].doc.text[self.start : self.end] if self.sents else ""


def _clip(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not span.text.strip():
        return None
    # Drop whitespace tokens at either edge so span text starts and ends on a word.
    i, j = span.start, span.end
    while i < j and doc[i].is_space:
        i += 1
    while j > i and doc[j - 1].is_space:
        j -= 1
    return doc[i:j] if j > i else None


def paragraph_sentences(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences of ``doc.text[start:end]``, each clipped to the paragraph and to its lines."""
    text = doc.text
    out: list[Span] = []
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return out
    for sent in first.sents:
        s, e = max(sent.start_char, start), min(sent.end_char, end)
        # A line break inside the clipped sentence is a boundary (a header over its text).
        cut = s
        while cut < e:
            nl = text.find("\n", cut, e)
            stop = e if nl < 0 else nl
            span = _clip(doc, cut, stop)
            if span is not None:
                out.append(span)
            cut = stop + 1
    return out


@dataclass(frozen=True)
class Layout:
    """The paragraphs of one Doc with their sentences, computed once per article."""

    doc: Doc

    @cached_property
    def paras(self) -> tuple[Para, ...]:
        spans = Paragraphs.of(self.doc.text).spans
        return tuple(
            Para(i, s, e, tuple(paragraph_sentences(self.doc, s, e))) for i, (s, e) in enumerate(spans)
        )

    def between(self, start: int, end: int) -> list[Para]:
        """Paragraphs starting in ``[start, end)``."""
        return [p for p in self.paras if start <= p.start < end]
