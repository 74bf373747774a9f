"""The record format of ``../shared/ANNOTATION.md`` as pydantic models: the one place it is defined.

All offsets are half-open ``[start, end)`` Python ``str`` indices (code points) into the article
text exactly as read from disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"


class _Strict(BaseModel):
    # Unknown keys are a typo in a gold file or a drifted writer: refuse them.
    model_config = ConfigDict(extra="forbid")


class Span(_Strict):
    """A stretch of the article text with the words it covers."""

    start: int = Field(ge=0, description="Offset of the first character (inclusive).")
    end: int = Field(ge=0, description="Offset after the last character (exclusive).")
    text: str = Field(description="Exactly text[start:end].")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.start >= self.end:
            raise ValueError(f"start ({self.start}) must be before end ({self.end})")
        return self


class Section(_Strict):
    """Where a meeting's part of the article runs."""

    start: int = Field(ge=0, description="Start of the paragraph or header line introducing the meeting.")
    end: int = Field(ge=0, description="End of the meeting's stretch of text (not scored).")

    @model_validator(mode="after")
    def _ordered(self) -> Section:
        if self.start >= self.end:
            raise ValueError(f"start ({self.start}) must be before end ({self.end})")
        return self


class Format(str, Enum):
    visit = "visit"
    sidelines = "sidelines"


class Kind(str, Enum):
    direct = "direct"
    indirect = "indirect"


class Article(_Strict):
    id: str = Field(description="The file's stem: corpus/putin-netanyahu.txt -> putin-netanyahu.")
    title: str | None = Field(default=None, description="The headline, else the first non-empty line (not scored).")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the text's UTF-8 bytes, hex.")
    chars: int = Field(ge=0, description="Length of the text in code points.")


MeetingId = Annotated[str, Field(pattern=r"^m[1-9][0-9]*$")]
QuoteId = Annotated[str, Field(pattern=r"^q[1-9][0-9]*$")]


class Meeting(_Strict):
    """An in-person encounter between the principal parties that the article reports as held."""

    id: MeetingId = Field(description="m1, m2, ... in order of appearance.")
    ordinal: int | None = Field(default=None, ge=1, description="The article's own number for the meeting in the series, else null.")
    start_date: dt.date | None = Field(default=None, description="First day (ISO date).")
    end_date: dt.date | None = Field(default=None, description="Last day (ISO date); equal to start_date for one day.")
    date_text: str | None = Field(default=None, description="The date expression as written, without a leading preposition.")
    city: str | None = Field(default=None, description="English exonym of the city (first day's city).")
    country: str | None = Field(default=None, description="Short English name of the city's country.")
    venues: list[str] = Field(default_factory=list, description="Named buildings or sites, as written without a leading 'the'.")
    format: Format | None = Field(default=None, description="'sidelines' of a multilateral event, 'visit' to the other's country, else null.")
    visitor: str | None = Field(default=None, description="Canonical name of the party who travelled, for a visit.")
    occasion: str | None = Field(default=None, description="Named event, forum or anniversary the meeting was held on or for.")
    participants: list[str] = Field(default_factory=list, description="Canonical names of the people taking part, principals first.")
    topics: list[str] = Field(default_factory=list, description="Labels from the topic lexicon for what was discussed.")
    section: Section = Field(description="The meeting's stretch of text.")
    evidence: dict[str, Span] | None = Field(
        default=None, description="Optional: the span each extracted field came from, keyed by field name."
    )

    @model_validator(mode="after")
    def _dates_ordered(self) -> Meeting:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self


class Quote(_Strict):
    """Speech or writing the article attributes to a speaker."""

    id: QuoteId = Field(description="q1, q2, ... in order of start.")
    start: int = Field(ge=0, description="Offset of the quote's first character (marks excluded).")
    end: int = Field(ge=0, description="Offset after the quote's last character (marks excluded).")
    text: str = Field(description="Exactly text[start:end].")
    kind: Kind = Field(description="'direct' inside quotation marks, 'indirect' for reported speech.")
    speaker: str | None = Field(default=None, description="Canonical name of the source, or null when none is named.")
    speaker_mention: Span | None = Field(default=None, description="The words of the attribution referring to the speaker.")
    cue: str | None = Field(default=None, description="The reporting verb or phrase as written.")
    meeting: MeetingId | None = Field(default=None, description="Id of the meeting whose section contains start.")

    @model_validator(mode="after")
    def _ordered(self) -> Quote:
        if self.start >= self.end:
            raise ValueError(f"start ({self.start}) must be before end ({self.end})")
        return self


def _numbered(ids: list[str], prefix: str) -> None:
    expected = [f"{prefix}{i}" for i in range(1, len(ids) + 1)]
    if ids != expected:
        raise ValueError(f"ids must run {prefix}1, {prefix}2, ... in order, got {ids}")


class Document(_Strict):
    """One article's extraction, or its gold annotation."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of the record format.")
    article: Article = Field(description="Which text this document describes.")
    meetings: list[Meeting] = Field(default_factory=list, description="Meetings in order of appearance.")
    quotes: list[Quote] = Field(default_factory=list, description="Quotes in order of start.")

    @model_validator(mode="after")
    def _ids_in_order(self) -> Document:
        _numbered([m.id for m in self.meetings], "m")
        _numbered([q.id for q in self.quotes], "q")
        starts = [q.start for q in self.quotes]
        if starts != sorted(starts):
            raise ValueError("quotes must be in order of start")
        known = {m.id for m in self.meetings}
        for q in self.quotes:
            if q.meeting is not None and q.meeting not in known:
                raise ValueError(f"{q.id}: meeting {q.meeting!r} does not exist")
        return self


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def meeting_at(meetings: list[Meeting], offset: int) -> str | None:
    """Id of the meeting whose section contains ``offset``, if any."""
    for m in meetings:
        if m.section.start <= offset < m.section.end:
            return m.id
    return None


def check_against_text(doc: Document, text: str) -> list[str]:
    """Every way ``doc`` disagrees with the text it claims to describe; empty when it agrees."""
    problems: list[str] = []
    if doc.article.chars != len(text):
        problems.append(f"article.chars is {doc.article.chars}, the text has {len(text)}")
    if doc.article.sha256 != sha256_text(text):
        problems.append("article.sha256 does not match the text")

    def check_span(where: str, start: int, end: int, expected: str) -> None:
        if end > len(text) or text[start:end] != expected:
            problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {expected!r}")

    for m in doc.meetings:
        if m.section.end > len(text):
            problems.append(f"{m.id}.section ends at {m.section.end}, past the text ({len(text)})")
        for name, span in (m.evidence or {}).items():
            check_span(f"{m.id}.evidence.{name}", span.start, span.end, span.text)
    for q in doc.quotes:
        check_span(f"{q.id}.text", q.start, q.end, q.text)
        if q.speaker_mention:
            sm = q.speaker_mention
            check_span(f"{q.id}.speaker_mention", sm.start, sm.end, sm.text)
        expected_meeting = meeting_at(doc.meetings, q.start)
        if q.meeting != expected_meeting:
            problems.append(f"{q.id}.meeting is {q.meeting!r}, but its start lies in {expected_meeting!r}")
    return problems


def all_models() -> dict[str, type[BaseModel]]:
    """The models whose JSON Schemas are exported to ``schemas/``."""
    return {"document": Document, "meeting": Meeting, "quote": Quote}
