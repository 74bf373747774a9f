"""Whom a capitalised title both principals hold stands for. A readout names its own house's
leader by the bare title ("the President thanked him") and the guest by title and name ("the
President told President Calderón"): the title is the principal never named beside it."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from spacy.tokens import Doc, Span

from .spelling import names_follow


def house_holder(doc: Doc, role: str, leads: list[str], named: Callable[[Span], Iterable[str]]) -> str | None:
    """The one of ``leads`` that no sentence with the title standing alone (``_alone``) names beside
    it, when such sentences name the other at least twice; None otherwise. ``named(sent)``: the leads
    a sentence names."""
    size = len(role.split())
    beside: Counter[str] = Counter()
    for sent in doc.sents:
        for tok in sent[: len(sent) - size + 1]:
            title = doc[tok.i : tok.i + size]
            if title.text.lower() == role and _alone(title, sent):
                beside.update(set(named(sent)))
    unnamed = [who for who in leads if not beside[who]]
    return unnamed[0] if len(unnamed) == 1 and sum(beside.values()) >= 2 else None


def _alone(title: Span, sent: Span) -> bool:
    """A capitalised title standing for its holder: "the President", or with no article as Indian
    readouts write it ("Tobgay briefed Prime Minister on ..."); not "the Prime Minister of Bhutan",
    "Prime Minister Shri Narendra Modi", "President-elect Obama", "as President", which say whose."""
    doc = title.doc
    after = doc[title.end] if title.end < len(doc) else None
    prev = doc[title.start - 1] if title.start > sent.start else None
    if not title.text[:1].isupper() or names_follow(doc, title.end) or after is not None and after.lower_ == "of":
        return False
    if prev is not None and prev.lower_ == "the":
        return True
    return (after is not None and after.is_alpha and after.is_lower
            and (prev is None or prev.is_lower and prev.lower_ not in {"a", "an", "as", "then"}))
