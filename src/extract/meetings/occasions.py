"""A meeting's format (sidelines, visit or neither), who visited, and the occasion it was held for.

- sidelines: the meeting's sentences place it "on the sidelines/margins of" something, or at,
  for or during a named multilateral event ("for the World Energy Congress");
- visit: otherwise, a principal travelled to the other's country ("a 1-day visit by X",
  "X flew to Moscow"), or the meeting's city lies in one principal's country, making the other
  the visitor; nothing for a meeting in a third country;
- occasion: the named event, commemoration or anniversary after a cue ("on the commemoration of
  Victory Day", "commemorated 25 years of ...", "on the sidelines of the Paris Summit ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .events import events, host_and_guest
from .modality import in_future
from ..gazetteer import as_country
from .locatives import aliases
from ..lexicons import Lexicons
from ..people.mentions import Cast
from ..text.sentences import doc_text
from .places import Place
from ..wordlists import find_phrases, hits, words

# Prepositions that put a meeting at a named event: "for the World Energy Congress".
_EVENT_PREPS = {"at", "for", "during"}
# How many of a section's first sentences (a heading's parts, then the text under it) may name
# the gathering the section opens on.
_OPENING = 5
# A heading's parenthesised gathering: "La Malbaie, Quebec — June 8-9, 2018 (G7 Charlevoix)".
_PAREN_EVENT = re.compile(r"\(([A-Z][^()\n]{1,40})\)")
# Prepositions that may sit inside an event's name: "Paris Summit on Climate Change".
_NAME_PREPS = {"of", "on", "for"}
_STOP_PUNCT = {",", ":", ";", ".", "(", ")", "—", "–", "!", "?", '"', "“", "”"}


@dataclass
class Format:
    format: str | None = None
    visitor: str | None = None
    occasion: str | None = None
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)


def _name_after(sent: Span, start: int) -> Span | None:
    """The event or occasion named from token ``start``: up to punctuation, a verb, or a trailing
    place or date ("Armistice Day in Paris on November 11th" -> "Armistice Day")."""
    doc = sent.doc
    i = start
    while i < sent.end and (doc[i].lower_ in {"the", "a", "an"} or doc[i].is_space):
        i += 1
    # "the inaugural Russia–Africa Summit", "the first Paris Peace Forum": the name is what follows.
    while i + 1 < sent.end and doc[i].pos_ == "ADJ" and doc[i].text.islower() and doc[i + 1].text[:1].isupper():
        i += 1
    j = i
    while j < sent.end:
        t = doc[j]
        closed = t.text in {"–", "-"} and j > i and not doc[j - 1].whitespace_ and not t.whitespace_
        if (t.text in _STOP_PUNCT and not closed) or t.pos_ in {"VERB", "AUX", "SCONJ", "PRON"}:
            break  # but "Russia–Africa Summit" is one name
        if t.pos_ == "ADP" and t.lower_ not in _NAME_PREPS:
            break  # "BRICS summit in the Russian city of Kazan"
        if t.pos_ == "ADP" and j + 1 < sent.end:
            nxt = doc[j + 1] if doc[j + 1].lower_ != "the" or j + 2 >= sent.end else doc[j + 2]
            place = nxt.ent_type_ in {"GPE", "DATE", "LOC", "TIME"} and t.lower_ != "of"
            if place or not (nxt.text[:1].isupper() or nxt.like_num):
                break
        if t.lower_ == "and" and j + 1 < sent.end and not doc[j + 1].text[:1].isupper():
            break
        j += 1
    return doc[i:j] if j > i else None


def _named_part(span: Span) -> Span | None:
    """The named event after "of" in "opening of the Winter Olympics", "start of the G20 summit"."""
    for tok in span[:-1]:
        if tok.lower_ == "of" and tok.i > span.start and span.doc[tok.i - 1].pos_ in {"NOUN", "PROPN"}:
            # not "a state visit ahead of the FOCAC summit": it was held before, not at, the summit
            rest = span.doc[tok.i + 1 + (span.doc[tok.i + 1].lower_ == "the") : span.end]
            return rest if _named(rest) else None
    return None


def _named(span: Span | None) -> bool:
    # "the congress", "the first day" and "a three-way summit on Syria" name nothing; "World
    # Energy Congress", "25 years of ... relations" and "60th anniversary of ..." do.
    return bool(span) and (span[0].text[:1].isupper() or span[0].text[:1].isdigit())


def _event_names(sent: Span, lex: Lexicons, kind: str = "event_words", *, hosted: bool = False,
                 attended: bool = False) -> list[tuple[Span, Span]]:
    """(preposition, name) for "at/for/during the <Named ... Summit>" in ``sent``; with
    ``kind="occasion_words"``, for "on/for the <60th anniversary of ...>"; ``hosted``: also
    (verb, name) for "hosted the Group of Seven summit"; ``attended``: for "attended the first
    Paris Peace Forum"."""
    heads, out = words(lex, kind), []
    preps = _EVENT_PREPS | ({"on"} if kind == "occasion_words" else set())
    hosts = (words(lex, "host_verbs") if hosted else frozenset()) | (words(lex, "presence_verbs") if attended else frozenset())
    for tok in sent:
        # "at the G20 summit", and "hosted the Group of Seven summit".
        prep = tok.lower_ in preps and tok.pos_ == "ADP" and not _on_a_thing(tok, lex)
        if prep or tok.pos_ == "VERB" and hits(tok, hosts):
            name = whole = _name_after(sent, tok.i + 1)
            if name is not None and not _named(name):
                name = _named_part(name)  # "for the opening of the Winter Olympics"
            proper = name is not None and any(t.text[:1].isupper() for t in name)  # not "for 1 day"
            # "at a summit of the Shanghai Cooperation Organisation": a gathering's head word may
            # precede its name (not an occasion's: "on the first day of the leader's state visit").
            head_words = {t.lower_ for t in ((whole if kind == "event_words" else name) or ())}
            if proper and _named(name) and (head_words & heads or name.root.ent_type_ == "EVENT") \
                    and not _two_countries(name, lex):
                out.append((sent.doc[tok.i : tok.i + 1], name))
    return out


def _on_a_thing(prep: Token, lex: Lexicons) -> bool:
    """Whether ``prep`` is a "for" completing a common noun that is no meeting, journey or
    gathering: "Riyadh's bid for the 2030 World Expo", "backing for a British summit" say nothing
    of where the two met (but "leaders at the summit", "the Élysée Palace for the summit" may)."""
    head = prep.head
    return prep.lower_ == "for" and head.pos_ == "NOUN" and head.text.islower() and not (
        hits(head, words(lex, "meeting_nouns")) or hits(head, words(lex, "travel_nouns"))
        or hits(head, words(lex, "event_words")))


def _by_a_person(verb: Token) -> bool:
    """"(Trudeau joined them and then) attended the Forum": a person attends; a country that
    "hosted a G7 summit" days before names no gathering the two met at."""
    if verb.pos_ != "VERB":
        return False
    # The subject may be a coordinated or a main clause's ("Hosting the G7 summit, Macron ..."),
    # or the noun a participle describes ("the convention centre hosting the G20 summit").
    while verb.dep_ in {"conj", "advcl"} and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.i != verb.i:
        verb = verb.head
    subj = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.ent_type_ not in {"GPE", "NORP", "LOC"} and subj.lower_ != "it"


def _two_countries(name: Span, lex: Lexicons) -> bool:
    """"the annual UK-France summit": two countries' own meeting, no gathering of many."""
    al = aliases(lex)
    return any(t.text in {"-", "–"} and 0 < t.i - name.start < len(name) - 1
               and as_country(name.doc[t.i - 1].text, al) and as_country(name.doc[t.i + 1].text, al) for t in name)


def sidelines(sents: list[Span], lex: Lexicons) -> tuple[tuple[int, int], Span | None] | None:
    """The sidelines cue's offsets and the event it names, from the first sentence having one."""
    # The gathering the section opens on: a heading's "(G7 Charlevoix)", or the subject of its
    # first sentences ("The Francophonie summit opened at ...", "The AI Action Summit at the Grand
    # Palais was one of his last trips").
    for sent in sents[:_OPENING]:
        if (name := _gathering_opened_on(sent, lex)) is not None:
            return (name.start_char, name.end_char), name
    for sent in sents:
        for start, end in find_phrases(sent, words(lex, "sidelines_cues")):
            cue = sent.doc.char_span(start, end, alignment_mode="expand")
            if cue is not None and cue[-1].lower_ == "of" and _plural_after(cue[-1]):
                continue  # "have met ... on the margins of multilateral summits": many, not this one
            name = _name_after(sent, cue.end) if cue is not None else None
            if cue is not None and cue[-1].lower_ != "of":
                name = None  # "on its sidelines" names no event
            return (start, end), name
        # A gathering a principal attended, in the section's opening paragraph (later, it may
        # be an earlier gathering: "the conversation they held when Sisi was attending the UN").
        breaks = doc_text(sent.doc)[sents[0].start_char : sent.start_char].count("\n\n")
        opening = breaks == 0 or breaks == 1 and not any(t.pos_ in {"VERB", "AUX"} for t in sents[0])  # under a heading
        for prep, name in _event_names(sent, lex, attended=opening):
            verb = prep[0] if prep[0].pos_ == "VERB" else prep[0].head
            if (prep.text.lower() in {"during", "at", "for"} or _by_a_person(verb)) and not in_future(verb, lex):
                # Not a plan: "he would raise it when he met Xi at the G20 the following week".
                return (prep.start_char, name.end_char), name
    return None


def _plural_after(of: Token) -> bool:
    """Whether the noun "of" governs is a bare plural ("of multilateral summits")."""
    obj = next((c for c in of.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.tag_ == "NNS" and not any(c.dep_ == "det" for c in obj.children)


def _gathering_opened_on(sent: Span, lex: Lexicons) -> Span | None:
    heads, doc = words(lex, "event_words"), sent.doc
    if (m := _PAREN_EVENT.search(sent.text)) is not None and {w.lower() for w in m.group(1).split()} & heads:
        return doc.char_span(sent.start_char + m.start(1), sent.start_char + m.end(1), alignment_mode="expand")
    # The main clause's subject, or the words the sentence opens on (the parse may hang the
    # first clause under a later one across a semicolon).
    subj = next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"}
                 and (t.head.dep_ == "ROOT" or t.left_edge.i == sent.start)), None)
    if subj is None or not (subj.lower_ in heads or subj.lemma_.lower() in heads):
        return None
    name = doc[subj.left_edge.i + (subj.left_edge.lower_ == "the") : subj.i + 1]
    # A proper name: not "Their first summit", capitalised only as a sentence opens, nor "The
    # first UK-France summit", the two countries' own.
    return name if len(name) > 1 and any(t.pos_ == "PROPN" for t in name) and not _two_countries(name, lex) else None


def _full_name(short: Span) -> Span:
    """The full name an earlier sentence gave an event the text now calls by a short form:
    "the Vladivostok forum" after "the Eastern Economic Forum" (the same head word, capitalised,
    in the one earlier name ending with it)."""
    head = short[-1]
    if not head.text.islower():
        return short
    doc = short.doc
    earlier = [e for e in doc.ents if e.end_char <= short.start_char and e.label_ in {"ORG", "EVENT", "FAC"}
               and e[-1].lower_ == head.lower_ and e[-1].text[:1].isupper()]
    if earlier and len({e.text for e in earlier}) == 1:
        full = earlier[-1]
        return full[1:] if full[0].lower_ == "the" else full
    return short


def occasion(sents: list[Span], lex: Lexicons, *, sideline_event: Span | None) -> Span | None:
    """The named occasion: the sidelines event when it is named, else one after an occasion cue."""
    if _named(sideline_event):
        return _full_name(sideline_event)
    if sideline_event is not None:
        # "on the sidelines of the summit" after "hosted the Group of Seven summit".
        head = sideline_event[-1].lower_
        for sent in sents:
            for _, name in _event_names(sent, lex, hosted=True):
                if name[-1].lower_ == head:
                    return name
    for sent in sents:
        for start, end in find_phrases(sent, words(lex, "occasion_cues")):
            cue = sent.doc.char_span(start, end, alignment_mode="expand")
            name = _name_after(sent, cue.end) if cue is not None else None
            if _named(name):
                return name
        for prep, name in _event_names(sent, lex) + _event_names(sent, lex, "occasion_words"):
            if not in_future(prep[0].head, lex):
                return name
    return None


def meeting_format(sents: list[Span], place: Place, cast: Cast, lex: Lexicons, *,
                   side: tuple[tuple[int, int], Span | None] | None, named: Span | None) -> Format:
    """Format, visitor and occasion, given the ``sidelines`` and ``occasion`` found in ``sents``."""
    out = Format()
    if side is not None:
        out.format = "sidelines"
        out.evidence["format"] = side[0]
    if named is not None:
        out.occasion = named.text
        out.evidence["occasion"] = (named.start_char, named.end_char)
    if out.format:
        return out
    # A journey reported in the meeting's sentences: "a 1-day visit by X", "X flew to Moscow".
    for sent in sents:
        for event in events(sent, cast, lex):
            if event.kind == "travel" and event.destination_ok and not (event.planned or event.negated):
                out.format, out.visitor = "visit", event.principals[0]
                out.evidence["format"] = out.evidence["visitor"] = (event.token.idx, event.token.idx + len(event.token))
                return out
    # The meeting's country is one principal's: the other came.
    if place.country:
        hosts = [name for name, c in cast.countries.items() if c == place.country]
        if len(hosts) == 1 and (guest := cast.other(hosts[0])):
            out.format, out.visitor = "visit", guest
            where = place.evidence.get("country") or place.evidence.get("city")
            if where:
                out.evidence["format"] = out.evidence["visitor"] = where
            return out
    # "Merkel hosted Macron at Schloss Meseberg": the one hosted came, wherever that is.
    for sent in sents:
        for tok in sent:
            if (pair := host_and_guest(tok, cast, lex)) is not None:
                out.format, out.visitor = "visit", pair[1]
                out.evidence["format"] = out.evidence["visitor"] = (tok.idx, tok.idx + len(tok))
                return out
    return out
