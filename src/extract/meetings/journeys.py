"""Where a journey goes: whether a travel word takes one principal to the other ("flew to Moscow",
"chose Sochi for his first trip", "paid a state visit in return"), not home or back from somewhere."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import Lexicons
from .locatives import country_of, landmarks, place_names
from ..people.mentions import Cast


def governed(name: Span, tok: Token) -> bool:
    """Whether the place hangs on the travel word itself, through prepositions and nouns only
    ("flew to the resort of Sochi"), not inside another clause ("came into office convinced
    that Europe could not wall itself off from Russia")."""
    cur = name.root
    while cur.i != tok.i:
        if cur.head.i == cur.i or (cur.i != name.root.i and cur.pos_ in {"VERB", "AUX"}):
            return False
        cur = cur.head
    return True


def destination_ok(sent: Span, principals: tuple[str, ...], cast: Cast, lex: Lexicons, tok: Token) -> bool:
    """The traveller goes to the other principal's country (or, that one unknown, abroad)."""
    if len(principals) != 1 or any(c.lower_ == "home" for c in tok.children):
        return False  # "flew home" ends a journey
    # A seat of government stands for its city: "was back at the White House".
    places = [(n, n.text) for n in place_names(sent, lex)] + landmarks(sent, lex)
    # A noun's destination may sit anywhere: "chose Sochi for his first trip"; a verb's hangs on
    # it, and not as the place left: "flew home from Moscow".
    places = [(n, city) for n, city in places if tok.pos_ not in {"VERB", "AUX"} or governed(n, tok) and not _origin(n, tok)]
    return any(abroad(principals[0], country_of(city, lex), cast) for _, city in places) or _returned(tok)


_RETURNED = {"visit", "courtesy", "favour", "favor", "compliment"}


def _returned(tok: Token) -> bool:
    """A journey that returns one, to the other principal wherever it goes: "paid a state visit in
    return", "returned the courtesy, spending July 4 and 5 in Algiers"."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if verb.lemma_.lower() == "return" and any(c.dep_ == "dobj" and c.lower_ in _RETURNED for c in verb.children):
        return True
    return any(c.lower_ == "in" and any(g.lower_ == "return" for g in c.children) for t in (tok, verb) for c in t.children)


def _origin(name: Span, tok: Token) -> bool:
    """Whether the place is where the journey starts ("from Moscow"), or no destination at all
    (a subject: the dateline's "MOSCOW, March 22 - Xi flew ...")."""
    if name.root.dep_ in {"nsubj", "nsubjpass"} and name.root.head.i == tok.i:
        return True
    return through(name, tok, {"from"})


def through(name: Span, tok: Token, words: set[str]) -> bool:
    """Whether the parse path from a place up to the travel word passes one of ``words``
    ("flew home from Moscow", "came to Washington as China's vice-president")."""
    cur = name.root
    while cur.i != tok.i and cur.head.i != cur.i:
        if cur.lower_ in words:
            return True
        cur = cur.head
    return False


def abroad(traveller: str, country: str | None, cast: Cast) -> bool:
    """Whether going to ``country`` takes ``traveller`` to the other principal (or, that one's
    country unknown, out of the traveller's own)."""
    if country is None:
        return False
    host = cast.other(traveller)
    home, host_country = cast.countries.get(traveller), cast.countries.get(host) if host else None
    if host_country:
        return country == host_country
    return bool(home) and country != home
