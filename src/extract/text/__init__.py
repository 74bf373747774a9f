"""Stage 1, text: takes a file (or a string) and gives an article and one parsed spaCy ``Doc``.

Reading and decoding an article (``article``), its paragraphs and sentence layout
(``paragraphs``, ``sentences``), the quotation marks in it (``marks``, ``scanner``), and the spaCy
pipeline: loading it once per process (``nlp``), its attribute ruler's cache (``attributes``) and
parsing long texts in blocks and many texts in batches (``parse``: not re-exported here, as
its function of the same name would hide the module).
"""

from .article import Source, read_source
from .nlp import load_pipeline
from .paragraphs import Paragraphs
from .scanner import Quoted, scan
from .sentences import Layout

__all__ = ["Layout", "Paragraphs", "Quoted", "Source", "load_pipeline", "read_source", "scan"]
