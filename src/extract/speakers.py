"""Who is speaking: a per-article table of the people and bodies the text names, and the
resolution of a speaker mention (a name, a description, a pronoun, an organisation) to one of them.

Everything is read from the text and the lexicons: full names and surnames from
``parties.people``, countries and titles from "Israeli Prime Minister <name>" and appositions,
descriptions ("the Russian leader", "the Israeli PM") through the demonym and role lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .cues import SUBJECT_DEPS
from .lexicons import Lexicons
from .parties import Person, people

_ORG_LABELS = {"ORG", "GPE", "FAC", "NORP", "LOC"}
_DETERMINERS = {"the", "a", "an"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Scraped text glues words ("meetingNetanyahu"): a lower-to-upper change starts a new word.
_GLUED = re.compile(r"^[a-z]+(?=[A-Z][\w'’.-]+$)")
_RELATIVE = {"who", "which", "that"}


@dataclass(frozen=True)
class Mention:
    """A resolved speaker: canonical name (None when unknown) and the words that name it."""

    name: str | None
    start: int | None = None
    end: int | None = None

    @property
    def span(self) -> tuple[int, int] | None:
        return (self.start, self.end) if self.start is not None and self.end is not None else None


NOBODY = Mention(None)


@dataclass(frozen=True)
class RoleLexicon:
    words: frozenset[str]  # every role word or phrase (roles.txt)
    synonyms: dict[str, str]
    generic: frozenset[str]
    relational: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> grammatical gender
    honorifics: dict[str, str]  # title before a name -> gender
    demonyms: dict[str, str]  # "Israeli" -> "Israel"; country names map to themselves

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> RoleLexicon:
        data = lex.extra.get("speaker_roles", {})
        demonyms = dict(lex.demonyms)
        demonyms.update({c: c for c in lex.demonyms.values()})
        return cls(
            words=frozenset(lex.roles) | frozenset(data.get("synonyms", {})),
            synonyms=data.get("synonyms", {}),
            generic=frozenset(data.get("generic", ())),
            relational=frozenset(data.get("relational", ())),
            pronouns=data.get("pronouns", {}),
            honorifics=data.get("honorifics", {}),
            demonyms=demonyms,
        )

    def norm(self, role: str) -> str:
        return self.synonyms.get(role, role)


@dataclass
class EntityTable:
    """The people of one article and where the text names them."""

    doc: Doc
    roles: RoleLexicon
    people: list[Person]
    principals: list[Person]
    country: dict[str, str | None] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    # token index -> (person, start, end of the name words)
    named: dict[int, tuple[Person, int, int]] = field(default_factory=dict)
    # every mention of a person in text order: (token index, person, in subject position)
    focus: list[tuple[int, Person, bool]] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, lex: Lexicons, *, parties: list[Person] = ()) -> EntityTable:
        everyone = people(doc, lex)
        # The caller's principals carry the canonical names the record must use.
        for p in parties:
            everyone = [q for q in everyone if not (q.aliases & p.aliases or q.name == p.name)]
        everyone = list(parties) + everyone
        table = cls(doc=doc, roles=RoleLexicon.from_lexicons(lex), people=everyone, principals=list(parties))
        for p in everyone:
            table.country[p.name] = p.country
            table.titles[p.name] = {table.roles.norm(t) for t in p.titles}
        table._index_names()
        table._read_appositions()
        table._index_focus()
        return table

    # --- building -------------------------------------------------------------------------
    def _alias_index(self) -> dict[str, Person]:
        index: dict[str, Person] = {}
        for p in reversed(self.people):  # earlier (more mentioned) people win shared aliases
            for a in p.aliases | {p.name}:
                index[a] = p
        return index

    def _index_names(self) -> None:
        index = self._alias_index()
        doc = self.doc
        for tok in doc:
            text = _POSSESSIVE.sub("", tok.text)
            glued = _GLUED.match(text)
            if glued and text[glued.end() :] in index:
                start = tok.idx + glued.end()
                self.named[tok.i] = (index[text[glued.end() :]], start, tok.idx + len(text))
        # Longest run of name tokens that spells a known alias ("Benjamin Netanyahu", "Netanyahu").
        i = 0
        while i < len(doc):
            best = None
            if doc[i].is_title or doc[i].is_upper:
                for j in range(min(len(doc), i + 4), i, -1):
                    words = " ".join(_POSSESSIVE.sub("", t.text) if t.i == j - 1 else t.text for t in doc[i:j])
                    if words in index and (j - i > 1 or doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PERSON"):
                        best = (j, index[words])
                        break
            if best:
                j, person = best
                for k in range(i, j):
                    self.named[k] = (person, doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
                prev = doc[i - 1].lower_ if i > 0 else ""
                if prev in self.roles.honorifics:
                    self.gender.setdefault(person.name, self.roles.honorifics[prev])
                i = j
            else:
                i += 1

    def _read_appositions(self) -> None:
        # "Benjamin Netanyahu, the Israeli prime minister," and "Israel's leader, Benjamin Netanyahu".
        for i, (person, _, _) in list(self.named.items()):
            tok = self.doc[i]
            linked = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "appos":
                linked.append(tok.head)
            for other in linked:
                country, role, plural = self.describe(other)
                if role and not plural:
                    self.titles[person.name].add(self.roles.norm(role))
                    if country and not self.country.get(person.name):
                        self.country[person.name] = country

    def _index_focus(self) -> None:
        seen: set[int] = set()
        for tok in self.doc:
            hit = self.named.get(tok.i)
            person = None
            if hit is not None:
                # One entry per name: its last token stands for the whole.
                if tok.i + 1 in self.named and self.named[tok.i + 1][1] == hit[1]:
                    continue
                person = hit[0]
                head = _name_head(tok, hit)
            elif tok.pos_ in {"NOUN", "PROPN"} and tok.lower_ in self.roles.words:
                person = self._match_description(tok)
                head = tok
            if person is None or tok.i in seen:
                continue
            seen.add(tok.i)
            self.focus.append((tok.i, person, head.dep_ in SUBJECT_DEPS))

    # --- descriptions ---------------------------------------------------------------------
    def describe(self, tok: Token) -> tuple[str | None, str | None, bool]:
        """(country, role, plural) of a role noun phrase headed by ``tok``: "the Israeli PM"."""
        mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "poss", "nmod", "nummod"}]
        words = [w for m in mods for w in m.subtree if not w.is_punct and w.lower_ not in _DETERMINERS]
        words = [w for w in words if w.i < tok.i] + [tok]
        role = None
        for k in range(len(words), 0, -1):
            phrase = " ".join(w.lower_ for w in words[-k:])
            if phrase in self.roles.words:
                role, rest = phrase, words[:-k]
                break
        if role is None:
            return None, None, False
        country = None
        for w in rest:
            name = _POSSESSIVE.sub("", w.text)
            country = self.roles.demonyms.get(name) or country
        plural = tok.tag_ in {"NNS", "NNPS"} or any(m.dep_ == "nummod" for m in mods)
        return country, role, plural

    def _match_description(self, tok: Token) -> Person | None:
        country, role, plural = self.describe(tok)
        if role is None or plural:
            return None
        if role in self.roles.relational:
            # "his host", "his counterpart": the other principal than the one in focus.
            current = self.antecedent(tok.i)
            others = [p for p in self.principals if p is not current]
            return others[0] if current is not None and len(others) == 1 else None
        cands = [p for p in self.people if country is None or self.country.get(p.name) == country]
        if role in self.roles.generic:
            if country is None:
                return None  # "the leader" alone names nobody in particular
            heads = set(self.roles.synonyms.values())
            leaders = [p for p in cands if self.titles[p.name] & heads] or [p for p in cands if p in self.principals]
            cands = leaders
        else:
            cands = [p for p in cands if self.roles.norm(role) in self.titles[p.name]]
        if not cands and country is not None:
            # The country was never stated for the principal it describes: take the one principal
            # whose country is unknown, when there is exactly one.
            unknown = [p for p in self.principals if not self.country.get(p.name)]
            cands = unknown if len(unknown) == 1 else []
        if not cands:
            return None
        if country is None:
            recent = [p for i, p, _ in reversed(self.focus) if i < tok.i and p in cands]
            if recent:
                return recent[0]
        return sorted(cands, key=lambda p: (p not in self.principals, -p.mentions))[0]

    # --- resolution -----------------------------------------------------------------------
    def antecedent(self, i: int, gender: str | None = None) -> Person | None:
        """The person a pronoun at token ``i`` refers to: the latest subject, else the latest mention."""
        fallback = None
        for j, person, subject in reversed(self.focus):
            if j >= i:
                continue
            g = self.gender.get(person.name)
            if gender and g and g != gender:
                continue
            if subject:
                return person
            fallback = fallback or person
        return fallback

    def resolve(self, tok: Token) -> Mention:
        """The speaker a subject token refers to, with the words that name it."""
        hit = self.named.get(tok.i)
        if hit is not None:
            return Mention(hit[0].name, hit[1], hit[2])
        low = tok.lower_
        if tok.pos_ == "PRON" and low in self.roles.pronouns:
            person = self.antecedent(tok.i, self.roles.pronouns[low])
            return Mention(person.name if person else None, tok.idx, tok.idx + len(tok))
        if low in _RELATIVE and tok.head.dep_ == "relcl":
            return self.resolve(tok.head.head)
        if tok.pos_ in {"NOUN", "PROPN"} and low in self.roles.words:
            person = self._match_description(tok)
            if person is not None:
                left = tok.left_edge
                return Mention(person.name, left.idx, tok.idx + len(tok))
            return NOBODY
        if tok.ent_type_ in _ORG_LABELS:
            return self._organisation(tok)
        if tok.pos_ in {"NOUN", "PROPN"}:
            # "the Kremlin's statement", "a Kremlin spokesman", "Israeli officials": the body named
            # in the phrase is the source.
            for c in tok.children:
                if c.dep_ in {"poss", "compound", "amod", "nmod"} and (c.ent_type_ in _ORG_LABELS or c.i in self.named):
                    return self.resolve(c)
                if c.dep_ == "prep" and c.lower_ in {"from", "of"}:
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None and (obj.ent_type_ in _ORG_LABELS or obj.i in self.named):
                        return self.resolve(obj)
        return NOBODY

    def _organisation(self, tok: Token) -> Mention:
        ent = next(e for e in self.doc.ents if e.start <= tok.i < e.end)
        words = [t for t in ent if not (t.i == ent.start and t.lower_ in _DETERMINERS)]
        if words and _POSSESSIVE.fullmatch(words[-1].text):
            words = words[:-1]
        if not words:
            return NOBODY
        name = _POSSESSIVE.sub("", self.doc.text[words[0].idx : words[-1].idx + len(words[-1])])
        if ent.label_ == "NORP":
            name = self.roles.demonyms.get(name, name)
        start = ent.start_char
        if ent.start > 0 and self.doc[ent.start - 1].lower_ == "the" and ent.start == words[0].i:
            start = self.doc[ent.start - 1].idx
        return Mention(name, start, words[-1].idx + len(_POSSESSIVE.sub("", words[-1].text)))


def _name_head(tok: Token, hit: tuple[Person, int, int]) -> Token:
    """The token of a name whose head lies outside it: the one carrying the name's role."""
    _, start, end = hit
    while start <= tok.head.idx < end and tok.head.i != tok.i:
        tok = tok.head
    return tok
