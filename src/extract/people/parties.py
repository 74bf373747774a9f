"""The article's principal parties: who the meetings are between.

Found from the text or given by the caller; nothing about any particular article lives here. The
people come from ``names.find_names``; the two principals are, in order of preference, the people
the headline names, then those the lead names, then the most mentioned, counting only full names
of people the story itself talks about: not places NER took for people ("St Petersburg"), not
bylines and page furniture ("By Jane Doe", "Follow Jane Doe on Twitter"), and not people whose only
titles are those of aides ("Kremlin spokesman Dmitry Peskov").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import takewhile

from spacy.tokens import Doc

from .. import gazetteer
from ..lexicons import Lexicons
from .names import NameTable, Person, clean_name, find_names
from .titles import read_titles, regnal_title
from ..text.sentences import doc_text
from ..wordlists import words

__all__ = ["Person", "clean_name", "names", "people", "principals", "headline_end"]

# A paragraph this short without a sentence end is a headline, byline or page furniture.
_FURNITURE_CHARS = 120
_TERMINAL = (".", "!", "?", "\"", "”", "’", "'")
# How often the story must name a one-word name the headline gives for it to be a principal.
_HEADLINED_MENTIONS = 3
# Words before a name that make it a place, not a person: nobody is met "in" someone.
_PLACE_PREPS = {"in", "at", "to", "from"}


@lru_cache(maxsize=1)
def _table(doc: Doc, lex: Lexicons) -> NameTable:
    """The article's name table, read once: ``principals`` and ``people`` both need it."""
    table = find_names(doc, lex)
    read_titles(doc, table, lex)
    return table


def people(doc: Doc, lex: Lexicons) -> list[Person]:
    """Every person the article names, fullest name first, most mentioned first."""
    return _table(doc, lex).people


def _paragraphs(text: str) -> list[tuple[int, int]]:
    from ..text.paragraphs import Paragraphs

    return list(Paragraphs.of(text).spans)


def _furniture(text: str) -> bool:
    text = text.strip()
    return len(text) < _FURNITURE_CHARS and not text.endswith(_TERMINAL) or text.lower().startswith("by ")


def headline_end(text: str) -> int:
    """Where the headline block ends: at the first paragraph of prose (long, or ending a sentence)."""
    for start, end in _paragraphs(text):
        if not _furniture(text[start:end]):
            return start
    return 0


def _is_place(doc: Doc, table: NameTable, person: Person) -> bool:
    """A name that GeoNames knows as a city or country, or that the text puts after "in"/"at";
    never one written after a title ("President Obama", though Obama is also a town in Japan)."""
    if person.titles:
        return False
    if gazetteer.cities(person.name) or gazetteer.as_country(person.name, {}):
        return True
    before = [doc[i - 1].lower_ for i, (p, start, _) in table.at.items() if p is person and doc[i].idx == start and i > 0]
    return bool(before) and sum(w in _PLACE_PREPS for w in before) * 2 > len(before)


def _aide(person: Person, lex: Lexicons) -> bool:
    """Named only with an aide's title ("spokesman", "adviser"), never a leader's."""
    aides = words(lex, "aide_roles")
    return bool(person.titles) and all(t in aides for t in person.titles)


def _mentions(doc: Doc, table: NameTable, text: str) -> tuple[Counter, set[str], set[str]]:
    """Mentions of each person in the story's prose, and who the headline and lead name."""
    paras = _paragraphs(text)
    prose = [(s, e) for s, e in paras if not _furniture(text[s:e])]
    head_end = headline_end(text)
    lead_end = prose[min(1, len(prose) - 1)][1] if prose else 0  # the first two prose paragraphs
    body: Counter = Counter()
    head: set[str] = set()
    lead: set[str] = set()
    for i, (person, start, _end) in table.at.items():
        if doc[i].idx != start:
            continue
        if start < head_end:
            head.add(person.name)
        elif any(s <= start < e for s, e in prose):
            body[person.name] += 1
            if start < lead_end:
                lead.add(person.name)
    return body, head, lead


def principals(
    doc: Doc, lex: Lexicons, *, given: Sequence[str] | None = None, n: int = 2
) -> list[Person]:
    """The principal parties: ``given`` names enriched from the text, else the ``n`` people the
    article is about (see the module's docstring)."""
    table = _table(doc, lex)
    everyone = table.people
    if given:
        chosen = []
        for name in given:
            match = next((p for p in everyone if name in p.aliases or _same_person(name, p.name)), None)
            if match is None:
                match = Person(name=name, aliases={name, name.split()[-1]})
            else:
                match.name = name
                match.aliases |= {name}
            regnal_title(match)
            chosen.append(match)
        return chosen
    body, head, lead = _mentions(doc, table, doc_text(doc))
    # People the story talks about: named in its prose, by a full name or a leader's title and a
    # surname ("President Obama" in a readout that never writes his first name), and not places.
    # A one-word name the headline gives and the story keeps using is one too, though GeoNames
    # knows a town of that name ("Merkel and Obama: a timeline" over a text that never writes "Barack").
    headlined = {p.name for p in everyone if p.name in head and body[p.name] >= _HEADLINED_MENTIONS
                 and not gazetteer.as_country(p.name, {})}  # a country's name is never a surname ("Nepal")
    cands = [p for p in everyone if body[p.name] and (" " in p.name or p.titles & set(lex.roles) or p.name in headlined)
             and (p.name in headlined or not _is_place(doc, table, p))]

    # "Finland–Sweden relations": a headline naming two countries names the principals' (a leader
    # known to be another country's, "US President Joe Biden", comes after their leaders).
    head_end = headline_end(doc_text(doc))
    named = {c for t in takewhile(lambda t: t.idx < head_end, doc) if (c := gazetteer.as_country(t.text, {}))}

    def rank(p: Person) -> tuple:
        # The headline names the principals; else an aide never outranks a leader; a name in the
        # lead weighs as much as a few mentions further down.
        foreign = len(named) == 2 and p.country is not None and p.country not in named
        return (p.name not in head, foreign, _aide(p, lex), -(body[p.name] + (3 if p.name in lead else 0)), p.first_offset)

    chosen = sorted(cands, key=rank)[:n]
    for p in chosen:
        p.mentions = max(p.mentions, body[p.name])
    return chosen


def _same_person(longer: str, shorter: str) -> bool:
    a, b = longer.split(), shorter.split()
    return a[-1] == b[-1] and (a[0] == b[0] or len(b) == 1)


def names(parties: Iterable[Person]) -> list[str]:
    return [p.name for p in parties]
