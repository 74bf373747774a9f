"""extract: meeting records and attributed quotes from article text about political leaders.

Library use::

    from extract import Config, extract, load_pipeline, read_source
    doc = extract(read_source("corpus/putin-netanyahu.txt"), load_pipeline())
    doc = extract("Some article text ...")   # a plain string; the pipeline defaults to load_pipeline()

The extractors are also spaCy components: ``nlp.add_pipe("extract_meetings")``,
``nlp.add_pipe("extract_quotes")`` (see :mod:`extract.components`).
"""

from .text.article import Source, read_source
from .errors import ExtractError
from .models import Document, Meeting, Quote, check_against_text
from .text.nlp import load_pipeline
from .components import MeetingExtractor, QuoteExtractor
from .pipeline import Config, extract, extract_from_doc

__all__ = [
    "Config",
    "Document",
    "ExtractError",
    "Meeting",
    "MeetingExtractor",
    "Quote",
    "QuoteExtractor",
    "Source",
    "check_against_text",
    "extract",
    "extract_from_doc",
    "load_pipeline",
    "read_source",
]
