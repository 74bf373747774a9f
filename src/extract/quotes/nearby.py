"""A speaker right before a verb the parse left without a subject: "in Osaka, Lopez wrote",
"..., the Office of the Prime Minister of Jamaica said"."""

from __future__ import annotations

from spacy.tokens import Token

from ..text.sentences import doc_text
from .speakers import NOBODY, EntityTable, Mention

# How many tokens a parenthetical between a name and its verb may run ("X, in his speech, said").
_ASIDE = 10


def nearby_name(table: EntityTable, verb: Token) -> Mention:
    """A name right before a verb the parse left without a subject ("in Osaka, Lopez wrote")."""
    i = verb.i - 1
    # A name the parse read as a modal ("May said") stands where an auxiliary would.
    while i >= 0 and i not in table.named and table.doc[i].dep_ in {"advmod", "aux", "neg"}:
        i -= 1
    # "Lopez, in her speech to the assembly, answered": a parenthetical between commas.
    if i > 0 and table.doc[i].text == "," and i not in table.named:
        j = i - 1
        while j > 0 and i - j <= _ASIDE and table.doc[j].text not in {",", ".", "!", "?", ";", ":"} and not table.doc[j].is_space:
            j -= 1
        if j > 0 and table.doc[j].text == ",":
            i = j - 1
    if i >= 0 and i in table.named and "\n" not in doc_text(table.doc)[table.doc[i].idx : verb.idx]:
        return table.resolve(table.doc[i])
    # "..., the Office of the Prime Minister of Jamaica said": a body right before the verb
    # (the state NER left outside its name is no part of it here).
    j = verb.i - 1
    j -= 1 if j > 0 and table.doc[j].ent_type_ == "GPE" and table.doc[j - 1].lower_ == "of" else 0
    if j >= 0 and table.doc[j].ent_type_ == "ORG":
        return table.organisation(table.doc[j])
    return NOBODY
