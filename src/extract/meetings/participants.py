"""Who took part in a meeting: the principals, then the people a sentence of the section says
took part ("Taking part in the meeting on the Russian side were Foreign Minister Sergei Lavrov,
...", "Kim was accompanied by Kim Yong Chol", "Rouhani joined them")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .events import partners, subjects
from .verdict import MEETING, classify
from ..gazetteer import as_country
from ..lexicons import Lexicons
from .locatives import aliases
from ..people.mentions import Cast
from ..people.parties import Person, clean_name
from ..text.sentences import ents_in
from ..wordlists import find_phrases, words

# Scraped text glues a name to the next word of a list: "Valery Gerasimovand Special Envoy ...".
_GLUED_AND = re.compile(r"^([A-Z][a-z]{2,})and$")


def _items(sent: Span, start: int) -> list[list]:
    """The sentence from token ``start`` split into list items at commas, semicolons and "and"
    (also an "and" glued to the end of a name)."""
    items, cur = [], []
    for tok in sent.doc[start : sent.end]:
        if tok.text in {",", ";", "."} or tok.lower_ == "and":
            if cur:
                items.append(cur)
            cur = []
        elif (m := _GLUED_AND.match(tok.text)) and _next_word(sent, tok.i)[:1].isupper():
            cur.append(m.group(1))
            items.append(cur)
            cur = []
        elif not tok.is_space:
            cur.append(tok)
    if cur:
        items.append(cur)
    return items


def _next_word(sent: Span, i: int) -> str:
    for tok in sent.doc[i + 1 : sent.end]:
        if not tok.is_space:
            return tok.text
    return ""


# Entity types that cannot be part of a person's name, whatever else NER gets wrong.
_NOT_NAME = {"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}


def _tail_name(item: list, titles: frozenset[str], is_place=lambda w: False) -> str | None:
    """The name closing a list item: its last run of capitalised words, titles dropped
    ("Chief of the General Staff of Russia's Armed Forces Valery Gerasimov" -> "Valery Gerasimov";
    "Jean-Yves Le Drian" kept whole)."""
    run: list[str] = []
    k = len(item) - 1
    while k >= 0:
        t = item[k]
        w = t if isinstance(t, str) else t.text
        if (not isinstance(t, str) and t.ent_type_ in _NOT_NAME) or is_place(w):
            break
        prev = item[k - 1] if k >= 1 and not isinstance(item[k - 1], str) else None
        if w == "-" and run and prev is not None and not prev.whitespace_ and not t.whitespace_:
            run[0] = f"{prev.text}-{run[0]}"  # "Jean" "-" "Yves" -> "Jean-Yves"
            k -= 2
            continue
        if w[:1].isupper() and w.lower() not in titles and w.lower().rstrip("s") not in titles:
            run.insert(0, w)
        else:
            break
        k -= 1
    return " ".join(run) if 2 <= len(run) <= 4 else None


def _canonical(name: str, cast: Cast, people: list[Person], text: str = "") -> str | None:
    if cast.principal_named(name):
        return None
    if " " not in name:
        # A surname alone: the person of that surname the article names in full.
        full = [p.name for p in people if " " in p.name and (name in p.aliases or p.surname == name)]
        if len(full) != 1:
            return None
        name = full[0]
    # The name cleaner stops at a hyphen: "Moon Jae" is written "Moon Jae-in".
    if m := re.search(re.escape(name) + r"-\w+", text):
        return m.group(0)
    return name


def participants(section_sents: list[Span], cast: Cast, lex: Lexicons, people: list[Person], *,
                 text: str = "") -> tuple[list[str], tuple[int, int] | None]:
    """Principals first, then others named in participation sentences; with the first such
    sentence's offsets. ``text``: the article (to find a name's full hyphenated form)."""
    names = [p.name for p in cast.parties]
    where = None
    titles = words(lex, "title_words") | {w for role in lex.roles for w in role.split()}
    for sent in section_sents:
        cues = find_phrases(sent, words(lex, "participant_cues"))
        if not cues:
            continue
        found: list[str] = []
        for ent in ents_in(sent):
            if ent.label_ == "PERSON" and (name := clean_name(ent)):
                last = name.split()[-1]
                if (m := _GLUED_AND.match(last)) and _next_word(sent, ent.end - 1)[:1].isupper():
                    name = name[: -len(last)] + m.group(1)  # "Alexis Kohlerand Special ..."
                words_ = name.split()
                # NER keeps a title in the name: "Finance Ministers Bruno Le Maire".
                while len(words_) > 2 and (words_[0].lower() in titles or words_[0].lower().rstrip("s") in titles):
                    words_.pop(0)
                found.append(" ".join(words_))
        # NER misses names, or first names, inside long title lists; the list items say more.
        for item in _items(sent, sent.start):
            toks = [t for t in item if not isinstance(t, str)]
            name = _tail_name(item, titles, lambda w: bool(as_country(w, aliases(lex)) or w in lex.demonyms))
            if name is None and len(toks) == 1 and _canonical(toks[0].text, cast, people, text):
                name = toks[0].text  # a surname NER missed: "Pompeo and ... Mulvaney joined Trump"
            if name is None:
                continue
            shorter = [f for f in found if name.endswith(f) and f != name]
            found = [f for f in found if f not in shorter] + [name]
        for name in found:
            full = _canonical(name, cast, people, text)
            if full and full not in names:
                names.append(full)
                where = where or (sent.start_char, sent.end_char)
    return names, where


def _person_at(tok, people: list[Person], cast: Cast, text: str) -> str | None:
    """The full name of the person ``tok`` names, directly or through an apposition
    ("Ukraine's new president, Volodymyr Zelensky")."""
    for t in [tok, *[c for c in tok.children if c.dep_ == "appos"]]:
        ent = next((e for e in ents_in(t.doc[t.left_edge.i : t.right_edge.i + 1]) if e.label_ == "PERSON" and e.start <= t.i < e.end), None)
        if ent is not None and (name := clean_name(ent)):
            return _canonical(name, cast, people, text)
    return None


def with_them(sents: list[Span], cast: Cast, lex: Lexicons, people: list[Person], *, text: str = "") -> list[str]:
    """Others who meet together with the principals in the same breath: "Ana Duarte and Lena Berg
    sat down with Tomas Varga", "X hosted Y, Z and W": subjects and partners of a meeting word that
    reports the principals' meeting, their conjuncts included."""
    found: list[str] = []
    for sent in sents:
        verdict, evs = classify(sent, cast, lex)
        if verdict != MEETING:
            continue
        for ev in evs:
            if not ev.others:
                continue
            heads = subjects(ev.token) + partners(ev.token, words(lex, "meeting_nouns"))
            for tok in heads:
                # Only someone joined to a principal by "and": not a host greeting them
                # ("Swiss President Guy Parmelin welcomed the two leaders").
                if not any(cast.named(c.doc[c.i : c.i + 1]) for c in tok.conjuncts):
                    continue
                name = _person_at(tok, people, cast, text)
                if name and name not in found:
                    found.append(name)
    return found
