"""Institutions that speak, named as the report writes them: "China's foreign ministry", "the
Chilean presidency", "the Prime Minister's Office". Only the phrase is read here; the caller gives
the lexicons."""

from __future__ import annotations

from spacy.tokens import Token

from .. import gazetteer
from ..lexicons import Lexicons
from ..text.sentences import doc_text
from ..wordlists import data, words


def institution_name(tok: Token, lex: Lexicons, role_words: frozenset[str]) -> tuple[str, int] | None:
    """The name of the institution ``tok`` heads and where its words start, when a place or a
    title owns it; None otherwise (a person's office is ``persons_body``'s)."""
    if tok.lemma_.lower() not in words(lex, "institution_words"):
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    text = doc_text(tok.doc)
    if owner is None:
        # "the Chilean presidency": a demonym owns it as a country's name would.
        adj = next((c for c in tok.children if c.dep_ in {"amod", "compound"} and c.text in lex.demonyms), None)
        return (text[adj.idx : tok.idx + len(tok)], adj.idx) if adj is not None else None
    if _demonym_of(owner.text, lex) is not None:
        # As the text writes it ("Uganda's foreign ministry", "Seoul's Foreign Ministry"): the
        # annotation names a source as the text presents it.
        return text[owner.idx : tok.idx + len(tok)], owner.idx
    start = tok.doc[owner.left_edge.i + (owner.left_edge.lower_ == "the")]
    title = tok.doc[start.i : owner.i + 1]
    if all(t.lower_ in role_words for t in title):
        return text[start.idx : tok.idx + len(tok)], start.idx
    return None


def persons_body(tok: Token, lex: Lexicons, named: dict[int, tuple]) -> tuple[str, int, int] | None:
    """"Yoon's office said": a named person's office (or government, embassy) speaks as that body,
    named as the text writes it, with where its words start and end. ``named``: token index ->
    (person, start, end) of the article's names."""
    if tok.lemma_.lower() not in words(lex, "institution_words"):
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.i in named), None)
    if owner is None:
        return None
    start, end = named[owner.i][1], tok.idx + len(tok)
    return doc_text(tok.doc)[start:end], start, end


def untitled(name: list[Token], role_words: frozenset[str], lex: Lexicons | None, entity_start: int) -> list[Token]:
    """The tokens of a proper name without the title words the parse put before the entity NER
    found ("Spokesman An [Fengshan]"), unless they name a body ("Foreign Ministry")."""
    bodies = words(lex, "institution_words") if lex is not None else frozenset()
    while len(name) > 1 and name[0].i < entity_start and name[0].lower_ in role_words and name[1].text[:1].isupper() \
            and name[-1].lemma_.lower() not in bodies:
        name = name[1:]
    return name


def _demonym_of(place: str, lex: Lexicons) -> str | None:
    """"China" -> "Chinese"; a capital or great city stands for its country ("Ankara"). A place
    with a demonym owns a state's institution ("Ankara's foreign ministry")."""
    aliases = data(lex, "country_names")
    country = gazetteer.as_country(place, aliases)
    if country is None and (found := gazetteer.cities(place)) and found[0].population >= 500_000:
        country = gazetteer.country_name(found[0].country_code, aliases)
    return next((d for d, c in lex.demonyms.items() if c == country), None) if country else None
