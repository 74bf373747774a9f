"""Where a meeting was held: city, country and named venues, read from the meeting's sentences.

Places are read from locative phrases ("at the Embassy of France, Villa Madama, Rome, Italy",
"in the Kremlin, Moscow", "to the Shore Temple"): each listed item is classified as a venue (a
building word, a FAC entity, or any proper name after "at"), a city (GeoNames), a country, or a
region/island (skipped). A city's country comes from GeoNames, choosing among same-named cities the
one whose country the text mentions nearby, else the most populous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from . import gazetteer
from .lexicons import Lexicons
from .sentences import ents_in, ents_overlapping
from .wordlists import data, words

# Prepositions that introduce where something happened; "on", "to" and "around" only introduce a
# venue when a building word names it ("to the Shore Temple"), since they also introduce dates/topics.
_LOCATIVE = {"at", "in", "inside", "within"}
_VENUE_ONLY = {"on", "to", "around", "into"}
_NAME_INNER = {"of", "the", "'s", "’s", "-", "&", "de", "la", "le", "del"}
_CITY_OF = re.compile(r"\b(?:city|town|village|port|resort) of ((?:[A-Z][\w'’-]*\s?)+)")
# A dateline opening the paragraph names where the story was filed: "GENEVA, June 16, 2021 --".
_DATELINE_PLACE = re.compile(r"^([A-Z][A-Z .'’-]+[A-Z]),")


@dataclass
class Item:
    span: Span  # as written, without a leading "the"
    prep: str
    kind: str = "other"  # venue, city, gpe, country, region, event, other
    country: str | None = None  # for country/state items, and hints inside regions
    had_the: bool = False  # "the Kremlin": a name with an article is rarely a town


@dataclass
class Place:
    city: str | None = None
    country: str | None = None
    venues: list[str] = field(default_factory=list)
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)


def aliases(lex: Lexicons) -> dict[str, str]:
    return data(lex, "country_names")


def country_of(name: str, lex: Lexicons) -> str | None:
    """The country a place name is in: itself for a country, the largest city of that name else."""
    al = aliases(lex)
    if country := gazetteer.as_country(name, al):
        return country
    if gazetteer.is_us_state(name):
        return gazetteer.as_country("United States", al)
    found = gazetteer.cities(name)
    return gazetteer.country_name(found[0].country_code, al) if found else None


# A bare proper name counts as a place only when it names a country or a city at least this large:
# NER often labels cities as people ("St Petersburg") and people as places.
LOOSE_CITY_MIN_POPULATION = 100_000


def place_names(sent: Span, lex: Lexicons) -> list[Span]:
    """GPE entities, and runs of proper nouns naming a country or a large city, in order."""
    out = [e for e in ents_in(sent) if e.label_ == "GPE"]
    doc, i = sent.doc, sent.start
    while i < sent.end:
        if doc[i].pos_ != "PROPN" or doc[i].ent_type_ in {"DATE", "GPE"}:
            i += 1
            continue
        j = i
        while j < sent.end and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in {"DATE", "GPE"}:
            j += 1
        run = doc[i:j]
        found = gazetteer.cities(run.text)
        if gazetteer.as_country(run.text, aliases(lex)) or (found and found[0].population >= LOOSE_CITY_MIN_POPULATION):
            out.append(run)
        i = j
    return sorted(out, key=lambda s: s.start)


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _item_end(doc, j: int, limit: int, lex: Lexicons) -> int:
    """End of the proper name starting at ``j``: capitalised words, inner "of the", a trailing
    building or region word ("Mulia hotel", "Sentosa island")."""
    tail = words(lex, "venue_words") | words(lex, "region_words")
    k = j
    while k < limit:
        t = doc[k]
        if _cap(t) and not t.is_punct:
            k += 1
        elif t.lower_ in _NAME_INNER and k + 1 < limit and (_cap(doc[k + 1]) or doc[k + 1].lower_ == "the"):
            k += 1
        elif t.lower_ in {"'s", "’s"} and k > j:
            k += 1
        elif t.lower_ in tail and k > j:
            k += 1
            break
        else:
            break
    while k > j and doc[k - 1].lower_ in _NAME_INNER:
        k -= 1
    return k


def locatives(sent: Span, lex: Lexicons) -> list[Item]:
    """Items of every locative list in ``sent``, each with the preposition that introduced it."""
    doc, items, k = sent.doc, [], sent.start
    while k < sent.end:
        prep = doc[k].lower_
        if prep not in _LOCATIVE | _VENUE_ONLY or doc[k].pos_ not in {"ADP", "SCONJ"}:
            k += 1
            continue
        j = k + 1
        while True:
            had_the = j < sent.end and doc[j].lower_ == "the"
            if had_the:
                j += 1
            if j >= sent.end or not _cap(doc[j]) or doc[j].is_punct:
                break
            end = _item_end(doc, j, sent.end, lex)
            if end <= j:
                break
            items.append(Item(doc[j:end], prep, had_the=had_the))
            # The list goes on after ", " or " and " with another proper name.
            n = end
            if n + 1 < sent.end and doc[n].text in {",", "and"}:
                n += 1
                if doc[n].lower_ == "and":
                    n += 1
                if n < sent.end and doc[n].lower_ == "the":
                    n += 1
                if n < sent.end and _cap(doc[n]) and not doc[n].is_punct and doc[n].ent_type_ != "DATE":
                    j = n if doc[n - 1].lower_ != "the" else n - 1
                    continue
            break
        k = max(k + 1, j)
    return [_classify(it, lex) for it in items]


def _ent_label(span: Span) -> str | None:
    for ent in ents_overlapping(span):
        if ent.start <= span.start and ent.end >= span.end:
            return ent.label_
        if span.start <= ent.start and ent.end <= span.end and ent.end - ent.start == len(span):
            return ent.label_
    return None


def _classify(item: Item, lex: Lexicons) -> Item:
    toks = [t.lower_ for t in item.span]
    text = item.span.text
    label = _ent_label(item.span)
    if label == "PERSON" and {"'s", "’s"} & set(toks[:-1]):
        label = None  # NER reads "Arjuna's Penance" as a person
    elif label == "PERSON" and item.prep in {"in", "at"}:
        label = "GPE"  # and "Nusa Dua", "Panmunjom": nobody meets "in" or "at" a person
    if set(toks) & words(lex, "event_words") or label == "EVENT":
        item.kind = "event"
    elif set(toks) & words(lex, "venue_words"):
        item.kind = "venue"
    elif toks[-1] in words(lex, "region_words") or label == "LOC":
        item.kind = "region"
    elif country := gazetteer.as_country(text, aliases(lex)):
        item.kind, item.country = "country", country
    elif gazetteer.is_us_state(text):
        item.kind, item.country = "country", gazetteer.as_country("United States", aliases(lex))
    elif label in {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}:
        item.kind = "other"
    elif gazetteer.cities(text):
        item.kind = "city"
    elif item.had_the and item.prep in {"at", "in"} and label in {"GPE", "ORG", None}:
        item.kind = "venue"  # "at the Elysee": a town seldom takes "the", a building does
    elif label == "GPE" or (label in {None, "ORG"} and item.prep == "in" and not item.had_the):
        item.kind = "gpe"  # "in Mamallapuram", whatever NER calls it
    elif label == "FAC" or (item.prep == "at" and label in {None, "ORG"}):
        item.kind = "venue"
    if item.kind == "venue" and item.prep not in _LOCATIVE and not set(toks) & words(lex, "venue_words"):
        item.kind = "other"
    if item.kind in {"city", "gpe"} and item.prep in _VENUE_ONLY - {"to"}:
        item.kind = "other"  # "on Climate Change" is no place
    return item


def _someone_elses(item: Item, principals: frozenset[str]) -> bool:
    """Whether the place belongs to another person's doing: "with Donald Trump's return to the
    White House" (the head of the preposition has a named possessor who is not a principal)."""
    prep_tok = item.span.doc[item.span.start - (2 if item.had_the else 1)]
    for c in prep_tok.head.children:
        if c.dep_ == "poss" and c.ent_type_ == "PERSON" and c.text not in principals:
            return True
    return False



def _hints(sent: Span, lex: Lexicons) -> list[str]:
    """Countries the sentence mentions: by name, by a US state, or by a demonym."""
    out = []
    for ent in ents_in(sent):
        if ent.label_ == "GPE":
            c = gazetteer.as_country(ent.text, aliases(lex)) or (
                gazetteer.as_country("United States", aliases(lex)) if gazetteer.is_us_state(ent.text) else None
            )
            if c:
                out.append(c)
        elif ent.label_ == "NORP" and ent.text in lex.demonyms:
            out.append(lex.demonyms[ent.text])
    return out


def _pick(name: str, hints: list[str], lex: Lexicons, *, strict: bool) -> tuple[str, str] | None:
    """GeoNames city and its country; ``strict``: refuse when the text names another country
    right beside it ("BALI, Indonesia" is not Bali, Cameroon)."""
    found = gazetteer.cities(name)
    if not found:
        return None
    al = aliases(lex)
    for city in found:
        if gazetteer.country_name(city.country_code, al) in hints:
            return city.name, gazetteer.country_name(city.country_code, al)
    if strict and hints:
        return None
    return found[0].name, gazetteer.country_name(found[0].country_code, al)


def _strip_the(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    while len(span) > 1 and span[-1].lower_ in {"'s", "’s"}:
        span = span[:-1]
    return span


def meeting_place(sents: list[Span], lex: Lexicons, *, occasion: Span | None = None,
                  home: frozenset[str] = frozenset(), principals: frozenset[str] = frozenset()) -> Place:
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
    for si, sent in enumerate(sents):
        items = locatives(sent, lex)
        hints = [h for h in _hints(sent, lex) if h not in home]
        listed = [it.country for it in items if it.kind == "country" and it.country]
        in_regions, taken = [], []
        for it in items:
            if it.kind == "venue" and _someone_elses(it, principals):
                continue
            if it.kind == "venue":
                name = _strip_the(it.span)
                if name.text.lower() not in seen:
                    seen.add(name.text.lower())
                    place.venues.append(name.text)
                    place.evidence.setdefault("venues", (name.start_char, name.end_char))
                    place.evidence["venues"] = (place.evidence["venues"][0], name.end_char)
            if it.kind not in {"city", "gpe"}:
                taken.append(it.span)
            if it.kind == "city":
                if got := _pick(it.span.text, listed, lex, strict=bool(listed)):
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
                        if got := _pick(owner.text, [], lex, strict=False):
                            cands.append((si, 1, *got, owner))
        for m in _CITY_OF.finditer(sent.text):
            name = m.group(1).strip()
            span = sent.doc.char_span(sent.start_char + m.start(1), sent.start_char + m.start(1) + len(name))
            if span is not None:
                got = _pick(name, hints, lex, strict=False)
                cands.append((si, 1, *(got or (name, (hints or [None])[0])), span))
        loose = place_names(sent, lex)
        if m := _DATELINE_PLACE.match(sent.text):
            if (span := sent.doc.char_span(sent.start_char, sent.start_char + len(m.group(1)))) is not None:
                loose.insert(0, span)
        for ent in loose:
            inside = any(r.start <= ent.start and ent.end <= r.end for r in in_regions + taken)
            if not inside and not gazetteer.as_country(ent.text, al):
                if got := _pick(ent.text, [], lex, strict=False):
                    cands.append((si, 3, *got, ent))
    if cands:
        _, _, city, country, span = min(cands, key=lambda c: (c[0], c[1]))
        if country is None:
            # A town GeoNames lacks, alone in its sentence: the country another of the meeting's
            # sentences names ("a building on the South Korean side of the truce village").
            country = next((h for sent in sents for h in _hints(sent, lex) if h not in home), None)
        place.city, place.country = city, country
        place.evidence["city"] = (span.start_char, span.end_char)
        if country:
            place.evidence["country"] = (span.start_char, span.end_char)
    elif occasion is not None:
        # A venue or occasion named after its city: "the Paris Summit on Climate Change".
        for n in (2, 1):
            head = occasion[:n]
            if len(head) == n and all(_cap(t) for t in head) and not gazetteer.as_country(head.text, al):
                if got := _pick(head.text, [], lex, strict=False):
                    place.city, place.country = got
                    place.evidence["city"] = place.evidence["country"] = (head.start_char, head.end_char)
                    break
    if place.country is None and countries:
        place.country, span = countries[0]
        place.evidence["country"] = (span.start_char, span.end_char)
    return place
