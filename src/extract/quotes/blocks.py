"""Colon-introduced blocks: a line ending in a colon after a verb of saying or a speech noun
("Prior to leaving for the summit, X said:") attributes the quotation paragraphs that follow it.

A meeting's opening line that ends in a colon names no speech and introduces nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .cues import CueLexicon
from ..text.paragraphs import Paragraphs
from ..text.scanner import Quoted
from ..text.sentences import doc_text
from .ties import Tie, colon_tie

_FIRST_PERSON = {"i", "we", "my", "our", "us", "me"}


def colon_blocks(doc: Doc, pars: Paragraphs, quoted: list[Quoted], cues: CueLexicon) -> dict[int, Tie]:
    """Paragraphs attributed by a line that ends in a colon after a verb of saying or a speech
    noun ("Prior to leaving, X said:"), each mapped to its tie; later paragraphs get a quiet tie."""
    starts = {q.first_par for q in quoted if q.open_mark == pars[q.first_par][0]}
    covered = {p for q in quoted for p in range(q.first_par, q.last_par + 1)}
    out: dict[int, Tie] = {}
    for pi, (ps, pe) in enumerate(pars.spans):
        if not doc_text(doc)[ps:pe].rstrip().endswith(":") or pi + 1 not in starts:
            continue
        tie = _colon_tie(doc, ps, pe, cues)
        if tie is None:
            continue
        j = pi + 1
        while j < len(pars):
            if j in starts or j in covered:
                out[j] = tie if j == pi + 1 else Tie(tie.verb, tie.subject, None, quiet=True)
            elif j + 1 in starts and _first_person(doc, *pars[j]):
                out[j] = Tie(tie.verb, tie.subject, None, quiet=True)  # an unmarked paragraph of the speech
            else:
                break
            j += 1
    return out


def _colon_tie(doc: Doc, ps: int, pe: int, cues: CueLexicon) -> Tie | None:
    span = doc.char_span(ps, pe, alignment_mode="expand")
    sent = list(span[-1].sent) if len(span) else []
    return colon_tie([t for t in sent if ps <= t.idx < pe], cues)


def _first_person(doc: Doc, ps: int, pe: int) -> bool:
    span = doc.char_span(ps, pe, alignment_mode="expand")
    return any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" for t in span)
