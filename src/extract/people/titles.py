"""Titles and countries read from the words around a person's mentions.

"German Chancellor Angela Merkel", "Britain's Rishi Sunak", "Prime Minister Shinzo Abe of Japan",
"the Italian prime minister, Mario Draghi", "Olaf Scholz, the German chancellor": the role words
become the person's titles, the demonym or country their country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.attrs import LOWER
from spacy.tokens import Doc

from .. import gazetteer
from ..lexicons import Lexicons
from .names import NameTable, Person
from ..text.sentences import ents_in
from ..wordlists import words

_POSSESSIVE = {"'s", "’s"}
# What may open a description a name stands in apposition to: "his Azerbaijani counterpart, Ilham Aliyev".
_DETERMINERS = {"the", "a", "his", "her", "their"}
# Verbs linking a name to its role: "Erdoğan became president of Turkey".
_LINKS = {"be", "become", "remain"}
# A regnal number ends a monarch's name.
_REGNAL = re.compile(r"\s(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XI?V|XVI{0,3})$")
# How far before a name a title may start: "Saudi Crown Prince [Mohammed bin Salman]".
_REACH = 5


def read_titles(doc: Doc, table: NameTable, lex: Lexicons) -> None:
    """Set each person's titles and (first found) country from the words around their mentions."""
    al = lex.extra.get("country_names", {})
    for i, (person, start, end) in table.at.items():
        if doc[i].idx != start:
            continue
        country, titles = _before(doc, i, lex, al)
        person.titles |= titles or _title_after(doc, i, lex)
        if country is None:
            country = _of_country(doc, i, al) or _apposition_after(doc, i, lex)
        if country and person.country is None:
            person.country = country
    for person, country in _respectively(doc, table, lex, al):
        if person.country is None:
            person.country = country
    for person in table.people:
        regnal_title(person)


def regnal_title(person: Person) -> None:
    """"Mohammed VI", "Felipe VI": a name ending in a regnal number is a monarch's, "the king" of a
    text that gives him no title."""
    if not person.titles and _REGNAL.search(person.name):
        person.titles.add("king")


def _respectively(doc: Doc, table: NameTable, lex: Lexicons, aliases: dict[str, str]) -> Iterator[tuple[Person, str]]:
    """"The presidents of Kazakhstan and Uzbekistan, Kassym-Jomart Tokayev and Shavkat Mirziyoyev": the
    first name is of the first country, the second of the second."""
    # Only the "of"s are read, found without a Token object per word (this runs on every article).
    for j in (int(j) for j in (doc.to_array(LOWER) == doc.vocab.strings.add("of")).nonzero()[0]):
        if j < 1 or j >= len(doc) - 6 or doc[j - 1].lemma_.lower() not in lex.roles:
            continue
        k = j + 1 + (doc[j + 1].lower_ == "the")
        and_at = next((m for m in range(k + 1, min(k + 4, len(doc))) if doc[m].lower_ == "and"), None)
        if and_at is None or (first := gazetteer.as_country(doc[k:and_at].text, aliases)) is None:
            continue
        comma = next((m for m in range(and_at + 1, min(and_at + 5, len(doc) - 1)) if doc[m].text == ","), None)
        if comma is None:
            continue
        second = gazetteer.as_country(doc[and_at + 1 + (doc[and_at + 1].lower_ == "the") : comma].text, aliases)
        named = table.at.get(comma + 1)
        after = _name_end(doc, comma + 1)
        other = table.at.get(after + 1) if after < len(doc) and doc[after].lower_ == "and" else None
        if second and named and other and named[0] is not other[0] and first != second:
            yield named[0], first
            yield other[0], second


def _of_country(doc: Doc, i: int, aliases: dict[str, str]) -> str | None:
    """"<title> <name> of <Country>": the country after the name, when a title came before it."""
    j = _name_end(doc, i)
    if j + 1 < len(doc) and doc[j].lower_ == "of" and i > 0 and doc[i - 1].text[:1].isupper():
        for ent in ents_in(doc[j + 1 : min(j + 5, len(doc))]):
            if ent.start == j + 1 and ent.label_ == "GPE":
                return gazetteer.as_country(ent.text, aliases)
    return None


def _name_end(doc: Doc, i: int) -> int:
    j = i
    while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text == "-"):
        j += 1
    return j


def _words_back(doc: Doc, end: int) -> list[str]:
    """Up to ``_REACH`` words ending before token ``end``, stopping at punctuation."""
    found: list[str] = []
    i = end - 1
    while i >= 0 and end - i <= _REACH and not doc[i].is_punct and not doc[i].is_space:
        found.insert(0, doc[i].text)
        i -= 1
    return found


def _role_and_country(found: list[str], lex: Lexicons, aliases: dict[str, str]) -> tuple[str | None, set[str]]:
    """The longest role phrase ending ``found``, and the demonym or possessed country before it."""
    roles = lex.roles | words(lex, "aide_roles")
    for k in range(len(found), -1, -1):
        phrase = " ".join(found[len(found) - k :]).lower()
        if k and phrase not in roles:
            continue
        rest = found[: len(found) - k]
        # "Vice President Mark Lane" holds a lesser office than "president": the whole is his title.
        lesser = lex.extra.get("speaker_roles", {}).get("subordinate", ())
        while k and rest and rest[-1].lower() in lesser:
            phrase, rest = f"{rest[-1].lower()} {phrase}", rest[:-1]
        # "Britain's prime minister Rishi Sunak", "Britain's Rishi Sunak", "Saudi Arabia's crown prince".
        if len(rest) >= 2 and rest[-1] in _POSSESSIVE and (
                country := gazetteer.as_country(rest[-2], aliases) or gazetteer.as_country(" ".join(rest[-3:-1]), aliases)):
            return country, {phrase} if k else set()
        if not k:
            return None, set()
        for j in range(len(rest), 0, -1):
            cand = " ".join(rest[-j:])
            if cand in lex.demonyms:
                return lex.demonyms[cand], {phrase}
        return None, {phrase}
    return None, set()


def _before(doc: Doc, start: int, lex: Lexicons, aliases: dict[str, str]) -> tuple[str | None, set[str]]:
    """Role and country right before a name (courtesy words aside: "Prime Minister Shri Narendra
    Modi"); or, across a comma, a description the name stands in apposition to ("the Italian prime
    minister, Mario Draghi", "the Federal Chancellor of the Federal Republic of Germany, Dr. X")."""
    courtesies = words(lex, "courtesy_titles")
    while start > 0 and doc[start - 1].lower_ in courtesies:
        start -= 1
    country, titles = _role_and_country(_words_back(doc, start), lex, aliases)
    if titles or country or start < 2 or doc[start - 1].text != ",":
        return country, titles
    if (of := _role_of_country_before(doc, start - 1, lex, aliases)) is not None:
        return of
    found = _words_back(doc, start - 1)
    if found and found[0].lower() in _DETERMINERS:
        country, _ = _role_and_country(found[1:], lex, aliases)
        return country, set()
    if (owner := next((k for k, w in enumerate(found) if w in _POSSESSIVE), None)) is not None:
        # "Saudi Arabia's crown prince, Mohammed bin Salman": a country owns the role before the comma.
        country, titles = _role_and_country(found[max(owner - 2, 0) :], lex, aliases)
        return (country, titles) if country and titles else (None, set())
    return None, set()


def _role_of_country_before(doc: Doc, comma: int, lex: Lexicons, aliases: dict[str, str]) -> tuple[str, set[str]] | None:
    """"the Federal Chancellor of the Federal Republic of Germany, <name>": the country after "of"
    (up to the comma) and the role before it."""
    for of in range(comma - 1, max(comma - 8, 0), -1):
        if doc[of].lower_ != "of":
            continue
        start = of + 1 + (doc[of + 1].lower_ == "the")
        country = gazetteer.as_country(doc[start:comma].text, aliases) if start < comma else None
        if country is None:
            continue
        role = [t.text for t in doc[max(of - 3, 0) : of] if not t.is_punct]
        _, titles = _role_and_country(role, lex, aliases)
        return (country, titles) if titles else None
    return None


def _apposition_after(doc: Doc, i: int, lex: Lexicons) -> str | None:
    """"Olaf Scholz, the German chancellor", "Erdoğan became president of Turkey", "Theresa May,
    Prime Minister of the United Kingdom": the country of a description after the name."""
    j = _name_end(doc, i)
    if j + 2 < len(doc) and doc[j].lemma_ in _LINKS and doc[j].pos_ in {"AUX", "VERB"}:
        return _role_of_country(doc, j + 1, lex) or _owned_role(doc, j + 1, lex)
    if j + 2 >= len(doc) or doc[j].text != ",":
        return None
    if j + 3 < len(doc) and doc[j + 1].lower_ == "who" and doc[j + 2].lemma_ in _LINKS:
        # "Friedrich Merz, who became Germany's chancellor yesterday"
        return _role_of_country(doc, j + 3, lex) or _owned_role(doc, j + 3, lex)
    # "Starmer, Germany's new chancellor Friedrich Merz and ...": a list goes on to someone else.
    if (country := _role_of_country(doc, j + 1, lex) or _owned_role(doc, j + 1, lex, closed=True)) is not None:
        return country
    if doc[j + 1].lower_ != "the":
        return None
    k = j + 2
    while k < len(doc) and k - j <= _REACH + 1 and not doc[k].is_punct:
        k += 1
    # The description must close the apposition: "Erdoğan, the Ukrainian president says" is a
    # new clause's subject.
    if k >= len(doc) or not doc[k].is_punct:
        return None
    country, titles = _role_and_country([t.text for t in doc[j + 2 : k]], lex, lex.extra.get("country_names", {}))
    return country if titles else None


def _owned_role(doc: Doc, k: int, lex: Lexicons, *, closed: bool = False) -> str | None:
    """"Germany's chancellor", "South Korea's new president" from token ``k``: the owning country;
    ``closed``: the description must end there (a comma, a full stop), not run on into a name."""
    aliases = lex.extra.get("country_names", {})
    for n in (1, 2, 3):
        end = k + n
        if end + 1 < len(doc) and doc[end].lower_ in {"'s", "’s"} and (
                country := gazetteer.as_country(doc[k:end].text, aliases)):
            # The role ends the noun run after the owner ("new chancellor"), or cuts it ("chancellor yesterday").
            run = end + 1
            while run < len(doc) and run - end <= 3 and doc[run].pos_ in {"NOUN", "ADJ"}:
                run += 1
            stop = next((b for b in range(run, end + 1, -1) if any(
                " ".join(t.lower_ for t in doc[a:b]) in lex.roles for a in range(end + 1, b))), None)
            if stop is None:
                return None
            return None if closed and stop < len(doc) and not doc[stop].is_punct else country
    return None


def _title_after(doc: Doc, i: int, lex: Lexicons) -> set[str]:
    """"Tamim bin Hamad Al Thani, Amir of the State of Qatar": the role after the name's comma."""
    j = _name_end(doc, i)
    if j + 2 >= len(doc) or doc[j].text != ",":
        return set()
    role, _ = _role_of(doc, j + 1, lex)
    return {role} if role else set()


def _role_of(doc: Doc, k: int, lex: Lexicons) -> tuple[str | None, int]:
    """"(the 45th) President of" from token ``k``: the role and where what it is of begins."""
    k += doc[k].lower_ in {"the", "a"}
    k += k < len(doc) and (doc[k].like_num or doc[k].ent_type_ == "ORDINAL")
    end = k
    while end < len(doc) and end - k < 3 and doc[end].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[end].lower_ != "of":
        end += 1
    phrase = " ".join(t.lower_ for t in doc[k:end])
    if phrase not in lex.roles or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None, end
    return phrase, end + 1 + (doc[end + 1].lower_ == "the")


def _role_of_country(doc: Doc, k: int, lex: Lexicons) -> str | None:
    """"(the 45th) President of (the) United States" from token ``k``: the country."""
    role, start = _role_of(doc, k, lex)
    if role is None:
        return None
    aliases = lex.extra.get("country_names", {})
    for n in (3, 2, 1):
        if start + n <= len(doc) and (country := gazetteer.as_country(doc[start : start + n].text, aliases)):
            return country
    return None
