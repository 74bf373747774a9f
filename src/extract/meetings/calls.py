"""Whether a sentence reports an exchange at a distance (a call, a video link, a letter), and
whether a meeting or call word in it only dates something else ("the day after the tweet")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import Lexicons
from ..wordlists import hits, words

# A call word under one of these only dates something else: "the day after the tweet".
_TEMPORAL = {"after", "before", "since", "following", "until"}
# "called on the chancellor", "a courtesy call on Anwar": a call paid in person.
_PAID_ON = {"on", "upon"}


def paid_call(tok: Token) -> bool:
    """A call paid in person, a visit: "calls on the chancellor at the Chancellery", "a courtesy
    call on Anwar"; not "called on the parties to talk" (an appeal) nor "a call on June 10" (a date)."""
    if tok.lemma_.lower() != "call":
        return False
    if tok.pos_ == "NOUN" and any(c.dep_ == "compound" and c.lower_ == "courtesy" for c in tok.children):
        return True
    if any(c.dep_ in {"xcomp", "ccomp", "advcl"} for c in tok.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in _PAID_ON and any(
        g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"} and g.pos_ in {"PROPN", "NOUN", "PRON"}
        and not any(x.dep_ in {"xcomp", "acl"} for x in g.children) for g in c.children) for c in tok.children)


def dates_only(tok: Token) -> bool:
    """Whether a meeting or call word only says when ("one week after Kim's summit with Trump",
    "the day after the tweet"): it dates the sentence's own news and is no report of its own."""
    # "On the eve of Lula's first trip abroad": the eve dates what happened before it.
    return any(a.lower_ in _TEMPORAL and a.dep_ == "prep" or a.lower_ == "eve" for a in tok.ancestors)


def is_remote(sent: Span, lex: Lexicons) -> bool:
    """A call, a video link, a letter or a post: the exchange the sentence reports is not in person.

    The call word must carry the sentence (its subject or head: "A second call, of about 90
    minutes", "the president telephoned him") or say how the leaders spoke or met ("spoke by phone",
    "a virtual summit"); "launched construction by video link" and "the day after the tweet" do not.
    """
    calls, comm = words(lex, "call_words"), words(lex, "communication_verbs")
    nouns = words(lex, "meeting_nouns")
    for t in sent:
        if not hits(t, calls) or dates_only(t) or paid_call(t) or _told_after_meeting(t, lex):
            continue
        if t.pos_ == "VERB" or t.dep_ in {"ROOT", "nsubj", "nsubjpass"} or t.head.i == t.i:
            return True
        if hits(t.head, nouns):
            return True  # "a virtual summit", "a phone meeting"
        for anc in t.ancestors:
            if anc.pos_ in {"VERB", "AUX"} or anc.dep_ == "ROOT":
                if hits(anc, comm) or anc.head.i == anc.i and anc.pos_ == "NOUN":
                    return True
                break
    return False


def _told_after_meeting(tok: Token, lex: Lexicons) -> bool:
    """A call word in a part of the sentence of its own, after a semicolon, beside an in-person
    meeting: "the pair met in Boao; Anwar wrote afterwards on Facebook that ..." (the parser may
    hang the meeting under the post's verb)."""
    sent, meeting = tok.sent, words(lex, "meeting_verbs")
    cuts = [t.i for t in sent if t.text == ";"]
    if not cuts:
        return False
    part = sum(1 for c in cuts if c < tok.i)
    met = {sum(1 for c in cuts if c < t.i) for t in sent if t.pos_ == "VERB" and hits(t, meeting)}
    return bool(met) and part > min(met) and part not in met
