"""The extractors as spaCy components: ``extract_meetings`` and ``extract_quotes``.

Each takes a parsed ``Doc`` (tagger, parser, NER and lemmatizer of an English pipeline) and sets
``Doc._.meetings`` or ``Doc._.quotes`` to the pydantic records, numbered in text order; a quote is
tied to the meeting whose section holds it when ``extract_meetings`` ran before. Both are
registered as spaCy factories (entry points in pyproject.toml), so any pipeline can add them::

    nlp.add_pipe("extract_meetings")
    nlp.add_pipe("extract_quotes", config={"parties": ["Angela Merkel", "Emmanuel Macron"]})

Config: ``parties`` names the principal parties (found from the text when null), ``lexicons`` a
directory of word lists and gazetteers (the package's ``data/`` when null); ``extract_quotes``
also takes ``join_interrupted`` (one quote for “A,” she said, “B.”, as real-news corpora annotate it). ``extract()`` runs the
same two components on the doc it parses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .lexicons import Lexicons, load_lexicons
from .meetings import nationality
from .meetings.gate import MeetingGate
from .meetings.records import extract_meetings
from .models import Meeting, Quote, meeting_at
from .people.parties import Person, principals
from .quotes.interrupted import join_interrupted
from .quotes.quotes import extract_quotes
from .text.sentences import doc_text

for _name in ("meetings", "quotes", "extract_principals", "extract_countries"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class _Extractor:
    """What both components share: the principal parties, found once per doc."""

    def __init__(self, name: str, *, parties: Sequence[str] | None = None, lexicons: Lexicons | str | None = None):
        self.name = name
        self.parties = tuple(parties) if parties else None
        self.lexicons = lexicons if isinstance(lexicons, Lexicons) else load_lexicons(lexicons)

    def principals(self, doc: Doc) -> list[Person]:
        # Both components need them; the second reuses what the first found with the same config.
        key = (self.parties, id(self.lexicons))
        cached = doc._.extract_principals
        if cached is not None and cached[0] == key:
            return cached[1]
        found = principals(doc, self.lexicons, given=self.parties)
        doc._.extract_principals = (key, found)
        return found

    def countries(self, doc: Doc) -> dict[str, str | None]:
        # The principals' countries, read once from the whole text for both components.
        key = (self.parties, id(self.lexicons))
        cached = doc._.extract_countries
        if cached is not None and cached[0] == key:
            return cached[1]
        found = nationality.of_principals(doc, self.principals(doc), self.lexicons)
        doc._.extract_countries = (key, found)
        return found


class MeetingExtractor(_Extractor):
    """Sets ``doc._.meetings``: one record per meeting of the principals, ids ``m1``, ``m2`` ...;
    ``gate``, a trained ``MeetingGate`` or the path of one, gives the rules a learned second opinion."""

    def __init__(self, name: str, *, gate: MeetingGate | str | None = None, **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.gate = MeetingGate.load(gate) if isinstance(gate, str) else gate

    def __call__(self, doc: Doc) -> Doc:
        doc._.meetings = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Meeting]:
        found = extract_meetings(doc, parties=self.principals(doc), lex=self.lexicons, gate=self.gate,
                                 countries=self.countries(doc))
        return [m.model_copy(update={"id": f"m{i}"}) for i, m in enumerate(found, 1)]


class QuoteExtractor(_Extractor):
    """Sets ``doc._.quotes``: every attributed quote in text order, ids ``q1``, ``q2`` ..., each
    tied to the meeting in ``doc._.meetings`` whose section holds it."""

    def __init__(self, name: str, *, join_interrupted: bool = False, **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.join_interrupted = join_interrupted

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        found = extract_quotes(doc, parties=self.principals(doc), lex=self.lexicons, countries=self.countries(doc))
        found = sorted(found, key=lambda q: (q.start, q.end))
        if self.join_interrupted:
            found = join_interrupted(found, doc_text(doc))
        meetings = doc._.meetings or []
        return [
            q.model_copy(update={"id": f"q{i}", "meeting": meeting_at(meetings, q.start)})
            for i, q in enumerate(found, 1)
        ]


@Language.factory("extract_meetings", default_config={"parties": None, "lexicons": None, "gate": None})
def make_meeting_extractor(
    nlp: Language, name: str, parties: Optional[List[str]], lexicons: Optional[str], gate: Optional[str]  # noqa: UP006, UP007 - spaCy's config validation reads these
) -> MeetingExtractor:
    return MeetingExtractor(name, parties=parties, lexicons=lexicons, gate=gate)


@Language.factory("extract_quotes", default_config={"parties": None, "lexicons": None, "join_interrupted": False})
def make_quote_extractor(
    nlp: Language, name: str, parties: Optional[List[str]], lexicons: Optional[str], join_interrupted: bool  # noqa: UP006, UP007
) -> QuoteExtractor:
    return QuoteExtractor(name, parties=parties, lexicons=lexicons, join_interrupted=join_interrupted)
