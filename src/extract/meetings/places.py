"""Where a meeting was held: city, country and named venues, read from the meeting's sentences.

Items of the sentences' locative lists (``locatives``) give venues and candidate cities; a city's
country comes from GeoNames, choosing among same-named cities the one whose country the text names
beside it, else the most populous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from .. import gazetteer
from ..lexicons import Lexicons
from .reading import since_clause
from .cities import pick_city
from .header_places import header_place
from .locatives import aliases, capitalised, country_of, locatives, place_names, someone_elses, with_someone_else
from .timeline import leading_place
from .venue_towns import venue_towns
from ..text.sentences import doc_text, ents_in
from ..wordlists import data, hits, words

# "the resort of Sochi", and the side of a town a building stands on ("the northern side of X").
_CITY_OF = re.compile(r"\b(?:city|town|village|port|resort|side) of ((?:[A-Z][\w'’-]*\s?)+)")
# "in Carbis Bay, Cornwall": a town, then the region or country it lies in.
_TOWN_IN = re.compile(r"\bin ((?:[A-Z][\w'’-]*\s?){1,3}), ((?:[A-Z][\w'’-]*\s?){1,3})")
# A dateline opening the paragraph names where the story was filed: "GENEVA, June 16, 2021 --".
_DATELINE_PLACE = re.compile(r"^([A-Z][A-Z .'’-]+[A-Z])(?:,|\s+(?:—|–|--|-)\s)")


@dataclass
class Place:
    city: str | None = None
    country: str | None = None
    venues: list[str] = field(default_factory=list)
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)


def _hints(sent: Span, lex: Lexicons) -> list[str]:
    """Countries the sentence mentions: by name, by a US state, or by a demonym."""
    out = []
    for ent in ents_in(sent):
        if ent.label_ == "GPE":
            us = gazetteer.as_country("United States", aliases(lex)) if gazetteer.is_us_state(ent.text) else None
            if c := gazetteer.as_country(ent.text, aliases(lex)) or us:
                out.append(c)
        elif ent.label_ == "NORP" and ent.text in lex.demonyms:
            out.append(lex.demonyms[ent.text])
    return out


def _apposed_state(span: Span, lex: Lexicons) -> str | None:
    """The country of a US state written right after a city ("Palm Beach, Florida")."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        ent = next((e for e in ents_in(doc[span.end + 1 : min(span.end + 4, len(doc))]) if e.start == span.end + 1), None)
        if ent is not None and gazetteer.is_us_state(ent.text):
            return gazetteer.as_country("United States", aliases(lex))
    return None


_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}


def _actor(name: Span) -> bool:
    """Whether a city name stands for its government, not a place: "a pipeline that Madrid and
    Berlin had championed", "Beijing's concerns", "urging Paris to speed up the works"."""
    root = name.root
    if root.dep_ == "conj":
        root = next((a for a in root.ancestors if a.dep_ != "conj"), root)
    urged = root.dep_ == "dobj" and any(c.dep_ == "xcomp" and c.i > root.i for c in root.head.children)
    return root.dep_ in _ACTOR_DEPS or urged


def _left_from(name: Span, lex: Lexicons) -> bool:
    """Where a journey started ("flying back from the Bastille Day parade in Paris", "on his way
    home from the G7 summit in Germany"): no place of the meeting."""
    travel = words(lex, "travel_verbs") | words(lex, "travel_nouns") | {"way"}
    path: set[str] = set()
    for tok in name.root.ancestors:
        if tok.pos_ in {"VERB", "AUX"} or tok.lower_ == "way":
            if not hits(tok, travel) or path & {"to", "into"}:
                return False
            # The parse may hang the place on the verb itself: "flying back from the parade in
            # Paris" (not "was back at the White House").
            back = any(c.lower_ in words(lex, "return_words") and any(g.lower_ == "from" for g in c.children)
                       for c in tok.children)
            return "from" in path or back
        path.add(tok.lower_)
    return False


def _issued_in(name: Span, lex: Lexicons) -> bool:
    """Where a statement was issued, not where the leaders met: "In a statement issued in Kingston"."""
    for tok in name.root.ancestors:
        if hits(tok, words(lex, "written_statements")):
            return True
        if tok.pos_ in {"VERB", "AUX"} and tok.tag_ != "VBN":
            return False  # the clause's own verb: past it, the place is the clause's
    return False


def _strip_the(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    while len(span) > 1 and span[-1].lower_ in {"'s", "’s"}:
        span = span[:-1]
    return span


def _placed_in(name: str, sents: list[Span], lex: Lexicons) -> tuple[str, str] | None:
    for sent in sents:
        if m := re.search(re.escape(name) + r" in ((?:[A-Z][\w'’-]*\s?){1,3})", sent.text):
            if got := pick_city(m.group(1).strip(), [], lex, strict=False):
                return got
    return None


def meeting_place(sents: list[Span], lex: Lexicons, *, occasion: Span | None = None,
                  home: frozenset[str] = frozenset(), principals: frozenset[str] = frozenset(),
                  header: Span | None = None) -> Place:
    """City, country and venues from ``sents``, the meeting's own sentences first.

    The city is the first one found going sentence by sentence, preferring within a sentence a
    listed GeoNames city, then "the city of X" or a city owning a region ("Singapore's Sentosa
    island"), then any other place name after "at"/"in", then any GeoNames city the sentence names;
    the occasion's name is the last resort ("Paris Summit on Climate Change"). ``home``: the
    principals' countries, which a sentence names for its people, not for its places;
    ``principals``: their name words.
    """
    place = Place()
    seen: set[str] = set()
    cands: list[tuple[int, int, str, str | None, Span]] = []  # (sentence, rank, city, country, span)
    countries: list[tuple[str, Span]] = []
    al = aliases(lex)
    towns = venue_towns(sents[0].doc, lex) if sents else {}
    if header is not None:
        # A heading over the section names its place outright: it outranks the prose.
        found, rooms = header_place(header, lex)
        for start, end, city, country in found[:1]:
            if country is None:
                # "La Malbaie, Quebec": a town GeoNames lacks is in the country of the place after it.
                country = next((c for *_, c in found[1:] if c), None) or next(
                    (c for s, e, *_ in found[1:] if (c := data(lex, "regions").get(doc_text(header.doc)[s:e]))), None)
            if (span := header.doc.char_span(start, end, alignment_mode="expand")) is not None:
                # A name GeoNames lacks that the prose places in a town ("at Sunnylands in Rancho
                # Mirage") is a venue there.
                within = _placed_in(city, sents, lex) if country is None else None
                cands.append((-1, 0, *(within or (city, country)), span))
        for start, end in rooms:
            name = doc_text(header.doc)[start:end]
            span = header.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and (city_of := data(lex, "landmarks").get(name) or towns.get(name)):
                # "1 March 2025 — Lancaster House": in London, whether or not GeoNames lists the town.
                cands.append((-1, 1, *(pick_city(city_of, [], lex, strict=False) or (city_of, None)), span))
            if name.lower() not in seen:
                seen.add(name.lower())
                place.venues.append(name)
                place.evidence.setdefault("venues", (start, end))
    for si, sent in enumerate(sents):
        # A principal's own name word is no place, whatever NER says ("between Santos and Chávez"); nor is
        # where what the meeting came after happened ("since Maduro shut the crossings near Cucuta").
        items = [it for it in locatives(sent, lex) if not _left_from(it.span, lex) and not since_clause(it.span)
                 and not _issued_in(it.span, lex)
                 and not (it.kind in {"city", "gpe"} and (with_someone_else(it.span, principals, lex)
                                                       or it.span.text in principals))]
        hints = [h for h in _hints(sent, lex) if h not in home]
        listed = [it.country for it in items if it.kind == "country" and it.country]
        in_regions, taken = [], []
        for it in items:
            if it.kind == "venue" and someone_elses(it, principals):
                continue
            if it.kind == "venue":
                name = _strip_the(it.span)
                if len(name) > 2 and name[0].text in principals and name[1].lower_ in {"'s", "’s"}:
                    name = name[2:]  # "Trump's Mar-a-Lago resort": the owner is no part of the name
                while len(name) > 1 and name[-1].text in principals:
                    name = name[:-1]  # "In the Oval Office Obama raises ...": the parse ran on into the subject
                # A building placed elsewhere in the text; where this sentence names the town itself,
                # the town's own name is the evidence.
                placed = town if (town := towns.get(name.text)) and town not in sent.text else None
                if city_of := data(lex, "landmarks").get(name.text) or placed:
                    # A seat of government names its city: "agreed at the Kremlin".
                    if got := pick_city(city_of, [], lex, strict=False):
                        cands.append((si, 2, *got, name))
                if name.text.lower() not in seen:
                    seen.add(name.text.lower())
                    place.venues.append(name.text)
                    place.evidence.setdefault("venues", (name.start_char, name.end_char))
                    place.evidence["venues"] = (place.evidence["venues"][0], name.end_char)
            if it.kind == "other" and (city_of := data(lex, "landmarks").get(_strip_the(it.span).text)):
                # A square or monument that names its city: "stood together on Red Square".
                if got := pick_city(city_of, [], lex, strict=False):
                    cands.append((si, 2, *got, it.span))
            if it.kind not in {"city", "gpe"}:
                taken.append(it.span)
            if it.kind in {"city", "gpe"} and (town := towns.get(it.span.text)):
                # "talks at Miraflores" after "the Miraflores Palace in Caracas": the building, in its town.
                cands.append((si, 2, *(pick_city(town, [], lex, strict=False) or (town, None)), it.span))
                if it.span.text.lower() not in seen:
                    seen.add(it.span.text.lower())
                    place.venues.append(it.span.text)
                    place.evidence.setdefault("venues", (it.span.start_char, it.span.end_char))
            elif it.kind == "city":
                if state := _apposed_state(it.span, lex):
                    # "Palm Beach, Florida": the American town, whether or not GeoNames lists it.
                    got = pick_city(it.span.text, [state], lex, strict=True) or (it.span.text, state)
                else:
                    got = pick_city(it.span.text, listed, lex, strict=bool(listed))
                if got:
                    cands.append((si, 0, *got, it.span))
            elif it.kind == "gpe":
                # A town GeoNames lacks takes its country from the list it stands in, the
                # sentence's countries, or the nearest known place ("south of Chennai").
                near = sorted(
                    (abs(n.start - it.span.start), c)
                    for n in place_names(sent, lex)
                    if n.start != it.span.start and (c := country_of(n.text, lex))
                )
                country = (listed or hints or [c for _, c in near] or [None])[0]
                cands.append((si, 2, it.span.text, country, it.span))
            elif it.kind == "country":
                countries.append((it.country, it.span))
            elif it.kind == "region":
                in_regions.append(it.span)
                for tok in it.span[1:]:
                    # The city owning a region: "Singapore's Sentosa island".
                    if tok.lower_ in {"'s", "’s"}:
                        owner = _strip_the(it.span.doc[it.span.start : tok.i])
                        if got := pick_city(owner.text, [], lex, strict=False):
                            cands.append((si, 1, *got, owner))
        if (lead := leading_place(sent)) is not None:
            # "* Suva, Fiji, July 2022 – on the sidelines ...": the entry's own place, first named.
            parts = [p.strip() for p in lead.text.split(",")]
            town = parts[0].split(" and ")[0]
            outer = next((c for p in parts[1:] if (c := country_of(p, lex))), None)
            got = pick_city(town, [outer] if outer else [], lex, strict=False) or (town, outer)
            if (span := sent.doc.char_span(lead.start_char, lead.start_char + len(town))) is not None:
                cands.append((si, -1, *got, span))
        for m in _TOWN_IN.finditer(sent.text):
            # "in Carbis Bay, Cornwall", "in Nusa Dua, Bali": a town GeoNames lacks, placed by the
            # region or country after it, is the city, not that region.
            town, outer = m.group(1).strip(), m.group(2).strip()
            known = gazetteer.cities(town)
            if gazetteer.as_country(town, al):
                continue
            country = gazetteer.as_country(outer, al) or data(lex, "regions").get(outer)
            if known:
                # "in Woodstock, Oxfordshire": a town GeoNames knows only in other countries.
                if country is None or any(gazetteer.country_name(c.country_code, al) == country for c in known):
                    continue
            elif country is None and (got := pick_city(outer, [], lex, strict=False)):
                country = got[1]
            span = sent.doc.char_span(sent.start_char + m.start(1), sent.start_char + m.start(1) + len(town))
            if country is not None and span is not None:
                cands.append((si, -1, town, country, span))
        for m in _CITY_OF.finditer(sent.text):
            name = m.group(1).strip()
            span = sent.doc.char_span(sent.start_char + m.start(1), sent.start_char + m.start(1) + len(name))
            if span is not None and not since_clause(span):
                got = pick_city(name, hints, lex, strict=False)
                cands.append((si, 1, *(got or (name, (hints or [None])[0])), span))
        loose = [e for e in place_names(sent, lex) if not since_clause(e) and not _issued_in(e, lex)]
        if m := _DATELINE_PLACE.match(sent.text):
            if (span := sent.doc.char_span(sent.start_char, sent.start_char + len(m.group(1)))) is not None:
                # Where the story was filed: the meeting's city only when nothing else says where
                # ("TOKYO — ... agreed at the Kremlin").
                loose = [e for e in loose if not (e.start < span.end and span.start < e.end)]
                if got := pick_city(span.text, [], lex, strict=False):
                    cands.append((len(sents), 3, *got, span))
        for ent in loose:
            inside = any(r.start <= ent.start and ent.end <= r.end for r in in_regions + taken)
            if ent.text in towns:
                continue  # a building, placed above
            if not inside and not gazetteer.as_country(ent.text, al) and not _actor(ent) and ent.text not in principals \
                    and not with_someone_else(ent, principals, lex):
                if got := pick_city(ent.text, [], lex, strict=False):
                    cands.append((si, 3, *got, ent))
    if cands:
        _, _, city, country, span = min(cands, key=lambda c: (c[0], c[1]))
        if country is None:
            # A town GeoNames lacks, alone in its sentence: the country another of the meeting's
            # sentences names ("a building on the South Korean side of the truce village"), or,
            # for a heading's town, the first country the text names (a principal's, maybe).
            country = next((h for sent in sents for h in _hints(sent, lex) if h not in home), None)
            if header is not None and span.start_char < header.end_char:
                named = [gazetteer.as_country(e.text, al) for sent in sents for e in ents_in(sent) if e.label_ == "GPE"]
                country = next((c for c in named if c), country)
        place.city, place.country = city, country
        place.evidence["city"] = (span.start_char, span.end_char)
        if country:
            place.evidence["country"] = (span.start_char, span.end_char)
    elif occasion is not None:
        # A venue or occasion named after its city: "the Paris Summit on Climate Change".
        for n in (2, 1):
            head = occasion[:n]
            if len(head) == n and all(capitalised(t) for t in head) and not gazetteer.as_country(head.text, al):
                if got := pick_city(head.text, [], lex, strict=False):
                    place.city, place.country = got
                    place.evidence["city"] = place.evidence["country"] = (head.start_char, head.end_char)
                    break
    if place.country is None and countries:
        place.country, span = countries[0]
        place.evidence["country"] = (span.start_char, span.end_char)
    return place
