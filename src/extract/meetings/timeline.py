"""Timeline entries: paragraphs opening with a date and a separator ("12 June 2018 – ...",
"- 2018-04-27: ...", "• April 2023, Beijing: ...", "* Suva, Fiji, July 2022 – ...", "08.10.2020 – London"
over the entry's text)."""

from __future__ import annotations

from spacy.tokens import Span

from . import dates
from .date_text import WEEKDAYS
from ..text.sentences import Para, doc_text

SEPARATORS = {":", "-", "–", "—", "--", "|"}
BULLETS = {"-", "*", "•", "–", "—", "·"}


def entry_date(para: Para) -> Span | None:
    """The date opening a timeline entry ("12 June 2018 – ...", "April 27–28, 2018: ...")."""
    if not para.sents:
        return None
    sents = content(para)
    first = sents[0]
    if len(sents) > 1 and len(first) <= 2 and "\n" not in para.text[first.end_char - para.start : sents[1].start_char - para.start]:
        first = first.doc[first.start : sents[1].end]  # "21" | "May 2023 — Hiroshima": the parser split the day off
    spans = dates.phrase_spans(first)
    # A list item's bullet, or a heading's "##", may come before the date ("- 2018-04-27: ...").
    opening = first.start
    while opening < first.end - 1 and (first.doc[opening].text in BULLETS or set(first.doc[opening].text) == {"#"}):
        opening += 1
    doc = first.doc
    bulleted = opening > first.start or para.text.lstrip()[:1] in BULLETS
    if spans and spans[0].start != opening and bulleted and _place_run(doc[opening : spans[0].start]):
        opening = spans[0].start  # "* Suva, Fiji, July 2022 – ...": a bullet's place, then its date
    if spans and _weekday_before(doc[opening : spans[0].start]):
        opening = spans[0].start  # "Mon, 21 Nov 2011 — Ramallah": a short weekday the date phrase left out
    if not spans or spans[0].start != opening:
        return None
    nxt = spans[0].end
    nxt += _bracketed_weekday(doc[nxt : first.end])  # "2 December 2012 (Sunday) — Amman"
    if nxt < first.end and doc[nxt].text == ",":
        # "April 2023, Beijing: ...": places may stand between the date and the separator, or
        # end the bullet's first sentence ("• 30 August – 3 September 2014, Kyoto and Tokyo.").
        nxt += 1
        while nxt < first.end and (doc[nxt].text[:1].isupper() or doc[nxt].lower_ == "and") and doc[nxt].text not in SEPARATORS:
            nxt += 1
        if nxt == spans[0].end + 1:
            return None
        if first[0].text in BULLETS and (nxt == first.end or doc[nxt].text == "." and nxt + 1 == first.end):
            return spans[0]
    if nxt < first.end and doc[nxt].text in SEPARATORS:
        return spans[0]
    return None


def leading_place(sent: Span) -> Span | None:
    """The places a bulleted entry names before its date ("* Suva, Fiji, July 2022 – ..." -> "Suva,
    Fiji"), without the comma that ends them; None for any other sentence."""
    opening = sent.start
    while opening < sent.end - 1 and sent.doc[opening].text in BULLETS:
        opening += 1
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    # The parser may leave the bullet a sentence of its own: it is then the line's only text before.
    bulleted = opening > sent.start or text[line_start : sent.start_char].strip() in BULLETS - {""}
    if not bulleted:
        return None
    spans = dates.phrase_spans(sent)
    if not spans or not _place_run(run := sent.doc[opening : spans[0].start]):
        return None
    return run[:-1]


_WEEKDAYS = frozenset(day[:3] for day in WEEKDAYS)  # "mon", "tue", ...: short or whole, the first three letters


def _weekday_before(words: Span) -> bool:
    """"Mon,", "Thurs." before a date: a weekday, short or whole, and its comma or stop."""
    toks = [t for t in words if t.text not in {",", "."}]
    return len(toks) == 1 and toks[0].lower_[:3] in _WEEKDAYS and toks[0].is_alpha and len(words) <= 3


def _bracketed_weekday(words: Span) -> int:
    """How many tokens a "(Sunday)" opening ``words`` takes: 3, or 0 when there is none."""
    ok = len(words) >= 3 and words[0].text == "(" and words[1].lower_[:3] in _WEEKDAYS and words[2].text == ")"
    return 3 if ok else 0


def _place_run(words: Span) -> bool:
    """Whether ``words`` are only capitalised names and commas ending on a comma ("Suva, Fiji,")."""
    return 0 < len(words) <= 8 and words[-1].text == "," and all(
        t.text[:1].isupper() or t.text == "," or t.lower_ == "and" for t in words)


def entry_label(first: Span, entry: Span) -> Span | None:
    """The words after a timeline entry's date when they are only a label ("– London",
    "– Phone call"), not a sentence."""
    rest = first.doc[entry.end : first.end]
    rest = rest[_bracketed_weekday(rest) :]  # "2 December 2012 (Sunday) — Amman"
    while len(rest) and (rest[0].text in SEPARATORS or rest[0].text == ","):
        rest = rest[1:]
    while len(rest) and rest[-1].text in SEPARATORS:
        rest = rest[:-1]
    if not len(rest) or len(rest) > 6 or any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return None
    return rest


def content(para: Para) -> tuple[Span, ...]:
    """The paragraph's sentences without a list bullet the parser left standing alone ("-")."""
    sents = para.sents
    while len(sents) > 1 and sents[0].text in BULLETS:
        sents = sents[1:]
    return sents
