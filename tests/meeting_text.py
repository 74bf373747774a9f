"""Helpers for the meeting extractor tests: a short article about two leaders, run end to end."""

from __future__ import annotations

from extract.text.article import Source
from extract.models import Meeting
from extract.pipeline import Config, extract

PARTIES = ("Angela Merkel", "Emmanuel Macron")
# Introduces the two leaders with their countries, as an article's lead would.
LEAD = "German Chancellor Angela Merkel and French President Emmanuel Macron have met often.\n\n"


def meetings_of(nlp, body: str, *, lead: str = LEAD, parties: tuple[str, ...] = PARTIES) -> list[Meeting]:
    text = lead + body
    return extract(Source(id="t", text=text), nlp, Config(parties=parties)).meetings
