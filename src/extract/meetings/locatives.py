"""Place phrases of a sentence: locative lists ("at the Embassy of France, Villa Madama, Rome,
Italy", "in the Kremlin, Moscow", "to the Shore Temple") read into items, each classified as a
venue (a building word, a FAC entity, a proper name after "at"), a city (GeoNames), a country, a
region or island, or an event; and place names anywhere in a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from .. import gazetteer
from ..lexicons import Lexicons
from ..text.sentences import ents_in, ents_overlapping
from ..wordlists import data, find_phrases, hits, words

# Prepositions that introduce where something happened; "on", "to" and "around" only introduce a
# venue when a building word names it ("to the Shore Temple"), since they also introduce dates/topics.
_LOCATIVE = {"at", "in", "inside", "within"}
_VENUE_ONLY = {"on", "to", "around", "into"}
_DETERMINERS = {"the", "his", "her", "their", "its"}
_NAME_INNER = {"of", "the", "'s", "’s", "-", "&", "de", "la", "le", "del"}


@dataclass
class Item:
    span: Span  # as written, without a leading "the"
    prep: str
    kind: str = "other"  # venue, city, gpe, country, region, event, other
    country: str | None = None  # for country/state items, and hints inside regions
    had_the: bool = False  # "the Kremlin": a name with an article is rarely a town


def aliases(lex: Lexicons) -> dict[str, str]:
    return data(lex, "country_names")


def country_of(name: str, lex: Lexicons) -> str | None:
    """The country a place name is in: itself for a country, the largest city of that name else."""
    al = aliases(lex)
    if country := gazetteer.as_country(name, al):
        return country
    if gazetteer.is_us_state(name):
        return gazetteer.as_country("United States", al)
    if (region := data(lex, "regions").get(name)) is not None:
        return region
    found = gazetteer.cities(name)
    return gazetteer.country_name(found[0].country_code, al) if found else None


# A bare proper name counts as a place only when it names a country or a city at least this large:
# NER often labels cities as people ("St Petersburg") and people as places.
LOOSE_CITY_MIN_POPULATION = 100_000


def place_names(sent: Span, lex: Lexicons) -> list[Span]:
    """GPE entities, and runs of proper nouns naming a country or a large city, in order."""
    grown = [_grown(e, sent.end) for e in ents_in(sent) if e.label_ == "GPE"]
    out = [e for e in grown if not any(g.start <= e.start and e.end <= g.end and len(g) > len(e) for g in grown)]
    doc, i = sent.doc, sent.start
    while i < sent.end:
        if (caps := _capital_place(doc, i, sent.end)) is not None:
            out.append(caps)  # "July 8, 2017 - HAMBURG.": NER reads it into the date
            i = caps.end
            continue
        if doc[i].pos_ != "PROPN" or doc[i].ent_type_ in {"DATE", "GPE"} or any(e.start <= i < e.end for e in out):
            i += 1
            continue
        j = i
        while j < sent.end and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in {"DATE", "GPE"}:
            j += 1
        run = doc[i:j]
        found = gazetteer.cities(run.text)
        if run.text in data(lex, "landmarks") or (
            run.root.ent_type_ in {"ORG", "FAC"} and found and all(c.name.lower() != run.text.lower() for c in found)
        ):
            i = j
            continue  # a building or body, whatever GeoNames' foreign names say ("White House")
        if gazetteer.as_country(run.text, aliases(lex)) or (found and found[0].population >= LOOSE_CITY_MIN_POPULATION):
            out.append(run)
        i = j
    return sorted(out, key=lambda s: s.start)


_LINKS = {"de", "del", "da", "do", "dos", "das", "di", "la", "de la"}


def _grown(ent: Span, end: int) -> Span:
    """The entity with the rest of a city's name NER left off: "Colonia" + "del Sacramento" (alone,
    "Colonia" is Cologne's name in Spanish)."""
    doc, j = ent.doc, ent.end
    while j < end and doc[j].lower_ in _LINKS:
        j += 1
    if j == ent.end or j >= end or not doc[j].text[:1].isupper():
        return ent
    longer = doc[ent.start : j + 1]
    return longer if any(c.name.lower() == longer.text.lower() for c in gazetteer.cities(longer.text)) else ent


def _capital_place(doc, i: int, end: int) -> Span | None:
    """A city written in capitals, dateline style, that NER took into a date ("2017 - DA NANG.")."""
    if doc[i].ent_type_ != "DATE" or not (doc[i].is_upper and doc[i].is_alpha):
        return None
    j = i
    while j < end and doc[j].is_upper and doc[j].is_alpha:
        j += 1
    found = gazetteer.cities(doc[i:j].text.title()) if len(doc[i:j].text) >= 4 else ()
    return doc[i:j] if found and found[0].population >= LOOSE_CITY_MIN_POPULATION else None


def landmarks(sent: Span, lex: Lexicons) -> list[tuple[Span, str]]:
    """Seats of government and landmarks the sentence names ("the White House"), with their city."""
    table = data(lex, "landmarks")
    out = []
    for ent in ents_in(sent):
        name = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
        if isinstance(city := table.get(name.text), str):
            out.append((name, city))
    seen = {name.start_char for name, _ in out}
    # One the small model leaves untagged: "7) May 20, 2011 — Oval Office" (as written, capitals and all).
    for a, b in find_phrases(sent, _landmark_names(lex)):
        name = sent.doc.char_span(a, b)
        if name is not None and a not in seen and isinstance(city := table.get(" ".join(name.text.split())), str):
            out.append((name, city))
    return out


@lru_cache(maxsize=8)
def _landmark_names(lex: Lexicons) -> frozenset[str]:
    return frozenset(k for k in data(lex, "landmarks") if not k.startswith("_"))


def capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _item_end(doc, j: int, limit: int, lex: Lexicons) -> int:
    """End of the proper name starting at ``j``: capitalised words, inner "of the", a trailing
    building or region word ("Mulia hotel", "Sentosa island")."""
    tail = words(lex, "venue_words") | words(lex, "region_words")
    k = j
    while k < limit:
        t = doc[k]
        if capitalised(t) and not t.is_punct:
            k += 1
        elif t.text == "-" and k > j and k + 1 < limit and not doc[k - 1].whitespace_ and not t.whitespace_:
            k += 2  # "Mar-a-Lago", "Bormes-les-Mimosas": a hyphen joins lower-case words into the name
        elif (k > j and k + 2 < limit and t.is_alpha and not t.whitespace_ and doc[k + 1].text == "-"
              and not doc[k + 1].whitespace_ and capitalised(doc[k + 2])):
            k += 3  # "Sharm el-Sheikh", "Ras al-Khaimah": a particle hyphened to the next word
        elif t.lower_ in _NAME_INNER and k + 1 < limit and (capitalised(doc[k + 1]) or doc[k + 1].lower_ == "the"):
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
        if prep not in _LOCATIVE | _VENUE_ONLY or doc[k].pos_ not in {"ADP", "SCONJ"} or _not_a_place(doc, k):
            k += 1
            continue
        j = k + 1
        while True:
            # "at the Kremlin", and "at his Sochi residence": a possessive introduces a name too.
            had_the = j < sent.end and doc[j].lower_ in _DETERMINERS
            if had_the:
                j += 1
            # "In February 2014 Abe travelled": a date after "in" is no place.
            if j >= sent.end or not capitalised(doc[j]) or doc[j].is_punct or doc[j].ent_type_ == "DATE":
                break
            end = _item_end(doc, j, sent.end, lex)
            if end <= j or doc[j:end].text.lower() in words(lex, "languages"):
                break  # "speaking in Hindi": a language, not a place
            items.append(Item(doc[j:end], prep, had_the=had_the))
            # The list goes on after ", " or " and " with another proper name.
            n = end
            if n + 1 < sent.end and doc[n].text in {",", "and"}:
                n += 1
                if doc[n].lower_ == "and":
                    n += 1
                if n < sent.end and doc[n].lower_ == "the":
                    n += 1
                # A person after the comma starts the clause ("in Buenos Aires, Trudeau, Trump and ... signed").
                if n < sent.end and capitalised(doc[n]) and not doc[n].is_punct and doc[n].ent_type_ not in {"DATE", "PERSON"}:
                    j = n if doc[n - 1].lower_ != "the" else n - 1
                    continue
            break
        k = max(k + 1, j)
    items = [_classify(it, lex) for it in items]
    for it in items:
        name = it.span
        if it.kind == "venue" and len(name) > 1 and name[-1].text.islower() and doc[name.start - 1].lower_ in _DETERMINERS - {"the"}:
            it.span = name[:-1]  # "his Sochi residence": the residence is called "Sochi"
    return items + _called(sent, lex)


def _not_a_place(doc, k: int) -> bool:
    """"according to the White House" names a source; "not in Tokyo but in ..." a place denied."""
    prev = doc[k - 1].lower_ if k > 0 else ""
    return (doc[k].lower_ == "to" and prev == "according") or prev == "not"


def _called(sent: Span, lex: Lexicons) -> list[Item]:
    """Venues named after "called"/"named" following a building word: "an inn called Otani Sanso"."""
    out, doc = [], sent.doc
    buildings = words(lex, "venue_words")
    for tok in sent:
        if tok.lower_ in {"called", "named"} and tok.i + 1 < sent.end and tok.i > sent.start:
            if doc[tok.i - 1].lemma_.lower() in buildings and capitalised(doc[tok.i + 1]):
                end = _item_end(doc, tok.i + 1, sent.end, lex)
                if end > tok.i + 1:
                    out.append(Item(doc[tok.i + 1 : end], "at", kind="venue"))
    return out


def _ent_label(span: Span) -> str | None:
    for ent in ents_overlapping(span):
        if ent.start <= span.start and ent.end >= span.end:
            return ent.label_
        if span.start <= ent.start and ent.end <= span.end and ent.end - ent.start == len(span):
            return ent.label_
    return None


# A state's namesake city this large is what "in <name>" means ("in New York", not the state).
NAMESAKE_CITY_MIN_POPULATION = 1_000_000


def _city_first(name: str, lex: Lexicons) -> bool:
    """Whether a country or state name is first a city's: a city state (its largest city has
    its name and lies in it) or a US state named after a great city."""
    found = gazetteer.cities(name)
    if not found:
        return False
    if country := gazetteer.as_country(name, aliases(lex)):
        return gazetteer.country_name(found[0].country_code, aliases(lex)) == country and found[0].name == name
    return gazetteer.is_us_state(name) and found[0].population >= NAMESAKE_CITY_MIN_POPULATION


def _described_as_building(span: Span, lex: Lexicons) -> bool:
    """Whether an apposition right after the name calls it a building: ", the building on ...",
    ", a guesthouse for ..." (the head word within the next few words)."""
    doc, k = span.doc, span.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in {"the", "a", "an"}:
        return False
    for tok in doc[k + 2 : min(k + 5, len(doc))]:
        if tok.is_punct or tok.pos_ in {"ADP", "VERB"}:
            break
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in words(lex, "venue_words"):
            return True
    return False


def _owner(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in {"'s", "’s"}


def _classify(item: Item, lex: Lexicons) -> Item:
    toks = [t.lower_ for t in item.span]
    text = item.span.text
    label = _ent_label(item.span)
    if label == "PERSON" and {"'s", "’s"} & set(toks[:-1]):
        label = None  # NER reads "Arjuna's Penance" as a person
    elif label == "PERSON" and item.prep in {"in", "at"} and not _owner(item.span):
        label = "GPE"  # and "Nusa Dua", "Panmunjom": nobody meets "in" or "at" a person ("in Biden's company" is his)
    elif label in {"PERSON", "NORP"} and item.prep in {"to", "into"} and _journey_to_a_city(item, lex):
        label = "GPE"  # "Abe travelled to Sochi", which NER takes for a person or a people
    if set(toks) & words(lex, "event_words") or label == "EVENT":
        item.kind = "event"
    elif item.prep in _LOCATIVE and _described_as_building(item.span, lex):
        item.kind = "venue"  # "at Tongilgak, the building on ...": the apposition says what it is
    elif set(toks) & words(lex, "venue_words"):
        item.kind = "venue"
    elif toks[-1] in words(lex, "region_words") or label == "LOC":
        item.kind = "region"
    elif _city_first(text, lex):
        item.kind = "city"  # "in Singapore", "in New York": a city state, a state's great city
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
    after = item.span.end
    if item.kind == "venue" and after + 1 < len(item.span.doc) and item.span.doc[after].lower_ == "of" \
            and capitalised(item.span.doc[after + 1]) and item.span[-1].lower_ in words(lex, "venue_words"):
        item.kind = "other"  # "the Black Sea resort of Sochi" describes the town
    if item.kind in {"city", "gpe"} and item.prep in _VENUE_ONLY - {"to", "into"}:
        item.kind = "other"  # "on Climate Change" is no place
    return item


def _journey_to_a_city(item: Item, lex: Lexicons) -> bool:
    """A journey's destination that GeoNames knows as a large city ("flew to Sochi"), not a
    person one talks or writes to."""
    prep = item.span.doc[item.span.start - (2 if item.had_the else 1)]
    travel = words(lex, "travel_verbs") | words(lex, "travel_nouns")
    found = gazetteer.cities(item.span.text)
    return bool(found) and found[0].population >= LOOSE_CITY_MIN_POPULATION and prep.head.lemma_.lower() in travel


def someone_elses(item: Item, principals: frozenset[str]) -> bool:
    """Whether the place belongs to another person's doing: "with Donald Trump's return to the
    White House" (the head of the preposition has a named possessor who is not a principal)."""
    prep_tok = item.span.doc[item.span.start - (2 if item.had_the else 1)]
    for c in prep_tok.head.children:
        if c.dep_ == "poss" and c.ent_type_ == "PERSON" and c.text not in principals:
            return True
    return False


def with_someone_else(place: Span, principals: frozenset[str], lex: Lexicons) -> bool:
    """Whether the place is that of a meeting with someone else, the meeting word it hangs on
    naming only other people: "talks with Egyptian President Hosni Mubarak at Sharm el-Sheikh"."""
    prep = place.root.head
    if prep.dep_ != "prep" or prep.head.i == prep.i:
        return False
    word = prep.head
    # A noun only: a verb's subject may be the principals ("the two met in Amman together with Kerry").
    if word.pos_ != "NOUN" or not hits(word, words(lex, "meeting_nouns")):
        return False
    partners = [p for c in word.children if c.dep_ == "prep" and c.lower_ in {"with", "between"}
                for p in c.children if p.dep_ == "pobj"]
    partners += [c for p in partners for c in p.conjuncts]
    return any(p.ent_type_ == "PERSON" for p in partners) and not any(
        t.text in principals for p in partners for t in p.subtree)
