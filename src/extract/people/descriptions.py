"""Descriptions of people: role words, titles before names, demonyms.

"Chilean President <name>" gives a person a country and a title; "the Chilean PM", "the
Peruvian leader", "the foreign secretary" describe one. The words come from the role, demonym and
title lexicons (data files), read once into a ``RoleLexicon``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons import Lexicons
from .spelling import POSSESSIVE

# The articles a description or a name may open with.
ARTICLES = frozenset({"the", "a", "an"})
_MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod"}


@dataclass(frozen=True)
class RoleLexicon:
    heads: frozenset[str]  # role nouns and phrases that can head a description of a person
    words: frozenset[str]  # heads plus the title words that may precede them ("Vice", "Foreign")
    synonyms: dict[str, str]
    generic: frozenset[str]
    relational: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> grammatical gender
    honorifics: dict[str, str]  # title before a name -> gender
    demonyms: dict[str, str]  # "Chilean" -> "Chile"; country names map to themselves
    groups: frozenset[str]  # phrases for the two parties together ("the two leaders"): no one speaker
    continuing: frozenset[str]  # verbs by which the same speaker goes on ("added")
    leader: frozenset[str]  # titles of a head of state or government
    subordinate: frozenset[str] = frozenset()  # "vice", "deputy": a lesser office than the bare role

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> RoleLexicon:
        data = lex.extra.get("speaker_roles", {})
        demonyms = dict(lex.demonyms)
        demonyms.update({c: c for c in lex.demonyms.values()})
        heads = frozenset(lex.roles) | frozenset(data.get("synonyms", {})) | frozenset(data.get("person_titles", ()))
        titles = frozenset(lex.extra.get("title_words", ())) | {w for h in heads for w in h.split()}
        return cls(
            heads=heads,
            words=heads | titles,
            synonyms=data.get("synonyms", {}),
            generic=frozenset(data.get("generic", ())),
            relational=frozenset(data.get("relational", ())),
            pronouns=data.get("pronouns", {}),
            honorifics=data.get("honorifics", {}),
            demonyms=demonyms,
            groups=frozenset(lex.extra.get("pair_refs", ())),
            continuing=frozenset(data.get("continuing", ())),
            leader=frozenset(data.get("leader_roles", ())),
            subordinate=frozenset(data.get("subordinate", ())),
        )

    def norm(self, role: str) -> str:
        return self.synonyms.get(role, role)


def describe(tok: Token, roles: RoleLexicon) -> tuple[str | None, str | None, bool]:
    """(country, role, plural) of a noun phrase headed by a role word: "the Chilean PM"."""
    # A bare "as president" is a predicate; a reference has a determiner or possessor, or is a
    # capitalised title standing alone as a subject, as official readouts write it ("Prime Minister said").
    if not any(c.dep_ in {"det", "poss"} for c in tok.children) and not _bare_title(tok, roles):
        return None, None, False
    role = tok.lower_
    if role not in roles.heads:
        # "the head of state", "the Brazilian head of government": a role of two nouns and "of".
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        role = f"{tok.lower_} of {of[0].lower_}" if of else ""
        if role not in roles.heads:
            return None, None, False
    mods = [c for c in tok.lefts if c.dep_ in _MODIFIERS]
    words = sorted({w for m in mods for w in m.subtree if w.i < tok.i and not w.is_punct
                    and w.lower_ not in ARTICLES}, key=lambda w: w.i) + [tok]
    if role != tok.lower_:
        return demonym(words[:-1], roles.demonyms), role, tok.tag_ in {"NNS", "NNPS"}
    rest = words[:-1]
    for k in range(len(words), 0, -1):
        phrase = " ".join(w.lower_ for w in words[-k:])
        if phrase in roles.words or all(w.lower_ in roles.words for w in words[-k:]):
            role, rest = phrase, words[:-k]
            break
    country = demonym(rest, roles.demonyms)
    plural = tok.tag_ in {"NNS", "NNPS"} or any(m.dep_ == "nummod" for m in mods)
    return country, role, plural


def _bare_title(tok: Token, roles: RoleLexicon) -> bool:
    words = [*(c for c in tok.lefts if c.dep_ in {"compound", "amod"}), tok]
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.ent_type_ == "" and all(
        w.text[:1].isupper() and w.lower_ in roles.words for w in words)


def before_name(first: Token, roles: RoleLexicon) -> tuple[str | None, str | None]:
    """Demonym and title right before a name: "Chilean Prime Minister", "Peru's"."""
    words: list[Token] = []
    i = first.i - 1
    while i >= 0 and len(words) < 5 and not first.doc[i].is_punct and not first.doc[i].is_space:
        words.insert(0, first.doc[i])
        i -= 1
    role, rest = None, words
    # The longest run of title words before the name: "Vice Premier", "Foreign Secretary".
    k = 0
    while k < len(words) and words[-k - 1].lower_ in roles.words and words[-k - 1].lower_ not in roles.honorifics:
        k += 1
    # "head of state" lends "of" to the title words, but "several of Perez's" gives no title.
    while k and words[-k].pos_ in {"ADP", "DET", "CCONJ"}:
        k -= 1
    if k and words[-1].pos_ in {"ADP", "DET", "CCONJ"}:
        k = 0
    if k:
        role, rest = " ".join(w.lower_ for w in words[-k:]), words[:-k]
    # The demonym must touch the title or the name: in "how the Chilean president tried to win
    # Juan Perez round", "Chilean" describes somebody else.
    return demonym(rest, roles.demonyms, at_end=True), role


def titled(titles: set[str], role: str, roles: RoleLexicon) -> bool:
    """Whether a person with ``titles`` answers to ``role`` ("the secretary" to "foreign secretary")."""
    role = roles.norm(role)
    for title in titles:
        words, asked = set(title.split()), set(role.split())
        # "the secretary" is the foreign secretary, but "the president" is not the vice president.
        if (words - asked) & roles.subordinate:
            continue
        if title == role or (title.split()[-1] == role.split()[-1] and asked <= words):
            return True
    return False


def demonym(words: list[Token], demonyms: dict[str, str], *, at_end: bool = False) -> str | None:
    """The country named by the last demonym or country name in ``words`` ("North Korean", "Peru's");
    ``at_end``: only one that ends ``words``."""
    texts = [POSSESSIVE.sub("", w.text) for w in words]
    for end in range(len(texts), 0 if not at_end else len(texts) - 1, -1):
        for start in range(max(0, end - 3), end):
            phrase = " ".join(t for t in texts[start:end] if t)
            if phrase in demonyms:
                return demonyms[phrase]
    return None
