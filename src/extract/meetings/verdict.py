"""What one sentence reports: the principals meeting in person (with the events that say so), a call,
a meeting with someone else, a plan, or nothing of the kind, from the events ``events`` finds in it."""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicons import Lexicons
from ..people.mentions import OTHER, PRINCIPAL, Cast
from ..wordlists import find_phrases, hits, words
from .calls import dates_only, is_remote
from .events import Event, events, gathering, mere_gathering, named_other, sentence_events, subjects
from .journeys import abroad

MEETING, REMOTE, THIRD, PLANNED, NONE = "meeting", "remote", "third-party", "planned", "none"


def travels_to(sent: Span, country: str | None, cast: Cast, lex: Lexicons) -> bool:
    """Whether ``sent`` has one principal travelling, and ``country`` (a place given elsewhere, as
    a timeline entry's "17.06.2022 – Kyiv") takes the traveller to the other principal."""
    return any(
        ev.kind == "travel" and len(ev.principals) == 1 and not (ev.planned or ev.negated or ev.others)
        and abroad(ev.principals[0], country, cast)
        for ev in events(sent, cast, lex)
    )


def valid(ev: Event, named: list[str], pair_words: bool, lex: Lexicons, *, strict: bool = True) -> bool:
    """Whether ``ev`` reports the principals meeting. ``named``: the principals its sentence names;
    ``pair_words``: the sentence refers to the two together. Not ``strict``: a timeline entry, whose
    principals go without saying."""
    if ev.planned or ev.negated:
        return False
    if ev.kind == "verb" and any(c.dep_ == "dobj" and gathering(c, lex) for c in ev.token.children):
        return False  # "Lula hosts the 63rd Mercosur summit, with Lacalle Pou ... at the table": a gathering of many
    if ev.others:
        # Someone else with both principals ("Parmelin welcomed the two leaders") is still
        # their meeting; with one of them it is a meeting with a third party.
        return len(ev.principals) >= 2 or ev.pair
    if ev.kind == "travel":
        # A journey a date hangs on ("on the eve of Lula's first trip abroad") is not told here; one
        # made for a gathering of many ("fly on to Rio de Janeiro for the G20 summit") meets no one.
        dated_only = ev.token.pos_ == "NOUN" and dates_only(ev.token)
        return ev.destination_ok and not dated_only and not _for_gathering(ev, lex)
    if ev.kind == "joint":
        # An act done together ("the two presidents signed", "toured the mosque with the crown
        # prince") puts them in one place only when both do it; a bare "they" may be anything.
        bare = all(t.pos_ == "PRON" for t in subjects(ev.token))
        return len(ev.principals) >= 2 or ev.pair and (not bare or len(named) >= 2)
    if not strict and mere_gathering(ev, lex):
        return False  # a timeline's "At the Mercosur summit Lula receives the presidency": no one met there
    if not strict or len(ev.principals) >= 2 or ev.pair:
        return True
    if ev.kind == "verb":
        # "Merkel met him": the other principal named elsewhere in the sentence, or a pronoun.
        return len(ev.principals) == 1 and (len(named) >= 2 or ev.pronoun)
    # A noun: the sentence names both principals or refers to them together; a gathering of many
    # that "both" attend ("Both were invited to the G7 summit", "Both fly on to the G20 summit") is no
    # encounter of the two.
    flown_to = mere_gathering(ev, lex) and _travelled_for(ev.token, lex)
    return len(named) >= 2 or pair_words and not ev.attended and not flown_to


def _for_gathering(ev: Event, lex: Lexicons) -> bool:
    """A journey of the two "for the G20 summit", on the verb or on its destination ("to Rio de Janeiro
    for ..."); one of them flying in for a summit may well meet the other there."""
    if not (ev.pair or len(ev.principals) > 1):
        return False
    heads = {ev.token.i} | {g.i for c in ev.token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    return any(t.dep_ == "prep" and t.lower_ == "for" and t.head.i in heads
               and any(gathering(g, lex) for g in t.children) for t in ev.token.subtree)


def _travelled_for(noun, lex: Lexicons) -> bool:
    """"fly on to Rio de Janeiro for the G20 summit": the noun is what a journey was for."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and hits(noun.head.head, words(lex, "travel_verbs"))


def _others_act(sent: Span, cast: Cast) -> bool:
    """Whether the sentence's main clause has named people for its subject, none of them a principal."""
    # The whole subject phrase: "Japan's national security adviser Shotaro Yachi" names its person
    # after the head noun.
    refs = [r for t in subjects(sent.root) if (r := cast.resolve(sent.doc[t.left_edge.i : t.right_edge.i + 1]))]
    return bool(refs) and all(r.kind == OTHER for r in refs)


def _of_the_pair(phrase: Span, cast: Cast) -> bool:
    """A pair phrase of the principals: not "among the two", aides or bodies ("the governments sat together")."""
    head = phrase.root.head
    if cast.not_leaders(head) or phrase.start > 0 and phrase.doc[phrase.start - 1].lower_ == "among":
        return False
    if phrase.root.lower_ in {"they", "their", "them"} and _people_before(phrase.root):
        return False  # "to tell Greenlanders that America supported their right": a people's, not the pair's
    return not (phrase.root.lower_ == "together" and any(cast.not_leaders(s) for s in subjects(head)))


def _people_before(pronoun) -> bool:
    """Whether the nearest plural before ``pronoun`` in its sentence names a people ("Greenlanders", "Israelis")."""
    before = [t for t in pronoun.doc[pronoun.sent.start : pronoun.i]
              if t.tag_ in {"NNS", "NNPS"} or t.ent_type_ == "NORP" and t.pos_ in {"NOUN", "PROPN"}]
    return bool(before) and (before[-1].tag_ == "NNPS" or before[-1].ent_type_ == "NORP")


def classify(sent: Span, cast: Cast, lex: Lexicons, *, strict: bool = True) -> tuple[str, list[Event]]:
    """MEETING (with the events reporting it), REMOTE, THIRD, PLANNED or NONE for one sentence, remembered on
    the cast (segmentation, talk and participants read the same sentences; the countries may still be learnt)."""
    key = (sent.doc, sent.start, sent.end, strict, lex, tuple(cast.countries.items()))
    found = cast.memo.get(key)
    if found is None:
        found = cast.memo[key] = _classify(sent, cast, lex, strict=strict)
    return found


def _classify(sent: Span, cast: Cast, lex: Lexicons, *, strict: bool) -> tuple[str, list[Event]]:
    if is_remote(sent, lex):
        return REMOTE, []
    evs = sentence_events(sent, cast, lex)
    if not evs:
        return NONE, []
    named = cast.mentioned(sent)
    # "the two leaders", not "the two foreign ministers", nor "among the leaders Macron summoned" (a group).
    pairs = [sent.doc.char_span(a, b, alignment_mode="expand") for a, b in find_phrases(sent, words(lex, "pair_refs"))]
    pair_words = any(_of_the_pair(p, cast) for p in pairs)
    meeting = [ev for ev in evs if valid(ev, named, pair_words, lex, strict=strict)]
    if meeting and not strict and not any(ev.principals or ev.pair for ev in meeting) and any(
            named_other(ev) and ev.principals and not ev.negated and not ev.planned for ev in evs):
        # "Modi meets Muhammad Yunus ... at the BIMSTEC summit": the summit is where he met someone else.
        meeting = []
    if meeting and not strict and not named and _others_act(sent, cast):
        # A timeline entry about someone else ("Premier Li visits Tokyo for a three-way summit", "the two advisers
        # agree a document, clearing the way for a leaders' meeting"): only words naming the principals or pair count.
        meeting = [ev for ev in meeting if ev.principals or ev.pair]
    if meeting and all(ev.kind == "joint" and not ev.principals for ev in meeting) and any(
            e.principals and e.others and not (e.negated or e.planned) for e in evs):
        meeting = []  # "held a meeting with Premier Li, after which the two sides signed": that meeting's sides
    if meeting and ("not" in sent.text or "n't" in sent.text) and _stayed_away(sent, cast):
        meeting = []  # "Burhan attended the summit in Djibouti; Hemedti did not."
    travellers = {p for ev in meeting for p in ev.principals} if all(ev.kind == "travel" for ev in meeting) else None
    if meeting and any(ev.kind == "verb" and ev.pronoun and ev.others and set(ev.principals) == travellers
                       and not (ev.pair or ev.planned or ev.negated) and ev.token.i > meeting[-1].token.i
                       for ev in evs):
        meeting = []  # "travelled to Russia ..., when he held talks with then-President Medvedev": someone else's
    if meeting:
        return MEETING, meeting
    if any(e.others and not e.negated and not e.planned and not dates_only(e.token) for e in evs):
        return THIRD, []
    if any(e.planned for e in evs):
        return PLANNED, []
    return NONE, []


def _stayed_away(sent: Span, cast: Cast) -> bool:
    """A principal the sentence says "did not" (nothing after): the other did what it tells, without him."""
    # Not a relative clause's "(the inauguration,) which Obama did not": that tells only of the inauguration.
    return any(t.lemma_ == "do" and any(c.dep_ == "neg" for c in t.children) and t.dep_ != "relcl"
               and not any(c.tag_ in {"WDT", "WP"} for c in t.children)
               and not any(c.dep_ in {"xcomp", "ccomp", "dobj", "advcl"} and c.i > t.i for c in t.children)
               and any(c.dep_ == "nsubj" and (r := cast.resolve(sent.doc[c.left_edge.i : c.i + 1])) is not None
                       and r.kind == PRINCIPAL for c in t.children) for t in sent)

