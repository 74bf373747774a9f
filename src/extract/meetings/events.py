"""Whether a sentence reports the principals meeting in person, and if not, what it reports.

A sentence is read through its meeting words (verbs like "met", nouns like "summit", travel words
like "flew to Moscow") and the people each one involves (subject, object, "with"/"between", the
possessor of the noun). It reports a meeting when the principals are the ones involved; a call,
a letter, a plan or a meeting with someone else is reported as such, so callers can skip it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from .. import gazetteer
from ..lexicons import Lexicons
from .calls import paid_call
from .companions import companions, companionship
from .journeys import destination_ok
from .modality import denied, is_planned
from ..people.mentions import OTHER, PAIR, PRINCIPAL, Cast, Ref
from ..people.mislabels import CALENDAR_WORDS
from ..text.sentences import antecedent, governing_verb
from ..wordlists import data, find_phrases, hits, words
from .date_text import MONTHS

_SUBJ = {"nsubj", "nsubjpass"}
_PAIR_PRONOUNS = {"their", "they", "them"}
_OBJ = {"dobj", "dative", "pobj"}
# A verb without a subject of its own takes its head's ("visited Moscow and met with X").
_INHERITS = {"conj", "xcomp", "advcl", "acl", "pcomp"}
_PARTNER_PREPS = {"with", "between", "by", "alongside", "beside"}
# An adjective standing where a noun goes is used as one: "the bilateral was friendly".
_NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}
_RECIPROCALS = {("each", "other"), ("one", "another")}


@dataclass(frozen=True)
class Event:
    """One meeting word of a sentence with the people it involves."""

    token: Token
    kind: str  # "verb", "noun", "travel" or "joint" (an act both principals must do together)
    principals: tuple[str, ...]
    pair: bool  # the principals referred to together ("they", "the two leaders", "their")
    others: tuple[str, ...]  # other people involved
    planned: bool
    negated: bool
    destination_ok: bool = False  # travel: the place is the other principal's country
    pronoun: bool = False  # a "he"/"him" among those involved
    attended: bool = False  # a named gathering of many that someone attends or hosts ("the G7 summit")


def _heads_with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def _phrase(tok: Token) -> Span:
    # The noun phrase ending at ``tok``: its title and first names sit to its left.
    return tok.doc[tok.left_edge.i : tok.i + 1]


def subjects(verb: Token) -> list[Token]:
    for _ in range(3):
        subj = [antecedent(c) for c in verb.children if c.dep_ in _SUBJ]
        if subj or verb.dep_ not in _INHERITS or verb.head.i == verb.i:
            return [h for s in subj for h in _heads_with_conjuncts(s)]
        verb = verb.head
    return []


def partners(tok: Token, nouns: frozenset[str] = frozenset()) -> list[Token]:
    """Objects and "with"/"between"/"by" partners of a verb or noun; through a meeting noun for
    a light verb ("held talks with X")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"dobj", "dative"}:
            out.extend(_heads_with_conjuncts(c))
            if hits(c, nouns):
                out.extend(partners(c))
        # "met with X", "talks between X and Y", passive "was received by X" (an agent), "stood
        # next to X".
        preps = [c] if c.dep_ in {"prep", "agent"} and c.lower_ in _PARTNER_PREPS else []
        if c.lower_ == "next":
            preps = [g for g in c.children if g.dep_ == "prep" and g.lower_ == "to"]
        for prep in preps:
            for p in prep.children:
                if p.dep_ in _OBJ:
                    out.extend(_heads_with_conjuncts(p))
    return out


def host_and_guest(tok: Token, cast: Cast, lex: Lexicons) -> tuple[str, str] | None:
    """The principal who hosts and the one hosted, when ``tok`` is a verb of hosting with one
    principal its subject and the other (or "him", "her") its object: "Merkel hosted Macron at
    Meseberg", "Museveni received him at State House". Not an invitation, a plan or a denial."""
    if tok.pos_ != "VERB" or not hits(tok, words(lex, "host_verbs")) or hits(tok, words(lex, "planned_words")):
        return None
    if is_planned(tok, lex) or denied(tok, lex):
        return None
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    subj = _refs(subjects(tok), cast)
    if passive:  # "was received by Macron"
        obj = _refs([g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"], cast)
    else:
        obj = _refs([h for c in tok.children if c.dep_ == "dobj" for h in _heads_with_conjuncts(c)], cast)
    host, guest = (obj, subj) if passive else (subj, obj)
    if len(host) != 1 or len(guest) != 1 or host[0].kind != PRINCIPAL:
        return None
    if guest[0].kind == "pronoun":
        other = cast.other(host[0].name)
        return (host[0].name, other) if other else None
    if guest[0].kind == PRINCIPAL and guest[0].name != host[0].name:
        return host[0].name, guest[0].name
    return None


def _refs(tokens: list[Token], cast: Cast) -> list[Ref]:
    out = []
    for t in tokens:
        ref = cast.resolve(_phrase(t))
        if ref is None or ref.kind == OTHER:
            # "the President of the Republic of Chile, Gabriel Boric": the title's holder is named beside it.
            # Only a name: "Muhoozi, Museveni's son" is still someone else.
            ref = next((r for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                        and (r := cast.resolve(_phrase(c))) is not None and r.kind == PRINCIPAL), ref)
        if ref is None and t.pos_ == "PRON" and t.lower_ in {"he", "him", "she", "her", "his"}:
            ref = Ref("pronoun")
        elif ref is None and t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in cast.lex.roles \
                and t.lower_ not in CALENDAR_WORDS and (
                t.ent_type_ == "" or t.ent_type_ == "PERSON" and cast.is_person(t.doc, t.text) or _titled(t, cast)):
            # A name NER missed is still someone else ("Trump and Kim's summit"), and so is one it
            # took for a place after a title ("national security adviser Ajit Doval").
            ref = Ref(OTHER, t.text)
        if ref is not None:
            out.append(ref)
    return out


def named_other(ev: Event) -> bool:
    """Someone else the event names ("Muhammad Yunus"), not just describes ("the president")."""
    return any(o[:1].isupper() and o.split()[0].lower() not in {"the", "a", "an"} for o in ev.others)


def _titled(tok: Token, cast: Cast) -> bool:
    return any(t.lower_ in cast.titles and t.pos_ == "NOUN" for t in _phrase(tok)[:-1])


def sentence_events(sent: Span, cast: Cast, lex: Lexicons) -> list[Event]:
    """``events`` of the sentence, read once per article: classifying it and asking whether it
    denies a meeting both need them. The principals' countries, which may still be learnt, are
    part of the key."""
    key = ("events", sent.doc, sent.start, sent.end, lex, tuple(cast.countries.items()))
    found = cast.memo.get(key)
    if found is None:
        found = cast.memo[key] = events(sent, cast, lex)
    return found


def events(sent: Span, cast: Cast, lex: Lexicons) -> list[Event]:
    """Every meeting or travel word of ``sent`` with who it involves."""
    verbs, support, joint = words(lex, "meeting_verbs"), words(lex, "meeting_support_verbs"), words(lex, "joint_verbs")
    nouns, tverbs, tnouns = words(lex, "meeting_nouns"), words(lex, "travel_verbs"), words(lex, "travel_nouns")
    planning = words(lex, "planned_words")
    named = cast.mentioned(sent)
    out: list[Event] = []
    listed = _listed(lex)
    for tok in sent:
        if not hits(tok, listed):  # one look instead of one per list: most words are on none
            continue
        kind = None
        if tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and hits(tok, verbs):
            kind = "verb"  # headline present tense mis-tagged: "Biden and Xi meet face to face"
        elif paid_call(tok):
            kind = "verb" if tok.pos_ == "VERB" else "noun"
        elif _guest_of(tok, lex):
            kind = "verb"  # "Niinistö was Biden's guest": the copula's subject and the owner
        elif tok.pos_ in {"VERB", "AUX"}:
            if hits(tok, verbs):
                kind = "verb"
            elif hits(tok, support) and any(c.dep_ == "dobj" and hits(c, nouns) for c in tok.children):
                kind = "verb"
            elif hits(tok, tverbs):
                kind = "travel"
            elif hits(tok, joint) or hits(tok, words(lex, "reciprocal_verbs")) and _reciprocal(tok, sent, lex):
                kind = "joint"
            elif (spent := companionship(tok, lex)) is not None:
                kind = spent  # "spent two days with Duda"; "the pair spent eight hours in Brussels"
        elif tok.pos_ in {"NOUN", "PROPN"} or tok.pos_ == "ADJ" and tok.dep_ in _NOMINAL:
            # A plural of a meeting noun counts several meetings ("five of their encounters",
            # "three summits in five months"), none in particular; "talks" is listed as written.
            if hits(tok, nouns) and not (tok.tag_ == "NNS" and tok.lower_ not in nouns and not _one_of(tok, lex)) \
                    and not (tok.dep_ == "compound" and tok.pos_ == tok.head.pos_ == "PROPN" and not hits(tok.head, nouns | tnouns)):
                # A word of a name ("the Comprehensive Bilateral Dialogue") is no meeting.
                kind = "noun"
            elif hits(tok, tnouns):
                kind = "travel"
        if kind == "verb" and _counted(tok, sent, lex):
            return []  # a sentence summing meetings up tells none of them ("... and nearly every encounter")
        if kind is None or kind == "noun" and any(c.dep_ == "det" and c.lower_ in {"every", "each"} for c in tok.children):
            continue
        if kind == "travel" and tok.pos_ in {"VERB", "AUX"} and any(hits(s, nouns) for s in subjects(tok)):
            continue  # "The last meeting came with Wall Street in free fall": no one travelled
        if _counted_from(tok):
            continue  # "Two days after seeing Khan, Xi was in Mamallapuram": a meeting told already, a day counted from it
        involved = partners(tok, nouns) + _called_on(tok) + (subjects(tok.head) if _guest_of(tok, lex) else [])
        if kind == "verb" and companionship(tok, lex) == "verb":  # "an afternoon at Mar-a-Lago with Trump"
            involved += [p for p in companions(tok) if p not in involved]
        if kind in {"verb", "joint"} or (kind == "travel" and tok.pos_ in {"VERB", "AUX"}):
            involved = subjects(tok) + involved
        if kind == "travel" and tok.pos_ in {"VERB", "AUX"}:
            involved += _purpose_people(tok, nouns, planning)
        else:
            # "Trump and Kim's second summit": every owner, not just the first.
            involved += [h for c in tok.children if c.dep_ in {"poss", "nmod"} and c.pos_ in {"PROPN", "PRON"}
                         for h in _heads_with_conjuncts(c)]
            if tok.dep_ == "dobj" and (hits(tok.head, support) or paid_call(tok)):
                involved += subjects(tok.head) + partners(tok.head)
        refs = _refs(involved, cast)
        principals = tuple(dict.fromkeys(r.name for r in refs if r.kind == PRINCIPAL and r.name))
        others = tuple(r.name or "" for r in refs if r.kind == OTHER)
        pair = any(r.kind == PAIR for r in refs)
        if pair and not principals and kind == "noun" and any(t.lower_ in _PAIR_PRONOUNS for t in involved):
            # "Blanc and Roth shook hands before their talks": "their" is the clause's subjects.
            verb = governing_verb(tok)
            people = subjects(verb) if verb is not None else []
            owners = _refs(people, cast) if all(t.ent_type_ == "PERSON" for t in people) else []
            if owners and all(r.kind == OTHER for r in owners):
                pair, others = False, others + tuple(r.name or "" for r in owners)
        pronoun = any(r.kind == "pronoun" for r in refs)
        if pronoun and not principals and len(named) == 1:
            principals = (named[0],)  # "his first trip": the one principal the sentence names
        elif pronoun and not principals and not named and len(before := _named_before(sent, cast)) == 1:
            principals = before  # "It was Macron's turn to travel. On 25 January he flew to Berlin"
        dest_ok = False
        if kind == "travel":
            dest_ok = destination_ok(sent, principals, cast, lex, tok) or (
                len(principals) == 2 and tok.pos_ in {"VERB", "AUX"} and _to_see_the_other(tok, cast, nouns, planning))
        negated = denied(tok, lex) or (
            tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and hits(tok.head, words(lex, "cancel_verbs")))
        attended = kind == "noun" and _attended(tok, lex)
        out.append(Event(tok, kind, principals, pair, others, is_planned(tok, lex), negated, dest_ok, pronoun, attended))
    return out


# Every list one of ``events``' tests reads: a word on none of them is skipped unread.
_LISTS = ("meeting_verbs", "meeting_support_verbs", "joint_verbs", "reciprocal_verbs", "companion_verbs", "side_verbs",
          "meeting_nouns", "travel_verbs", "travel_nouns", "guest_nouns")


@lru_cache(maxsize=8)
def _listed(lex: Lexicons) -> frozenset[str]:
    """Every word one of ``events``' tests looks for (a call paid in person is "call")."""
    return frozenset({"call"}).union(*(words(lex, n) for n in _LISTS))


def _guest_of(tok: Token, lex: Lexicons) -> bool:
    """"X was Y's guest at the White House": a guest noun with an owner, said of the copula's subject."""
    return (tok.dep_ == "attr" and tok.head.lemma_ == "be" and hits(tok, words(lex, "guest_nouns"))
            and any(c.dep_ == "poss" for c in tok.children))


def _called_on(tok: Token) -> list[Token]:
    """The one a call is paid on: "a courtesy call on Anwar"."""
    if not paid_call(tok):
        return []
    return [h for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
            for g in c.children if g.dep_ == "pobj" for h in _heads_with_conjuncts(g)]


def _reciprocal(tok: Token, sent: Span, lex: Lexicons) -> bool:
    """"saw each other", "did see one another", "sat opposite each other": a verb whose object is the two subjects; not
    "saw each other only on a screen", nor any sentence with a call in it."""
    after = [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 4] if t.pos_ != "ADV"]
    # ... or "sat across the table from each other", "sat opposite one another": through a preposition.
    placed = any(c.dep_ == "prep" and any(
        g.dep_ == "pobj" and (g.doc[g.i - 1].lower_, g.lower_) in _RECIPROCALS for g in c.children if g.i)
        for c in tok.children)
    return (tuple(after[:2]) in _RECIPROCALS or placed) and not any(hits(t, words(lex, "call_words")) for t in sent)


def _to_see_the_other(verb: Token, cast: Cast, nouns: frozenset[str], planning: frozenset[str]) -> bool:
    """"Santos flew to Havana to see Chávez": a journey made to see the other principal took the
    traveller to him, wherever that was."""
    sought = {r.name for r in _refs(_purpose_people(verb, nouns, planning), cast) if r.kind == PRINCIPAL}
    return bool(sought - {r.name for r in _refs(subjects(verb), cast)})


def _purpose_people(tok: Token, nouns: frozenset[str], planning: frozenset[str]) -> list[Token]:
    """Whom a journey was for: "went to Shanghai to swear in Dilma Rousseff", "flew to Beijing
    to meet Xi" (the objects and partners of an infinitive of purpose); not those of a meeting
    it went "to prepare", which is still to come."""
    return [p for c in tok.children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB" and not hits(c, planning)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for p in partners(c, nouns)]


def _named_before(sent: Span, cast: Cast) -> tuple[str, ...]:
    """The principals the sentence before names, when it is in the same paragraph."""
    if sent.start == 0:
        return ()
    prev = sent.doc[sent.start - 1].sent
    if "\n\n" in sent.doc[prev.end - 1 : sent.start + 1].text:
        return ()
    return tuple(cast.mentioned(prev))


def _one_of(tok: Token, lex: Lexicons) -> bool:
    """A plural after "the first of": "The first of the year's three summits" is one of them."""
    head = tok.head
    return head.lower_ == "of" and head.head.lower_ in data(lex, "ordinals")


def _attended(noun: Token, lex: Lexicons) -> bool:
    """A gathering of many, named ("the outreach session of the G7 summit"), that someone attends or hosts."""
    named = any(any(c.dep_ in {"compound", "nmod"} and c.pos_ in {"PROPN", "NUM"} for c in tok.children)
                for tok in (noun, *[g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]))
    verb = governing_verb(noun)
    return named and verb is not None and hits(verb, words(lex, "attendance_verbs"))


def mere_gathering(ev: Event, lex: Lexicons) -> bool:
    """A gathering of many that no one is said to meet at: "At the Mercosur summit Lula receives
    the presidency", not "a trilateral on the sidelines of the G20 summit"."""
    return (ev.kind == "noun" and not (ev.principals or ev.pair) and gathering(ev.token, lex)
            and not find_phrases(ev.token.sent, words(lex, "sidelines_cues")))


def gathering(noun: Token, lex: Lexicons) -> bool:
    """A multilateral event named by who holds it ("the Mercosur summit", "the UN Climate Action
    Summit", "the G20"), not by where ("the Helsinki summit" may be the two's own)."""
    if not hits(noun, words(lex, "event_words")):
        return False
    names = [c for c in noun.children
             if c.dep_ in {"compound", "nmod"} and (c.pos_ in {"PROPN", "NUM"} or c.text[:1].isupper())]
    return noun.lemma_.lower() != "summit" or any(not gazetteer.cities(c.text) for c in names)


def _counted(verb: Token, sent: Span, lex: Lexicons) -> bool:
    """"The two men met six times in four years", "sat down with Xi exactly twice": several meetings
    summed up, none of them told, unless the sentence names a month or day they fall in ("met twice
    in May 2018")."""
    counts = words(lex, "repeat_words")
    counted = any(c.lower_ in counts and (c.lower_ in {"twice", "thrice"} or any(
        g.dep_ == "nummod" or g.lower_ in counts for g in c.children)) for c in _counts_of(verb))
    return counted and not any(t.lower_.rstrip(".") in MONTHS for e in sent.ents if e.label_ == "DATE" for t in e)


def _counts_of(verb: Token) -> list[Token]:
    # "six times" (npadvmod), "twice" (advmod), "on several occasions" (through its preposition).
    return [c for c in verb.children if c.dep_ in {"npadvmod", "advmod"}] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"]


def _counted_from(tok: Token) -> bool:
    """A meeting word that days are counted from ("two days after seeing Khan", "a week before meeting him")."""
    prep = tok.head if tok.dep_ in {"pcomp", "pobj"} else None
    return prep is not None and prep.lower_ in {"after", "before"} and (
        any(c.dep_ == "npadvmod" for c in prep.children) or prep.head.dep_ == "npadvmod")

