"""Buildings an article places in a town once and then names bare: "the Miraflores Palace in
Caracas" ... "the talks at Miraflores". The bare name is the building, in that town, not a town
GeoNames happens to list under the same name (Miraflores, Peru)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from .. import gazetteer
from ..lexicons import Lexicons
from ..text.sentences import doc_text
from ..wordlists import words
from .date_text import MONTHS

_NAME = r"((?:[A-Z][\w'’-]*\s){1,3})"
# A town's name may have a particle inside: "Viña del Mar", "Bormes-les-Mimosas".
_TOWN = r"((?:[A-Z][\w'’-]*)(?:\s(?:(?:de|del|da|do|la|le|el|al)\s)?[A-Z][\w'’-]*){0,2})"


def venue_towns(doc: Doc, lex: Lexicons) -> dict[str, str]:
    """Building name -> the town the text places it in, from "X Palace in Town", "X Palace, Town"
    and "X, the prime minister's official residence in Town" anywhere in the article (the bare
    name "X" too, and for the last form only a town GeoNames knows). Read once per article: every
    meeting and heading asks."""
    return _towns(doc_text(doc), words(lex, "venue_words"))


@lru_cache(maxsize=16)
def _towns(text: str, venue_words: frozenset[str]) -> dict[str, str]:
    heads = "|".join(sorted((re.escape(w) for w in venue_words), key=len, reverse=True))
    named = re.compile(_NAME + rf"(?i:{heads})\b(?:,| in) {_TOWN}")
    apposed = re.compile(_TOWN + rf", (?:the|a) [^,.;:]{{0,60}}?\b(?i:{heads}) in {_TOWN}")
    found: dict[str, str] = {}
    for m in named.finditer(text):
        if m.group(2).split()[0].lower().rstrip(".") in MONTHS:
            continue  # "at Dushanbe airport in March 2018": a month, not the airport's town
        # "Thornton Manor, October 2019": after a comma only a town GeoNames knows.
        if _known(m.group(2)) or " in " in m.group(0) and not gazetteer.cities(m.group(2)):
            _add(found, m.group(1), m.group(0)[len(m.group(1)):].split(",")[0].split(" in ")[0], m.group(2))
    for m in apposed.finditer(text):
        if _known(m.group(2)):
            _add(found, m.group(1), "", m.group(2))
    return found


def _known(town: str) -> bool:
    """A town GeoNames knows, and not only as small towns in several countries ("Woodstock"):
    the building's town is then read no better than from the sentence naming it."""
    found = gazetteer.cities(town)
    large = bool(found) and found[0].population >= gazetteer.SMALL_TOWN_POPULATION
    return large or bool(found) and len({c.country_code for c in found}) == 1


def _add(found: dict[str, str], name: str, head: str, town: str) -> None:
    words_ = name.split()
    for i in range(len(words_)):
        # "At Miraflores Palace in Caracas": the sentence's first word may be no part of the name.
        bare = " ".join(words_[i:])
        found.setdefault(bare, town)
        if head:
            found.setdefault(f"{bare} {head.strip()}", town)
