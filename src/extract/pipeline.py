"""Text -> one spaCy Doc -> meetings and quotes (the spaCy components) -> a validated Document."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .components import MeetingExtractor, QuoteExtractor
from .lexicons import Lexicons, load_lexicons
from .meetings.gate import MeetingGate
from .models import Document, Meeting, Quote
from .people.spelling import as_written
from .text.article import Source
from .text.nlp import load_pipeline
from .text.parse import parse


@dataclass(frozen=True)
class Config:
    """What the extractors need besides the text."""

    parties: tuple[str, ...] | None = None  # principal parties; found from the text when None
    lexicons: Lexicons = field(default_factory=load_lexicons)
    # Join a quotation split by its attribution into one quote (PolNeAR's convention), instead of
    # ANNOTATION.md's two quotes.
    join_interrupted: bool = False
    # A trained MeetingGate (meetings/gate.py) giving the segmenter a learned second opinion.
    meeting_gate: MeetingGate | None = None


def components(config: Config) -> tuple[MeetingExtractor, QuoteExtractor]:
    """The two spaCy components, configured as ``config`` says."""
    return (
        MeetingExtractor("extract_meetings", parties=config.parties, lexicons=config.lexicons, gate=config.meeting_gate),
        QuoteExtractor(
            "extract_quotes", parties=config.parties, lexicons=config.lexicons, join_interrupted=config.join_interrupted
        ),
    )


def document(source: Source, doc: Doc) -> Document:
    """The validated document from a doc the components have run on."""
    meetings = [m.model_dump() for m in doc._.meetings]
    quotes = [q.model_dump() for q in doc._.quotes]
    written = functools.cache(lambda name: as_written(name, source.text))
    for m in meetings:
        m["participants"] = [written(p) for p in m["participants"]]
        m["visitor"] = m["visitor"] and written(m["visitor"])
    for q in quotes:
        q["speaker"] = q["speaker"] and written(q["speaker"])
    # Re-validate the whole: model_copy skips validation, and the document must be valid on disk.
    return Document.model_validate({"article": source.article().model_dump(), "meetings": meetings, "quotes": quotes})


def extract_from_doc(source: Source, doc: Doc, config: Config) -> Document:
    """The extraction for one article already parsed into ``doc``."""
    for component in components(config):
        doc = component(doc)
    return document(source, doc)


def extract(source: Source | str, nlp: Language | None = None, config: Config | None = None) -> Document:
    """The extraction for one article: a ``Source`` or the text itself (its id then made from the
    text), parsed with ``nlp`` (default: ``load_pipeline()``)."""
    if isinstance(source, str):
        source = Source.of_text(source)
    nlp = nlp if nlp is not None else load_pipeline()
    return extract_from_doc(source, parse(nlp, source.text), config or Config())


__all__ = ["Config", "components", "document", "extract", "extract_from_doc", "Meeting", "Quote"]
