"""Whether a meeting word tells of something that happened: not a plan ("agreed to meet", "the
planned summit"), not the future ("will host"), not a meeting done "without".

Pure functions over a token and its parse; ``events`` asks them of every meeting word it finds.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import Lexicons
from ..text.sentences import governing_verb
from ..wordlists import hits, words


def in_future(tok: Token, lex: Lexicons) -> bool:
    """Whether ``tok``'s clause is in the future: "will meet", "would be glad to host", "are to meet"."""
    aux = words(lex, "future_aux")
    cur = tok
    # Four steps up: "before he flies on to Peru for the summit" under "will host".
    for _ in range(5):
        # "Merkel and May met": the name is no modal (a capital "Will" in a headline still is).
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in aux and (c.text != "May" or c.is_sent_start)
               for c in cur.children):
            return True
        # "traveling to Mexico for the summit next year" ("the next year" is a past story's).
        if any(c.dep_ == "npadvmod" and any(g.lower_ == "next" for g in c.children)
               and not any(g.dep_ == "det" for g in c.children) for c in cur.children):
            return True
        # "would help end the strikes, as she held talks": a past verb with a subject of its own
        # keeps its own tense, whatever the clause it hangs on says.
        if cur.i != tok.i and cur.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in cur.children):
            return False
        # "are to meet": an infinitive under a form of "be".
        if cur.dep_ == "xcomp" and cur.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            return True
        # "It will be their first encounter": the predicate noun is in its verb's tense.
        # "Their first encounter might come at the summit": the subject is in its verb's mood.
        if cur.head.i == cur.i or cur.dep_ not in {
                "xcomp", "acomp", "attr", "conj", "ccomp", "dobj", "pobj", "prep", "advcl", "nsubj", "nsubjpass"}:
            return False
        cur = cur.head
    return False


def denied(tok: Token, lex: Lexicons) -> bool:
    """A meeting word the sentence denies: "did not meet", "no meeting with him", "Not a meeting with Modi", "has not
    been reported meeting her", "The meeting did not happen", "left office without meeting him"."""
    # "did not meet"; "sought no meeting with Sanchez", "There was no meeting".
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    # "No British prime minister has made an official visit to Ireland since 2019": nobody did;
    # "Neither Zelensky nor Lukashenko sat at the table": neither did.
    if any(c.dep_ in {"nsubj", "nsubjpass"} and any(d.dep_ == "det" and d.lower_ == "no" or d.lower_ == "neither"
                                                    for d in c.children)
           for v in (tok, tok.head) for c in v.children):
        return True
    # "there is no record of a leaders' visit", "no sign of talks": what is said to be missing is the meeting.
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in tok.head.head.children):
        return True
    negated_head = any(c.dep_ == "neg" for c in tok.head.children)
    if tok.dep_ in {"xcomp", "dobj"} and negated_head:
        return True  # "did not want to meet", "have not held a single meeting"
    if tok.dep_ in {"nsubj", "nsubjpass"} and negated_head and occurs(tok.head, lex):
        return True  # "The meeting did not happen", "the return visit had not taken place"
    before = [t.lower_ for t in tok.doc[max(tok.left_edge.i - 3, 0) : tok.left_edge.i]]
    if before in (["nearest", "thing", "to"], ["closest", "thing", "to"]):
        return True  # "the nearest thing to an encounter" was something else
    return _without(tok)


def occurs(verb: Token, lex: Lexicons) -> bool:
    """Whether ``verb`` only says an event happened: "happen", "took place" (its object counted)."""
    base = verb.lemma_.lower()
    forms = {base} | {f"{base} {c.lower_}" for c in verb.children if c.dep_ == "dobj"}
    return bool(forms & words(lex, "occurrence_verbs"))


def _without(tok: Token) -> bool:
    """"left office without meeting him", "without ever having held talks with him"."""
    cur = tok
    for _ in range(3):
        if cur.head.lower_ == "without" and cur.head.i != cur.i:
            return True
        if cur.dep_ not in {"dobj", "pcomp", "xcomp"}:
            return False
        cur = cur.head
    return False


def is_planned(tok: Token, lex: Lexicons) -> bool:
    """A meeting word in a plan: future tense, "agreed to meet", "the upcoming summit"."""
    planned = words(lex, "planned_words")
    if in_future(tok, lex):
        return True
    if tok.dep_ in {"xcomp", "ccomp", "acl"} and hits(tok.head, planned):
        return True
    of = tok.head if tok.dep_ == "acl" else tok  # "the idea of [the king hosting] his guest", "the prospect of meeting him"
    if of.dep_ in {"pcomp", "pobj"} and of.head.lower_ == "of" and of.head.head.pos_ == "NOUN" and hits(of.head.head, planned):
        return True
    if tok.dep_ in {"dobj", "nsubjpass"} and hits(tok.head, planned):
        return True  # "arrange a face-to-face meeting", "weighs a visit", "an encounter had been scheduled for June 29"
    # "invited him to Ankara for the next session", "prepared for the summit", through a place
    # the phrase hangs on: "are expected in Rio de Janeiro for the G20 summit".
    cur = tok
    for _ in range(2):
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            break
        cur = cur.head.head
        # "At a meeting in Singapore, the two agreed to speed up the talks": a plan verb with a
        # clause of its own was made at the meeting, which took place.
        if hits(cur, planned) and not any(c.dep_ in {"xcomp", "ccomp"} and c.i > cur.i for c in cur.children):
            return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # An infinitive is a plan ("accepted an invitation ... to meet") unless a journey or a
        # choice made it happen ("flew to Paris to meet Macron", "chose to receive him in Nagato").
        travel = words(lex, "travel_verbs") | words(lex, "choice_verbs")
        return not any(hits(a, travel) or _was_there(a) for a in list(tok.ancestors)[:2])
    if any(c.dep_ == "acl" and hits(c, planned) for c in tok.children):
        return True  # "a summit planned for Lyon", "the visit scheduled for May"
    if tok.pos_ in {"NOUN", "PROPN"}:
        # "is expected to travel to Berlin for a further round of talks": the talks are the plan's.
        verb = governing_verb(tok)
        if verb is not None and verb.dep_ in {"xcomp", "ccomp"} and hits(verb.head, planned):
            return True
    # A modifier as written ("the planned summit"; "a hastily arranged summit" did take place).
    # A word of the event's own name is none ("the Digital Future Summit").
    mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.lower_ in planned
            and not (c.pos_ == "PROPN" and c.text[:1].isupper())]
    if mods and all(c.lower_ in words(lex, "sequence_words") for c in mods):
        # "Their next meeting was in New York": a word of order plans only what is yet to come.
        return _clause_tense(tok) != "VBD"
    return bool(mods)


def _was_there(verb: Token) -> bool:
    """"Kiir was at Juba International Airport on Wednesday to welcome Museveni": someone who was
    somewhere to do a thing did it."""
    return verb.lemma_ == "be" and verb.tag_ == "VBD" and any(
        c.dep_ == "prep" and c.lower_ in {"at", "in"} for c in verb.children)


def _clause_tense(tok: Token) -> str | None:
    """The tag of the verb (or auxiliary) whose clause ``tok`` sits in."""
    for anc in tok.ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            aux = [c.tag_ for c in anc.children if c.dep_ in {"aux", "auxpass"}]
            return aux[0] if aux else anc.tag_
    return None
