"""Cues of speech in the parse: verbs of saying, speech nouns, "according to", and who does the saying.

Shared by the direct-quote attribution and the reported-speech extractor, so both read the
same lexicons (data files) the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons import Lexicons
from ..text.marks import ALL_MARKS
from ..text.sentences import apposed_to, doc_text

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_PARTICLES = {"back", "out", "up", "off", "on", "in", "down"}
# Modals that make "it should be noted that ..." the writer's own hedge rather than a report.
_HEDGING_MODALS = {"should", "must", "can", "could", "may", "might", "would"}
# Dependencies through which a verb without a subject of its own borrows one from its head
# ("reassured" in "X expressed ... and reassured", "slam" in "X used the opportunity to slam").
_SEQUENCE = {"before", "after"}
_BORROWS_SUBJECT = {"conj", "xcomp", "advcl", "acl", "relcl", "dobj", "pobj", "prep", "pcomp", "ccomp"}


@dataclass(frozen=True)
class CueLexicon:
    """The word lists that signal speech, read from the lexicon data files."""

    reporting: frozenset[str]  # verbs of saying that take a content clause
    speech: frozenset[str]  # reporting verbs plus verbs that only introduce quoted words
    nouns: frozenset[str]  # speech nouns: statement, remarks, spokesman
    elisions: frozenset[str]
    clause_only: frozenset[str]  # verbs that report speech only with a clause ("maintains that")
    scare_markers: frozenset[str]  # words that flag a quoted phrase as the writer's ("so-called")
    role_heads: frozenset[str] = frozenset()  # last words of roles: a "minister", a "president" speaks

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> CueLexicon:
        reporting = frozenset(lex.reporting_verbs)
        return cls(
            reporting=reporting,
            speech=reporting | frozenset(lex.extra.get("speech_verbs", ())),
            nouns=frozenset(lex.extra.get("speech_nouns", ())),
            elisions=frozenset(lex.extra.get("elisions", ())),
            clause_only=frozenset(lex.extra.get("clause_only_verbs", ())),
            scare_markers=frozenset(lex.extra.get("scare_markers", ())),
            role_heads=frozenset(r.split()[-1] for r in lex.roles),
        )


def _lemma(tok: Token) -> str:
    # Phrasal verbs are listed with their particle ("point out", "shoot back"), which the parse may
    # also read as an adverb right after the verb.
    prt = next((c for c in tok.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in _PARTICLES), None)
    base = tok.lemma_.lower()
    return f"{base} {prt.lower_}" if prt is not None else base


def is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB") or tok.pos_ == "VERB"


def is_reporting(tok: Token, cues: CueLexicon) -> bool:
    """A verb of saying that can take a content clause."""
    return is_verb(tok) and (tok.lemma_.lower() in cues.reporting or _lemma(tok) in cues.reporting)


def _with_it(tok: Token) -> str | None:
    # Idioms listed with their object ("put it": "as the senator put it, “...”").
    it = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    return f"{tok.lemma_.lower()} it" if it is not None else None


def is_speech_verb(tok: Token, cues: CueLexicon) -> bool:
    """Any verb that can introduce someone's words."""
    return is_verb(tok) and (tok.lemma_.lower() in cues.speech or _lemma(tok) in cues.speech or _with_it(tok) in cues.speech)


def takes_quoted_words(tok: Token, cues: CueLexicon) -> bool:
    """Whether quoted words in the verb's object are its speech ("predicted a “terrific
    relationship”"), not the writer's ("maintains the “strong” position")."""
    return tok.lemma_.lower() not in cues.clause_only


def is_speech_noun(tok: Token, cues: CueLexicon) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    two = f"{tok.doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > 0 else ""
    return tok.lower_ in cues.nouns or tok.lemma_.lower() in cues.nouns or two in cues.nouns


def is_hedge(verb: Token) -> bool:
    """"It should be noted that ...": a modal passive is the writer talking, not a report."""
    kids = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and bool(kids & _HEDGING_MODALS)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _doing(verb: Token) -> bool:
    """Whether a passive verb goes on with what its subject does: "quoted as saying", "heard saying"."""
    kids = [g for c in verb.rights for g in ([c] + ([*c.children] if c.lower_ == "as" else []))]
    return any(k.tag_ == "VBG" for k in kids)  # after it: not "Following the meeting it was announced"


def subject_of(verb: Token, *, max_steps: int = 4) -> Token | None:
    """The token naming who does the saying: the verb's own subject, the agent of a passive, or
    the subject it borrows from the clause it hangs on; None for "it was announced that"."""
    tok = verb
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _SEQUENCE and verb.sent.root.pos_ == "VERB":
        # "X said the two sides had made progress, before adding: ...": the one who said it adds
        # to it, not the subject of what was said, where the parse hangs "before".
        tok = verb.sent.root
    for _ in range(max_steps):
        if (quoted := _quoted_as(tok)) is not None:
            return quoted
        # A clausal subject opened by "while"/"when" is a misparsed adverbial, not the speaker.
        subjects = [c for c in tok.children if c.dep_ == "nsubj"
                    or c.dep_ == "csubj" and not any(m.dep_ == "mark" for m in c.children)]
        # Nearest first: a parse that crosses a paragraph break may give the verb two subjects.
        found = [s for s in (_in_paragraph(c, tok) for c in sorted(subjects, key=lambda c: abs(c.i - tok.i))) if s is not None]
        if found:
            return found[0]
        if subjects:
            return None
        if is_passive(tok):
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None and (tok.i != verb.i or _doing(tok)):
                # "X was quoted as saying that", "X is said to have told", "“...,” X was quoted as
                # saying": X does the saying.
                return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            return pobj  # no agent: the source is left unnamed
        # "X told them ..., then turned to the ministers and said": a verb the parse left hanging
        # (dep) on an earlier verb of the sentence goes on with its subject.
        hanging = tok.dep_ == "dep" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" and tok.head.i < tok.i
        if (tok.dep_ not in _BORROWS_SUBJECT and not hanging) or tok.head.i == tok.i:
            return None
        if tok.tag_ in {"VBG", "VB"} and (seen := _seen_doing(tok)) is not None:
            return seen
        if tok.tag_ == "VBG" and (shown := _shown_doing(tok)) is not None:
            return shown
        if "\n" in doc_text(tok.doc)[min(tok.idx, tok.head.idx) : max(tok.idx, tok.head.idx)]:
            return None  # a parse run across a paragraph break lends no subject
        tok = tok.head
    return None


def _quoted_as(verb: Token) -> Token | None:
    """"Her office quoted Park as saying": the object quoted as doing the saying, not the quoter."""
    if verb.lemma_.lower() not in {"quote", "cite"}:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"PROPN", "PRON", "NOUN"}), None)
    doing = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.tag_ == "VBG"]
    return obj if obj is not None and doing else None


def _seen_doing(verb: Token) -> Token | None:
    """"cameras caught Xi telling him", "aides heard her say": the object right before the
    participle does it, not the subject of the verb of seeing."""
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1), None)
    return obj if obj is not None and obj.pos_ in {"PROPN", "PRON", "NOUN"} else None


def _shown_doing(verb: Token) -> Token | None:
    """"footage of Trump saying", "a video of the mayor telling": the one the participle describes,
    however the parse attaches it."""
    if verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "PRON"}:
        return verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.dep_ == "pobj" and before.head.lower_ == "of":
        return before
    return None


def relative_owner(verb: Token) -> Token | None:
    """"talks with X, who has taken a tougher line, saying that ...": a participle right after a
    non-restrictive relative clause goes on about the person that clause describes."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    before = verb.doc[verb.i - 2]
    rel = next((t for t in before.ancestors if t.dep_ == "relcl"), before if before.dep_ == "relcl" else None)
    if rel is None or rel.right_edge.i != before.i or rel.head.pos_ not in {"PROPN", "NOUN"}:
        return None
    first = rel.left_edge
    if first.lower_ != "who" or first.i == 0 or verb.doc[first.i - 1].text != ",":
        return None
    return rel.head


# Quotation marks between two verbs: the parse has run a quotation's verb into the clause after it.
_QUOTE_MARKS = frozenset('"“”‘’\'')


def reporting_head(verb: Token, cues: CueLexicon) -> Token:
    """The verb whose subject does the saying: for a verb of saying coordinated into the content
    clause of another ("X said that Russia was “European” and spoke of ..."), the reporting verb."""
    head = verb.head
    if verb.dep_ == "conj" and is_speech_verb(verb, cues) and head.dep_ == "ccomp" and head.i < verb.i \
            and is_speech_verb(head.head, cues) and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
            and not any(c.dep_ == "mark" for c in verb.children):
        return head.head
    # "X said the visit would affirm the “deep ... partnership”": a thing affirms nothing; the
    # verb it is the subject of reports X's words.
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if verb.dep_ == "ccomp" and is_speech_verb(head, cues) and subj is not None and head.i < subj.i and subj.pos_ == "NOUN" \
            and not subj.ent_type_ and subj.lemma_.lower() not in cues.nouns | cues.role_heads and not any(c.dep_ == "mark" for c in verb.children) \
            and not any(t.text in _QUOTE_MARKS for t in verb.doc[head.i : verb.i]):
        return head
    return verb


def _in_paragraph(subj: Token, verb: Token) -> Token | None:
    """The subject's words on the verb's side of a paragraph break: the parse sometimes runs a
    boilerplate line ("Advertisement") into the next paragraph's subject."""
    text = doc_text(verb.doc)
    a, b = sorted((subj.idx, verb.idx))
    brk = text.rfind("\n", a, b)
    if brk < 0:
        return subj
    near = [t for t in subj.subtree if (t.idx > brk) == (verb.idx > brk) and not t.is_space]
    tops = [t for t in near if t.head.i not in {n.i for n in near} or t.head.i == t.i]
    return tops[-1] if tops else None  # English phrases put their head last


def according_to(tok: Token) -> Token | None:
    """For the "according" of "according to X", the head token of X."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        to = tok.nbor(1)
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def cue_text(verb: Token, cues: CueLexicon, target: tuple[int, int] | None = None) -> str:
    """The reporting verb or phrase as written: "said", "told reporters", "spoke about",
    "provided the following remarks", "pointed out"."""
    doc, first, last = verb.doc, verb, verb
    # A perfect auxiliary is part of the verb as written ("had said"); a passive one is not.
    if verb.i > 0 and doc[verb.i - 1].dep_ == "aux" and doc[verb.i - 1].lemma_ == "have":
        first = doc[verb.i - 1]
    for c in verb.children:
        if c.dep_ == "prt" and c.i == last.i + 1:
            last = c
    if verb.lemma_.lower() == "tell":
        # The addressee is part of the cue ("told reporters") when it is a short phrase.
        obj = next((c for c in verb.children if c.dep_ in {"dative", "dobj"} and c.i > verb.i), None)
        if obj is not None and obj.i - verb.i <= 4 and obj.right_edge.i == obj.i:
            last = obj
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i and c.i - verb.i <= 4 and is_speech_noun(c, cues) \
                and not is_speech_verb(verb, cues):
            last = c  # "provided the following remarks" (but "called the remark “...”" is "called")
        if c.dep_ == "prep" and c.i == last.i + 1 and target and c.right_edge.idx >= target[0] > c.idx:
            last = c  # "spoke about" the quoted words
        obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if obj is not None and c.lower_ == "in" and c.i == last.i + 1 and obj.i - c.i <= 3 and is_speech_noun(obj, cues):
            last = obj  # "said in a statement"
    return doc_text(doc)[first.idx : last.idx + len(last)]


# Separators after which a clause the parse hangs on the next one stands on its own
# ("X was more guarded: he said ...").
_LEAD_IN = {":", ";"}


def clause_verb(tok: Token) -> Token | None:
    """The verb whose subject the name ``tok`` is part of."""
    while tok.dep_ in {"compound", "flat", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ in {"nsubj", "nsubjpass"} else None


def main_subject(tok: Token) -> bool:
    """Whether ``tok`` heads the subject of a main clause (not of a reported or subordinate one)."""
    while tok.dep_ in {"compound", "flat", "appos"} and tok.head.i != tok.i:
        tok = apposed_to(tok) if tok.dep_ == "appos" else tok.head
    # A name the parse read as a modal ("May repeated that ..."): the subject of its verb.
    misread = tok.dep_ == "aux" and tok.tag_ == "MD" and tok.i < tok.head.i \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.head.children)
    if tok.dep_ not in {"nsubj", "nsubjpass"} and not misread:
        return False
    verb = tok.head
    while verb.head.i != verb.i:
        if verb.dep_ in {"conj", "xcomp"}:
            verb = verb.head
        elif verb.dep_ == "ccomp" and verb.i < verb.head.i and any(
                t.text in _LEAD_IN for t in tok.doc[verb.right_edge.i + 1 : verb.head.i]):
            verb = verb.head  # "X was more guarded: he said ...": a sentence of its own
        elif verb.dep_ == "ccomp" and verb.i < verb.head.i and any(
                t.text in _LEAD_IN and t.head.i == verb.i for t in tok.doc[verb.i + 1 : verb.head.i]):
            return True  # "Varga obliged: “...,” he said": what follows the colon is the quotation's parse
        elif verb.dep_ == "ccomp" and verb.i > verb.head.i and min(tok.left_edge.i, verb.i) > 0 \
                and tok.doc[min(tok.left_edge.i, verb.i) - 1].text in ALL_MARKS:
            verb = verb.head  # "“...,” Turnbull told reporters": the parse hangs the cue on the quote
        else:
            break
    return verb.dep_ == "ROOT"
