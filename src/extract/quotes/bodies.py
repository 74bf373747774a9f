"""Short names of bodies the text named in full before: "the agency" after "the Saudi Press
Agency", "The ministry" after "Sudan's foreign ministry", "the office" after "the Office of the
President of Finland". A speaker is resolved where its words stand; this pass, run once every
quote has its speaker, gives such a short name the body it stands for (ANNOTATION.md: the fullest
name the article gives)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..models import Quote
from ..people.spelling import POSSESSIVE

_BODY_LABELS = {"ORG", "FAC"}
_LEADING = {"the", "same"}


def _words(name: str) -> list[str]:
    """The words that say what kind of body a name is: before any "of" ("Office of the President")."""
    head = re.split(r"\s+of\s+", name.strip(), maxsplit=1)[0]
    words = [w for w in re.split(r"[\s-]+", head.lower()) if w]
    while words and words[0] in _LEADING:
        words = words[1:]
    return words


def _shortens(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` names the same kind of body as ``full`` in fewer words, keeping its last;
    the words it leaves out qualify the body ("10 Downing Street" is an address, not a fuller name)."""
    return 0 < len(short) < len(full) and short[-1] == full[-1] and set(short) <= set(full) \
        and all(w.isalpha() or w[-2:] in {"'s", "’s"} for w in full)


def fuller_bodies(quotes: list[Quote], doc: Doc, people: set[str]) -> list[Quote]:
    """``quotes`` with each short body name replaced by the latest earlier full one it shortens.
    ``people``: the article's person names, which are never bodies."""
    named = [(e.start_char, POSSESSIVE.sub("", re.sub(r"^(?:the|The)\s+", "", e.text)))
             for e in doc.ents if e.label_ in _BODY_LABELS]
    at = [q.speaker_mention.start if q.speaker_mention is not None else q.start for q in quotes]
    out = list(quotes)
    seen: list[tuple[int, str]] = []  # earlier speakers that are bodies, as already settled
    for i in sorted(range(len(quotes)), key=lambda k: at[k]):
        q = quotes[i]
        # "Office of the President" is a full name already.
        full = not q.speaker or q.speaker in people or re.search(r"\sof\s", q.speaker)
        short = [] if full else _words(q.speaker)
        if short:
            earlier = sorted([x for x in named if x[0] < at[i]] + [x for x in seen if x[0] < at[i]])
            fits = [n for _, n in earlier if _shortens(short, _words(n))]
            if fits:
                out[i] = q = q.model_copy(update={"speaker": fits[-1]})
            seen.append((at[i], q.speaker))
    return out
