"""A name as the text spells it: the words of tokens ``i:k`` sliced from the text, how many words
they count (a particle such as "da" or "von" counts none), and where a hyphenated name word the
tokenizer split ("Jae" "-" "in", "Anne" "-" "Marie") starts and ends, and whether a token can be a word of
a name at all."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..text.sentences import doc_text

# Lower-case words inside names: "Luiz Inácio Lula da Silva", "Ursula von der Leyen".
_INITIAL = re.compile(r"[A-Z]\.")
# An owner's ending, straight or curly: "Putrajaya's", "the Obamas'".
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
PARTICLES = {"al", "bin", "de", "der", "van", "von", "da", "di", "la", "le", "ibn", "el"}


@lru_cache(maxsize=8)
def _offsets(doc: Doc) -> list[int]:
    """Each token's first character, then the text's length: the characters of tokens ``i:k``
    are ``text[offsets[i]:offsets[k]]`` (with the last one's trailing space)."""
    return doc.to_array("IDX").tolist() + [len(doc_text(doc))]

# The most words (particles aside) a person's name runs to: "Luiz Inácio Lula da Silva".
MAX_NAME_WORDS = 4


def spelled(doc: Doc, i: int, k: int) -> str:
    # As written, so a hyphenated name stays whole ("Moon Jae-in"), with spaces normalised.
    # Sliced from the text, not ``doc[i:k].text``: this runs for every capitalised token and
    # each length of name after it, and a Span joins its tokens anew each time.
    k = min(k, len(doc))
    if i >= k:
        return ""
    offsets = _offsets(doc)
    return " ".join(doc_text(doc)[offsets[i] : offsets[k]].split())


def count_words(doc: Doc, i: int, k: int) -> int:
    """How many words the tokens ``i:k`` spell ("Jae-in" is one; a particle, "da", "von", none)."""
    return sum(w.lower() not in PARTICLES for w in spelled(doc, i, k).split())


def hyphen_end(doc: Doc, k: int, limit: int | None = None) -> int:
    """End of the name word ending before token ``k``, over hyphenated parts the tokenizer split
    off ("Moon Jae" + "-" + "in"): a hyphen with no space on either side and a word after it."""
    limit = len(doc) if limit is None else limit
    while (k + 1 < limit and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
           and doc[k + 1].is_alpha):
        k += 2
    return k


def hyphen_start(doc: Doc, i: int) -> int:
    """Start of the name word at token ``i`` over hyphenated parts before it that NER left out
    ("Anne" + "-" + "Marie Trevelyan"): a hyphen with no space on either side and a word written
    like a name before it (not a heading's "TIMELINE-")."""
    while (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
           and doc[i - 2].is_alpha and doc[i - 2].text.istitle()):
        i -= 2
    return i


def name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or (tok.lower_ in PARTICLES and tok.i > 0) or _initial(tok)


def _initial(tok: Token) -> bool:
    """"J." in "Donald J. Trump", "S." in "Dr. S. Jaishankar": an initial before a name word (or
    another initial: "V. K. Singh")."""
    if _INITIAL.fullmatch(tok.text) is None:  # most words: no Token objects made for the words after
        return False
    doc = tok.doc
    j = tok.i
    while j < len(doc) - 1 and _INITIAL.fullmatch(doc[j].text) is not None and doc[j].whitespace_:
        j += 1
    return j > tok.i and doc[j].text[:1].isupper() and doc[j].is_alpha


# Written after a name, not a word of it ("Ferdinand Marcos Jr").
GENERATIONAL = ("Jr", "Sr", "II", "III", "IV")


def as_written(name: str, text: str) -> str:
    """``name`` with the generational suffix the text writes after it ("Ferdinand Marcos Jr"):
    the names are matched without it, but ANNOTATION.md's canonical name is the fullest form. Not
    when the text also writes the full name without it: "Donald Trump" and his son "Donald Trump Jr."
    are two people."""
    if not any(f"{name} {w}" in text for w in GENERATIONAL):
        return name  # most texts write none: no pattern to build
    suffix = "|".join(rf"{w}\.?" for w in GENERATIONAL)
    found = list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])( (?:{suffix})(?![\w-]))?", text))
    if not found or " " in name and not all(m.group(1) for m in found):
        return name
    return name + next(m.group(1) for m in found if m.group(1))


def names_follow(doc: Doc, i: int) -> bool:
    """Whether a name starts at token ``i``: the words before it are a title ("Russian Defence
    Minister Sergei Shoigu"), or one the name stands in apposition to ("the Lebanese prime
    minister, Najib Mikati")."""
    if i + 1 < len(doc) and doc[i].text == "," and not doc[i + 1].is_sent_start:
        i += 1
    return i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
