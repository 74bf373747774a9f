"""Whom a capitalised title both principals hold stands for. A readout names its own house's
leader by the bare title ("the President thanked him") and the guest by title and name ("the
President told President Calderón"): the title is the principal never named beside it."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from spacy.tokens import Doc, Span

from .spelling import names_follow


def house_holder(doc: Doc, role: str, leads: list[str], named: Callable[[Span], Iterable[str]]) -> str | None:
    """The one of ``leads`` that no sentence with "the <Role>" (capitalised, no name after it) names
    beside it, when such sentences name the other at least twice; None otherwise. ``named(sent)``:
    the leads a sentence names."""
    size = len(role.split())
    beside: Counter[str] = Counter()
    for sent in doc.sents:
        for tok in sent[: len(sent) - size]:
            if tok.lower_ != "the":
                continue
            title = doc[tok.i + 1 : tok.i + 1 + size]
            if title.text.lower() == role and title.text[:1].isupper() and not names_follow(doc, title.end):
                beside.update(set(named(sent)))
    unnamed = [who for who in leads if not beside[who]]
    return unnamed[0] if len(unnamed) == 1 and sum(beside.values()) >= 2 else None
