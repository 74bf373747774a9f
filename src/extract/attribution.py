"""Who said the words between the marks: ties each quotation from the scanner to its attribution.

In order of strength: the parse (the quotation sits in the complement of a verb of saying, or a
verb of saying hangs on it), "according to X", an attribution right before the opening mark or
right after the closing one, a subject right before the mark ("Israel “will continue ...”"), a
colon-introduced block, and finally the continuation of the previous paragraph's quotation.
A short quotation tied to nothing is a scare quote or a quoted name and is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import (
    CueLexicon, according_to, cue_text, is_passive, is_speech_noun, is_speech_verb, subject_of, takes_quoted_words,
)
from .models import Kind, Quote, Span
from .paragraphs import Paragraphs
from .scanner import QuoteIndex, Quoted
from .speakers import NOBODY, EntityTable, Mention

# Dependencies that do not put the quotation inside what the verb reports: its subject, a clause
# merely coordinated with it, punctuation.
_NOT_REPORTED = {"nsubj", "nsubjpass", "csubj", "csubjpass", "conj", "cc", "punct", "mark", "aux", "auxpass"}
# Dependencies by which a verb takes a clause: quoted words there are what was said.
_CLAUSAL = {"ccomp", "xcomp", "parataxis", "advcl", "csubj"}
_SENTENCE_END = {".", "!", "?"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_FIRST_PERSON = {"i", "we", "my", "our", "us", "me"}
# How far (tokens) an attribution may stand from the mark it belongs to.
_NEAR = 8
# A quotation tied to no speaker is kept only when it reads like a statement, not a phrase.
_MIN_UNTIED_WORDS = 4


@dataclass(frozen=True)
class Tie:
    """What a quotation is attributed to: a cue verb and/or an explicit subject token."""

    verb: Token | None = None
    subject: Token | None = None
    cue: str | None = None
    quiet: bool = False  # speaker only: no mention or cue (a later paragraph of a block)


@dataclass(frozen=True)
class Attributed:
    quoted: Quoted
    quote: Quote
    verb: Token | None  # the verb of saying it hangs on, if any
    keep: bool


def _tokens(doc: Doc, q: Quoted) -> list[Token]:
    close = q.close_mark if q.close_mark is not None else q.end
    span = doc.char_span(q.start, close, alignment_mode="expand")
    return [t for t in span if q.start <= t.idx < close] if span is not None else []


def _syntactic(toks: list[Token], index: QuoteIndex, cues: CueLexicon, bounds: tuple[int, int]) -> Tie | None:
    inside = {t.i for t in toks}
    statement = _statement(toks)
    for tok in toks:
        if tok.is_punct:
            continue
        child, head = tok, tok.head
        while head.i != child.i:
            if head.i not in inside and not index.covers(head.idx) and bounds[0] <= head.idx < bounds[1]:
                if is_speech_verb(head, cues) and child.dep_ not in _NOT_REPORTED:
                    if child.dep_ in _CLAUSAL or statement or takes_quoted_words(head, cues):
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
    """A short attribution clause: "as X said", or ", X argued," with no subordinator."""
    marks = [m.lower_ for m in verb.children if m.dep_ == "mark"]
    return verb.dep_ == "advcl" and marks in ([], ["as"]) and len(list(verb.subtree)) <= 8


def _governs(verb: Token, inside: set[int]) -> bool:
    """Whether the quotation lies inside the verb's own clause (then it is not hanging on it)."""
    return any(t.i in inside for t in verb.subtree)


def _statement(toks: list[Token]) -> bool:
    """Quoted words that make a statement of their own (a finite verb), not a bare phrase."""
    return any(t.tag_ in _FINITE for t in toks)


def _window_before(doc: Doc, q: Quoted, pars: Paragraphs, index: QuoteIndex) -> list[Token]:
    mark = doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand")
    par_start = pars[q.first_par][0]
    out: list[Token] = []
    i = mark.start - 1
    while i >= 0 and len(out) < _NEAR:
        t = doc[i]
        if t.idx < par_start or index.covers(t.idx) or t.text in _SENTENCE_END or t.text in {"”", '"', "’"}:
            break
        out.insert(0, t)
        i -= 1
    return out


def _window_after(doc: Doc, q: Quoted, pars: Paragraphs, index: QuoteIndex) -> list[Token]:
    if q.close_mark is None:
        return []
    par_end = pars[q.last_par][1]
    mark = doc.char_span(q.close_mark, q.close_mark + 1, alignment_mode="expand")
    out: list[Token] = []
    for t in doc[mark.end : mark.end + _NEAR + 2]:
        if t.idx >= par_end or index.covers(t.idx) or t.text in {"“", '"', "‘"}:
            break
        if t.text in _SENTENCE_END:
            break
        out.append(t)
    return out


def _according(window: list[Token]) -> Tie | None:
    for t in window:
        obj = according_to(t)
        if obj is not None:
            to = next((c for c in t.children if c.lower_ == "to"), t.nbor(1))
            return Tie(subject=obj, cue=t.doc.text[t.idx : to.idx + len(to)])
    return None


def _adjacent(window: list[Token], cues: CueLexicon, *, after: bool, statement: bool = True) -> Tie | None:
    inside = {t.i for t in window}
    verbs = [t for t in window if is_speech_verb(t, cues)]
    for v in verbs if after else reversed(verbs):
        if after:
            subj = subject_of(v)
            # ", the Israeli leader added" / ", said the minister": nothing but the attribution
            # between the closing mark and the verb, whose subject is in the window.
            if subj is None or subj.i not in inside:
                continue
            own = {t.i for t in subj.subtree}
            lead = [t for t in window if t.i < v.i and t.i not in own]
            if all(t.is_punct or t.lower_ in {"as", "so"} or t.dep_ in {"advmod", "aux", "neg"} for t in lead):
                return Tie(verb=v)
        else:
            between = [t for t in window if t.i > v.i]
            if any(t.tag_ in _FINITE for t in between):
                continue
            # "maintains the “strong” position": an object phrase, not speech.
            if statement or takes_quoted_words(v, cues) or all(t.is_punct or t.lower_ == "that" for t in between):
                return Tie(verb=v)
    return None


def _subject_before(window: list[Token], toks: list[Token]) -> Tie | None:
    # "Israel “will continue ...”": the quotation is the predicate of the subject before it.
    if not window or not toks:
        return None
    last = window[-1]
    inside = {t.i for t in toks}
    if last.dep_ in {"nsubj", "nsubjpass"} and last.head.i in inside and last.pos_ in {"PROPN", "NOUN"}:
        return Tie(subject=last)
    return None


def colon_blocks(doc: Doc, pars: Paragraphs, quoted: list[Quoted], cues: CueLexicon) -> dict[int, Tie]:
    """Paragraphs attributed by a line that ends in a colon after a verb of saying or a speech
    noun ("Prior to leaving, X said:"), each mapped to its tie; later paragraphs get a quiet tie."""
    starts = {q.first_par for q in quoted if q.open_mark == pars[q.first_par][0]}
    covered = {p for q in quoted for p in range(q.first_par, q.last_par + 1)}
    out: dict[int, Tie] = {}
    for pi, (ps, pe) in enumerate(pars.spans):
        if not doc.text[ps:pe].rstrip().endswith(":") or pi + 1 not in starts:
            continue
        tie = _colon_tie(doc, ps, pe, cues)
        if tie is None:
            continue
        j = pi + 1
        while j < len(pars):
            if j in starts or j in covered:
                out[j] = tie if j == pi + 1 else Tie(tie.verb, tie.subject, None, quiet=True)
            elif j + 1 in starts and _first_person(doc, *pars[j]):
                out[j] = Tie(tie.verb, tie.subject, None, quiet=True)  # an unmarked paragraph of the speech
            else:
                break
            j += 1
    return out


def _colon_tie(doc: Doc, ps: int, pe: int, cues: CueLexicon) -> Tie | None:
    span = doc.char_span(ps, pe, alignment_mode="expand")
    sent = list(span[-1].sent) if len(span) else []
    toks = [t for t in sent if ps <= t.idx < pe]
    verbs = [t for t in toks if is_speech_verb(t, cues)]
    if verbs:
        return Tie(verb=verbs[-1])
    nouns = [t for t in toks if is_speech_noun(t, cues)]
    if nouns:
        noun = nouns[-1]
        if noun.head.pos_ in {"VERB", "AUX"}:
            return Tie(verb=noun.head)  # "X provided the following remarks:"
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return Tie(subject=owner, cue=noun.text)
    return None


def _first_person(doc: Doc, ps: int, pe: int) -> bool:
    span = doc.char_span(ps, pe, alignment_mode="expand")
    return any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" for t in span)


def _speaks(toks: list[Token]) -> bool:
    words = [t for t in toks if not t.is_punct]
    return len(words) >= _MIN_UNTIED_WORDS and any(t.tag_ in _FINITE for t in toks)


def attribute(
    doc: Doc, quoted: list[Quoted], pars: Paragraphs, *, table: EntityTable, cues: CueLexicon, blocks: dict[int, Tie]
) -> list[Attributed]:
    """Every scanned quotation with its speaker; ``keep`` is False for scare quotes and names."""
    index = QuoteIndex(quoted)
    out: list[Attributed] = []
    for q in quoted:
        toks = _tokens(doc, q)
        before = _window_before(doc, q, pars, index)
        after = _window_after(doc, q, pars, index)
        at_par_start = q.open_mark == pars[q.first_par][0]
        bounds = (pars[q.first_par][0], pars[q.last_par][1])
        if _marked_as_writers(doc.text, q, bounds[0], cues) or _is_name(toks):
            out.append(_record(doc.text, q, NOBODY, None, None, keep=False))
            continue
        tie = (
            _syntactic(toks, index, cues, bounds)
            or _according(before)
            or _adjacent(before, cues, after=False, statement=_statement(toks))
            or (_adjacent(after, cues, after=True) or _according(after) if _invites_after(doc, q) else None)
            or _subject_before(before, toks)
            or (blocks.get(q.first_par) if at_par_start else None)
        )
        if tie is not None:
            mention = _speaker(tie, out, table)
            cue = tie.cue if tie.cue or tie.verb is None else cue_text(tie.verb, cues, (q.start, q.end))
            if tie.quiet:
                mention, cue = Mention(mention.name), None
            out.append(_record(doc.text, q, mention, cue, tie.verb, keep=True))
            continue
        same = _same_paragraph_run(doc, out, q)
        if same is not None:
            # "“A,” X said. “B.”": the second quotation goes on in the first one's voice.
            out.append(_record(doc.text, q, same[0], same[1], None, keep=True))
            continue
        prev = _previous_speaker(out, q, pars)
        if at_par_start and prev is not None:
            # A quotation paragraph right after another by the same speaker continues it.
            out.append(_record(doc.text, q, Mention(prev), None, None, keep=True))
            continue
        out.append(_record(doc.text, q, NOBODY, None, None, keep=_speaks(toks)))
    return out


def _marked_as_writers(text: str, q: Quoted, par_start: int, cues: CueLexicon) -> bool:
    """"the so-called “reset”": a marker right before the opening mark."""
    before = text[max(par_start, q.open_mark - 24) : q.open_mark].lower().rstrip()
    return any(before.endswith(m) for m in cues.scare_markers)


def _same_paragraph_run(doc: Doc, done: list[Attributed], q: Quoted) -> tuple[Mention, str | None] | None:
    prev = next((a for a in reversed(done) if a.keep), None)
    if prev is None or prev.quoted.last_par != q.first_par or prev.quoted.close_mark is None or not prev.quote.speaker:
        return None
    between = doc.char_span(prev.quoted.close_mark + 1, q.open_mark, alignment_mode="contract")
    # Only the previous quotation's own attribution may stand between them.
    others = [t for t in between or () if t.tag_ in _FINITE and (prev.verb is None or t.i != prev.verb.i)]
    ends = [t for t in between or () if t.text in _SENTENCE_END]
    if others or len(ends) > 1 or (between is not None and len(between) > 4 * _NEAR):
        return None
    m = prev.quote.speaker_mention
    return Mention(prev.quote.speaker, m.start if m else None, m.end if m else None), prev.quote.cue


def _invites_after(doc: Doc, q: Quoted) -> bool:
    # "“...,” he said." or "“...” he said": an attribution may follow unless the quotation ended a
    # sentence and the next words start another one.
    last = doc.text[q.end - 1] if q.end > q.start else ""
    if last in ",?!—–-…":
        return True
    rest = doc.text[(q.close_mark or q.end) + 1 :].lstrip()
    return bool(rest) and (rest[0] in ",;" or rest[0].islower())


def _speaker(tie: Tie, done: list[Attributed], table: EntityTable) -> Mention:
    if tie.subject is not None:
        return table.resolve(tie.subject)
    subj = subject_of(tie.verb)
    if subj is not None:
        return table.resolve(subj)
    near = table.nearby_name(tie.verb)
    if near.name:
        return near
    if is_passive(tie.verb):
        return NOBODY  # "it was said that": no source named
    # A verb with no subject at all ("Even alleging that ..."): the speaker carries over, unnamed.
    prev = next((a.quote.speaker for a in reversed(done) if a.keep and a.quote.speaker), None)
    return Mention(prev)


def _previous_speaker(done: list[Attributed], q: Quoted, pars: Paragraphs) -> str | None:
    for a in reversed(done):
        if not a.keep:
            continue
        return a.quote.speaker if a.quoted.last_par == q.first_par - 1 else None
    return None


def _is_name(toks: list[Token]) -> bool:
    """“Chennai Connect”: two or more capitalised words and no verb are a name, not speech."""
    words = [t for t in toks if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(t.is_title for t in words) and not _statement(toks)


def _record(text: str, q: Quoted, who: Mention, cue: str | None, verb: Token | None, *, keep: bool) -> Attributed:
    span = who.span
    mention = Span(start=span[0], end=span[1], text=text[span[0] : span[1]]) if span else None
    quote = Quote(
        id="q1", start=q.start, end=q.end, text=text[q.start : q.end], kind=Kind.direct,
        speaker=who.name, speaker_mention=mention, cue=cue,
    )
    return Attributed(q, quote, verb, keep)
