"""Who said the words between the marks: each quotation from the scanner with its speaker.

A quotation is tied by ``ties`` (the parse, "according to", the words around the marks, a subject
before the mark) or by a colon-introduced block (``blocks``); failing that it goes on in the voice
of the quotation just before it (same paragraph, or the paragraph before). A quotation tied to
nothing is kept only when it reads as a statement; "so-called" phrases and quoted names are never
quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import ties
from .cues import (CueLexicon, according_to, cue_text, is_passive, is_speech_verb, relative_owner, reporting_head,
                   subject_of)
from ..models import Kind, Quote, Span
from ..people.descriptions import describe
from ..text.paragraphs import Paragraphs
from ..text.scanner import QuoteIndex, Quoted
from ..text.sentences import doc_text
from .nearby import nearby_name
from .speakers import NOBODY, EntityTable, Mention
from .ties import FINITE, NEAR, SENTENCE_END, Tie

# A quotation tied to no speaker is kept only when it reads like a statement, not a phrase.
_MIN_UNTIED_WORDS = 4
# “...” ― Ana Ruiz: a dash and a name alone to the end of the paragraph sign the quotation, maybe
# with a title after a comma (a press release's "— The Hon. Ana Ruiz, Minister of Foreign Affairs").
# Scraped pages often put non-breaking spaces around the dash, so any space but a line break counts.
_SIGNATURE = re.compile(
    r"[^\S\n]*[\u2015\u2014\u2013-]{1,2}[^\S\n]*([A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,4}?)[^\S\n]*"
    r"(?:,[^\S\n]+[^\n]*|[.,]?[^\S\n]*)"
)


_DASHES = "\u2015\u2014\u2013-"


@dataclass(frozen=True)
class Attributed:
    quoted: Quoted
    quote: Quote
    verb: Token | None  # the verb of saying it hangs on, if any
    keep: bool


def attribute(
    doc: Doc, quoted: list[Quoted], pars: Paragraphs, *, table: EntityTable, cues: CueLexicon, blocks: dict[int, Tie]
) -> list[Attributed]:
    """Every scanned quotation with its speaker; ``keep`` is False for scare quotes and names."""
    index = QuoteIndex(quoted)
    out: list[Attributed] = []
    for q in quoted:
        toks = ties.tokens(doc, q)
        before = ties.window_before(doc, q, pars, index)
        after = ties.window_after(doc, q, pars, index)
        at_par_start = q.open_mark == pars[q.first_par][0]
        bounds = (pars[q.first_par][0], pars[q.last_par][1])
        text = doc_text(doc)
        if _marked_as_writers(text, q, bounds[0], cues) or _is_name(toks) or _is_heading(text, q, bounds, toks) \
                or _is_citation(text, q):
            out.append(_record(text, q, NOBODY, None, None, keep=False))
            continue
        if q.label is not None:
            out.append(_record(doc_text(doc), q, _turn_speaker(doc_text(doc), q.label, table), None, None, keep=True))
            continue
        signed = _signature(doc, q, bounds[1], table)
        if signed is not None:
            out.append(_record(doc_text(doc), q, signed, None, None, keep=True))
            continue
        tie = (
            ties.in_parse(toks, index, cues, bounds)
            or ties.according(before)
            or ties.adjacent(before, cues, after=False, statement=ties.statement(toks))
            or ties.colon_before(before, cues)
            or (ties.adjacent(after, cues, after=True) or ties.according(after) or ties.bare_after(after)
                if ties.invites_after(doc, q) else None)
            or ties.subject_before(before, toks)
            or (blocks.get(q.first_par) if at_par_start else None)
        )
        if tie is not None and tie.verb is not None and tie.subject is None and ties.imperative(tie.verb):
            tie = None  # the writer's "Call it “...”": no one is quoted
        mention = _speaker(tie, out, table, cues, index) if tie is not None else NOBODY
        if mention.name and mention.span and index.covers(mention.span[0]):
            tie = None  # the parse took someone named in quoted words for the speaker
        if tie is not None:
            cue = tie.cue if tie.cue or tie.verb is None else cue_text(tie.verb, cues, (q.start, q.end))
            if tie.quiet:
                mention, cue = Mention(mention.name), None
            out.append(_record(doc_text(doc), q, mention, cue, tie.verb, keep=True))
            continue
        same = _same_paragraph_run(doc, out, q)
        if same is not None:
            # "“A,” X said. “B.”": the second quotation goes on in the first one's voice.
            out.append(_record(doc_text(doc), q, same[0], same[1], None, keep=True))
            continue
        prev = _previous_speaker(out, q)
        if prev is None and _speaks(toks):
            # An unattributed statement later in a paragraph that has quoted someone is theirs:
            # "“A,” she said after the talks. She did not say more. “B.”"
            prev = _paragraph_speaker(out, q)
            if prev is not None:
                out.append(_record(doc_text(doc), q, Mention(prev), None, None, keep=True))
                continue
            said = _said_just_before(doc, q, bounds[0], table, cues) or _subject_just_before(doc, q, bounds[0], table, cues)
            if said is not None:
                # "..., Schiff said. “The other factor ...”": the sentence before ends on who speaks.
                out.append(_record(doc_text(doc), q, Mention(said), None, None, keep=True))
                continue
        if prev is not None and not at_par_start and _speaks(toks) and (said := _said_just_before(
                doc, q, bounds[0], table, cues) or _subject_just_before(doc, q, bounds[0], table, cues)) is not None:
            out.append(_record(doc_text(doc), q, Mention(said), None, None, keep=True))
            continue
        if at_par_start and _speaks(toks) and (said := _introduced(doc, q, pars, table, cues)) is not None:
            out.append(_record(doc_text(doc), q, Mention(said), None, None, keep=True))
            continue
        if at_par_start and prev is not None:
            # A quotation paragraph right after another by the same speaker continues it.
            out.append(_record(doc_text(doc), q, Mention(prev), None, None, keep=True))
            continue
        out.append(_record(doc_text(doc), q, NOBODY, None, None, keep=_speaks(toks)))
    return out


def _signature(doc: Doc, q: Quoted, par_end: int, table: EntityTable) -> Mention | None:
    """The name that signs a quotation after a dash, at the end of its line."""
    if q.close_mark is None:
        return None
    text = doc_text(doc)
    line_end = text.find("\n", q.close_mark, par_end)
    start, end = q.close_mark + 1, par_end if line_end < 0 else line_end
    if not text[start:end].strip() and text[end : end + 1] == "\n" and text[end + 1 : end + 2] in _DASHES:
        # The signature on a line of its own right under the quotation.
        start = end + 1
        end = text.find("\n", start) % (len(text) + 1)
    m = _SIGNATURE.fullmatch(text, start, end)
    if m is None:
        return None
    start, end = m.span(1)
    last = doc.char_span(start, end, alignment_mode="expand")
    if last is not None and last[-1].i in table.named:
        return table.resolve(last[-1])
    return Mention(m.group(1).rstrip("."), start, start + len(m.group(1).rstrip(".")))


def _turn_speaker(text: str, label: tuple[int, int], table: EntityTable) -> Mention:
    """The person a transcript's capitalised label names ("PENCE" for Mike Pence), if the article
    names them; otherwise the label stands as the mention of someone unnamed ("HOST")."""
    words = text[label[0] : label[1]].lower().split()
    for person in table.people:
        names = person.name.lower().split()
        if words == names or (len(words) == 1 and words[0] in names[1:]):
            return Mention(person.name, *label)
    return Mention(None, *label)


def _speaks(toks: list[Token]) -> bool:
    words = [t for t in toks if not t.is_punct]
    return len(words) >= _MIN_UNTIED_WORDS and any(t.tag_ in FINITE for t in toks)


def _marked_as_writers(text: str, q: Quoted, par_start: int, cues: CueLexicon) -> bool:
    """"the so-called “reset”": a marker right before the opening mark."""
    before = text[max(par_start, q.open_mark - 24) : q.open_mark].lower().rstrip()
    return any(before.endswith(m) for m in cues.scare_markers)


# Small words a title leaves in lower case ("Fox and Friends", "War of the Worlds").
_TITLE_GLUE = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"})


def _is_name(toks: list[Token]) -> bool:
    """“Pacific Connect”, “Fox and Friends”: capitalised words and no verb are a name, not speech."""
    words = [t for t in toks if t.is_alpha]
    titled = [t for t in words if t.is_title]
    inner = toks[:-1] if toks and toks[-1].is_punct else toks
    return (
        len(titled) >= 2
        and not any(t.is_punct for t in inner)  # “Yo, Blair,”: a greeting, not a title
        and any(len(t) > 3 for t in titled)
        and all(t.is_title or t.lower_ in _TITLE_GLUE for t in words)
        and not ties.statement(toks)
    )


def _is_heading(text: str, q: Quoted, bounds: tuple[int, int], toks: list[Token]) -> bool:
    """A paragraph that is nothing but a capitalised quotation (“All Bets Are Off.”) is a section
    heading that borrows someone's words, not a report of them."""
    if q.open_mark != bounds[0] or q.close_mark is None or text[q.close_mark + 1 : bounds[1]].strip(" .!?"):
        return False
    words = [t for t in toks if t.is_alpha]
    return len(words) >= 3 and all(t.is_title or t.lower_ in _TITLE_GLUE for t in words)


# A reference list's entry before a cited title: "4. ^ ", "14–15. ^ ", "[4] ".
# A reference's number and caret, with the back-links of a reference cited more than once ("^ a b c").
_CITATION = re.compile(r"(?:\d+(?:[–-]\d+)?\.\s*)?\^(?:\s+[a-z]\b)*\s*|\[\d+\]\s*")


def _is_citation(text: str, q: Quoted) -> bool:
    """“Sharon begins India visit” in "4. ^ “Sharon begins India visit”. 9 Sep 2003." (or "^ a b “...”"): a cited title."""
    return bool(_CITATION.fullmatch(text[text.rfind("\n", 0, q.open_mark) + 1 : q.open_mark].strip()))


def _same_paragraph_run(doc: Doc, done: list[Attributed], q: Quoted) -> tuple[Mention, str | None] | None:
    prev = next((a for a in reversed(done) if a.keep), None)
    if prev is None or prev.quoted.last_par != q.first_par or prev.quoted.close_mark is None or not prev.quote.speaker:
        return None
    between = doc.char_span(prev.quoted.close_mark + 1, q.open_mark, alignment_mode="contract")
    # Only the previous quotation's own attribution may stand between them.
    others = [t for t in between or () if t.tag_ in FINITE and (prev.verb is None or t.i != prev.verb.i)]
    ends = [t for t in between or () if t.text in SENTENCE_END]
    if others or len(ends) > 1 or (between is not None and len(between) > 4 * NEAR):
        return None
    m = prev.quote.speaker_mention
    return Mention(prev.quote.speaker, m.start if m else None, m.end if m else None), prev.quote.cue


def _previous_speaker(done: list[Attributed], q: Quoted) -> str | None:
    for a in reversed(done):
        if not a.keep:
            continue
        return a.quote.speaker if a.quoted.last_par == q.first_par - 1 else None
    return None


def _sentence_before(doc: Doc, q: Quoted, par_start: int) -> tuple[list[Token], Token] | None:
    """The tokens of the paragraph before ``q`` and the root of its last sentence, when that
    sentence ends right before ``q`` opens."""
    before = doc.char_span(par_start, q.open_mark, alignment_mode="contract")
    toks = [t for t in before or () if not t.is_space]
    if len(toks) < 3 or toks[-1].text not in SENTENCE_END:
        return None
    # The sentence up to the quotation: the parse may have run it on into the quoted words.
    return toks, doc[max(toks[-1].sent.start, toks[0].i) : toks[-1].i + 1].root


def _said_just_before(doc: Doc, q: Quoted, par_start: int, table: EntityTable, cues: CueLexicon) -> str | None:
    """The named speaker of a sentence that ends, in the same paragraph, right before ``q`` opens
    and whose last clause is a verb of saying ("Schiff said."), or which reports that speaker's
    words ("The visiting Chancellor stated that ... “Per head of population ...")."""
    if (found := _sentence_before(doc, q, par_start)) is None:
        return None
    toks, root = found
    verb = toks[-2] if toks[-2].pos_ in {"VERB", "AUX"} else None
    # Its words reported after the verb: a content clause, or a "that" the parse hung elsewhere
    # ("told reporters at the time that the choice was no accident").
    if (verb is None or not is_speech_verb(verb, cues)) and is_speech_verb(root, cues) and (
            any(c.dep_ == "ccomp" and c.i > root.i for c in root.children)
            or any(t.lower_ == "that" and t.dep_ != "det" for t in doc[root.i + 1 : toks[-1].i])):
        verb = root
    if verb is not None and is_speech_verb(verb, cues):
        subj = subject_of(verb)
        return table.resolve(subj).name if subj is not None else None
    # "According to PM Anwar, officials would keep working ... “We will not let ...”": the source.
    source = according_to(doc[max(toks[-1].sent.start, toks[0].i)])
    return table.resolve(source).name if source is not None else None


def _subject_just_before(doc: Doc, q: Quoted, par_start: int, table: EntityTable, cues: CueLexicon) -> str | None:
    """The person the sentence right before ``q`` is about, when it names or refers to one as its
    subject: "Sánchez made little secret of his impatience. “The peninsula ...”", or whose words
    are its subject: "His statement also made the economic argument. “At some ...”"."""
    if (found := _sentence_before(doc, q, par_start)) is None:
        return None
    subj = subject_of(found[1])
    if subj is not None and subj.lemma_.lower() in cues.nouns:
        subj = next((c for c in subj.children if c.dep_ == "poss"), None)
    # A name, a pronoun, or a description of someone ("The Indian leader answered when ...").
    if subj is None or not (_someone(subj, table) or subj.lower_ in {"he", "she", "his", "her"}):
        return None
    return table.resolve(subj).name


def _someone(subj: Token, table: EntityTable) -> bool:
    """Whether a subject names a person or describes one ("Ishiba", "the Indian leader")."""
    return subj.i in table.named or describe(subj, table.roles)[1] is not None


def _introduced(doc: Doc, q: Quoted, pars: Paragraphs, table: EntityTable, cues: CueLexicon) -> str | None:
    """A quotation paragraph right under a one-sentence paragraph that has someone take the floor
    ("Ishiba spoke next, through an interpreter."): the words are that speaker's."""
    if q.first_par == 0:
        return None
    start, end = pars[q.first_par - 1]
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(list(span.sents)) != 1 or not is_speech_verb(span.root, cues):
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in span.root.children):
        return None  # the sentence reports words of its own
    subj = subject_of(span.root)
    if subj is None or not _someone(subj, table):
        return None
    return table.resolve(subj).name


def _paragraph_speaker(done: list[Attributed], q: Quoted) -> str | None:
    """The speaker of the last quotation kept earlier in the same paragraph as ``q``."""
    prev = next((a for a in reversed(done) if a.keep), None)
    if prev is None or prev.quoted.last_par != q.first_par:
        return None
    return prev.quote.speaker


def _speaker(tie: Tie, done: list[Attributed], table: EntityTable, cues: CueLexicon, index: QuoteIndex) -> Mention:
    if tie.subject is not None:
        return table.resolve(tie.subject)
    if tie.verb is None:
        return NOBODY  # "Partial transcript as follows:": a speech noun that no one owns
    subj = relative_owner(tie.verb) or subject_of(reporting_head(tie.verb, cues))
    # A subject the parse found inside quotation marks is a misparse ('... said on Fox News's
    # “Fox and Friends.”'): the quoted words are a title, not the source.
    if subj is not None and not index.covers(subj.idx):
        if subj.lower_ in table.roles.pronouns and tie.verb.dep_ == "parataxis" and subj.head.i == tie.verb.i:
            # "Medina, she said, “keeps up ...”": the pronoun of an aside is not the subject of the
            # clause it interrupts.
            host = {t.i for c in tie.verb.head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
            person = table.antecedent(subj.i, table.roles.pronouns[subj.lower_], skip=frozenset(host))
            return Mention(person.name if person else None, subj.idx, subj.idx + len(subj))
        return _going_on(subj, tie.verb, done, table) or table.resolve(subj)
    near = nearby_name(table, tie.verb)
    if near.name:
        return near
    if is_passive(tie.verb):
        return NOBODY  # "it was said that": no source named
    # A verb with no subject at all ("Even alleging that ..."): the speaker carries over, unnamed.
    prev = next((a.quote.speaker for a in reversed(done) if a.keep and a.quote.speaker), None)
    return Mention(prev)


def _going_on(subj: Token, verb: Token, done: list[Attributed], table: EntityTable) -> Mention | None:
    """"A microphone caught Obama telling Medvedev that “...”. He went on: “...”": a pronoun that goes on
    or adds is the speaker of the quotation just before it, whoever that quotation's clause named last."""
    if subj.pos_ != "PRON" or subj.lower_ not in table.roles.pronouns or verb.lemma_.lower() not in table.roles.continuing:
        return None
    prev = next((a.quote for a in reversed(done) if a.keep), None)
    if prev is None or not prev.speaker or "\n\n" in doc_text(subj.doc)[prev.end : subj.idx]:
        return None
    between = subj.doc.char_span(prev.end, subj.idx, alignment_mode="contract")
    if any(t.i in table.named for t in between or ()):
        return None  # "“A,” Varga said. Silva shook her head. “B,” she added": the pronoun has its antecedent
    if table.gender.get(prev.speaker, table.roles.pronouns[subj.lower_]) != table.roles.pronouns[subj.lower_]:
        return None
    return Mention(prev.speaker, subj.idx, subj.idx + len(subj))


def _inside(who: Mention, q: Quoted) -> bool:
    span = who.span
    return span is not None and q.open_mark <= span[0] < (q.close_mark if q.close_mark is not None else q.end)


def _record(text: str, q: Quoted, who: Mention, cue: str | None, verb: Token | None, *, keep: bool) -> Attributed:
    span = who.span
    if who.name is None and _inside(who, q):
        span = None  # an unnamed source's words inside the quotation itself are no attribution
    mention = Span(start=span[0], end=span[1], text=text[span[0] : span[1]]) if span else None
    quote = Quote(
        id="q1", start=q.start, end=q.end, text=text[q.start : q.end], kind=Kind.direct,
        speaker=who.name, speaker_mention=mention, cue=cue,
    )
    return Attributed(q, quote, verb, keep)
