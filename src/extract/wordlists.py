"""Reading the meeting extractors' word lists out of ``Lexicons`` and testing tokens against them.

The lists are data files in ``data/`` (``*.txt``: one entry a line). An entry is a lemma, a phrasal
verb with its particle ("sit down"), or ``word/POS`` to limit a word to one part of speech.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicons


def words(lex: Lexicons, name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt`` (empty when the file is missing)."""
    return frozenset(lex.extra.get(name, ()))


def data(lex: Lexicons, name: str, default=None):
    """The content of ``data/<name>.json``."""
    return lex.extra.get(name, default if default is not None else {})


def verb_lemma(tok: Token) -> str:
    # Phrasal verbs are listed with their particle ("sit down"); the bare lemma is tried too.
    # "was back at the White House": the parser makes "back" an adverb, not a particle; fronted
    # ("Back in Washington, Trump was blunter") it only sets the scene.
    prt = next((c for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back" and c.i > tok.i)),
               None)
    base = tok.lemma_.lower()
    return f"{base} {prt.lower_}" if prt is not None else base


def hits(tok: Token, entries: frozenset[str]) -> bool:
    """Whether ``tok`` (its lemma, its lower form, or its phrasal verb) is one of ``entries``."""
    forms, tagged = _forms(tok)
    return any(form in entries for form in forms) or any(form in entries for form in tagged)


# The forms of each token of the last few Docs, by Doc identity (checked: an id can be reused
# once a Doc is gone): the extractors test the same tokens against many lists.
_FORMS: dict[int, tuple[Doc, dict[int, tuple[tuple[str, ...], tuple[str, ...]]]]] = {}


def _forms(tok: Token) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``tok``'s lemma, lower form and phrasal verb, and each as ``form/pos``."""
    doc = tok.doc
    cached = _FORMS.get(id(doc))
    if cached is None or cached[0] is not doc:
        if len(_FORMS) >= 4:
            _FORMS.clear()
        cached = _FORMS[id(doc)] = (doc, {})
    found = cached[1].get(tok.i)
    if found is None:
        forms = {tok.lemma_.lower(), tok.lower_}
        if tok.pos_ in {"VERB", "AUX"}:
            forms.add(verb_lemma(tok))
        pos = tok.pos_.lower()
        found = cached[1][tok.i] = (tuple(forms), tuple(f"{form}/{pos}" for form in forms))
    return found


@lru_cache(maxsize=256)
def phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str] | None:
    """One regex for a set of phrases: longest first, any run of spaces between words, whole words."""
    if not phrases:
        return None
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def find_phrases(span: Span, phrases: frozenset[str]) -> list[tuple[int, int]]:
    """Document character offsets of every phrase of ``phrases`` inside ``span``."""
    pattern = phrase_pattern(phrases)
    if pattern is None:
        return []
    base = span.start_char
    return [(base + m.start(), base + m.end()) for m in pattern.finditer(span.text)]


def starts_with(span: Span, phrases: frozenset[str]) -> bool:
    pattern = phrase_pattern(phrases)
    return bool(pattern and pattern.match(span.text))
