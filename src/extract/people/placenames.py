"""Names written as people that are places: NER's PERSON on a village, a surname GeoNames knows."""

from __future__ import annotations

from spacy.tokens import Doc

from .. import gazetteer
from ..lexicons import Lexicons
from .spelling import spelled

# Entity labels of places (a demonym too: "Mbeki" glued to "Thabo" is tagged NORP as often as GPE).
PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}

def is_place(word: str) -> bool:
    # NER calls some surnames places ("Scholz" as a GPE); GeoNames has the last word.
    return bool(gazetteer.cities(word) or gazetteer.as_country(word, {}))


def is_major_place(word: str) -> bool:
    """A country or a great city ("Chile", "Lima"): glued after a name, a place and not part of it;
    a small town's name ("Carney", Oklahoma) is more likely the surname it is spelled like."""
    return bool(gazetteer.as_country(word, {})) or any(
        c.population >= gazetteer.SMALL_TOWN_POPULATION for c in gazetteer.cities(word))


def only_placed(doc: Doc, spans: list[tuple[int, int]], word: str, lex: Lexicons) -> bool:
    """Whether a one-word name is written only where a place goes: "the village of Krün", "in
    Krün", a heading's "June 2015 — Krün" (nobody is "in" a person; "in Sokolov's view" has the
    possessive)."""
    settlements = frozenset(lex.extra.get("settlement_words", ()))
    at = [i for i, k in spans if k == i + 1 and spelled(doc, i, k) == word]

    def placed(i: int) -> bool:
        if i + 1 < len(doc) and doc[i + 1].lower_ in {"'s", "’s"}:
            return False
        prev = doc[i - 1].lower_ if i else ""
        # A heading's place after its date: "7-8 June 2015 — Krün and Elmau".
        dated = prev in {"—", "–", "-", "|"} and i >= 2 and (doc[i - 2].ent_type_ == "DATE" or doc[i - 2].like_num)
        return prev in {"in", "at"} or dated or (prev == "of" and i >= 2 and doc[i - 2].lower_ in settlements)

    return bool(at) and all(placed(i) for i in at)
