"""Where a quotation's attribution is, read from the parse and the words around the marks.

Each finder returns a ``Tie`` (the verb of saying, or the words naming the source) or None:
the parse (the quotation sits in what a verb of saying reports, or such a verb hangs on it),
"according to X", an attribution right before the opening mark or right after the closing
one, and a subject right before the mark ("Peru “will continue ...”").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import SUBJECT_DEPS, CueLexicon, according_to, is_speech_noun, is_speech_verb, subject_of, takes_quoted_words
from ..text.paragraphs import Paragraphs
from ..text.scanner import QuoteIndex, Quoted
from ..text.sentences import doc_text, governing_verb

# Dependencies that do not put the quotation inside what the verb reports: its subject, a clause
# merely coordinated with it, punctuation.
_NOT_REPORTED = {"nsubj", "nsubjpass", "csubj", "csubjpass", "conj", "cc", "punct", "mark", "aux", "auxpass"}
# Dependencies by which a verb takes a clause: quoted words there are what was said.
_CLAUSAL = {"ccomp", "xcomp", "parataxis", "advcl", "csubj"}
SENTENCE_END = {".", "!", "?"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
# How far (tokens) an attribution may stand from the mark it belongs to.
NEAR = 8


@dataclass(frozen=True)
class Tie:
    """What a quotation is attributed to: a cue verb and/or an explicit subject token."""

    verb: Token | None = None
    subject: Token | None = None
    cue: str | None = None
    quiet: bool = False  # speaker only: no mention or cue (a later paragraph of a block)


def tokens(doc: Doc, q: Quoted) -> list[Token]:
    close = q.close_mark if q.close_mark is not None else q.end
    span = doc.char_span(q.start, close, alignment_mode="expand")
    return [t for t in span if q.start <= t.idx < close] if span is not None else []


def in_parse(toks: list[Token], index: QuoteIndex, cues: CueLexicon, bounds: tuple[int, int]) -> Tie | None:
    inside = {t.i for t in toks}
    is_statement = statement(toks)
    for tok in toks:
        if tok.is_punct:
            continue
        child, head = tok, tok.head
        while head.i != child.i:
            if head.i not in inside and not index.covers(head.idx) and bounds[0] <= head.idx < bounds[1]:
                if is_speech_verb(head, cues) and child.dep_ not in _NOT_REPORTED:
                    if child.dep_ in _CLAUSAL or is_statement or takes_quoted_words(head, cues):
                        return Tie(verb=head)
                    break
                if child.dep_ == "conj" and is_speech_verb(head, cues):
                    break  # a clause coordinated with the report is the writer's own
            child, head = head, head.head
    # An attribution hanging on the quoted words or on the clause that holds them:
    # "“...,” he said, “...”", "The economy, she argued, is “the foundation ...”".
    hosts = {t.i: t for t in toks}
    for tok in toks:
        head = tok
        while head.head.i != head.i and head.head.i not in inside:
            head = head.head
            hosts[head.i] = head
    for host in sorted(hosts.values(), key=lambda t: t.i):
        for c in host.children:
            if c.i in inside or index.covers(c.idx) or not bounds[0] <= c.idx < bounds[1]:
                continue
            if not (is_speech_verb(c, cues) and subject_of(c) is not None and not _governs(c, inside)):
                continue
            if c.dep_ == "parataxis" or (host.i in inside and c.dep_ in {"ccomp", "conj"}) or _as_said(c):
                return Tie(verb=c)
    return None


def _as_said(verb: Token) -> bool:
    """An attribution clause: "as X said (in a statement last month)", or a short ", X argued,"
    with no subordinator."""
    marks = [m.lower_ for m in verb.children if m.dep_ == "mark"]
    return verb.dep_ == "advcl" and (marks == ["as"] or not marks and len(list(verb.subtree)) <= 8)


def _governs(verb: Token, inside: set[int]) -> bool:
    """Whether the quotation lies inside the verb's own clause (then it is not hanging on it)."""
    return any(t.i in inside for t in verb.subtree)


def imperative(verb: Token) -> bool:
    """"Call it “normalization” if you like": a bare verb with no subject heading its sentence is the
    writer addressing the reader, not anyone's speech."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "aux"} for c in verb.children)


def statement(toks: list[Token]) -> bool:
    """Quoted words that make a statement of their own (a finite verb), not a bare phrase."""
    return any(t.tag_ in FINITE for t in toks)


def window_before(doc: Doc, q: Quoted, pars: Paragraphs, index: QuoteIndex) -> list[Token]:
    mark = doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand")
    par_start = pars[q.first_par][0]
    out: list[Token] = []
    i = mark.start - 1
    while i >= 0 and len(out) < NEAR:
        t = doc[i]
        if t.idx < par_start or index.covers(t.idx) or t.text in SENTENCE_END or t.text in {"”", '"', "’"}:
            break
        out.insert(0, t)
        i -= 1
    return out


def window_after(doc: Doc, q: Quoted, pars: Paragraphs, index: QuoteIndex) -> list[Token]:
    if q.close_mark is None:
        return []
    par_end = pars[q.last_par][1]
    mark = doc.char_span(q.close_mark, q.close_mark + 1, alignment_mode="expand")
    out: list[Token] = []
    # Long enough for ", said Maria Lopez, the foreign minister of Chile."
    for t in doc[mark.end : mark.end + 2 * NEAR]:
        if t.idx >= par_end or index.covers(t.idx) or t.text in {"“", '"', "‘"}:
            break
        if t.text in SENTENCE_END:
            break
        out.append(t)
    return out


def bare_after(window: list[Token]) -> Tie | None:
    """"“The farmers are not black,” Trump cut in.": after a quotation that asks for one, a subject
    and its verb with nothing else but a particle or an adverb are the attribution, whatever the
    verb ("cut in", "laughed", "shot back")."""
    words = [t for t in window if not t.is_punct and not t.is_space]
    verbs = [t for t in words if t.pos_ == "VERB"]
    subj = subject_of(verbs[0]) if len(verbs) == 1 else None
    if subj is None or subj.i not in {t.i for t in words} or subj.i > verbs[0].i:
        return None
    own = {t.i for t in subj.subtree} | {verbs[0].i}
    if any(t.dep_ not in {"prt", "advmod"} or t.i < verbs[0].i for t in words if t.i not in own):
        return None
    return Tie(verb=verbs[0])


def according(window: list[Token]) -> Tie | None:
    for t in window:
        obj = according_to(t)
        if obj is not None:
            to = next((c for c in t.children if c.lower_ == "to"), t.nbor(1))
            return Tie(subject=obj, cue=doc_text(t.doc)[t.idx : to.idx + len(to)])
    return None


def adjacent(window: list[Token], cues: CueLexicon, *, after: bool, statement: bool = True) -> Tie | None:
    inside = {t.i for t in window}
    verbs = [t for t in window if is_speech_verb(t, cues)]
    for v in verbs if after else reversed(verbs):
        if after:
            subj = subject_of(v)
            # ", the Chilean leader added" / ", said the minister": nothing but the attribution
            # between the closing mark and the verb, whose subject is in the window.
            if subj is None or subj.i not in inside:
                continue
            # A parse may give the verb two subjects ("X's niece, Del. Y (D-Va.), shouted"): the
            # words of either are the attribution.
            own = {t.i for c in v.children if c.dep_ in SUBJECT_DEPS for t in c.subtree} | {t.i for t in subj.subtree}
            lead = [t for t in window if t.i < v.i and t.i not in own]
            if all(t.is_punct or t.lower_ in {"as", "so"} or t.dep_ in {"advmod", "aux", "neg"} for t in lead):
                return Tie(verb=v)
        else:
            between = [t for t in window if t.i > v.i]
            if any(t.tag_ in FINITE for t in between):
                continue
            # "maintains the “strong” position": an object phrase, not speech.
            if statement or takes_quoted_words(v, cues) or all(t.is_punct or t.lower_ == "that" for t in between):
                return Tie(verb=v)
    return None


def colon_tie(toks: list[Token], cues: CueLexicon) -> Tie | None:
    """The attribution in words that end in a colon before a quotation: a verb of saying ("X
    said:") or a speech noun and whoever issues it ("X issued a statement:", "Y's answer:")."""
    verbs = [t for t in toks if is_speech_verb(t, cues)]
    if verbs:
        return Tie(verb=verbs[-1])
    nouns = [t for t in toks if is_speech_noun(t, cues)]
    if nouns:
        noun = nouns[-1]
        if noun.head.pos_ in {"VERB", "AUX"} and noun.dep_ not in SUBJECT_DEPS:
            return Tie(verb=noun.head)  # "X provided the following remarks:"
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ == "PRON":
            # "Boric closed his remarks with words of thanks:": whoever does the clause's act speaks.
            verb = governing_verb(noun)
            owner = (subject_of(verb) if verb is not None else None) or owner
        return Tie(subject=owner, cue=noun.text)
    return None


def colon_before(window: list[Token], cues: CueLexicon) -> Tie | None:
    # "Maria Lopez issued a statement: “...”": the same, within the quotation's paragraph.
    if not window or window[-1].text != ":":
        return None
    return colon_tie(window[:-1], cues)


def subject_before(window: list[Token], toks: list[Token]) -> Tie | None:
    # "Peru “will continue ...”": the quotation is the predicate of the subject before it.
    if not window or not toks:
        return None
    last = window[-1]
    inside = {t.i for t in toks}
    if last.dep_ in {"nsubj", "nsubjpass"} and last.head.i in inside and last.pos_ in {"PROPN", "NOUN"}:
        return Tie(subject=last)
    return None


def invites_after(doc: Doc, q: Quoted) -> bool:
    # "“...,” he said." or "“...” he said": an attribution may follow unless the quotation ended a
    # sentence and the next words start another one.
    last = doc_text(doc)[q.end - 1] if q.end > q.start else ""
    if last in ",?!—–-…":
        return True
    rest = doc_text(doc)[(q.close_mark or q.end) + 1 :].lstrip()
    return bool(rest) and (rest[0] in ",;" or rest[0].islower())
