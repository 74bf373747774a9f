"""Quotes of an article: direct quotations from the scanner, reported speech from the parse, each
attributed to a speaker from the article's entity table.

``extract_quotes`` is the one entry point; the work is done in ``scanner`` (quotation marks),
``attribution`` (who said the marked words), ``indirect`` (reported speech) and ``speakers``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import attribution, blocks, indirect
from .bodies import fuller_bodies
from .cues import CueLexicon
from ..lexicons import Lexicons
from ..models import Quote
from ..text.paragraphs import Paragraphs
from ..people.parties import Person
from ..text.scanner import Quoted, scan
from ..text.sentences import doc_text
from .speakers import EntityTable

__all__ = ["extract_quotes", "scan", "Quoted"]


def extract_quotes(doc: Doc, *, parties: list[Person], lex: Lexicons,
                   countries: dict[str, str | None] | None = None) -> list[Quote]:
    """Direct and indirect quotes of ``doc`` with their speakers (ids and meetings left to the
    caller); ``countries``: what the meeting stage read of the principals' countries, if it ran."""
    cues = CueLexicon.from_lexicons(lex)
    pars = Paragraphs.of(doc_text(doc))
    spans = scan(doc_text(doc), pars, elisions=cues.elisions)
    table = EntityTable.build(doc, lex, parties=parties, speech=cues.speech, speech_nouns=cues.nouns,
                              quoted=[(q.start, q.end) for q in spans], countries=countries)
    colon = blocks.colon_blocks(doc, pars, spans, cues)
    direct = attribution.attribute(doc, spans, pars, table=table, cues=cues, blocks=colon)
    # Unmarked paragraphs inside a speech block are the speaker's words, not the writer's reports.
    regions = [pars[i] for i in colon if not any(q.first_par <= i <= q.last_par for q in spans)]
    reported = indirect.reported_speech(doc, table=table, cues=cues, direct=direct, speech_regions=regions)
    people = {p.name for p in table.people} | {a for p in table.people for a in p.aliases}
    return fuller_bodies([d.quote for d in direct if d.keep] + reported, doc, people)
