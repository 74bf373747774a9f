"""Text -> one spaCy Doc -> meetings and quotes -> a validated Document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .people import parties as parties_mod
from .text.article import Source
from .lexicons import Lexicons, load_lexicons
from .meetings.records import extract_meetings
from .models import Document, Meeting, Quote, meeting_at
from .text.paragraphs import Paragraphs
from .quotes.quotes import extract_quotes

# Texts longer than this are parsed in paragraph blocks of about this size and joined, so
# memory stays bounded and spaCy's max_length never bites; offsets stay those of the whole text.
BLOCK_CHARS = 100_000


@dataclass(frozen=True)
class Config:
    """What the extractors need besides the text."""

    parties: tuple[str, ...] | None = None  # principal parties; found from the text when None
    lexicons: Lexicons = field(default_factory=load_lexicons)


def blocks(text: str, size: int = BLOCK_CHARS) -> list[str]:
    """Consecutive slices of ``text`` that end at paragraph breaks and join back to ``text``."""
    if len(text) <= size:
        return [text]
    cuts = [0]
    for start, _ in Paragraphs.of(text).spans:
        if start - cuts[-1] >= size:
            cuts.append(start)
    # A single paragraph longer than the block size is cut at a line or space boundary.
    out = []
    for a, b in zip(cuts, cuts[1:] + [len(text)]):
        while b - a > 2 * size:
            cut = max(text.rfind("\n", a, a + size), text.rfind(" ", a, a + size))
            cut = cut + 1 if cut > a else a + size
            out.append(text[a:cut])
            a = cut
        out.append(text[a:b])
    return out


def parse(nlp: Language, text: str) -> Doc:
    """One parse of the whole text."""
    parts = blocks(text)
    if len(parts) == 1:
        return nlp(text)
    docs = list(nlp.pipe(parts))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


def parse_many(nlp: Language, texts: Iterable[str], *, batch_size: int = 8) -> Iterator[Doc]:
    """Docs for ``texts`` in order, batching the ordinary-sized ones through ``nlp.pipe``."""
    texts = list(texts)
    small = [t for t in texts if len(t) <= BLOCK_CHARS]
    piped = iter(nlp.pipe(small, batch_size=batch_size))
    for t in texts:
        yield next(piped) if len(t) <= BLOCK_CHARS else parse(nlp, t)


def extract_from_doc(source: Source, doc: Doc, config: Config) -> Document:
    lex = config.lexicons
    principals = parties_mod.principals(doc, lex, given=config.parties)
    meetings = extract_meetings(doc, parties=principals, lex=lex)
    meetings = [m.model_copy(update={"id": f"m{i}"}) for i, m in enumerate(meetings, 1)]
    quotes = sorted(extract_quotes(doc, parties=principals, lex=lex), key=lambda q: (q.start, q.end))
    quotes = [
        q.model_copy(update={"id": f"q{i}", "meeting": meeting_at(meetings, q.start)})
        for i, q in enumerate(quotes, 1)
    ]
    # Re-validate the whole: model_copy skips validation, and the document must be valid on disk.
    return Document.model_validate(
        {
            "article": source.article().model_dump(),
            "meetings": [m.model_dump() for m in meetings],
            "quotes": [q.model_dump() for q in quotes],
        }
    )


def extract(source: Source, nlp: Language, config: Config | None = None) -> Document:
    """The extraction for one article."""
    return extract_from_doc(source, parse(nlp, source.text), config or Config())


__all__ = ["Config", "extract", "extract_from_doc", "parse", "parse_many", "Meeting", "Quote"]
