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

from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from ..lexicons import Lexicons
from ..text.paragraphs import headline_line
from ..text.sentences import apposed_to, doc_text
from .placenames import is_major_place as _is_major_place, is_place as _is_place, only_placed as _only_placed
from .mislabels import CALENDAR as _CALENDAR, coordinated_names, left_out, mislabelled, named_bodies, speaking_names
from .spelling import GENERATIONAL, PARTICLES, count_words, hyphen_end, hyphen_start, name_word, spelled

_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
# An abbreviated honorific before a name ("Mr.", "Ms.", "Dr.", "Gen."): a short capitalised word
# with a final period, never a name word itself.
_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,3}\.$")
_INITIAL = re.compile(r"[A-Z]\.")
_PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Scraped text glues words ("the meetingSmith said"): a lower-to-upper change starts a new word.
_GLUED = re.compile(r"^[a-z]+(?=[A-Z][\w'’.-]+$)")
MAX_NAME_WORDS = 4
# The Arabic article a surname carries written in full and drops alone ("al-Sisi", "Sisi").
_ARTICLE = re.compile(r"^(?:al|el|Al|El)[-‐]")
_SUFFIXES = {*GENERATIONAL, "MP", "MEP", "QC", "KC"}  # written with a name, not a word of it


@dataclass
class Person:
    """One person as the article names them."""

    name: str  # canonical: the fullest form the article gives
    aliases: set[str] = field(default_factory=set)  # every form seen, surname included
    country: str | None = None  # from "Chilean President ..." via the demonym lexicon
    titles: set[str] = field(default_factory=set)  # role words seen before the name
    mentions: int = 0
    first_offset: int = 0

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


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
    return roles | set(lex.extra.get("title_words", ())) | honorifics


def _forms(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """Token ranges that spell a person's name: PERSON entities and capitalised words after a title."""
    titles = _title_words(lex)
    demonyms = set(lex.demonyms)
    openers = lex.extra.get("opening_adverbs", frozenset())
    honorifics = set(lex.extra.get("speaker_roles", {}).get("honorifics", {}))
    # How often each word is tagged a place and a person: "Lima" glued to a name is a place.
    place = Counter(t.text for e in doc.ents if e.label_ in _PLACE_LABELS for t in e)
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
                and not _POSSESSIVE.fullmatch(doc[k].text):
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
            titled = titled or i > 1 and _POSSESSIVE.fullmatch(doc[i - 1].text) and gazetteer.as_country(doc[i - 2].text, {}) \
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
    languages = lex.extra.get("languages", ())
    for word in singles:
        if _only_placed(doc, spans, word, lex):
            continue
        owner = _owner(word, persons)
        if owner is not None:
            owner.aliases.add(word)
        elif word in {spelled(doc, i, k) for i, k in spans} and word.lower() not in languages:
            persons.append(Person(name=word, aliases={word}, first_offset=first_at.get(word, 0)))
    _lengthen(doc, lex, persons)
    _honour(doc, lex, persons)
    return tuple(persons)


def _honour(doc: Doc, lex: Lexicons, persons: list[Person]) -> None:
    """A one-word name the text writes after an honorific that belongs to it ("Sheikh Hasina"):
    the honorific is part of the name, as she is known by no other."""
    kept = lex.extra.get("speaker_roles", {}).get("name_honorifics", ())
    single = {p.name: p for p in persons if " " not in p.name}
    if not kept or not single:
        return
    # Found in the text, not token by token: a Token object per word is the slow part.
    pattern = re.compile(rf"\b({'|'.join(re.escape(h.title()) for h in kept)})\s+([\w'’-]+)")
    for m in pattern.finditer(doc_text(doc)):
        p = single.pop(m.group(2), None)
        if p is not None:
            p.aliases.add(p.name)
            p.name = f"{m.group(1)} {p.name}"
            p.aliases.add(p.name)


def _lengthen(doc: Doc, lex: Lexicons, persons: list[Person]) -> None:
    """A one-word name that the text also writes with a first name NER missed ("- Maria Lopez and",
    "Moon Jae-in")."""
    titles = _title_words(lex)
    # Where each one-word name is written, found in one pass rather than one per name.
    at: dict[str, list[int]] = {p.name: [] for p in persons if " " not in p.name}
    # A "place" that ends on one of those names is a person NER mislabelled ("Thabo Mbeki" as a GPE).
    places = {t.text for e in doc.ents if e.label_ in _PLACE_LABELS and not any(w.text in at for w in e[1:]) for t in e}
    for tok in doc:
        if tok.text in at:
            at[tok.text].append(tok.i)
    # A one-word "person" the text only ever writes before another one-word name is that name's given
    # name ("Ebrahim" of "Ebrahim Raisi", when NER tagged the pair an organisation but the parts people).
    only_before = {n: {doc[i + 1].text if i + 1 < len(doc) and doc[i].whitespace_ else None for i in where}
                   for n, where in at.items()}
    for p in persons:
        if " " in p.name:
            continue
        seen = Counter()
        others = [q for q in persons if q is not p and only_before.get(q.name) != {p.name}]
        for i in at[p.name]:
            # Given names before it, up to a full name's length ("Recep Tayyip" before "Erdoğan").
            a = i
            while a > 0 and i - a < MAX_NAME_WORDS - 1 and _given_name(doc[a - 1], others, titles, places, lex):
                a -= 1
            if a < i:
                a = hyphen_start(doc, a)  # "Kassym-Jomart" before "Tokayev"
                seen[f"{doc[a:i].text} {p.name}"] += 1
            # A hyphenated given name after it: "Moon Jae-in", "Yoon Young-chan".
            end = hyphen_end(doc, i + 2) if i + 2 < len(doc) else i + 2
            if a == i and end > i + 2 and doc[i].whitespace_ and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha:
                seen[f"{p.name} {doc[i + 1 : end].text}"] += 1
        if seen:
            p.aliases.add(p.name)
            p.name = seen.most_common(1)[0][0]
            p.aliases.add(p.name)
    absorbed = {q.name for q in persons for p in persons
                if q.name in p.name.split()[:-1] and only_before.get(q.name) == {p.surname}}
    persons[:] = [q for q in persons if q.name not in absorbed]


def _given_name(prev: Token, persons: list[Person], titles: set[str], places: set[str], lex: Lexicons) -> bool:
    return (prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and bool(prev.whitespace_)
            and prev.lower_ not in titles and prev.text not in lex.demonyms and prev.text not in places and prev.text not in _CALENDAR
            and not any(prev.text in q.name.split() for q in persons))


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1)):
        return True
    return longer[0] == shorter[0] and longer[-1] == shorter[-1]


def _same_words(a: str, b: str) -> bool:
    """"KISHIDA Fumio" and "Fumio Kishida": the same words, the family name in capitals and first."""
    return a != b and sorted(w.casefold() for w in a.split()) == sorted(w.casefold() for w in b.split())


def _capitalised_family(name: str) -> bool:
    return any(len(w) > 1 and w.isupper() for w in name.split())


def _runs_on(longer: list[str], shorter: list[str], singles: set[str]) -> bool:
    """A longer form that only runs a full name on into more words ("the Donald Trump Nagrik
    Abhinandan Samiti", a committee) is not that person's fuller name when the text writes the
    shorter form's surname alone and never the longer one's."""
    n = len(shorter)
    return (len(longer) > n and longer[:n] == shorter and shorter[-1] in singles
            and longer[-1] not in singles)


def _owner(word: str, persons: list[Person]) -> Person | None:
    """The person a lone name word means: the earliest introduced with it as last word, else as
    first, else the one full name it stands inside."""
    for pos in (-1, 0):
        cands = [p for p in persons if len(p.name.split()) > 1 and _ARTICLE.sub("", p.name.split()[pos]) == word]
        if cands:
            return min(cands, key=lambda p: p.first_offset)
    # A word inside one full name only: "Lula" of "Luiz Inácio Lula da Silva".
    inner = [p for p in persons if word in p.name.split()[1:-1] and word.lower() not in PARTICLES]
    return inner[0] if len(inner) == 1 else None


def _locate(doc: Doc, table: NameTable) -> None:
    index = {a: p for p in table.people for a in p.aliases | {p.name}}
    for tok in doc:
        text = _POSSESSIVE.sub("", tok.text)
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
