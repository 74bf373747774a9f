"""Places a heading line names: "Meeting #1 — 29 May 2017, Versailles", "## Meeting 3: Hamburg, 7 July
2017", "18 July 2024 — Blenheim Palace", "Bormes-les-Mimosas (Fort de Brégançon)"."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .. import gazetteer
from ..lexicons import Lexicons
from ..people.mislabels import CALENDAR_WORDS
from ..text.sentences import doc_text
from ..wordlists import data, words
from .cities import as_written, pick_city
from .headings import heading_number
from .locatives import aliases
from .venue_towns import venue_towns

# A heading's parts: "Meeting #1 — 29 May 2017, Versailles", "## Meeting 3: Hamburg, 7 July 2017".
_HEADER_PART = re.compile(r"[^,;:|/—–#()\[\]]+")
_PAREN = re.compile(r"\(([^()]+)\)")


def header_place(sent: Span, lex: Lexicons) -> tuple[list[tuple[int, int, str, str | None]], list[tuple[int, int]]]:
    """Places a heading line names: (start, end, city, country) for each part that is a known city
    or a capitalised name with no digits, meeting word or country in it; and the character spans
    of parenthesised names after them ("Bormes-les-Mimosas (Fort de Brégançon)"), the venues."""
    text, base = sent.text, sent.start_char
    if (number := heading_number(text, lex)) is not None:
        # "Second: St Petersburg, May 2018": the list's number is no place.
        cut = number.end_char
        text, base = text[cut:], base + cut
    nouns = words(lex, "meeting_nouns")
    al = aliases(lex)
    venues = [(base + m.start(1), base + m.end(1)) for m in _PAREN.finditer(text) if m.group(1)[:1].isupper()]
    # A spaced hyphen parts a heading as a dash does ("27 September 2014 - New York"); a name's own
    # hyphens have no spaces ("Bormes-les-Mimosas"). Same length, so the offsets hold.
    plain = _PAREN.sub(lambda m: " " * len(m.group(0)), text).replace(" - ", " | ")
    cities, towns = [], venue_towns(sent.doc, lex)
    for m in _HEADER_PART.finditer(plain):
        part = m.group(0).strip()
        start = base + m.start() + m.group(0).index(part) if part else 0
        tokens = part.split()
        if not tokens or any(c.isdigit() for c in part) or any(w.lower() in nouns for w in tokens):
            continue
        if any(w.rstrip(".").lower() in CALENDAR_WORDS for w in tokens):
            continue  # "Thursday, June 27, 2019 | Osaka": the weekday is the date's
        outer = gazetteer.as_country(part, al) or data(lex, "regions").get(part) or (
            gazetteer.as_country("United States", al) if gazetteer.is_us_state(part) else None)
        if outer and cities:
            # "Mar-a-Lago, Palm Beach, Florida", "Bali, Indonesia": the state, region or country
            # after a town says which town of that name it is.
            s0, e0, name, country = cities[-1]
            if country != outer:
                written = doc_text(sent.doc)[s0:e0]
                cities[-1] = (s0, e0, *(pick_city(written, [outer], lex, strict=True) or (written, outer)))
            continue
        if not all(w[:1].isupper() or "-" in w for w in tokens) or gazetteer.as_country(part, al):
            continue
        if part.lower() in words(lex, "section_labels"):
            continue  # "Explainer — 17 October 2021": the kind of piece, not a place
        if isinstance(data(lex, "landmarks").get(part.removeprefix("The ").removeprefix("the ")), str) or (
                part in towns):
            # "— White House": a seat in its city, whatever GeoNames says; "— Seri Perdana, Putrajaya"
            # over "Seri Perdana, the prime minister's official residence in Putrajaya".
            venues.append((start, start + len(part)))
            continue
        found = as_written(gazetteer.cities(part), part)
        if not found and (k := _town_after_venue(tokens, lex)):
            # "1) State House Entebbe — Friday, 22 August 2014": the building, then its town.
            town = " ".join(tokens[k:])
            at = start + part.rindex(town)
            venues.append((start, start + len(part)))
            cities.append((at, at + len(town), *(pick_city(town, [], lex, strict=False) or (town, None))))
            continue
        if not found and {tokens[0].lower(), tokens[-1].lower()} & words(lex, "venue_words"):
            # "18 July 2024 — Blenheim Palace", "— Hotel Atlantic, Hamburg": a venue, not a town
            venues.append((start, start + len(part)))
            continue
        # "12 May 2019 — Bali": the island, not the town in Cameroon.
        city, country = pick_city(part, [], lex, strict=False) or (part, None)
        cities.append((start, start + len(part), city, country))
    return cities, venues


def _town_after_venue(tokens: list[str], lex: Lexicons) -> int | None:
    """Where a town GeoNames knows ends a building's name that a venue word opens ("State House Entebbe")."""
    venue = words(lex, "venue_words")
    # The building's name ends on its venue word: "State House", not "Hotel Atlantic" (a name after it).
    return next((k for k in range(2, len(tokens)) if tokens[k - 1].lower() in venue
                 and gazetteer.cities(" ".join(tokens[k:]))), None)
