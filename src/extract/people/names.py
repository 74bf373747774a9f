"""The people an article names, read from the text: every full name, the fullest form of each, and
which person a lone surname (or, for names written family-name first, a lone first word) means.

Like ``parties.people`` it starts from PERSON entities, but it does not trust NER alone: a name written after a title
("Foreign Secretary Vijay Gokhale") counts even when NER missed it, and title, demonym and
place words that NER glues onto a name are stripped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..lexicons import Lexicons
from ..text.paragraphs import headline_line
from ..text.sentences import apposed_to, doc_text
from .fuller import after_the, honour, known_as, lengthen
from .person import Person
from .placenames import PLACE_LABELS, is_major_place as _is_major_place, is_place as _is_place, only_placed as _only_placed
from .mislabels import CALENDAR as _CALENDAR, coordinated_names, left_out, mislabelled, named_bodies, speaking_names
from .spelling import (GENERATIONAL, MAX_NAME_WORDS, PARTICLES, POSSESSIVE, count_words, hyphen_end, hyphen_start,
                       name_word, spelled)

_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
# An abbreviated honorific before a name ("Mr.", "Ms.", "Dr.", "Gen."): a short capitalised word
# with a final period, never a name word itself.
_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,3}\.$")
_INITIAL = re.compile(r"[A-Z]\.")
# Scraped text glues words ("the meetingSmith said"): a lower-to-upper change starts a new word.
_GLUED = re.compile(r"^[a-z]+(?=[A-Z][\w'’.-]+$)")
# The Arabic article a surname carries written in full and drops alone ("al-Sisi", "Sisi").
_ARTICLE = re.compile(r"^(?:al|el|Al|El)[-‐]")
_SUFFIXES = {*GENERATIONAL, "MP", "MEP", "QC", "KC"}  # written with a name, not a word of it


def clean_name(ent: Span) -> str | None:
    """The name words of a PERSON entity, or None when it does not look like a name.

    NER spans often carry a possessive, a title or trailing words ("Merkel Agenda - 4 Years"), and
    leave out the end of a hyphenated name ("Moon Jae" before "-in").
    """
    doc = ent.doc
    words: list[str] = []
    i = ent.start
    while i < ent.end and _ABBREVIATION.match(doc[i].text) and i + 1 < ent.end:
        i += 1  # "Mr. Abe" is Abe
    while i < ent.end:
        text = doc[i].text
        if text in {"'s", "’s", "'", "’"}:
            break
        if _NAME_WORD.match(text) or (words and text.lower() in PARTICLES):
            end = hyphen_end(doc, i + 1)
            words.append(doc[i:end].text)
            i = end
        else:
            break
    while words and (words[-1].lower() in PARTICLES or words[-1].rstrip(".,") in _SUFFIXES):
        words.pop()  # "Ferdinand R. Marcos Jr." is Ferdinand R. Marcos, as the name table writes him
    if not words or sum(w.lower() not in PARTICLES for w in words) > MAX_NAME_WORDS:
        return None
    return " ".join(words)


@dataclass
class NameTable:
    """Canonical people and, for each token that is part of a name, who and which characters."""

    people: list[Person]
    at: dict[int, tuple[Person, int, int]] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)


def _title_words(lex: Lexicons) -> set[str]:
    roles = {w for r in lex.roles for w in r.split()}
    # "Prime Ministers Narendra Modi and Sher Bahadur Deuba": a role in the plural titles two names.
    roles |= {f"{w}s" for w in roles if w.isalpha() and not w.endswith("s")}
    honorifics = set(lex.extra.get("speaker_roles", {}).get("honorifics", {}))
    return (roles | set(lex.extra.get("title_words", ())) | honorifics) - set(lex.extra.get("given_name_roles", ()))


def _forms(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """Token ranges that spell a person's name: PERSON entities and capitalised words after a title."""
    titles = _title_words(lex)
    demonyms = set(lex.demonyms)
    openers = lex.extra.get("opening_adverbs", frozenset())
    honorifics = set(lex.extra.get("speaker_roles", {}).get("honorifics", {}))
    # How often each word is tagged a place and a person: "Lima" glued to a name is a place.
    place = Counter(t.text for e in doc.ents if e.label_ in PLACE_LABELS for t in e)
    person = Counter(t.text for e in doc.ents if e.label_ == "PERSON" for t in e)

    def strip(i: int, j: int) -> tuple[int, int, bool]:
        titled = False
        while i < j and (doc[i].lower_ in titles or doc[i].text in demonyms or not name_word(doc[i]) or doc[i].lower_ in openers
                         or doc[i].text in _CALENDAR and i + 1 < j
                         or place[doc[i].text] > person[doc[i].text] and _is_place(doc[i].text) or doc[i].lower_ in PARTICLES):
            titled = titled or doc[i].lower_ in titles
            i += 1
        k = i
        # An honorific inside a name is a word of it: "Hassan Sheikh Mohamud".
        while k < j and name_word(doc[k]) and (doc[k].lower_ not in titles or k > i and doc[k].lower_ in honorifics
                                               and k + 1 < j and name_word(doc[k + 1]) and doc[k + 1].lower_ not in titles) \
                and not POSSESSIVE.fullmatch(doc[k].text):
            k = hyphen_end(doc, k + 1)
        # Trailing particles, and a place NER glued on ("President Lopez Chile's efforts").
        while k > i + 1 and (doc[k - 1].lower_ in PARTICLES or doc[k - 1].text in _SUFFIXES
                             or place[doc[k - 1].text] > person[doc[k - 1].text] and _is_major_place(doc[k - 1].text)):
            k -= 1
        return i, k, titled

    out: set[tuple[int, int]] = set()
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    text = doc_text(doc)
    for ent in persons:
        end = ent.end
        # NER stops inside the name: "Ursula von der" + "Leyen", "Ursula von" + "der Leyen".
        while end < len(doc) and doc[end - 1].lower_ in PARTICLES and (
                doc[end].text[:1].isupper() or doc[end].lower_ in PARTICLES):
            end += 1
        i, k, _ = strip(ent.start, end)
        while i == ent.start and i > 0 and k - i > 1 and count_words(doc, i - 1, k) <= MAX_NAME_WORDS and left_out(doc[i - 1], titles, lex) \
                and not (doc[i - 1].is_sent_start and _written_without(text, doc[i - 1].text, ent.text)):
            i -= 1  # "Luiz" before the entity "Inácio Lula da Silva"
        if i < k and count_words(doc, i, k) <= MAX_NAME_WORDS:
            out.add((i, k))
    things = {w for kind in ("occasion_words", "event_words", "venue_words", "institution_words") for w in lex.extra.get(kind, ())}
    out |= named_bodies(doc, things | titles, MAX_NAME_WORDS)
    # Names after a title that NER missed: "Foreign Secretary Vijay Gokhale".
    # Which tokens may be part of one, read in a single pass.
    nameish = [(t.pos_ == "PROPN" or t.lower_ in titles) and (t.text[:1].isupper() or t.lower_ in PARTICLES) for t in doc]
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and nameish[j]:
            j += 1
        if j > i:
            a, k, titled = strip(i, j)
            # A country's possessive is a title too: "China's Xi Jinping", "Brazil's Luiz Inácio Lula da
            # Silva"; not for its days, bodies or buildings ("India's Republic Day").
            titled = titled or i > 1 and POSSESSIVE.fullmatch(doc[i - 1].text) and gazetteer.as_country(doc[i - 2].text, {}) \
                and not any(t.lower_ in things for t in doc[i:j])
            # Two words at least, and not an organisation's ("State Department" after "the").
            if titled and 1 < count_words(doc, a, k) <= MAX_NAME_WORDS and all(doc[t].pos_ == "PROPN" for t in range(a, k)) \
                    and (not any(doc[t].ent_type_ in {"ORG", "GPE", "FAC", "LOC"} for t in range(a, k)) or mislabelled(doc, a, k)):
                out.add((a, k))
        i = max(j, i + 1)
    out |= speaking_names(doc, lex, titles) | coordinated_names(doc, titles, lex)
    # A name in apposition to a description: "Peru's chief negotiator, Ana Ruiz, said".
    person_nouns = titles | set(lex.extra.get("speaker_roles", {}).get("person_titles", ()))
    for tok in (t for t in doc if t.dep_ == "appos" and t.pos_ == "PROPN"):
        # The description must be of a person ("negotiator"), not of an event ("the consultations").
        head = apposed_to(tok)
        if head.pos_ == "NOUN" and (
                head.lower_ in person_nouns or head.lemma_.lower() in person_nouns):
            a = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
            if a < tok.i and all(name_word(t) and not t.ent_type_ in {"ORG", "GPE", "FAC", "LOC"} for t in doc[a : tok.i + 1]):
                out.add((a, tok.i + 1))
    return sorted({trimmed for a, k in out if (trimmed := _trim(doc, a, k, titles)) is not None})


def _written_without(text: str, word: str, name: str) -> bool:
    """Whether the text also writes ``name`` without ``word`` before it: then a capitalised word
    opening a sentence in front of it ("Enter Mark Carney.") is no given name NER left out."""
    return text.count(name) > text.count(f"{word} {name}")


# Words a name never opens with, though capitalised at a sentence start ("Addressing Xi, ...").
_NOT_NAME_POS = {"VERB", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ"}


def _trim(doc: Doc, a: int, k: int, titles: frozenset[str]) -> tuple[int, int] | None:
    """A name's range without the title or the sentence-opening verb that some ways of finding it
    leave in front ("President Donald Trump" in a caption, "Addressing Xi")."""
    while a < k - 1 and (doc[a].lower_ in titles or doc[a].pos_ in _NOT_NAME_POS):
        a += 1
    if a >= k:
        return None
    # A hyphenated given name NER cut in two ("Anne-" + "Marie Trevelyan"); a lone word after a
    # hyphen is rather a pairing ("the Trump-Kim summit").
    return (hyphen_start(doc, a) if count_words(doc, a, k) > 1 else a), k


def find_names(doc: Doc, lex: Lexicons, *, given: list[Person] = ()) -> NameTable:
    """Every person the article names, with the fullest name it gives each."""
    # The people found do not depend on ``given``: they are read once per article (the parties
    # and the speakers both ask), and each caller gets its own copies to enrich.
    persons = [replace(p, aliases=set(p.aliases), titles=set(p.titles)) for p in _people(doc, lex)]
    for g in given:  # the caller's canonical spelling wins
        match = next((p for p in persons if g.name in p.aliases or g.name == p.name), None)
        if match is not None:
            match.aliases.add(match.name)
            match.name = g.name
    table = NameTable(people=persons)
    _locate(doc, table)
    table.people.sort(key=lambda p: (-p.mentions, p.first_offset))
    return table


@lru_cache(maxsize=4)
def _people(doc: Doc, lex: Lexicons) -> tuple[Person, ...]:
    """The people of ``doc`` before any caller's spelling or count: never modified, only copied."""
    spans = _forms(doc, lex)
    full = Counter(spelled(doc, i, k) for i, k in spans if count_words(doc, i, k) > 1)
    first_at: dict[str, int] = {}
    for i, k in spans:
        first_at.setdefault(spelled(doc, i, k), doc[i].idx)
    # Longer forms first; a form inside a longer one ("Maria Lopez" in "Ana Maria Lopez") or with the same first and
    # last word belongs to it.
    singles = {spelled(doc, i, k) for i, k in spans if count_words(doc, i, k) == 1}
    persons: list[Person] = []
    for name in sorted(full, key=lambda n: (-len(n.split()), first_at[n])):
        words = name.split()
        owner = next((p for p in persons if _contains(p.name.split(), words) and not _runs_on(p.name.split(), words, singles)
                      or _same_words(p.name, name)), None)
        if owner is None:
            persons.append(Person(name=name, aliases={name}, first_offset=first_at[name]))
        else:
            owner.aliases.add(name)
            owner.first_offset = min(owner.first_offset, first_at[name])
            if _capitalised_family(owner.name) and not _capitalised_family(name):
                owner.name = name  # "Fumio Kishida" over the readout's "KISHIDA Fumio"
    # NER glues the word after a surname onto it in headlines ("Lopez Vow", "Perez Goes"): a form
    # written once that starts with another person's surname is that person.
    surnames = {p.surname for p in persons if " " in p.name}
    persons = [p for p in persons if not (len(p.aliases) == 1 and full[p.name] == 1 and p.name.split()[0] in surnames
                                          and p.name.split()[0] != p.surname and headline_line(doc_text(doc), p.first_offset))]
    # "el-Sisi" is written "Sisi" alone.
    name_words = {_ARTICLE.sub("", w) for p in persons for w in p.name.split() if not _INITIAL.fullmatch(w)}
    singles |= {t.text for t in doc if t.pos_ == "PROPN" and t.text in name_words}
    # ... and "Keller-Sutter" alone, three tokens, of "Karin Keller-Sutter".
    singles |= {w for t in doc if t.pos_ == "PROPN" and t.i + 1 < len(doc) and doc[t.i + 1].text == "-"
                and (w := spelled(doc, t.i, hyphen_end(doc, t.i + 1))) in name_words}
    languages = lex.extra.get("languages", ())
    described = after_the(doc, singles)
    for word in singles:
        if _only_placed(doc, spans, word, lex):
            continue
        owner = _owner(word, persons)
        if owner is not None:
            owner.aliases.add(word)
        elif word in {spelled(doc, i, k) for i, k in spans} and word.lower() not in languages and word not in described:
            persons.append(Person(name=word, aliases={word}, first_offset=first_at.get(word, 0)))
    lengthen(doc, persons, _title_words(lex), lex)
    honour(doc, lex, persons)
    persons = known_as(doc, lex, persons)
    return tuple(persons)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1)):
        return True
    return longer[0] == shorter[0] and longer[-1] == shorter[-1]


def _same_words(a: str, b: str) -> bool:
    """"KISHIDA Fumio" and "Fumio Kishida": the same words, the family name in capitals and first."""
    return a != b and sorted(w.casefold() for w in a.split()) == sorted(w.casefold() for w in b.split())


def _capitalised_family(name: str) -> bool:
    return any(len(w) > 1 and w.isupper() and not _INITIAL.fullmatch(w) for w in name.split())  # not "W." of "George W. Bush"


def _runs_on(longer: list[str], shorter: list[str], singles: set[str]) -> bool:
    """A longer form that only runs a full name on into more words ("the Donald Trump Nagrik
    Abhinandan Samiti", a committee) is not that person's fuller name when the text writes the
    shorter form's surname alone and never the longer one's."""
    n = len(shorter)
    return (len(longer) > n and longer[:n] == shorter and shorter[-1] in singles
            and longer[-1] not in singles)


def _owner(word: str, persons: list[Person]) -> Person | None:
    """The person a lone name word means: the earliest introduced with it as last word (or as first,
    when that one came earlier), else the one full name it stands inside."""
    # Of one whose surname it is and one whose family name it is, written first ("Li Xi" and "Xi
    # Jinping"), the one the article introduced first.
    last = [p for p in persons if len(p.name.split()) > 1 and _ARTICLE.sub("", p.name.split()[-1]) == word]
    first = [p for p in persons if len(p.name.split()) > 1 and _ARTICLE.sub("", p.name.split()[0]) == word]
    if last or first:
        earliest = min(last or first, key=lambda p: p.first_offset)
        return min([earliest, *first], key=lambda p: p.first_offset) if last else earliest
    # A word inside one full name only: "Lula" of "Luiz Inácio Lula da Silva".
    inner = [p for p in persons if word in p.name.split()[1:-1] and word.lower() not in PARTICLES]
    return inner[0] if len(inner) == 1 else None


def _locate(doc: Doc, table: NameTable) -> None:
    index = {a: p for p in table.people for a in p.aliases | {p.name}}
    for tok in doc:
        text = POSSESSIVE.sub("", tok.text)
        glued = _GLUED.match(text)
        if glued and text[glued.end() :] in index:
            person = index[text[glued.end() :]]
            table.at[tok.i] = (person, tok.idx + glued.end(), tok.idx + len(text))
            person.mentions += 1
    # The words tried below start with their first token's first word, so a token that begins
    # no known name's first word starts no mention: skip it without trying each length.
    prefixes = {w[:n] for a in index for w in a.split()[:1] for n in range(1, len(w) + 1)}
    i = 0
    while i < len(doc):
        hit = None
        if doc[i].text[:1].isupper() and doc[i].text.split(None, 1)[0] in prefixes:
            # Up to MAX_NAME_WORDS words, each maybe hyphenated ("Jae" "-" "in").
            for j in range(min(len(doc), i + 3 * MAX_NAME_WORDS), i, -1):
                words = spelled(doc, i, j)
                # A lone word counts when tagged a name, or when it is part of a full name the
                # article gives (the tagger reads a sentence-initial surname as an adjective).
                if words in index and (" " in words or doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PERSON"
                                       or " " in index[words].name):
                    hit = (j, index[words])
                    break
        if hit is None:
            i += 1
            continue
        j, person = hit
        while j > i + 1 and doc[j - 1].is_space:
            j -= 1  # the words normalise spaces away; the name ends at its last word
        for k in range(i, j):
            table.at[k] = (person, doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
        person.mentions += 1
        table.first_seen.setdefault(person.name, doc[i].idx)
        i = j
