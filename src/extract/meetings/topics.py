"""Topics of a meeting: labels of the topic lexicon (``data/topics.json``) whose words the
meeting's section uses where it reports the meeting's talk.

Sentences about something else in the section do not count: a call ("On April 1st they spoke
over the phone, discussing ..."), a meeting with a third party ("the president met with the Palestinian
leader to discuss ..."), or a paragraph opened by one. Labels naming a principal's own country are left out.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.vocab import Vocab

from ..lexicons import Lexicons
from ..text.sentences import ent_at


@lru_cache(maxsize=8)
def matchers(vocab: Vocab, lex: Lexicons) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, str]]:
    """Case-insensitive and exact-case phrase matchers over the lexicon's triggers (built once per
    lexicon), and single-word triggers by lemma ("sanction" for "sanctions")."""
    tokenize = spacy.blank("en", vocab=vocab).tokenizer  # the pipeline's own English tokenizer rules
    lower = PhraseMatcher(vocab, attr="LOWER")
    exact = PhraseMatcher(vocab, attr="ORTH")
    lemmas: dict[str, str] = {}
    for label, triggers in lex.topics.items():
        if label.startswith("_"):
            continue
        for trig in triggers:
            # An all-capitals trigger ("ME", "AI") would match ordinary words case-insensitively.
            if trig.isupper() and len(trig) <= 4:
                exact.add(label, [tokenize(trig)])
            else:
                lower.add(label, [tokenize(trig)])
                if " " not in trig and "-" not in trig:
                    lemmas.setdefault(trig.lower(), label)
    return lower, exact, lemmas


# A trigger inside a longer name is part of that name: "Paris Summit on Climate Change".
_NAMES = {"ORG", "EVENT", "FAC", "LAW", "WORK_OF_ART"}


def _inside_name(doc, start: int, end: int) -> bool:
    ent = ent_at(doc, start)
    return bool(ent) and ent.label_ in _NAMES and (ent.end - ent.start) > (end - start)


def _title(doc, end: int, roles: frozenset[str]) -> bool:
    # "Iranian President Hassan Rouhani": a demonym in a title names the person, not a topic.
    nxt = [t.lower_ for t in doc[end : end + 2]]
    return any(" ".join(nxt[:n]) in roles for n in (1, 2)) and end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN"


def topics(sents: list[Span], lex: Lexicons, *, exclude: set[str] = frozenset(),
           skip: tuple[tuple[int, int], ...] = ()) -> tuple[list[str], tuple[int, int] | None]:
    """Labels raised in ``sents`` in order of first mention, and where the first one is.

    ``exclude``: labels not to report (the principals' own countries); ``skip``: character ranges
    whose words are a name, not a topic (the occasion, "Paris Summit on Climate Change").
    """
    if not sents:
        return [], None
    doc = sents[0].doc
    lower, exact, lemmas = matchers(doc.vocab, lex)
    hits: list[tuple[int, int, str]] = []
    for sent in sents:
        for matcher in (lower, exact):
            for label_id, start, end in matcher(sent):  # offsets into the Doc, not the Span
                hits.append((start, end, doc.vocab.strings[label_id]))
        for tok in sent:
            if (label := lemmas.get(tok.lemma_.lower())) is not None:
                hits.append((tok.i, tok.i + 1, label))
    # Longest match wins: "economic restrictions" is about sanctions, not trade.
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    taken: set[int] = set()
    labels: list[str] = []
    first = None
    for start, end, label in hits:
        span = range(start, end)
        if taken & set(span):
            continue
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if _inside_name(doc, start, end) or _title(doc, end, lex.roles) or any(s <= chars[0] and chars[1] <= e for s, e in skip):
            continue
        taken.update(span)
        if label in exclude or label in labels:
            continue
        labels.append(label)
        first = first or chars
    return labels, first
