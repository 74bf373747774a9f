"""Which country each principal stands for, when the caller's ``Person`` records do not say.

The visit rule needs it (a meeting in one principal's country is a visit by the other). Read from
the text, strongest evidence first:
1. a host is in his own country: "Xi invited Modi to the central Chinese city of Wuhan";
2. a traveller is not: "Xi, on his first trip to the United States", "the president came to Istanbul";
3. the article's stand-alone descriptions ("the Indian prime minister") name the candidate
   countries; with one principal placed, the other takes the remaining one;
4. a description in a paragraph that names one principal only, when nothing above contradicts;
5. with one principal placed, the other is from one of the two countries the article names
   most, if he did not travel there ("Turkey and Russia have backed opposing sides ...").
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from .events import subjects
from .journeys import governed, through
from ..gazetteer import as_country, cities
from ..lexicons import Lexicons
from .locatives import aliases, country_of, landmarks, place_names
from ..people.mentions import PRINCIPAL, Cast
from ..people.names import Person
from ..text.sentences import Layout, ents_in
from ..wordlists import data, hits, words


def of_principals(doc: Doc, parties: list[Person], lex: Lexicons) -> dict[str, str | None]:
    """The country of each of ``parties``: the one their record gives, else the text's."""
    return dict(infer(doc, Cast.of(parties, lex), Layout(doc), lex))


_COPULAS = {"be", "become", "remain"}


def infer(doc: Doc, cast: Cast, layout: Layout, lex: Lexicons) -> dict[str, str | None]:
    """Fill ``cast.countries`` where unknown; returns it."""
    countries = cast.countries
    if all(countries.values()) or len(cast.parties) != 2:
        return countries
    hosts: dict[str, Counter] = defaultdict(Counter)
    guessed: dict[str, set[str]] = defaultdict(set)  # host countries read from a city's other name
    not_from: dict[str, set[str]] = defaultdict(set)
    trips: dict[str, Counter] = defaultdict(Counter)  # where each principal travels, how often
    unlike: dict[str, set[str]] = defaultdict(set)  # descriptions of others in a principal's sentences
    votes: dict[str, Counter] = defaultdict(Counter)
    described: Counter = Counter()
    mentioned: Counter = Counter()  # countries named, by name or demonym
    travel = words(lex, "travel_verbs") | words(lex, "travel_nouns")
    host_verbs = words(lex, "host_verbs")
    gatherings = words(lex, "meeting_nouns") | words(lex, "event_words")
    for para in layout.paras:
        if not para.sents:
            continue
        for sent in para.sents:
            names = place_names(sent, lex)  # read once: each travel word below looks at them again
            mentioned.update(c for n in names if (c := as_country(n.text, aliases(lex))))
            # A seat of government is in its country: "welcomed him to the White House".
            found = [(n, c) for n in names if (c := country_of(n.text, lex))]
            seats = [(n, c) for n, city in landmarks(sent, lex) if (c := country_of(city, lex))]
            found += seats
            places = [c for _, c in found]
            mentioned.update(lex.demonyms[e.text] for e in ents_in(sent) if e.label_ == "NORP" and e.text in lex.demonyms)
            for c, i, j in cast.descriptions(sent):
                # "Starmer becomes the first British prime minister since Churchill": said of him.
                root = doc[i:j].root
                if root.dep_ == "attr" and root.head.lemma_ in _COPULAS and (who := _principal(root.head, cast)):
                    votes[who][c] += 1
            for who in cast.named(sent):
                # "Modi welcomed the Japanese prime minister", "Blair argues that the Iraqi
                # leader's weapons ...": an object or owner in a sentence naming a principal is
                # someone else (a subject may be him again: "where the US president was greeted").
                unlike[who].update(c for c, i, j in cast.descriptions(sent)
                                   if doc[i:j].root.dep_ in {"dobj", "pobj", "poss"} and not _apposed(doc, i)
                                   and not _ranked(doc, i))
            if not places:
                continue  # both tests below need a country in the sentence
            for tok in sent:
                if hits(tok, travel):
                    if _returning(tok, lex):
                        continue  # "returned to the White House", "heads back to Washington": maybe home
                    who = _principal(tok, cast, light=words(lex, "meeting_support_verbs"))
                    # A verb's own destination only ("will travel to Cuba, ... the first US
                    # president to ..." does not keep him from the US); a noun's own if it has one
                    # ("his state visit to Denmark", not "Washington time"), else anywhere.
                    dest = [c for n, c in found if governed(n, tok) and not _in_role(n, tok)]
                    if not dest and tok.pos_ not in {"VERB", "AUX"}:
                        # "cut short his trip and went back to Ramallah": not where the trip went.
                        back = [t for t in sent if t.i != tok.i and hits(t, travel) and _returning(t, lex)]
                        dest = [c for n, c in found if not _in_role(n, tok) and not any(governed(n, b) for b in back)]
                    if who:
                        not_from[who].update(dest)
                        trips[who].update(set(dest))
                elif hits(tok, host_verbs) and tok.pos_ == "VERB" and places:
                    who = _principal(tok, cast)
                    # "welcomed Modi", "greeted him", "hosted a dinner for him".
                    guest = [c for c in tok.children if c.dep_ == "dobj" and _guest(c, who, cast)]
                    guest += [g for c in tok.children if c.dep_ == "dobj" for p in c.children
                              if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if _guest(g, who, cast)]
                    # The host's own place, not the guest's ("Kishida of Japan") or a companion's
                    # ("together with the leaders of Britain"); "invited him to visit Moscow" too.
                    # Not an owner: "received him by Bolívar's tomb" names a man, not the town.
                    own = [(n, c) for n, c in found if (governed(n, tok) or _invited_to(n, tok, lex))
                           and not _through_people(n, tok, guest, lex) and n.root.dep_ != "poss"]
                    # "the four-way summit Erdoğan hosted in Istanbul": a gathering is hosted at home too.
                    gathering = [c for c in tok.children if c.dep_ == "dobj"]
                    gathering += [tok.head] if tok.dep_ == "relcl" else []
                    hosted = any(hits(g, gatherings) for g in gathering)
                    if who and (guest or hosted) and own:
                        hosts[who][own[0][1]] += 1
                        if own[0] not in seats and _old_name(own[0][0].text, lex):
                            guessed[who].add(own[0][1])
        span = doc[para.sents[0].start : para.sents[-1].end]
        found_descs = cast.descriptions(span)
        descs = [c for c, _, _ in found_descs]
        described.update(descs)
        named = cast.named(span)
        # NER may leave a name out ("Starmer flies in"): a principal's own word in the paragraph counts.
        named += [p.name for p in cast.parties if p.name not in named and any(t.text in p.aliases | {p.surname} for t in span)]
        if len(named) == 1:
            # "Lula sat down with Uruguay's Luis Lacalle Pou ... The Uruguayan president": a
            # description of someone else the paragraph names with his country. One in the
            # sentence naming him is someone else too ("how the French president tried to talk
            # Ivan Sokolov round"), unless in apposition.
            others = _others_countries(span, cast, lex) if descs else set()
            votes[named[0]].update(c for c, i, _ in found_descs if c not in others
                                   and (_apposed(doc, i) or named[0] not in cast.named(doc[i].sent)))
    candidates = [c for c, _ in described.most_common()]
    names = [p.name for p in cast.parties]
    for name in names:
        # One welcome in a country the article never names is more likely a misread place ("his
        # home in Caesarea" read as Kayseri, in Turkey, through an alternate name).
        ranked = [(c, n) for c, n in hosts[name].most_common() if n > 1 or mentioned[c] or c not in guessed[name]]
        if countries.get(name) is None and ranked:
            countries[name] = ranked[0][0]
    _by_elimination(countries, names, candidates, not_from, unlike)
    for name in names:
        if countries.get(name) is None:
            taken = {c for c in countries.values() if c}
            for country, _ in votes[name].most_common():
                if country not in taken and country not in not_from[name] and country not in unlike[name]:
                    countries[name] = country
                    break
    _by_elimination(countries, names, candidates, not_from, unlike)
    for name in names:
        # The country the other principal keeps travelling to is this one's: "Perez flew to
        # Washington", "Perez's visit to the White House"; not a third country where both went
        # for a summit ("Trump ... in Gyeongju", in an article that keeps naming Canada).
        other, taken = cast.other(name), {c for c in countries.values() if c}
        ranked = trips[other].most_common(2) if other else []
        if countries.get(name) is None and ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            dest = ranked[0][0]
            # One trip to a country the article never names is more likely a misread place
            # ("a private dinner in Georgetown" in Washington is not a trip to Guyana).
            if ranked[0][1] < 2 and not mentioned[dest]:
                continue
            closed = taken | not_from[name]
            if any(n >= 3 and n > mentioned[dest] and c not in closed and c not in lex.topics for c, n in mentioned.items()):
                continue  # the article is about another country, more named and still open
            if dest not in taken and dest not in not_from[name] and dest not in unlike[name]:
                countries[name] = dest
    # The article's framing: one of its two most named countries, named at least three times
    # ("Turkey and Russia have backed opposing sides ..."), not a topic mentioned in passing.
    top = [c for c, n in mentioned.most_common(2) if n >= 3]
    for name in names:
        # A traveller to one of the two framing countries is from the other ("Sokolov came to
        # Germany" in an article on Germany and Russia).
        taken = {c for c in countries.values() if c}
        left = [c for c in top if c not in taken and c not in not_from[name] and c not in lex.topics]
        if countries.get(name) is None and len(top) == 2 and len(left) == 1 and not_from[name] & set(top):
            countries[name] = left[0]
    for name in names:
        taken = {c for c in countries.values() if c}
        if countries.get(name) is None and len(taken) == 1:
            # Not a country the article is about as a subject of talks ("Ukraine", "Syria"), unless
            # the text describes its leader ("the Ukrainian president added").
            left = [c for c in top if c not in taken and c not in not_from[name] and (c not in lex.topics or described[c])]
            left.sort(key=lambda c: not described[c])
            if left:
                countries[name] = left[0]
    return countries


def _by_elimination(countries: dict, names: list[str], candidates: list[str], not_from: dict, unlike: dict) -> None:
    # Until nothing changes: one principal placed can leave the other one choice, whichever
    # of them the loop meets first.
    while _eliminate_once(countries, names, candidates, not_from, unlike):
        pass


def _eliminate_once(countries: dict, names: list[str], candidates: list[str], not_from: dict, unlike: dict) -> bool:
    placed = False
    for name in names:
        if countries.get(name) is not None:
            continue
        taken = {c for c in countries.values() if c}
        left = [c for c in candidates if c not in taken and c not in not_from[name] and c not in unlike[name]]
        other_known = all(countries.get(n) for n in names if n != name)
        # One principal placed and one described country left: it is the other's. A traveller
        # shut out of every country but one is from that one; so is the one who stayed when the
        # other travelled there ("the US president" and Johnson's trip to Washington).
        others_out = all(left[:1] and left[0] in not_from[n] for n in names if n != name)
        if len(left) == 1 and (other_known or not_from[name] or others_out):
            countries[name] = left[0]
            placed = True
    return placed


def _others_countries(span, cast: Cast, lex: Lexicons) -> set[str]:
    """Countries the span gives people other than the principals: "Uruguay's Luis Lacalle Pou"
    (read from the words, as the parse of such lists is often wrong)."""
    out = set()
    doc = span.doc
    for tok in span:
        if tok.i + 2 >= span.end or doc[tok.i + 1].text not in {"'s", "’s"} or not (country := as_country(tok.text, aliases(lex))):
            continue
        end = tok.i + 2
        while end < span.end and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        ref = cast.resolve(doc[tok.i + 2 : end]) if end > tok.i + 2 else None
        if ref is not None and ref.kind != PRINCIPAL:
            out.add(country)
    return out


def _in_role(name, tok) -> bool:
    """"came to Washington as China's vice-president": the country of a role is no destination."""
    return name.root.dep_ == "poss" or through(name, tok, {"as"})


def _old_name(name: str, lex: Lexicons) -> bool:
    """Whether GeoNames knows ``name`` only as another name of a city ("Caesarea" for Kayseri)."""
    if as_country(name, aliases(lex)) or name in data(lex, "regions"):
        return False
    found = cities(name)
    return bool(found) and found[0].name.lower() != name.lower()


def _returning(tok, lex: Lexicons) -> bool:
    """A journey back ("returned to the White House", "heads back to Washington") may end at home."""
    return hits(tok, words(lex, "return_words")) or any(c.lower_ in words(lex, "return_words") for c in tok.children)


def _through_people(name, tok, guests, lex: Lexicons) -> bool:
    """Whether a place hangs on the host verb through its guest or other people ("welcomed
    Kishida of Japan", "will host him together with the leaders of Britain")."""
    cur = name.root
    while cur.i != tok.i and cur.head.i != cur.i:
        if cur.i != name.root.i and (cur in guests or cur.ent_type_ == "PERSON" or cur.lemma_.lower() in lex.roles):
            return True
        cur = cur.head
    return False


def _guest(obj, host: str | None, cast: Cast) -> bool:
    """Whether a host verb's object is the other principal: by name or title, or "him" when a
    principal hosts ("Sunak greeted him on the doorstep of 10 Downing Street")."""
    ref = cast.resolve(obj.doc[obj.left_edge.i : obj.i + 1])
    if ref is not None:
        return ref.kind == PRINCIPAL and ref.name != host
    return host is not None and obj.lower_ in {"him", "her"}


def _invited_to(name, tok, lex: Lexicons) -> bool:
    """"invited Perez to visit Moscow": the place a guest is asked to travel to is the host's."""
    return any(c.dep_ == "xcomp" and hits(c, words(lex, "travel_verbs")) and governed(name, c) for c in tok.children)


def _ranked(doc, i: int) -> bool:
    """"the first sitting US president to do so", "the only Cuban leader": said of the subject."""
    return any(t.ent_type_ == "ORDINAL" or t.lower_ in {"first", "last", "only"} for t in doc[max(0, i - 3) : i])


def _apposed(doc, i: int) -> bool:
    """A description right after a name and a comma: "Macron, the French president"."""
    j = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
    return j >= 2 and doc[j - 1].text == "," and doc[j - 2].pos_ == "PROPN"


def _principal(tok, cast: Cast, light: frozenset[str] = frozenset()) -> str | None:
    """The principal doing ``tok``: its subject, or for a noun its possessor ("his first trip")
    or the subject of the ``light`` verb it is the object of ("Kishida makes one last trip")."""
    heads = subjects(tok) if tok.pos_ in {"VERB", "AUX"} else [c for c in tok.children if c.dep_ == "poss"]
    if not heads and tok.dep_ == "dobj" and tok.head.lemma_ in light:
        heads = subjects(tok.head)
    if tok.dep_ == "xcomp" and (obj := [c for c in tok.head.children if c.dep_ == "dobj"]):
        heads = obj  # "Sokolov invited Perez to visit Moscow": the one invited travels
    for h in heads:
        ref = cast.resolve(h.doc[h.left_edge.i : h.i + 1])
        if ref and ref.kind == PRINCIPAL:
            return ref.name
        if h.pos_ == "PRON":
            # "Xi, on his first trip": the nearest principal named before the pronoun, not one
            # the clause met ("he spent several hours with Sokolov ..., on his first trip").
            for prev in reversed(tok.doc[tok.sent.start : h.i]):
                if prev.pos_ == "PROPN" and (who := cast.principal_named(prev.text)):
                    return None if prev.dep_ in {"dobj", "pobj"} else who
    return None
