"""Names NER labels wrongly: full names it took for a place or a body ("Olaf Scholz" an ORG,
"Recep Tayyip Erdogan" an ORG) and given names it left out of a full name ("Luiz" before
"Inácio Lula da Silva"). ``names`` adds what these find to the forms it reads from PERSON entities."""

from __future__ import annotations

import calendar
from collections import Counter

from spacy.attrs import DEP, POS
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.tokens import Doc, Token

from ..lexicons import Lexicons
from .placenames import is_major_place, is_place as _is_place
from .spelling import PARTICLES, name_word

# "In September Erdoğan said": a month or weekday before a name is no given name.
CALENDAR = set(calendar.month_name[1:]) | set(calendar.day_name)
# The same, lower-cased and short as well ("Mon, 21 Nov 2011"): no one's name.
CALENDAR_WORDS = frozenset(w.lower() for w in [*calendar.day_name, *calendar.day_abbr, *calendar.month_name[1:],
                                               *calendar.month_abbr[1:], "Tues", "Thur", "Thurs", "Sept"])


# How often NER must mislabel a lone surname before the full name it ends is read as a person's.
_MISLABELLED = 3


def named_bodies(doc: Doc, not_names: set[str], max_words: int) -> set[tuple[int, int]]:
    """A full name NER took for a body ("Recep Tayyip Erdogan" an ORG, "Luiz Inácio Lula da Silva"
    a FAC) with a word it tags, alone, as a person more than once (the surname, or the name the
    text goes by): the words are a name, not an organisation's. Name particles may stand inside."""
    alone = Counter(e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1)
    # ... or a surname NER keeps taking for a place or body, though it is none ("Buhari" a GPE,
    # "Díaz-Canel" an ORG, a dozen times each), after the one full name that ends in it.
    mislabelled = Counter(e.text for e in doc.ents if e.label_ in {"ORG", "GPE"} and " " not in e.text and e.text.istitle()
                          and not _is_place(e.text))

    def name_words(ent) -> bool:
        inner = {t.i for t in ent[1:-1] if t.lower_ in PARTICLES or t.text == "-" and not t.whitespace_}
        return all(t.i in inner or t.pos_ == "PROPN" and t.text.istitle() and t.lower_ not in not_names
                   and not _is_place(t.text) for t in ent)

    return {(ent.start, ent.end) for ent in doc.ents
            if ent.label_ in {"ORG", "FAC", "GPE", "NORP"} and 1 < sum(t.lower_ not in PARTICLES for t in ent) <= max_words
            and (alone[ent[-1].text] > 1 or len(ent) > 2 and any(alone[t.text] > 1 for t in ent[1:-1])
                 or mislabelled[ent.text.split(" ", 1)[-1]] >= _MISLABELLED)
            and name_words(ent)}


def left_out(tok: Token, titles: set[str], lex: Lexicons) -> bool:
    """A given name NER left out of the full name after it: a capitalised proper noun, tagged as
    nothing else, that no title, nationality, month or sentence adverb is."""
    return (tok.pos_ == "PROPN" and tok.is_alpha and tok.text.istitle() and tok.ent_type_ in {"", "PERSON"}
            and bool(tok.whitespace_) and tok.lower_ not in titles and tok.text not in lex.demonyms
            and tok.text not in CALENDAR and tok.lower_ not in lex.extra.get("opening_adverbs", ()) and not _is_place(tok.text))


def speaking_names(doc: Doc, lex: Lexicons, titles: set[str]) -> set[tuple[int, int]]:
    """Full names NER took for a place or body ("Olaf Scholz" an ORG) when the surname alone
    speaks ("Scholz told reporters", "Scholz said"): the full name, written somewhere as two or
    three capitalised proper nouns ending in that surname, and each time the surname stands alone.
    A surname a small town shares ("Sandu") is still one; a country's or a great city's is not."""
    verbs = lex.reporting_verbs | set(lex.extra.get("speech_verbs", ()))
    buildings = set(lex.extra.get("venue_words", ())) | titles
    landmarks = set(lex.extra.get("landmarks", {}))
    # Proper-noun subjects found from the parse arrays: a Token object per word is the slow part.
    cols = doc.to_array([DEP, POS])
    subjects = [doc[i] for i in ((cols[:, 0] == doc.vocab.strings["nsubj"]) & (cols[:, 1] == PROPN_ID)).nonzero()[0]]
    speaking = {t.text for t in subjects if t.head.lemma_.lower() in verbs
                and t.ent_type_ in {"ORG", "GPE", "FAC", "NORP", ""} and t.text[:1].isupper() and not t.text.isupper()
                and not any(c.dep_ == "compound" for c in t.children) and t.lower_ not in buildings
                and t.text not in landmarks and not is_major_place(t.text)}
    speaking -= {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}  # NER knows those
    out: set[tuple[int, int]] = set()
    if not speaking:
        return out
    full: set[str] = set()
    for t in doc:
        if t.text in speaking and t.i >= 1:
            a = t.i
            while a > 0 and t.i - a < 2 and doc[a - 1].pos_ == "PROPN" and name_word(doc[a - 1]) \
                    and doc[a - 1].lower_ not in buildings and doc[a - 1].text not in lex.demonyms \
                    and not is_major_place(doc[a - 1].text):
                a -= 1
            if a < t.i:
                out.add((a, t.i + 1))
                full.add(t.text)
    return out | {(t.i, t.i + 1) for t in doc if t.text in full}


def coordinated_names(doc: Doc, titles: set[str], lex: Lexicons) -> set[tuple[int, int]]:
    """A full name NER missed beside one it found: "Fumio Kishida and Yoon Suk Yeol held talks",
    "Yoon Suk Yeol and Fumio Kishida": two or three capitalised proper nouns, labelled nothing,
    coordinated with a PERSON."""
    out: set[tuple[int, int]] = set()
    for tok in doc:
        if tok.ent_type_ != "PERSON" or tok.ent_iob_ == "B" and tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I":
            continue  # the head word of a PERSON entity: its last token
        partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        for p in partners:
            a = min([p.i] + [c.i for c in p.lefts if c.dep_ == "compound"])
            words = doc[a : p.i + 1]
            if 1 < len(words) <= 3 and all(
                    t.pos_ == "PROPN" and t.ent_type_ == "" and t.is_alpha and t.text.istitle() and t.lower_ not in titles
                    and t.text not in lex.demonyms and t.text not in CALENDAR and not _is_place(t.text) for t in words):
                out.add((a, p.i + 1))
    return out


def mislabelled(doc: Doc, a: int, k: int) -> bool:
    """Whether NER took a titled name for a place or body: "German Chancellor Olaf Scholz" with
    "Olaf Scholz" an ORG. The entity must be just those words, right after the title, and the
    surname no city GeoNames knows."""
    ents = {doc[t].ent_type_ for t in range(a, k)}
    if len(ents) != 1 or doc[a].ent_iob_ != "B" or (k < len(doc) and doc[k].ent_iob_ == "I"):
        return False
    return not _is_place(doc[k - 1].text)
