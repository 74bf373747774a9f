"""Time spent in someone's company: "spent two days with Duda", "sat through the night in Minsk
with the president", "spent an afternoon at Mar-a-Lago with Trump"; not "sit in", "walked away from" (a
particle makes another verb) nor "more time with X than with anyone else" (a comparison)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import Lexicons
from ..wordlists import hits, words

# "walked away from", "sit in": parsed as adverbs or prepositions.
_PARTICLES = {"away", "out", "off", "in", "back"}


# "speaking alongside Aoun", "stood beside him": side by side, in person.
_SIDE = frozenset({"alongside", "beside"})


def companionship(tok: Token, lex: Lexicons) -> str | None:
    """"verb" when ``tok`` is time spent with someone named, "joint" when spent together ("the pair
    spent eight hours in Brussels"), else None. A verb of standing or speaking counts only beside
    someone ("speaking alongside Aoun at the Elysee"; "spoke with him" may be by phone)."""
    if hits(tok, words(lex, "side_verbs")) and not hits(tok, words(lex, "companion_verbs")):
        return "verb" if companions(tok, _SIDE) else None
    if not hits(tok, words(lex, "companion_verbs")) or any(t.lower_ == "than" for t in tok.subtree):
        return None
    if any(c.dep_ == "prt" or c.lower_ in _PARTICLES and not any(g.dep_ == "pobj" for g in c.children)
           for c in tok.children):
        return None
    return "verb" if companions(tok) else "joint"


def companions(tok: Token, preps: frozenset[str] = frozenset({"with", *_SIDE})) -> list[Token]:
    """Whom ``tok`` was spent with (or beside): on the verb, or on the time or named place it governs ("an
    afternoon at Mar-a-Lago with Trump, Elon Musk and Mike Waltz"; not "years in a partnership with him")."""
    places = [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    heads = [tok, *[c for c in tok.children if c.dep_ == "dobj"], *places]
    found = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
             for p in c.children if p.dep_ == "pobj"]
    return [x for p in found for x in (p, *p.conjuncts)]
