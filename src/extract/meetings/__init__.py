"""Stage 3, meetings: takes a parsed ``Doc`` and its principal parties and gives ``Meeting`` records.

``segment`` cuts the article into meeting sections (with ``headings``, ``ordinals``,
``timeline`` and ``reading``, which asks ``verdict`` what each sentence reports from the meeting
words ``events`` finds in it (asking ``modality`` whether one is planned, in the future or denied)); each section's date comes from
``dates`` (and ``arrivals``, for a meeting the day after someone arrived), its city, country and venues from ``places`` and ``locatives``, its format, visitor and
occasion from ``occasions`` (with ``nationality``), then ``participants`` and ``topics``;
``records`` assembles them, every value with the span it came from.
"""

from .records import extract_meetings

__all__ = ["extract_meetings"]
