"""Buildings an article places in a town once and then names bare: "the Miraflores Palace in
Caracas" ... "the talks at Miraflores". The bare name is the building, in that town, not a town
GeoNames happens to list under the same name (Miraflores, Peru)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..lexicons import Lexicons
from ..wordlists import words

_NAME = r"((?:[A-Z][\w'’-]*\s){1,3})"
_TOWN = r"((?:[A-Z][\w'’-]*)(?:\s[A-Z][\w'’-]*){0,2})"


def venue_towns(doc: Doc, lex: Lexicons) -> dict[str, str]:
    """Bare building name -> the town the text places it in, from "X Palace in Town" and
    "X Palace, Town" anywhere in the article."""
    heads = "|".join(sorted((re.escape(w) for w in words(lex, "venue_words")), key=len, reverse=True))
    pattern = re.compile(_NAME + rf"(?i:{heads})\b(?:,| in) {_TOWN}")
    found: dict[str, str] = {}
    for m in pattern.finditer(doc.text):
        name = m.group(1).split()
        for i in range(len(name)):
            # "At Miraflores Palace in Caracas": the sentence's first word may be no part of the name.
            found.setdefault(" ".join(name[i:]), m.group(2))
    return found
