"""Nicknames a text introduces: "The Indonesian leader, universally known as Jokowi", "Marcia
Price, known as Cia". Only the phrase is read here; who it refers to is the caller's to settle."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token


def glossed_nicknames(doc: Doc) -> Iterator[tuple[Token, Token]]:
    """Each one-word proper-noun nickname with the head of the phrase it glosses."""
    for tok in doc:
        if tok.lower_ != "known" or tok.dep_ != "acl":
            continue
        nick = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if nick is not None:
            yield nick, tok.head
