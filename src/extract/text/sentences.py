"""Paragraphs of a parsed Doc as lists of sentence Spans, clipped to the paragraph.

spaCy's parser does not always break a sentence at a blank line or at a header line's end, so a
"sentence" can straddle two paragraphs; the meeting extractors reason per paragraph, and a line
break inside a paragraph (a header over its text) is a boundary too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from .paragraphs import Paragraphs


@lru_cache(maxsize=8)
def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token anew on each ``Doc.text`` access.

    Docs hash by identity and the cache holds them, so an id is never reused while cached."""
    return doc.text


@dataclass(frozen=True)
class Para:
    """One paragraph: its character span and its sentences."""

    index: int
    start: int
    end: int
    sents: tuple[Span, ...]
    text: str  # the paragraph's text (``Doc.text`` is rebuilt on every access: read it once)


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


def paragraph_sentences(doc: Doc, start: int, end: int, text: str | None = None) -> list[Span]:
    """The sentences of ``doc.text[start:end]``, each clipped to the paragraph and to its lines."""
    text = doc_text(doc) if text is None else text
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
    def text(self) -> str:
        return doc_text(self.doc)

    @cached_property
    def paras(self) -> tuple[Para, ...]:
        text = self.text
        return tuple(
            Para(i, s, e, tuple(paragraph_sentences(self.doc, s, e, text)), text[s:e])
            for i, (s, e) in enumerate(Paragraphs.of(text).spans)
        )

    def between(self, start: int, end: int) -> list[Para]:
        """Paragraphs starting in ``[start, end)``."""
        return [p for p in self.paras if start <= p.start < end]


# ``Doc.ents`` and ``Span.ents`` build every entity Span anew on each access; the extractors ask
# for the entities of one sentence hundreds of times per article, so they are indexed once.
_ENTS: dict[int, tuple[Doc, tuple[Span, ...], list[int]]] = {}


def _index(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    hit = _ENTS.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_ENTS) >= 4:
            _ENTS.clear()
        ents = tuple(doc.ents)
        hit = (doc, ents, [e.start for e in ents])
        _ENTS[id(doc)] = hit
    return hit[1], hit[2]


def ents_in(span: Span | Doc) -> list[Span]:
    """The named entities lying inside ``span`` (or all of a Doc's), in order."""
    doc = span if isinstance(span, Doc) else span.doc
    ents, starts = _index(doc)
    if isinstance(span, Doc):
        return list(ents)
    i = bisect.bisect_left(starts, span.start)
    out = []
    while i < len(ents) and ents[i].start < span.end:
        if ents[i].end <= span.end:
            out.append(ents[i])
        i += 1
    return out


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token ``i``, if any."""
    ents, starts = _index(doc)
    k = bisect.bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and ents[k].start <= i < ents[k].end else None


def ents_overlapping(span: Span) -> list[Span]:
    """The named entities sharing a token with ``span``."""
    ents, starts = _index(span.doc)
    out = []
    for e in ents[max(bisect.bisect_right(starts, span.start) - 1, 0) :]:
        if e.start >= span.end:
            break
        if e.end > span.start:
            out.append(e)
    return out


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` in the parse: the clause a noun or a date phrase sits in."""
    return next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def apposed_to(name: Token) -> Token:
    """The word an apposed name describes: its head, or, when the parse hung it on a proper noun
    ending a description's prepositional phrase ("His deputy for Latin America, Ana Ruiz"), the
    noun that phrase belongs to."""
    head = name.head
    if head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        return head.head.head
    return head


def apposed(noun: Token) -> list[Token]:
    """The names in apposition to ``noun``: its own, and one the parse hung on the proper noun ending
    its prepositional phrase ("Uruguay's ambassador in Buenos Aires, Carlos Enciso")."""
    own = [c for c in noun.children if c.dep_ == "appos"]
    return own + [a for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                  for a in g.children if a.dep_ == "appos" and apposed_to(a).i == noun.i]


def antecedent(tok: Token) -> Token:
    """A relative pronoun's antecedent ("Lloyd Austin, who paid a courtesy call": Austin); any other token itself."""
    return tok.head.head if tok.tag_ in {"WP", "WDT"} and tok.head.dep_ == "relcl" else tok
