"""A name as the text spells it: the words of tokens ``i:k`` sliced from the text, and how many
words they count (a particle such as "da" or "von" counts none)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..text.sentences import doc_text

# Lower-case words inside names: "Luiz Inácio Lula da Silva", "Ursula von der Leyen".
PARTICLES = {"al", "bin", "de", "der", "van", "von", "da", "di", "la", "le", "ibn", "el"}


@lru_cache(maxsize=8)
def _offsets(doc: Doc) -> list[int]:
    """Each token's first character, then the text's length: the characters of tokens ``i:k``
    are ``text[offsets[i]:offsets[k]]`` (with the last one's trailing space)."""
    return doc.to_array("IDX").tolist() + [len(doc_text(doc))]


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
