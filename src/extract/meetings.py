"""Meeting records, one per meeting section. (Filled by the meeting issue.)"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicons import Lexicons
from .models import Meeting
from .parties import Person


def extract_meetings(doc: Doc, *, parties: list[Person], lex: Lexicons) -> list[Meeting]:
    return []
