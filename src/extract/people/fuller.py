"""A name made whole: the one-word names an article writes fuller somewhere ("Mbeki" as "Thabo Mbeki"),
the honorific that is part of a name ("Sheikh Hasina"), and the words that are titles, not names
("the Amir")."""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from ..lexicons import Lexicons
from ..text.sentences import doc_text
from .mislabels import CALENDAR as _CALENDAR
from .person import Person
from .placenames import PLACE_LABELS
from .spelling import MAX_NAME_WORDS, hyphen_end, hyphen_start


def after_the(doc: Doc, words: set[str]) -> set[str]:
    """Words the text writes after "the" at least half the time: a title NER took for a name
    ("the Amir", "the Taoiseach"), not a person's own name."""
    if not words:
        return set()
    # Read as arrays: a Token object per word is the slow part, and this runs on every article.
    strings = doc.vocab.strings
    columns = doc.to_array([ORTH, LOWER])
    ids = {strings.add(w): w for w in words}
    the = strings.add("the")
    seen, titled = Counter(), Counter()
    for k, (orth, _) in enumerate(columns.tolist()):
        if orth in ids:
            seen[ids[orth]] += 1
            titled[ids[orth]] += k > 0 and columns[k - 1, 1] == the
    return {w for w in seen if 2 * titled[w] >= seen[w] and titled[w] >= 2}


def honour(doc: Doc, lex: Lexicons, persons: list[Person]) -> None:
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


def known_as(doc: Doc, lex: Lexicons, persons: list[Person]) -> list[Person]:
    """A leader's widely used nickname ("Jokowi" for Joko Widodo, data/nicknames.json) names him when
    the article also names him in full: an alias, and no one else of that name."""
    known = {k: v for k, v in lex.extra.get("nicknames", {}).items() if not k.startswith("_")}
    present = {t.text for t in doc if t.text in known}
    for nick in present:
        full = known[nick].casefold().split()
        owner = next((p for p in persons if p.name != nick and all(w in p.name.casefold().split() for w in full)), None)
        if owner is not None:
            owner.aliases.add(nick)
            persons = [p for p in persons if p.name != nick]
    return persons


def lengthen(doc: Doc, persons: list[Person], titles: set[str], lex: Lexicons) -> None:
    """A one-word name that the text also writes with a first name NER missed ("- Maria Lopez and",
    "Moon Jae-in")."""
    # Where each one-word name is written, found in one pass rather than one per name.
    at: dict[str, list[int]] = {p.name: [] for p in persons if " " not in p.name}
    # A "place" that ends on one of those names is a person NER mislabelled ("Thabo Mbeki" as a GPE).
    places = {t.text for e in doc.ents if e.label_ in PLACE_LABELS and not any(w.text in at for w in e[1:]) for t in e}
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
