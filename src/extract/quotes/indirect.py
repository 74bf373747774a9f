"""Reported speech from the dependency parse: a verb of saying with a finite content clause,
"according to X, <clause>", and inverted attributions ("The summit will ..., the ministry
announced."). The span is the content clause without the writer's tacked-on comment.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .attribution import Attributed
from .cues import CueLexicon, according_to, cue_text, is_hedge, is_passive, is_reporting, is_speech_verb, is_verb, relative_owner, reporting_head, subject_of
from ..models import Kind, Quote, Span
from ..text.scanner import QuoteIndex
from ..text.sentences import doc_text
from .nearby import nearby_name
from .speakers import NOBODY, EntityTable, Mention
from .ties import FINITE as _FINITE
from .ties import imperative

_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
# Subordinators of a trailing clause that the writer adds to date or explain the report
# (", after X extended an invitation"), not part of what was said.
_WRITER_ADVCL = {"after", "before", "following", "since", "when", "while", "once", "until", "as"}
# A clause whose subject points back at the report itself is the writer's verdict ("and that is about it").
_DEMONSTRATIVES = {"that", "this"}
# Subjects that are the writer (or an unmarked quoted speaker), never a reported source.
_FIRST_PERSON = {"i", "we"}
_EDGE_PUNCT = set(".,;:!?-–—") | set("“”‘’\"'")
_JOINT = {"they"}
# Words the parse hangs on the verb after its clause that still belong to what was said
# ("said that he did, in the sense that ...", a list the parse broke off the clause).
_CONTINUING = {"prep", "dobj", "npadvmod", "advcl", "appos", "dep", "attr", "oprd"}
# Nouns of time a ", when ..." clause can describe ("repeat the past, when ..."): then the clause
# is part of what was said, not the writer dating the report.
_TIME_NOUNS = {"past", "time", "times", "day", "days", "year", "years", "era", "period", "moment", "decade", "decades"}
# Separators after which an earlier clause is the writer's lead-in, not the reported content
# ("X was guarded: he said that ...", "He drew a line: any attack would ..., he warned").
_LEAD_IN = {":", ";"}
_DASHES = {"—", "–"}


def _finite(clause: Token) -> bool:
    if not any(c.dep_ in _SUBJECTS for c in clause.children):
        return _dashed(clause) is not None
    # "refused to say whether ...": an open question reports no content.
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children):
        return False
    return _finite_verb(clause) or _dashed(clause) is not None


def _dashed(clause: Token) -> Token | None:
    """"that Chile's position — settle the border first, then trade — had not changed": a dashed
    aside between subject and verb that the parse took for the clause's verb (its finite predicate
    then hangs on it as a conjunct) or for a clause of its own (the finite verb then has no subject,
    and the subject sits in the aside's subtree). The finite predicate, or None."""
    doc = clause.doc
    if not any(c.dep_ in _SUBJECTS for c in clause.children):
        if clause.dep_ == "ccomp" and _finite_verb(clause) and any(t.text in _DASHES for t in doc[clause.left_edge.i : clause.i]) \
                and any(t.dep_ in _SUBJECTS for t in doc[clause.left_edge.i : clause.i]):
            return clause
        return None
    for c in clause.children:
        if c.dep_ == "conj" and _finite_verb(c) and not any(s.dep_ in _SUBJECTS for s in c.children) \
                and any(t.text in _DASHES for t in doc[clause.i : c.i]):
            return c
    return None


def _finite_verb(tok: Token) -> bool:
    return tok.tag_ in _FINITE or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in tok.children)


def _unreal(verb: Token, table: EntityTable) -> bool:
    """"Japan must first acknowledge that ...", "he would announce that ...": a verb of saying under
    a modal is an obligation or a prospect, not speech that was made (a name the parse read as a
    modal, "May said", is no modal)."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.i not in table.named for c in verb.children)



def _trim(doc: Doc, toks: list[Token]) -> tuple[int, int] | None:
    """Character span of ``toks`` (in order) without leading "that", a dateline and edge punctuation."""
    dash = next((k for k, t in enumerate(toks[:10]) if t.text in {"-", "–", "—"} and t.whitespace_), None)
    if dash is not None and toks[0].is_upper and len(toks[0]) > 1:
        toks = toks[dash + 1 :]  # "PARIS, 10 March 2025 - ..."
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ in {"that", "whether", "if"} or toks[0].text in _EDGE_PUNCT
                    or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].text in _EDGE_PUNCT or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _clause_tokens(clause: Token) -> list[Token]:
    """The clause's words up to where the writer's own comment begins."""
    toks = sorted(clause.subtree, key=lambda t: t.i)
    cut = toks[-1].i + 1
    for c in clause.children:
        if c.i <= clause.i:
            continue
        if _gloss(c):
            cut = min(cut, c.left_edge.i - 1)
        # ", according to a readout": the source, not what was said.
        if c.lower_ == "according" and c.dep_ == "prep":
            cut = min(cut, c.left_edge.i - (c.doc[c.left_edge.i - 1].text == ","))
        # A trailing parenthesis: "(as they in fact did)".
        if c.text == "(" and all(t.i >= c.i for t in clause.subtree if t.i > c.i) and toks[-1].i - c.i >= 1:
            cut = min(cut, c.i)
        # ", after X extended an invitation" (but "repeat the past, when ..." describes the past)
        if c.dep_ == "advcl" and c.left_edge.lower_ in _WRITER_ADVCL and c.left_edge.i > 1 and c.doc[c.left_edge.i - 1].text == "," \
                and not (c.left_edge.lower_ == "when" and c.doc[c.left_edge.i - 2].lemma_.lower() in _TIME_NOUNS):
            cut = min(cut, c.left_edge.i - 1)
    # ", which would make him the first ...": a trailing non-restrictive "which" clause is the
    # writer's gloss on the report.
    for t in toks:
        if t.dep_ in {"relcl", "advcl"} and t.left_edge.lower_ == "which" and t.left_edge.i > 0 \
                and t.doc[t.left_edge.i - 1].text == "," and t.right_edge.i >= toks[-1].i - 1:
            cut = min(cut, t.left_edge.i - 1)
            break
        if c.dep_ == "conj" and is_verb(c):
            subj = next((s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
            # "and that is about it": the writer's verdict on the report.
            verdict = subj is not None and subj.lower_ in _DEMONSTRATIVES and not list(subj.children)
            if verdict or _narrated(c):
                cut = min(cut, _coordinator(c).i)
    return [t for t in toks if t.i < cut]


def _coordinator(clause: Token) -> Token:
    """Where a coordinated clause begins: its comma and conjunction ("..., and the ...")."""
    i = clause.left_edge.i - 1
    while i >= 0 and (clause.doc[i].dep_ == "cc" or clause.doc[i].text == ","):
        i -= 1
    return clause.doc[i + 1]


def _narrated(clause: Token) -> bool:
    """", and the aides dismissed ...": a clause joined after a comma, with a subject of its own
    and no "that", goes on in the writer's voice ("said that X and that Y" stays one report)."""
    doc = clause.doc
    start = _coordinator(clause)
    joined = start.i < clause.left_edge.i and doc[start.i].text == "," and any(t.dep_ == "cc" for t in doc[start.i : clause.left_edge.i])
    subj = next((s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
    marked = any(m.dep_ == "mark" for m in clause.children)
    return joined and subj is not None and not marked and subj.lower_ not in _JOINT


def _coordinated(verb: Token, after: int, cues: CueLexicon) -> Token | None:
    """A second content clause coordinated with the verb itself: "said that X, and they agreed Y"."""
    subj = subject_of(verb)
    for c in verb.children:
        if c.dep_ != "conj" or c.i <= after or not _finite(c):
            continue
        cc = [t for t in verb.children if t.dep_ == "cc" and after < t.i < c.i]
        own = next((s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
        if not cc or cc[-1].lower_ not in {"and", "but"} or own is None:
            continue
        # "told reporters that A, and that B": a second "that" makes B a second content clause.
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
        if is_speech_verb(c, cues) or cc[-1].lower_ != "and":
            continue
        # "..., and they agreed ...": the parties' joint conclusion is part of the report; a clause
        # with its own named subject ("and the aides dismissed ...") is the writer narrating.
        if own.lower_ not in _JOINT or (subj is not None and own.lower_ == subj.lower_):
            continue
        return c
    return None


def _content(verb: Token, cues: CueLexicon) -> list[Token] | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and _finite(c) and _same_paragraph(verb, c)
               and not (c.i < verb.i and any(t.text in _LEAD_IN for t in verb.doc[c.right_edge.i + 1 : verb.i]))]
    clauses = clauses[:1] + [c for c in clauses[1:] if not _narrated(c)]
    if clauses:
        toks = [t for c in clauses for t in _clause_tokens(c)]
        last = max(c.right_edge.i for c in clauses)
        if all(c.i > verb.i for c in clauses):
            for c in verb.children:
                if c.i > last and c.dep_ in _CONTINUING and not is_verb(c) and c.lower_ != "according" \
                        and not any(t.dep_ == "cc" for t in verb.doc[last + 1 : c.left_edge.i + 1]) and not _gloss(c):
                    toks += [t for t in c.subtree]
            extra = _coordinated(verb, last, cues)
            if extra is not None:
                toks += [t for t in verb.doc[last + 1 : extra.i] if not t.is_punct or t.text == ","]
                toks += _clause_tokens(extra)
        toks = sorted(set(toks), key=lambda t: t.i)
        if all(c.i < verb.i for c in clauses):
            toks = _after_lead_in(toks)
        if not toks:
            return None  # nothing of the clause stood after its lead-in
        # Only the stretch that runs on from the clause: nothing past a gap of the writer's words.
        run = [toks[0]]
        for t in toks[1:]:
            gap = verb.doc[run[-1].i + 1 : t.i]
            if any(not g.is_punct for g in gap):
                break
            run.append(t)
        return run
    # Inverted: "The border is closed, he said." / "..., as the minister said." hang on the clause.
    head = verb.head
    inverted = verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children))
    if inverted and head.i != verb.i and head.i < verb.i and _finite(head):
        return _after_lead_in([t for t in head.subtree if t.i < verb.left_edge.i])
    return None


def _after_lead_in(toks: list[Token]) -> list[Token]:
    """Content before its attribution starts after the writer's lead-in and its colon
    ("He drew a line: any attack would be answered, he warned")."""
    lead = [k for k, t in enumerate(toks) if t.text in _LEAD_IN]
    return toks[lead[-1] + 1 :] if lead else toks


def _gloss(phrase: Token) -> bool:
    """"told him that ..., a joking reference to ...": an indefinite noun phrase after a comma, hung
    as a second object on a verb that has its object or clause already, is the writer's description
    of the report, not more of its content (", a day later" stays: a modifier, not an object)."""
    first, head = phrase.left_edge, phrase.head
    if phrase.pos_ not in {"NOUN", "PROPN"} or phrase.dep_ not in {"dobj", "appos", "dep", "attr"}:
        return False
    if first.lower_ not in {"a", "an"} or first.i == 0 or phrase.doc[first.i - 1].text != ",":
        return False
    return any(c.dep_ in {"dobj", "dative", "ccomp"} and c.i < first.i for c in head.children)


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a, b), key=lambda t: t.i)
    return "\n\n" not in doc_text(a.doc)[lo.idx : hi.right_edge.idx if hi.i > lo.i else hi.idx]


def _paragraph_of(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, offset)
    hi = text.find("\n\n", offset)
    return (0 if lo < 0 else lo + 2), (len(text) if hi < 0 else hi)


def _according_content(tok: Token) -> list[Token] | None:
    head = tok.head
    if head.i == tok.i or not _finite(head):
        return None
    phrase = {t.i for t in tok.subtree}
    text = doc_text(tok.doc)
    # Words before the phrase belong to the clause only on its line: a live blog's "11.15am" does not.
    return [t for t in sorted(head.subtree, key=lambda t: t.i) if t.i not in phrase
            and (t.i > tok.right_edge.i or t.i < tok.i and "\n" not in text[t.idx : tok.idx])]


def reported_speech(
    doc: Doc, *, table: EntityTable, cues: CueLexicon, direct: list[Attributed], speech_regions: Iterable[tuple[int, int]] = ()
) -> list[Quote]:
    """Indirect quotes; none where the reported content holds quoted words or lies in speech."""
    every = QuoteIndex([a.quoted for a in direct])
    kept = QuoteIndex([a.quoted for a in direct if a.keep])
    tied = {a.verb.i for a in direct if a.keep and a.verb is not None}
    regions = list(speech_regions)
    spoken = [(a.quote.start, a.quote.speaker) for a in direct if a.keep and a.quote.speaker]
    out: list[Quote] = []
    for tok in doc:
        if every.covers(tok.idx) or any(s <= tok.idx < e for s, e in regions):
            continue
        source: Token | None
        if is_reporting(tok, cues) and tok.i not in tied and not is_hedge(tok) and not any(c.dep_ == "neg" for c in tok.children) \
                and not _unreal(tok, table) and not imperative(tok):
            content, source, cue = _content(tok, cues), None, cue_text(tok, cues)
        elif (obj := according_to(tok)) is not None:
            to = tok.nbor(1)
            content, source, cue = _according_content(tok), obj, doc_text(doc)[tok.idx : to.idx + len(to)]
        else:
            continue
        if content:
            # The parse can run a headline or dateline into the next paragraph's sentence.
            lo, hi = _paragraph_of(doc_text(doc), tok.idx)
            content = [t for t in content if lo <= t.idx < hi]
        span = _trim(doc, content) if content else None
        if span is None or kept.overlaps(*span):
            continue
        who = _who(tok, source, table, spoken, cues)
        if who is None:
            continue
        s, e = span
        inside = who.span is not None and who.name is None and s <= who.start < e
        mention = Span(start=who.start, end=who.end, text=doc_text(doc)[who.start : who.end]) if who.span and not inside else None
        out.append(Quote(id="q1", start=s, end=e, text=doc_text(doc)[s:e], kind=Kind.indirect, speaker=who.name,
                         speaker_mention=mention, cue=cue))
        if who.name:
            spoken.append((s, who.name))
    # Relayed speech ("X said that Y told Z that ..."): the innermost report is the quote.
    # Of two reports of the same words, the one with a verb of saying names the speaker: "According
    # to a readout, Biden told Xi that ..." is Biden's.
    order = sorted(range(len(out)), key=lambda k: (out[k].cue or "").startswith("according"))
    rank = {k: r for r, k in enumerate(order)}
    return [q for k, q in enumerate(out) if not any(_inside(o, q) and (o.start, o.end) != (q.start, q.end) or
                                                    (o.start, o.end) == (q.start, q.end) and rank[j] < rank[k]
                                                    for j, o in enumerate(out))]


def _inside(inner: Quote, outer: Quote) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _who(tok: Token, source: Token | None, table: EntityTable, spoken: list[tuple[int, str]], cues: CueLexicon) -> Mention | None:
    """The speaker, NOBODY when unnamed, None when the "speaker" is the writer."""
    subj = source if source is not None else relative_owner(tok) or subject_of(reporting_head(tok, cues))
    if subj is not None:
        if subj.lower_ in _FIRST_PERSON:
            return None
        return table.resolve(subj)
    near = nearby_name(table, tok)
    if near.name:
        return near
    if is_passive(tok):
        return NOBODY
    # No subject at all ("Even alleging that ..."): the last named speaker before it, unnamed here.
    before = [(start, name) for start, name in spoken if start < tok.idx]
    return Mention(max(before)[1]) if before else NOBODY
