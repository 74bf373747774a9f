"""The people an article names, read from the text: every full name, the fullest form of each, and
which person a lone surname (or, for names written family-name first, a lone first word) means.

Like ``parties.people`` it starts from PERSON entities, but it does not trust NER alone: a name written after a title
("Foreign Secretary Vijay Gokhale") counts even when NER missed it, and title, demonym and
place words that NER glues onto a name are stripped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicons import Lexicons
from .parties import Person

_PARTICLES = {"al", "bin", "de", "der", "van", "von", "da", "di", "la", "le", "ibn", "el"}
_PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Scraped text glues words ("the meetingSmith said"): a lower-to-upper change starts a new word.
_GLUED = re.compile(r"^[a-z]+(?=[A-Z][\w'’.-]+$)")
MAX_NAME_WORDS = 4


@dataclass
class NameTable:
    """Canonical people and, for each token that is part of a name, who and which characters."""

    people: list[Person]
    at: dict[int, tuple[Person, int, int]] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)


def _title_words(lex: Lexicons) -> set[str]:
    roles = {w for r in lex.roles for w in r.split()}
    honorifics = set(lex.extra.get("speaker_roles", {}).get("honorifics", {}))
    return roles | set(lex.extra.get("title_words", ())) | honorifics


def _name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or (tok.lower_ in _PARTICLES and tok.i > 0)


def _forms(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """Token ranges that spell a person's name: PERSON entities and capitalised words after a title."""
    titles = _title_words(lex)
    demonyms = set(lex.demonyms)
    # How often each word is tagged a place and a person: "Moscow" glued to a name is a place.
    place = Counter(t.text for e in doc.ents if e.label_ in _PLACE_LABELS for t in e)
    person = Counter(t.text for e in doc.ents if e.label_ == "PERSON" for t in e)

    def strip(i: int, j: int) -> tuple[int, int, bool]:
        titled = False
        while i < j and (doc[i].lower_ in titles or doc[i].text in demonyms or place[doc[i].text] > person[doc[i].text]
                         or not _name_word(doc[i]) or doc[i].lower_ in _PARTICLES):
            titled = titled or doc[i].lower_ in titles
            i += 1
        k = i
        while k < j and _name_word(doc[k]) and doc[k].lower_ not in titles and not _POSSESSIVE.fullmatch(doc[k].text):
            k += 1
        while k > i and doc[k - 1].lower_ in _PARTICLES:
            k -= 1
        return i, k, titled

    out: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            i, k, _ = strip(ent.start, ent.end)
            if i < k <= i + MAX_NAME_WORDS:
                out.add((i, k))
    # Names after a title that NER missed: "Foreign Secretary Vijay Gokhale".
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].lower_ in titles) and doc[j].text[:1].isupper():
            j += 1
        if j > i:
            a, k, titled = strip(i, j)
            # Two words at least, and not an organisation's ("State Department" after "the").
            if titled and a + 1 < k <= a + MAX_NAME_WORDS and all(doc[t].pos_ == "PROPN" for t in range(a, k)) \
                    and not any(doc[t].ent_type_ in {"ORG", "GPE", "FAC", "LOC"} for t in range(a, k)):
                out.add((a, k))
        i = max(j, i + 1)
    # A name in apposition to a description: "Peru's chief negotiator, Ana Ruiz, said".
    for tok in doc:
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.pos_ == "NOUN":
            a = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
            if a < tok.i and all(_name_word(t) and not t.ent_type_ in {"ORG", "GPE", "FAC", "LOC"} for t in doc[a : tok.i + 1]):
                out.add((a, tok.i + 1))
    return sorted(out)


def _text(doc: Doc, i: int, k: int) -> str:
    return " ".join(t.text for t in doc[i:k])


def find_names(doc: Doc, lex: Lexicons, *, given: list[Person] = ()) -> NameTable:
    """Every person the article names, with the fullest name it gives each."""
    spans = _forms(doc, lex)
    full = Counter(_text(doc, i, k) for i, k in spans if k - i > 1)
    first_at: dict[str, int] = {}
    for i, k in spans:
        first_at.setdefault(_text(doc, i, k), doc[i].idx)
    # Longer forms first; a form inside a longer one ("Tayyip Erdogan") or with the same first and
    # last word belongs to it.
    persons: list[Person] = []
    for name in sorted(full, key=lambda n: (-len(n.split()), first_at[n])):
        words = name.split()
        owner = next((p for p in persons if _contains(p.name.split(), words)), None)
        if owner is None:
            persons.append(Person(name=name, aliases={name}, first_offset=first_at[name]))
        else:
            owner.aliases.add(name)
            owner.first_offset = min(owner.first_offset, first_at[name])
    singles = {_text(doc, i, k) for i, k in spans if k - i == 1}
    singles |= {t.text for t in doc if t.pos_ == "PROPN" and any(t.text in p.name.split() for p in persons)}
    for word in singles:
        owner = _owner(word, persons)
        if owner is not None:
            owner.aliases.add(word)
        elif word in {_text(doc, i, k) for i, k in spans}:
            persons.append(Person(name=word, aliases={word}, first_offset=first_at.get(word, 0)))
    _lengthen(doc, lex, persons)
    for g in given:  # the caller's canonical spelling wins
        match = next((p for p in persons if g.name in p.aliases or g.name == p.name), None)
        if match is not None:
            match.aliases.add(match.name)
            match.name = g.name
    table = NameTable(people=persons)
    _locate(doc, table)
    table.people.sort(key=lambda p: (-p.mentions, p.first_offset))
    return table


def _lengthen(doc: Doc, lex: Lexicons, persons: list[Person]) -> None:
    """A one-word name that the text also writes with a first name NER missed ("- Maria Lopez and")."""
    titles = _title_words(lex)
    places = {t.text for e in doc.ents if e.label_ in _PLACE_LABELS for t in e}
    for p in persons:
        if " " in p.name:
            continue
        seen = Counter()
        for tok in doc:
            if tok.text != p.name or tok.i == 0:
                continue
            prev = doc[tok.i - 1]
            if (prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and prev.whitespace_
                    and prev.lower_ not in titles and prev.text not in lex.demonyms and prev.text not in places
                    and not any(prev.text in q.name.split() for q in persons if q is not p)):
                seen[f"{prev.text} {p.name}"] += 1
        if seen:
            p.aliases.add(p.name)
            p.name = seen.most_common(1)[0][0]
            p.aliases.add(p.name)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1)):
        return True
    return longer[0] == shorter[0] and longer[-1] == shorter[-1]


def _owner(word: str, persons: list[Person]) -> Person | None:
    """The person a lone name word means: the earliest introduced with it as last word, else as first."""
    for pos in (-1, 0):
        cands = [p for p in persons if len(p.name.split()) > 1 and p.name.split()[pos] == word]
        if cands:
            return min(cands, key=lambda p: p.first_offset)
    return None


def _locate(doc: Doc, table: NameTable) -> None:
    index = {a: p for p in table.people for a in p.aliases | {p.name}}
    for tok in doc:
        text = _POSSESSIVE.sub("", tok.text)
        glued = _GLUED.match(text)
        if glued and text[glued.end() :] in index:
            person = index[text[glued.end() :]]
            table.at[tok.i] = (person, tok.idx + glued.end(), tok.idx + len(text))
            person.mentions += 1
    i = 0
    while i < len(doc):
        hit = None
        if doc[i].text[:1].isupper():
            for j in range(min(len(doc), i + MAX_NAME_WORDS), i, -1):
                words = _text(doc, i, j)
                # A lone word counts when tagged a name, or when it is part of a full name the
                # article gives (the tagger reads a sentence-initial surname as an adjective).
                if words in index and (j - i > 1 or doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PERSON"
                                       or " " in index[words].name):
                    hit = (j, index[words])
                    break
        if hit is None:
            i += 1
            continue
        j, person = hit
        for k in range(i, j):
            table.at[k] = (person, doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
        person.mentions += 1
        table.first_seen.setdefault(person.name, doc[i].idx)
        i = j
