"""The article's principal parties: who the meetings are between.

Found from the text (the people most mentioned by full name, with those named in the headline and
introduction first) or given by the caller; nothing about any particular article lives here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .lexicons import Lexicons

# Lower-case name particles that may sit inside a full name ("Bashar al-Assad", "Ursula von der Leyen").
_PARTICLES = {"al", "bin", "de", "der", "van", "von", "da", "di", "la", "le", "ibn", "el"}
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")


@dataclass
class Person:
    """One person as the article names them."""

    name: str  # canonical: the fullest form the article gives
    aliases: set[str] = field(default_factory=set)  # every form seen, surname included
    country: str | None = None  # from "Israeli Prime Minister ..." via the demonym lexicon
    titles: set[str] = field(default_factory=set)  # role words seen before the name
    mentions: int = 0
    first_offset: int = 0

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def clean_name(ent: Span) -> str | None:
    """The name words of a PERSON entity, or None when it does not look like a name.

    NER spans often carry a possessive, a title or trailing words ("Merkel Agenda - 4 Years").
    """
    words: list[str] = []
    for tok in ent:
        text = tok.text
        if tok.is_punct and text not in {"-"} and words:
            break
        if text in {"'s", "’s", "'", "’"}:
            break
        if _NAME_WORD.match(text) or (words and text.lower() in _PARTICLES):
            words.append(text)
        elif text == "-" and words:
            break
        else:
            break
    while words and words[-1].lower() in _PARTICLES:
        words.pop()
    if not words or len(words) > 4:
        return None
    return " ".join(words)


def _context_before(doc: Doc, start: int, lex: Lexicons) -> tuple[str | None, set[str]]:
    """Demonym and role words right before a name: "German Chancellor [Angela Merkel]"."""
    country, titles = None, set()
    i = start - 1
    words: list[str] = []
    while i >= 0 and start - i <= 5 and not doc[i].is_punct and not doc[i].is_space:
        words.insert(0, doc[i].text)
        i -= 1
    # Longest role phrase ending right before the name, then a demonym before it.
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[-k:]).lower()
        if phrase in lex.roles:
            titles.add(phrase)
            rest = words[:-k]
            for j in range(len(rest), 0, -1):
                cand = " ".join(rest[-j:])
                if cand in lex.demonyms:
                    country = lex.demonyms[cand]
                    break
            break
    return country, titles


def people(doc: Doc, lex: Lexicons) -> list[Person]:
    """Every person the article names, surnames merged into full names, most mentioned first."""
    forms: list[tuple[str, Span]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = clean_name(ent)
        if name:
            forms.append((name, ent))
    # NER glues neighbours onto names ("for Paris Merkel said"): a word the article also uses
    # as a place or group is not part of a person's name.
    places = {e.text for e in doc.ents if e.label_ in {"GPE", "LOC", "NORP"}}
    forms = [(n, e) for n, e in forms if " " not in n or not places & set(n.split())]
    full = Counter(n for n, _ in forms if " " in n)
    by_name: dict[str, Person] = {}
    # Each multi-word form is a person; a longer form that contains a shorter one wins.
    for name, _ in sorted(full.items(), key=lambda kv: (-len(kv[0].split()), -kv[1])):
        owner = next((p for p in by_name.values() if _same_person(name, p.name)), None)
        if owner is None:
            by_name[name] = Person(name=name)
        else:
            owner.aliases.add(name)
    index: dict[str, Person] = {}
    for p in by_name.values():
        p.aliases.add(p.name)
        index[p.name] = p
        for alias in list(p.aliases):
            index[alias] = p
    # A single word goes to the person whose last (else first) name it is, when that is unique.
    last = defaultdict(list)
    first = defaultdict(list)
    for p in by_name.values():
        last[p.surname].append(p)
        first[p.name.split()[0]].append(p)
    for name, ent in forms:
        p = index.get(name)
        if p is None and " " not in name:
            cands = last.get(name) or first.get(name) or []
            # Several full names share the word: the one the article uses most is meant.
            cands = sorted(cands, key=lambda c: -sum(full[a] for a in c.aliases))
            if len(cands) == 1 or (cands and sum(full[a] for a in cands[0].aliases) > sum(full[a] for a in cands[1].aliases)):
                p = cands[0]
            elif not cands:
                p = by_name.setdefault(name, Person(name=name, aliases={name}))
        if p is None:
            continue
        index[name] = p
        p.aliases.add(name)
        if p.mentions == 0:
            p.first_offset = ent.start_char
        p.mentions += 1
        country, titles = _context_before(doc, ent.start, lex)
        p.country = p.country or country
        p.titles |= titles
    return sorted(by_name.values(), key=lambda p: (-p.mentions, p.first_offset))


def _same_person(longer: str, shorter: str) -> bool:
    a, b = longer.split(), shorter.split()
    return a[-1] == b[-1] and (a[0] == b[0] or len(b) == 1)


def principals(
    doc: Doc, lex: Lexicons, *, given: Sequence[str] | None = None, lead_chars: int = 1500, n: int = 2
) -> list[Person]:
    """The principal parties: ``given`` names enriched from the text, else the ``n`` people the
    article is about (named in its opening ``lead_chars`` and most mentioned)."""
    everyone = people(doc, lex)
    if given:
        chosen = []
        for name in given:
            match = next((p for p in everyone if name in p.aliases or _same_person(name, p.name)), None)
            if match is None:
                match = Person(name=name, aliases={name, name.split()[-1]})
            else:
                match.name = name
                match.aliases |= {name}
            chosen.append(match)
        return chosen
    lead = [p for p in everyone if p.first_offset < lead_chars and " " in p.name]
    rest = [p for p in everyone if p not in lead and " " in p.name]
    ranked = sorted(lead, key=lambda p: -p.mentions) + rest
    return ranked[:n]


def names(parties: Iterable[Person]) -> list[str]:
    return [p.name for p in parties]
