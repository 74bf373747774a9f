"""Sources a report leaves unnamed: "a Japanese government spokesperson", "a senior
administration official", "one French diplomat". Reports (and annotators) name such a source by
what the phrase says of it: a spokesperson speaks for the body the phrase names ("Japanese
government"); an official, a diplomat or a source is the description itself ("senior
administration official"). Without a country or a body ("a source", "officials") the phrase
names nobody. One side of talks ("the Indian side") is its country. Only the phrase is read
here; the caller gives the lexicons."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import Lexicons
from ..text.sentences import doc_text
from ..wordlists import words

_LEADING = {"the", "a", "an", "one", "another", "some", "two", "three", "several"}
_SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman"}


def unnamed_source(tok: Token, lex: Lexicons, demonyms: dict[str, str]) -> tuple[str | None, int, int] | None:
    """(name, start, end) for an unnamed source ``tok`` heads; name None when the phrase is too
    bare to name anyone. None when ``tok`` is no such head."""
    lemma = tok.lemma_.lower()
    mods = _premodifiers(tok)
    if lemma == "side" and len(mods) == 1 and mods[0].text in demonyms:
        return demonyms[mods[0].text], mods[0].idx, tok.idx + len(tok)  # "the Indian side said": India
    if lemma not in words(lex, "anonymous_sources") and tok.lower_ not in _SPOKESPEOPLE:
        return None
    first = mods[0] if mods else tok
    text = doc_text(tok.doc)
    if not any(_qualifies(m, demonyms) for m in mods):
        return None, first.idx, tok.idx + len(tok)
    if tok.lower_ in _SPOKESPEOPLE:
        body = mods[-1]
        if body.lemma_.lower() not in words(lex, "institution_words") and body.pos_ != "PROPN":
            return None, first.idx, tok.idx + len(tok)
        return text[first.idx : body.idx + len(body)], first.idx, tok.idx + len(tok)
    return text[first.idx : tok.idx + len(tok)], first.idx, tok.idx + len(tok)


def _premodifiers(tok: Token) -> list[Token]:
    """The words between the determiner (or "one") and the head, left to right."""
    start = tok.left_edge.i
    while start < tok.i and tok.doc[start].lower_ in _LEADING:
        start += 1
    return [t for t in tok.doc[start : tok.i] if not t.is_punct]


def _qualifies(mod: Token, demonyms: dict[str, str]) -> bool:
    """A country or a body qualifies a source; "senior" or "top" alone does not."""
    return mod.text in demonyms or mod.pos_ in {"PROPN", "NOUN"}
