"""Text -> one spaCy Doc: long texts in paragraph blocks, many texts in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .paragraphs import Paragraphs

# Texts longer than this are parsed in paragraph blocks of about this size and joined, so
# memory stays bounded and spaCy's max_length never bites; offsets stay those of the whole text.
BLOCK_CHARS = 100_000


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
