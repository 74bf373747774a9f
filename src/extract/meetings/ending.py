"""Where the last meeting's section ends: after the last paragraph that still reports on it."""

from __future__ import annotations

from spacy.tokens import Span

from . import dates
from .verdict import THIRD
from ..lexicons import Lexicons
from .shape import is_header, is_quoted
from ..text.sentences import Para
from ..wordlists import starts_with, words


def last_paragraphs(body: list[Para], read, lex: Lexicons, sec) -> list[Para]:
    """The last section's paragraphs: up to one that turns to something else."""
    # A heading's meeting is told in the paragraph under it, whatever its tense.
    lead = 2 if len(body) > 1 and is_header(body[0]) and not is_header(body[1]) else 1
    kept = body[:lead]
    ends = sec.date.end if sec.date and sec.date.end else None
    for para in body[lead:]:
        first = para.sents[0]
        if is_header(para) or starts_with(first, words(lex, "concluding_cues")):
            break
        if is_quoted(para):
            kept.append(para)
            continue
        if read(first) == THIRD:
            break  # "Biden arrived in Geneva from Brussels, where he held talks with Erdogan"
        date = dates.meeting_date([first], after=None, article=None)
        if ends and date and date.start and (date.start - ends).days > 1 and read.tells_event(first):
            break  # a later event: "Those talks finally took place in Stockholm on October 5"
        if _present_tense(first, lex) and not any(q in para.text for q in "\"“”"):
            break  # the writer's own assessment: "While both ... are following their own agenda"
        if len(para.text.split()) > 1:
            kept.append(para)
    return kept


def _present_tense(sent: Span, lex: Lexicons) -> bool:
    root = sent.root
    if root.lemma_.lower() in lex.reporting_verbs:
        return False
    tags = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in {"aux", "auxpass"}}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"}
