"""Who "the host" and "the visiting president" are: the meeting whose section holds the words says
who travelled (``Meeting.visitor``, when the meeting component ran first); the host is the other
lead. "His host" stays relational: the other one than the person in focus."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..people.parties import Person

_GUESTS = {"guest", "visitor"}


def meeting_role(tok: Token, role: str, leads: list[Person], countries: dict[str, str | None]) -> Person | None:
    """The visitor or the host of the meeting around ``tok`` that ``role`` (with the words on
    ``tok``) describes, or None. At a gathering no one travelled to see the other, the host is
    the lead whose country it is held in ("the host said" at a summit in Buenos Aires)."""
    visiting = any(c.lower_ == "visiting" and c.dep_ == "amod" for c in tok.children)
    if not (visiting or role in {"host", *_GUESTS}) or any(c.dep_ == "poss" for c in tok.children):
        return None
    meetings = tok.doc._.meetings if Doc.has_extension("meetings") else None
    here = next((m for m in meetings or () if m.section.start <= tok.idx < m.section.end), None)
    if here is None:
        return None
    visitor = next((p for p in leads if p.name == here.visitor), None)
    home = [p for p in leads if here.country and countries.get(p.name) == here.country]
    if visitor is None and len(home) == 1 and len(leads) == 2:
        visitor = next(p for p in leads if p is not home[0])
    if visitor is None:
        return None
    if visiting or role in _GUESTS:
        return visitor
    others = [p for p in leads if p is not visitor]
    return others[0] if len(others) == 1 else None
