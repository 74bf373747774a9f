"""Stage 4, quotes: takes a parsed ``Doc`` and its principal parties and gives ``Quote`` records.

Direct quotes are the quotation-mark spans (from ``text.scanner``) joined into ``blocks`` and tied
to a cue (``ties``, ``cues``); indirect ones are reported speech (``indirect``); ``attribution`` and
``speakers`` find who said each one. ``quotes`` runs them in turn.
"""

from .quotes import extract_quotes

__all__ = ["extract_quotes"]
