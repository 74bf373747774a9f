"""Institutions that speak, named as the report writes them: "China's foreign ministry", "the
Chilean presidency", "the Prime Minister's Office". Only the phrase is read here; the caller gives
the lexicons."""

from __future__ import annotations

from spacy.tokens import Token

from .. import gazetteer
from ..lexicons import Lexicons
from .descriptions import ARTICLES
from .spelling import POSSESSIVE
from ..text.sentences import doc_text, ent_at
from ..wordlists import data, words

# Words that point back at a body already named ("the same ministry", "the said office").
_BACK_WORDS = frozenset({"same", "said", "aforementioned", "that", "this"})



def institution_name(tok: Token, lex: Lexicons, role_words: frozenset[str]) -> tuple[str, int] | None:
    """The name of the institution ``tok`` heads and where its words start, when a place or a
    title owns it; None otherwise (a person's office is ``persons_body``'s)."""
    if tok.lemma_.lower() not in words(lex, "institution_words"):
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    text = doc_text(tok.doc)
    if owner is None:
        # "the Chilean presidency": a demonym owns it as a country's name would.
        people = next((d for c in tok.children
                       if c.dep_ in {"amod", "compound", "nmod"} and (d := _demonym_at(c, lex)) is not None), None)
        return (text[people.start_char : tok.idx + len(tok)], people.start_char) if people is not None else None
    if _demonym_of(owner.text, lex) is not None:
        # As the text writes it ("Uganda's foreign ministry", "Seoul's Foreign Ministry"): the
        # annotation names a source as the text presents it.
        return text[owner.idx : tok.idx + len(tok)], owner.idx
    start = tok.doc[owner.left_edge.i + (owner.left_edge.lower_ == "the")]
    title = tok.doc[start.i : owner.i + 1]
    # "the Prime Minister's Office", "the Israeli Prime Minister's Office"
    if all(t.lower_ in role_words for t in title[1 if title[0].text in lex.demonyms else 0 :]):
        return text[start.idx : tok.idx + len(tok)], start.idx
    return None


def persons_body(tok: Token, lex: Lexicons, named: dict[int, tuple]) -> tuple[str, int, int] | None:
    """"Yoon's office said": a named person's office (or government, embassy) speaks as that body,
    named as the text writes it, with where its words start and end. ``named``: token index ->
    (person, start, end) of the article's names."""
    if tok.lemma_.lower() not in words(lex, "institution_words"):
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.i in named), None)
    if owner is None:
        return None
    start, end = named[owner.i][1], tok.idx + len(tok)
    return doc_text(tok.doc)[start:end], start, end


def proper_run(body: Token, noun: Token) -> tuple[str, int, int] | None:
    """"a Cheong Wa Dae official": the proper nouns the parse hung one by one on the noun, read as
    one name, when NER marked none of them as a longer name; with where it starts and ends."""
    doc = body.doc
    left = right = body.i
    while left > 0 and doc[left - 1].head.i == noun.i and doc[left - 1].pos_ == "PROPN":
        left -= 1
    while right + 1 < noun.i and doc[right + 1].head.i == noun.i and doc[right + 1].pos_ == "PROPN":
        right += 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    if right == left or any(t.ent_iob_ == "B" and t.i > left for t in doc[left : right + 1]) \
            or "\n" in doc_text(doc)[start:end]:
        return None
    return doc_text(doc)[start:end], start, end


def earlier_body(tok: Token, lex: Lexicons) -> str | None:
    """"the Ministry announced", "the presidential office said": a body named in full earlier
    ("Ministry of External Affairs", "Office of the President"), the latest one whose name holds
    the phrase's words; a proper name before a description ("Malaysia's foreign ministry")."""
    if tok.lemma_.lower() not in words(lex, "institution_words"):
        return None
    doc = tok.doc
    if doc[tok.left_edge.i].lower_ not in {"the", "that", "this"} or tok.right_edge.i != tok.i:
        return None
    phrase = [t for t in doc[tok.left_edge.i : tok.i] if t.is_alpha and t.lower_ not in ARTICLES | _BACK_WORDS]
    if any(t.pos_ == "PROPN" or t.text in lex.demonyms for t in phrase):
        return None  # it names its own owner
    stems = [t.lower_[:6] for t in phrase]
    found: list[tuple[int, str]] = []
    for t in reversed(doc[: tok.left_edge.i]):
        if t.lemma_.lower() != tok.lemma_.lower():
            continue
        if t.ent_type_ == "ORG" and t.text[:1].isupper():
            ent = ent_at(doc, t.i)
            name = doc_text(doc)[ent[1 if ent[0].lower_ in ARTICLES else 0].idx : ent.end_char]
            rank = 0
        elif t.text[:1].isupper() and (titled := _titled_name(t)) is not None:
            name, rank = titled, 0  # "Office of the President", which NER left unmarked
        elif (inst := institution_name(t, lex, frozenset())) is not None:
            name, rank = inst[0], 1
        else:
            continue
        low = name.lower()
        if all(s in low for s in stems):
            found.append((rank, name))
    return min(found, key=lambda f: f[0])[1] if found else None


def _titled_name(head: Token) -> str | None:
    """"Office of the President": a capitalised head and what hangs on it, all capitalised words or
    small glue words; None for one word alone."""
    doc = head.doc
    span = doc[head.i : head.right_edge.i + 1]  # from the head: a blog's label before it is no part
    span = span[: next((t.i - head.i for t in span if t.is_space), len(span))]
    if len(span) < 3 or not all(t.text[:1].isupper() or t.lower_ in {"of", "the", "for", "and"} for t in span):
        return None
    return doc_text(doc)[span.start_char : span.end_char]


def untitled(name: list[Token], role_words: frozenset[str], lex: Lexicons | None, entity_start: int) -> list[Token]:
    """The tokens of a proper name without the title words the parse put before the entity NER
    found ("Spokesman An [Fengshan]"), unless they name a body ("Foreign Ministry")."""
    bodies = words(lex, "institution_words") if lex is not None else frozenset()
    while len(name) > 1 and name[0].i < entity_start and name[0].lower_ in role_words and name[1].text[:1].isupper() \
            and name[-1].lemma_.lower() not in bodies:
        name = name[1:]
    return name


def organisation_name(tok: Token, role_words: frozenset[str], demonyms: dict[str, str],
                      lex: Lexicons | None) -> tuple[str, int, int] | None:
    """The name a proper noun phrase gives ("the Elysée", "Downing Street"), without "the" or "'s",
    with where its words start (a "the" before them included) and end; None when nothing is left."""
    doc = tok.doc
    ent = ent_at(doc, tok.i)
    if ent is None:  # a proper name NER missed: the name words themselves ("Human Rights Watch")
        first = tok.i
        while first > 0 and doc[first - 1].dep_ == "compound" and first <= doc[first - 1].head.i <= tok.i \
                and doc[first - 1].lower_ not in role_words:
            first -= 1
        ent = doc[first : tok.i + 1]
    # NER sometimes leaves part of the name out ("the State [Department]"): the compounds count.
    first = min([ent.start] + [c.i for c in ent.root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
    name = [t for t in doc[first : ent.end] if not (t.i == first and t.lower_ in ARTICLES)]
    name = name[:-1] if name and POSSESSIVE.fullmatch(name[-1].text) else name
    if not name:
        return None
    text = doc_text(doc)
    name = [t for t in name if "\n" not in text[t.idx : name[-1].idx]]  # not a blog's time line
    name = name[1:] if len(name) > 1 and name[0].lower_ in ARTICLES else name
    openers = lex.extra.get("opening_adverbs", ()) if lex is not None else ()
    name = name[1:] if len(name) > 1 and name[0].lower_ in openers else name  # "Afterwards Downing Street"
    name = untitled(name, role_words, lex, ent.start)  # "Spokesman An Fengshan": NER took a name for a body
    while len(name) > 1 and name[-1].lower_ in {"of", "the"}:
        name = name[:-1]  # NER stopped short of the state ("the Office of the President of [Ecuador]")
    name = _owner_before(name, lex) + _fullest(name) + _of_state(name, lex)
    written = POSSESSIVE.sub("", text[name[0].idx : name[-1].idx + len(name[-1])])
    if ent.label_ == "NORP":
        written = demonyms.get(written, written)
    start = doc[name[0].i - 1].idx if name[0].i > 0 and doc[name[0].i - 1].lower_ == "the" else name[0].idx
    return written, start, name[-1].idx + len(POSSESSIVE.sub("", name[-1].text))


def _owner_before(name: list[Token], lex: Lexicons | None) -> list[Token]:
    """"the [Israeli] Prime Minister's Office": the people whose body it is, written before a name
    NER marked without them, are part of the name as written (a possessive is not: "India's
    Ministry of External Affairs" is the Ministry of External Affairs)."""
    doc, k = name[0].doc, name[0].i
    bodies = words(lex, "institution_words") if lex is not None else frozenset()
    if lex is None or k < 2 or not any(t.lemma_.lower() in bodies for t in name):
        return []
    if doc[k - 1].ent_type_ == "NORP":
        owner = ent_at(doc, k - 1)
        return list(doc[owner.start : k]) if owner.end == k and owner.text in lex.demonyms else []
    return []


def _demonym_at(tok: Token, lex: Lexicons):
    """The demonym ``tok`` is, or is a word of ("South [African]"), as a span; None otherwise."""
    if tok.text in lex.demonyms:
        return tok.doc[tok.i : tok.i + 1]
    ent = ent_at(tok.doc, tok.i)
    return ent if ent is not None and ent.label_ == "NORP" and ent.text in lex.demonyms else None


def _of_state(name: list[Token], lex: Lexicons | None) -> list[Token]:
    """"Ministry of Foreign Affairs [of Malaysia]": the state a body's name goes on to, which NER
    left outside it."""
    doc, end = name[0].doc, name[-1].i + 1
    if lex is None or name[0].lemma_.lower() not in words(lex, "institution_words") or end + 1 >= len(doc) \
            or doc[end].lower_ != "of" or doc[end + 1].ent_type_ != "GPE" or doc[end + 1].ent_iob_ != "B":
        return []
    state = ent_at(doc, end + 1)
    return list(doc[end : state.end])


def _fullest(name: list[Token]) -> list[Token]:
    """A body named short ("the Security Council", "Tribune") as the fullest name the text writes
    it with proper nouns before it ("UN Security Council", "Sudan Tribune")."""
    doc, size = name[0].doc, len(name)
    words_ = [t.text for t in name]
    best = name
    for i in _positions(doc).get(words_[-1], ()):
        start = i - size + 1
        if start < 0 or [t.text for t in doc[start : i + 1]] != words_ or (
                i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"):
            continue  # "Malaysia" inside "Royal Malaysia Police" is no short name of it
        # Only words of the one body NER marks ("the UN Security Council"), not "Grand Kremlin Palace".
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == "ORG" \
                and doc[start - 1].text[:1].isalpha() and doc[start - 1].lower_ not in ARTICLES:
            start -= 1
        if i + 1 - start > len(best):
            best = list(doc[start : i + 1])
    return best


def _positions(doc) -> dict[str, list[int]]:
    """Where each word stands in the document, read once per document."""
    key = "extract_word_positions"
    if key not in doc.user_data:
        found: dict[str, list[int]] = {}
        for t in doc:
            found.setdefault(t.text, []).append(t.i)
        doc.user_data[key] = found
    return doc.user_data[key]


def _demonym_of(place: str, lex: Lexicons) -> str | None:
    """"China" -> "Chinese"; a capital or great city stands for its country ("Ankara"). A place
    with a demonym owns a state's institution ("Ankara's foreign ministry")."""
    aliases = data(lex, "country_names")
    country = gazetteer.as_country(place, aliases)
    if country is None and (found := gazetteer.cities(place)) and found[0].population >= 500_000:
        country = gazetteer.country_name(found[0].country_code, aliases)
    return next((d for d, c in lex.demonyms.items() if c == country), None) if country else None
